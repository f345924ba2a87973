"""entities.pages: related articles are the ones sharing the most entities, the rarer first, then
the newest, as a plain count over every pair of articles would rank them."""

from __future__ import annotations

import math
import random

from entities.editorial import Editorial, EditorialEntry
from entities.pages import build_catalog

NAMES = ["Mark Rutte", "Volodymyr Zelensky", "Emmanuel Macron", "Angela Merkel", "Joe Biden"]
PLACES = ["Kiev", "France", "Paris", "Moscou", "Berlin", "Bruxelles"]


class FakeArticle:
    def __init__(self, slug, people, places):
        self.slug = slug
        self.metadata = {"personnes": "; ".join(people), "lieux": "; ".join(places)}


def expected_related(articles, limit):
    """Every pair of articles compared: the reference ranking, written the obvious way."""
    keys = [{(m.name, m.kind) for m in article.entities} for article in articles]
    counts = {}
    for entities in keys:
        for key in entities:
            counts[key] = counts.get(key, 0) + 1
    related = []
    for number, mine in enumerate(keys):
        ranked = []
        for other_number, theirs in enumerate(keys):
            common = mine & theirs
            if other_number != number and common:
                rarity = sum(math.log((len(articles) + 1) / counts[key]) for key in common)
                ranked.append((-len(common), -round(rarity, 9), other_number))
        related.append([articles[i].slug for *_, i in sorted(ranked)[:limit]])
    return related


def test_related_articles_match_a_pairwise_count():
    rng = random.Random(7)
    articles = [
        FakeArticle(f"a{n}", rng.sample(NAMES, rng.randint(0, 3)), rng.sample(PLACES, rng.randint(0, 3)))
        for n in range(120)
    ]
    build_catalog(articles, Editorial.empty(), {"ENTITY_RELATED_ARTICLES": 5})
    assert [[other.slug for other in article.related] for article in articles] == expected_related(articles, 5)
    lonely = next(article for article in articles if not article.entities)
    assert lonely.related == [] and lonely.related_shared == {}
    busy = max(articles, key=lambda article: len(article.entities))
    assert all(1 <= shared <= len(busy.entities) for shared in busy.related_shared.values())


def test_related_articles_match_a_pairwise_count_when_few_share_much():
    """A larger archive where a few entities are everywhere and most are rare: only the articles
    sharing as much as the fifth best are ranked, ties on one common entity included."""
    rng = random.Random(11)
    people = [f"Personne {n}" for n in range(60)]
    places = ["France", "Paris"] + [f"Ville {n}" for n in range(40)]
    weights = [1 / (rank + 1) for rank in range(len(places))]  # "France" in most, "Ville 39" in few
    articles = []
    for n in range(300):
        chosen_places = {rng.choices(places, weights)[0] for _ in range(rng.randint(0, 4))}
        articles.append(FakeArticle(f"a{n}", rng.sample(people, rng.randint(0, 2)), sorted(chosen_places)))
    build_catalog(articles, Editorial.empty(), {"ENTITY_RELATED_ARTICLES": 5})
    assert [[other.slug for other in article.related] for article in articles] == expected_related(articles, 5)
    assert any(len(article.entities) == 1 and len(article.related) == 5 for article in articles)


def test_the_names_the_search_page_matches_are_every_entity_most_cited_first():
    articles = [FakeArticle("a1", ["Mark Rutte | Rutte", "Émile Zola"], ["Kiev"]),
                FakeArticle("a2", ["Mark Rutte | M. Rutte"], ["Kiev", "Paris"]),
                FakeArticle("a3", ["Mark Rutte", "Angela Merkel"], ["Paris", "Kiev"])]
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [
        ["Kiev", "lieu", "lieux/kiev/", 3, []],
        ["Mark Rutte", "personne", "personnes/mark-rutte/", 3, ["Rutte", "M. Rutte"]],
        ["Paris", "lieu", "lieux/paris/", 2, []],
        ["Angela Merkel", "personne", "personnes/angela-merkel/", 1, []],
        ["Émile Zola", "personne", "personnes/emile-zola/", 1, []],
    ] == build_catalog(articles, Editorial.empty(), {"ENTITY_MIN_ARTICLES": 1}).names()
    # by default a page (and a name the search page finds) needs two dispatches
    assert [name for name, *_ in catalog.names()] == ["Kiev", "Mark Rutte", "Paris"]


def test_an_entity_cited_once_is_named_without_a_page_unless_editorial():
    articles = [FakeArticle("a1", ["Mark Rutte", "Émile Zola", "Angela Merkel"], ["Kiev"]),
                FakeArticle("a2", ["Mark Rutte"], ["Kiev", "Paris"])]
    editorial = Editorial([EditorialEntry("Angela Merkel", "personne")])
    catalog = build_catalog(articles, editorial, {})
    assert [page.name for page in catalog.all()] == ["Angela Merkel", "Mark Rutte", "Kiev"]
    shown = {mention.name: mention.url for mention in articles[0].entities}
    assert shown == {"Mark Rutte": "personnes/mark-rutte/", "Émile Zola": "", "Angela Merkel": "personnes/angela-merkel/",
                     "Kiev": "lieux/kiev/"}
    assert catalog.slug_records["personne"] == {"mark-rutte": "Mark Rutte", "angela-merkel": "Angela Merkel"}
    rutte = catalog.get_entity("Mark Rutte", "personne")
    assert [other.name for other, _ in rutte.related] == ["Kiev", "Angela Merkel"]  # no link to a page not written


def test_a_generic_institution_with_no_country_gets_no_page():
    articles = [FakeArticle("a1", [], ["Paris"]), FakeArticle("a2", [], ["Paris"])]
    for article in articles:
        article.metadata["organisations"] = "Parlement; Sénat (France)"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [page.name for page in catalog["organisation"]] == ["Sénat (France)"]
    assert {mention.name: mention.url for mention in articles[0].entities if mention.kind == "organisation"} == \
        {"Parlement": "", "Sénat (France)": "organisations/senat-france/"}
