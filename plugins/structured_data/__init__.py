"""schema.org JSON-LD for the pages that are not articles (an article's NewsArticle is
``entities.generator.news_article``), and the site's publisher they all name.

* ``structured_data.schema`` -- the plain module (no Pelican): dicts for ``|tojson``;
* here: ``register()`` only, which adds the Jinja global ``web_site()`` (home) and the filter
  ``collection_page`` (entity pages), bound to the site's settings.
"""


def register():
    from pelican import signals

    from .schema import add_filters

    signals.initialized.connect(add_filters)
