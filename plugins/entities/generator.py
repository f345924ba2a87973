"""Pelican glue for entity pages: a Generator, as in ``pelican/generators.py``.

``generate_context`` runs after the ArticlesGenerator (plugin generators come after the
built-in ones): it builds the catalog from ``context["articles"]`` (see ``entities.pages``),
puts it into the shared context as ``entities`` and sets on each article ``entities``,
``related``, ``newer`` and ``older``. ``generate_output`` writes one page per entity (template
``entity.html``, paginated folder-style), the index ``entites/`` (template ``entities.html``)
and every entity's names for the search page (``entites/noms.json``, see ``EntityCatalog.names``).

Jinja filters (``add_filters``, on ``initialized``): ``news_article`` (an article's schema.org
``NewsArticle``, for ``|tojson``; the theme's ``safe_href`` is set in pelicanconf.py). They run when a page is rendered: a rebuild
that reuses most pages (plugins/incremental) does not compute them for every article.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican.generators import Generator
from pelican.plugins import signals
from pelican.writers import Writer

from digest import aside
from digest.atomic_files import write_atomically
from digest.file_memo import FileMemo
from digest.site_urls import absolute_url, http_url
from french_typography.rules_words import of_name
from structured_data import schema

from digest.entities import slugfile
from digest.entities.editorial import Editorial, EditorialError, load_editorial
from .context import article_text, names_in, sentence_naming
from digest.settings import setting

from .meanings import meanings_version
from .pages import KIND_FOLDERS, KIND_PLURAL_LABELS, build_catalog

logger = logging.getLogger(__name__)


# Beside Pelican's content cache (CACHE_PATH: a folder per version of the settings, theme and code).
MEANINGS_FILE = "dispatch-meanings.json"


def site_editorial_path(settings) -> Path:
    return Path(setting(settings, "ENTITIES_EDITORIAL") or os.path.join(settings["PATH"], "entities.toml"))


def load_site_editorial(settings) -> Editorial:
    path = site_editorial_path(settings)
    if not path.exists():
        return Editorial.empty()
    try:
        return load_editorial(path)
    except EditorialError as error:
        logger.error("fichier éditorial des entités invalide : %s", error)
        return Editorial.empty()


@dataclass
class CatalogInputs:
    """What the catalog reads besides the articles: the slug file (or why it cannot be read), the
    editorial file, and each article's meanings kept from the builds before."""

    recorded: dict
    slug_file_error: slugfile.SlugFileError | None
    editorial: Editorial
    meanings: FileMemo

    @classmethod
    def read(cls, settings) -> CatalogInputs:
        try:
            recorded, error = slugfile.load(slugfile.site_slug_file(settings)), None
        except slugfile.SlugFileError as problem:
            recorded, error = {}, problem
        meanings = FileMemo(Path(settings["CACHE_PATH"]) / MEANINGS_FILE, meanings_version(site_editorial_path(settings)))
        return cls(recorded, error, load_site_editorial(settings), meanings)


# {id(settings): (settings, their CatalogInputs)}, read when Pelican starts, taken by the generator of
# that build (the settings held, so that their id names no other build's).
_inputs_read: dict[int, tuple[dict, CatalogInputs]] = {}


def read_inputs_early(pelican) -> None:
    """On ``initialized``, before Pelican reads the articles: the catalog's inputs. With ingest beside
    Pelican's start (a +1 dispatch at 5 000 articles), Pelican waits for it after reading the articles
    already there; read here, they take that time instead of the catalog's (0.2 s, docs/performance.md).
    Nothing the build writes is among them before the catalog is made (the slug file is written after)."""
    _inputs_read.clear()
    _inputs_read[id(pelican.settings)] = (pelican.settings, CatalogInputs.read(pelican.settings))


def catalog_inputs(settings) -> CatalogInputs:
    """The inputs read when Pelican started with these settings (``read_inputs_early``), else read now."""
    held = _inputs_read.pop(id(settings), None)
    return held[1] if held is not None and held[0] is settings else CatalogInputs.read(settings)


def news_article(article, settings) -> dict:
    """schema.org NewsArticle of an article, with its entities as ``mentions``."""
    url = absolute_url(settings, article.url)
    summary = getattr(article, "summary_plain", None) or article.metadata.get("summary", "")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": schema.headline(article.title),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.date.isoformat(),
        "dateModified": (getattr(article, "modified", None) or article.date).isoformat(),
        "inLanguage": "fr",
        "isAccessibleForFree": True,
        "image": [schema.image(settings, "SITE_SOCIAL_IMAGE", "SITE_SOCIAL_IMAGE_SIZE")],
        "publisher": schema.publisher(settings),
    }
    if summary:
        data["description"] = summary
    credit = article.metadata.get("credit")
    # The source organisation wrote the dispatch; without one, the newsroom that publishes it.
    data["author"] = {"@type": "Organization", "name": credit} if credit else {"@type": "Organization", "name": data["publisher"]["name"], "url": data["publisher"]["url"]}
    if credit:
        data["sourceOrganization"] = {"@type": "Organization", "name": credit}
    if based_on := http_url(article.metadata.get("credit_url", ""), warn=False):  # the page's link warns
        data["isBasedOn"] = based_on
    if article.metadata.get("license"):
        data["license"] = (setting(settings, "LICENSE_URLS") or {}).get(article.metadata["license"], article.metadata["license"])
    mentions = []
    for entity in getattr(article, "entities", []):
        mention = {"@type": entity.schema_type, "name": entity.name}
        if entity.url:  # an entity with no page of its own (ENTITY_MIN_ARTICLES) is named only
            mention["url"] = absolute_url(settings, entity.url)
        if entity.forms:
            mention["alternateName"] = list(entity.forms)
        mentions.append(mention)
    if mentions:
        data["mentions"] = mentions
    return data


