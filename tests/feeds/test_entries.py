"""Each item's RSS element is built once for all the feeds that list it (feeds/entries.py), and the
feeds are byte for byte what feedgen writes when it builds every element for every feed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from feedgen.entry import FeedEntry
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds import entries, feed
from tests.feeds.test_feeds_module import CHANNEL, HOSTILE, make_item

TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
START = datetime(2025, 1, 1, tzinfo=timezone.utc)


@st.composite
def listed_items(draw):
    """Items with hostile text, and the lists of them several feeds show (an item in many)."""
    count = draw(st.integers(1, 6))
    items = [
        make_item(n, START + timedelta(hours=draw(st.integers(0, 500))), title=draw(TEXT), author=draw(TEXT),
                  summary_html=draw(TEXT), content_html=draw(TEXT), rights=draw(TEXT))
        for n in range(count)
    ]
    feeds = draw(st.lists(st.lists(st.sampled_from(items), min_size=1, unique_by=id), min_size=1, max_size=5))
    return feeds


def _channel(number: int) -> feed.Channel:
    return replace(CHANNEL, id=f"{CHANNEL.id}/{number}", title=f"Entité {number}", rss_url=f"https://lefil.example/e/{number}/rss.xml")


def _feeds_built_by_feedgen_each_time(feeds, monkeypatch) -> list[bytes]:
    """What the feeds are when feedgen builds each item's element for every feed, its extension
    loaded by name (feedgen's own path)."""
    with monkeypatch.context() as patched:
        patched.setattr(entries.ReusedEntry, "rss_entry", FeedEntry.rss_entry)
        patched.setattr(feed, "with_dublin_core", lambda target: target.load_extension("dc", atom=False, rss=True))
        return [feed.rss(_channel(number), listed) for number, listed in enumerate(feeds)]


@settings(max_examples=40, deadline=None)
@given(feeds=listed_items())
def test_feeds_sharing_items_are_the_bytes_feedgen_writes(feeds):
    with pytest.MonkeyPatch.context() as monkeypatch:
        expected = _feeds_built_by_feedgen_each_time(feeds, monkeypatch)
    shared: dict = {}
    assert [feed.rss(_channel(number), listed, entries=shared) for number, listed in enumerate(feeds)] == expected
    # and the Atom feed, from the same shared entries
    every = list({id(item): item for listed in feeds for item in listed}.values())
    assert feed.atom(CHANNEL, every, entries=shared) == feed.atom(CHANNEL, every)


def test_an_item_in_many_feeds_is_built_once(monkeypatch):
    built = []
    real = FeedEntry.rss_entry

    def counted(self, extensions=True):
        built.append(self)
        return real(self, extensions)

    monkeypatch.setattr(FeedEntry, "rss_entry", counted)
    item = make_item(1, START, author="Wikinews")
    shared: dict = {}
    documents = [feed.rss(_channel(number), [item], entries=shared) for number in range(3)]
    assert len(built) == 1
    assert all(document.count(b"<item>") == 1 and b"<dc:creator>Wikinews</dc:creator>" in document for document in documents)
    assert all(b"<guid isPermaLink=\"false\">" + item.id.encode() + b"</guid>" in document for document in documents)
