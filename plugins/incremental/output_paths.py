"""Where a page may be written (plain module: no Pelican import).

A page is written only at a path of its own section: an article at ``ARTICLE_SAVE_AS`` with a
four-digit year and a slug of one segment, an entity in its kind's folder. An editor's
``Slug: ../../personnes/x`` would otherwise overwrite another page, and a slug with a ``/`` would
take its article out of the folders the search index reads.
"""

from __future__ import annotations

import re

from digest.dispatch import NONCHARACTERS

MAX_SEGMENT_BYTES = 255  # a file or folder name on Linux file systems
# The logger on which a content left out of the site is reported as an error, ``"%s: %s"`` (its
# source file, why): digest/site.py collects them as rejections instead of failing the build (the
# build then exits 1, publishing refuses).
REJECTED_LOGGER = "incremental.rejected"
# Control characters, a backslash, and what is never text (lone surrogates, noncharacters): a feed
# could not carry the page's URL (XML refuses them) and a file name should not hold them.
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\\\\\ud800-\udfff\ufdd0-\ufdef{NONCHARACTERS}]")
_FIELD = re.compile(r"\{([a-z_]+)(?::([^}]*))?\}")
_YEAR = {"%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}"}


def path_problem(name: str) -> str | None:
    """Why ``name`` (relative to the output folder) is not a path inside it, or None."""
    if not name:  # an editor's empty Save_as: listed in feeds and pages, its links would lead nowhere
        return "chemin de sortie vide (Save_as vide) : l’article n’aurait pas de page"
    if _CONTROL.search(name):
        return f"chemin de sortie avec un caractère de contrôle ou qui n’est pas du texte : {name!r}"
    segments = name.split("/")
    if name.startswith("/") or any(segment in ("", ".", "..") for segment in segments):
        return f"chemin de sortie hors de sa place : {name!r}"
    if any(len(segment.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES for segment in segments):
        return f"chemin de sortie trop long (plus de {MAX_SEGMENT_BYTES} octets pour un nom) : {name[:80]!r}…"
    return None


def section_pattern(save_as: str) -> re.Pattern:
    """The paths a ``*_SAVE_AS`` pattern can give when each field is one path segment (a date
    field such as ``{date:%Y}`` its digits)."""
    parts, position = [], 0
    for field in _FIELD.finditer(save_as):
        parts.append(re.escape(save_as[position : field.start()]))
        parts.append(_YEAR.get(field[2] or "", r"[^/]+"))
        position = field.end()
    parts.append(re.escape(save_as[position:]))
    return re.compile("".join(parts))


def section_problem(name: str, save_as: str) -> str | None:
    """Why ``name`` is not a path of the section whose pattern is ``save_as``, or None."""
    if section_pattern(save_as).fullmatch(name):
        return None
    return f"chemin de sortie {name!r} hors de sa section ({save_as}) : vérifiez son Slug et sa Date"
