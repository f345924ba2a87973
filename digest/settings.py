"""Every setting of the site's own code (plugins/ and digest/): its default and what it does.

Pelican's own settings keep their defaults in ``pelican.settings.DEFAULT_CONFIG``; the site's own
values are in pelicanconf.py. Code reads one of these with ``setting(settings, NAME)``: the site's
value when it gives one, else the default here. Each setting is a constant followed by its
docstring, as Sphinx reads them; ``tests/test_settings.py`` checks that every setting the code
reads is declared here with one, or is Pelican's own. No Pelican import: the newsroom side reads
it too.

``CONTEXT_KEYS`` below lists what the plugins put into Pelican's shared context for each other and
for the templates.
"""

from __future__ import annotations

from collections.abc import Mapping

# --- addresses --------------------------------------------------------------------------------

SITE_ORIGIN = ""
"""Absolute address of the site (``https://example.org``) in feeds, sitemaps, JSON-LD and canonical
links; ``SITEURL`` is put after it unless it is absolute itself (``digest.site_urls``)."""

SEARCH_URL = "recherche/"
"""The search page, for the site's JSON-LD ``SearchAction``."""

SITEMAP_SAVE_AS = "sitemap.xml"
"""Where the sitemap is written, in the output folder."""

ROBOTS_SAVE_AS = "robots.txt"
"""Where ``robots.txt`` (naming the sitemap) is written; empty: not written."""

PERIOD_ARCHIVE_SAVE_AS: dict = {}
"""``{"year"|"month"|"day": save_as}``: the period pages plugins/period_archives writes (a
``{date:...}`` format each); a period missing here is not written."""

# --- dates ------------------------------------------------------------------------------------

DATE_ONLY_TIME = "12:00"
"""The hour of ``TIMEZONE`` a dispatch dated by its day only is published at (plugins/french_dates);
noon in Paris keeps its calendar day for readers from UTC−10 to UTC+12."""

# --- entities ---------------------------------------------------------------------------------

ENTITIES_INDEX_URL = "entites/"
"""The index of people, organisations and places; its folder holds the kind indexes and the names."""

ENTITIES_INDEX_SAVE_AS = ENTITIES_INDEX_URL + "index.html"
"""Where that index is written."""

ENTITIES_KIND_INDEX_URL = ENTITIES_INDEX_URL + "{kind_folder}/"
"""One index per kind (the most cited, then every entity A to Z); ``{kind_folder}``: personnes, organisations, lieux."""

ENTITIES_KIND_INDEX_SAVE_AS = ENTITIES_KIND_INDEX_URL + "index.html"
"""Where each kind's index is written."""

ENTITIES_NAMES_SAVE_AS = ENTITIES_INDEX_URL + "noms.json"
"""Every entity's names and page, for the search page (theme/static/js/recherche.js)."""

ENTITIES_INDEX_MOST_CITED = 24
"""How many of the most cited entities each index shows first."""

ENTITY_URL = "{kind_folder}/{slug}/"
"""An entity's page (paginated folder-style, ``PAGINATION_PATTERNS``)."""

ENTITY_SAVE_AS = ENTITY_URL + "index.html"
"""Where an entity's page is written."""

ENTITY_FEED_URL = ENTITY_URL + "rss.xml"
"""An entity's RSS feed."""

ENTITY_RELATED_ENTITIES = 12
"""How many entities cited with it an entity's page lists."""

ENTITY_RELATED_ARTICLES = 5
"""How many related dispatches an article's page lists (those sharing the most entities)."""

ENTITY_MIN_ARTICLES = 2
"""An entity gets a page and a feed once this many dispatches cite it (or content/entities.toml
lists it); the others are named without a link."""

ENTITIES_EDITORIAL = None
"""The editorial file of entities; None: ``entities.toml`` in ``PATH``."""

ENTITY_SLUGS_FILE = None
"""Where entity slugs are recorded; None: ``entity-slugs.toml`` beside ``PATH`` (the build writes it:
not among its own inputs)."""

# --- feeds ------------------------------------------------------------------------------------

FEEDS_RSS_SAVE_AS = "rss.xml"
"""The site's RSS feed; empty: not written."""

FEEDS_ATOM_SAVE_AS = "atom.xml"
"""The site's Atom feed; empty: not written."""

FEEDS_JSON_SAVE_AS = "feed.json"
"""The JSON Feed 1.1 beside them, same items and ids; empty: not written."""

FEEDS_OPML_SAVE_AS = "flux.opml"
"""Every entity feed in one OPML list, a folder per kind."""

FEEDS_MAX_ITEMS = 50
"""The newest dispatches in the site's feeds; None: no limit."""

