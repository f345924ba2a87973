"""Stable entity URLs on the corpus site: every address entity-slugs.toml records (every address
once published) still answers, with its entity's page or a page that leads on, and Chromium lands."""

from __future__ import annotations

import tomllib
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import ROOT


def recorded_addresses() -> list[str]:
    data = tomllib.loads((ROOT / "entity-slugs.toml").read_text(encoding="utf-8"))
    return [f"/{folder}/{slug}/" for folder, slugs in data.items() for slug in slugs]


def fetch(site_url: str, path: str) -> BeautifulSoup:
    with urllib.request.urlopen(site_url + path) as response:  # raises on 404
        assert response.status == 200
        return BeautifulSoup(response.read().decode("utf-8"), "html.parser")


def refresh_target(soup: BeautifulSoup) -> str | None:
    meta = soup.find("meta", attrs={"http-equiv": "refresh"})
    return meta["content"].split("url=", 1)[1] if meta else None


def leads(site_url: str) -> dict[str, str]:
    """{recorded address: where it leads} for the recorded addresses that are redirects."""
    out = {}
    for path in recorded_addresses():
        target = refresh_target(fetch(site_url, path))
        if target is not None:
            out[path] = target
    return out


def test_every_recorded_address_answers_with_its_page_or_a_redirect_to_a_page_that_exists(site_url):
    addresses = recorded_addresses()
    assert len(addresses) > 800  # the repository's file, not an empty one
    targets = leads(site_url)
    for path in addresses:
        if path not in targets:
            assert fetch(site_url, path).h1, path  # the entity's own page
    for path, target in targets.items():
        soup = fetch(site_url, target)  # where it leads answers, and leads nowhere further
        assert soup.h1 and refresh_target(soup) is None, (path, target)
    # some lead to the entity that took their mentions, others (no page took them) to their kind's index
    assert any(target.startswith("/entites/") for target in targets.values())
    assert any(not target.startswith("/entites/") for target in targets.values())


def test_chromium_follows_a_former_address_to_where_it_leads(site_url, page):
    targets = leads(site_url)
    to_index = next(path for path, target in targets.items() if target.startswith("/entites/"))
    to_entity = next(path for path, target in targets.items() if not target.startswith("/entites/"))
    for path in (to_index, to_entity):
        page.goto(site_url + path)
        page.wait_for_url(site_url + targets[path])
        heading = page.locator("h1").inner_text()
        assert heading and heading == fetch(site_url, targets[path]).h1.get_text(), (path, heading)
