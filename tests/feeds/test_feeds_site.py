"""The feeds of built sites: a small site built here twice with the real pipeline, and the
repository's own site (session fixture ``site``) once the feeds plugin is in PLUGINS."""

from __future__ import annotations

import html
import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from tests.feeds.feeds_support import ATOM, CONTENT, RFC822_PARIS, HOSTILE_SUMMARY, HOSTILE_TITLE, ROOT, SEED, SEED_SOURCE, build_small, feed_files, is_former_address, make_content

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
SEED_GUID = f"tag:lefil.example,2025:{SEED_SOURCE}"
ORIGIN = "http://127.0.0.1:8000"



def text(fragment: str) -> str:
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text().split())


def typeset_plain(plain: str) -> str:
    """``plain`` as french_typography sets a plain-text title or summary."""
    from digest.html_text import plain_text
    from french_typography import typeset

    return plain_text(typeset(html.escape(plain, quote=False)))


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs as readers see them (typeset, like the site)."""
    from french_typography import typeset

    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    return [text(str(p)) for p in BeautifulSoup(typeset(body), "html.parser").find_all("p")]


def check_rss_rules(data: bytes, self_url: str | None = None) -> list:
    """What W3C's validator checks and feedparser forgives; returns the items. ``self_url``: the
    address the feed is served at, which its atom:link rel="self" must name."""
    channel = etree.fromstring(data).find("channel")
    for name in ("title", "link", "description", "language", "lastBuildDate", "copyright"):
        assert channel.findtext(name), name
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link").startswith(ORIGIN + "/")
    assert RFC822_PARIS.match(channel.findtext("lastBuildDate"))
    assert [link.get("rel") for link in channel.findall(f"{ATOM}link")] == ["self"]
    if self_url:
        assert channel.find(f"{ATOM}link").get("href") == self_url
        assert channel.find(f"{ATOM}link").get("type") == "application/rss+xml"
    items = channel.findall("item")
    assert items
    for item in items:
        for name in ("title", "link", "guid", "pubDate", "description", f"{CONTENT}encoded"):
            assert item.findtext(name), name
        assert RFC822_PARIS.match(item.findtext("pubDate")), item.findtext("pubDate")
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.findtext("link").startswith(ORIGIN + "/")
        for field in (f"{CONTENT}encoded", "description"):
            assert not re.search(r"""(href|src)=["'](?!https?://|mailto:)""", item.findtext(field)), field  # absolute links only
        assert "<" not in item.findtext("title") or "&lt;" not in item.findtext("title")
        assert item.findtext("{http://purl.org/dc/elements/1.1/}creator")
        assert len(item.findall("category")) <= 8
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == len(guids)
    assert channel.findtext("lastBuildDate") == items[0].findtext("pubDate")
    return items


def check_atom_rules(data: bytes) -> None:
    """RFC 4287: feed id/title/updated/author, entries id/title/updated/alternate link."""
    root = etree.fromstring(data)
    for name in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{name}"), name
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "La rédaction"
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    entries = root.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for name in ("id", "title", "updated", "published"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        links = [l for l in entry.findall(f"{ATOM}link") if l.get("rel", "alternate") == "alternate"]
        assert len(links) == 1 and links[0].get("href").startswith(ORIGIN + "/")
    assert root.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") for e in entries)


def parsed(path: Path):
    result = feedparser.parse(path.read_bytes())
    assert result.bozo == 0, (path, result.get("bozo_exception"))
    return result


# --- the small site -------------------------------------------------------------------------------


def test_main_feeds_parse_and_follow_the_rules(small_site):
    rss = parsed(small_site / "rss.xml")
    atom = parsed(small_site / "atom.xml")
    assert rss.version == "rss20" and atom.version == "atom10"
    assert rss.feed.language == "fr" and rss.feed.title == "Le Fil"
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries]
    items = check_rss_rules((small_site / "rss.xml").read_bytes(), f"{ORIGIN}/rss.xml")
    assert [i.findtext("pubDate") for i in items] == [
        "Sat, 23 Aug 2025 14:30:00 +0200",
        "Fri, 22 Aug 2025 12:00:00 +0200",  # date-only: DATE_ONLY_TIME
        "Mon, 04 Jan 2016 09:05:00 +0100",
    ]
    check_atom_rules((small_site / "atom.xml").read_bytes())
    root = etree.fromstring((small_site / "atom.xml").read_bytes())
    assert root.findtext(f"{ATOM}updated") == "2025-08-23T14:30:00+02:00"
    assert {(l.get("rel"), l.get("href")) for l in root.findall(f"{ATOM}link")} == {
        ("self", f"{ORIGIN}/atom.xml"),
        ("alternate", f"{ORIGIN}/"),
    }


def test_seed_item_has_full_content_lede_and_stable_guid(small_site):
    rss = parsed(small_site / "rss.xml")
    seed = next(e for e in rss.entries if e.id == SEED_GUID)
    assert seed.guidislink is False
    assert seed.link == f"{ORIGIN}/2025/08/22/{SEED.stem}/"
    content = text(seed.content[0].value)
    paragraphs = seed_paragraphs()
    assert len(paragraphs) == 6
    for paragraph in paragraphs:
        assert paragraph in content
    # The description is the teaser (the Summary): where the headline's sentence ends, here the next paragraph.
    assert paragraphs[1].startswith(text(seed.summary).rstrip("…").strip())
    assert "Mark Rutte" in {t.term for t in seed.tags} and "Kiev" in {t.term for t in seed.tags}


