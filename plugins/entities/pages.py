"""The site's entity pages, computed from the articles (no Pelican import: testable alone).

``build_catalog(articles, editorial, settings)`` reads each article's front matter
(``personnes``/``organisations``/``lieux``, see ``digest.entities.model``), resolves every entity
through the editorial file (``meanings``: an alias written in an article still lands on the canonical page,
a stopped name is dropped), gives each distinct (name, kind) a unique slug in its kind's
folder, and returns an :class:`EntityCatalog`. It also sets on each article:

* ``article.entities``  ordered list of :class:`ArticleEntity` (people, then organisations,
  then places; front-matter order inside a kind);
* ``article.related``   up to ``ENTITY_RELATED_ARTICLES`` articles sharing the rarest entities,
  nearest in time first (``related.related_score``; never a single shared place);
* ``article.newer`` / ``article.older``  neighbours in date order (None at the ends).
"""

from __future__ import annotations

import functools
import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from digest.entities.editorial import Editorial, norm_key
from digest.entities.model import KINDS, FRONT_MATTER_KEYS
from digest.entities.sitewide import SiteEntity, fold_key, form_key, is_full_person_name, merge_site
from digest.entities.spellings import slips

from digest.entities import slugfile
from digest.entities.admission import is_bare_kind_word, is_generic_without_country, ministry, without_adjective
from digest.entities.club_sports import tell_sports_apart
from digest.entities.town_clubs_and_characters import is_character, is_town_club
from digest.file_memo import FileMemo
from french_typography.rules_words import accented_capitals
from digest.settings import setting
from .context import article_text, most_given_role, roles
from .former_addresses import former_pages_lead_here, where_dispatches_went
from .meanings import entities_as_meant
from .readings import as_their_dispatches_describe, tagless_texts, without_common_nouns
from .related import related_articles, related_entities

KIND_FOLDERS = dict(FRONT_MATTER_KEYS)  # personne -> personnes, organisation -> organisations, lieu -> lieux
KIND_LABELS = {"personne": "Personne", "organisation": "Organisation", "lieu": "Lieu"}
KIND_PLURAL_LABELS = {"personne": "Personnes", "organisation": "Organisations", "lieu": "Lieux"}
SCHEMA_TYPES = {"personne": "Person", "organisation": "Organization", "lieu": "Place"}

@dataclass(eq=False)
class EntityPage:
    """One entity of the site: its page, its feed, its articles (newest first)."""

    name: str
    kind: str
    slug: str = ""
    description: str = ""
    url: str = ""
    save_as: str = ""
    feed_url: str = ""
    articles: list = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # every other form used in the articles
    related: list[tuple["EntityPage", int]] = field(default_factory=list)  # (entity, shared articles)

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.kind)

    @property
    def kind_folder(self) -> str:
        return KIND_FOLDERS[self.kind]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def schema_type(self) -> str:
        return SCHEMA_TYPES[self.kind]

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def feed_save_as(self) -> str:
        return self.feed_url

    @property
    def newest(self):
        return self.articles[0] if self.articles else None

    @functools.cached_property
    def role(self) -> str:
        """A person's function as the newest dispatches write it in apposition ("secrétaire général de
        l'OTAN"), shown when entities.toml gives no description; computed only for pages rendered."""
        if self.kind != "personne" or self.description:
            return ""
        return most_given_role((article_text(article), self.forms_in(article)) for article in self.articles[:ROLE_ARTICLES])

    @functools.cached_property
    def role_years(self) -> str:
        """When the dispatches gave that role ("2017", "2016 à 2017"): a function changes, the page
        says as of when it reads so (Bernard Cazeneuve, ministre de l'Intérieur, then Premier ministre)."""
        if not self.role:
            return ""
        years = sorted({article.date.year for article in self.articles[:ROLE_ARTICLES]
                        if self.role in roles(article_text(article), self.forms_in(article))})
        return f"{years[0]}" if years[0] == years[-1] else f"{years[0]} à {years[-1]}"

    def forms_in(self, article) -> tuple[str, ...]:
        """The names this entity goes by in ``article``."""
        mention = next((m for m in getattr(article, "entities", ()) if m.page is self), None)
        return (self.name, *(mention.forms if mention else ()))

    def __repr__(self) -> str:
        return f"<EntityPage {self.kind}:{self.name} /{self.url}>"


ROLE_ARTICLES = 50  # the newest dispatches a role is read from


