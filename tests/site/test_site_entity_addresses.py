"""Stable entity URLs on the corpus site: every address entity-slugs.toml records (every address
once published) still answers, with its entity's page or a page that leads on, and Chromium lands;
its feed, which subscribers' readers poll, stays a valid feed."""

from __future__ import annotations

import re
import tomllib
import urllib.request
from datetime import date
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup
from lxml import etree

from tests.conftest import ROOT
from tests.feeds.test_feeds_site import ORIGIN, check_rss_rules


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


def read_feed(site: Path, address: str) -> tuple[bytes, feedparser.FeedParserDict]:
    data = (site / address.strip("/") / "rss.xml").read_bytes()  # raises when the feed is gone
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0 and parsed.version == "rss20", (address, parsed.get("bozo_exception"))
    check_rss_rules(data)
    return data, parsed


def self_link(data: bytes) -> str:
    return etree.fromstring(data).find("channel/{http://www.w3.org/2005/Atom}link[@rel='self']").get("href")


def cited_by(name: str) -> list[date]:
    """The dates of the dispatches whose front matter names ``name`` (as an entity or one of its forms)."""
    dates = []
    for path in (ROOT / "content" / "articles").rglob("*.md"):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        said = re.findall(r"^(?:Personnes|Organisations|Lieux): (.*)$", head, re.M)
        if any(name in re.split(r"\s*[;|]\s*", line) for line in said):
            dates.append(date.fromisoformat(re.search(r"^Date: (\d{4}-\d{2}-\d{2})", head, re.M)[1]))
    return dates


def test_the_feed_of_every_recorded_address_stays_a_valid_feed(site, site_url):
    targets = leads(site_url)
    to_entity = {path: target for path, target in targets.items() if not target.startswith("/entites/")}
    assert to_entity and len(to_entity) < len(targets)
    for path in recorded_addresses():
        data, parsed = read_feed(site, path)
        if path not in targets:  # the entity's own feed
            assert self_link(data) == f"{ORIGIN}{path}rss.xml"
        elif path in to_entity:
            # the feed of the entity that took its dispatches: same items, same GUIDs, read nothing twice
            assert data == read_feed(site, to_entity[path])[0], path
            assert self_link(data) == f"{ORIGIN}{to_entity[path]}rss.xml"
            assert parsed.entries and all(entry.id.startswith("tag:lefil.example,2025:") for entry in parsed.entries)
        else:
            assert self_link(data) == f"{ORIGIN}{path}rss.xml"
            [notice] = parsed.entries
            assert notice.link == ORIGIN + targets[path]  # the kind's index
            assert notice.id == f"tag:lefil.example,2025:feed{path}plus-suivi"
            assert notice.title.startswith("Fin du suivi\u00a0: ")
            summary = BeautifulSoup(notice.summary, "html.parser")
            assert "ne suit plus" in summary.get_text() and "ce flux ne recevra plus de dépêche" in summary.get_text()
            assert summary.a["href"] == ORIGIN + targets[path]


def test_a_retired_feed_is_dated_by_the_newest_dispatch_naming_its_entity(site, site_url):
    targets = leads(site_url)
    assert targets["/personnes/james-bond/"] == "/entites/personnes/"  # a character now: named, no page
    [notice] = read_feed(site, "/personnes/james-bond/")[1].entries
    assert date(*notice.published_parsed[:3]) == max(cited_by("James Bond"))
    assert cited_by("James Bond") and min(cited_by("James Bond")) < max(cited_by("James Bond"))


def test_a_retired_institution_leads_to_the_one_that_took_its_dispatches(site, site_url):
    # the country attribution gave "Assemblée nationale (Belgique)"'s dispatches to France's: its page
    # and its feed follow them there, not to the index of organisations
    assert not cited_by("Assemblée nationale (Belgique)") and cited_by("Assemblée nationale (France)")
    targets = leads(site_url)
    assert targets["/organisations/assemblee-nationale-belgique/"] == "/organisations/assemblee-nationale-france/"
    said = " ".join(fetch(site_url, "/organisations/assemblee-nationale-belgique/").body.get_text().split())
    assert said.startswith("Les dépêches qui citaient Assemblée nationale (Belgique) sont sur la page Assemblée nationale (France)")
    data, _ = read_feed(site, "/organisations/assemblee-nationale-belgique/")
    assert self_link(data) == f"{ORIGIN}/organisations/assemblee-nationale-france/rss.xml"
    # the same generic institution without a country, whose dispatches went to several countries, still
    # leads to the index
    assert targets["/organisations/assemblee-nationale/"] == "/entites/organisations/"
