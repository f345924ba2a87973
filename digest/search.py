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

import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from digest import swap

INDEXED_PAGES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"  # articles: YYYY/MM/DD/slug/
BUNDLE = "pagefind"
# Pagefind runs as a child that dies with the build (Linux's PR_SET_PDEATHSIG, kept across exec):
# a killed build never leaves it writing into the next build's staging folder. The child is an
# interpreter without site-packages (-I -S) that execs Pagefind's binary: running the ``pagefind``
# package's own entry point imported asyncio first, 0.07 CPU s of each index (docs/performance.md,
# 2026-12-08); it is the fallback where the binary's package is not installed.
_DIES_WITH_PARENT = """
import ctypes, os, signal, sys
parent, binary = int(sys.argv.pop(1)), sys.argv.pop(1)
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
except (OSError, AttributeError):
    pass
if os.getppid() != parent:
    sys.exit(1)
if binary:
    try:
        os.execv(binary, [binary, *sys.argv[1:]])
    except OSError as error:  # one line for the build's report, not a traceback
        sys.exit(f"{binary}: {error.strerror}")
import runpy
sys.argv[0] = "pagefind"
runpy.run_module("pagefind", run_name="__main__")
"""


def pagefind_binary() -> str:
    """The Pagefind binary to run, as the ``pagefind`` package finds it: ``PAGEFIND_BINARY_PATH``, else
    the one the ``pagefind_bin`` wheel ships; "" when neither is there (the package's entry point
    looks further)."""
    return os.environ.get("PAGEFIND_BINARY_PATH") or _shipped_binary()


@functools.cache
def _shipped_binary() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return ""
    try:
        return str(get_executable().absolute())
    except OSError:
        return ""


class SearchIndexError(RuntimeError):
    pass


def index(site: Path, bundle: Path | None = None) -> None:
    """Write the search bundle of ``site`` into ``bundle`` (by default ``site/pagefind/``); raises
    SearchIndexError if Pagefind fails or leaves a bundle that does not hold together (it exits 0
    on a full disk, its files empty). A site with no article yet gets a bundle too (from its other
    pages): the search page works."""
    bundle = Path(site) / BUNDLE if bundle is None else Path(bundle)
    articles = len(list(Path(site).glob(INDEXED_PAGES)))
    only = ["--glob", INDEXED_PAGES] if articles else []
    binary = pagefind_binary()
    result = subprocess.run(
        [
            sys.executable, *(["-I", "-S"] if binary else []), "-c", _DIES_WITH_PARENT, str(os.getpid()), binary,
            "--site", str(site), "--output-path", str(bundle.absolute()), *only, "--force-language", "fr", "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind a échoué sur {site} (il n'y lit que les dépêches, {INDEXED_PAGES}) :\n"
            f"{result.stdout}{result.stderr}"
        )
    if problem := bundle_problem(bundle, articles):
        raise SearchIndexError(f"{problem} : index de recherche incomplet (disque plein ?)")


def staging_bundle(output: Path) -> Path:
    """Where the next bundle of the site ``output`` is written, beside it (never inside: a copy of
    output/ to the server meanwhile would send it)."""
    return output.with_name(f".{output.name}.{BUNDLE}.staging")


def keep_previous_bundle(output: Path, staging: Path) -> None:
    """Give the freshly rendered site ``staging`` the bundle ``output`` publishes (hard links): the
    pages swapped in keep a working search until ``update`` swaps the new bundle in."""
    previous = Path(output) / BUNDLE
    swap.restore_missing(previous, trash=Path(output).parent)  # a bundle swap killed between its renames
    if not previous.is_dir():
        return
    for folder, _, files in os.walk(previous):
        target = Path(staging) / BUNDLE / Path(folder).relative_to(previous)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(os.path.join(folder, name), target / name)
            except OSError:  # another file system, protected links: a copy will do
                shutil.copy2(os.path.join(folder, name), target / name)


def update(output: Path) -> None:
    """Index the published site ``output`` into a bundle beside it, then swap that bundle into
    ``output/pagefind/`` in one step. On any failure the bundle in place stays (the pages are
    already live) and SearchIndexError says so in its first line."""
    output = Path(output)
    staging = staging_bundle(output)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        index(output, staging)
        swap.swap_in(staging, output / BUNDLE, trash=output.parent)
    except (SearchIndexError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        reason = " ".join(line.strip() for line in reason.splitlines() if line.strip())  # Pagefind's words, on the line
        kept = "l'index précédent reste en place" if (output / BUNDLE).is_dir() else "pas encore d'index"
        raise SearchIndexError(f"{output / BUNDLE}: index de recherche non mis à jour, {kept} (pages publiées) : {reason}") from error


def bundle_problem(bundle: Path, articles: int) -> str | None:
    """What is wrong with the Pagefind bundle ``bundle`` of a site of ``articles`` articles, or None:
    every file is non-empty, the entry file parses and counts the articles, the compressed files
    (metadata, word index) decompress."""
    entry = bundle / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_bytes())["languages"]
        counted = sum(language["page_count"] for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return f"{entry}: illisible"
    if articles and counted != articles:
        return f"{entry}: {counted} page(s) indexée(s) pour {articles} dépêche(s)"
    for path in sorted(bundle.rglob("*")):
        if path.is_dir():
            continue
        if path.stat().st_size == 0:
            return f"{path}: fichier vide"
        if path.suffix in (".pf_meta", ".pf_index"):
            try:
                gzip.decompress(path.read_bytes())
            except (OSError, EOFError, zlib.error):
                return f"{path}: tronqué"
    for required in ("pagefind.js", "pagefind-worker.js"):
        if not (bundle / required).is_file():
            return f"{bundle / required}: absent"
    return None
