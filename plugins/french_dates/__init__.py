"""French dates in templates, written by Babel (no system locale needed), and the convention
that gives a date-only dispatch its moment of publication (``publication``, ``DATE_ONLY_TIME``)."""

from pelican import signals

from .filters import FILTERS


def add_filters(pelican):
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)


def register():
    from .pelican_glue import settle_publication

    signals.initialized.connect(add_filters)
    signals.content_object_init.connect(settle_publication)
