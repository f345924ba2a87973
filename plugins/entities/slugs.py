"""ASCII slugs for entity pages, unique across the site."""
from __future__ import annotations

import hashlib
from typing import Iterable

from slugify import slugify

from .model import Entity

# French reads "&" as "et"; an apostrophe separates words ("Côte d'Ivoire" -> cote-d-ivoire).
_REPLACEMENTS = [["&", " et "], ["\u2019", " "], ["'", " "]]


def entity_slug(name: str, kind: str | None = None) -> str:
    """Readable ASCII slug of an entity name: ``entity_slug("États-Unis") == "etats-unis"``,
    ``entity_slug("Ngô Đình Diệm") == "ngo-dinh-diem"`` (python-slugify transliterates).
    ``kind`` is only used for the fallback slug of a name with no transliterable character
    (``"lieu-<hash>"``). Slugs are not unique by themselves: use :func:`assign_slugs` for a site.
    """
    slug = slugify(name, replacements=_REPLACEMENTS)
    if not slug:
        slug = f"{kind or 'entite'}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
    return slug


def assign_slugs(entities: Iterable[Entity | tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Unique slug for every distinct (name, kind).

    Entities whose names slug alike ("Géorgie"/"Georgie", "AC/DC"/"AC DC") get
    deterministic suffixes: the pairs sharing a base slug are sorted (by name, then kind)
    and the first keeps the base slug, the next ones get ``-2``, ``-3``... A suffixed slug
    never collides with another entity's base slug. The result does not depend on the
    input order.
    """
    pairs: set[tuple[str, str]] = set()
    for e in entities:
        pairs.add((e.name, e.kind) if isinstance(e, Entity) else (e[0], e[1]))
    groups: dict[str, list[tuple[str, str]]] = {}
    for p in pairs:
        groups.setdefault(entity_slug(*p), []).append(p)
    taken = set(groups)
    out: dict[tuple[str, str], str] = {}
    for base in sorted(groups):
        members = sorted(groups[base], key=lambda p: (p[0], p[1]))
        out[members[0]] = base
        n = 2
        for p in members[1:]:
            while f"{base}-{n}" in taken:
                n += 1
            out[p] = f"{base}-{n}"
            taken.add(out[p])
            n += 1
    return out
