"""Fixtures of the site tests (theme, entity pages, sitemap), on top of tests/conftest.py."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

from tests.site.sitekit import ROOT


@pytest.fixture(scope="session")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"), )


@pytest.fixture(scope="session")
def html_pages(site) -> dict[str, str]:
    """Every HTML page of the site but Pagefind's own files and the former addresses of entities that
    only lead on (``http-equiv="refresh"``, tests/site/test_site_entity_addresses.py): {path relative
    to output: text}."""
    pages = {}
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith("pagefind/"):
            text = path.read_text(encoding="utf-8")
            if 'http-equiv="refresh"' not in text:
                pages[relative] = text
    return pages
