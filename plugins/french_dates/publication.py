"""When a dispatch was published, as pages, feeds, JSON-LD and the sitemap all say it.

A dispatch dated with a time keeps it. A dispatch dated with a day only is published at one stated
hour of the site's time zone (``DATE_ONLY_TIME``, 12:00 Europe/Paris): noon in Paris is 10:00 or
11:00 UTC, so the calendar day stays the same for readers from UTC−10 (00:00 or 01:00) to UTC+12
(22:00 or 23:00), where midnight Paris showed the previous day to everyone west of Paris. Such a
date carries no time: pages show the day only (``has_time`` is false).

Pure module: no Pelican (the plugin applies it to each article as Pelican makes it).
"""

from __future__ import annotations

import datetime as dt


def parse_clock(text: str) -> dt.time:
    """``"12:00"`` -> ``time(12, 0)`` (the setting's format, ``HH:MM``)."""
    try:
        return dt.time.fromisoformat(str(text).strip())
    except ValueError as error:
        raise ValueError(f"DATE_ONLY_TIME: « {text} » n'est pas une heure HH:MM") from error


def is_date_only(declared: dt.datetime) -> bool:
    """True for a front-matter date written as a day (``Date: 2025-08-22``): Pelican reads it as a
    naive midnight. Ingest writes every known time with its offset (``2025-08-22 14:30:00+02:00``),
    so a naive midnight is a day without a time (a hand-written ``00:00`` reads the same way)."""
    return declared.tzinfo is None and declared.time() == dt.time(0)


def publication_moment(declared: dt.datetime, localized: dt.datetime, date_only_time: dt.time) -> tuple[dt.datetime, bool]:
    """(the moment of publication, whether its time is known).

    ``declared``: the date as read from the front matter; ``localized``: the same date in the site's
    time zone (Pelican's ``article.date``), whose type is kept."""
    if not is_date_only(declared):
        return localized, True
    moment = localized.replace(hour=date_only_time.hour, minute=date_only_time.minute, second=0, microsecond=0)
    return moment, False
