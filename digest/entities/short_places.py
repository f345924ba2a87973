"""A place named short ("Rio", "Champs-Élysées") and the one longer place of the site it is short for
("Rio de Janeiro", "avenue des Champs-Élysées"), or named in another transliteration ("Racca", "Raqqa"),
for ``sitewide.merge_site``."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Mapping, Sequence

from .countries import is_country
from .keys import OFFICIAL_FORMS, fold_key, form_key
from .transliteration import transliteration_key


# the head nouns of a place named by a street, a square, a pass, a park...: "avenue des Champs-Élysées";
# after one of them, "de"/"d'" names the place after another ("porte de Vincennes", "stade de Reims",
# "quai d'Orsay": not the town), an article or nothing names the place itself ("col du Soulor",
# "stade Maracana", "place de la Concorde")
_PLACE_HEAD = re.compile(r"(?i)(?:avenue|boulevard|rue|place|quai|pont|col|porte|parc|gare|aéroport|stade)\s+"
                         r"(?:(de la |de l['’]|des |du )|(de |d['’]))?")
_PASS = re.compile(r"(?i)col\s")
# a place's full name continuing its short one with a name of its own: "Rio de Janeiro", "Santa Maria
# da Feira"; not a part of it ("Afrique du Sud", "Amérique latine") nor a place in another ("Saint-Denis
# de la Réunion")
_FULL_NAME_REST = re.compile(r"(?:d[aeo]s? |d['’])([^\W\d_])")


def _is_full_name_rest(rest: str) -> bool:
    return bool((found := _FULL_NAME_REST.match(rest)) and found.group(1).isupper())


def _short_forms(long: str) -> list[tuple[tuple[str, ...], str]]:
    """The short forms place name ``long`` may be written as, by their words' fold keys, and how:
    "head" ("Champs-Élysées" of "avenue des Champs-Élysées"), "full name" ("Rio" of "Rio de Janeiro"),
    "other" for a short form that names another place ("Vincennes" of "Porte de Vincennes", "Afrique"
    of "Afrique du Sud"). Words as written: "Paris" is no short form of "Paris-Saclay"."""
    words = long.split()
    found = [(tuple(map(fold_key, words[:length])), "full name" if _is_full_name_rest(" ".join(words[length:])) else "other")
             for length in range(1, len(words))]
    if (head := _PLACE_HEAD.match(long)) and long[head.end():]:
        # a pass is named after no other place: "l’Izoard" is the "col d’Izoard"
        named_after = head.group(2) and not _PASS.match(long)
        found.append((tuple(map(fold_key, long[head.end():].split())), "other" if named_after else "head"))
    return found


def _transliterations(places: Mapping) -> dict[str, tuple[str, str]]:
    """{"abou dabi": ("abou dhabi", "transliteration")}: a place's key -> the place of the site whose name
    is another transliteration of its own ("Abou Dabi", "Abu Dhabi", "Abou Dhabi", ``transliteration_key``)
    that the editorial file names. Only that one: two towns share a key as often ("Hyères" and "Yerres",
    "Sousse" and "Suse"), and near-spellings are listed for an editor (``spellings.near_spellings``),
    never merged silently."""
    spelt: dict[str, list[str]] = defaultdict(list)
    for key in places:
        spelt[transliteration_key(key)].append(key)
    out = {}
    for keys in spelt.values():
        named = sorted(key for key in keys if places[key].editorial)
        if len(named) == 1:
            out.update({key: (named[0], "transliteration") for key in keys if key != named[0]})
    return out


def short_places(resolved: Sequence, groups: Mapping, company_of: Callable[[Sequence, set[str]], Mapping[str, set[str]]]) -> dict[str, str]:
    """{"rio": "rio de janeiro"}: a place's key -> the one longer place of the site it is a short form
    of ("Rio", "Champs-Élysées"), or the one its name is another transliteration of ("Racca": "Raqqa"),
    when nothing says it is another place: it is no country nor French
    region or département; the site has no second place it may be short for ("Afrique": "Afrique du
    Sud", "Afrique de l'Ouest"); that one is its full name or its head noun with an article, not a
    place named after it ("Porte de Paris", "Aéroport de Toulouse"); no dispatch writes it beside
    another longer place with its words; a dispatch writes both, or theirs share a person or an
    organisation (the island "Santa Maria" of the Azores shares nothing with the town "Santa Maria da
    Feira"); and it is not cited by more dispatches than the longer name unless that is its full name
    ("Rio", 30 dispatches, and "Rio de Janeiro", 6). ``groups``: the site's entities by fold key;
    ``company_of``: the people and organisations cited beside given keys (``sitewide``'s, passed in
    because ``sitewide`` imports this module)."""
    places = {key: group for key, group in groups.items()
              if group.kind == "lieu" and "(" not in group.name}
    longer: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)  # short form's words -> {longer key: how}
    for key, group in places.items():
        for words, how in _short_forms(group.name):
            longer[words][key] = how
    found: dict[str, tuple[str, str]] = {}
    transliterated = _transliterations(places)
    for key, group in places.items():
        if group.editorial or is_country(group.name) or form_key(group.name) in OFFICIAL_FORMS:
            continue
        owners = {other: how for other, how in longer.get(tuple(map(fold_key, group.name.split())), {}).items() if other != key}
        if len(owners) == 1 and (only := next(iter(owners.items())))[1] != "other":
            found[key] = only
        elif key in transliterated:
            found[key] = transliterated[key]
    beside: dict[str, set[str]] = defaultdict(set)  # short key -> the longer places its dispatches write
    together: set[str] = set()  # short keys written in a dispatch beside their long one
    cited: Counter = Counter()  # dispatches
    for entities in resolved:
        here = {fold_key(name) for name, kind, *_ in entities if kind == "lieu"}
        cited.update(here)
        for key in found.keys() & here:
            beside[key].update(other for other in here - {key} if f" {key} " in f" {other} ")
            if found[key][0] in here:
                together.add(key)
    company = company_of(resolved, set(found) | {long for long, _ in found.values()})
    out = {}
    for key, (long, how) in found.items():
        if beside[key] - {long} or not (key in together or company[key] & company[long]):
            continue
        if how == "full name" or cited[key] <= cited[long]:
            out[key] = long
    return out
