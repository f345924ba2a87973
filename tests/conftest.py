"""Shared fixtures: the real site built once from the repository's content, served on 127.0.0.1,
and a headless Chromium to read it the way readers do."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

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


def build_copy(content: Path, workdir: Path):
    """Build a copy of ``content`` with the real pipeline into ``workdir/output``."""
    from digest.pipeline import Paths, build

    paths = Paths(
        content=workdir / "content",
        output=workdir / "output",
        cache=workdir / "cache",
        settings=ROOT / "pelicanconf.py",
    )
    if not paths.content.exists():
        shutil.copytree(content, paths.content)
    return paths, build(paths).report


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The repository's own content, built as ``make build`` builds it: (paths, ingest report)."""
    return build_copy(ROOT / "content", tmp_path_factory.mktemp("site"))


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
