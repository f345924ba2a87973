"""True times: a dispatch with a time keeps it, a date-only dispatch is published at DATE_ONLY_TIME
(12:00 Paris) and keeps its calendar day from UTC−10 to UTC+12, the same in pages, feeds, JSON-LD
and the sitemap; pages show a time only when one is known; one order for a day everywhere."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import feedparser
from bs4 import BeautifulSoup
from hypothesis import given, strategies as st
from lxml import etree

from tests.feeds.feeds_support import ATOM, SEED, SEED_SOURCE

from french_dates.publication import is_date_only, parse_clock, publication_moment

PARIS = ZoneInfo("Europe/Paris")
SEED_GUID = f"tag:lefil.example,2025:{SEED_SOURCE}"
SEED_PAGE = f"2025/08/22/{SEED.stem}/index.html"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def day_in(moment_utc: dt.datetime, hours: int) -> dt.date:
    return moment_utc.astimezone(dt.timezone(dt.timedelta(hours=hours))).date()


# --- the convention ------------------------------------------------------------------------------


# Paris has been on UTC+1 (+2 in summer) since 1946; before 1940 it was on UTC+0, where noon is
# already the next day at UTC+12 (the property fails there).
@given(st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_only_keeps_its_day_from_utc_minus_10_to_plus_12(day):
    declared = dt.datetime.combine(day, dt.time())
    moment, has_time = publication_moment(declared, declared.replace(tzinfo=PARIS), parse_clock("12:00"))
    assert not has_time
    for hours in range(-10, 13):
        assert day_in(moment, hours) == day, hours


def test_midnight_paris_showed_the_previous_day_west_of_paris():
    # What the convention fixes (and why the test above can fail): midnight Paris is the day before in New York.
    midnight = dt.datetime(2025, 8, 22, tzinfo=PARIS)
    assert day_in(midnight, -4) == dt.date(2025, 8, 21)


def test_a_time_is_kept():
    declared = dt.datetime(2025, 8, 23, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert publication_moment(declared, declared, parse_clock("12:00")) == (declared, True)
    naive = dt.datetime(2025, 8, 23, 9, 5)
    assert publication_moment(naive, naive.replace(tzinfo=PARIS), parse_clock("12:00"))[1] is True
    assert is_date_only(dt.datetime(2025, 8, 22)) and not is_date_only(dt.datetime(2025, 8, 22, tzinfo=PARIS))


# --- feeds: what a reader anywhere sees ----------------------------------------------------------


def seed_entry(feed_path):
    result = feedparser.parse(feed_path.read_bytes())
    assert result.bozo == 0
    return next(e for e in result.entries if e.id == SEED_GUID)


def test_feed_readers_show_the_seed_on_22_august_in_utc_minus_10_and_plus_12(small_site):
    for name in ("rss.xml", "atom.xml"):
        entry = seed_entry(small_site / name)
        published = dt.datetime.fromtimestamp(calendar.timegm(entry.published_parsed), dt.timezone.utc)
        assert day_in(published, -10) == dt.date(2025, 8, 22), name
        assert day_in(published, +12) == dt.date(2025, 8, 22), name
    rss = etree.fromstring((small_site / "rss.xml").read_bytes())
    dates = {i.findtext("guid"): i.findtext("pubDate") for i in rss.iter("item")}
    assert dates[SEED_GUID] == "Fri, 22 Aug 2025 12:00:00 +0200"
    assert dates["tag:lefil.example,2025:dispatches/001_hostile.txt"] == "Sat, 23 Aug 2025 14:30:00 +0200"


# --- pages: a time only when one is known --------------------------------------------------------


def test_pages_show_the_day_only_when_no_time_is_known(small_site):
    seed = BeautifulSoup((small_site / SEED_PAGE).read_text(encoding="utf-8"), "html.parser")
    time = seed.select_one(".article-header time")
    assert time["datetime"] == "2025-08-22"
    assert time.get_text() == "vendredi 22\u00a0août 2025"
    assert seed.find("meta", property="article:published_time")["content"] == "2025-08-22T12:00:00+02:00"

    hostile = BeautifulSoup((small_site / "2025/08/23/hostile/index.html").read_text(encoding="utf-8"), "html.parser")
    time = hostile.select_one(".article-header time")
    assert time["datetime"] == "2025-08-23T14:30:00+02:00"
    assert time.get_text() == "samedi 23\u00a0août 2025 à 14\u00a0h\u00a030"

    home = BeautifulSoup((small_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = {t["datetime"]: t.get_text() for t in home.select(".teaser time")}
    assert "\u00a0h" not in shown.get("2025-08-22", "")  # the seed's teaser shows no time: it has none
    assert shown["2025-08-23T14:30:00+02:00"].endswith("14\u00a0h\u00a030")  # the lead ("À la une") shows its day too
    assert "12\u00a0h" not in home.get_text()


# --- the real site: JSON-LD, sitemap and one order for a day ----------------------------------------


def test_seed_has_one_moment_in_page_json_ld_and_sitemap(site):
    page = BeautifulSoup((site / SEED_PAGE).read_text(encoding="utf-8"), "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["datePublished"] == "2025-08-22T12:00:00+02:00"
    assert page.find("meta", property="article:published_time")["content"] == data["datePublished"]
    sitemap = etree.parse(str(site / "sitemap.xml")).getroot()
    lastmod = {u.findtext(f"{SITEMAP}loc").split("://", 1)[1].split("/", 1)[1]: u.findtext(f"{SITEMAP}lastmod") for u in sitemap}
    assert lastmod[f"2025/08/22/{SEED.stem}/"] == "2025-08-22T12:00:00+02:00"


def _article_paths(html: str, selector: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [re.sub(r"^(https?://[^/]+)?/", "", a["href"]) for a in soup.select(selector)]


def test_one_order_for_a_day_on_home_day_pages_and_feeds(site):
    home = _article_paths((site / "index.html").read_text(encoding="utf-8"), ".teaser-title a")
    rss = etree.fromstring((site / "rss.xml").read_bytes())
    feed_order = [re.sub(r"^https?://[^/]+/", "", i.findtext("link")) for i in rss.iter("item")]
    atom = etree.fromstring((site / "atom.xml").read_bytes())
    atom_order = [re.sub(r"^https?://[^/]+/", "", e.find(f"{ATOM}link").get("href")) for e in atom.iter(f"{ATOM}entry")]
    assert feed_order[: len(home)] == home
    assert atom_order == feed_order
    days = {}
    for path in feed_order:
        days.setdefault(path[:11], []).append(path)
    shared_days = [day for day, paths in days.items() if len(paths) > 1]
    assert shared_days, "the site's feed has no day with two dispatches"
    for day in shared_days:
        page = _article_paths((site / day / "index.html").read_text(encoding="utf-8"), "main h2 a, main .teaser-title a")
        in_page = [p for p in page if p in days[day]]
        assert in_page == days[day], day


def test_a_date_only_correction_follows_the_convention():
    from types import SimpleNamespace

    from french_dates.pelican_glue import settle_publication

    article = SimpleNamespace(
        metadata={"date": dt.datetime(2025, 8, 22), "modified": dt.datetime(2025, 8, 24)},
        settings={"DATE_ONLY_TIME": "12:00"},
        date=dt.datetime(2025, 8, 22, tzinfo=PARIS),
        modified=dt.datetime(2025, 8, 24, tzinfo=PARIS),
    )
    settle_publication(article)
    assert (article.date.isoformat(), article.has_time) == ("2025-08-22T12:00:00+02:00", False)
    assert article.modified.isoformat() == "2025-08-24T12:00:00+02:00"


def test_a_wrong_date_only_time_is_one_error_line(caplog):
    from types import SimpleNamespace

    from french_dates.pelican_glue import settle_publication

    articles = [
        SimpleNamespace(metadata={"date": dt.datetime(2025, 8, day)}, settings={"DATE_ONLY_TIME": "midi"}, date=dt.datetime(2025, 8, day, tzinfo=PARIS))
        for day in (21, 22)
    ]
    for article in articles:
        settle_publication(article)
    errors = [record for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1 and "DATE_ONLY_TIME" in errors[0].getMessage() and "midi" in errors[0].getMessage()
    assert [a.date.hour for a in articles] == [12, 12]
