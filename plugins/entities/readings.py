"""What the catalog reads in one article's text about one name, kept per article between builds (no
Pelican import). Whether a capitalised common noun is a name (``digest.entities.common_nouns``), and
what an organisation or a place is (``digest.entities.described``), is decided on the words of the
dispatches; what one dispatch's words say of a name depends on its text and that name alone. So each answer is kept with the article's meanings (``meanings.entities_as_meant``:
the same file memo, keyed by the article's content and the code that reads it) and a new dispatch has
its own text read, not the 5 000 others (1.2 to 1.6 CPU s of the catalog of a +1 at 5 000 articles,
measured 2026-12-07, docs/performance.md)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

from digest.entities.common_nouns import capitalised_common_nouns, determiner_uses, is_candidate, writes_lower_case
from digest.entities.described import first_halves, is_facility, is_second_half, names_no_organisation, organisation_uses
from digest.entities.sitewide import SiteEntity
from .context import article_text

_TAG = re.compile(r"<[^>]*>")


def _searched(article) -> str:
    """An article's HTML without its tags: what is searched for a word or a phrase around a name (the
    typeset text writes its characters, not references; no plain-text conversion, 1 ms an article)."""
    return _TAG.sub(" ", getattr(article, "content", "") or "")


def tagless_texts(articles: Sequence) -> Callable[[int], str]:
    """``_searched`` of the article of each index, made once for the catalog's passes, and only if a
    reading asks for it."""
    made: dict[int, str] = {}

    def text(index: int) -> str:
        if index not in made:
            made[index] = _searched(articles[index])
        return made[index]
    return text


def _articles_of(wanted: set[int], site) -> dict[int, list[int]]:
    """For each entity of ``wanted`` (their ``id``), the indexes of the articles citing it."""
    own: dict[int, list[int]] = defaultdict(list)
    for index, found in enumerate(site.mentions):
        for entity, _forms in found:
            if id(entity) in wanted:
                own[id(entity)].append(index)
    return own


def kept(readings: MutableMapping[str, Any], question: str, name: str, read: Callable[[], Any]) -> Any:
    """What ``read()`` answers of ``name`` in one article, asked once per article content: ``readings``
    is that article's store, ``{question: {name: answer}}`` (JSON: a tuple comes back a list)."""
    answers = readings.setdefault(question, {})
    if name not in answers:
        answers[name] = read()
    return answers[name]


def without_common_nouns(published: list[SiteEntity], articles: Sequence, site, readings: Sequence[MutableMapping],
                         tagless: Callable[[int], str]) -> list[SiteEntity]:
    """``published`` without the organisations and places named by a capitalised common noun ("la Gauche", "l'Univers",
    ``digest.entities.common_nouns``): named on their dispatches, no page. An editor's entity stays.
    ``readings``: each article's store (``kept``); ``tagless``: ``tagless_texts(articles)``."""
    candidates = {id(entity) for entity in published if not entity.editorial and is_candidate(entity.name, entity.kind)}
    if not candidates:
        return published
    own = _articles_of(candidates, site)  # the site's other dispatches are only searched for a word

    def uses(name: str, index: int):
        return kept(readings[index], "uses", name, lambda: determiner_uses(name, article_text(articles[index])))

    def lower(name: str, index: int) -> bool:
        return kept(readings[index], "lower", name, lambda: writes_lower_case(name, tagless(index)))

    names = capitalised_common_nouns(((entity.name, own[id(entity)]) for entity in published if id(entity) in candidates),
                                     range(len(articles)), uses, lower)
    return [entity for entity in published if id(entity) not in candidates or entity.name not in names]


def as_their_dispatches_describe(published: list[SiteEntity], articles: Sequence, site, readings: Sequence[MutableMapping],
                                 tagless: Callable[[int], str]) -> list[SiteEntity]:
    """``published`` without the organisations their dispatches show are none (a programme, a product, the
    end of a longer name: "Medicaid", "Telegram") nor the places only ever written as the second half of
    a name ("Batley et Spen"); the buildings and sites among the organisations typed places ("observatoire
    de Parkes", "Ericsson Globe"), as ``digest.entities.described`` reads them. An editor's entity stays
    as the editor typed it. ``readings``, ``tagless``: as for ``without_common_nouns``."""
    read = {id(entity) for entity in published if not entity.editorial and (
        entity.kind == "organisation" or entity.kind == "lieu" and " " not in entity.name)}
    own = _articles_of(read, site)

    def organisation(name: str, index: int):
        return kept(readings[index], "organisation", name, lambda: organisation_uses(name, tagless(index)))

    def place(name: str, index: int):
        return kept(readings[index], "place", name, lambda: first_halves(name, tagless(index)))

    described = []
    for entity in published:
        indexes = own[id(entity)] if id(entity) in read else ()
        if entity.kind == "lieu" and indexes and is_second_half(entity.name, indexes, place):
            continue
        if entity.kind == "organisation" and indexes:
            if names_no_organisation(entity.name, indexes, organisation):
                continue
            if is_facility(entity.name, indexes, organisation):
                entity.kind = "lieu"
        described.append(entity)
    return described