def test_hostile_text_stays_text(small_site):
    data = (small_site / "rss.xml").read_bytes()
    assert b"<script" not in data and b"<b>" not in data
    for path in ("rss.xml", "atom.xml"):
        entry = next(e for e in parsed(small_site / path).entries if e.id.endswith("001_hostile.txt"))
        # The same text as the input, modulo typography (French quotes, spaces).
        assert entry.title == typeset_plain(HOSTILE_TITLE)
        assert "{{ jinja }}" in entry.title and "<script>" in entry.title
        assert text(entry.summary) == " ".join(typeset_plain(HOSTILE_SUMMARY).split())
        assert "<script>" in text(entry.content[0].value)
        assert f'href="{ORIGIN}/personnes/mark-rutte/"' in entry.content[0].value
        assert f'href="{ORIGIN}/2025/08/23/hostile/#note"' in entry.content[0].value


def test_entity_feeds(small_site):
    expected = {
        "personnes/mark-rutte/rss.xml": 2,
        "lieux/kiev/rss.xml": 3,
        "lieux/paris/rss.xml": 1,
    }
    for relative, count in expected.items():
        path = small_site / relative
        result = parsed(path)
        assert len(result.entries) == count, relative
        assert result.feed.language == "fr"
        assert result.feed.link == f"{ORIGIN}/{relative.removesuffix('rss.xml')}"
        self_links = [l.href for l in result.feed.links if l.rel == "self"]
        assert self_links == [f"{ORIGIN}/{relative}"]
        check_rss_rules(path.read_bytes())
    rutte = parsed(small_site / "personnes/mark-rutte/rss.xml")
    assert SEED_GUID in [e.id for e in rutte.entries]


def test_two_builds_give_identical_bytes(small_sites):
    first, second = (feed_files(output) for output in small_sites)
    assert len(first) == 5  # rss, atom, three entity feeds
    assert first == second


def test_guid_survives_a_new_date_and_slug(tmp_path, small_site):
    """The GUID comes from the dispatch, never from the date or URL."""
    make_content(tmp_path)
    seed = tmp_path / "content/articles/2025/08" / SEED.name
    seed.write_text(
        seed.read_text(encoding="utf-8")
        .replace("Date: 2025-08-22", "Date: 2025-08-24 07:15")
        .replace(f"Slug: {SEED.stem}", "Slug: rutte-garanties"),
        encoding="utf-8",
    )
    output = build_small(tmp_path)
    entry = next(e for e in parsed(output / "rss.xml").entries if e.id == SEED_GUID)
    assert entry.link == f"{ORIGIN}/2025/08/24/rutte-garanties/"
    assert entry.published == "Sun, 24 Aug 2025 07:15:00 +0200"
    before = next(e for e in parsed(small_site / "rss.xml").entries if e.id == SEED_GUID)
    assert before.link != entry.link


def test_public_origin(tmp_path):
    make_content(tmp_path)
    output = build_small(tmp_path, {"SITE_ORIGIN": "https://lefil.example", "FEEDS_MAX_ITEMS": 2})
    rss = parsed(output / "rss.xml")
    assert len(rss.entries) == 2
    assert rss.feed.link == "https://lefil.example/"
    assert all(e.link.startswith("https://lefil.example/") for e in rss.entries)
    assert SEED_GUID in [e.id for e in rss.entries]  # same GUID as on the local site


# --- the repository's site (conftest ``site``) -----------------------------------------------------


@pytest.fixture(scope="module")
def real_site(request):
    from pelican.settings import read_settings

    if "feeds" not in read_settings(str(ROOT / "pelicanconf.py")).get("PLUGINS", []):
        pytest.skip('"feeds" is not in PLUGINS in pelicanconf.py yet')
    return request.getfixturevalue("site")


def test_real_site_feeds(real_site):
    for name in ("rss.xml", "atom.xml"):
        result = parsed(real_site / name)
        assert 0 < len(result.entries) <= 50
    check_atom_rules((real_site / "atom.xml").read_bytes())
    items = check_rss_rules((real_site / "rss.xml").read_bytes(), f"{ORIGIN}/rss.xml")
    seed = next(i for i in items if i.findtext("guid") == SEED_GUID)
    content = text(seed.findtext(f"{CONTENT}encoded"))
    for paragraph in seed_paragraphs():
        assert paragraph in content


def test_real_site_entity_feeds(real_site):
    feeds = [p for p in real_site.rglob("rss.xml") if p.parent != real_site]
    if not feeds:
        pytest.skip("no entity in the built site (entities plugin not enabled)")
    for path in feeds:  # every entity feed, as the W3C validator would read each
        # a former address serves the feed of the entity it leads to, whose self link that is
        check_rss_rules(path.read_bytes(), None if is_former_address(path) else f"{ORIGIN}/{path.relative_to(real_site).as_posix()}")
    for path in feeds[:: max(1, len(feeds) // 100)]:
        parsed(path)


def test_real_site_atom_shares_updated_only_within_a_date_only_day(real_site):
    # The one W3C warning left (plugins/feeds/README.md): date-only dispatches of one day share 12:00.
    root = etree.fromstring((real_site / "atom.xml").read_bytes())
    updated = [e.findtext(f"{ATOM}updated") for e in root.iter(f"{ATOM}entry")]
    shared = {value for value in updated if updated.count(value) > 1}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT12:00:00\+0[12]:00", value) for value in shared), shared