@dataclass(frozen=True, eq=False)
class ArticleEntity:
    """An entity as one article mentions it: the site's entity plus the forms used there."""

    page: EntityPage
    forms: tuple[str, ...]  # other forms used in this article (never the canonical name)

    name = property(lambda self: self.page.name)
    kind = property(lambda self: self.page.kind)
    slug = property(lambda self: self.page.slug)
    url = property(lambda self: self.page.url)
    feed_url = property(lambda self: self.page.feed_url)
    description = property(lambda self: self.page.description)
    kind_label = property(lambda self: self.page.kind_label)
    schema_type = property(lambda self: self.page.schema_type)


class EntityCatalog(dict):
    """``{kind: [EntityPage, ...]}`` in KINDS order, each list sorted by name; also iterable flat."""

    slug_records: dict = {}  # what digest.entities.slugfile records: {kind: {slug: name}}
    redirects: list = []  # Redirect pages

    def __init__(self, pages: Iterable[EntityPage]):
        super().__init__((kind, []) for kind in KINDS)
        for page in sorted(pages, key=lambda p: (norm_key(p.name), p.name)):
            self[page.kind].append(page)
        self._by_key = {page.key: page for kind in KINDS for page in self[kind]}

    def all(self) -> list[EntityPage]:
        return [page for kind in KINDS for page in self[kind]]

    def get_entity(self, name: str, kind: str) -> EntityPage | None:
        return self._by_key.get((name, kind))

    def groups(self):
        """[(kind, plural label, pages)] for templates."""
        return [(kind, KIND_PLURAL_LABELS[kind], self[kind]) for kind in KINDS]

    def most_cited(self, kind: str, limit: int) -> list[EntityPage]:
        return heapq.nsmallest(limit, self[kind], key=lambda page: (-page.count, norm_key(page.name), page.name))

    def by_letter(self, kind: str) -> list[tuple[str, list[EntityPage]]]:
        """``[(letter, pages), ...]`` A to Z (then "#"): people by surname, the others by name."""
        letters: dict[str, list[EntityPage]] = defaultdict(list)
        for page in sorted(self[kind], key=lambda page: (index_key(page), page.name)):
            first = next((c for c in index_key(page) if c.isalnum()), "#").upper()
            letters[first if "A" <= first <= "Z" else "#"].append(page)
        return sorted(letters.items(), key=lambda item: (item[0] == "#", item[0]))

    def __len__(self) -> int:  # number of entities, not of kinds
        return len(self._by_key)

    def names(self) -> list[list]:
        """What the search page matches a reader's words against, most cited entities first: one
        ``[name, kind, url, number of articles, other forms]`` per entity. The search index holds
        the articles only: an entity is found by its names here, not by its page's words."""
        ranked = sorted(self._by_key.values(), key=lambda page: (-page.count, norm_key(page.name), page.name, page.kind))
        return [[page.name, page.kind, page.url, page.count, list(page.forms)] for page in ranked]


_SORTED_WITH_SURNAME = {"Le", "La", "Van", "Von", "Da", "Di", "Del", "De", "Du", "Mac", "Mc", "Al", "El", "Ben", "Abu"}


def index_key(page: EntityPage) -> str:
    """How the index sorts an entity: a person by surname ("Le Drian", "Gaulle" for "Charles de
    Gaulle"), anything else by its name; accents and case folded."""
    words = page.name.split()
    if page.kind != "personne" or len(words) < 2:
        return norm_key(page.name)
    surname = words[-1]
    if words[-2] in _SORTED_WITH_SURNAME:
        surname = f"{words[-2]} {surname}"
    return f"{norm_key(surname)} {norm_key(page.name)}"


def _sport_text(article) -> str:
    """What says which sport a dispatch is about: its title and kicker ("Championnat de France de
    handball : ..."), not its text, where another sport is named in passing ("un match de rugby")."""
    return " ".join((getattr(article, "title", ""), article.metadata.get("kicker", "")))


