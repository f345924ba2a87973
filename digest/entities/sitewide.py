"""One entity, one page: the entities of every article merged across the site (pure, no Pelican).

Each article names its entities as ingest wrote them (after the editorial file). Across thousands of
dispatches one entity comes in several spellings; ``merge_site`` joins:

* names equal under ``fold_key``: case, accents, hyphens, apostrophes, Unicode normalisation and
  invisible characters ("Penelope Fillon" / "Pénélope Fillon", "Villeneuve d'Ascq" /
  "Villeneuve-d’Ascq", a name with a zero-width space);
* a person named by initials ("A. Barrow", "J.-P. Raffarin") with the one full name they abbreviate;
* a person named by a surname or a first name alone ("Rachel") with the full name that owns it: the
  only one of the same dispatch, else the only one of the whole site when the two dispatches also
  share a person or an organisation (a handball "Costa" shares nothing with the cyclist Rui Costa's
  Tour de France). Two candidates, or no one in common: left alone;
* a full name with the next "et" glued on ("Adam Yateset", a lost space) with the same name without it;
* a full name one surname short ("Francisco Javier Gómez") with the one longer full name of the site
  that starts with it ("Francisco Javier Gómez Noya"), in the same dispatch or when their dispatches
  share a person or an organisation;
* an organisation named without its leading article ("journaliste au Monde", "du « Monde »") with
  the one the site names with it ("Le Monde", "Les Échos");
* an organisation named short ("ONUB", "Fenix") with the one organisation a dispatch wrote it for
  ("Opération des Nations unies au Burundi (ONUB)", "Fenix Toulouse"), when their dispatches share a
  person or an organisation (``short_organisations``);
* a place named short ("Rio", "Champs-Élysées") with the one longer place of the site it is short
  for, its full name or its head noun written off ("Rio de Janeiro", "avenue des Champs-Élysées"),
  when nothing says it is another place (``short_places``: never a country, "Vincennes" into "Porte
  de Vincennes" nor "Afrique" into "Afrique du Sud"); likewise a place written in another
  transliteration ("Racca", "Abou Dabi") with the most cited one ("Raqqa", "Abou Dhabi");
* a place its dispatch qualified ("Chambéry (Savoie)") with its name alone, unless the site has
  that name in two places (``tell_places_apart``: the two "Saint-Denis").

Near-spellings ("Stimpson" / "Simpson") are never merged here (``spellings``: the likely slips get no
page, every pair is listed for an editor by ``invoke entities-review``).

The merged entity is named by the editorial file, else by the official spelling of a country, a
French region or département when one of its spellings is it ("Côte-d'Or", not "Côte d'Or"), else by
its most cited spelling (ties: the spelling with the most accents and capitals, then the most
hyphens, then the first in alphabetical order); its kind is the editorial one, else the most cited.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .admission import is_bare_kind_word
from .countries import is_country
from .editorial import Editorial
from .keys import OFFICIAL_FORMS, fold_key, form_key, split_qualifier, visible
from .short_organisations import organisations_named_short
from .short_places import short_places
from .model import KINDS

_INITIAL = re.compile(r"[^\W\d_]\.")

ArticleEntities = Sequence[tuple[str, str, str, Sequence[str]]]  # (name, kind, description, forms)




@dataclass(eq=False)
class SiteEntity:
    """An entity of the whole site: its name and kind, and what was merged into it."""

    name: str
    kind: str
    description: str = ""
    editorial: bool = False
    keys: set[str] = field(default_factory=set)  # fold keys of every name merged into it
    spellings: Counter = field(default_factory=Counter)  # name as articles give it -> articles
    kinds: Counter = field(default_factory=Counter)
    articles: int = 0

    @property
    def key(self) -> str:
        return fold_key(self.name)


@dataclass
class SiteMerge:
    entities: list[SiteEntity]  # most cited first
    mentions: list[list[tuple[SiteEntity, list[str]]]]  # per article: (entity, other forms used there)


def most_cited_first(entity: SiteEntity) -> tuple:
    """The order of the site's entities: most cited first, then by name."""
    return (-entity.articles, fold_key(entity.name), entity.name, entity.kind)


