"""Day, month and year archive pages, grouped in one pass (plain module: no Pelican import).

Pelican groups its period archives by scanning every article for every period (quadratic: 20 s
for 20 000 articles, and a growing share of every build). The groups here are the same: each
period's ``dates`` in the order of the site's ``dates`` and its ``articles`` in the order of the
site's ``articles``, with Pelican's ``period`` and ``period_num`` values.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

GRANULARITIES = ("year", "month", "day")


@dataclass
class Period:
    granularity: str
    period_num: tuple
    save_as: str
    url: str
    dates: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    # The periods just before and after, of the same granularity (the previous and next day with
    # dispatches): readers walk the archive from one to the next.
    older: Period | None = None
    newer: Period | None = None

    @property
    def period(self) -> tuple:
        # As Pelican's: the month's English name (its templates' contract; ours use period_num).
        if self.granularity == "year":
            return self.period_num
        return (self.period_num[0], calendar.month_name[self.period_num[1]], *self.period_num[2:])


def _number(granularity: str, date) -> tuple:
    return (date.year, date.month, date.day)[: GRANULARITIES.index(granularity) + 1]


def periods(dates: Iterable, articles: Iterable, save_as: Mapping[str, str], urls: Mapping[str, str]) -> list[Period]:
    """Every period with an article, year pages first, then months, then days, each in ``dates``
    order, each linked to the periods before and after it; ``save_as``/``urls``: a pattern per
    granularity (``{date:%Y}/index.html``), none: no page."""
    wanted = [granularity for granularity in GRANULARITIES if save_as.get(granularity)]
    found: dict[tuple, Period] = {}
    for item in dates:
        for granularity in wanted:
            number = _number(granularity, item.date)
            period = found.get((granularity, number))
            if period is None:
                period = found[(granularity, number)] = Period(
                    granularity, number, save_as[granularity].format(date=item.date), urls[granularity].format(date=item.date)
                )
            period.dates.append(item)
    for item in articles:
        for granularity in wanted:
            found[(granularity, _number(granularity, item.date))].articles.append(item)
    for granularity in wanted:
        in_order = sorted((period for period in found.values() if period.granularity == granularity), key=lambda period: period.period_num)
        for older, newer in zip(in_order, in_order[1:]):
            older.newer, newer.older = newer, older
    return [period for granularity in wanted for period in found.values() if period.granularity == granularity]