def build_catalog(articles: list, editorial: Editorial, settings: Mapping, recorded: Mapping | None = None,
                  meanings: FileMemo | None = None) -> EntityCatalog:
    """Entity pages for ``articles`` (given newest first); sets article.entities/related/newer/older.
    Entities are merged across the site first (``digest.entities.sitewide``): one entity, one page. Slugs
    follow ``recorded`` (``digest.entities.slugfile``: ``{kind: {slug: name}}``), new ones are added to
    the catalog's ``slug_records``; old slugs of merged or renamed entities are its ``redirects``.
    ``meanings``: each article file's entities as resolved and as its text uses them (``meanings.entities_as_meant``),
    kept between builds under a version that names the code and the editorial file (``meanings.meanings_version``)."""
    memo: dict = {}
    meant = [entities_as_meant(article, editorial, memo, meanings) for article in articles]
    site = merge_site([entities for entities, _readings in meant], editorial)
    tell_sports_apart(site, lambda index: _sport_text(articles[index]))
    least = int(setting(settings, "ENTITY_MIN_ARTICLES"))
    # a generic institution whose country no dispatch told ("Parlement"), a bare kind of organisation
    # ("Union", "HBC"), a club known only by its town ("Sélestat (club)"), a character ("James Bond
    # (personnage)"), a person known only by a surname ("Dolenec" in a team sheet) or only ever beside
    # a more cited near-spelling of the name ("Sebastien Kienle", a slip an editor may alias): named, no page
    typed_twice = slips(site)
    published = [entity for entity in site.entities
                 if entity.editorial or (entity.articles >= least and not is_generic_without_country(entity.name)
                                         and id(entity) not in typed_twice
                                         and not is_bare_kind_word(entity.name)
                                         and not is_town_club(entity.name) and not is_character(entity.name)
                                         and (entity.kind != "personne" or is_full_person_name(entity.name)))]
    readings = [readings for _entities, readings in meant]  # what the passes below read in each article's text
    tagless = tagless_texts(articles)  # an article both passes read is stripped of its tags once
    published = without_common_nouns(published, articles, site, readings, tagless)
    published = as_their_dispatches_describe(published, articles, site, readings, tagless)
    former_pages_lead_here(published, site)
    slugs = slugfile.assign(published, dict(recorded or {}))
    pages = {id(entity): _page(entity, slugs.of.get(id(entity)), settings) for entity in site.entities}

    forms_of: dict[EntityPage, dict[str, str]] = defaultdict(dict)  # a page's forms by form_key, in order of use
    for article, found in zip(articles, site.mentions):
        mentions = []
        for entity, forms in found:
            page = pages[id(entity)]
            page.articles.append(article)
            for form in forms:  # typed differently in another article, or only without a capital's accent
                # ("Champs-Elysées", typeset "Champs-Élysées" as "Champs-Élysées" is): the same form
                forms_of[page].setdefault(form_key(accented_capitals(form)), form)
            mentions.append(ArticleEntity(page, tuple(forms)))
        order = {kind: index for index, kind in enumerate(KINDS)}
        article.entities = sorted(mentions, key=lambda mention: order[mention.kind])  # stable
    _show_forms(forms_of, pages.values())

    related_entities(articles, int(setting(settings, "ENTITY_RELATED_ENTITIES")))
    related_articles(articles, len(articles), int(setting(settings, "ENTITY_RELATED_ARTICLES")))
    for index, article in enumerate(articles):
        article.newer = articles[index - 1] if index > 0 else None
        article.older = articles[index + 1] if index + 1 < len(articles) else None
    catalog = EntityCatalog(pages[id(entity)] for entity in published)
    catalog.slug_records = slugs.records
    catalog.redirects = [Redirect(_page(entity, old, settings, kind), pages[id(entity)]) for kind, old, entity in slugs.redirects]
    catalog.redirects += _retired_redirects(slugs.retired, articles, site, published, pages, settings)
    return catalog


def _retired_redirects(retired: list, articles: list, site, published: list, pages: dict, settings: Mapping) -> list:
    """A redirect for each recorded address whose entity gets no page now: to the one page its
    dispatches went to, else to its kind's index."""
    published_ids = {id(entity) for entity in published}
    gone = where_dispatches_went([name for _kind, _slug, name in retired], articles, site)
    newest = articles[0].date if articles else None
    redirects = []
    for kind, slug, name in retired:
        owners, last_cited = gone[name]
        # no dispatch names it: its feed's notice is dated by the site's newest dispatch (never the epoch)
        last_cited = last_cited or newest
        # as ``former_pages_lead_here``: a kind of organisation ("Union") or a bare portfolio says no one
        says_someone = " " in name or not (ministry(name) or is_bare_kind_word(name))
        successor = next(iter(owners)) if says_someone and len(owners) == 1 and not owners - published_ids else None
        redirects.append(Redirect(_page(SiteEntity(name, kind), slug, settings), pages[successor] if successor else None,
                                  kind_index_url(settings, kind), last_cited, retired=True))
    return redirects


