"""Index a site for search with Pagefind (its binary ships in the pagefind-bin wheel); no Pelican here.

Pagefind is given only the pages that carry ``data-pagefind-body``: the articles and the first
page of each entity (its header). Until it has read every file its glob matches, Pagefind keeps the
whole text of a page without ``data-pagefind-body`` as if it were to be indexed: the other pages
(days, months, archives, the home's and the entities' further pages: a quarter of the files at
20 000 articles) cost 45 % of its CPU time and a third of its peak memory (3.2 GB -> 2.2 GB). The
bundle is the same, byte for byte, as when Pagefind read the whole site. What remains is the
articles' words: Pagefind 1.5 holds about 100 KB per article at its peak.

Two ways in, one bundle. ``index_site`` reads a written site. ``index_pages`` is given, for each
indexed page, the inside of its ``data-pagefind-body`` element, and writes each into a page of its
own for Pagefind: indexing can then start before the site is written (plugins/search_index). Pagefind
reads nothing of a page but that element, so the bundle is byte for byte the one ``index_site``
makes of the written site (tests/site/test_search_bundle.py).

The patterns follow ``ARTICLE_SAVE_AS`` (pelicanconf.py) and ``ENTITY_SAVE_AS`` (plugins/entities);
tests/site/test_site_pages.py checks that they match exactly the pages with ``data-pagefind-body``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

INDEXED_PAGES = (
    "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html",  # articles: YYYY/MM/DD/slug/
    "personnes/*/index.html",  # entities: first page only (further pages are …/page/N/)
    "organisations/*/index.html",
    "lieux/*/index.html",
)
GLOB = "{" + ",".join(INDEXED_PAGES) + "}"  # Pagefind's glob syntax (wax): {a,b} is either
# The same patterns for a page's path (save_as): ``*`` stays within one folder, as in Pagefind.
_INDEXED = re.compile("|".join(re.escape(pattern).replace(r"\*", "[^/]*").replace(r"\[0\-9\]", "[0-9]") for pattern in INDEXED_PAGES))

BUNDLE = "pagefind"  # the bundle's folder in the site, where the search page (recherche.html) loads it
# A page of its own for the inside of one page's data-pagefind-body element.
_SEARCHED_PAGE = '<!DOCTYPE html>\n<html lang="fr">\n<body>\n<div data-pagefind-body>\n{}\n</div>\n</body>\n</html>\n'


class SearchIndexError(RuntimeError):
    pass


def is_indexed(save_as: str) -> bool:
    return _INDEXED.fullmatch(save_as) is not None


def has_indexed_pages(site: Path) -> bool:
    return any(next(Path(site).glob(pattern), None) for pattern in INDEXED_PAGES)


def _pagefind(site: Path, *options: str) -> str | None:
    """Pagefind's words when it fails on ``site``, None when it succeeds."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *options, "--force-language", "fr", "--quiet"],
        capture_output=True,
        text=True,
    )
    return f"{result.stdout}{result.stderr}" if result.returncode != 0 else None


def index_site(site: Path) -> None:
    """Write the search bundle into ``site/pagefind/`` (``BUNDLE``); raises SearchIndexError if Pagefind fails.
    A site with no article yet gets a bundle too (from its other pages): the search page works."""
    only = ["--glob", GLOB] if has_indexed_pages(site) else []
    failure = _pagefind(site, *only)
    if failure is not None:
        raise SearchIndexError(f"Pagefind a échoué sur {site} (il n'y lit que les dépêches et les pages d'entités, {GLOB}) :\n{failure}")


def index_pages(pages: Iterable[tuple[str, str]], bundle: Path) -> int:
    """Write the search bundle into ``bundle`` from ``(path of the page in the site, inside of its
    data-pagefind-body element)`` pairs; returns how many pages were indexed. Raises
    SearchIndexError if Pagefind fails."""
    with tempfile.TemporaryDirectory(prefix="lefil-recherche-") as folder:
        count = 0
        for save_as, searched in pages:
            path = Path(folder, save_as)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_SEARCHED_PAGE.format(searched), encoding="utf-8")
            count += 1
        failure = _pagefind(Path(folder), "--output-path", str(Path(bundle).resolve()))
    if failure is not None:
        raise SearchIndexError(f"Pagefind a échoué sur les {count} pages à indexer pour {bundle} :\n{failure}")
    return count


def ensure_bundle(site: Path) -> None:
    """``index_site`` unless ``site`` already has its bundle: the render of a build that starts from an
    empty folder made it (plugins/search_index)."""
    if not (Path(site) / BUNDLE / "pagefind-entry.json").is_file():
        index_site(site)
