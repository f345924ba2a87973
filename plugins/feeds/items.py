"""One article -> one ``feed.Item`` (no Pelican import: testable alone): its plain typeset title,
its lede and content as HTML ending with the article page's source line, its stable id, its
categories (the dispatch's entities, most salient first, the kicker first), its dates in the site's
time zone and its author. ``pelican_glue`` makes the feeds of the site from these items.

Settings read here (defaults and docstrings in ``digest.settings``): ``FEEDS_ID_PREFIX``,
``FEEDS_MAX_CATEGORIES``, ``FEEDS_AUTHOR``, ``LICENSE_URLS``, ``FORMATTED_FIELDS``, ``TIMEZONE``; none of them
falls back on another setting (``pelican_glue.setting`` does so for ``FEEDS_ENTITY_MAX_ITEMS`` only).
"""

from __future__ import annotations

import html
import logging
import posixpath
from datetime import datetime
from zoneinfo import ZoneInfo

from digest.html_text import plain_text
from digest.settings import setting
from digest.site_urls import http_url, join_url

from . import feed
from .salience import salience_order

logger = logging.getLogger(__name__)


def item_title(article, settings) -> str:
    """Plain typeset title: from ``title_html`` (french_typography) when there is one, so no
    markup can survive; otherwise ``title`` (plain text unless Markdown-formatted)."""
    title_html = getattr(article, "title_html", None)
    if title_html:
        return plain_text(str(title_html))
    title = str(getattr(article, "title", "") or "")
    if "title" in (settings.get("FORMATTED_FIELDS") or ()):
        return plain_text(title)
    return " ".join(title.split())


def item_summary_html(article, settings, base: str) -> str:
    """The lede as HTML: the ``Summary`` metadata (HTML once french_typography has set it, plain
    text otherwise, then escaped), or Pelican's summary cut from the content."""
    metadata = getattr(article, "metadata", {}) or {}
    if metadata.get("summary") is not None:
        raw = str(metadata["summary"])
        is_html = getattr(article, "french_typeset", False) or "summary" in (settings.get("FORMATTED_FIELDS") or ())
        return raw if is_html else html.escape(raw, quote=False)
    getter = getattr(article, "get_summary", None)
    return str(getter(base) if getter else getattr(article, "summary", "") or "")


def item_content_html(article, base: str) -> str:
    getter = getattr(article, "get_content", None)
    return str(getter(base) if getter else getattr(article, "content", "") or "")


def item_id(article, settings) -> str:
    metadata = getattr(article, "metadata", {}) or {}
    prefix = setting(settings, "FEEDS_ID_PREFIX")
    source = metadata.get("source")
    if source:
        return feed.stable_id(prefix, str(source))
    # An article written by hand (no dispatch): its source file's path is the stablest key left.
    path = getattr(article, "relative_source_path", None) or getattr(article, "source_path", "")
    logger.warning("feeds: %s has no Source metadata; its feed id comes from its file path", path)
    return feed.stable_id(prefix, "articles-sans-source/" + str(path).replace("\\", "/"))


def entity_url(entity) -> str:
    return str(getattr(entity, "url", "") or "")


def ranked_entities(article, title: str) -> list:
    """The article's entities, most salient first (see ``salience``)."""
    entities = list(getattr(article, "entities", None) or ())
    if len(entities) < 2:
        return entities
    metadata = getattr(article, "metadata", {}) or {}
    names = [(str(entity.name), *map(str, getattr(entity, "forms", ()) or ())) for entity in entities]
    lede = plain_text(metadata.get("summary") or "")
    text = plain_text(getattr(article, "content", "") or "")
    return [entities[index] for index in salience_order(names, title, lede, text)]


def entity_categories(entities, base: str) -> tuple[feed.Category, ...]:
    categories = []
    for entity in entities or ():
        url = entity_url(entity).strip("/")
        kind_folder = posixpath.dirname(url)
        scheme = join_url(base, kind_folder + "/") if kind_folder else ""
        categories.append(feed.Category(term=str(entity.name), scheme=scheme))
    return tuple(categories)


def source_line_html(article, settings) -> str:
    """The article page's source line: « Source : <a>Wikinews</a>, sous licence <a>CC BY 2.5</a>. »
    (empty when the article names no source)."""
    metadata = getattr(article, "metadata", {}) or {}
    credit, url, license_name = (str(metadata.get(key) or "").strip() for key in ("credit", "credit_url", "license"))
    if not credit:
        return ""
    line = html.escape(credit, quote=False)
    if url := http_url(url, warn=False):  # the page's href, exactly (the page warns about a dropped one)
        line = f'<a href="{html.escape(url)}" rel="external">{line}</a>'
    if license_name:
        license_url = (setting(settings, "LICENSE_URLS") or {}).get(license_name)
        named = html.escape(license_name, quote=False)
        line += f', sous licence <a href="{html.escape(license_url)}" rel="license">{named}</a>' if license_url else f", sous licence {named}"
    return f'<p class="credit">Source\u00a0: {line}.</p>'


def local_time(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment`` in the site's time zone, as a plain ``datetime`` (Pelican's SafeDatetime
    formats dates ten times slower)."""
    moment = moment.astimezone(zone)
    return datetime.combine(moment.date(), moment.timetz())


def last_change(article) -> datetime:
    modified = getattr(article, "modified", None)
    return modified if modified and modified > article.date else article.date


def feeds_author(settings) -> str:
    return str(setting(settings, "FEEDS_AUTHOR") or settings.get("AUTHOR") or settings.get("SITENAME") or "")


def kicker_first(categories: tuple[feed.Category, ...], kicker: str) -> tuple[feed.Category, ...]:
    """The article's kicker (surtitre) as its first category: the entity of that name moved first,
    or a category of its own."""
    if not kicker:
        return categories
    named = [c for c in categories if c.term == kicker]
    first = named[0] if named else feed.Category(term=kicker)
    return (first, *(c for c in categories if c != first))


def article_item(article, settings, base: str) -> feed.Item:
    zone = ZoneInfo(settings.get("TIMEZONE") or "Europe/Paris")
    metadata = getattr(article, "metadata", {}) or {}
    title = item_title(article, settings)
    source_line = source_line_html(article, settings)
    credit, license_name = (str(metadata.get(key) or "").strip() for key in ("credit", "license"))
    cap = setting(settings, "FEEDS_MAX_CATEGORIES")
    ranked = ranked_entities(article, title)[:cap]
    return feed.Item(
        id=item_id(article, settings),
        title=title,
        link=join_url(base, article.url),
        published=local_time(article.date, zone),
        updated=local_time(last_change(article), zone) if last_change(article) is not article.date else None,
        summary_html=join_html(item_summary_html(article, settings, base), source_line),
        content_html=join_html(item_content_html(article, base), source_line),
        categories=kicker_first(entity_categories(ranked, base), str(metadata.get("kicker") or "").strip())[:cap],
        author=credit or feeds_author(settings),
        rights=f"{credit}, {license_name}" if credit and license_name else license_name,
    )


def join_html(*fragments: str) -> str:
    return "\n".join(fragment for fragment in fragments if fragment)
