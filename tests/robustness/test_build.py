"""The build as a newsroom meets it: bad dispatches reported, exit status truthful, deterministic
output, and a crashed build that never leaves a half-written site."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.robustness.conftest import share_model_caches

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"
CORPUS = ROOT / "content" / "dispatches"
PROJECT_FILES = ("digest", "models", "plugins", "theme", "pelicanconf.py", "publishconf.py", "tasks.py")


def make_project(where: Path, dispatches: dict[str, bytes], caches: Path | None = None) -> Path:
    """A copy of the project with its own small content, to run the real commands on; with
    ``caches`` (``model_caches``), its spaCy results are those of the run's other projects."""
    for name in PROJECT_FILES:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, where / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    (where / "content" / "dispatches").mkdir(parents=True)
    (where / "content" / "articles").mkdir()
    shutil.copytree(ROOT / "content" / "pages", where / "content" / "pages")
    if (ROOT / "content" / "entities.toml").exists():
        shutil.copy(ROOT / "content" / "entities.toml", where / "content" / "entities.toml")
    for name, data in dispatches.items():
        (where / "content" / "dispatches" / name).write_bytes(data)
    if caches is not None:
        share_model_caches(where, caches)
    return where


def own_code(project: Path) -> dict[str, str]:
    """The environment of a command run in a copy of the project: its own code is imported first,
    before the installed project's (which is the repository's)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(project), str(project / "plugins")])}


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).with_name("invoke")), *args], cwd=project, env=own_code(project), capture_output=True, text=True, timeout=600
    )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def project_with_bad_dispatches(tmp_path_factory, model_caches):
    project = make_project(
        tmp_path_factory.mktemp("project"),
        {
            "000-seed.txt": SEED.read_bytes(),
            "vide.txt": b"",
            "sans-date.txt": " Le Premier ministre a parlé.\n".encode(),
            "binaire.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        },
        model_caches,
    )
    return project, invoke(project, "build")


def test_rejected_dispatches_are_named_and_the_exit_status_says_so(project_with_bad_dispatches):
    project, result = project_with_bad_dispatches
    assert result.returncode != 0
    for name in ("vide.txt", "sans-date.txt", "binaire.txt"):
        assert name in result.stderr
    assert "3 dépêche(s) rejetée(s)" in result.stderr


def test_the_good_articles_are_still_built(project_with_bad_dispatches):
    project, _ = project_with_bad_dispatches
    pages = list((project / "output" / "2025" / "08" / "22").glob("*/index.html"))
    assert len(pages) == 1
    assert "Mark Rutte" in pages[0].read_text(encoding="utf-8")
    # Rejected files stay where they were, untouched.
    assert (project / "content" / "dispatches" / "vide.txt").read_bytes() == b""


def test_publish_refuses_unless_forced(project_with_bad_dispatches):
    project, _ = project_with_bad_dispatches
    refused = invoke(project, "publish")
    assert refused.returncode != 0 and "publication refusée" in refused.stderr
    # Rendered aside only: output/ is still the site `invoke build` made (it was replaced first).
    assert "https://lefil.example" not in (project / "output" / "index.html").read_text(encoding="utf-8")
    forced = invoke(project, "publish", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "https://lefil.example" in (project / "output" / "index.html").read_text(encoding="utf-8")


def test_two_builds_give_byte_identical_output(tmp_path):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:40]}
    first = make_project(tmp_path / "a", dispatches)
    second = make_project(tmp_path / "b", dispatches)
    assert invoke(first, "build").returncode == 0
    assert invoke(second, "build").returncode == 0
    assert tree_digest(first / "output") == tree_digest(second / "output")
    # The entity pages and feeds written by child processes (digest/aside.py) are those written in place.
    from digest.pipeline import Paths, build

    in_place = Paths(content=second / "content", output=tmp_path / "in-place", cache=second / ".cache", settings=second / "pelicanconf.py")
    build(in_place, overrides={"WRITE_ASIDE": False})
    assert tree_digest(in_place.output) == tree_digest(first / "output")
    # And a rebuild of the same project changes nothing either.
    before = tree_digest(first / "output")
    assert invoke(first, "build").returncode == 0
    assert tree_digest(first / "output") == before


def test_a_killed_build_leaves_the_previous_site_intact(tmp_path, model_caches):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:300]}
    project = make_project(tmp_path, dispatches, model_caches)
    assert invoke(project, "build").returncode == 0
    good = tree_digest(project / "output")
    # A new dispatch, then a build killed while Pelican writes the new site aside.
    (project / "content" / "dispatches" / "zzz-nouvelle.txt").write_bytes(SEED.read_bytes().replace(b"2025-08-22", b"2025-08-23"))
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("invoke")), "build"], cwd=project, env=own_code(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    staging = project / ".output.staging"
    deadline = time.monotonic() + 120
    while not (staging.exists() and any(staging.rglob("index.html"))) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert staging.exists(), "the build was killed while writing aside"
    assert tree_digest(project / "output") == good
    # The next build completes and publishes the new article.
    assert invoke(project, "build").returncode == 0
    assert (project / "output" / "2025" / "08" / "23").is_dir()
    assert not staging.exists()


def test_two_builds_started_together_take_turns_and_publish_the_site_one_build_gives(tmp_path, model_caches):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:60]}
    alone = make_project(tmp_path / "alone", dispatches, model_caches)
    assert invoke(alone, "build").returncode == 0
    together = make_project(tmp_path / "together", dispatches, model_caches)
    builds = [
        subprocess.Popen([str(Path(sys.executable).with_name("invoke")), "build"], cwd=together, env=own_code(together), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [build.communicate(timeout=600) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert sum("une autre construction de ce site est en cours" in err for _, err in outputs) == 1
    assert tree_digest(together / "output") == tree_digest(alone / "output")
    assert tree_digest(together / "content" / "articles") == tree_digest(alone / "content" / "articles")


HOLDS_THE_LOCK_WHILE_WORKERS_RUN = """
import multiprocessing, sys, time
from pathlib import Path
root, site = map(Path, sys.argv[1:])
from digest import aside
from digest.pipeline import Paths, one_at_a_time
with one_at_a_time(Paths(content=site / "content", output=site / "output", cache=site / ".cache", settings=root / "pelicanconf.py")):
    with aside.watched_children("essai"):  # as a cold ingest runs spaCy's NER workers
        workers = [multiprocessing.Process(target=time.sleep, args=(600,)) for _ in range(2)]
        for worker in workers:
            worker.start()
        print(*(worker.pid for worker in workers), flush=True)
        time.sleep(600)
