"""Pelican glue: apply ``typeset`` to everything a reader sees.

Contract (what the templates and the rest of the site can rely on)
------------------------------------------------------------------
For every ``Article`` and ``Page`` (articles, translations, drafts, hidden
items — ``content_object_init`` fires for each of them, and a sweep on
``article_generator_finalized`` / ``page_generator_finalized`` catches any
object built another way):

* ``obj.content``             typeset HTML (``{{ article.content }}``, feeds): typeset by
                              the reader; a body made otherwise is typeset in place
                              (``upstream.py``, Pelican's private ``_content``).
* ``obj.title_html``          typeset title as HTML (may hold ``<sup>``):
                              ``{{ article.title_html|safe }}`` in ``<h1>``.
* ``obj.title`` and ``obj.metadata["title"]``
                              the same title as *plain text* (``plain_text``:
                              tags stripped, entities unescaped, no-break spaces kept):
                              ``{{ article.title }}`` autoescaped in
                              ``<title>``, meta tags, JSON-LD (``|tojson``),
                              and Pelican's feed titles.
* ``obj.metadata["summary"]`` (only when the source has a ``Summary:``;
                              the reader gives it typeset, so that Pelican's
                              own copy, which a ``FORMATTED_FIELDS`` summary
                              comes back from, is typeset too) typeset HTML
                              built from the plain-text value (``FORMATTED_FIELDS = []``);
                              without one Pelican's own summary (cut from the
                              already typeset content) is left alone.  If
                              ``summary`` *is* in ``FORMATTED_FIELDS`` the
                              value is already HTML and is typeset as such.
* ``obj.summary_plain``       plain text of the summary for ``<meta
                              name="description">`` (only when set above).
* feeds: Pelican's writer collapses the spaces of feed titles; the
                              ``feed_generated`` handler restores the typeset
                              title (no-break spaces included).
* ``obj.french_typeset``      ``True`` once done (``False`` from the reader until
                              then, whatever a front matter says); a second pass is
                              a no-op (no double escaping).

Bodies, titles and summaries are typeset by the reader (``readers_init`` wraps every reader
class): Pelican's content cache then keeps them typeset, and a rebuild reads them as they are
instead of typesetting every article again. The reader marks the body with the ``TYPESET_BODY``
metadata key, which Pelican turns into an attribute of the content object, and gives the title and
the summary as ``(text read, typeset HTML)`` pairs (``TYPESET_TITLE``, ``TYPESET_SUMMARY``). What
the reader did not typeset (a reader this plugin did not wrap, content made another way, a title
another plugin changed after reading) is typeset on ``content_object_init`` as before.

Jinja filters registered on ``initialized`` (into ``JINJA_FILTERS``):
``plaintext`` (``digest.html_text.plain_text``: HTML → plain text on one line), ``typeset``
(HTML → typeset HTML, for strings that are not content objects, e.g. a
tagline: ``{{ SITESUBTITLE|e|typeset|safe }}``) and ``typeset_plain`` (plain text, such as an
entity's name or description, → escaped and typeset HTML, safe to print: ``{{ entity.name|typeset_plain }}``;
``{{ entity.name|typeset_plain|plaintext }}`` for ``<title>`` and attributes).

typogrify: none of its filters is used; ``TYPOGRIFY`` must stay False (see
README.md in this folder for why).
"""

from __future__ import annotations

import functools
import html
import os
import re

from markupsafe import Markup

from digest.dispatch import date_prefix_length
from digest.html_text import plain_text

from . import upstream
from .typeset import typeset

@functools.lru_cache(maxsize=65536)
def typeset_plain(value) -> Markup:
    """Plain text → escaped, typeset HTML (``Côtes-d'Armor`` → ``Côtes-d’Armor``).

    Memoized: the same names and labels come back on thousands of pages."""
    if value is None:
        return Markup("")
    return Markup(typeset(html.escape(str(value), quote=False)))


def _pelican_memos(obj_type) -> list[dict]:
    caches = (getattr(getattr(obj_type, name, None), "cache", None) for name in ("get_content", "get_summary"))
    return [cache for cache in caches if isinstance(cache, dict)]


def _clear_memo(obj) -> None:
    """Drop Pelican's memoized content/summary for ``obj`` (computed early
    by another plugin, they would show untypeset text)."""
    for cache in _pelican_memos(type(obj)):
        for key in [k for k in cache if k and k[0] is obj]:
            del cache[key]


def forget_previous_builds() -> None:
    """Pelican memoizes content and summary per object for the life of the process: a process
    that builds again and again (``invoke serve``) would keep every article of every build, and
    ``_clear_memo`` would scan them all for each new article."""
    from pelican.contents import Content

    for cache in _pelican_memos(Content):
        cache.clear()


# Metadata key (and so attribute) of a body the reader typeset already.
TYPESET_BODY = "french_typeset_body"
# Metadata keys of the title and the summary the reader typeset: (text read, typeset HTML).
TYPESET_TITLE = "french_typeset_title"
TYPESET_SUMMARY = "french_typeset_summary"
# Attribute (and metadata key the reader sets to False) of a content object typeset once.
TYPESET_DONE = "french_typeset"


def title_html(title) -> str:
    return typeset(html.escape(str(title), quote=False))


def summary_html(summary, settings) -> str:
    raw = str(summary)
    return typeset(raw if "summary" in settings.get("FORMATTED_FIELDS", ()) else html.escape(raw, quote=False))


