"""The keys two spellings or two typings of one name share, a name as a page shows it, and where a name
stands in a text."""

from __future__ import annotations

import functools
import re
import unicodedata

from .countries import OFFICIAL_PLACE_NAMES
from .editorial import norm_key

# Zero-width and other invisible format characters a copy-paste leaves inside names (Unicode
# category Cf: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen...).
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_HYPHENS = re.compile(r"[\u2010\u2011\u2012\u2212]")  # hyphen, non-breaking hyphen, figure dash, minus
_QUALIFIED = re.compile(r"(.+?) \(([^()]+)\)")

@functools.lru_cache(maxsize=1 << 16)  # pure, and a site names each entity again and again: 508 000 calls at 5 000 articles
def visible(name: str) -> str:
    """``name`` as a page shows it: NFC, without invisible characters."""
    return unicodedata.normalize("NFC", "".join(c for c in name if unicodedata.category(c) != "Cf"))


@functools.lru_cache(maxsize=1 << 16)
def fold_key(name: str) -> str:
    """The key two spellings of one name share: NFKC, invisible characters removed, case and
    accents folded, hyphens and apostrophes as spaces ("Villeneuve-d’Ascq" -> "villeneuve d ascq")."""
    name = unicodedata.normalize("NFKC", visible(name))
    return " ".join(_APOSTROPHES.sub(" ", norm_key(name)).split())


@functools.lru_cache(maxsize=1 << 16)
def form_key(name: str) -> str:
    """The key two typings of one form share: NFKC (no-break and thin spaces as spaces), invisible
    characters removed, apostrophes and hyphens unified, spaces collapsed. Case and accents are kept:
    "Elysée" is another spelling a reader may search for, "Côte d'Ivoire" / "Côte d’Ivoire" is not."""
    name = _HYPHENS.sub("-", unicodedata.normalize("NFKC", visible(name)))
    return " ".join(_APOSTROPHES.sub("’", name).split())


def split_qualifier(name: str) -> tuple[str, str | None]:
    """The name and the qualifier in parentheses a page's name ends with ("Saint-Denis (La Réunion)",
    "Sénat (France)"); the name and None for a name without one."""
    found = _QUALIFIED.fullmatch(name)
    return (found[1], found[2]) if found else (name, None)


OFFICIAL_FORMS = {form_key(name) for name in OFFICIAL_PLACE_NAMES}


def word_starts(text: str, form: str, elided: bool = False):
    """Where ``form`` stands as whole words in ``text`` (no regex to compile for each name of a site):
    no letter, digit, "_" or "-" before or after it; with ``elided``, no apostrophe before it either,
    unless it follows an elided article ("l'Univers", not "aujourd'hui")."""
    start = text.find(form) if form else -1
    while start != -1:
        end = start + len(form)
        before = text[start - 1] if start else " "
        if not (before.isalnum() or before in "-_" or (elided and before in "'’" and text[start - 2:start - 1] not in ("l", "L"))) \
                and (end == len(text) or not (text[end].isalnum() or text[end] in "-_")):
            yield start
        start = text.find(form, start + 1)