class EntitiesGenerator(aside.WritesAside, Generator):
    aside_label = "pages des entités"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Entity pages paginate like the home page (folder-style, PAGINATION_PATTERNS).
        self.settings.setdefault("PAGINATED_TEMPLATES", {}).setdefault("entity", None)
        self.catalog = None
        self.slug_file_error = False

    def generate_context(self):
        articles = self.context.get("articles", [])
        inputs = catalog_inputs(self.settings)
        if inputs.slug_file_error is not None:
            # Pelican goes on after an error is logged, but the build is then refused as a whole:
            # nothing is published, and the slug file is not written (generate_output).
            logger.error("%s", inputs.slug_file_error)
            self.slug_file_error = True
        self.catalog = build_catalog(articles, inputs.editorial, self.settings, inputs.recorded, inputs.meanings)
        inputs.meanings.save()
        self.context["entities"] = self.catalog
        self.context["ENTITIES_INDEX_URL"] = setting(self.settings, "ENTITIES_INDEX_URL")
        self.context["ENTITIES_NAMES_URL"] = setting(self.settings, "ENTITIES_NAMES_SAVE_AS")
        self.context["ENTITIES_KIND_INDEX_URL"] = setting(self.settings, "ENTITIES_KIND_INDEX_URL")
        self.context["ENTITIES_INDEX_MOST_CITED"] = setting(self.settings, "ENTITIES_INDEX_MOST_CITED")

    def write_aside(self) -> None:
        # In a forked child, while Pelican writes the articles (digest/aside.py; waited for on
        # `finalized`); the build's process takes its share of the entity pages once its own
        # pages are written (``shares``, ``generate_output``).
        self.write_pages(self.writer())

    def shares(self) -> int:
        return len(self.catalog.all()) if self.catalog is not None else 0

    def writer(self) -> Writer:
        # The writer Pelican itself makes after this, as in Pelican._get_writer: a plugin may
        # provide its class through `get_writer`.
        classes = [cls for _, cls in signals.get_writer.send(self) if isinstance(cls, type)]
        return (classes[0] if classes else Writer)(self.output_path, settings=self.settings)

    def generate_output(self, writer):
        if not self.written_aside:
            self.write_pages(writer)
        elif self.turns is not None:
            self.write_entity_pages(writer)
        if not self.slug_file_error:
            path = slugfile.site_slug_file(self.settings)
            text = slugfile.dumps(self.catalog.slug_records)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                write_atomically(path, text)

    def write_pages(self, writer):
        # the redirects and indexes first: in a forked child, the entity pages are the work the
        # build's process shares at the end (``turns``)
        redirect_template = self.get_template("entity_redirect")
        for redirect in self.catalog.redirects:
            # entity: the former address (checked to stay in its kind's folder), target: the entity it
            # leads to (None: its kind's index, at redirect.url)
            writer.write_file(redirect.former.save_as, redirect_template, self.context, url=redirect.former.url,
                              entity=redirect.former, target=redirect.target, target_url=redirect.url, retired=redirect.retired,
                              kind_label=KIND_PLURAL_LABELS[redirect.former.kind], relative_urls=self.settings["RELATIVE_URLS"])
        for kind, label, pages in self.catalog.groups():
            folder = {"kind_folder": KIND_FOLDERS[kind]}
            writer.write_file(setting(self.settings, "ENTITIES_KIND_INDEX_SAVE_AS").format(**folder), self.get_template("entities_kind"),
                              self.context, url=setting(self.settings, "ENTITIES_KIND_INDEX_URL").format(**folder), kind=kind,
                              label=label, pages=pages, relative_urls=self.settings["RELATIVE_URLS"])
        writer.write_file(
            setting(self.settings, "ENTITIES_INDEX_SAVE_AS"),
            self.get_template("entities"),
            self.context,
            url=setting(self.settings, "ENTITIES_INDEX_URL"),
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        names = json.dumps({"entites": self.catalog.names()}, ensure_ascii=False, separators=(",", ":"))
        write_atomically(Path(self.output_path) / setting(self.settings, "ENTITIES_NAMES_SAVE_AS"), names + "\n")
        self.write_entity_pages(writer)

    def write_entity_pages(self, writer):
        """One page per entity: every one, or those this process takes its turn at (``turns``)."""
        entity_template = self.get_template("entity")
        pages = self.catalog.all()
        for page in (pages[index] for index in self.turns) if self.turns is not None else pages:
            writer.write_file(
                page.save_as,
                entity_template,
                self.context,
                paginated={"articles": page.articles},
                template_name="entity",
                url=page.url,
                entity=page,
                articles=page.articles,
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def entity_sentence(article, entity):
    """The sentence of ``article`` that names ``entity``, the name marked (None if none does)."""
    return sentence_naming(article_text(article), entity.forms_in(article), names_in(article))


def add_filters(pelican):
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters["entity_sentence"] = entity_sentence
    filters["of_name"] = of_name
    filters["news_article"] = functools.partial(news_article, settings=pelican.settings)


def get_generators(pelican):
    return EntitiesGenerator
