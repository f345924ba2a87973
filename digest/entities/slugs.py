"""ASCII slugs for entity pages (made unique and kept stable by ``digest.entities.slugfile``)."""
from __future__ import annotations

import hashlib

from slugify import slugify

# French reads "&" as "et"; an apostrophe separates words ("Côte d'Ivoire" -> cote-d-ivoire).
_REPLACEMENTS = [["&", " et "], ["\u2019", " "], ["'", " "]]
MAX_LENGTH = 120  # characters of an entity's slug, ASCII (its page's folder, at most 255 bytes); suffixes -2, -3... aside


def entity_slug(name: str, kind: str | None = None) -> str:
    """Readable ASCII slug of an entity name: ``entity_slug("États-Unis") == "etats-unis"``,
    ``entity_slug("Ngô Đình Diệm") == "ngo-dinh-diem"`` (python-slugify transliterates).
    ``kind`` is only used for the fallback slug of a name with no transliterable character
    (``"lieu-<hash>"``). Slugs are not unique by themselves: ``digest.entities.slugfile.assign`` makes them so.
    """
    slug = slugify(name, replacements=_REPLACEMENTS)
    if not slug:
        slug = f"{kind or 'entite'}-{_digest(name)}"
    elif len(slug) > MAX_LENGTH:
        # A folder name has at most 255 bytes: a long name keeps its first words and a digest of
        # the whole name, so that two long names sharing their beginning stay apart.
        slug = f"{slugify(name, replacements=_REPLACEMENTS, max_length=MAX_LENGTH - 9, word_boundary=True, save_order=True)}-{_digest(name)}"
    return slug


def _digest(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
