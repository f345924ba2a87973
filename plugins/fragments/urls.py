"""Article URLs computed once per build.

Pelican computes ``article.url`` on every access (it copies the metadata and formats the date
three times); Pelican itself (checking each article's ``save_as`` as it reads it), the theme, the
entity pages, the feeds and the sitemap ask for each article's URL about twenty times per build.
An article's URL is fixed once Pelican has made the article (its slug, date and status are set),
so it is stored then where Pelican itself looks first: ``override_url`` / ``override_save_as``, the
attributes its ``url``/``save_as`` metadata fields set (see fragments/__init__.py for when).
"""

from __future__ import annotations


def freeze_url(content) -> None:
    content.override_url = content.url
    content.override_save_as = content.save_as