def typesetting_reader(reader_class):
    """``reader_class`` whose ``read`` returns the body typeset (and says so in the metadata), and
    the title and summary typeset beside the text read."""

    def read(self, source_path):
        content, metadata = reader_class.read(self, source_path)
        if metadata.get(TYPESET_BODY) is True:  # the class was wrapped twice (two registrations)
            return content, metadata
        title, summary = metadata.get("title"), metadata.get("summary")
        # Always set, None when there is nothing to typeset: never a value a front matter gave.
        typeset_summary = summary_html(summary, self.settings) if summary is not None else None
        typeset_fields = {
            TYPESET_BODY: True,
            TYPESET_TITLE: (str(title), title_html(title)) if title is not None else None,
            TYPESET_SUMMARY: (str(summary), typeset_summary) if summary is not None else None,
            TYPESET_DONE: False,
        }
        if typeset_summary is not None:
            typeset_fields["summary"] = typeset_summary  # what Pelican keeps as the summary
        return (typeset(content) if content else content), {**metadata, **typeset_fields}

    # Same name: Pelican records it in each article's ``reader`` metadata ("markdown", "html").
    return type(reader_class.__name__, (reader_class,), {"read": read, "__doc__": f"{reader_class.__name__}, bodies typeset."})


def on_readers_init(readers) -> None:
    for extension, reader_class in readers.reader_classes.items():
        if reader_class:
            readers.reader_classes[extension] = typesetting_reader(reader_class)


def _typeset_by_reader(pair, value) -> str | None:
    """The reader's typeset HTML of ``value``, if it typeset this very text (or gave this HTML)."""
    return pair[1] if pair and str(value) in pair else None


def typeset_content_object(obj) -> None:
    """Typeset one Article/Page in place (idempotent, see module doc)."""
    if getattr(obj, TYPESET_DONE, False):
        return
    settings = getattr(obj, "settings", None) or {}
    content = upstream.body(obj)
    if content and not getattr(obj, TYPESET_BODY, False):
        upstream.replace_body(obj, typeset(content))

    metadata = getattr(obj, "metadata", None)
    if metadata is None:
        metadata = obj.metadata = {}
    title = getattr(obj, "title", None)
    if title is not None:
        obj.title_html = _typeset_by_reader(metadata.get(TYPESET_TITLE), title) or title_html(title)
        obj.title = plain_text(obj.title_html)
        metadata["title"] = obj.title
        _FEED_TITLES[" ".join(obj.title.split())] = obj.title

    if "summary" in metadata and metadata["summary"] is not None:
        summary = metadata["summary"]
        typeset_summary = _typeset_by_reader(metadata.get(TYPESET_SUMMARY), summary) or summary_html(summary, settings)
        metadata["summary"] = typeset_summary
        obj.summary_plain = plain_text(typeset_summary)

    setattr(obj, TYPESET_DONE, True)
    _clear_memo(obj)


def _is_prose(obj) -> bool:
    from pelican.contents import Article, Page

    return isinstance(obj, (Article, Page))


def on_content_object_init(obj) -> None:
    if _is_prose(obj):
        typeset_content_object(obj)


_GENERATOR_LISTS = (
    "articles", "translations", "drafts", "drafts_translations",
    "hidden_articles", "hidden_translations",
    "pages", "hidden_pages", "draft_pages", "draft_translations",
)


def on_generator_finalized(generator) -> None:
    """Safety net: every content object the generator holds is typeset."""
    for name in _GENERATOR_LISTS:
        for obj in getattr(generator, name, None) or ():
            if _is_prose(obj):
                typeset_content_object(obj)
                for tr in getattr(obj, "translations", None) or ():
                    if _is_prose(tr):
                        typeset_content_object(tr)


# Pelican's feed writer sets titles with Markup(title).striptags(), which
# collapses every Unicode space (U+00A0 / U+202F included) to U+0020.  The
# typeset title is put back on ``feed_generated``, keyed by its collapsed form.
_FEED_TITLES: dict[str, str] = {}


def on_feed_generated(context, feed) -> None:
    for item in getattr(feed, "items", None) or ():
        title = item.get("title")
        if title in _FEED_TITLES:
            item["title"] = _FEED_TITLES[title]


def on_initialized(pelican_obj) -> None:
    """Expose the ``plaintext`` and ``typeset`` Jinja filters; a new build starts."""
    forget_previous_builds()
    settings = pelican_obj.settings
    filters = dict(settings.get("JINJA_FILTERS") or {})
    filters.setdefault("plaintext", plain_text)
    filters.setdefault("typeset", typeset)
    filters.setdefault("typeset_plain", typeset_plain)
    settings["JINJA_FILTERS"] = filters


# ---------------------------------------------------------------------------
# invoke typeset FILE
# ---------------------------------------------------------------------------

def text_to_html(text: str) -> str:
    """Plain text (dispatch format) → ``<p>`` paragraphs, HTML-escaped.

    Paragraphs are separated by blank lines; a leading `` date YYYY-MM-DD ``
    dispatch prefix is dropped.
    """
    text = text[date_prefix_length(text) :]
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)


def typeset_file(path) -> str:
    """Typeset a file and return HTML.

    * ``.html`` / ``.htm``: an HTML fragment, typeset as is.
    * ``.md`` / ``.markdown``: rendered with Python-Markdown (the site's
      renderer, with ``extra``) then typeset — so code spans and fenced
      blocks are protected like on the site.
    * anything else (``.txt``, dispatches): plain text, see ``text_to_html``.
    """
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    ext = os.path.splitext(str(path))[1].lower()
    if ext in (".html", ".htm"):
        fragment = source
    elif ext in (".md", ".markdown", ".mkd"):
        import markdown

        fragment = markdown.markdown(source, extensions=["extra"])
    else:
        fragment = text_to_html(source)
    return typeset(fragment)