def _spelling_rank(name: str, count: int) -> tuple:
    marked = sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c) or c.isupper())
    return (form_key(name) not in OFFICIAL_FORMS, -count, -marked, -name.count("-"), name)


def _groups(resolved: Sequence[ArticleEntities], editorial: Editorial) -> dict[str, SiteEntity]:
    groups: dict[str, SiteEntity] = {}
    spellings: Counter = Counter()  # (name, kind) -> mentions: each name looked up once, not once per mention
    for entities in resolved:
        spellings.update((name, kind) for name, kind, _description, _forms in entities)
    for (name, kind), mentions in spellings.items():
        name = visible(name)
        key = fold_key(name)
        group = groups.get(key)
        if group is None:
            group = groups[key] = SiteEntity(name, kind, keys={key})
        group.spellings[name] += mentions
        group.kinds[kind] += mentions
        entry = editorial.lookup(name)
        if entry is not None and entry.name == name:
            group.editorial, group.name, group.kind, group.description = True, entry.name, entry.kind, entry.description
            group.keys.update(map(fold_key, entry.aliases))  # an alias's former page leads here
    for group in groups.values():
        _name_group(group)
    return groups


def _name_group(group: SiteEntity) -> None:
    if group.editorial:
        return
    group.name = min(group.spellings, key=lambda name: _spelling_rank(name, group.spellings[name]))
    group.kind = min(group.kinds, key=lambda kind: (-group.kinds[kind], KINDS.index(kind)))


def _initials(tokens: list[str]) -> tuple[str, ...] | None:
    """("a",) for "a. barrow": the letters of a name whose words but the last are initials."""
    if len(tokens) < 2 or not all(_INITIAL.fullmatch(t) for t in tokens[:-1]):
        return None
    return tuple(t[0] for t in tokens[:-1])


_NOT_LETTERS = re.compile(r"[\W\d_]+")  # "<Zèbre>" is a capitalised word
_INITIAL_WORD = re.compile(r"(?:[^\W\d_]\.-?)+|[^\W\d_]")


def is_full_person_name(name: str) -> bool:
    """"Jure Dolenec", "Bachar al-Assad", not "Dolenec", "Karabatic L." nor "de Gaulle": two capitalised
    words or more besides initials ("al-Assad" counts by its capitalised part). A person the site only
    knows by a surname (a team sheet, a score line) is named on its dispatches but gets no page:
    readers could not tell who it is, nor that two such pages are one person."""
    return sum(1 for word in visible(name).split()
               if not _INITIAL_WORD.fullmatch(word)
               and any(_NOT_LETTERS.sub("", part)[:1].isupper() for part in word.split("-"))) >= 2


class _Owners:
    """The full person names of the site (two words or more, no initials), by the short names that
    may stand for them: surname, first name, initials + surname."""

    def __init__(self, groups: Mapping[str, SiteEntity]):
        self.of: dict[tuple, set[str]] = defaultdict(set)
        for key, group in groups.items():
            tokens = key.split()
            if group.kind != "personne" or len(tokens) < 2 or _initials(tokens):
                continue
            self.of[("word", tokens[-1])].add(key)
            self.of[("word", tokens[0])].add(key)
            for n in range(1, len(tokens)):
                self.of[("initials", tuple(t[0] for t in tokens[:n]), tokens[-1])].add(key)

    def candidates(self, key: str) -> set[str]:
        """Full names that ``key`` (a short person name) may stand for; empty when it is not short."""
        tokens = key.split()
        if len(tokens) == 1:
            return self.of.get(("word", tokens[0]), set()) - {key}
        letters = _initials(tokens)
        if letters is not None:
            return self.of.get(("initials", letters, tokens[-1]), set()) - {key}
        return set()


