"""The dispatch folder as ingest meets it (plain module): which entries are dispatches to read
(names of any bytes, links inside the content folder only), how a file name is shown in reports
and recorded in its article's ``Source``, and the credits file beside the dispatches."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digest.site_urls import http_url

if TYPE_CHECKING:
    from digest.ingest import Report

ATTRIBUTION_FILE = "attribution.jsonl"


@dataclass(frozen=True)
class Attribution:
    credit: str = ""
    url: str = ""
    license: str = ""
    headline: str = ""  # the title the wire service sent: it wins over a derived one


def load_attributions(dispatch_dir: Path, report: Report) -> dict[str, Attribution]:
    """The credits by dispatch file name; a line that is not an entry is rejected by its number
    (its dispatch is built without credit), a source URL that is not http(s) is dropped."""
    path = dispatch_dir / ATTRIBUTION_FILE
    if not path.exists():
        return {}
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report.rejected.append((path, f"illisible : {getattr(error, 'strerror', None) or error}"))
        return {}
    attributions = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            fields = {key: entry.get(key) or "" for key in ("file", "credit", "url", "license", "headline")} if isinstance(entry, dict) else None
        except ValueError:
            fields = None
        if not fields or not fields["file"] or not all(isinstance(value, str) for value in fields.values()):
            report.rejected.append((path, f"ligne {number} : pas une entrée {{\"file\": …, \"credit\": …, \"url\": …, \"license\": …}}"))
            continue
        url = fields["url"].strip()
        if url and not http_url(url, warn=False):  # kept as written otherwise: the page encodes it
            report.warnings.append((path, f"ligne {number} : adresse de la source ignorée (seuls http et https sont publiés) : {url!r}"))
            url = ""
        attributions[fields["file"]] = Attribution(fields["credit"], url, fields["license"], fields["headline"] or "")
    return attributions


# A file name is shown in reports and recorded in its article's ``Source``: any byte sequence may
# come, only names that are UTF-8 text without control characters are read.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# In ``Source``, one line of front-matter whose spaces are collapsed: the characters that would not
# survive (whitespace other than single inner spaces, and %) are percent-encoded.
_UNSAFE_IN_SOURCE = re.compile(r"%|^ +| +$| {2,}|[^\S ]")


def name_problem(path: Path) -> str | None:
    """Why the name of the dispatch file ``path`` cannot be read, or None."""
    raw = os.fsencode(path.name)
    try:
        name = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"nom de fichier qui n’est pas de l’UTF-8 (octet {raw[error.start]:02X} à la position {error.start}) : renommez-le"
    if found := _CONTROL.search(name):
        return f"nom de fichier avec un caractère de contrôle (U+{ord(found[0]):04X}) : renommez-le"
    return None


def source_field(dispatch_dir: Path, path: Path) -> str:
    """The ``Source`` of the article of dispatch ``path``: its folder and name, one line that reads
    back as written."""
    name = _UNSAFE_IN_SOURCE.sub(lambda found: "".join(f"%{byte:02X}" for byte in found[0].encode()), path.name)
    return f"{dispatch_dir.name}/{name}"


def shown(path: Path) -> str:
    """``path`` as it is printed, on one line: bytes that are not UTF-8 and control characters as
    \\xNN escapes."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", os.fsencode(path).decode("utf-8", "backslashreplace"))


def dispatch_problem(path: Path, dispatch_dir: Path) -> str | None:
    """Why the entry ``path`` of the dispatch folder is not a dispatch to read, or None. Links are
    followed only to a file inside the content folder (a link to any other file would publish it)."""
    if path.suffix.lower() != ".txt":
        return "pas une dépêche : une dépêche est un fichier .txt"
    if problem := name_problem(path):
        return problem
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return "lien symbolique cassé"
        if not target.is_relative_to(dispatch_dir.resolve().parent):
            return f"lien symbolique vers un fichier hors de {dispatch_dir.parent.name}/ : {target}"
    if not path.is_file():
        return "pas un fichier ordinaire"
    return None
