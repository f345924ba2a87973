"""The article file: Pelican Markdown with front-matter, the contract between ingest and editors.

Ingest writes the file and signs it with a ``Checksum`` of everything else in it. A file whose
checksum no longer matches was changed by an editor and is never overwritten. The body is the
dispatch's text as HTML-escaped ``<p>`` blocks: Markdown passes raw HTML blocks through untouched,
so no character of a dispatch is ever read as Markdown or HTML.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

CHECKSUM_KEY = "Checksum"
_FIELD = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):[ \t]*(?P<value>.*)$")
_CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_KEY}:.*\n", re.MULTILINE)


@dataclass(frozen=True)
class ArticleFile:
    metadata: dict[str, str]  # ordered: written in this order
    paragraphs: tuple[str, ...] = field(default=())

    def render(self) -> str:
        header = "".join(f"{key}: {_one_line(value)}\n" for key, value in self.metadata.items() if value)
        body = "\n\n".join(
            f'<p class="lede">{html.escape(text, quote=False)}</p>' if index == 0 else f"<p>{html.escape(text, quote=False)}</p>"
            for index, text in enumerate(self.paragraphs)
        )
        unsigned = f"{header}\n{body}\n"
        return f"{header}{CHECKSUM_KEY}: {checksum(unsigned)}\n\n{body}\n"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def checksum(unsigned_text: str) -> str:
    return hashlib.sha256(unsigned_text.encode("utf-8")).hexdigest()[:16]


def read_metadata(text: str) -> dict[str, str]:
    """The front-matter fields, keys lower-cased as Pelican reads them."""
    metadata: dict[str, str] = {}
    for line in text.split("\n"):
        match = _FIELD.match(line)
        if not match:
            break
        metadata[match["key"].lower()] = match["value"].strip()
    return metadata


def is_pristine(text: str) -> bool:
    """True when the file is exactly as ingest wrote it (no editor has touched it)."""
    recorded = read_metadata(text).get(CHECKSUM_KEY.lower())
    return recorded is not None and recorded == checksum(_CHECKSUM_LINE.sub("", text, count=1))


def read_article(path: Path) -> tuple[str, dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    return text, read_metadata(text)
