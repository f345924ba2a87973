"""Where an entity's former addresses lead (pure, no Pelican): the forms a published entity alone
goes by, whose old pages redirect to it (``former_pages_lead_here``), and, for a recorded address
whose entity has no page now, the entity that took its dispatches and the date of the newest one
naming it (``where_dispatches_went``). ``pages.build_catalog`` makes the redirects from them."""

from __future__ import annotations

from collections import defaultdict

from digest.entities.admission import is_bare_kind_word, is_generic_institution, ministry
from digest.entities.keys import split_qualifier
from digest.entities.sitewide import SiteEntity, fold_key


def former_pages_lead_here(published: list[SiteEntity], site) -> None:
    """A form one published entity alone goes by ("Canard", now read as Le Canard enchaîné in its
    dispatch) leads to it: the page that form once had redirects there (``slugfile.assign``)."""
    owners: dict[str, set[int]] = defaultdict(set)
    ids = {id(entity) for entity in published}
    names = {entity.key for entity in published}
    for found in site.mentions:
        for entity, forms in found:
            if id(entity) in ids:
                for form in forms:  # not "Union": a kind of organisation says no one
                    if " " in form or not (ministry(form) or is_bare_kind_word(form)):
                        owners[fold_key(form)].add(id(entity))
    by_id = {id(entity): entity for entity in published}
    for key, entities in owners.items():
        if len(entities) == 1 and key not in names:
            by_id[next(iter(entities))].keys.add(key)


def where_dispatches_went(names: list[str], articles: list, site) -> dict[str, tuple[set[int], object]]:
    """``{name: (ids of the entities that took its mentions, date of the newest dispatch naming it)}`` for
    recorded entities that have no page now (no dispatch names it any more: no entity, no date). An entity
    took a dispatch's mention when it goes by that name there (a spelling the site-wide merge joined, an
    editor's rename); when it is the same generic institution, the country attribution having moved the
    dispatch: "ministère de l'Outre-mer" to "ministère de l'Outre-mer (France)", "Assemblée nationale
    (Belgique)" to "Assemblée nationale (France)" in a dispatch that cites Belgium; failing both, when the
    name was cut short of the one it goes by now ("Journal du" of "Journal du Dimanche")."""
    exact: dict[str, list[str]] = defaultdict(list)  # fold key -> names
    generic: dict[str, list[tuple[str, str | None]]] = defaultdict(list)  # institution -> (name, country)
    for name in names:
        exact[fold_key(name)].append(name)
        base, qualifier = split_qualifier(name)
        if is_generic_institution(base):
            generic[fold_key(base)].append((name, fold_key(qualifier) if qualifier else None))
    gone: dict[str, tuple[set[int], object]] = {name: (set(), None) for name in names}
    longer: dict[str, tuple[set[int], object]] = {name: (set(), None) for name in names}
    # one pass over the site, each mention's names looked up (not each retired name against each mention)
    for article, found in zip(articles, site.mentions):
        places = {fold_key(entity.name) for entity, _forms in found if entity.kind == "lieu"}
        taken: dict[str, list] = defaultdict(list)
        within: dict[str, list] = defaultdict(list)
        for entity, forms in found:
            keys = {fold_key(entity.name), *map(fold_key, forms)}
            base, qualifier = split_qualifier(entity.name)
            for key in keys:
                for name in exact.get(key, ()):
                    taken[name].append(entity)
                words = key.split()
                for size in range(1, len(words)):  # the name cut short: a run of its words
                    for first in range(len(words) - size + 1):
                        for name in exact.get(" ".join(words[first:first + size]), ()):
                            within[name].append(entity)
            for name, country in generic.get(fold_key(base), ()) if qualifier else ():
                if country is None or country in places:
                    taken[name].append(entity)
        for name, entities in taken.items():
            _took(gone, name, entities, article.date)
        for name, entities in within.items():
            if name not in taken:
                _took(longer, name, entities, article.date)
    return {name: gone[name] if gone[name][0] else longer[name] for name in names}


def _took(gone: dict, name: str, entities: list, date) -> None:
    if entities:
        owners, newest = gone[name]
        owners.update(id(entity) for entity in entities)
        gone[name] = (owners, date if newest is None or date > newest else newest)