"""


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"  # dead, not yet reaped


def test_a_build_killed_while_its_workers_run_leaves_the_site_unlocked_and_no_worker_behind(tmp_path):
    import fcntl

    from digest.pipeline import Paths

    # What a cold ingest does: hold the site's lock while one worker process per core runs NER.
    build = subprocess.Popen([sys.executable, "-c", HOLDS_THE_LOCK_WHILE_WORKERS_RUN, str(ROOT), str(tmp_path)], stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in build.stdout.readline().split()]  # the workers run, the lock is held
    assert len(workers) == 2
    build.send_signal(signal.SIGKILL)
    build.wait()
    lock = Paths(content=tmp_path / "content", output=tmp_path / "output", cache=tmp_path / ".cache", settings=ROOT / "pelicanconf.py").lock
    deadline = time.monotonic() + 20
    with open(lock, "a") as handle:
        while True:
            try:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:  # EAGAIN or EACCES: held
                assert time.monotonic() < deadline, "the killed build's workers still hold the lock"
                time.sleep(0.1)
    while not all(gone(pid) for pid in workers):
        assert time.monotonic() < deadline, "the killed build's workers still run"
        time.sleep(0.1)


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:  # ended meanwhile
        return []


def ner_workers(build: int) -> list[int]:
    """spaCy's NER worker processes: children of the build's ingest child (digest.pipeline.ingest_beside),
    or of the build itself when it ingests in place."""
    for parent in [*children(build), build]:
        if len(found := children(parent)) >= 2:
            return found
    return []


def test_a_ner_worker_killed_during_a_cold_build_fails_it_with_one_line(tmp_path, model_caches):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:70]}
    project = make_project(tmp_path, dispatches, model_caches)
    ner = project / ".cache" / "ner"
    ner.unlink()  # a cold NER cache (the headline parses still shared): 70 texts for the workers
    build = subprocess.Popen([str(Path(sys.executable).with_name("invoke")), "build"], cwd=project, env=own_code(project),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while len(workers := ner_workers(build.pid)) < 2:  # spaCy's workers, one per core
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        time.sleep(0.01)
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    _, err = build.communicate(timeout=300)
    assert build.returncode == 1
    assert "Traceback" not in err and "W127" not in err
    assert err.splitlines()[-1] == (f"échec, output/ inchangé : détection des entités : le processus {workers[0]} a été tué par "
                                    "le signal SIGKILL (mémoire insuffisante ?), relancez la construction")
    assert not (project / "output").exists()


def inodes(folder: Path) -> dict[str, int]:
    return {str(path.relative_to(folder)): path.stat().st_ino for path in folder.rglob("*") if path.is_file()}


def test_a_rebuild_with_nothing_changed_does_nothing(tmp_path, model_caches):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:40]}
    project = make_project(tmp_path, dispatches, model_caches)
    assert invoke(project, "build").returncode == 0
    before = inodes(project / "output")
    again = invoke(project, "build")
    assert again.returncode == 0, again.stderr
    assert "site à jour" in again.stderr and "entités :" not in again.stderr
    assert inodes(project / "output") == before  # not one file written again
    # The theme is an input too: an edited stylesheet is built and published.
    stylesheet = project / "theme" / "static" / "css" / "site.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.essai { color: inherit; }\n", encoding="utf-8")
    edited = invoke(project, "build")
    assert edited.returncode == 0, edited.stderr
    assert "site construit" in edited.stderr
    assert (project / "output" / "theme" / "css" / "site.css").read_text(encoding="utf-8").endswith(".essai { color: inherit; }\n")


def test_a_new_dispatch_rewrites_only_the_files_it_changes(tmp_path, model_caches):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:40]}
    project = make_project(tmp_path, dispatches, model_caches)
    assert invoke(project, "build").returncode == 0
    before = inodes(project / "output")
    (project / "content" / "dispatches" / SEED.name).write_bytes(SEED.read_bytes())  # the newest dispatch
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    after = inodes(project / "output")
    rewritten = {path for path in before.keys() & after.keys() if before[path] != after[path]}
    assert "index.html" in rewritten and "rss.xml" in rewritten  # the home and the feed show it
    assert {path for path in after.keys() - before.keys() if path.startswith("2025/08/22/")}  # its page
    assert "organisations/otan/index.html" in after.keys() - before.keys()
    articles = {path for path in before if path.startswith("20") and path.count("/") == 4}
    assert len(articles & rewritten) <= len(articles) // 4, sorted(articles & rewritten)
    assert "a-propos/index.html" not in rewritten and "theme/css/site.css" not in rewritten


def _add_dispatches_dated_among_the_others(project: Path) -> None:
    for path in sorted(CORPUS.glob("winer-*.txt"))[21:27:2]:
        (project / "content" / "dispatches" / path.name).write_bytes(path.read_bytes())


def _retitle_an_article(project: Path) -> None:
    edited = sorted((project / "content" / "articles").rglob("*.md"))[10]
    text = edited.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("Title:"))
    edited.write_text(text.replace(title, "Title: Un titre « choisi » par la rédaction"), encoding="utf-8")


def _describe_an_entity_anew(project: Path) -> None:
    editorial = project / "content" / "entities.toml"
    editorial.write_text(editorial.read_text(encoding="utf-8").replace("alliance militaire occidentale.", "alliance (description revue)."), encoding="utf-8")


def _stop_a_published_person(project: Path) -> None:
    # its address, recorded by the first build, is retired: a page and a feed that lead on
    name = sorted(tomllib.loads((project / "entity-slugs.toml").read_text(encoding="utf-8"))["personnes"].values())[0]
    editorial = project / "content" / "entities.toml"
    editorial.write_text(editorial.read_text(encoding="utf-8").replace("stop = [", f"stop = [\n  {json.dumps(name)},", 1), encoding="utf-8")


@pytest.mark.parametrize("change", [_add_dispatches_dated_among_the_others, _retitle_an_article, _describe_an_entity_anew,
                                    _stop_a_published_person])
def test_a_rebuild_that_reuses_files_gives_the_site_a_full_build_gives(tmp_path, model_caches, change):
    # plugins/incremental links a file from the previous build when what it shows is unchanged:
    # after the change, the site must be byte for byte the one a build from nothing gives.
    winer = sorted(CORPUS.glob("winer-*.txt"))
    project = make_project(tmp_path / "a", {path.name: path.read_bytes() for path in [SEED, *winer[:60:2]]}, model_caches)
    assert invoke(project, "build").returncode == 0
    before = inodes(project / "output")
    change(project)
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    after = inodes(project / "output")
    articles = {path for path in before if path.startswith("20") and path.count("/") == 4}
    assert len({path for path in articles if before[path] == after.get(path)}) >= len(articles) // 2  # most were kept
    scratch = tmp_path / "b"
    # the replaced sites (".output.old-*", ".pagefind.old-*") are still being deleted in the background
    shutil.copytree(project, scratch, ignore=shutil.ignore_patterns("output", ".output*", ".pagefind*", ".cache"))
    share_model_caches(scratch, model_caches)  # a build from nothing but spaCy's results
    assert invoke(scratch, "build").returncode == 0
    assert tree_digest(project / "output") == tree_digest(scratch / "output")
    recorded = tomllib.loads((project / "entity-slugs.toml").read_text(encoding="utf-8"))
    for folder, slugs in recorded.items():  # every address once published: its page and its feed
        for slug in slugs:
            assert (project / "output" / folder / slug / "rss.xml").is_file(), (folder, slug)


def test_a_failed_build_does_not_break_the_next_one_in_the_same_process(tmp_path, model_caches):
    # `invoke serve` builds again and again in one process: a build that fails while the entity
    # pages are being written by a child process (digest/aside.py) must leave nothing behind.
    from digest import aside
    from digest.pipeline import Paths, build

    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()}, model_caches)
    paths = Paths(content=project / "content", output=project / "output", cache=project / ".cache", settings=project / "pelicanconf.py")
    template = project / "theme" / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    template.write_text("{% set zero = article.date.year * 0 %}{{ 1 / zero }}", encoding="utf-8")  # fails while writing
    with pytest.raises(ZeroDivisionError):
        build(paths)
    assert not aside._running and not (project / "output").exists()
    template.write_text(good, encoding="utf-8")
    assert build(paths).rebuilt
    assert (project / "output" / "organisations" / "otan" / "index.html").is_file()


def test_a_large_dispatch_builds_in_seconds(tmp_path, model_caches):
    paragraph = ("Le Conseil a examiné le texte, article par article, et l'a adopté à l'unanimité. " * 12).strip()
    body = "\n\n".join([paragraph] * 200).encode()
    assert len(body) > 200_000
    project = make_project(tmp_path, {"long.txt": b" date 2025-08-22 " + body + b"\n"}, model_caches)
    started = time.monotonic()
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 120  # generous: a safety net against pathological slowness, not a benchmark


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a TCP socket listening on ``port``, read from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.add(address)
    return found


def start_serve(project: Path) -> tuple[subprocess.Popen, int]:
    """``invoke serve`` on a free port of 127.0.0.1, in its own process group."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("invoke")), "serve", "--port", str(port)],
        cwd=project, env=own_code(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    return server, port


def test_serve_listens_on_loopback_only(project_with_bad_dispatches):
    import urllib.request

    project, _ = project_with_bad_dispatches
    server, port = start_serve(project)
    try:
        deadline = time.monotonic() + 120
        while not listening_addresses(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing else
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            assert "Le Fil" in response.read().decode()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_serve_runs_the_code_a_developer_just_changed(tmp_path, model_caches):
    """Python keeps the modules it imported: a change to a plugin's code restarts the server, so the
    rebuilt site (and the content cache named after the code on disk) come from the new code."""
    project = make_project(tmp_path, {"000-seed.txt": SEED.read_bytes()}, model_caches)
    server, port = start_serve(project)
    marker = "<!-- typographie v2 -->"
    try:
        deadline = time.monotonic() + 120
        while not listening_addresses(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        [page] = (project / "output" / "2025" / "08" / "22").glob("*/index.html")
        assert marker not in page.read_text(encoding="utf-8")
        code = project / "plugins" / "french_typography" / "typeset.py"
        code.write_text(code.read_text(encoding="utf-8") + f"\n\n_first = typeset\n\n\ndef typeset(html):\n    return _first(html) + {marker!r}\n", encoding="utf-8")
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            pages = list((project / "output" / "2025" / "08" / "22").glob("*/index.html"))
            if pages and marker in pages[0].read_text(encoding="utf-8"):
                break
            time.sleep(0.5)
        assert pages and marker in pages[0].read_text(encoding="utf-8")
        while not listening_addresses(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert listening_addresses(port) == {"0100007F"}  # the restarted server is back, on loopback
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
