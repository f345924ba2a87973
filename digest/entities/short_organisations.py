"""An organisation the site names two ways, short and whole, as one of its dispatches wrote it ("Opération
des Nations unies au Burundi (ONUB)", "le Fenix Toulouse ... le Fenix"), for ``sitewide.merge_site``."""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping, Sequence

from .admission import is_bare_kind_word, is_generic_without_country, ministry
from .keys import fold_key


def _says_no_one(name: str) -> bool:
    """"Union", "Intérieur", "Sénat": a kind of organisation, a portfolio or an institution every
    country has; the one dispatch that wrote it for one of them does not say it is always that one."""
    return is_bare_kind_word(name) or bool(ministry(name)) or is_generic_without_country(name)


def organisations_named_short(resolved: Sequence, groups: Mapping) -> dict[str, str]:
    """{"onub": "operation des nations unies au burundi"}: an organisation's key -> the key of the one
    other organisation of the site a dispatch wrote it for (one of its forms there: an acronym in
    parentheses, a name cut short), to join wherever it stands alone. Into the editorial file's entity
    when the short name is one ("Fédération internationale de football association (FIFA)" is FIFA's
    page). Left alone: two editorial entities, a name two organisations were given, a kind of organisation, a portfolio or an
    institution of every country. ``groups``: the site's entities by fold key."""
    given: dict[str, set[str]] = defaultdict(set)  # a form's key -> the organisations it was written for
    for entities in resolved:
        for name, kind, _description, forms in entities:
            if kind == "organisation":
                for form in forms:
                    if (key := fold_key(form)) != fold_key(name):
                        given[key].add(fold_key(name))
    out = {}
    for key, owners in given.items():
        short = groups.get(key)
        if short is None or short.kind != "organisation" or len(owners) != 1 or _says_no_one(short.name):
            continue
        whole_key = next(iter(owners))
        whole = groups[whole_key]
        if whole.kind == "organisation" and not (short.editorial and whole.editorial):
            out.update({whole_key: key} if short.editorial else {key: whole_key})
    return out
