"""Pelican glue: the keys of the site once every context is final, a writer that reuses files
(article pages, entity pages and feeds, day/month/year pages).

* ``readers_init``: each reader also gives the fingerprint of the file it read (kept by Pelican's
  content cache with the rest); what was read is cached only if the file still holds those bytes.
* ``all_generators_finalized``: compute every key (keys.py), save them as the pending manifest
  (committed by digest/site.py once the build is in place), put this build's ``Reuse`` in the
  context (``context["reuse_output"]``, for the writers and the feeds).
* ``get_writer``: ``ReusingWriter``, Pelican's writer that asks ``reuse`` before rendering.

Settings: ``REUSE_OUTPUT_FROM`` (the published output folder, set by digest/site.py; without it
nothing is reused) and ``CACHE_PATH`` (where the manifest lives: a folder per version of the
settings, theme and code).
"""

from __future__ import annotations

import logging
from pathlib import Path

import hashlib

from pelican.paginator import Paginator
from pelican.writers import Writer

from digest.settings import setting

from . import keys, output_paths, reuse

logger = logging.getLogger(__name__)

CONTEXT_KEY = "reuse_output"


# Metadata key (and so attribute) of the fingerprint of a content's source, taken by the reader:
# Pelican's content cache keeps it with the rest, and a rebuild does not read every source again.
SOURCE_FINGERPRINT = "incremental_source_fingerprint"
# Metadata key of the sha256 of the bytes the reader read (every file, links or not).
SOURCE_DIGEST = "incremental_source_digest"


def _source(path) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except (OSError, TypeError):  # no file behind it (made by a plugin)
        return None


def fingerprinting_reader(reader_class):
    """``reader_class`` whose ``read`` also gives the fingerprint of the file it read (made as
    french_typography makes its typesetting reader: that plugin works alone in any Pelican site, so
    it shares no helper with the site's own plugins)."""

    def read(self, source_path):
        source = _source(source_path)  # before the reader: the file may change while it reads
        content, metadata = reader_class.read(self, source_path)
        return content, {**metadata, SOURCE_FINGERPRINT: keys.source_fingerprint(source), SOURCE_DIGEST: _digest(source)}

    # Same name: Pelican records it in each article's ``reader`` metadata ("markdown", "html").
    return type(reader_class.__name__, (reader_class,), {"read": read, "__doc__": f"{reader_class.__name__}, sources fingerprinted."})


def _digest(source: bytes | None) -> str | None:
    return None if source is None else hashlib.sha256(source).hexdigest()


def cache_only_what_the_file_holds(readers) -> None:
    """Pelican's content cache stamps a file when it stores what was read of it, after reading: a
    file edited meanwhile would be kept with its old content under its new stamp, and not read
    again until its next edit. What a reader of ours read is cached only while the file still holds
    the bytes it read; otherwise the next build reads it again (``cache_data``, public)."""
    cache_data = readers.cache_data

    def cache_if_unchanged(filename, data):
        _, metadata = data
        read = (metadata or {}).get(SOURCE_DIGEST)
        if read is None or read == _digest(_source(filename)):
            cache_data(filename, data)

    readers.cache_data = cache_if_unchanged


def on_readers_init(readers) -> None:
    cache_only_what_the_file_holds(readers)
    for extension, reader_class in readers.reader_classes.items():
        if reader_class:
            readers.reader_classes[extension] = fingerprinting_reader(reader_class)


def _fingerprint(article) -> str | None:
    metadata = getattr(article, "metadata", None) or {}
    if SOURCE_FINGERPRINT in metadata:
        return metadata[SOURCE_FINGERPRINT]
    return keys.source_fingerprint(_source(getattr(article, "source_path", None)))  # not read by a reader of ours


def on_all_generators_finalized(generators) -> None:
    context, settings = generators[0].context, generators[0].settings
    published = setting(settings, "REUSE_OUTPUT_FROM")
    if not published:
        return
    catalog = context.get("entities")
    site_keys = keys.site_keys(context.get("articles", []), catalog.all() if catalog else [], _fingerprint, context.get("period_archive_pages", ()))
    previous = reuse.load(settings["CACHE_PATH"], published)
    reuse.save_pending(settings["CACHE_PATH"], published, site_keys)
    context[CONTEXT_KEY] = reuse.Reuse(published, previous, site_keys, Path(settings["OUTPUT_PATH"]))


