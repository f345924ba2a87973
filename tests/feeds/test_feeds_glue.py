"""The Pelican glue with fake articles and entities (the contract of the other plugins)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import feedparser
import pytest
from lxml import etree

from feeds import items
from feeds import pelican_glue as glue

PARIS = ZoneInfo("Europe/Paris")
SETTINGS = {
    "SITE_ORIGIN": "http://127.0.0.1:8000",
    "SITEURL": "",
    "SITENAME": "Le Fil",
    "SITESUBTITLE": "L’actualité en dépêches",
    "FEEDS_AUTHOR": "La rédaction",
    "DEFAULT_LANG": "fr",
    "TIMEZONE": "Europe/Paris",
    "FORMATTED_FIELDS": [],
}


def entity(name, kind, folder):
    slug = name.lower().replace(" ", "-")
    url = f"{folder}/{slug}/"
    return SimpleNamespace(name=name, kind=kind, slug=slug, url=url, feed_url=url + "rss.xml", forms=())


RUTTE = entity("Mark Rutte", "personne", "personnes")
KIEV = entity("Kiev", "lieu", "lieux")


def article(n, date, entities=(), typeset=True, **metadata):
    meta = {"source": f"dispatches/{n:03d}.txt", "summary": f"<p>Chapeau {n}</p>" if typeset else f"Chapeau <{n}>"}
    meta.update(metadata)
    fake = SimpleNamespace(
        title=f"Titre {n}",
        url=f"{date:%Y/%m/%d}/a-{n}/",
        date=date,
        metadata=meta,
        entities=list(entities),
        relative_source_path=f"articles/a-{n}.md",
        get_content=lambda siteurl, n=n: f'<p class="lede">Chapeau {n}</p><p><a href="/personnes/mark-rutte/">R</a></p>',
    )
    if typeset:
        fake.title_html = f"Titre {n} : le XX<sup>e</sup>\u00a0siècle &amp; &lt;b&gt;"
        fake.french_typeset = True
    return fake


@pytest.fixture
def articles():
    return [
        article(1, datetime(2025, 8, 22, tzinfo=PARIS), [RUTTE, KIEV]),
        article(2, datetime(2025, 8, 23, 14, 30, tzinfo=PARIS), [KIEV]),
        article(3, datetime(2016, 1, 4, 9, 5, tzinfo=PARIS), [RUTTE, RUTTE]),
    ]


@pytest.mark.parametrize(
    ("settings", "base"),
    [
        ({"SITE_ORIGIN": "http://127.0.0.1:8000", "SITEURL": ""}, "http://127.0.0.1:8000"),
        ({"SITE_ORIGIN": "https://lefil.example/", "SITEURL": "/fil"}, "https://lefil.example/fil"),
        ({"SITE_ORIGIN": "", "SITEURL": "https://lefil.example/"}, "https://lefil.example"),
    ],
)
def test_site_base(settings, base):
    assert glue.site_base(settings) == base


def test_site_base_needs_an_origin():
    with pytest.raises(ValueError, match="SITE_ORIGIN"):
        glue.site_base({"SITEURL": ""})


def test_item_from_typeset_article(articles):
    item = items.article_item(articles[0], SETTINGS, "http://127.0.0.1:8000")
    assert item.id == "tag:lefil.example,2025:dispatches/001.txt"
    assert item.title == "Titre 1 : le XXe\u00a0siècle & <b>"  # text of title_html, no markup
    assert item.link == "http://127.0.0.1:8000/2025/08/22/a-1/"
    assert item.published.utcoffset().total_seconds() == 7200
    assert item.summary_html == "<p>Chapeau 1</p>"
    assert [(c.term, c.scheme) for c in item.categories] == [
        ("Mark Rutte", "http://127.0.0.1:8000/personnes/"),
        ("Kiev", "http://127.0.0.1:8000/lieux/"),
    ]


def test_item_without_typography_escapes_the_plain_summary():
    fake = article(4, datetime(2025, 1, 2, tzinfo=PARIS), typeset=False)
    item = items.article_item(fake, SETTINGS, "http://x")
    assert item.title == "Titre 4"
    assert item.summary_html == "Chapeau &lt;4&gt;"


def test_id_ignores_date_and_url(articles):
    moved = article(1, datetime(2024, 1, 1, tzinfo=PARIS))
    moved.url = "ailleurs/"
    assert items.item_id(moved, SETTINGS) == items.item_id(articles[0], SETTINGS)
    assert items.item_id(articles[0], {**SETTINGS, "FEEDS_ID_PREFIX": "urn:lefil:"}) == "urn:lefil:dispatches/001.txt"


def test_id_without_source_comes_from_the_file(caplog):
    fake = article(5, datetime(2025, 1, 2, tzinfo=PARIS), source=None)
    assert items.item_id(fake, SETTINGS) == "tag:lefil.example,2025:articles-sans-source/articles/a-5.md"
    assert "no Source" in caplog.text


def test_site_feeds(articles):
    feeds = dict(glue.site_feeds(articles, SETTINGS))
    assert sorted(feeds) == ["atom.xml", "feed.json", "flux.opml", "lieux/kiev/rss.xml", "personnes/mark-rutte/rss.xml", "rss.xml"]
    for path, data in feeds.items():
        if path.endswith(".xml"):
            assert feedparser.parse(data).bozo == 0
    rutte = etree.fromstring(feeds["personnes/mark-rutte/rss.xml"]).find("channel")
    assert [i.findtext("guid") for i in rutte.findall("item")] == [
        "tag:lefil.example,2025:dispatches/001.txt",
        "tag:lefil.example,2025:dispatches/003.txt",
    ]
    assert rutte.findtext("link") == "http://127.0.0.1:8000/personnes/mark-rutte/"
    assert rutte.findtext("title") == "Mark Rutte — Le Fil"
    content = etree.fromstring(feeds["rss.xml"]).find("channel/item").findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert 'href="http://127.0.0.1:8000/personnes/mark-rutte/"' in content
    assert dict(glue.site_feeds(list(reversed(articles)), SETTINGS)) == feeds


def test_settings(articles):
    feeds = dict(glue.site_feeds(
        articles,
        {**SETTINGS, "FEEDS_MAX_ITEMS": 1, "FEEDS_ATOM_SAVE_AS": "", "FEEDS_JSON_SAVE_AS": "", "FEEDS_ENTITY_FEEDS": False, "FEEDS_RSS_SAVE_AS": "fil/rss.xml"},
    ))
    assert list(feeds) == ["fil/rss.xml"]
    assert len(etree.fromstring(feeds["fil/rss.xml"]).findall("channel/item")) == 1


def test_entity_max_items_defaults_to_max_items(articles):
    feeds = dict(glue.site_feeds(articles, {**SETTINGS, "FEEDS_MAX_ITEMS": 1}))
    assert len(etree.fromstring(feeds["personnes/mark-rutte/rss.xml"]).findall("channel/item")) == 1
    feeds = dict(glue.site_feeds(articles, {**SETTINGS, "FEEDS_MAX_ITEMS": 1, "FEEDS_ENTITY_MAX_ITEMS": None}))
    assert len(etree.fromstring(feeds["personnes/mark-rutte/rss.xml"]).findall("channel/item")) == 2


@pytest.mark.parametrize("path", ["../evil.xml", "/etc/rss.xml", "a/../../b.xml"])
def test_paths_stay_in_the_output(path):
    assert not glue.safe_relative(path).startswith(("/", ".."))


def test_write_feeds(tmp_path, articles):
    feeds = dict(glue.site_feeds(articles, SETTINGS))
    assert glue.write_feeds(feeds.items(), tmp_path) == 6  # RSS, Atom, JSON Feed, OPML, two entity feeds
    assert (tmp_path / "personnes/mark-rutte/rss.xml").read_bytes() == feeds["personnes/mark-rutte/rss.xml"]


@pytest.mark.parametrize("aside", [False, True], ids=["in-place", "forked"])
def test_the_generator_writes_the_articles_as_the_other_plugins_left_them(tmp_path, articles, aside, monkeypatch):
    from pelican.plugins import signals
    from pelican.settings import DEFAULT_CONFIG

    from digest import aside as aside_module

    # Under pytest-xdist the worker runs threads of its own, for which aside would not fork.
    monkeypatch.setattr(aside_module, "can_fork", lambda: aside_module._has_death_signal() and aside_module.cores() > 1)
    settings = {**DEFAULT_CONFIG, **SETTINGS, "WRITE_ASIDE": aside}
    generator = glue.FeedsGenerator(
        context={"articles": articles}, settings=settings, path=str(tmp_path), theme=DEFAULT_CONFIG["THEME"], output_path=str(tmp_path)
    )
    articles[0].title_html = "Changé après coup"  # another plugin, after the articles generator: the feeds see it
    generator.refresh_metadata_intersite_links()
    assert generator.written_aside == (aside and aside_module.can_fork())
    generator.generate_output(writer=None)
    signals.finalized.send(SimpleNamespace(settings=settings))  # the child is waited for
    assert b"Chang\xc3\xa9 apr\xc3\xa8s coup" in (tmp_path / "rss.xml").read_bytes()
    assert (tmp_path / "personnes/mark-rutte/rss.xml").exists()
