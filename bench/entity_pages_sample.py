"""A blind audit sheet of entity pages: ``python -m bench.entity_pages_sample OUTPUT N SEED SHEET``
draws N entity pages at random (redirects left out) from a built site and writes each one's name,
kind folder and visible text, for a reader who judges name and type (bench/results/entity-pages-audit.md)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from bs4 import BeautifulSoup

KIND_FOLDERS = ("personnes", "organisations", "lieux")
SHOWN = 1400  # characters of a page's text: its header and first dispatches


def entity_pages(output: Path) -> list[tuple[str, Path]]:
    return [(kind, page) for kind in KIND_FOLDERS for page in sorted((output / kind).glob("*/index.html"))
            if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")]


def sheet(output: Path, count: int, seed: int) -> str:
    pages = entity_pages(output)
    lines = [f"# Entity pages audit sheet ({count} of {len(pages)} pages, seed {seed})", ""]
    for number, (kind, page) in enumerate(random.Random(seed).sample(pages, count), 1):
        main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("main")
        lines += [f"## {number}. {main.find('h1').get_text(' ', strip=True)}  — page kind: {kind}  ({page.parent.name})",
                  "", "```", main.get_text(" | ", strip=True)[:SHOWN], "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    output, count, seed, destination = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    destination.write_text(sheet(output, count, seed), encoding="utf-8")
