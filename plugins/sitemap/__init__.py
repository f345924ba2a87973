"""sitemap.xml and robots.txt for the digest (our own: lastmod from article dates, never build time)."""


def register():
    from pelican import signals

    from .generator import get_generators

    signals.get_generators.connect(get_generators)
