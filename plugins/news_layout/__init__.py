"""How the site presents the news: reading time, teaser summaries, the front page's lead and
topics, the year page's calendar. The logic is in plain modules (reading.py, summary.py,
front.py, calendar_grid.py); this only registers the Jinja filters."""

from pelican import signals

from . import calendar_grid, front, reading, summary


def teaser_summary(article) -> str:
    # Ingest writes a Summary that starts where the headline's content ends (digest/teaser.py);
    # an article without one (an editor removed it) is summed up from its text.
    text = getattr(article, "summary", None) or article.content
    return summary.teaser_summary(getattr(article, "title_html", None) or article.title, text)


def add_filters(pelican):
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.update(reading.FILTERS)
    filters["month_weeks"] = calendar_grid.month_weeks
    filters["teaser_summary"] = teaser_summary
    filters["lead_dispatch"] = front.lead_dispatch
    filters["topics"] = front.topics


def register():
    signals.initialized.connect(add_filters)
