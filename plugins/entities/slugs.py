"""ASCII slugs for entity pages (made unique and kept stable by ``entities.slugfile``)."""
from __future__ import annotations

import hashlib

from slugify import slugify

# French reads "&" as "et"; an apostrophe separates words ("Côte d'Ivoire" -> cote-d-ivoire).
_REPLACEMENTS = [["&", " et "], ["\u2019", " "], ["'", " "]]


def entity_slug(name: str, kind: str | None = None) -> str:
    """Readable ASCII slug of an entity name: ``entity_slug("États-Unis") == "etats-unis"``,
    ``entity_slug("Ngô Đình Diệm") == "ngo-dinh-diem"`` (python-slugify transliterates).
    ``kind`` is only used for the fallback slug of a name with no transliterable character
    (``"lieu-<hash>"``). Slugs are not unique by themselves: ``entities.slugfile.assign`` makes them so.
    """
    slug = slugify(name, replacements=_REPLACEMENTS)
    if not slug:
        slug = f"{kind or 'entite'}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
    return slug