def kind_index_url(settings: Mapping, kind: str) -> str:
    """The URL of the index of one kind of entity ("entites/lieux/")."""
    return setting(settings, "ENTITIES_KIND_INDEX_URL").format(kind_folder=KIND_FOLDERS[kind])


def _show_forms(forms_of: Mapping[EntityPage, Mapping[str, str]], pages: Iterable[EntityPage]) -> None:
    """Each page's "Aussi écrit": the forms ``_is_another_spelling`` keeps, without a surname alone that
    another person of ``pages`` bears and more dispatches cite ("Fillon" on Penelope Fillon's page:
    readers would read François Fillon, who has it too)."""
    cited: dict[str, list[int]] = defaultdict(list)  # a surname -> the dispatches of each person bearing it
    for page in pages:
        if page.kind == "personne" and " " in page.name:
            cited[fold_key(page.name.split()[-1])].append(page.count)
    for page, forms in forms_of.items():
        surname = fold_key(page.name.split()[-1]) if page.kind == "personne" and " " in page.name else None
        page.forms = [form for form in forms.values() if _is_another_spelling(form, page)
                      and not (fold_key(form) == surname and max(cited[surname]) > page.count)]


def _is_another_spelling(form: str, page: EntityPage) -> bool:
    """Whether "Aussi écrit" shows ``form`` (a form a dispatch used) on ``page``: a name, not the common
    word a dispatch used ("Éducation" for the ministry, "Union", "Sénat"), nor a portfolio and its country's
    adjective ("Intérieur français", a tail cut from "le ministre de l'Intérieur français"), nor the name
    without its article ("Caire" of "au Caire" for "Le Caire", "Monde" for "Le Monde"), nor a person's
    first name alone ("Alistair" among the Brownlee brothers names no one elsewhere), nor a slip the page already
    mends ("Adam Yateset", "GUE" of "GUE/NGL"), nor the name itself once typeset ("Edouard Philippe"
    reads "Édouard Philippe") or in running text ("aéroport Atatürk" for "Aéroport Atatürk"). Each
    article still marks it in its sentence."""
    words = page.name.split()
    if is_generic_without_country(form):  # "Sénat" says no country: a form of every senate
        return False
    portfolio, country = without_adjective(form)
    if country and ministry(portfolio):  # "Intérieur français", cut from "le ministre de l'Intérieur français"
        return False
    if fold_key(page.name) in {f"{article} {fold_key(form)}" for article in ("le", "la", "les", "l")}:
        return False  # "Caire" of "au Caire", "Monde" of "au Monde": the name cut from its article
    if " " not in form and (ministry(form) or is_bare_kind_word(form)
                            or (page.kind == "personne" and len(words) > 1 and fold_key(form) == fold_key(words[0]))):
        return False
    return (fold_key(form) != f"{fold_key(page.name)}et" and form not in page.name.split("/")
            and form_key(accented_capitals(form[:1].upper() + form[1:])) != form_key(accented_capitals(page.name)))


@dataclass(frozen=True)
class Redirect:
    """A former URL of an entity: a page that leads to ``target`` (the entity that took its mentions:
    merged, renamed, of another kind now), or to its kind's index when no page took them."""

    former: EntityPage  # its url and save_as; the name recorded with the slug
    target: EntityPage | None  # None: leads to ``index_url``
    index_url: str = ""
    last_cited: object = None  # a retired address: the date of the newest dispatch naming it, else of the site's newest
    retired: bool = False  # its entity has no page now; ``target``, if any, took its dispatches

    @property
    def url(self) -> str:
        return self.target.url if self.target is not None else self.index_url


def _page(entity: SiteEntity, slug: str | None, settings: Mapping, kind: str | None = None) -> EntityPage:
    """The entity's page; without a slug (not published), an EntityPage with no URL: named, not linked.
    ``kind``: the folder of a former address when the entity's kind changed since."""
    kind = kind or entity.kind
    if slug is None:
        return EntityPage(name=entity.name, kind=kind, description=entity.description)
    values = {"kind_folder": KIND_FOLDERS[kind], "slug": slug, "kind": kind}
    return EntityPage(
        name=entity.name,
        kind=kind,
        slug=slug,
        description=entity.description,
        url=setting(settings, "ENTITY_URL").format(**values),
        save_as=setting(settings, "ENTITY_SAVE_AS").format(**values),
        feed_url=setting(settings, "ENTITY_FEED_URL").format(**values),
    )
