"""One club name, two sports: the editorial file says which sport a club plays ("Club de football parisien"
for the Paris Saint-Germain); a dispatch about another sport ("Championnat de France de handball", "le
PSG" of Karabatic and Omeyer) cites its namesake of that sport, "Paris Saint-Germain (handball)": a page
of its own, as generic institutions get one per country. A dispatch that names no sport, or the club's
own, stays with the club. Pure functions, no Pelican."""

from __future__ import annotations

import re
from typing import Callable

from .keys import fold_key
from .sitewide import SiteEntity, SiteMerge, most_cited_first

# the team sports whose clubs share a name across sections (Paris Saint-Germain, FC Barcelone, Real Madrid)
_SPORTS = {"football": r"football", "handball": r"handball", "basket-ball": r"basket(?:-?ball)?",
           "rugby": r"rugby", "volley-ball": r"volley(?:-?ball)?", "hockey": r"hockey", "water-polo": r"water-polo"}
_SPORT_WORDS = {sport: re.compile(rf"(?<![\w\-]){word}(?![\w\-])", re.IGNORECASE) for sport, word in _SPORTS.items()}
_CLUB_OF = re.compile(r"(?<![\w\-])club (?:de |d[’'])(" + "|".join(_SPORTS.values()) + r")(?![\w\-])", re.IGNORECASE)


def club_sport(description: str) -> str | None:
    """"football" for "Club de football parisien."; None for a description of anything but a club."""
    found = _CLUB_OF.search(description)
    return next((sport for sport, word in _SPORT_WORDS.items() if word.fullmatch(found.group(1))), None) if found else None


def other_sport(text: str, sport: str) -> str | None:
    """The one sport ``text`` names when it is not ``sport`` and ``text`` never names ``sport``."""
    named = [other for other, word in _SPORT_WORDS.items() if word.search(text)]
    return named[0] if len(named) == 1 and named[0] != sport else None


def tell_sports_apart(site: SiteMerge, text_of: Callable[[int], str]) -> None:
    """Moves, in ``site``, each dispatch of another sport from the club the editorial file describes to
    its namesake of that sport (see the module docstring); ``text_of(index)``: what says the
    ``index``-th article's sport (the site's pages give its title and kicker), asked only for the
    articles citing such a club."""
    namesakes: dict[tuple[int, str], SiteEntity] = {}
    for index, found in enumerate(site.mentions):
        for position, (entity, forms) in enumerate(found):
            sport = club_sport(entity.description) if entity.editorial else None
            other = other_sport(text_of(index), sport) if sport else None
            if other is None:
                continue
            namesake = namesakes.get((id(entity), other))
            if namesake is None:
                name = f"{entity.name} ({other})"
                namesake = namesakes[(id(entity), other)] = SiteEntity(name, entity.kind, keys={fold_key(name)})
            entity.articles -= 1
            namesake.articles += 1
            found[position] = (namesake, [entity.name, *forms])
    site.entities = sorted([entity for entity in site.entities if entity.articles] + list(namesakes.values()),
                           key=most_cited_first)
