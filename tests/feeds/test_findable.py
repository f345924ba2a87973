"""Feeds you can find: the JSON Feed beside RSS and Atom, /flux.opml listing every entity feed by
kind, the /flux/ page, and an entity page's own feed as its first alternate link."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from tests.feeds.feeds_support import ATOM, is_former_address

JSON_FEED_TOP_TYPES = {"title": str, "home_page_url": str, "feed_url": str, "description": str, "language": str, "authors": list}
JSON_FEED_ITEM_TYPES = {"id": str, "url": str, "title": str, "content_html": str, "content_text": str, "summary": str,
                        "date_published": str, "date_modified": str, "authors": list, "tags": list, "language": str}
KIND_GROUPS = {"Personnes": "personnes/", "Organisations": "organisations/", "Lieux": "lieux/"}


def check_json_feed(document: dict) -> list[dict]:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): what the spec requires and the types it gives."""
    assert document["version"] == "https://jsonfeed.org/version/1.1"  # required
    assert isinstance(document["title"], str) and document["title"]  # required
    assert isinstance(document["items"], list) and document["items"]  # required
    for key, kind in JSON_FEED_TOP_TYPES.items():
        assert key not in document or isinstance(document[key], kind), key
    for key in ("home_page_url", "feed_url"):
        assert urlsplit(document[key]).scheme in ("http", "https"), key
    for author in document.get("authors", []):
        assert isinstance(author, dict) and isinstance(author.get("name"), str)
    ids = []
    for item in document["items"]:
        assert isinstance(item.get("id"), str) and item["id"]  # required, a string
        assert "content_html" in item or "content_text" in item  # one of them is required
        for key, kind in JSON_FEED_ITEM_TYPES.items():
            assert key not in item or isinstance(item[key], kind), key
        for key in ("date_published", "date_modified"):
            if key in item:  # RFC 3339, with an offset
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", item[key]), item[key]
                dt.datetime.fromisoformat(item[key])
        assert all(isinstance(tag, str) for tag in item.get("tags", []))
        assert urlsplit(item["url"]).scheme in ("http", "https")
        assert 'href="/' not in item.get("content_html", "")
        ids.append(item["id"])
    assert len(set(ids)) == len(ids)
    return document["items"]


def test_json_feed_has_the_same_items_and_ids_as_rss_and_atom(small_site):
    data = (small_site / "feed.json").read_bytes()
    items = check_json_feed(json.loads(data))
    rss = etree.fromstring((small_site / "rss.xml").read_bytes())
    atom = etree.fromstring((small_site / "atom.xml").read_bytes())
    ids = [item["id"] for item in items]
    assert ids == [i.findtext("guid") for i in rss.iter("item")]
    assert ids == [e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")]
    assert [item["url"] for item in items] == [i.findtext("link") for i in rss.iter("item")]
    # (feedparser 6.0 reads no JSON Feed: check_json_feed holds the spec's rules)
    hostile = next(item for item in items if item["id"].endswith("001_hostile.txt"))
    assert hostile["date_published"] == "2025-08-23T14:30:00+02:00"
    assert "<script" not in hostile["content_html"]


def opml_feeds(data: bytes) -> dict[str, list[tuple[str, str, str]]]:
    """{folder: [(text, xmlUrl, htmlUrl)]} of an OPML list."""
    root = etree.fromstring(data)
    assert root.tag == "opml" and root.get("version") == "2.0" and root.findtext("head/title")
    folders = {}
    for folder in root.find("body"):
        folders[folder.get("text")] = [(o.get("text"), o.get("xmlUrl"), o.get("htmlUrl")) for o in folder if o.get("type") == "rss"]
    return folders


def test_opml_lists_every_entity_feed_by_kind(small_site):
    folders = opml_feeds((small_site / "flux.opml").read_bytes())
    entity_feeds = sorted(str(p.relative_to(small_site)) for p in small_site.rglob("rss.xml") if p.parent != small_site)
    listed = []
    for label, outlines in folders.items():
        for text, xml_url, html_url in outlines:
            path = urlsplit(xml_url).path.lstrip("/")
            assert (small_site / path).is_file(), xml_url
            if label in KIND_GROUPS:
                assert path.startswith(KIND_GROUPS[label]) and html_url.endswith(path[: -len("rss.xml")])
                assert etree.fromstring((small_site / path).read_bytes()).findtext("channel/title").startswith(text)
                listed.append(path)
    assert sorted(listed) == entity_feeds
    assert list(folders) == ["Le Fil", "Personnes", "Lieux"]  # kinds in order, none empty
    assert [t for t, _, _ in folders["Lieux"]] == ["Kiev", "Paris"]


def test_real_site_opml_and_flux_page(site):
    folders = opml_feeds((site / "flux.opml").read_bytes())
    # the feeds of the entities followed; not those of former addresses, which lead on
    entity_feeds = {str(p.relative_to(site)) for p in site.rglob("rss.xml") if p.parent != site and not is_former_address(p)}
    listed = {urlsplit(x).path.lstrip("/") for label in KIND_GROUPS for _, x, _ in folders.get(label, [])}
    assert listed == entity_feeds and len(listed) > 100

    flux = BeautifulSoup((site / "flux/index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in flux.select("main a")}
    assert {"/rss.xml", "/atom.xml", "/feed.json", "/flux.opml", "/entites/"} <= links
    assert "personne" in flux.select_one("main").get_text()
    index = BeautifulSoup((site / "entites/index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.select_one("main a[href$='/flux.opml']") and index.select_one("main a[href$='/flux/']")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("footer a[href$='/flux/']")
    assert home.find("link", rel="alternate", type="application/feed+json")["href"] == "/feed.json"


def test_entity_page_offers_its_own_feed_first(site):
    pages = [page for folder in ("lieux", "personnes") for page in [
        path for path in sorted(site.glob(f"{folder}/*/index.html"))
        if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")][:20]]  # not a former address, leading on
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        first = soup.find("link", rel="alternate")
        assert first["href"] == "/" + str(page.parent.relative_to(site)) + "/rss.xml", page
        assert first["type"] == "application/rss+xml"
