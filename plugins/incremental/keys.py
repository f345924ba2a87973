"""What each reusable output file is made of, as a key (plain module: no Pelican import).

A key is a hash of everything the file shows that can change from one build to the next without
the settings, the theme or the code changing (those make a new version of the whole cache, see
digest/site.py): an article page shows its article, its entities, its related and neighbouring
articles; an entity page and its feed show the entity and all its articles. An article enters a
key by its identity: the bytes of its source file, its URL, its dates and its entities' names and
URLs (an entity's URL can change when another entity's name takes its slug). A day, month or year
page shows the articles of its period. An article that links to other content by Pelican's
``{filename}`` syntax is never reused.

Keys are deliberately coarse (a related article's identity instead of the title and date the
page shows of it): a page rendered for nothing costs milliseconds, a stale page is a bug.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable

# Pelican's links to other content ({filename}b.md, |static|img.png...): the page shows the URL of
# another file, which its key does not follow. An article using them is rendered every time.
INTRASITE_LINK = re.compile(rb"[{|](?:filename|static|attach|index|tag|category|author)[}|]")


def _hash(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, default=str).encode()).hexdigest()


def source_fingerprint(source: bytes | None) -> str | None:
    """What an article's identity takes of its file's bytes: their digest; None when the page must
    be rendered at every build (no file behind it, or links to other content by its file)."""
    if source is None or INTRASITE_LINK.search(source):
        return None
    return hashlib.sha256(source).hexdigest()


def article_identity(article, fingerprint: str | None) -> str:
    """``fingerprint``: ``source_fingerprint`` of the article's file."""
    if fingerprint is None:
        fingerprint = os.urandom(16).hex()  # never the previous build's identity: always rendered
    entities = [(entity.name, entity.kind, entity.url) for entity in getattr(article, "entities", None) or ()]
    modified = getattr(article, "modified", None)
    return _hash(
        [
            fingerprint,
            article.url,
            article.save_as,
            article.date.isoformat(),
            modified.isoformat() if modified else None,
            entities,
        ]
    )


def site_keys(articles: Iterable, entity_pages: Iterable, fingerprint_of: Callable[[object], str | None], listings: Iterable = ()) -> dict[str, str]:
    """``{output path: key}`` of every article page, entity page and entity feed of the site, and
    of each listing page (``save_as``, the ``dates`` it lists and the URLs of the periods before and
    after it, ``older`` and ``newer``: the day, month and year pages)."""
    articles = list(articles)
    identity = {id(article): article_identity(article, fingerprint_of(article)) for article in articles}

    def of(article) -> str | None:
        return identity.get(id(article)) if article is not None else None

    keys = {}
    for article in articles:
        related = [of(other) for other in getattr(article, "related", None) or ()]
        keys[article.save_as] = _hash(["article", of(article), related, of(getattr(article, "newer", None)), of(getattr(article, "older", None))])
    for page in entity_pages:
        listed = [of(article) for article in page.articles]
        shown = [page.name, page.kind, page.url, page.feed_url, page.description, list(page.forms), listed]
        keys[page.save_as] = _hash(["entity", shown, [(other.name, other.kind, other.url, shared) for other, shared in page.related]])
        keys[page.feed_save_as] = _hash(["entity feed", shown])
    for listing in listings:
        neighbours = [period.url if period else None for period in (listing.older, listing.newer)]
        keys[listing.save_as] = _hash(["listing", listing.save_as, [of(article) for article in listing.dates], neighbours])
    return keys
