"""A month as a calendar: the weeks of a year page's month grids (plain module)."""

from __future__ import annotations

import calendar
import datetime as dt

_MONDAY_FIRST = calendar.Calendar(firstweekday=calendar.MONDAY)


def month_weeks(moment: dt.date) -> list[list[dt.date | None]]:
    """The weeks of ``moment``'s month, Monday first; None for the days of other months."""
    return [[day if day.month == moment.month else None for day in week]
            for week in _MONDAY_FIRST.monthdatescalendar(moment.year, moment.month)]
