"""Index the built site for search with Pagefind (its binary ships in the pagefind-bin wheel).

Pagefind is given only the pages that carry ``data-pagefind-body``: the articles and the first
page of each entity (its header). Until it has read every file its glob matches, Pagefind keeps the
whole text of a page without ``data-pagefind-body`` as if it were to be indexed: the other pages
(days, months, archives, the home's and the entities' further pages: a quarter of the files at
20 000 articles) cost 45 % of its CPU time and a third of its peak memory (3.2 GB -> 2.2 GB). The
bundle is the same, byte for byte, as when Pagefind read the whole site. What remains is the
articles' words: Pagefind 1.5 holds about 100 KB per article at its peak.

Pagefind writes its bundle (two small files per indexed page) from some 250 threads at once; on a
disk they queue on the bundle folder's lock: at 5 000 articles its writing takes 5.5 s on ext4 and
3.3 s in RAM. So the bundle is written into a folder in RAM (``/dev/shm``) when there is one with
room for it, then copied into the site by one thread (0.2 s).

The patterns follow ``ARTICLE_SAVE_AS`` (pelicanconf.py) and ``ENTITY_SAVE_AS`` (plugins/entities);
tests/site/test_site_pages.py checks that they match exactly the pages with ``data-pagefind-body``.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

INDEXED_PAGES = (
    "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html",  # articles: YYYY/MM/DD/slug/
    "personnes/*/index.html",  # entities: first page only (further pages are …/page/N/)
    "organisations/*/index.html",
    "lieux/*/index.html",
)
GLOB = "{" + ",".join(INDEXED_PAGES) + "}"  # Pagefind's glob syntax (wax): {a,b} is either
BUNDLE = "pagefind"

RAM_FOLDER = Path("/dev/shm")
SCRATCH_PREFIX = "lefil-pagefind-"
# Pagefind's own files (scripts, styles, the French stemmer in WebAssembly) come on top of the pages'.
BUNDLE_FILES_ROOM = 16 * 2**20


class SearchIndexError(RuntimeError):
    pass


def indexed_pages_size(site: Path) -> tuple[int, int]:
    """How many pages Pagefind is given, and their size in bytes."""
    count = size = 0
    for pattern in INDEXED_PAGES:
        for page in glob.glob(pattern, root_dir=site):
            count += 1
            size += os.stat(os.path.join(site, page)).st_size
    return count, size


def _remove_abandoned_scratch(ram: Path) -> None:
    # A build killed while Pagefind ran leaves its scratch folder in RAM until the next reboot.
    for folder in ram.glob(f"{SCRATCH_PREFIX}*"):
        try:
            os.kill(int(folder.name.removeprefix(SCRATCH_PREFIX).split("-")[0]), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (ValueError, PermissionError):  # not ours, or another user's live process
            pass


def scratch_folder(ram: Path, room: int) -> Path | None:
    """A new folder in ``ram`` when it is a folder this process can write with ``room`` bytes free;
    None otherwise (the bundle is then written into the site directly)."""
    try:
        _remove_abandoned_scratch(ram)
        if shutil.disk_usage(ram).free < room:
            return None
        return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=ram))
    except OSError:
        return None


def index(site: Path, ram: Path = RAM_FOLDER) -> None:
    """Write the search bundle into ``site/pagefind/``; raises SearchIndexError if Pagefind fails.
    A site with no article yet gets a bundle too (from its other pages): the search page works."""
    count, size = indexed_pages_size(site)
    only = ["--glob", GLOB] if count else []
    # The bundle holds the indexed pages' text, compressed: never more than their HTML.
    scratch = scratch_folder(ram, size + BUNDLE_FILES_ROOM)
    written = scratch / BUNDLE if scratch else Path(site) / BUNDLE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site), *only, "--output-path", str(written), "--force-language", "fr", "--quiet"],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise SearchIndexError(
                f"Pagefind a échoué sur {site} (il n'y lit que les dépêches et les pages d'entités, {GLOB}) :\n"
                f"{result.stdout}{result.stderr}"
            )
        if scratch:
            shutil.copytree(written, Path(site) / BUNDLE, copy_function=shutil.copyfile)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
