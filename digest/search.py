"""Index the built site for search with Pagefind (its binary ships in the pagefind-bin wheel).

Pagefind is given only the pages that carry ``data-pagefind-body``: the articles and the first
page of each entity (its header). Until it has read every file its glob matches, Pagefind keeps the
whole text of a page without ``data-pagefind-body`` as if it were to be indexed: the other pages
(days, months, archives, the home's and the entities' further pages: a quarter of the files at
20 000 articles) would cost 45 % of its CPU time and a third of its peak memory.

The index is split in bundles. Pagefind holds about 100 KB per article at its peak: one bundle for
20 000 articles took 2.3 GB, a year of them (5 000) about 0.6 GB, and two run at a time. The
primary bundle, ``pagefind/``, has the entity pages and the newest month's articles: what a new
dispatch changes, so that adding one indexes again a month of articles, not the archive. The other
articles have a bundle per year, ``pagefind/annees/YYYY/``, listed in ``pagefind/merge.json``; the
search page merges them (Pagefind's ``mergeIndex``: one list of results, ranked by score). A bundle
whose pages have not changed since the published site's is linked from it, not indexed again:
each bundle records what it was made from (``sources.sha256``: Pagefind's version and options, the
pages' paths), and Pagefind must read the same of each page as of the published one.

The patterns follow ``ARTICLE_SAVE_AS`` (pelicanconf.py) and ``ENTITY_SAVE_AS`` (plugins/entities);
tests/site/test_site_pages.py checks that they match exactly the pages with ``data-pagefind-body``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

from atomic_files import write_atomically
from digest.site import same_bytes

YEAR, MONTH = "[0-9][0-9][0-9][0-9]", "[0-9][0-9]"
ARTICLE_PAGES = "{year}/{month}/[0-9][0-9]/*/index.html"  # articles: YYYY/MM/DD/slug/
ENTITY_PAGES = (  # entities: first page only (further pages are …/page/N/)
    "personnes/*/index.html",
    "organisations/*/index.html",
    "lieux/*/index.html",
)
INDEXED_PAGES = (ARTICLE_PAGES.format(year=YEAR, month=MONTH), *ENTITY_PAGES)

PRIMARY = "pagefind"
YEARS = "annees"  # pagefind/annees/YYYY/: the other articles, a bundle per year
MERGE_LIST = "merge.json"  # in the primary bundle: the other bundles, relative to it
FINGERPRINT = "sources.sha256"
PAGEFIND_OPTIONS = ("--force-language", "fr", "--quiet")
PAGEFINDS_AT_ONCE = 2


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class Bundle:
    folder: str  # relative to the site
    patterns: tuple[str, ...]  # the pages it indexes; empty: every page of the site
    pages: tuple[str, ...] = ()  # what the patterns match, relative to the site, sorted

    @property
    def glob(self) -> str:
        return "{" + ",".join(self.patterns) + "}"  # Pagefind's glob syntax (wax): {a,b} is either

    def made_from(self) -> str:
        """What the bundle is made from but its pages' bytes: Pagefind's version and options, the
        pages' paths."""
        return hashlib.sha256(json.dumps([metadata.version("pagefind_bin"), PAGEFIND_OPTIONS, self.patterns, self.pages]).encode()).hexdigest()


def _matching(site: Path, patterns) -> list[str]:
    return sorted({page for pattern in patterns for page in glob.glob(pattern, root_dir=site)})


def bundles(site: Path) -> list[Bundle]:
    """The primary bundle first (the newest month's articles and the entity pages), then one per
    year for the other articles. A site without any article or entity page yet gets one bundle of
    all its pages: the search page works."""
    by_month: dict[tuple[str, str], list[str]] = {}
    for page in _matching(site, [ARTICLE_PAGES.format(year=YEAR, month=MONTH)]):
        year, month, _ = page.split("/", 2)
        by_month.setdefault((year, month), []).append(page)
    entities = {pattern: _matching(site, [pattern]) for pattern in ENTITY_PAGES}
    if not by_month and not any(entities.values()):
        return [Bundle(PRIMARY, ())]

    def bundle(folder: str, months: list[tuple[str, str]], *also: tuple[str, list[str]]) -> Bundle:
        """Articles of ``months``, and ``also`` (pattern, pages it matches)."""
        patterns = [ARTICLE_PAGES.format(year=year, month=month) for year, month in months]
        pages = [page for key in months for page in by_month[key]]
        for pattern, matched in also:
            patterns.append(pattern)
            pages.extend(matched)
        return Bundle(folder, tuple(patterns), tuple(sorted(pages)))

    months = sorted(by_month, reverse=True)
    found = [bundle(PRIMARY, months[:1], *entities.items())]
    for year in sorted({year for year, _ in months[1:]}, reverse=True):
        found.append(bundle(f"{PRIMARY}/{YEARS}/{year}", [key for key in months[1:] if key[0] == year]))
    return found


