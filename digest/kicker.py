"""The kicker (surtitre) above a headline: what the dispatch is about, in a word or two.

A death is "Nécrologie"; otherwise the place or organisation its first sentence names most often
in the whole text (the first named on a tie), as a desk writes "Ukraine" or "Otan" above the headline,
and a place the first sentence names when the headline names none. A headline a wire
service supplies carries its own ("Ukraine : …"): ``split_supplied`` takes it from there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digest.headline import first_sentence

OBITUARY = "Nécrologie"
MAX_LENGTH = 30
# "Pays : titre", the kicker as Wikinews and agencies write it before the headline
_SUPPLIED = re.compile(r"^(?P<kicker>[^:«»]{2,40}?)\s*:\s+(?P<headline>\S.*)$")


def split_supplied(headline: str) -> tuple[str, str]:
    """(kicker, headline) of a supplied headline: "France : attaque à Valence" -> ("France", "Attaque à Valence")."""
    headline = " ".join(headline.split())
    match = _SUPPLIED.match(headline)
    if not match:
        return "", headline
    rest = match["headline"]
    return match["kicker"].strip(), rest[:1].upper() + rest[1:]


def _word_character(character: str) -> bool:
    """What the regex ``\\w`` matches in a str pattern: a letter, a digit or a number, or "_"."""
    return character.isalnum() or character == "_"


def whole_word_positions(form: str, text: str) -> list[int]:
    """Where ``form`` (not empty) stands as whole words in ``text``: what
    ``re.finditer(rf"(?<!\\w){re.escape(form)}(?!\\w)", text)`` finds, without a pattern compiled per
    form (a site's thousands of names overflow re's cache: a second of every 1 000 articles ingested)."""
    found, start = [], 0
    while (position := text.find(form, start)) >= 0:
        end = position + len(form)
        if (position == 0 or not _word_character(text[position - 1])) and (end == len(text) or not _word_character(text[end])):
            found.append(position)
            start = end
        else:
            start = position + 1
    return found


def derive_kicker(text: str, places: Iterable[tuple[str, Iterable[str]]], organisations: Iterable[tuple[str, Iterable[str]]] = (),
                  *, death: bool = False, headline: str = "") -> str:
    """The kicker of a dispatch's ``text``: ``places`` and ``organisations`` are (name, forms) of what it
    names. With a ``headline``, a place the first sentence names and the headline does not: where the
    news happened is said above a headline that does not say it ("Inde" over "Le déraillement d'un
    train tue plus de 91 personnes"), and a kicker repeating the headline's place tells the reader
    nothing more ("Alpes-Maritimes", not "Nice", over "Un camion fonce sur une foule à Nice"). Never a
    place named in passing further down ("Berlin"), nor an organisation there, most often the source
    ("selon l'agence Anadolu"). Otherwise what the dispatch names most."""
    if death:
        return OBITUARY
    places, organisations = list(places), list(organisations)
    if headline:
        unnamed = [(name, forms) for name, forms in places if not _named_in(headline, name, forms)]
        if kicker := _most_named(text, unnamed, first_sentence_only=True):
            return kicker
    return _most_named(text, places + organisations)


def _named_in(headline: str, name: str, forms: Iterable[str]) -> bool:
    """Whether ``headline`` names ``name`` by one of its ``forms``."""
    return any(whole_word_positions(form, headline) for form in {name, *forms} if form)


def _most_named(text: str, named: list[tuple[str, Iterable[str]]], first_sentence_only: bool = False) -> str:
    """Of ``named``, what the first sentence names and the whole text most often (the first named on a
    tie); "" when it names none (none in the first sentence: ``first_sentence_only``)."""
    first_sentence_end = len(first_sentence(text))
    best: tuple[bool, int, int] | None = None
    kicker = ""
    for name, forms in named:
        if len(name) > MAX_LENGTH:
            continue
        positions = [position for form in {name, *forms} if form for position in whole_word_positions(form, text)]
        if not positions or first_sentence_only and min(positions) >= first_sentence_end:
            continue
        # what the first sentence names comes first: it says what the dispatch is about
        rank = (min(positions) >= first_sentence_end, -len(positions), min(positions))
        if best is None or rank < best:
            best, kicker = rank, name
    return kicker
