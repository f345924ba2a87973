"""The keys two spellings or two typings of one name share, and a name as a page shows it."""

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
