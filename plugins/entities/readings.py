"""What the catalog reads in one article's text about one name, kept per article between builds (no
Pelican import). Whether a capitalised common noun is a name (``digest.entities.common_nouns``) is
decided on the words of the dispatches; what one dispatch's words say of a name depends on its text
and that name alone. So each answer is kept with the article's meanings (``meanings.entities_as_meant``:
the same file memo, keyed by the article's content and the code that reads it) and a new dispatch has
its own text read, not the 5 000 others (1.2 to 1.6 CPU s of the catalog of a +1 at 5 000 articles,
measured 2026-12-07, docs/performance.md)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

from digest.entities.common_nouns import capitalised_common_nouns, determiner_uses, is_candidate, writes_lower_case
from digest.entities.sitewide import SiteEntity
from .context import article_text

_TAG = re.compile(r"<[^>]*>")


def searched(article) -> str:
    """An article's HTML without its tags: what is searched for a word or a phrase around a name (the
    typeset text writes its characters, not references; no plain-text conversion, 1 ms an article)."""
    return _TAG.sub(" ", getattr(article, "content", "") or "")


def kept(readings: MutableMapping[str, Any], question: str, name: str, read: Callable[[], Any]) -> Any:
    """What ``read()`` answers of ``name`` in one article, asked once per article content: ``readings``
    is that article's store, ``{question: {name: answer}}`` (JSON: a tuple comes back a list)."""
    answers = readings.setdefault(question, {})
    if name not in answers:
        answers[name] = read()
    return answers[name]


def without_common_nouns(published: list[SiteEntity], articles: Sequence, site, readings: Sequence[MutableMapping]) -> list[SiteEntity]:
    """``published`` without the organisations and places named by a capitalised common noun ("la Gauche", "l'Univers",
    ``digest.entities.common_nouns``): named on their dispatches, no page. An editor's entity stays.
    ``readings``: each article's store (``kept``)."""
    candidates = {id(entity) for entity in published if not entity.editorial and is_candidate(entity.name, entity.kind)}
    if not candidates:
        return published
    own: dict[int, list[int]] = defaultdict(list)  # entity -> the indexes of its articles
    for index, found in enumerate(site.mentions):
        for entity, _forms in found:
            if id(entity) in candidates:
                own[id(entity)].append(index)
    tagless: dict[int, str] = {}  # the site's other dispatches are only searched for a word: their HTML without its tags will do

    def uses(name: str, index: int):
        return kept(readings[index], "uses", name, lambda: determiner_uses(name, article_text(articles[index])))

    def lower(name: str, index: int) -> bool:
        def read() -> bool:
            if index not in tagless:
                tagless[index] = searched(articles[index])
            return writes_lower_case(name, tagless[index])
        return kept(readings[index], "lower", name, read)

    names = capitalised_common_nouns(((entity.name, own[id(entity)]) for entity in published if id(entity) in candidates),
                                     range(len(articles)), uses, lower)
    return [entity for entity in published if id(entity) not in candidates or entity.name not in names]
