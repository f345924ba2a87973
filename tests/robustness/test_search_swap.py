"""Search does not hold back publishing: a new dispatch's pages and feeds are live (served by
nginx, as in production) while Pagefind still indexes; the index then follows in its own swap, and
a Pagefind that fails leaves the previous index working in the browser, with one line and a
failed exit."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from invoke.exceptions import Exit

import tasks
from digest import pipeline, search
from tests.conftest import nginx_serving
from tests.conftest import new_site
from tests.robustness.conftest import SEED

OTHER = " date 2025-08-23 Le Parlement a adopté le budget de la culture.\n".encode()


def real_pagefind() -> str:
    from pagefind.service import get_executable

    return str(get_executable())


def stub(folder: Path, body: str) -> Path:
    """A Pagefind binary of the test's own (PAGEFIND_BINARY_PATH, read by the pagefind package)."""
    path = folder / "pagefind-stub"
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


def get(server, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*server, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def indexed_count(server) -> int:
    status, body = get(server, "/pagefind/pagefind-entry.json")
    assert status == 200
    return sum(language["page_count"] for language in json.loads(body)["languages"].values())


def article_urls(output: Path) -> set[str]:
    return {"/" + str(page.parent.relative_to(output)) + "/" for page in output.glob(search.INDEXED_PAGES)}


def test_a_new_dispatch_is_served_while_the_search_index_is_still_the_old_one(tmp_path, fake_ner, monkeypatch):
    paths = new_site(tmp_path / "site", {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    first = article_urls(paths.output)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    started, go = tmp_path / "pagefind-started", tmp_path / "pagefind-go"
    # Pagefind that waits for the test's word before indexing: the build is held inside the index.
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(stub(tmp_path, f'touch "{started}"\nwhile [ ! -e "{go}" ]; do sleep 0.05; done\nexec "{real_pagefind()}" "$@"\n')))
    outcomes = []
    build = threading.Thread(target=lambda: outcomes.append(pipeline.build(paths)))
    (tmp_path / "nginx").mkdir()
    with nginx_serving(paths.output, tmp_path / "nginx") as server:
        assert indexed_count(server) == 1
        build.start()
        try:
            deadline = time.monotonic() + 300
            while not started.exists():
                assert build.is_alive(), "the build ended without indexing"
                assert time.monotonic() < deadline, "Pagefind never started"
                time.sleep(0.05)
            (new,) = article_urls(paths.output) - first
            status, page = get(server, new)
            assert status == 200 and "Parlement" in page.decode()
            status, feed = get(server, "/atom.xml")
            assert status == 200 and new.encode() in feed
            assert indexed_count(server) == 1  # the search still answers, from the previous index
        finally:
            go.touch()
            build.join(timeout=300)
        assert outcomes and outcomes[0].search_problem is None
        assert indexed_count(server) == 2  # the new index, swapped in after the pages


def test_a_failing_pagefind_keeps_the_previous_index_working_and_the_build_says_so(tmp_path, fake_ner, monkeypatch, page):
    paths = new_site(tmp_path / "site", {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    first = article_urls(paths.output)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(stub(tmp_path, 'echo "Error: the disk caught fire" >&2\nexit 3\n')))
    for name, value in {"ROOT": tmp_path / "site", "CONTENT": paths.content, "OUTPUT": paths.output, "CACHE": paths.cache}.items():
        monkeypatch.setattr(tasks, name, value)
    with pytest.raises(Exit) as failed:
        tasks.run_build(tasks.SETTINGS)
    assert failed.value.code == 1
    (new,) = article_urls(paths.output) - first  # the pages are published all the same
    assert search.bundle_problem(paths.output / search.BUNDLE, 1) is None  # the previous index, whole
    assert not search.staging_bundle(paths.output).exists()

    (tmp_path / "nginx").mkdir()
    with nginx_serving(paths.output, tmp_path / "nginx") as (host, port):
        assert get((host, port), new)[0] == 200
        page.goto(f"http://{host}:{port}/recherche/?q=Rutte")
        page.locator("#depeches-trouvees li a", has_text="Rutte").first.wait_for(timeout=10_000)
        assert page.locator("#depeches-trouvees li a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == sorted(first)

    # The next build is not "up to date": it indexes again, and the new article is found.
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    outcome = pipeline.build(paths)
    assert outcome.rebuilt and outcome.search_problem is None
    assert search.bundle_problem(paths.output / search.BUNDLE, 2) is None


def test_the_failed_index_is_one_line_naming_the_bundle_and_the_reason(tmp_path, fake_ner, monkeypatch):
    paths = new_site(tmp_path / "site", {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(stub(tmp_path, 'echo "Error: the disk caught fire" >&2\nexit 3\n')))
    problem = pipeline.build(paths).search_problem
    assert "\n" not in problem
    assert problem.startswith(f"{paths.output / search.BUNDLE}: index de recherche non mis à jour, l'index précédent reste en place")
    assert "the disk caught fire" in problem


# Holds the site's lock while a child it forked lives on (the child does not die with it).
FORKS_UNDER_THE_LOCK = """
import os, sys, time
from pathlib import Path
from digest.pipeline import Paths, one_at_a_time
site, child = map(Path, sys.argv[1:])
with one_at_a_time(Paths(content=site / "content", output=site / "output", cache=site / "cache", settings=site / "pelicanconf.py")):
    if os.fork() == 0:
        for fd in (1, 2):  # the test reads the parent's output to its end
            os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
        child.write_text(str(os.getpid()))
        time.sleep(600)
        os._exit(0)
print("forked", flush=True)
"""

TAKES_THE_LOCK = """
import sys
from pathlib import Path
from digest.pipeline import Paths, one_at_a_time
site = Path(sys.argv[1])
with one_at_a_time(Paths(content=site / "content", output=site / "output", cache=site / "cache", settings=site / "pelicanconf.py")):
    print("locked", flush=True)
"""


def test_a_child_forked_under_the_build_lock_does_not_hold_it(tmp_path):
    child = tmp_path / "child.pid"
    build = subprocess.run([sys.executable, "-c", FORKS_UNDER_THE_LOCK, str(tmp_path), str(child)], capture_output=True, text=True, timeout=60)
    assert build.stdout == "forked\n", build.stderr
    deadline = time.monotonic() + 30
    while not child.exists() or not child.read_text():
        assert time.monotonic() < deadline, "the forked child never started"
        time.sleep(0.05)
    try:
        # A lock held by the child would keep this waiting: a failure, not a hang.
        after = subprocess.run([sys.executable, "-c", TAKES_THE_LOCK, str(tmp_path)], capture_output=True, text=True, timeout=20)
        assert after.stdout == "locked\n" and "une autre construction" not in after.stderr, after.stderr
    finally:
        os.kill(int(child.read_text()), signal.SIGKILL)


def test_the_next_build_reuses_the_pages_after_the_search_bundle_swap(tmp_path, fake_ner):
    from incremental import reuse

    paths = new_site(tmp_path / "site", {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    (manifest,) = (paths.cache / "pelican").glob(f"*/{reuse.MANIFEST}")
    # The bundle swap renamed a folder inside output/ after the pages were swapped in: the manifest
    # must still name this output/, or the next dispatch renders every page again.
    assert reuse.load(manifest.parent, paths.output)


def test_the_previous_index_is_in_the_new_site_before_pelican_starts(tmp_path, fake_ner, monkeypatch):
    # Linking the 5 000 files of the bundle costs 0.15 s at 5 000 articles: before Pelican starts,
    # it is done while ingest writes a +1 dispatch beside Pelican's start, not after the render.
    from digest import site

    paths = new_site(tmp_path / "site", {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    render, found = site.render, []

    def render_seeing_the_bundle(settings, rejected):
        found.append(sorted(path.name for path in (Path(settings["OUTPUT_PATH"]) / search.BUNDLE).glob("*")))
        render(settings, rejected)

    monkeypatch.setattr(site, "render", render_seeing_the_bundle)
    pipeline.build(paths)
    assert found and "pagefind-entry.json" in found[0]  # the previous index, one article
    assert indexed_count_in(paths.output) == 2  # then the new one, swapped in after the pages


def indexed_count_in(output: Path) -> int:
    entry = json.loads((output / search.BUNDLE / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_the_replaced_site_is_deleted_once_the_new_index_is_in_place(tmp_path, fake_ner, monkeypatch):
    # Deleting the replaced site beside Pagefind slowed the index (docs/performance.md, 2026-12-08):
    # the deletion starts after the index's own swap.
    from digest import swap

    paths = new_site(tmp_path / "site", {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    events, index, remove_old_sites = [], search.index, swap.remove_old_sites
    monkeypatch.setattr(search, "index", lambda *args: (index(*args), events.append("index"))[0])
    monkeypatch.setattr(swap, "remove_old_sites", lambda output, *args, **kwargs: (
        events.append(f"delete {output.name}"), remove_old_sites(output, *args, **kwargs))[1])
    assert pipeline.build(paths).search_problem is None
    assert events.index("index") < events.index(f"delete {paths.output.name}")
    assert indexed_count_in(paths.output) == 2
