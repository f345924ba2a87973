"""Each article's entities as the site names them (pure, no Pelican): its front matter resolved
through the editorial file (``resolve_article``), then as its text uses them (a league dispatch's
towns are its clubs, a role an actor plays is a character), kept between builds per article file
(``entities_as_meant``, under ``meanings_version``), with what the catalog reads in its text
(``readings``). ``pages.build_catalog`` merges the result across the site and decides which entities
get a page."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from digest.entities.editorial import Editorial
from digest.entities.model import FRONT_MATTER_KEYS, KINDS, Entity, from_front_matter
from digest.entities.town_clubs_and_characters import character_name, characters, club_name, town_clubs
from digest.file_memo import FileMemo
from digest.uptodate import code_files
from .context import article_text


def resolve_article(metadata: Mapping, editorial: Editorial, memo: dict | None = None) -> list[tuple[str, str, str, list[str]]]:
    """The (canonical name, kind, description, other forms) of one article, in display order,
    after editorial resolution; entities resolving to the same canonical entity are merged.
    ``memo`` keeps each entity's resolution for the next articles (a site names the same
    entities in thousands of articles)."""
    memo = {} if memo is None else memo
    merged: dict[tuple[str, str], tuple[str, list[str]]] = {}
    found: list[Entity] = from_front_matter(metadata)
    for entity in found:
        said = (entity.name, entity.kind, entity.forms)  # a tuple hashes faster than the dataclass
        if said not in memo:
            memo[said] = _resolve_entity(entity, editorial)
        if memo[said] is None:
            continue
        name, kind, description = memo[said]
        key = (name, kind)
        if key not in merged:
            merged[key] = (description, [])
        others = merged[key][1]
        for form in (entity.name, *entity.forms):
            if form != name and form not in others:
                others.append(form)
    order = {kind: index for index, kind in enumerate(KINDS)}
    items = sorted(merged.items(), key=lambda item: order[item[0][1]])  # stable: front-matter order kept
    return [(name, kind, description, forms) for (name, kind), (description, forms) in items]


def entities_as_meant(article, editorial: Editorial, memo: dict, meanings: FileMemo | None) -> tuple[list[tuple[str, str, str, list[str]]], dict]:
    """The article's entities, resolved (``resolve_article``) then as its text uses them, and the store of
    what the catalog reads in its text (``readings.kept``, filled as the catalog asks); with ``meanings``,
    both as kept for the same article file and content at a previous build (the rules read the whole
    text of every article: seconds at 5 000 articles, for one new dispatch)."""
    def decide(_source=None) -> dict:
        return {"meant": _as_the_dispatch_means(article, resolve_article(article.metadata, editorial, memo)), "read": {}}

    source = getattr(article, "source_path", None)
    found = decide() if meanings is None or not source else meanings.get(Path(source), decide, content_key(article))
    return [(name, kind, description, list(forms)) for name, kind, description, forms in found["meant"]], found["read"]


def content_key(article) -> str:
    """What the rules read of an article, digested: its entity fields and its HTML (as Pelican
    holds them: the file is not read again). An article file written again with the same text (a
    re-ingest) keeps what was found; the code and the editorial file are in ``meanings_version``."""
    fields = {key: article.metadata.get(key) for key in FRONT_MATTER_KEYS.values()}
    said = json.dumps([fields, getattr(article, "content", "") or ""], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(said.encode()).hexdigest()


def _as_the_dispatch_means(article, entities: list[tuple[str, str, str, list[str]]]) -> list[tuple[str, str, str, list[str]]]:
    """The article's entities as its text uses them (``digest.entities.town_clubs_and_characters``): a league
    dispatch's towns are its clubs ("Sélestat (club)", an organisation), a role an actor plays is a
    character ("James Bond (personnage)"); both named without a page, the name the dispatch used a
    form its sentence still marks, and the town's or person's page does not take the dispatch."""
    of_kind = {kind: [(name, forms) for name, entity_kind, _description, forms in entities if entity_kind == kind]
               for kind in ("lieu", "personne")}
    if not (of_kind["lieu"] or of_kind["personne"]):
        return entities
    text = article_text(article)
    clubs = town_clubs(text, of_kind["lieu"]) if of_kind["lieu"] else set()
    played = characters(text, of_kind["personne"]) if of_kind["personne"] else set()
    if not (clubs or played):
        return entities
    return [(club_name(name), "organisation", "", [name, *forms]) if kind == "lieu" and name in clubs
            else (character_name(name), kind, "", [name, *forms]) if kind == "personne" and name in played
            else (name, kind, description, forms) for name, kind, description, forms in entities]


def meanings_version(editorial_file: Path | None) -> str:
    """What ``entities_as_meant`` finds depends on, besides each article's file: the code of the
    newsroom side and of the plugins (the rules, and the typesetting of the text they read), whole
    folders, and the editorial file (the names the rules are given)."""
    import digest

    hashed = hashlib.sha256()
    for path in [*code_files(Path(digest.__file__).parent), *code_files(Path(__file__).parents[1])]:
        hashed.update(path.name.encode() + b"\0" + path.read_bytes())
    if editorial_file is not None and editorial_file.is_file():
        hashed.update(b"editorial\0" + editorial_file.read_bytes())
    return hashed.hexdigest()


def _resolve_entity(entity: Entity, editorial: Editorial) -> tuple[str, str, str] | None:
    """(canonical name, kind, description) of one entity as an article names it; None if stopped."""
    if editorial.is_stopped(entity.name):
        return None
    entry = next((e for e in (editorial.lookup(form) for form in (entity.name, *entity.forms)) if e is not None), None)
    return (entry.name, entry.kind, entry.description) if entry else (entity.name, entity.kind, "")
