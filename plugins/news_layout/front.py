"""The front page's choices, stated as rules (plain module): the lead dispatch of a day, and the
topics of the moment."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .reading import word_count


def lead_dispatch(day_articles: list):
    """The day's lead ("À la une"): the dispatch whose entities the day's other dispatches cite
    most (for each of its entities, the number of the day's other dispatches citing it, summed);
    ties go to the longest text, then to the newest (the first given)."""
    cited = Counter(url for article in day_articles for url in _mentions(article))

    def weight(article):
        return (sum(cited[url] - 1 for url in _mentions(article)), word_count(article.content))

    return max(day_articles, key=weight)  # max keeps the first of equals


def _entity_pages(article) -> dict:
    """The entity pages ``article`` cites, by URL (one entry a page); an entity cited by too few
    dispatches has no page (ENTITY_MIN_ARTICLES) and is left out."""
    pages = (getattr(mention, "page", mention) for mention in getattr(article, "entities", None) or ())
    return {page.url: page for page in pages if page.url}


def _mentions(article) -> set:
    return set(_entity_pages(article))


def topics(articles: list, days: int, limit: int = 8) -> list[tuple[object, int]]:
    """The entities most cited over the last ``days`` days of the archive (counted back from its
    newest dispatch, not from today: an archive that stopped still has its topics), with the
    number of dispatches citing each; ties by name. ``articles`` newest first."""
    if not articles:
        return []
    since = articles[0].date.date() - dt.timedelta(days=days - 1)
    counted: Counter = Counter()
    pages = {}
    for article in articles:
        if article.date.date() < since:
            break
        cited = _entity_pages(article)
        pages.update(cited)
        counted.update(cited.keys())
    ranked = sorted(counted.items(), key=lambda item: (-item[1], pages[item[0]].name))[:limit]
    return [(pages[url], count) for url, count in ranked]
