"""Stable entity URLs: the slug of every published entity, recorded in ``entity-slugs.toml`` beside
the content folder (not in it: the build writes it, and its inputs must not change under it).

Once published, an entity's URL never changes and never passes to another entity. The build reads
the file, gives each entity the slug recorded for its name (names are compared by
``sitewide.fold_key``: "Élysée" keeps the slug "Elysée" had), gives a new entity the slug of its
name (the most cited spelling), made unique against every slug ever recorded, and writes the file
back with the new ones. A recorded slug whose name was merged into another entity, or renamed by
the editorial file, or whose entity changed kind (``lieux/x`` now ``organisations/x``), is kept and
leads to the entity's page (``redirects``). One whose entity no longer has a page (now below the
dispatch bar, a club, a work, or its mentions spread over several entities) stays reserved for it and
leads to its kind's index (``retired``): every address once published still answers.

The file, one table per kind folder, slugs sorted::

    [personnes]
    mark-rutte = "Mark Rutte"

    [lieux]
    elysee = "Élysée"
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from digest.settings import setting

from .editorial import EditorialError
from .model import FRONT_MATTER_KEYS, KIND_OF_KEY
from .sitewide import SiteEntity, fold_key
from digest.slugs import entity_slug

HEADER = """\
# Adresses des pages de personnes, organisations et lieux : une fois publiée, une adresse ne change
# plus et ne passe jamais à une autre entité. La construction ajoute les nouvelles ; ne retirez ni ne
# modifiez aucune ligne (une page renommée ou fusionnée garde son ancienne adresse, qui y mène).
"""
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_FILE = "entity-slugs.toml"


def site_slug_file(settings) -> Path:
    """Where a site's entity slugs are recorded: ``ENTITY_SLUGS_FILE``, by default beside the content
    folder (``entity-slugs.toml``, committed with it). Not in it: the build writes this file, and a
    file it writes among its own inputs would make the next build run again for nothing. An input
    of the build all the same (digest/site.py): an editor's edit is built."""
    return Path(setting(settings, "ENTITY_SLUGS_FILE") or Path(settings["PATH"]).resolve().parent / SLUG_FILE)


class SlugFileError(EditorialError):
    """Invalid slug file; ``str(err)`` is ``"<file>:<line>: <reason>"``."""


@dataclass
class Slugs:
    """What ``assign`` decided: each entity's slug, the old slugs that lead to an entity."""

    of: dict[int, str] = field(default_factory=dict)  # id(SiteEntity) -> slug
    redirects: list[tuple[str, str, SiteEntity]] = field(default_factory=list)  # (kind, old slug, entity)
    retired: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, slug, recorded name): no page now
    records: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> {slug: name}


def _line(lines: list[str], pattern: str) -> int | None:
    return next((n for n, line in enumerate(lines, 1) if re.match(pattern, line)), None)