# The setting of the section each kind of content belongs to (the keyword it is written with).
# Pages (about, 404) are the site's own, written by hand where they belong: only checked to stay
# inside the output folder.
SECTIONS = {"article": "ARTICLE_SAVE_AS"}


def leave_out_misplaced_articles(generator) -> None:
    """An article whose page would leave its section (an editor's ``Slug: ../x``, a date without a
    four-digit year, an empty ``Save_as`` that would list it in feeds and pages with a link to no
    page) or share its path with another article is left out of the site, from every
    list and page that would link to it, and reported as rejected: the other articles build."""
    section = generator.settings.get("ARTICLE_SAVE_AS", "")
    rejected = logging.getLogger(output_paths.REJECTED_LOGGER)
    everyone = [*generator.articles, *generator.hidden_articles]
    sources: dict[str, list[str]] = {}
    for article in everyone:
        sources.setdefault(article.save_as, []).append(str(article.source_path))

    def placed(article) -> bool:
        problem = output_paths.path_problem(article.save_as) or output_paths.section_problem(article.save_as, section)
        if not problem and len(sources[article.save_as]) > 1:
            others = ", ".join(path for path in sorted(sources[article.save_as]) if path != str(article.source_path))
            problem = f"même chemin de sortie {article.save_as!r} que {others} (même date et même Slug ?) : aucun des deux n’est publié"
        if problem:  # an error: Pelican drops a repeated warning, even from the next build of `invoke serve`
            rejected.error("%s: %s", article.source_path, problem)
        return not problem

    generator.articles = [article for article in generator.articles if placed(article)]
    generator.hidden_articles = [article for article in generator.hidden_articles if placed(article)]


def _source_of(kwargs) -> str:
    content = kwargs.get("article") or kwargs.get("page") or kwargs.get("entity")
    return str(getattr(content, "source_path", None) or getattr(content, "name", None) or "Pelican")


class ReusingWriter(Writer):
    """Pelican's writer; a file whose key is unchanged is linked from the previous build. Each
    path is checked before anything is written: inside its section, at most once."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        # What each path was written (or reused) for: every file goes through write_file, so a path
        # met twice is refused, and both sources are named.
        self._sources: dict[str, str] = {}

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None, override_output=False, url=None, **kwargs):
        others = self._other_pages(name, url, paginated, template_name, kwargs) if name else []
        if name and not self._may_write(name, others, kwargs):
            return None
        reuse_output = context.get(CONTEXT_KEY)
        if reuse_output is not None and name:
            if reuse_output(name, others):
                return
            for page in (name, *others):
                reuse_output.release(page)
        return super().write_file(name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs)

    def _may_write(self, name: str, others: list[str], kwargs) -> bool:
        """False, with an error naming the source, for a path out of its place or already written
        (the pages after the first of a paginated page included)."""
        source = _source_of(kwargs)
        section = next((self.settings.get(setting, "") for kind, setting in SECTIONS.items() if kind in kwargs), "")
        problem = output_paths.path_problem(name) or (section and output_paths.section_problem(name, section))
        folder = getattr(kwargs.get("entity"), "kind_folder", None)
        if not problem and folder and not name.startswith(f"{folder}/"):
            problem = f"chemin de sortie {name!r} hors du dossier de son genre ({folder}/)"
        taken = next((page for page in (name, *others) if page in self._sources), None)
        if not problem and taken:
            problem = f"même chemin de sortie {taken!r} que {self._sources[taken]} (même date et même Slug ?)"
        if problem:
            logger.error("%s: %s", source, problem)
            return False
        self._sources.update(dict.fromkeys((name, *others), source))
        return True

    def _other_pages(self, name, url, paginated, template_name, kwargs) -> list[str]:
        """The files after the first of a paginated page, as Pelican's write_file names them."""
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if not paginated or template_name not in self.settings["PAGINATED_TEMPLATES"]:
            return []
        per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
        paginator = Paginator(name, url, next(iter(paginated.values())), self.settings, per_page)
        return [paginator.page(number).save_as for number in paginator.page_range[1:]]


def get_writer(sender):
    return ReusingWriter
