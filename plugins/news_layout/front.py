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
    cited = Counter(page for article in day_articles for page in set(_mentions(article)))

    def weight(article):
        mine = set(_mentions(article))
        return (sum(cited[page] - 1 for page in mine), word_count(article.content))

    return max(day_articles, key=weight)  # max keeps the first of equals


def _mentions(article):
    return [mention.page for mention in getattr(article, "entities", None) or ()]


def topics(articles: list, days: int, limit: int = 8) -> list[tuple[object, int]]:
    """The entities most cited over the last ``days`` days of the archive (counted back from its
    newest dispatch, not from today: an archive that stopped still has its topics), with the
    number of dispatches citing each; ties by name. ``articles`` newest first."""
    if not articles:
        return []
    since = articles[0].date.date() - dt.timedelta(days=days - 1)
    counted: Counter = Counter()
    for article in articles:
        if article.date.date() < since:
            break
        counted.update(set(_mentions(article)))
    return sorted(counted.items(), key=lambda item: (-item[1], item[0].name))[:limit]
