"""The editorial file (``content/entities.toml``): canonical names, aliases, stop list.

Format (see the comments at the top of ``content/entities.toml``)::

    stop = ["Français", "Seconde Guerre mondiale"]   # spans that are never entities

    [[entite]]
    nom = "OTAN"                      # canonical name (required)
    type = "organisation"             # personne | organisation | lieu (required)
    alias = ["Otan", "Organisation du traité de l'Atlantique nord"]
    description = "Alliance militaire..."   # optional, one line

Validation raises :class:`EditorialError` whose message names the file, the line and
the reason (syntax error, unknown type, missing name, alias claimed by two entities).
"""
from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .model import KINDS, fold

_KIND_ALIASES = {"personne": "personne", "organisation": "organisation", "lieu": "lieu"}
_HEADER = re.compile(r"^\s*\[\[\s*(?:\"entite\"|entite)\s*\]\]")


class EditorialError(ValueError):
    """Invalid editorial file; ``str(err)`` is ``"<file>:<line>: <reason>"``."""

    def __init__(self, path: Path | str, line: int | None, reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # raised in ingest's forked child, it comes back pickled (digest/forked_value.py)
        return type(self), (self.path, self.line, self.reason)


@dataclass(frozen=True)
class EditorialEntry:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Editorial:
    entries: list[EditorialEntry] = field(default_factory=list)
    stop: frozenset[str] = frozenset()  # folded keys
    path: str = ""
    # sha256 of the text parsed: what was resolved with these entries is cached under it
    source_sha256: str = ""

    def __post_init__(self) -> None:
        self._by_key: dict[str, EditorialEntry] = {}
        for e in self.entries:
            for f in e.surface_forms:
                self._by_key.setdefault(norm_key(f), e)

    @functools.cached_property
    def names_pattern(self) -> re.Pattern | None:
        """The pattern finding these names in a text, built the first time it is asked for."""
        from .mentions import _editorial_regex  # mentions reads this module

        return _editorial_regex(self)

    def lookup(self, form: str) -> EditorialEntry | None:
        """Entry whose name or alias matches ``form`` (case/accent/spacing-insensitive)."""
        return self._by_key.get(norm_key(form))

    def is_stopped(self, form: str) -> bool:
        return norm_key(form) in self.stop

    def surface_forms(self) -> list[tuple[str, EditorialEntry]]:
        """All (form, entry) pairs, longest first (for text matching)."""
        pairs = [(f, e) for e in self.entries for f in e.surface_forms]
        pairs.sort(key=lambda p: (-len(p[0]), p[0]))
        return pairs

    @classmethod
    def empty(cls) -> "Editorial":
        return cls()


@functools.lru_cache(maxsize=None)  # called for every form of every entity of every article
def norm_key(s: str) -> str:
    """Normalisation used for every name comparison: NFKD accent stripping, casefold,
    typographic apostrophes/dashes unified, hyphens treated as spaces, spaces collapsed."""
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    s = re.sub(r"[\u2010-\u2015\-]", " ", s)
    s = fold(s)
    return " ".join(s.split())


def _line_of_entries(text: str) -> list[int]:
    return [i + 1 for i, line in enumerate(text.splitlines()) if _HEADER.match(line)]


def _find_line(lines: list[str], start: int, end: int, needle: str, default: int) -> int:
    """First line in [start, end) (1-based) containing ``needle`` (TOML string)."""
    for n in range(start, min(end, len(lines) + 1)):
        if needle and needle in lines[n - 1]:
            return n
    return default


def _read_toml(path: Path) -> tuple[str, dict]:
    """The text of the editorial file and its TOML, or EditorialError at the line of a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditorialError(path, None, f"cannot read file ({exc.strerror or exc})") from exc
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(m.group(1)) if m else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        if m:
            reason += f" (column {m.group(2)})"
        raise EditorialError(path, line, f"TOML syntax error: {reason}") from exc


def _top_level(path: Path, data: dict, lines: list[str]) -> tuple[list[str], list]:
    """The ``stop`` list and the ``[[entite]]`` tables, checked."""
    unknown = sorted(set(data) - {"stop", "entite"})
    if unknown:
        key = unknown[0]
        line = next((i + 1 for i, l in enumerate(lines) if re.match(rf"\s*\[?\s*{re.escape(key)}\b", l)), None)
        raise EditorialError(path, line, f"unknown key {key!r} (expected 'stop' or [[entite]] tables)")
    stop_raw = data.get("stop", [])
    stop_line = next((i + 1 for i, l in enumerate(lines) if re.match(r"\s*stop\s*=", l)), None)
    if not isinstance(stop_raw, list) or not all(isinstance(s, str) for s in stop_raw):
        raise EditorialError(path, stop_line, "'stop' must be a list of strings")
    raw_entries = data.get("entite", [])
    if not isinstance(raw_entries, list):
        raise EditorialError(path, None, "'entite' must be an array of tables: [[entite]]")
    return stop_raw, raw_entries


def _entry(path: Path, raw: dict, lines: list[str], start: int, end: int) -> tuple[str, str, list[str], str]:
    """Name, kind, aliases and description of one ``[[entite]]`` (lines ``start`` to ``end``), checked."""
    extra = sorted(set(raw) - {"nom", "type", "alias", "description"})
    if extra:
        line = _find_line(lines, start, end, extra[0], start)
        raise EditorialError(path, line, f"unknown field {extra[0]!r} in [[entite]] (expected nom, type, alias, description)")
    name = raw.get("nom")
    if not isinstance(name, str) or not name.strip():
        line = _find_line(lines, start, end, "nom", start) if "nom" in raw else start
        raise EditorialError(path, line, "entry without a name: 'nom' is missing or empty")
    name = name.strip()
    kind = raw.get("type")
    if kind is None:
        raise EditorialError(path, start, f"entry {name!r} has no 'type' (personne | organisation | lieu)")
    if not isinstance(kind, str) or kind.strip() not in _KIND_ALIASES:
        raise EditorialError(path, _find_line(lines, start, end, "type", start),
                             f"entry {name!r}: unknown type {kind!r} (expected one of: {', '.join(KINDS)})")
    aliases = raw.get("alias", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise EditorialError(path, _find_line(lines, start, end, "alias", start), f"entry {name!r}: 'alias' must be a list of strings")
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise EditorialError(path, _find_line(lines, start, end, "description", start), f"entry {name!r}: 'description' must be a string")
    return name, _KIND_ALIASES[kind.strip()], [a.strip() for a in aliases if a.strip()], description


def load_editorial(path: Path | str) -> Editorial:
    path = Path(path)
    text, data = _read_toml(path)
    lines = text.splitlines()
    headers = _line_of_entries(text)
    stop_raw, raw_entries = _top_level(path, data, lines)
    entries: list[EditorialEntry] = []
    claimed: dict[str, tuple[str, int, int]] = {}  # key -> (entry name, line, entry index)
    for i, raw in enumerate(raw_entries):
        start = headers[i] if i < len(headers) else 1
        end = headers[i + 1] if i + 1 < len(headers) else len(lines) + 1
        name, kind, aliases, description = _entry(path, raw, lines, start, end)
        for form in [name, *aliases]:
            key = norm_key(form)
            line = _find_line(lines, start, end, f'"{form}"', start)
            if key in claimed and claimed[key][2] != i:
                other, other_line, _ = claimed[key]
                raise EditorialError(
                    path, line,
                    f"alias {form!r} is claimed by two entities: {other!r} (line {other_line}) and {name!r}",
                )
            claimed.setdefault(key, (name, line, i))
        uniq = list(dict.fromkeys(a for a in aliases if a != name))  # each alias once, in order
        entries.append(EditorialEntry(name, kind, tuple(uniq), " ".join(description.split())))
    stop = frozenset(norm_key(s) for s in stop_raw if s.strip())
    return Editorial(entries=entries, stop=stop, path=str(path), source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
