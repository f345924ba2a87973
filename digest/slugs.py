"""ASCII, readable slugs, the one module for them: a slug is a URL segment and a folder name,
never a path. Articles and entities slugify alike (python-slugify transliterates: ``États-Unis``
→ ``etats-unis``) but for their own rules below, which their published URLs depend on."""

from __future__ import annotations

import hashlib
from collections.abc import Container

from slugify import slugify

MAX_LENGTH = 80  # characters of an article's slug
# An entity's slug: French reads "&" as "et"; an apostrophe separates words ("Côte d'Ivoire" ->
# cote-d-ivoire). At most 120 ASCII characters (its page's folder, at most 255 bytes), suffixes
# -2, -3... aside.
_ENTITY_REPLACEMENTS = [["&", " et "], ["\u2019", " "], ["'", " "]]
ENTITY_MAX_LENGTH = 120


def make_slug(title: str, taken: Container[str], fallback: str) -> str:
    """An article's slug: ``title`` slugified; ``-2``, ``-3``... appended when another article
    already has it."""
    base = _cut_slug(title, MAX_LENGTH) or slugify(fallback) or "depeche"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def entity_slug(name: str, kind: str | None = None) -> str:
    """Readable ASCII slug of an entity name: ``entity_slug("États-Unis") == "etats-unis"``,
    ``entity_slug("Ngô Đình Diệm") == "ngo-dinh-diem"``.
    ``kind`` is only used for the fallback slug of a name with no transliterable character
    (``"lieu-<hash>"``). Slugs are not unique by themselves: ``digest.entities.slugfile.assign`` makes them so.
    """
    slug = slugify(name, replacements=_ENTITY_REPLACEMENTS)
    if not slug:
        slug = f"{kind or 'entite'}-{_digest(name)}"
    elif len(slug) > ENTITY_MAX_LENGTH:
        # A folder name has at most 255 bytes: a long name keeps its first words and a digest of
        # the whole name, so that two long names sharing their beginning stay apart.
        slug = f"{_cut_slug(name, ENTITY_MAX_LENGTH - 9, _ENTITY_REPLACEMENTS)}-{_digest(name)}"
    return slug


def _cut_slug(text: str, max_length: int, replacements=()) -> str:
    """``text`` slugified within ``max_length`` characters, cut between words."""
    return slugify(text, max_length=max_length, word_boundary=True, save_order=True, replacements=replacements)


def _digest(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
