"""What the dispatches citing an entity say it is, read where they write its name. No page for an
organisation that is a programme or a law ("le programme d'assurance santé pour les foyers modestes,
appelé Medicaid"), a product ("Telegram, messagerie chiffrée") or the end of a longer name
("Haut-Commissaire des Nations unies aux droits de l'homme"), nor for a place only ever written as the
second half of a name of two ("circonscription de Batley et Spen"). A building or a site ("l'Ericsson
Globe, salle qui avait déjà accueilli le concours", "l'observatoire de Parkes") is a place for readers,
as a stadium or an airport is; the annotations of the corpus type it an organisation (WiNER): ingest
keeps their convention, only the page follows the reader's. Read by the site's pages
(``plugins/entities/pages.py``). Pure functions, no Pelican."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Sequence

from .countries import is_qualifiable

_SPACE = r"[\s\u00a0\u202f]+"
# a programme, a scheme, a law or a plan, its name given right after it ("les systèmes Medicaid et
# Medicare") or after "called" ("le programme d'assurance santé ..., appelé Medicaid")
_PROGRAMME_BEFORE = re.compile(
    r"(?<![\w\-])(?:programme|système|régime|dispositif|loi|plan|réforme|allocation|prestation)s?"
    # "appelé", not "a appelé Amnesty à" (called on)
    r"(?:" + _SPACE + r"|[^.;:!?«»()\[\]]{0,90}?(?<![\w\-])(?<!a )(?<!ont )(?<!avait )(?<!été )"
    r"(?:appel|baptis|nomm|intitul)ée?s?,?" + _SPACE + r")(?:«" + _SPACE + r")?$", re.IGNORECASE)
# a building or a site named as such: its head noun and the place it is named after ("observatoire de
# Parkes", "radiotélescope d'Arecibo"); not "Observatoire syrien des droits de l'homme" nor
# "Observatoire des inégalités", organisations named after what they watch
_FACILITY_NAME = re.compile(r"(?i:observatoire|radiotélescope|télescope|salle|aréna|arène|amphithéâtre)"
                            r" (?:de la |de l['’]|du |de |d['’])[A-ZÀ-ÖØ-Þ]")
# a comma and a noun phrase right after a name: what the dispatch says it is
_APPOSITION = r"[\s\u00a0\u202f]*," + _SPACE + r"(?:(?:une?|la|le|l['’])" + _SPACE + r")?"
# ", salle qui ...", ", stade de ...": an apposition that says it is a building ("Google, situé à
# Mountain View" is its headquarters: no evidence)
_FACILITY_AFTER = re.compile(
    _APPOSITION + r"(?:(?:grande|petite|nouvelle|ancienne)" + _SPACE + r")?(?:salle|stade|aréna|arène|enceinte|observatoire|radiotélescope|télescope|auditorium|amphithéâtre"
    r")(?![\w\-])", re.IGNORECASE)
# English names of venues, their head noun anywhere ("The Plaza Live", "Royal Albert Hall", "MEO Arena");
# not "Globe", a newspaper's name as often ("The Boston Globe")
_VENUE_WORD = re.compile(r"(?<![\w\-])(?i:arena|stadium|plaza|hall|theatre|theater|dome|coliseum|auditorium)(?![\w\-])")
# ", messagerie chiffrée appréciée des terroristes": an apposition that says it is a product
_PRODUCT_AFTER = re.compile(
    _APPOSITION + r"(?:messagerie|application|appli"
    r"|réseau" + _SPACE + r"social|logiciel|moteur" + _SPACE + r"de" + _SPACE + r"recherche|jeu" + _SPACE
    + r"vidéo|console|smartphone|navigateur)(?![\w\-])", re.IGNORECASE)
# "Zeid Ra'ad Zeid Al-Hussein, Haut-Commissaire des Nations unies aux droits de l'homme": the end of a longer
# name, its capitalised head cut off (here a title); the head is no word opening a sentence ("Selon des")
# (after punctuation: "Alexandre Lacazette de l'Olympique lyonnais" is a player of the club)
_HEAD_CUT_OFF = re.compile(r"[,;’'»)][\s\u00a0]+[A-ZÀ-ÖØ-Þ][\w\-’']*[\s\u00a0]+(?:des|du|de[\s\u00a0]+la|de[\s\u00a0]+l['’]|de|d['’])[\s\u00a0]*$")
# "la circonscription de Batley et Spen": the second half of a name of two, after its first and "et";
# not a stage's end "entre Vielha et Ordino-Arcalis", two places
_FIRST_HALF_BEFORE = re.compile(r"(?<![\w\-])(?<!entre[\s\u00a0])([A-ZÀ-ÖØ-Þ][\w\-’']*)[\s\u00a0]+et[\s\u00a0]+$")
_WINDOW = 120  # characters read before a name: its clause


def _is_word_character(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "_-")


def _uses(name: str, texts: Iterable[str]) -> list[tuple[str, int, int]]:
    """(text, start, end) of each time ``texts`` write ``name`` as a whole word, whichever its apostrophes
    (a typeset text curls those its dispatch wrote straight: "droits de l’homme"). Searched as a string:
    a pattern compiled for each name of a site costs more than the search."""
    wanted = name.replace("’", "'")
    found = []
    for text in texts:
        straight = text.replace("’", "'")  # as long as the text: the offsets hold
        start = straight.find(wanted)
        while start != -1:
            end = start + len(wanted)
            if not _is_word_character(straight, start - 1) and not _is_word_character(straight, end):
                found.append((text, start, end))
            start = straight.find(wanted, start + 1)
    return found


def organisation_uses(name: str, text: str) -> tuple[int, int, int, int, int]:
    """What ``text`` says of organisation ``name`` where it writes it: (uses, of which after a programme's
    or a law's name, after a head cut off, followed by a product's apposition, by a building's)."""
    uses = _uses(name, [text])
    return (len(uses),
            sum(1 for _, start, _ in uses if _PROGRAMME_BEFORE.search(text, max(0, start - _WINDOW), start)),
            sum(1 for _, start, _ in uses if _HEAD_CUT_OFF.search(text, max(0, start - _WINDOW), start)),
            sum(1 for _, _, end in uses if _PRODUCT_AFTER.match(text, end)),
            sum(1 for _, _, end in uses if _FACILITY_AFTER.match(text, end)))


def first_halves(name: str, text: str) -> list[str]:
    """The capitalised words ``text`` writes right before "et" and place ``name`` ("Batley" of "Batley et
    Spen"), "" for a use after anything else."""
    return sorted({found.group(1) if (found := _FIRST_HALF_BEFORE.search(text, max(0, start - 40), start)) else ""
                   for _, start, _ in _uses(name, [text])})


# ``read`` below: what one text says (``organisation_uses``, ``first_halves``), or a caller's that keeps
# it per text, which may then be anything that stands for a text


def names_no_organisation(name: str, texts: Iterable, read: Callable[[str, Any], Sequence[int]] = organisation_uses) -> bool:
    """Whether ``texts``, the dispatches citing organisation ``name``, show it is none: every time a
    programme's or a law's name (see the module docstring) or the end of a longer name; once, a product
    (", messagerie chiffrée")."""
    said = [read(name, text) for text in texts]
    uses = sum(counts[0] for counts in said)
    return bool(uses) and (sum(counts[1] for counts in said) == uses or sum(counts[2] for counts in said) == uses
                           or any(counts[3] for counts in said))


def is_second_half(name: str, texts: Iterable, read: Callable[[str, Any], Sequence[str]] = first_halves) -> bool:
    """Whether every time ``texts`` write place ``name`` it follows one same capitalised word and "et"
    ("Batley et Spen", a constituency): the end of a name of two places, no place of its own. Never
    a country, a French region or département: "Croatie et Slovénie" names two countries."""
    before = {word for text in texts for word in read(name, text)}
    return is_qualifiable(name) and len(before) == 1 and "" not in before


def is_facility(name: str, texts: Iterable, read: Callable[[str, Any], Sequence[int]] = organisation_uses) -> bool:
    """Whether ``name`` is a building or a site: named by its head noun and the place it is named after
    or by an English venue word, or described so by an apposition in one of ``texts`` (see the module
    docstring)."""
    return bool(_FACILITY_NAME.match(name) or _VENUE_WORD.search(name)) or any(read(name, text)[4] for text in texts)
