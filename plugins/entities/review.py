"""``invoke entities-review``: what an editor should look at in the site's entities (pure, no Pelican).

Near-spellings ("Stimpson" / "Simpson": one or two edits apart, same kind) are never merged by the
site (``digest.entities.sitewide``): two different people may be one letter apart. This lists them, most
cited first, with the dispatches that name each, so that an editor can add an alias to
``entities.toml`` (one entity) or leave them (two).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from digest.entities.editorial import Editorial
from .pages import resolve_article
from digest.entities.sitewide import merge_site, near_spellings


def front_matter(path: Path) -> dict[str, str]:
    """The ``Key: value`` lines at the top of an article file, keys lowercased (as Pelican reads them)."""
    fields: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


def review(articles: Path, editorial: Editorial) -> Iterator[str]:
    """Lines of the report for the articles under ``articles``."""
    files = sorted(articles.rglob("*.md"))
    resolved = [resolve_article(front_matter(path), editorial) for path in files]
    merge = merge_site(resolved, editorial)
    cited_in: dict[int, list[str]] = {}
    for path, found in zip(files, merge.mentions):
        for entity, _forms in found:
            cited_in.setdefault(id(entity), []).append(str(path.relative_to(articles)))
    pairs = near_spellings(merge.entities)
    yield f"{len(pairs)} paire(s) de noms proches (une ou deux lettres d’écart, même type), à vérifier :"
    for first, second, distance in pairs:
        yield ""
        yield f"« {first.name} » / « {second.name} » ({first.kind}, {distance} lettre{'s' if distance > 1 else ''} d’écart)"
        for entity in (first, second):
            paths = cited_in[id(entity)]
            yield f"  {entity.name} : {len(paths)} dépêche{'s' if len(paths) > 1 else ''}"
            yield from (f"    {path}" for path in paths)
