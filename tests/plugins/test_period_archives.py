"""plugins/period_archives: the same groups as Pelican's own period archives, in one pass."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from hypothesis import given, settings as hypothesis_settings, strategies as st
from pelican.generators import ArticlesGenerator

from period_archives.periods import periods

URLS = {"year": "{date:%Y}/", "month": "{date:%Y}/{date:%m}/", "day": "{date:%Y}/{date:%m}/{date:%d}/"}
SAVE_AS = {granularity: url + "index.html" for granularity, url in URLS.items()}
PELICAN_SETTINGS = {f"{granularity.upper()}_ARCHIVE_{kind}": pattern for granularity in URLS for kind, pattern in (("URL", URLS[granularity]), ("SAVE_AS", SAVE_AS[granularity]))}


def pelicans(dates, articles):
    """Pelican's own grouping (its method uses none of the generator's state)."""
    found = ArticlesGenerator._build_period_archives(None, dates, articles, PELICAN_SETTINGS)
    return [(p["save_as"], p["url"], p["period"], p["period_num"], p["dates"], p["articles"]) for granularity in ("year", "month", "day") for p in found[granularity]]


@hypothesis_settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=900), max_size=60), st.randoms())
def test_the_periods_are_pelicans(days, shuffle: random.Random):
    start = datetime(2024, 12, 20, 9, 30)
    items = [SimpleNamespace(date=start + timedelta(days=day, minutes=n), slug=f"a{n}") for n, day in enumerate(days)]
    dates = sorted(items, key=lambda item: item.date, reverse=True)
    articles = list(items)
    shuffle.shuffle(articles)  # the site's article order need not be the date order
    ours = [(p.save_as, p.url, p.period, p.period_num, p.dates, p.articles) for p in periods(dates, articles, SAVE_AS, URLS)]
    assert ours == pelicans(dates, articles)


def test_a_granularity_without_pages_is_left_out():
    item = SimpleNamespace(date=datetime(2025, 8, 22))
    assert [p.granularity for p in periods([item], [item], {"day": SAVE_AS["day"]}, URLS)] == ["day"]


@hypothesis_settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=900), min_size=1, max_size=60))
def test_each_period_leads_to_the_one_before_and_after(days):
    start = datetime(2024, 12, 20, 9, 30)
    items = sorted((SimpleNamespace(date=start + timedelta(days=day, minutes=n)) for n, day in enumerate(days)), key=lambda item: item.date, reverse=True)
    found = periods(items, items, SAVE_AS, URLS)
    for granularity in ("year", "month", "day"):
        mine = [period for period in found if period.granularity == granularity]
        # Walking back from the newest period visits every period once, in chronological order.
        newest = [period for period in mine if period.newer is None]
        assert len(newest) == 1
        walked, current = [], newest[0]
        while current is not None:
            walked.append(current.period_num)
            if current.older is not None:
                assert current.older.newer is current
            current = current.older
        assert walked == sorted((period.period_num for period in mine), reverse=True)
