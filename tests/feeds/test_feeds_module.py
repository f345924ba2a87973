"""The plain feed module alone: RSS 2.0 / Atom rules, determinism, escaping (no Pelican)."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from feeds import feed
from feeds.feed import Category, Channel, Item
from tests.feeds.feeds_support import ATOM, CONTENT, RFC822

PARIS = ZoneInfo("Europe/Paris")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")
HOSTILE = [
    '<script>alert("x")</script>',
    "Tom & Jerry &amp; co",
    "« Il a dit \"non\" » et 'oui'",
    "{{ config }} {% if x %}{# c #}",
    "]]> <![CDATA[ x ]]>",
    "<b>gras</b> &lt;i&gt;",
    "a < b > c",
]

CHANNEL = Channel(
    id="tag:lefil.example,2025:feed",
    title="Le Fil",
    link="https://lefil.example/",
    description="L’actualité en dépêches",
    author="La rédaction",
    rss_url="https://lefil.example/rss.xml",
    atom_url="https://lefil.example/atom.xml",
)


def make_item(n: int, when: datetime, **changes) -> Item:
    item = Item(
        id=feed.stable_id("tag:lefil.example,2025:", f"dispatches/{n:03d}_x.txt"),
        title=f"Dépêche {n}",
        link=f"https://lefil.example/{when:%Y/%m/%d}/depeche-{n}/",
        published=when,
        summary_html=f"<p>Chapeau {n}</p>",
        content_html=f'<p class="lede">Chapeau {n}</p>\n<p>Voir <a href="/personnes/mark-rutte/">Mark Rutte</a>.</p>',
        categories=(Category("Mark Rutte", "https://lefil.example/personnes/"), Category("Kiev", "https://lefil.example/lieux/")),
    )
    return replace(item, **changes)


@pytest.fixture
def items():
    return [
        make_item(1, datetime(2025, 8, 22, tzinfo=PARIS)),  # summer: +0200
        make_item(2, datetime(2025, 8, 23, 14, 30, tzinfo=PARIS)),
        make_item(3, datetime(2016, 1, 4, 9, 5, tzinfo=PARIS)),  # winter: +0100
    ]


def rss_tree(data: bytes):
    return etree.fromstring(data)


# --- RSS 2.0 ------------------------------------------------------------------------------------


def test_rss_channel_has_required_and_promised_elements(items):
    root = rss_tree(feed.rss(CHANNEL, items))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "Le Fil"
    assert channel.findtext("link") == "https://lefil.example/"
    assert channel.findtext("description") == "L’actualité en dépêches"
    assert channel.findtext("language") == "fr"
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [(link.get("href"), link.get("type")) for link in self_links] == [
        ("https://lefil.example/rss.xml", "application/rss+xml")
    ]


def test_rss_items_have_required_elements_and_rfc822_dates(items):
    channel = rss_tree(feed.rss(CHANNEL, items)).find("channel")
    entries = channel.findall("item")
    assert len(entries) == 3
    for entry in entries:
        for name in ("title", "link", "guid", "pubDate", "description", f"{CONTENT}encoded"):
            assert entry.findtext(name), name
        assert entry.find("guid").get("isPermaLink") == "false"
        assert RFC822.match(entry.findtext("pubDate")), entry.findtext("pubDate")
        assert entry.findtext("link").startswith("https://")
    dates = [entry.findtext("pubDate") for entry in entries]
    assert dates == ["Sat, 23 Aug 2025 14:30:00 +0200", "Fri, 22 Aug 2025 00:00:00 +0200", "Mon, 04 Jan 2016 09:05:00 +0100"]
    assert RFC822.match(channel.findtext("lastBuildDate"))


def test_rss_guids_unique_and_not_from_date_or_url(items):
    entries = rss_tree(feed.rss(CHANNEL, items)).find("channel").findall("item")
    guids = [entry.findtext("guid") for entry in entries]
    assert len(set(guids)) == len(guids)
    for entry in entries:
        assert entry.findtext("link") not in entry.findtext("guid")
        assert not re.search(r"\d{4}/\d{2}/\d{2}", entry.findtext("guid"))


def test_duplicate_ids_are_refused(items):
    with pytest.raises(ValueError, match="share an id"):
        feed.rss(CHANNEL, [*items, replace(items[0], title="Autre")])


def test_last_build_date_is_newest_item_not_now(items):
    channel = rss_tree(feed.rss(CHANNEL, items)).find("channel")
    newest = max(entry.findtext("pubDate") for entry in channel.findall("item")[:1])
    assert channel.findtext("lastBuildDate") == newest == "Sat, 23 Aug 2025 14:30:00 +0200"


def test_items_newest_first_and_limited(items):
    entries = rss_tree(feed.rss(CHANNEL, items, limit=2)).find("channel").findall("item")
    assert [e.findtext("title") for e in entries] == ["Dépêche 2", "Dépêche 1"]


def test_empty_feed_is_valid_and_dated_without_clock():
    channel = rss_tree(feed.rss(CHANNEL, [])).find("channel")
    assert channel.findall("item") == []
    assert channel.findtext("lastBuildDate") == "Thu, 01 Jan 1970 00:00:00 +0000"
    assert feedparser.parse(feed.atom(CHANNEL, [])).bozo == 0


def test_categories_keep_their_rank_once_each(items):
    # The caller ranks them (most salient first): the feed keeps that order, each category once.
    item = replace(items[0], categories=(Category("Zelensky"), Category("kiev"), Category("Abbas"), Category("Zelensky")))
    entry = rss_tree(feed.rss(CHANNEL, [item])).find("channel/item")
    assert [c.text for c in entry.findall("category")] == ["Zelensky", "kiev", "Abbas"]
    atom_entry = etree.fromstring(feed.atom(CHANNEL, [item])).find(f"{ATOM}entry")
    assert [c.get("term") for c in atom_entry.findall(f"{ATOM}category")] == ["Zelensky", "kiev", "Abbas"]


def test_credit_author_and_rights(items):
    channel = replace(CHANNEL, rights="Textes sous licence CC BY 2.5")
    item = replace(items[0], author="Wikinews", rights="Wikinews, CC BY 2.5")
    channel_tree = rss_tree(feed.rss(channel, [item])).find("channel")
    assert channel_tree.findtext("copyright") == "Textes sous licence CC BY 2.5"
    assert channel_tree.find("item").findtext("{http://purl.org/dc/elements/1.1/}creator") == "Wikinews"
    assert channel_tree.find("item").find("author") is None  # RSS <author> is an e-mail address
    root = etree.fromstring(feed.atom(channel, [item]))
    assert root.findtext(f"{ATOM}rights") == "Textes sous licence CC BY 2.5"
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Wikinews"
    assert entry.findtext(f"{ATOM}rights") == "Wikinews, CC BY 2.5"
    for data in (feed.rss(channel, [item]), feed.atom(channel, [item])):
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0 and parsed.entries[0].author == "Wikinews"


def test_category_domain_is_the_kind(items):
    entry = rss_tree(feed.rss(CHANNEL, items[:1])).find("channel/item")
    assert {(c.text, c.get("domain")) for c in entry.findall("category")} == {
        ("Kiev", "https://lefil.example/lieux/"),
        ("Mark Rutte", "https://lefil.example/personnes/"),
    }


def test_naive_dates_are_refused(items):
    with pytest.raises(ValueError, match="time zone"):
        feed.rss(CHANNEL, [replace(items[0], published=datetime(2025, 8, 22))])


def test_content_and_description_urls_made_absolute(items):
    entry = rss_tree(feed.rss(CHANNEL, items[:1])).find("channel/item")
    content = entry.findtext(f"{CONTENT}encoded")
    assert 'href="https://lefil.example/personnes/mark-rutte/"' in content
    assert 'href="/' not in content


# --- Atom ---------------------------------------------------------------------------------------


def test_atom_feed(items):
    root = etree.fromstring(feed.atom(CHANNEL, items))
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext(f"{ATOM}id") == CHANNEL.id
    assert root.findtext(f"{ATOM}updated") == "2025-08-23T14:30:00+02:00"
    links = {(link.get("rel"), link.get("href")) for link in root.findall(f"{ATOM}link")}
    assert ("self", "https://lefil.example/atom.xml") in links
    assert ("alternate", "https://lefil.example/") in links
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [items[1].id, items[0].id, items[2].id]
    for entry in entries:
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        assert RFC3339.match(entry.findtext(f"{ATOM}published"))
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert max(e.findtext(f"{ATOM}updated") for e in entries) == root.findtext(f"{ATOM}updated")
    parsed = feedparser.parse(feed.atom(CHANNEL, items))
    assert parsed.bozo == 0 and parsed.version == "atom10"


def test_atom_updated_follows_modified_items(items):
    later = datetime(2025, 9, 1, 8, 0, tzinfo=PARIS)
    modified = [replace(items[0], updated=later), *items[1:]]
    root = etree.fromstring(feed.atom(CHANNEL, modified))
    assert root.findtext(f"{ATOM}updated") == "2025-09-01T08:00:00+02:00"


# --- determinism --------------------------------------------------------------------------------


def test_same_input_same_bytes_whatever_the_order(items):
    first_rss, first_atom = feed.rss(CHANNEL, items), feed.atom(CHANNEL, items)
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert feed.rss(CHANNEL, shuffled) == first_rss
        assert feed.atom(CHANNEL, shuffled) == first_atom


def test_items_of_one_moment_keep_the_order_given(items):
    # The site's order (newest first, then by slug) is the caller's: a feed lists a day's
    # dispatches in the order of the home and the day page, not by id.
    same = [make_item(n, datetime(2025, 8, 22, 12, tzinfo=PARIS)) for n in (5, 4, 6)]
    older = make_item(7, datetime(2025, 8, 21, 12, tzinfo=PARIS))
    for given in ([*same, older], [older, *same]):
        titles = [e.findtext("title") for e in rss_tree(feed.rss(CHANNEL, given)).find("channel").findall("item")]
        assert titles == ["Dépêche 5", "Dépêche 4", "Dépêche 6", "Dépêche 7"]
        entries = etree.fromstring(feed.atom(CHANNEL, given)).findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == titles


# --- escaping -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_title_is_text_for_feed_readers(items, text):
    item = replace(items[0], title=text, summary_html=feed_html(text), content_html=f"<p>{feed_html(text)}</p>")
    data = feed.rss(CHANNEL, [item])
    entry = rss_tree(data).find("channel/item")
    assert entry.findtext("title") == text  # XML text: one level of escaping only
    assert b"<script" not in data
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0
    assert parsed.entries[0].title == text or text_of(parsed.entries[0].title) == text
    assert text_of(parsed.entries[0].summary) == text
    assert text_of(parsed.entries[0].content[0].value) == text
    atom_entry = feedparser.parse(feed.atom(CHANNEL, [item])).entries[0]
    assert atom_entry.title == text
    assert text_of(atom_entry.summary) == text


def feed_html(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def text_of(fragment: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(fragment, "html.parser").get_text()


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_text_survives_as_xml_text(text):
    item = make_item(1, datetime(2025, 8, 22, tzinfo=PARIS), title=text or "x", summary_html=feed_html(text))
    for data in (feed.rss(CHANNEL, [item]), feed.atom(CHANNEL, [item])):
        root = etree.fromstring(data)
        title = root.find("channel/item/title") if root.tag == "rss" else root.find(f"{ATOM}entry/{ATOM}title")
        assert (title.text or "") == (feed.xml_safe(text or "x").strip() or feed.UNTITLED)


def test_characters_xml_cannot_hold_are_dropped(items):
    item = replace(items[0], title="bip\x07 \x0bbop\ufffe", summary_html="<p>a\x00b</p>")
    entry = rss_tree(feed.rss(CHANNEL, [item])).find("channel/item")
    assert entry.findtext("title") == "bip bop"
    assert entry.findtext("description") == "<p>ab</p>"


# --- helpers ------------------------------------------------------------------------------------

BASE = "https://lefil.example/2025/08/22/a/"


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ('<a href="/personnes/x/">x</a>', '<a href="https://lefil.example/personnes/x/">x</a>'),
        ('<a href="#n">n</a>', '<a href="https://lefil.example/2025/08/22/a/#n">n</a>'),
        ('<img src="i.png" alt="a &amp; b">', '<img src="https://lefil.example/2025/08/22/a/i.png" alt="a &amp; b">'),
        ('<img srcset="/a.png 1x, b.png 2x"/>', '<img srcset="https://lefil.example/a.png 1x, https://lefil.example/2025/08/22/a/b.png 2x" />'),
        ('<a href="https://ailleurs.example/x?a=1&amp;b=2">y</a>', '<a href="https://ailleurs.example/x?a=1&amp;b=2">y</a>'),
        ('<a href="mailto:r@lefil.example">m</a>', '<a href="mailto:r@lefil.example">m</a>'),
        ("<p>a &lt;b&gt; &amp; &nbsp;&#8239; « c »</p><!-- note -->", "<p>a &lt;b&gt; &amp; &nbsp;&#8239; « c »</p><!-- note -->"),
        ("<p>x < y</p>", "<p>x < y</p>"),
    ],
)
def test_absolutize(fragment, expected):
    assert feed.absolutize(fragment, BASE) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<![", "<!", "CDATA[", "]]>", "]>", "0", "if", " ", "<a href='/x'>", "</a>", "&", "<"]), max_size=12).map("".join))
def test_absolutize_takes_any_declaration_an_editor_writes(fragment):
    """Python 3.11's parser raised AssertionError on "<![0": the feeds' child failed with a traceback."""
    assert isinstance(feed.absolutize(fragment, BASE), str)
    assert feed.absolutize("<p>a <![0 b</p>", BASE) == "<p>a &lt;![0 b</p>"
    word = "<p><![if !supportLists]>1.<![endif]> Premier point</p>"  # HTML pasted from Word stays markup
    assert feed.absolutize(word, BASE) == word


def test_stable_id_is_a_uri_from_the_key_only():
    assert feed.stable_id("tag:lefil.example,2025:", "dispatches/000 é.txt") == "tag:lefil.example,2025:dispatches/000%20%C3%A9.txt"
    assert feed.stable_id("urn:lefil:", "dispatches/000_x.txt") == "urn:lefil:dispatches/000_x.txt"


def test_write_if_changed(tmp_path):
    path = tmp_path / "a" / "rss.xml"
    assert feed.write_if_changed(path, b"<rss/>") is True
    mtime = path.stat().st_mtime_ns
    assert feed.write_if_changed(path, b"<rss/>") is False and path.stat().st_mtime_ns == mtime
    assert feed.write_if_changed(path, b"<rss></rss>") is True
    assert path.read_bytes() == b"<rss></rss>"
    assert [p.name for p in path.parent.iterdir()] == ["rss.xml"]


def test_winter_and_summer_offsets():
    winter = make_item(1, datetime(2025, 1, 15, 23, 30, tzinfo=PARIS))
    utc = make_item(2, datetime(2025, 7, 1, 12, 0, tzinfo=timezone.utc).astimezone(PARIS))
    dates = [e.findtext("pubDate") for e in rss_tree(feed.rss(CHANNEL, [winter, utc])).find("channel").findall("item")]
    assert dates == ["Tue, 01 Jul 2025 14:00:00 +0200", "Wed, 15 Jan 2025 23:30:00 +0100"]
    assert timedelta(hours=1) == winter.published.utcoffset()


def test_the_same_instant_in_another_zone_keeps_its_own_offset():
    # Equal aware datetimes compare equal across zones: an entry cache keyed on the item's value
    # would give a New York feed the Paris offset of an earlier feed.
    paris = make_item(1, datetime(2025, 8, 22, 12, 0, tzinfo=PARIS))
    new_york = replace(paris, published=paris.published.astimezone(ZoneInfo("America/New_York")))
    assert paris == new_york
    shared: dict = {}
    dates = [
        rss_tree(feed.rss(CHANNEL, [item], entries=entries)).find("channel/item/pubDate").text
        for entries in (None, shared)
        for item in (paris, new_york)
    ]
    assert dates == ["Fri, 22 Aug 2025 12:00:00 +0200", "Fri, 22 Aug 2025 06:00:00 -0400"] * 2


def test_one_entry_per_item_across_the_feeds_of_a_site(items):
    entries: dict = {}
    alone = feed.rss(CHANNEL, items)
    assert feed.rss(CHANNEL, items, entries=entries) == alone
    assert feed.atom(CHANNEL, items, entries=entries) == feed.atom(CHANNEL, items)
    assert len(entries) == len(items)
