"""Which entities a dispatch is most about: the order of an item's categories.

Pure module (no Pelican). A name said in the headline comes first, then one said in the lede,
then the most mentioned in the whole text, then the first mentioned; a name the text never
spells out (an entity found through an alias the text does not use) comes last, in the order
given. Mentions are counted on whole words, with any of the entity's forms (``Rutte``,
``M. Rutte``), spaces and apostrophes compared as typed (no-break spaces and ’ count as ``␠``
and ``'``); a mention inside a longer form is counted once, for the longer form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u2019", "'"))


def salience_order(names: Sequence[Sequence[str]], headline: str, lede: str, text: str) -> list[int]:
    """Indices of ``names`` (each entity's forms, canonical name first), most salient first."""
    owner: dict[str, int] = {}  # form -> its entity (the first to name it, if two share one)
    for index, entity in enumerate(names):
        for form in entity:
            if form.strip():
                owner.setdefault(_plain(form).strip(), index)
    if not owner:
        return list(range(len(names)))
    longest_first = sorted(owner, key=len, reverse=True)  # "M. Rutte" before "Rutte"
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")

    def found(where: str) -> list[tuple[int, int]]:
        return [(owner[match.group(1)], match.start()) for match in pattern.finditer(_plain(where))]

    in_headline = {index for index, _ in found(headline)}
    in_lede = {index for index, _ in found(lede)}
    mentions = [0] * len(names)
    first = [float("inf")] * len(names)
    for index, position in found(text):
        mentions[index] += 1
        first[index] = min(first[index], position)
    return sorted(range(len(names)), key=lambda i: (i not in in_headline, i not in in_lede, -mentions[i], first[i], i))
