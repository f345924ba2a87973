"""Pelican settings for the digest: the site's own values. What each setting of the site's code does,
and its default, is in digest/settings.py (Pelican's own settings: pelican.settings.DEFAULT_CONFIG)."""

from pathlib import Path

from digest.site_urls import http_url

HERE = Path(__file__).resolve().parent

SITENAME = "Le Fil"
SITESUBTITLE = "L’actualité en dépêches"
SITEURL = ""
# Absolute address of the site in feeds, sitemaps and canonical links; publishconf.py sets the real one.
SITE_ORIGIN = "http://127.0.0.1:8000"
RELATIVE_URLS = False

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = str(HERE / "theme")
OUTPUT_PATH = "output"

TIMEZONE = "Europe/Paris"
# A dispatch dated by its day only is published at this hour of TIMEZONE (plugins/french_dates):
# noon in Paris keeps its calendar day for readers from UTC−10 to UTC+12, in pages, feeds, JSON-LD
# and the sitemap alike; pages show the day only. A dispatch with a time keeps its own.
DATE_ONLY_TIME = "12:00"
DEFAULT_LANG = "fr"
LOCALE = ("C.UTF-8", "C")  # dates are written in French by Babel, never by the system locale

# Dispatches are plain text: the summary is never read as Markdown, and typogrify's English
# filters never run (the french_typography plugin sets the text).
FORMATTED_FIELDS = []
TYPOGRIFY = False
MARKDOWN = {
    "extension_configs": {"markdown.extensions.meta": {}, "markdown.extensions.extra": {}},
    "output_format": "html5",
}
# Pelican's content cache: a rebuild reads again only the articles whose bytes changed (the cache
# lives in a folder per version of the settings and code, see digest/site.py).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False  # compressing it again at every build costs more than reading it bigger
# One language: no translations to pair (Pelican's pairing is quadratic in the number of articles).
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = None
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": []}
# A link from outside (a source's URL) reaches a page only through the one allow-list of schemes
# (http, https) that ingest, the JSON-LD and the feeds use; plugins add their filters to these.
JINJA_FILTERS = {"safe_href": http_url}

# The plugins are installed with the project (pyproject.toml): Pelican imports each by its name.
# Order matters: typography first, so entity pages' JSON-LD and the feeds get typeset titles.
PLUGINS = ["markdown_reader", "parallel_read", "french_dates", "french_typography", "fragments", "news_layout", "period_archives", "entities", "feeds", "sitemap", "structured_data", "incremental"]


def newest_first(article):
    # Same-day articles keep a stable order (by slug) whatever order the file system lists them in.
    return (-article.date.timestamp(), article.slug)


ARTICLE_ORDER_BY = newest_first
NEWEST_FIRST_ARCHIVES = True

# Folder-style URLs; a day has its own page, like a newspaper's edition.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/"
# The day, month and year pages are written by plugins/period_archives (Pelican's own grouping
# scans every article for every period: 20 s at 20 000 articles), so Pelican's *_SAVE_AS are off.
PERIOD_ARCHIVE_SAVE_AS = {
    "year": YEAR_ARCHIVE_URL + "index.html",
    "month": MONTH_ARCHIVE_URL + "index.html",
    "day": DAY_ARCHIVE_URL + "index.html",
}
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
ARCHIVES_SAVE_AS = "archives/index.html"
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# The digest has no categories, tags or authors: entities take their place. No AUTHOR either:
# Pelican would give it to every article, then match the whole archive against that author's
# articles, in quadratic time (2 s of every build at 20 000 articles), for author pages not written.
# The feeds name the newsroom (plugins/feeds).
FEEDS_AUTHOR = "La rédaction"
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives"]

DEFAULT_PAGINATION = 20
# The home shows the newest dispatches and leads to the day pages, which lead from one day to the
# next: no "page 873" of the home whose every page shifts, and is written again, at each dispatch.
HOME_ARTICLES = 20
PAGINATED_TEMPLATES = {"entity": None}
# Folder-style pagination: Pelican's default "index2.html" collides with folder URLs (pelican#2806).
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# The site's logo and default social image (og:image, twitter:image, JSON-LD), in the theme; their
# PNGs are rendered from the theme's SVGs by `invoke theme-images`.
SITE_LOGO = "theme/img/logo.png"
SITE_LOGO_SIZE = (512, 512)
SITE_SOCIAL_IMAGE = "theme/img/social.png"
SITE_SOCIAL_IMAGE_SIZE = (1200, 630)

# Pelican's own feed writer is off: the feeds plugin writes them with feedgen.
FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
# The site feeds carry the 50 newest dispatches; a feed per entity only needs the latest ones for
# its subscribers (a reader polls often), and thousands of entity feeds are a large part of a build.
FEEDS_ENTITY_MAX_ITEMS = 20
# An item's categories: its dispatch's entities, most salient first (headline, lede, mentions), at
# most this many: a reader's tag list, not the 62 names a long dispatch can cite.
FEEDS_MAX_CATEGORIES = 8
# The feeds' copyright/rights; each item also ends with its own source line and names its source
# as author (plugins/feeds).
FEEDS_RIGHTS = "Textes de Wikinews sous licence CC BY 2.5, chaque dépêche cite sa source ; annotations d’entités WiNER-fr sous licence CC BY 4.0."
# Where a licence named in a dispatch's `License:` is published (source lines, JSON-LD).
LICENSE_URLS = {
    "CC BY 2.5": "https://creativecommons.org/licenses/by/2.5/",
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
}
# A person, organisation or place gets a page and a feed once this many dispatches cite it (readers
# can follow it), or when content/entities.toml lists it; the others are named without a link.
ENTITY_MIN_ARTICLES = 2