def _qualified_place(name: str, kind: str, editorial: Editorial) -> tuple[str, str] | None:
    """(name, qualifier) of a place named with the place a dispatch says it is in ("Saint-Denis (La
    Réunion)", ``admission.place_qualifier``); None for any other name, or the editorial file's."""
    base, qualifier = split_qualifier(name)
    return (base, qualifier) if kind == "lieu" and qualifier and editorial.lookup(name) is None else None


def tell_places_apart(resolved: Sequence[ArticleEntities], editorial: Editorial) -> list[list]:
    """Places qualified by their dispatch keep the qualifier only where the site finds one name in
    two places: "Saint-Denis (La Réunion)" and "Saint-Denis (Seine-Saint-Denis)" are two pages,
    "Chambéry (Savoie)" alone is "Chambéry" (the page of every "Chambéry"). A country tells places
    apart only where nothing smaller does ("Paris (France)", "Paris (États-Unis)"): "Lyon (France)"
    and "Lyon (Rhône)" are one Lyon; a country's name qualified is another place ("Géorgie
    (États-Unis)", the state, never the page of "Géorgie"). A name without qualifier stays as it
    is: the dispatch did not say which."""
    qualifiers: dict[str, dict[str, str]] = defaultdict(dict)  # name -> {qualifier's key: qualifier}
    places: dict[str, tuple[str, str] | None] = {}  # a place's name -> (name, qualifier), None if not qualified
    for entities in resolved:
        for name, kind, _description, _forms in entities:
            if kind == "lieu":
                if name not in places:
                    places[name] = _qualified_place(visible(name), kind, editorial)
                if (found := places[name]):
                    qualifiers[fold_key(found[0])][fold_key(found[1])] = found[1]
    kept: dict[str, set[str]] = {}
    for base, found in qualifiers.items():
        smaller = {key for key, qualifier in found.items() if not is_country(qualifier)}
        telling = smaller or set(found)
        if len(telling) > 1 or is_country(base):  # a country's name in another country is not the country
            kept[base] = telling
    unqualified = {name: found[0] for name, found in places.items()  # the places whose qualifier tells nothing
                   if found and fold_key(found[1]) not in kept.get(fold_key(found[0]), ())}
    if not unqualified:
        return list(resolved)
    return [[(unqualified.get(name, name) if kind == "lieu" else name, kind, description, forms)
             for name, kind, description, forms in entities] for entities in resolved]


def _unglued(key: str, groups: Mapping[str, SiteEntity]) -> set[str]:
    """{"adam yates"} for "adam yateset": a dispatch that lost the space before "et" ("porté par Adam
    Yateset le cycliste...") glues it to a full name the site also has without it."""
    if not key.endswith("et") or " " not in key:
        return set()
    owner = groups.get(key[:-2])
    return {key[:-2]} if owner is not None and owner.kind == "personne" else set()


_LEADING_ARTICLES = ("le ", "la ", "les ", "l ")


def _with_article(groups: Mapping[str, SiteEntity]) -> dict[str, str]:
    """{"monde": "le monde"}: an organisation's key without its leading article -> the key with it,
    where the site has exactly one such organisation."""
    out = {}
    for key, group in groups.items():
        # "Union" stands for every union the dispatches cut short, not for the Reims daily L'Union
        if group.kind == "organisation" and not key.startswith(_LEADING_ARTICLES) and not is_bare_kind_word(group.name):
            longer = [f"{article}{key}" for article in _LEADING_ARTICLES
                      if groups.get(f"{article}{key}") is not None and groups[f"{article}{key}"].kind == "organisation"]
            if len(longer) == 1:
                out[key] = longer[0]
    return out


