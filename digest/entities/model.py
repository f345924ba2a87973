"""Entity value object and its front-matter representation (no spaCy import).

Front-matter format (one key per kind, only non-empty kinds are written)::

    personnes: Mark Rutte | Rutte | M. Rutte; Volodymyr Zelensky | Zelensky
    organisations: OTAN | Otan
    lieux: Kiev; Ukraine

* entities are separated by ``;``, the forms of one entity by ``|``;
* the first form is the canonical name (the entity page), the others are the surface
  forms used in the article (an editor may delete or add some);
* spaces around separators are ignored;
* a literal ``;``, ``|`` or ``\\`` inside a name is written ``\\;``, ``\\|``, ``\\\\``;
* entities are sorted by name (case- and accent-insensitive, then exact), so the
  output is deterministic.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping

KINDS: tuple[str, ...] = ("personne", "organisation", "lieu")
FRONT_MATTER_KEYS: dict[str, str] = {
    "personne": "personnes",
    "organisation": "organisations",
    "lieu": "lieux",
}
KIND_OF_KEY: dict[str, str] = {v: k for k, v in FRONT_MATTER_KEYS.items()}


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    forms: tuple[str, ...] = field(default=())
    description: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown entity kind {self.kind!r} (expected one of {KINDS})")
        if not self.name.strip():
            raise ValueError("entity name must not be empty")


@functools.lru_cache(maxsize=None)  # names recur across thousands of articles
def fold(s: str) -> str:
    """Case- and accent-insensitive key ("États-Unis" -> "etats-unis")."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


def sort_key(e: Entity) -> tuple[str, str]:
    return (fold(e.name), e.name)


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace("|", "\\|")


def _split(value: str, sep: str) -> list[str]:
    """Split on unescaped ``sep``; keep escapes in the parts (unescaped later)."""
    parts, cur, i = [], [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            cur.append(value[i : i + 2])
            i += 2
            continue
        if c == sep:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def _unescape(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def _strip(part: str) -> str:
    """Strip surrounding spaces but keep an escaped trailing character intact."""
    part = part.lstrip()
    stripped = part.rstrip()
    # "a\ " : the space is escaped -> keep it
    if len(stripped) < len(part) and stripped.endswith("\\"):
        n = len(stripped) - len(stripped.rstrip("\\"))
        if n % 2 == 1:
            stripped = part[: len(stripped) + 1]
    return stripped


def _escaped_entity_forms(value: str) -> list[list[str]]:
    return [[_unescape(_strip(form)) for form in _split(chunk, "|")] for chunk in _split(value, ";")]


def _entity_forms(value: str) -> list[list[str]]:
    """The forms of each entity of one front-matter value, unescaped and stripped."""
    if "\\" not in value:  # nearly every article: str.split, 3x faster than the escape-aware loop
        return [[form.strip() for form in chunk.split("|")] for chunk in value.split(";")]
    return _escaped_entity_forms(value)


def to_front_matter(entities: Iterable[Entity]) -> dict[str, str]:
    by_kind: dict[str, list[Entity]] = {k: [] for k in KINDS}
    for e in entities:
        by_kind[e.kind].append(e)
    out: dict[str, str] = {}
    for kind in KINDS:
        items = sorted(by_kind[kind], key=sort_key)
        if items:
            out[FRONT_MATTER_KEYS[kind]] = "; ".join(
                " | ".join(_escape(f) for f in (e.name, *e.forms)) for e in items
            )
    return out


def from_front_matter(metadata: Mapping[str, str]) -> list[Entity]:
    """Inverse of :func:`to_front_matter`. Unknown keys are ignored; descriptions are
    not stored in the front matter (they come from the editorial file)."""
    out: list[Entity] = []
    for kind in KINDS:
        value = metadata.get(FRONT_MATTER_KEYS[kind])
        if value is None:
            continue
        if isinstance(value, (list, tuple)):  # Pelican may hand a list for repeated keys
            value = "; ".join(str(v) for v in value)
        for forms in _entity_forms(str(value)):
            forms = [f for f in forms if f.strip()]
            if not forms:
                continue
            out.append(Entity(name=forms[0], kind=kind, forms=tuple(forms[1:])))
    return out
