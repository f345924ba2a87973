"""How the site presents the news: reading time, teaser summaries, the front page's lead and
topics, breadcrumbs. The logic is in plain modules (reading.py); this only registers the Jinja
filters."""

from pelican import signals

from .reading import FILTERS


def add_filters(pelican):
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)


def register():
    signals.initialized.connect(add_filters)
