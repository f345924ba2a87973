"""Near-spellings of the site's entity names: one or two letters apart, or two transliterations of one
name. Never merged (two entities may be one letter apart): ``slips`` keeps the likely typing slips off
the pages, ``near_spellings`` lists every pair for an editor (``invoke entities-review``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from .sitewide import SiteEntity, SiteMerge
from .transliteration import transliteration_key


def _deletions(word: str, depth: int) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is known to be larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def spelling_distance(a: str, b: str) -> int | None:
    """The edits between two fold keys when they are near-spellings (one edit, two for names of eight
    letters or more), else None."""
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    distance = edit_distance(a, b, limit)
    return distance if distance <= limit and a != b else None


def _edits_to(person: SiteEntity, other: SiteEntity, distances: dict[tuple[str, str], int | None]) -> int | None:
    """The fewest edits from ``person``'s name to a name merged into ``other``, when they are near-spellings:
    "Francesco Javier Gomez" is one letter from "Francisco Javier Gómez", a short name of "Francisco
    Javier Gómez Noya". ``distances``: the pairs of names already measured, either way round."""
    found = []
    for key in {other.key, *other.keys}:
        if abs(len(key) - len(person.key)) <= 2:
            pair = (person.key, key) if person.key < key else (key, person.key)
            if pair not in distances:
                distances[pair] = spelling_distance(*pair)
            if distances[pair] is not None:
                found.append(distances[pair])
    return min(found, default=None)


def slips(merge: SiteMerge) -> set[int]:
    """ids of the people most likely typed twice, beside a near-spelling of their name: only ever cited
    beside one that more dispatches cite ("Sebastien Kienle", each time beside "Sebastian Kienle"), or
    as many (then neither spelling is surer: "Jodie Simpson" and "Jodie Stimpson", one letter apart in
    the same two results tables); or one letter from a more cited name, beside it once and elsewhere
    among its company ("Francesco Javier Gomez" in the triathlon results of "Francisco Javier Gómez
    Noya"). Not merged (two people may be one letter apart): ``entities-review`` lists them first."""
    beside: dict[int, Counter] = defaultdict(Counter)  # person -> {near-spelled person: dispatches with both}
    by_id: dict[int, SiteEntity] = {}
    edits: dict[tuple[int, int], int | None] = {}  # the same pairs meet in many dispatches (a team, a cabinet)
    distances: dict[tuple[str, str], int | None] = {}
    dispatches: dict[int, list[set[int]]] = defaultdict(list)  # person -> the people and organisations of each
    for found in merge.mentions:
        company = {id(entity) for entity, _ in found if entity.kind != "lieu"}
        people = [entity for entity, _ in found if entity.kind == "personne"]
        for first in people:
            by_id[id(first)] = first
            dispatches[id(first)].append(company)
            for second in people:
                pair = (id(first), id(second))
                if pair not in edits:
                    edits[pair] = _edits_to(first, second, distances) if first is not second else None
                if edits[pair] is not None:
                    beside[id(first)][id(second)] += 1
    out = set()
    for person, near in beside.items():
        mine = by_id[person].articles
        for other, together in near.items():
            theirs, one_letter = by_id[other].articles, edits[(person, other)] == 1
            if together == mine and (theirs > mine or theirs == mine and one_letter):
                out.add(person)
            elif theirs > mine and one_letter:
                known = set().union(*dispatches[other]) - {person, other}
                if all(company & known for company in dispatches[person] if other not in company):
                    out.add(person)
    return out


def near_spellings(entities: Sequence[SiteEntity], min_length: int = 4) -> list[tuple[SiteEntity, SiteEntity, int]]:
    """Pairs of entities of the same kind whose names are one or two edits apart (two only for names
    of eight letters or more), or two transliterations of one name ("Racca" / "Raqqa",
    ``transliteration_key``): maybe one entity, maybe two ("Iran" / "Irak"). An editor decides
    (an alias in entities.toml); nothing here is merged. Most cited pairs first."""
    by_variant: dict[tuple, list[int]] = defaultdict(list)
    keys = [e.key for e in entities]
    for index, (entity, key) in enumerate(zip(entities, keys)):
        if len(key) >= min_length:
            for variant in _deletions(key, 2 if len(key) >= 8 else 1):
                by_variant[(entity.kind, variant)].append(index)
            by_variant[(entity.kind, "translit", transliteration_key(key))].append(index)
    pairs: dict[tuple[int, int], int] = {}
    for group, members in by_variant.items():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if (i, j) in pairs or keys[i] == keys[j]:
                    continue
                distance = spelling_distance(keys[i], keys[j]) if len(group) == 2 else edit_distance(keys[i], keys[j], 9)
                if distance is not None:
                    pairs[(i, j)] = distance
    found = [(entities[i], entities[j], d) for (i, j), d in pairs.items()]
    return sorted(found, key=lambda p: (-(p[0].articles + p[1].articles), p[0].key, p[1].key))
