"""Index the built site for search with Pagefind (its binary ships in the pagefind-bin wheel).

Pagefind is given only the pages that carry ``data-pagefind-body``: the articles. Entities are
found by their names, which the search page matches itself (``entites/noms.json``, written by the
entities plugin): an entity's first page held only its header, and Pagefind's time grows with the
pages it indexes (at 1 000 bench articles, their 3 900 entity pages took half of it). Until it has
read every file its glob matches, Pagefind keeps the whole text of a page without
``data-pagefind-body`` as if it were to be indexed: the other pages (days, months, archives, the
entities': three quarters of the files at 20 000 articles) would cost most of its CPU time and a
third of its peak memory. What remains is the articles' words: Pagefind 1.5 holds about 100 KB
per article at its peak.

The pattern follows ``ARTICLE_SAVE_AS`` (pelicanconf.py); tests/site/test_site_pages.py checks
that it matches exactly the pages with ``data-pagefind-body``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEXED_PAGES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"  # articles: YYYY/MM/DD/slug/


class SearchIndexError(RuntimeError):
    pass


def has_indexed_pages(site: Path) -> bool:
    return next(Path(site).glob(INDEXED_PAGES), None) is not None


def index(site: Path) -> None:
    """Write the search bundle into ``site/pagefind/``; raises SearchIndexError if Pagefind fails.
    A site with no article yet gets a bundle too (from its other pages): the search page works."""
    only = ["--glob", INDEXED_PAGES] if has_indexed_pages(site) else []
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *only, "--force-language", "fr", "--quiet"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind a échoué sur {site} (il n'y lit que les dépêches, {INDEXED_PAGES}) :\n"
            f"{result.stdout}{result.stderr}"
        )
