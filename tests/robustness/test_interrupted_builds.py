"""Builds killed at random points, and builds on a full disk: output/ is always the previous or the
new complete site, and the next build is right."""

from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

from digest import pipeline, search, site
from digest.dispatch import parse
from digest.headline import HeadlineDeriver
from tests.conftest import ROOT, new_site
from tests.robustness.conftest import site_files

CORPUS = sorted((ROOT / "content" / "dispatches").glob("winer-*.txt"))

BUILD = """
import sys
from pathlib import Path
where = Path(sys.argv[1])
from digest.entities.finder import EntityFinder
from tests.conftest import FakeNLP, site_paths
EntityFinder._load_model = lambda self: FakeNLP()
from digest.pipeline import build
print("ready", flush=True)
build(site_paths(where))
"""


# Each kill is followed by a whole build: twenty take about a minute on two idle cores (twelve
# took 34 s at load 4; twenty 83 s at load 8).
KILLS = 20


def build_in_a_child(where: Path) -> subprocess.Popen:
    """A build in a child process, returned once its imports are done and it starts ingesting."""
    child = subprocess.Popen([sys.executable, "-c", BUILD, str(where)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout.readline().strip() == "ready"
    return child


def assert_complete(paths, articles: int) -> None:
    assert len(list(paths.output.glob(search.INDEXED_PAGES))) == articles
    assert search.bundle_problem(paths.output / "pagefind", articles) is None
    assert (paths.output / "index.html").is_file() and (paths.output / "sitemap.xml").is_file()


def pages_and_bundle(files: dict[str, bytes]) -> tuple[dict, dict]:
    """A site's pages and feeds, and its search bundle: each is swapped in on its own."""
    bundle = {name: data for name, data in files.items() if name.startswith(f"{search.BUNDLE}/")}
    return {name: data for name, data in files.items() if name not in bundle}, bundle


def test_builds_killed_at_random_points_leave_the_previous_or_the_new_site(tmp_path, fake_ner):
    paths = new_site(tmp_path, {path.name: path.read_bytes() for path in CORPUS[:3]})
    # The headlines of every dispatch to come, parsed by this worker's model: a child would spend
    # its first seconds loading spaCy for them, and a kill there tests nothing.
    HeadlineDeriver(paths.cache / "headlines")([parse(path.read_bytes()).lede for path in CORPUS[: 3 + KILLS]])
    child = build_in_a_child(tmp_path)
    started = time.monotonic()
    assert child.wait(timeout=300) == 0
    duration = time.monotonic() - started  # ingest, Pelican, Pagefind, swap
    previous = site_files(paths.output)
    chance = random.Random(24)
    phases_hit = set()
    for number, dispatch in enumerate(CORPUS[3 : 3 + KILLS], start=4):
        (paths.dispatches / dispatch.name).write_bytes(dispatch.read_bytes())
        child = build_in_a_child(tmp_path)
        time.sleep(chance.uniform(0, duration * 1.1))
        child.kill()
        child.wait()
        phases_hit.add("aside" if site.staging_path(paths.output).exists() else "after the swap" if site_files(paths.output) != previous else "before rendering")
        interrupted = site_files(paths.output)
        pipeline.build(paths)  # the next build: right whatever the killed one left
        assert_complete(paths, number)
        new = site_files(paths.output)
        # The pages, then the search bundle, each the previous or the new one, whole (a build killed
        # between the two swaps leaves the new pages with the previous bundle).
        pages, bundle = pages_and_bundle(interrupted)
        assert pages in (pages_and_bundle(previous)[0], pages_and_bundle(new)[0]), f"kill {number - 3}: the pages were neither the previous nor the new site's"
        assert bundle in (pages_and_bundle(previous)[1], pages_and_bundle(new)[1]), f"kill {number - 3}: the search bundle was neither the previous nor the new one"
        previous = new
    assert len(phases_hit) >= 2, phases_hit
    # And the site is the one a build from nothing gives.
    scratch = tmp_path / "scratch"
    shutil.copytree(paths.content, scratch / "content", ignore=shutil.ignore_patterns("articles"))
    (scratch / "content" / "articles").mkdir()
    fresh = type(paths)(content=scratch / "content", output=scratch / "output", cache=scratch / "cache", settings=paths.settings)
    pipeline.build(fresh)
    assert site_files(fresh.output) == previous


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB tmpfs (as root), unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True, text=True)
    if mounted.returncode != 0:  # not root, or a container without the right to mount: not a failure of the build
        pytest.skip(f"cannot mount a tmpfs to fill (mount -t tmpfs needs root and CAP_SYS_ADMIN): {mounted.stderr.strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int, replaced: str = ".*.old-*") -> Path:
    """A file taking all the free space of ``disk`` but ``leave`` bytes, once the sites and search
    bundles replaced by the last build (``replaced``) are deleted (in the background: space they free
    later would give the build room the test did not mean to leave)."""
    deadline = time.monotonic() + 60
    while any(disk.rglob(replaced)):
        assert time.monotonic() < deadline, "the replaced sites were never deleted"
        time.sleep(0.05)
    filler = disk / "filler"
    status = os.statvfs(disk)
    free = status.f_bavail * status.f_frsize
    with open(filler, "wb") as handle:
        handle.truncate(0)
        chunk = b"\0" * (1 << 20)
        remaining = max(free - leave, 0)
        while remaining:
            try:
                remaining -= handle.write(chunk[: min(remaining, len(chunk))])
                handle.flush()
            except OSError as error:
                assert error.errno == errno.ENOSPC
                break
    return filler


# Free space left for the build, from none (ingest cannot write) through a little (Pelican, then
# Pagefind run out) to just under what the swap wants kept free.
LEFT_FREE = [0, 8 * 1024, 32 * 1024, 64 * 1024, 400 * 1024, 900 * 1024, site.MIN_FREE_BYTES - 64 * 1024, site.MIN_FREE_BYTES + 1200 * 1024]


def phase_of(error: BaseException | str) -> str:
    if isinstance(error, str):  # pipeline.build's search_problem
        return "search index"
    if isinstance(error, site.BuildError):
        return "swap" if "disque presque plein" in str(error) else "Pelican"
    files = {frame.filename for frame in traceback.extract_tb(error.__traceback__)}
    return "Pelican" if any("pelican" in name.split("site-packages")[-1] for name in files if "site-packages" in name) else "ingest"


def test_a_full_disk_at_any_phase_leaves_the_previous_site_and_the_next_build_completes(small_disk, fake_ner, monkeypatch):
    paths = new_site(small_disk, {path.name: path.read_bytes() for path in CORPUS[:3]})
    pipeline.build(paths)
    articles = 3
    phases = set()
    index = search.index
    for number, left in enumerate([*LEFT_FREE, "after the swap"]):
        before = site_files(paths.output)
        (paths.dispatches / CORPUS[3 + number].name).write_bytes(CORPUS[3 + number].read_bytes())
        if left == "after the swap":  # the disk fills up once the pages are live, as Pagefind starts
            def index_on_a_full_disk(*args, **kwargs):
                # the site this build replaced is deleted once the index is done: only the bundles are waited for
                fill(small_disk, 8 * 1024, replaced=".pagefind.old-*")
                return index(*args, **kwargs)

            monkeypatch.setattr(search, "index", index_on_a_full_disk)
            filler = small_disk / "filler"
        else:
            filler = fill(small_disk, left)
        try:
            failed = pipeline.build(paths).search_problem  # the index alone failed: the pages are live
        except site.BuildError as error:
            failed = error
        except OSError as error:
            assert error.errno == errno.ENOSPC, error  # one line at the command: "<file>: No space left on device"
            failed = error
        finally:
            filler.unlink()
            monkeypatch.setattr(search, "index", index)
        if failed is None:  # enough room after all: the new site, whole
            articles += 1
            assert_complete(paths, articles)
            continue
        phases.add(phase_of(failed))
        pages, bundle = pages_and_bundle(site_files(paths.output))
        assert bundle == pages_and_bundle(before)[1], f"{left} bytes free: the search bundle changed by a failed build"
        if isinstance(failed, str):
            assert len(list(paths.output.glob(search.INDEXED_PAGES))) == articles + 1  # the new pages
        else:
            assert pages == pages_and_bundle(before)[0], f"{left} bytes free: output/ changed by a failed build"
        assert pipeline.build(paths).rebuilt  # space freed: not "site à jour" with a stale search
        articles += 1
        assert_complete(paths, articles)
    assert phases == {"ingest", "Pelican", "search index", "swap"}
