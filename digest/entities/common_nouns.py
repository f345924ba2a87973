"""Capitalised common nouns: a one-word organisation or place name that is a French word the site's
other dispatches write in lower case, and that its own dispatches only ever write after a determiner
("les primaires de la Gauche": a political camp, no organisation; "gauche" elsewhere; "l'échelle de
l'Univers": no place; "l'univers concentrationnaire" elsewhere). A name is proper where a dispatch
writes it bare ("selon Libération", "dans Nature", "à Tours", "sur Terre"): it keeps its page.
Acronyms ("le RAID") are no common word. Countries, French regions and départements, and the
heavenly bodies French names with a capital, keep their article and their page ("la Somme", "la
Manche", "la Lune"). Read by the site's pages (``plugins/entities/pages.py``): the name is still
shown on its dispatches, without a page. Pure functions, no Pelican.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence, TypeVar

from .countries import is_qualifiable
from .keys import word_starts

# what makes a capitalised word a common noun used as a name: an article or a contracted one
_DETERMINER_BEFORE = re.compile(r"(?<![\w\-])(?:le|la|les|l['’]|du|des|au|aux|un|une|ce|cette)[\s\u00a0]*$", re.IGNORECASE)
# a capital a sentence or a title gives any word: no evidence either way
_SENTENCE_START = re.compile(r"(?:^|[.!?:«»\"“”\n][\s\u00a0]*)$")


# the Earth, its Moon and its Sun: written with a capital and an article, and places of the site
HEAVENLY_BODIES = ("Terre", "Lune", "Soleil")

T = TypeVar("T")  # a text, or what stands for one (``capitalised_common_nouns``)


def is_candidate(name: str, kind: str) -> bool:
    """A one-word organisation or place name that is neither an acronym nor spelt with a capital
    inside; a place that is no country, French division or heavenly body (see above)."""
    return (kind == "organisation" or (kind == "lieu" and is_qualifiable(name) and name not in HEAVENLY_BODIES)) \
        and name.isalpha() and name[:1].isupper() and name[1:].islower()


def determiner_uses(name: str, text: str) -> tuple[int, int]:
    """(uses, uses after a determiner): the times ``text`` writes ``name`` with its capital where the
    capital tells something (not opening a sentence), and of those the times an article comes before it."""
    uses = [start for start in word_starts(text, name, elided=True)
            if not _SENTENCE_START.search(text, max(0, start - 4), start)]
    return len(uses), sum(1 for start in uses if _DETERMINER_BEFORE.search(text, max(0, start - 12), start))


def writes_lower_case(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` in lower case, as a word."""
    lower = name.lower()
    # the substring first: most texts of a site never write it (43 names asked of every text)
    return lower in text and next(word_starts(text, lower, elided=True), None) is not None


def capitalised_common_nouns(candidates: Iterable[tuple[str, Sequence[T]]], site_texts: Iterable[T],
                             uses: Callable[[str, T], Sequence[int]] = determiner_uses,
                             lower: Callable[[str, T], bool] = writes_lower_case) -> set[str]:
    """The names of ``candidates`` ((name, texts of its own dispatches)) that are common nouns (see
    the module docstring); ``site_texts``: the texts of every dispatch of the site, read only when
    a candidate's own dispatches never write it bare. ``uses`` and ``lower`` read one text (by default
    ``determiner_uses`` and ``writes_lower_case``): a caller that keeps what each text gave passes
    its own, and its texts may be anything they take."""
    only_after_determiners: dict[str, None] = {}
    for name, own_texts in candidates:
        counted = [uses(name, text) for text in own_texts]
        written = sum(count for count, _after in counted)
        if written and sum(after for _count, after in counted) == written:
            only_after_determiners[name] = None
    found: set[str] = set()
    for text in site_texts if only_after_determiners else ():
        found.update(name for name in only_after_determiners if name not in found and lower(name, text))
        if len(found) == len(only_after_determiners):
            break
    return found