FEEDS_ENTITY_MAX_ITEMS = FEEDS_MAX_ITEMS
"""The newest dispatches in each entity's feed; when the site does not set it, the site's
``FEEDS_MAX_ITEMS``; None: no limit."""

FEEDS_ENTITY_FEEDS = True
"""Write one RSS feed per entity, at its ``ENTITY_FEED_URL``."""

FEEDS_ID_PREFIX = "tag:lefil.example,2025:"
"""Prefix of every item's GUID and Atom id, followed by the dispatch's ``Source``: an id never
changes with the article's date, slug or URL, nor between the local and public sites."""

FEEDS_AUTHOR = None
"""The feeds' author (Atom requires one); None: ``AUTHOR``, else ``SITENAME``."""

FEEDS_MAX_CATEGORIES = 8
"""An item's categories: its dispatch's entities, most salient first, at most this many."""

FEEDS_RIGHTS = ""
"""The channel's copyright and rights (plain text)."""

LICENSE_URLS: dict = {}
"""``{licence name: URL}``: where a licence named in a dispatch's ``License:`` is published (source
lines, feeds, JSON-LD)."""

# --- images -----------------------------------------------------------------------------------

SITE_LOGO = "theme/img/logo.png"
"""The site's square PNG logo (search engines take no SVG logo), for JSON-LD."""

SITE_LOGO_SIZE = (512, 512)
"""Its width and height in pixels."""

SITE_SOCIAL_IMAGE = "theme/img/social.png"
"""The default social image (og:image, twitter:image, JSON-LD)."""

SITE_SOCIAL_IMAGE_SIZE = (1200, 630)
"""Its width and height in pixels."""

# --- build ------------------------------------------------------------------------------------

WRITE_ASIDE = True
"""Let forked children write the entity pages and the feeds, and read the articles Pelican's
cache lacks, while the build goes on (digest/aside.py); False: everything in the build's process."""

INGEST_BESIDE_MIN_DISPATCHES = 2000
"""From this many dispatches, ingest runs in a forked child while Pelican starts and reads the
articles already there (digest/pipeline.py, ``ingest_beside``); below, in the build's process. A/B
on the bench (docs/performance.md, 2026-12-07): the child made a +1 dispatch 20 % faster at 5 000
articles and 14 % slower at 1 000, where the reading it overlaps is about a second."""

REUSE_OUTPUT_FROM = None
"""The published output folder, whose unchanged files a build links instead of rendering them
again (plugins/incremental); set by digest/site.py. None: nothing is reused."""

ARTICLES_BEING_WRITTEN = None
"""Set by digest/site.py while ingest writes articles in a forked child (digest/pipeline.py): called,
it waits for the child and returns the files it wrote; plugins/parallel_read reads the articles
already there meanwhile, then calls it. None: no article is being written."""

DEFAULTS = {name: value for name, value in globals().items() if name.isupper()}

PELICAN_WITHOUT_DEFAULT = {
    "AUTHOR": "the feeds' author when ``FEEDS_AUTHOR`` is not set",
    "SITESUBTITLE": "the feeds' description and the site's JSON-LD",
    "TIMEZONE": "the feeds' dates (Europe/Paris when not set)",
    "ARCHIVES_SAVE_AS": "the archives page, listed in the sitemap when written",
}
"""Pelican's own settings, documented by Pelican without a default in its ``DEFAULT_CONFIG``, that
the site's code reads (pelicanconf.py gives the site's values)."""

CONTEXT_KEYS = {
    "entities": "the entity catalog (plugins/entities: ``generate_context``), for the pages, the feeds, the sitemap and plugins/incremental",
    "ENTITIES_INDEX_URL": "``ENTITIES_INDEX_URL``, for the templates (plugins/entities)",
    "ENTITIES_NAMES_URL": "``ENTITIES_NAMES_SAVE_AS``, for the search page (plugins/entities)",
    "ENTITIES_KIND_INDEX_URL": "``ENTITIES_KIND_INDEX_URL``, for the templates (plugins/entities)",
    "ENTITIES_INDEX_MOST_CITED": "``ENTITIES_INDEX_MOST_CITED``, for the templates (plugins/entities)",
    "period_archive_pages": "the day, month and year pages (plugins/period_archives), for plugins/incremental and the sitemap",
    "reuse_output": "this build's reuse of the previous one's files (plugins/incremental), for the writer and the feeds",
}
"""What plugins put into Pelican's shared context for each other and for the templates."""


def setting(settings: Mapping, name: str):
    """The site's value of ``name``, else its default here (a KeyError for a setting not declared)."""
    return settings.get(name, DEFAULTS[name])
