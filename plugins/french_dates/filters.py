"""Date filters for templates: ``vendredi 22 août 2025``, ``1er août``, ``août 2025``.

The filters named ``*_of`` take an article (or anything with ``date`` and ``has_time``, see
``publication``): they show a time only when the dispatch gave one."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date, format_time
from markupsafe import Markup

LOCALE = "fr_FR"


def _first_of_month(text: str, day: int) -> Markup:
    # French writes the first day of a month as an ordinal: « 1er août ».
    escaped = str(Markup.escape(text))
    if day == 1:
        return Markup(escaped.replace("1 ", "1<sup>er</sup>\u00a0", 1))
    return Markup(escaped.replace(f"{day} ", f"{day}\u00a0", 1))


@functools.lru_cache(maxsize=8192)  # a site shows the same few hundred days on thousands of pages
def _day(day: dt.date, pattern: str) -> str:
    return format_date(day, pattern, locale=LOCALE)


def _as_day(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def long_date(moment: dt.date) -> Markup:
    """« vendredi 22 août 2025 »."""
    return _first_of_month(_day(_as_day(moment), "EEEE d MMMM y"), moment.day)


def long_date_capitalized(moment: dt.date) -> Markup:
    """« Vendredi 22 août 2025 », for headings."""
    text = str(long_date(moment))
    return Markup(text[:1].upper() + text[1:])


def short_date(moment: dt.date) -> Markup:
    """« 22 août 2025 »."""
    return _first_of_month(_day(_as_day(moment), "d MMMM y"), moment.day)


def day_month(moment: dt.date) -> Markup:
    """« mardi 19 décembre », a day inside its year (breadcrumbs)."""
    return _first_of_month(_day(_as_day(moment), "EEEE d MMMM"), moment.day)


def month_name(moment: dt.date) -> str:
    """« décembre »."""
    return _day(_as_day(moment), "MMMM")


def month_year(moment: dt.date) -> str:
    """« août 2025 »."""
    return _day(_as_day(moment), "MMMM y")


def clock(moment: dt.datetime) -> str:
    """« 14 h 30 », the way French newspapers print times."""
    return _clock(moment.hour, moment.minute)


@functools.lru_cache(maxsize=2048)
def _clock(hour: int, minute: int) -> str:
    return format_time(dt.time(hour, minute), "H' h 'mm", locale=LOCALE).replace(" ", "\u00a0")


def _has_time(item) -> bool:
    return getattr(item, "has_time", True)


def datetime_of(item) -> str:
    """The ``datetime`` attribute of a ``<time>`` for ``item``'s publication: ``2025-08-22`` when
    only the day is known, ``2025-08-23T14:30:00+02:00`` otherwise."""
    return item.date.isoformat() if _has_time(item) else item.date.date().isoformat()


def clock_of(item) -> str:
    """« 14 h 30 », or an empty string when only the day is known."""
    return clock(item.date) if _has_time(item) else ""


def published_of(item, style: str = "short") -> Markup:
    """When ``item`` was published, in words: « 22 août 2025 » or « 23 août 2025 à 14 h 30 »
    (``style="long"``: « vendredi 22 août 2025 », « samedi 23 août 2025 à 14 h 30 »)."""
    day = long_date(item.date) if style == "long" else short_date(item.date)
    return Markup(f"{day} à {clock(item.date)}") if _has_time(item) else day


def by_day(articles):
    """Consecutive articles grouped by calendar day, in the order given: [(date, [articles])]."""
    days: list[tuple[dt.date, list]] = []
    for article in articles:
        day = article.date.date()
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append(article)
    return days


FILTERS = {
    "by_day": by_day,
    "long_date": long_date,
    "long_date_capitalized": long_date_capitalized,
    "short_date": short_date,
    "month_year": month_year,
    "month_name": month_name,
    "day_month": day_month,
    "clock": clock,
    "datetime_of": datetime_of,
    "clock_of": clock_of,
    "published_of": published_of,
}
