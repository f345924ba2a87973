"""``invoke entities-review``: what an editor should look at in the site's entities (pure, no Pelican).

Near-spellings ("Stimpson" / "Simpson": one or two edits apart; "Racca" / "Raqqa": two
transliterations; same kind) are never merged by the site (``digest.entities.sitewide``): two
different people may be one letter apart. This lists them, with
the dispatches that name each, so that an editor can add an alias to ``entities.toml`` (one entity) or
leave them (two). First the pairs a dispatch cites together whose rarer spelling no dispatch cites
alone ("Sebastien Kienle" only ever beside "Sebastian Kienle": most likely a typing slip, a second
page of one entity), then the others ("Irak" / "Iran"), most cited first.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from digest.entities.editorial import Editorial
from .meanings import resolve_article
from digest.entities.sitewide import merge_site
from digest.entities.spellings import near_spellings


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

    def together(pair) -> set[str]:
        return set(cited_in[id(pair[0])]) & set(cited_in[id(pair[1])])

    def slip(pair) -> bool:  # the rarer spelling never cited without the other
        return min(len(cited_in[id(pair[0])]), len(cited_in[id(pair[1])])) == len(together(pair))

    pairs = sorted(pairs, key=lambda pair: not slip(pair))  # stable: most cited first in each part
    slips = sum(map(slip, pairs))
    yield f"{len(pairs)} paire(s) de noms proches (une ou deux lettres d’écart, ou deux transcriptions d’un nom ; même type), à vérifier :"
    yield f"{slips} paire(s) d’abord, dont l’orthographe rare n’est jamais citée sans l’autre : sans doute une faute de frappe."
    for pair in pairs:
        first, second, distance = pair
        yield ""
        yield f"« {first.name} » / « {second.name} » ({first.kind}, {distance} lettre{'s' if distance > 1 else ''} d’écart)"
        if together(pair):
            shared = len(together(pair))
            yield f"  cités ensemble dans {shared} dépêche{'s' if shared > 1 else ''}"
        for entity in (first, second):
            paths = cited_in[id(entity)]
            yield f"  {entity.name} : {len(paths)} dépêche{'s' if len(paths) > 1 else ''}"
            yield from (f"    {path}" for path in paths)
