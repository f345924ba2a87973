"""Index the built site for search with Pagefind (its binary ships in the pagefind-bin wheel).

Pagefind is given only the pages that carry ``data-pagefind-body``: the articles and the first
page of each entity (its header). Until it has read every file its glob matches, Pagefind keeps the
whole text of a page without ``data-pagefind-body`` as if it were to be indexed: the other pages
(days, months, archives, the home's and the entities' further pages: a quarter of the files at
20 000 articles) cost 45 % of its CPU time and a third of its peak memory (3.2 GB -> 2.2 GB). The
bundle is the same, byte for byte, as when Pagefind read the whole site. What remains is the
articles' words: Pagefind 1.5 holds about 100 KB per article at its peak.

The patterns follow ``ARTICLE_SAVE_AS`` (pelicanconf.py) and ``ENTITY_SAVE_AS`` (plugins/entities);
tests/site/test_site_pages.py checks that they match exactly the pages with ``data-pagefind-body``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEXED_PAGES = (
    "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html",  # articles: YYYY/MM/DD/slug/
    "personnes/*/index.html",  # entities: first page only (further pages are …/page/N/)
    "organisations/*/index.html",
    "lieux/*/index.html",
)
GLOB = "{" + ",".join(INDEXED_PAGES) + "}"  # Pagefind's glob syntax (wax): {a,b} is either


class SearchIndexError(RuntimeError):
    pass


def has_indexed_pages(site: Path) -> bool:
    return any(next(Path(site).glob(pattern), None) for pattern in INDEXED_PAGES)


def index(site: Path) -> None:
    """Write the search bundle into ``site/pagefind/``; raises SearchIndexError if Pagefind fails.
    A site with no article yet gets a bundle too (from its other pages): the search page works."""
    only = ["--glob", GLOB] if has_indexed_pages(site) else []
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *only, "--force-language", "fr", "--quiet"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind a échoué sur {site} (il n'y lit que les dépêches et les pages d'entités, {GLOB}) :\n"
            f"{result.stdout}{result.stderr}"
        )