def load(path: Path) -> dict[str, dict[str, str]]:
    """``{kind: {slug: name}}`` of the slug file (empty when there is none); SlugFileError if malformed."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise SlugFileError(path, None, f"cannot read file ({error})") from None
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column \d+\)", str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise SlugFileError(path, int(where.group(1)) if where else None, f"TOML syntax error: {reason}") from None
    lines = text.splitlines()
    records: dict[str, dict[str, str]] = {}
    for folder, table in data.items():
        line = _line(lines, rf"\s*\[\s*\"?{re.escape(folder)}\"?\s*\]") or _line(lines, rf"\s*\"?{re.escape(folder)}\"?\s*=")
        if folder not in KIND_OF_KEY:
            raise SlugFileError(path, line, f"unknown table {folder!r} (expected {', '.join(FRONT_MATTER_KEYS.values())})")
        if not isinstance(table, dict):
            raise SlugFileError(path, line, f"{folder!r} must be a table: [{folder}]")
        records[KIND_OF_KEY[folder]] = _records(path, lines, folder, table)
    return records


def _record_problem(folder: str, slug: str, name, owner: dict[str, str]) -> str | None:
    if not _SLUG.fullmatch(slug):
        return f"{slug!r} is not a slug (lowercase letters, digits and single hyphens)"
    if not isinstance(name, str) or not name.strip():
        return f"{folder}.{slug}: the name must be a non-empty string"
    if fold_key(name) in owner:
        return f"{name!r} has two slugs in [{folder}]: {owner[fold_key(name)]!r} and {slug!r}"
    return None


def _records(path: Path, lines: list[str], folder: str, table: dict) -> dict[str, str]:
    owner: dict[str, str] = {}  # fold key -> slug
    for slug, name in table.items():
        # The line is looked for only to name a fault: looked up for every slug, the load was
        # quadratic (2 s of every build with the 1 700 slugs of 1 000 bench dispatches).
        if problem := _record_problem(folder, slug, name, owner):
            raise SlugFileError(path, _line(lines, rf"\s*\"?{re.escape(slug)}\"?\s*="), problem)
        owner[fold_key(name)] = slug
    return dict(table)


def assign(entities: Sequence[SiteEntity], records: dict[str, dict[str, str]]) -> Slugs:
    """Slugs for ``entities`` (the published ones, most cited first) given what was recorded."""
    out = Slugs(records={kind: dict(slugs) for kind, slugs in records.items()})
    pages: dict[str, set[str]] = {}  # kind -> slugs of its pages
    led: dict[str, set[str]] = {}  # kind -> old slugs that lead to an entity
    for kind in FRONT_MATTER_KEYS:
        recorded = out.records.setdefault(kind, {})
        by_key = {fold_key(name): slug for slug, name in recorded.items()}
        taken = set(recorded)
        of_kind = sorted((e for e in entities if e.kind == kind), key=lambda e: (-e.articles, e.key, e.name))
        for entity in of_kind:
            if entity.key in by_key:
                out.of[id(entity)] = by_key[entity.key]
        new = [entity for entity in of_kind if id(entity) not in out.of]
        bases = {id(entity): entity_slug(entity.name, entity.kind) for entity in new}
        for entity in new:  # first its own name's slug, for every entity that can have it
            if bases[id(entity)] not in taken:
                out.of[id(entity)] = bases[id(entity)]
                taken.add(bases[id(entity)])
        for entity in new:  # then a suffix, never another entity's own slug
            if id(entity) not in out.of:
                out.of[id(entity)] = _suffixed(bases[id(entity)], taken | set(bases.values()))
                taken.add(out.of[id(entity)])
        for entity in of_kind:
            recorded[out.of[id(entity)]] = entity.name
        pages[kind] = {out.of[id(entity)] for entity in of_kind}
        led[kind] = set()  # an old slug leads to one entity: the most cited that took its name in
        for entity in of_kind:
            for key in sorted(entity.keys - {entity.key}):
                old = by_key.get(key)
                if old is not None and old not in pages[kind] and old not in led[kind]:
                    led[kind].add(old)
                    out.redirects.append((kind, old, entity))
    # an entity whose kind changed (a club once taken for a place): its address in the other kind's
    # folder leads to its page
    owner = {key: entity for entity in sorted(entities, key=lambda e: (-e.articles, e.key, e.name))
             for key in (entity.key, *sorted(entity.keys)) if key}
    for kind, recorded in sorted(records.items()):
        for old, name in sorted(recorded.items()):
            entity = owner.get(fold_key(name))
            if entity is not None and entity.kind != kind and old not in pages.get(kind, ()) and old not in led.get(kind, ()):
                led.setdefault(kind, set()).add(old)
                out.redirects.append((kind, old, entity))
    out.retired = [(kind, slug, name) for kind, recorded in sorted(out.records.items()) for slug, name in sorted(recorded.items())
                   if slug not in pages.get(kind, ()) and slug not in led.get(kind, ())]
    return out


def _suffixed(base: str, taken: set[str]) -> str:
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def dumps(records: dict[str, dict[str, str]]) -> str:
    parts = [HEADER]
    for kind, folder in FRONT_MATTER_KEYS.items():
        slugs = records.get(kind)
        if slugs:
            rows = "".join(f'{slug} = "{_toml_string(slugs[slug])}"\n' for slug in sorted(slugs))
            parts.append(f"\n[{folder}]\n{rows}")
    return "".join(parts)


def _toml_string(value: str) -> str:
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in value)