def _longer_names(groups: Mapping[str, SiteEntity]) -> dict[str, set[str]]:
    """{"francisco javier gomez": {"francisco javier gomez noya"}}: a person's full name -> the site's
    longer full names that start with all its words (a second surname: "Gómez Noya"). Words as
    written: "Jean Lambert" does not start "Jean Lambert-Wild"."""
    people = {key: group.name.split() for key, group in groups.items()
              if group.kind == "personne" and is_full_person_name(group.name)}
    by_words = {tuple(map(fold_key, words)): key for key, words in people.items()}
    out: dict[str, set[str]] = defaultdict(set)
    for words, key in by_words.items():
        for length in range(2, len(words)):
            # the words added are surnames, not a neighbour ("Lionel Messi de Neymar", a span too long)
            if (shorter := by_words.get(words[:length])) is not None and all(
                    word[:1].isupper() for word in people[key][length:]):
                out[shorter].add(key)
    return out


def _company(resolved: Sequence[ArticleEntities], keys: set[str]) -> dict[str, set[str]]:
    """For each of ``keys`` (full names), the people and organisations its dispatches also cite."""
    company: dict[str, set[str]] = defaultdict(set)
    for entities in resolved:
        here = {fold_key(name): kind for name, kind, *_ in entities}
        for key in keys & here.keys():
            company[key].update(other for other, kind in here.items() if kind != "lieu" and other != key)
    return company


def merge_site(resolved: Sequence[ArticleEntities], editorial: Editorial | None = None) -> SiteMerge:
    """The site's entities and each article's, merged (see the module docstring). ``resolved``: per
    article, (name, kind, description, other forms) as ``meanings.resolve_article`` gives them."""
    editorial = editorial or Editorial.empty()
    resolved = tell_places_apart(resolved, editorial)
    groups = _groups(resolved, editorial)
    owners = _Owners(groups)
    site_owner = {}
    longer = _longer_names(groups)
    for key, group in groups.items():
        if group.kind == "personne" and not group.editorial:
            candidates = owners.candidates(key) or _unglued(key, groups) or longer.get(key, set())
            # a surname or a first name alone, or a full name one surname short: only with company
            # in common (initials and a glued "et" say more)
            uncertain = " " not in key or key in longer
            site_owner[key] = (candidates, next(iter(candidates)) if len(candidates) == 1 else None, uncertain)
    named_short = organisations_named_short(resolved, groups)
    company = _company(resolved, {only for _, only, _ in site_owner.values() if only is not None} | set(named_short.values()))
    with_article = _with_article(groups)
    short = short_places(resolved, groups, _company)
    mentions: list[list[tuple[SiteEntity, list[str]]]] = []
    for entities in resolved:
        here = {fold_key(name) for name, *_ in entities}
        cited_with = {fold_key(name) for name, kind, *_ in entities if kind != "lieu"}
        merged: dict[int, tuple[SiteEntity, list[str], set[str]]] = {}  # with the form keys of its name and others
        for name, _kind, _description, forms in entities:
            key = fold_key(name)
            target = groups[key]
            if key in with_article or key in short:
                target = groups[with_article.get(key) or short[key]]
                target.keys.add(key)
            elif key in named_short and (groups[short_for := named_short[key]].editorial or company[short_for] & (cited_with - {key})):
                target = groups[short_for]  # nothing in common: maybe another organisation of those letters ("ITU")
                target.keys.add(key)
            if key in site_owner:
                candidates, only, uncertain = site_owner[key]
                local = candidates & here
                if only is not None and uncertain and not company[only] & (cited_with - {key}):
                    only = None  # no one in common: maybe another person of that name ("Costa")
                owner = next(iter(local)) if len(local) == 1 else (only if not local else None)
                if owner is not None:
                    target = groups[owner]
                    target.keys.add(key)
            if (entry := merged.get(id(target))) is None:
                entry = merged[id(target)] = (target, [], {form_key(target.name)})
            _entity, others, seen = entry
            for form in map(visible, (name, *forms)):  # each form once, never the name retyped
                if (typed := form_key(form)) not in seen:
                    seen.add(typed)
                    others.append(form)
        for entity, _others, _seen in merged.values():
            entity.articles += 1
        mentions.append([(entity, others) for entity, others, _seen in merged.values()])
    used = {id(entity): entity for article in mentions for entity, _ in article}.values()
    entities = sorted(used, key=most_cited_first)
    return SiteMerge(entities, mentions)
