"""Date filters for templates: ``vendredi 22 août 2025``, ``1er août``, ``août 2025``."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time
from markupsafe import Markup

LOCALE = "fr_FR"


def _first_of_month(text: str, day: int) -> Markup:
    # French writes the first day of a month as an ordinal: « 1er août ».
    escaped = str(Markup.escape(text))
    if day == 1:
        return Markup(escaped.replace("1 ", "1<sup>er</sup>\u00a0", 1))
    return Markup(escaped.replace(f"{day} ", f"{day}\u00a0", 1))


def long_date(moment: dt.date) -> Markup:
    """« vendredi 22 août 2025 »."""
    return _first_of_month(format_date(moment, "EEEE d MMMM y", locale=LOCALE), moment.day)


def long_date_capitalized(moment: dt.date) -> Markup:
    """« Vendredi 22 août 2025 », for headings."""
    text = str(long_date(moment))
    return Markup(text[:1].upper() + text[1:])


def short_date(moment: dt.date) -> Markup:
    """« 22 août 2025 »."""
    return _first_of_month(format_date(moment, "d MMMM y", locale=LOCALE), moment.day)


def month_year(moment: dt.date) -> str:
    """« août 2025 »."""
    return format_date(moment, "MMMM y", locale=LOCALE)


def clock(moment: dt.datetime) -> str:
    """« 14 h 30 », the way French newspapers print times."""
    return format_time(moment, "H' h 'mm", locale=LOCALE).replace(" ", "\u00a0")


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
    "clock": clock,
}
