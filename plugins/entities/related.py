"""What else a reader may follow from an article or an entity page (no Pelican import): an
entity's most frequent companions, and the articles that read as the same story.

Both run on a catalog already built (``pages.build_catalog`` calls them once its pages hold
their articles, newest first)."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

import numpy

from digest.entities.editorial import norm_key


def related_entities(articles: list, limit: int) -> None:
    """Each published entity's most frequent companions among the published ones (a link each)."""
    together: dict = defaultdict(Counter)  # entity page -> its companions
    for article in articles:
        here = [mention.page for mention in article.entities if mention.page.url]
        for page in here:
            together[page].update(here)  # itself too (Counter counts a list in C): removed below
    for page, counter in together.items():
        del counter[page]
        page.related = most_frequent(counter, limit)


def most_frequent(counter: Counter, limit: int) -> list:
    """The ``limit`` most frequent of ``counter``'s entity pages with their counts, ties by name. Only
    those as frequent as the ``limit``-th are ranked by name (a site's entities have thousands of
    companions seen once: 180 000 names to fold at 5 000 articles, for a few links each)."""
    items = counter.items()
    if 0 < limit < len(counter):
        least = heapq.nlargest(limit, counter.values())[-1]
        items = [item for item in items if item[1] >= least]
    return heapq.nsmallest(limit, items, key=lambda item: (-item[1], norm_key(item[0].name), item[0].name))


# Days apart that halve how related two articles read: a story is followed by its sequel of next
# week rather than by a namesake of three years before.
RELATED_DAYS_SCALE = 30


def related_score(rarity, days_apart):
    """Relatedness of two articles: the summed rarity (IDF) of the entities they share, divided by
    1 + days apart / RELATED_DAYS_SCALE."""
    return rarity / (1 + abs(days_apart) / RELATED_DAYS_SCALE)


def related_articles(articles: list, total: int, limit: int) -> None:
    """For each article, the ``limit`` others that read as the same story: ranked by
    ``related_score`` (each shared entity weighs log((N + 1) / its number of articles), so a rare
    name counts for much and "France" for little, and closeness in time), then the newest. A single
    shared place is never enough: two stories in one city (a shooting in Orlando, an orca at
    SeaWorld Orlando) are not related. Counted with numpy over the articles of each shared entity."""
    index = {id(article): number for number, article in enumerate(articles)}  # 0 = newest
    members = {}  # entity page -> indexes of its articles
    for article in articles:
        for mention in article.entities:
            if mention.page not in members:
                members[mention.page] = numpy.fromiter((index[id(a)] for a in mention.page.articles), dtype=numpy.int64)
    weights = {page: math.log((total + 1) / len(page.articles)) for page in members}
    count = len(articles)
    days = numpy.fromiter((article.date.toordinal() for article in articles), dtype=numpy.int64, count=count)
    for number, article in enumerate(articles):
        pages = [mention.page for mention in article.entities]
        if not pages:
            article.related, article.related_shared = [], {}
            continue
        sizes = [len(members[page]) for page in pages]
        others = numpy.concatenate([members[page] for page in pages])  # an article once per shared entity
        # counted per article index (no sort of ``others``); each sum adds in the order of ``others``
        shared = numpy.bincount(others, minlength=count)
        rarity = numpy.bincount(others, weights=numpy.repeat([weights[page] for page in pages], sizes), minlength=count)
        not_places = numpy.bincount(others, weights=numpy.repeat([page.kind != "lieu" for page in pages], sizes), minlength=count)
        shared[number] = 0  # never the article itself
        candidates = numpy.flatnonzero((shared >= 2) | ((shared >= 1) & (not_places >= 1)))
        shared = shared[candidates]
        score = related_score(rarity[candidates], days[candidates] - days[number])
        # scores rounded so that float sums in another order still tie
        ranked = -numpy.round(score, 9)
        if 0 < limit < len(ranked):  # only those that may rank among the first ``limit`` are sorted
            within = numpy.flatnonzero(ranked <= numpy.partition(ranked, limit - 1)[limit - 1])
            candidates, shared, ranked = candidates[within], shared[within], ranked[within]
        order = numpy.lexsort((candidates, ranked))[:limit]  # lexsort: last key first
        article.related = [articles[i] for i in candidates[order]]
        article.related_shared = {articles[i].slug: int(n) for i, n in zip(candidates[order], shared[order])}
