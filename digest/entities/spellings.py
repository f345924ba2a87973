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


def slips(merge: SiteMerge) -> set[int]:
    """ids of the people only ever cited beside a near-spelling of their name that more dispatches
    cite ("Sebastien Kienle", each time beside "Sebastian Kienle"): most likely the same person typed
    twice. Not merged (two people may be one letter apart): ``entities-review`` lists them first."""
    beside: dict[int, Counter] = defaultdict(Counter)
    by_id: dict[int, SiteEntity] = {}
    near: dict[tuple[str, str], bool] = {}  # the same pairs meet in many dispatches (a team, a cabinet)
    for found in merge.mentions:
        people = [entity for entity, _ in found if entity.kind == "personne"]
        for first in people:
            by_id[id(first)] = first
            for second in people:
                pair = (first.key, second.key)
                if pair not in near:
                    near[pair] = near[pair[::-1]] = abs(len(pair[0]) - len(pair[1])) <= 2 \
                        and spelling_distance(*pair) is not None
                if first is not second and near[pair]:
                    beside[id(first)][id(second)] += 1
    return {person for person, near in beside.items()
            if any(count == by_id[person].articles and by_id[other].articles > count for other, count in near.items())}


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