class _WhatPagefindReads(HTMLParser):
    """The parts of a page Pagefind reads, as a list of source strings: every element marked
    ``data-pagefind-body`` whole, the ``<html>`` tag (its language) and every tag with another
    ``data-pagefind-*`` attribute (metadata, filters) wherever it is."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self._body: str | None = None  # the tag name of the element being read
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        source = self.get_starttag_text() or ""
        if self._body is None and any(name == "data-pagefind-body" for name, _ in attrs):
            self._body, self._depth = tag, 0
        if self._body is not None:
            self._depth += tag == self._body
            self.parts.append(source)
        elif tag == "html" or any(name.startswith("data-pagefind-") for name, _ in attrs):
            self.parts.append(source)

    def handle_endtag(self, tag):
        if self._body is not None:
            self.parts.append(f"</{tag}>")
            self._depth -= tag == self._body
            if self._depth == 0:
                self._body = None

    def _inside(self, text: str) -> None:
        if self._body is not None:
            self.parts.append(text)

    def handle_data(self, data):
        self._inside(data)

    def handle_entityref(self, name):
        self._inside(f"&{name};")

    def handle_charref(self, name):
        self._inside(f"&#{name};")


def what_pagefind_reads(html: str) -> list[str]:
    parser = _WhatPagefindReads()
    parser.feed(html)
    parser.close()
    return parser.parts


def _unchanged(site: Path, previous: Path, page: str) -> bool:
    """Whether Pagefind would read the same of ``page`` in ``site`` as in ``previous``. A new
    dispatch changes the related articles shown beside older ones: not what is indexed."""
    new, old = os.path.join(site, page), os.path.join(previous, page)
    try:
        new_status, old_status = os.stat(new), os.stat(old)
    except OSError:
        return False
    # Pages plugins/incremental reused are links to the published ones: no need to read them.
    if (new_status.st_dev, new_status.st_ino) == (old_status.st_dev, old_status.st_ino) or same_bytes(new, new_status.st_size, old):
        return True
    with open(new, encoding="utf-8") as new_page, open(old, encoding="utf-8") as old_page:
        return what_pagefind_reads(new_page.read()) == what_pagefind_reads(old_page.read())


def _reuse(site: Path, previous: Path | None, bundle: Bundle) -> bool:
    """Link the published site's bundle into ``site`` when it was made from the same pages (by
    path and bytes) with the same Pagefind."""
    if previous is None or not bundle.patterns:  # a bundle of the whole site: a site without articles
        return False
    source = Path(previous) / bundle.folder
    try:
        if (source / FINGERPRINT).read_text(encoding="ascii").strip() != bundle.made_from():
            return False
    except OSError:
        return False
    if not all(_unchanged(site, previous, page) for page in bundle.pages):
        return False
    nested = {YEARS, MERGE_LIST} if bundle.folder == PRIMARY else set()
    try:
        shutil.copytree(source, Path(site) / bundle.folder, copy_function=os.link, ignore=lambda folder, names: nested & set(names) if Path(folder) == source else ())
    except OSError:  # another file system: index it again
        shutil.rmtree(Path(site) / bundle.folder, ignore_errors=True)
        return False
    return True


def _run_pagefind(site: Path, bundle: Bundle) -> None:
    only = ["--glob", bundle.glob] if bundle.patterns else []
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *only, "--output-subdir", bundle.folder, *PAGEFIND_OPTIONS],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        read = bundle.glob if bundle.patterns else "toutes les pages"
        raise SearchIndexError(f"Pagefind a échoué sur {site} (pour {bundle.folder}/, il y lit {read}) :\n{result.stdout}{result.stderr}")


def _index_bundle(site: Path, bundle: Bundle) -> None:
    _run_pagefind(site, bundle)
    if bundle.patterns:
        write_atomically(site / bundle.folder / FINGERPRINT, bundle.made_from() + "\n")


def index(site: Path, previous: Path | None = None) -> list[Bundle]:
    """Write the search bundles into ``site/pagefind/``; raises SearchIndexError if Pagefind fails.
    ``previous``: the published site, whose bundles are reused when their pages are unchanged.
    Returns the bundles indexed again."""
    site = Path(site)
    found = bundles(site)
    indexed = [bundle for bundle in found if not _reuse(site, previous, bundle)]
    # Two Pagefinds at a time: each spends part of its run on one core; memory stays two bundles'.
    with ThreadPoolExecutor(max_workers=PAGEFINDS_AT_ONCE) as pool:
        list(pool.map(lambda bundle: _index_bundle(site, bundle), indexed))
    others = [Path(bundle.folder).relative_to(PRIMARY).as_posix() + "/" for bundle in found[1:]]
    write_atomically(site / PRIMARY / MERGE_LIST, json.dumps(others) + "\n")
    return indexed
