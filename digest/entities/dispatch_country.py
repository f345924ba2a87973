"""The country a dispatch cites: the one its lede (else its whole text) cites most, the one country of
its lede or of a mention's sentence, the one it names right after or before a name.

Read by admission to tell a generic institution apart by country ("Sénat (États-Unis)"); the data
(countries, capitals, nationality adjectives) is in ``countries``.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from .countries import _CAPITAL_KEYS, _COUNTRY_OF, _UNIQUE_DIVISIONS, STATE_COUNTRY_OF, adjective_country
from .editorial import norm_key
from .keys import word_starts
from .model import Entity

_ADJECTIVE_AFTER = re.compile(r"\s+([a-zà-ÿ\-]+)")
_COUNTRY_NAMED_AFTER = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])([A-ZÀ-ÖØ-Þ][\w\-’' ]{1,40}?)(?=[\s,.;:)]|$)")


def country_of(text: str, entities: Sequence[Entity]) -> str | None:
    """The country a text is about: the one its lede (first paragraph) cites most, by its places or a
    nationality adjective ("Le Premier ministre de Pologne...": the Polish dispatch that writes
    "Russie" more often further down), else the one its places cite most in the whole text. Places
    count each time the text writes them: a country twice, a capital, a state ("l'État de Washington"), a
    French département or region once ("le statut de Rome" in a dispatch that writes "Burundi" four times is Burundi's;
    "sénateur de la Sarthe" is French); the first cited wins a tie."""
    cited = _countries_in(_lede(text), entities) or _places_cited(text, entities, at_least_once=True)
    return max(cited, key=cited.get) if cited else None


def _lede(text: str) -> str:
    return text.split("\n", 1)[0]


def lede_country(text: str, entities: Sequence[Entity]) -> str | None:
    """The country of a lede that cites only one ("du président américain Donald Trump"): what the
    dispatch is about, whatever its sentences cite further down."""
    cited = _countries_in(_lede(text), entities)
    return next(iter(cited)) if len(cited) == 1 else None


def _places_cited(text: str, entities: Sequence[Entity], at_least_once: bool) -> Counter:
    """{country: weight} of the places of ``entities`` as ``text`` writes them (see ``country_of``);
    ``at_least_once``: a place the model found counts once even where its forms are not found as written."""
    cited: Counter = Counter()
    for entity in entities:
        if entity.kind == "lieu":
            key = norm_key(entity.name)
            country = _COUNTRY_OF.get(key) or STATE_COUNTRY_OF.get(key) or ("France" if key in _UNIQUE_DIVISIONS else None)
            if country:
                times = sum(1 for form in dict.fromkeys((entity.name, *entity.forms)) for _ in word_starts(text, form))
                if times or at_least_once:
                    cited[country] += max(1, times) * (2 if key in _COUNTRY_OF and key not in _CAPITAL_KEYS else 1)
    return cited


def _country_after(text: str, forms: Sequence[str]) -> str | None:
    """The country named right after one of ``forms`` in ``text``: an adjective ("Sénat américain")
    or the country itself ("Chambre des représentants des États-Unis")."""
    for form in forms:
        for found in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text):
            named = _COUNTRY_NAMED_AFTER.match(text, found.end())
            if named and norm_key(named.group(1)) in _COUNTRY_OF:
                return _COUNTRY_OF[norm_key(named.group(1))]
            adjective = _ADJECTIVE_AFTER.match(text, found.end())
            if adjective and (country := adjective_country(adjective.group(1))):
                return country
    return None


# "le ministère turc des Affaires étrangères", "vice-ministre russe des Affaires étrangères": the
# adjective between the ministry (or its minister) and a portfolio the model took alone
_ADJECTIVE_BEFORE_PORTFOLIO = re.compile(r"minist(?:re|ère)s?[\s\u00a0]+([a-zà-ÿ\-]+)[\s\u00a0]+"
                                         r"(?:de[\s\u00a0]+la[\s\u00a0]+|de[\s\u00a0]+l['’]|des[\s\u00a0]+|du[\s\u00a0]+|de[\s\u00a0]+|d['’])$",
                                         re.IGNORECASE)


# a genre or a market an adjective qualifies says no state: "le festival du cinéma américain de Deauville"
# is French news, its "ministre de la Culture" France's
_GENRE_BEFORE = re.compile(r"(?<![\w\-])(?:cinéma|films?|musique|cuisine|littérature|séries?|chansons?|romans?|art|"
                           r"théâtre|rock|rap|jazz|vins?|mode|gastronomie)[\s\u00a0]+$", re.IGNORECASE)


def _countries_in(text: str, entities: Sequence[Entity]) -> Counter:
    """The countries ``text`` cites by the names of the places of ``entities`` and by nationality
    adjectives (see ``country_of``), not a language's ("le « Bon parti », en français") nor a genre's
    ("le cinéma américain")."""
    cited = _places_cited(text, entities, at_least_once=False)
    for found in re.finditer(r"(?<![\w\-])[a-zà-ÿ][a-zà-ÿ\-]+", text):
        if (country := adjective_country(found.group())) and not re.search(r"(?<![\w\-])en\s$", text[max(0, found.start() - 3):found.start()]) \
                and not _GENRE_BEFORE.search(text, max(0, found.start() - 14), found.start()):
            cited[country] += 1
    return cited


_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-ÖØ-Þ])|\n+")


def _country_in_sentence(text: str, forms: Sequence[str], entities: Sequence[Entity]) -> str | None:
    """The one country the sentence of a mention cites ("sous la supervision du Croissant-Rouge...,
    a indiqué l’agence syrienne Sana"), at the first mention whose sentence cites exactly one."""
    starts = [0] + [found.end() for found in _SENTENCE_END.finditer(text)]
    for form in forms:
        for found in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text):
            start = max(start for start in starts if start <= found.start())
            end = next((begin for begin in starts if begin > found.start()), len(text))
            cited = _countries_in(text[start:end], entities)
            if len(cited) == 1:
                return next(iter(cited))
    return None


def _country_before(text: str, forms: Sequence[str]) -> str | None:
    """The country a nationality adjective names between "ministre"/"ministère" and one of ``forms``
    (a portfolio): "le ministère turc des Affaires étrangères" -> "Turquie"."""
    for form in forms:
        for found in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text):
            before = _ADJECTIVE_BEFORE_PORTFOLIO.search(text, max(0, found.start() - 40), found.start())
            if before and (country := adjective_country(before.group(1))):
                return country
    return None
