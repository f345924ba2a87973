"""How the site presents the news: reading time, teaser summaries, the front page's lead and
topics, the year page's calendar. The logic is in plain modules (reading.py, calendar_grid.py);
this only registers the Jinja filters."""

from pelican import signals

from . import calendar_grid, reading


def add_filters(pelican):
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.update(reading.FILTERS)
    filters["month_weeks"] = calendar_grid.month_weeks


def register():
    signals.initialized.connect(add_filters)
