"""What an organisation's own dispatches say it is, read where they write its name: a programme or a law
("le programme d'assurance santé pour les foyers modestes, appelé Medicaid"), no organisation and no page;
a building or a site ("l'Ericsson Globe, salle qui avait déjà accueilli le concours", "l'observatoire de
Parkes"), a place for readers as a stadium or an airport is. Read by the site's pages
(``plugins/entities/pages.py``) on the texts of the dispatches that cite the name; the annotations of the
corpus may say otherwise (WiNER types an observatory as an organisation): ingest keeps their convention,
only the page follows the reader's. Pure functions, no Pelican."""

from __future__ import annotations

import re
from typing import Iterable

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
# ", salle qui ...", ", stade de ...": an apposition that says it is a building ("Google, situé à
# Mountain View" is its headquarters: no evidence)
_FACILITY_AFTER = re.compile(
    r"[\s\u00a0\u202f]*," + _SPACE + r"(?:(?:une?|la|le|l['’])" + _SPACE + r")?(?:(?:grande|petite|nouvelle|ancienne)" + _SPACE
    + r")?(?:salle|stade|aréna|arène|enceinte|observatoire|radiotélescope|télescope|auditorium|amphithéâtre"
    r")(?![\w\-])", re.IGNORECASE)
_WINDOW = 120  # characters read before a name: its clause


def _uses(name: str, texts: Iterable[str]) -> list[tuple[str, int, int]]:
    """(text, start, end) of each time ``texts`` write ``name`` as a whole word."""
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
    return [(text, found.start(), found.end()) for text in texts if name in text for found in pattern.finditer(text)]


def is_named_programme(name: str, texts: Iterable[str]) -> bool:
    """Whether every time ``texts`` write ``name`` they name a programme, a scheme or a law by it (see
    the module docstring); False when they never write it."""
    uses = _uses(name, texts)
    return bool(uses) and all(_PROGRAMME_BEFORE.search(text, max(0, start - _WINDOW), start) for text, start, _ in uses)


def is_facility(name: str, texts: Iterable[str]) -> bool:
    """Whether ``name`` is a building or a site: named by its head noun and the place it is named after,
    or described so by an apposition in one of ``texts`` (see the module docstring)."""
    return bool(_FACILITY_NAME.match(name)) or any(
        _FACILITY_AFTER.match(text, end) for text, _, end in _uses(name, texts))
