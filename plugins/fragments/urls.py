"""Article URLs computed once per build.

Pelican computes ``article.url`` on every access (it copies the metadata and formats the date
three times); the theme, the entity pages, the feeds and the sitemap ask for each article's URL
about twenty times per build. Once the articles are read their URLs no longer change, so each
one is stored where Pelican itself looks first: ``override_url`` / ``override_save_as``, the
attributes its ``url``/``save_as`` metadata fields set.
"""

from __future__ import annotations

from collections.abc import Iterable


def freeze_urls(contents: Iterable) -> None:
    for content in contents:
        content.override_url = content.url
        content.override_save_as = content.save_as
