"""Pelican glue: articles -> ``feed.Item``\\ s (``items``) -> files in the output folder.

Generator
---------
``FeedsGenerator`` comes after Pelican's generators and the entities': it reads
``context["articles"]`` once every context is final (typeset content, ``article.entities``) and
writes each feed atomically under ``OUTPUT_PATH`` — in a forked child while Pelican writes the
pages, where ``aside`` allows it (``WRITE_ASIDE``).

Settings (defaults and docstrings in ``digest.settings``)
-----------------------------------
* ``SITE_ORIGIN`` + ``SITEURL``: the absolute base of every link (``SITEURL`` alone when it is
  already absolute).
* ``FEEDS_RSS_SAVE_AS`` / ``FEEDS_ATOM_SAVE_AS``: the main feeds (``rss.xml`` / ``atom.xml``;
  empty string: not written).
* ``FEEDS_JSON_SAVE_AS``: the JSON Feed 1.1 beside them, same items and ids (``feed.json``).
* ``FEEDS_OPML_SAVE_AS``: every entity feed in one OPML list, a folder per kind (``flux.opml``).
* ``FEEDS_MAX_ITEMS``: newest articles in the main feeds (50); ``FEEDS_ENTITY_MAX_ITEMS`` the
  same for each entity feed (default: ``FEEDS_MAX_ITEMS``); ``None``: no limit.
* ``FEEDS_ENTITY_FEEDS``: write one RSS feed per entity at ``entity.feed_url`` (True).
* ``FEEDS_ID_PREFIX``: prefix of every item GUID / Atom id (``tag:lefil.example,2025:``); an
  item's id is this prefix plus the ``Source`` metadata (the dispatch's path), so it never
  changes when the article's date, slug or URL does, nor between the local and public sites.
* ``FEEDS_AUTHOR``: the feeds' author (Atom requires one); by default ``AUTHOR``, else ``SITENAME``.
* ``FEEDS_MAX_CATEGORIES``: an item's categories are its dispatch's entities, most salient first
  (``salience``), at most this many (8).
* ``FEEDS_RIGHTS``: the channel's ``copyright`` / ``rights`` (plain text).
* ``LICENSE_URLS``: ``{licence name: URL}``; an item's source line links its licence there.
* ``SITENAME``, ``SITESUBTITLE``, ``DEFAULT_LANG``, ``TIMEZONE``: channel fields.

Credit: each item's content and summary end with the article page's source line (credit linked
to the source, licence); the source organisation (``Credit:``) is the item's author.
"""

from __future__ import annotations

import html
import logging
import posixpath
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from digest import aside
from digest.html_text import plain_text
from digest.settings import setting as site_setting
from digest.site_urls import join_url, site_base

from . import feed
from .items import article_item, entity_url, feeds_author, last_change, local_time

logger = logging.getLogger(__name__)

def setting(settings, name):
    if name == "FEEDS_ENTITY_MAX_ITEMS" and name not in settings:
        name = "FEEDS_MAX_ITEMS"  # the site's, whatever it is
    return site_setting(settings, name)


# --- the feeds of a site ------------------------------------------------------------------------


def safe_relative(path: str) -> str:
    """``path`` as a relative path inside the output folder (no absolute path, no ``..``)."""
    normal = posixpath.normpath("/" + str(path).replace("\\", "/")).lstrip("/")
    if not normal or normal == ".":
        raise ValueError(f"feeds: empty output path {path!r}")
    return normal


def site_feeds(articles, settings, reused=None, redirects=()) -> Iterator[tuple[str, bytes]]:
    """Every feed of the site, one after the other (those of a large site do not all fit in memory
    at once): (path relative to the output folder, bytes). An entity feed for which ``reused(path)``
    is true was taken from the previous build (plugins/incremental): it is neither made nor yielded.
    ``redirects``: the former addresses of entities (``entities.pages.Redirect``), whose feeds
    subscribers still poll: each is the feed of the entity it leads to, or says the entity is no
    longer followed (``retired_feed``)."""
    base = site_base(settings)
    # Newest first; a stable sort keeps the site's order (ARTICLE_ORDER_BY) for equal dates.
    articles = sorted(articles, key=lambda article: -article.date.timestamp())
    items: dict[int, feed.Item] = {}  # an article's item, made when a feed first lists it
    entries: dict = {}  # each item's feed entry, built once for all the feeds it appears in

    def items_of(listed, limit) -> list[feed.Item]:
        listed = listed if limit is None else listed[:limit]
        for article in listed:
            if id(article) not in items:
                items[id(article)] = article_item(article, settings, base)
        return [items[id(article)] for article in listed]

    channel = site_channel(settings, base)
    limit = setting(settings, "FEEDS_MAX_ITEMS")
    site_items = items_of(articles, limit)
    if channel.rss_url:
        yield safe_relative(setting(settings, "FEEDS_RSS_SAVE_AS")), feed.rss(channel, site_items, limit, entries)
    if channel.atom_url:
        yield safe_relative(setting(settings, "FEEDS_ATOM_SAVE_AS")), feed.atom(channel, site_items, limit, entries)
    if channel.json_url:
        yield safe_relative(setting(settings, "FEEDS_JSON_SAVE_AS")), feed.json_feed(channel, site_items, limit)
    if not setting(settings, "FEEDS_ENTITY_FEEDS"):
        return
    by_entity = articles_by_entity(articles)
    if opml_as := setting(settings, "FEEDS_OPML_SAVE_AS"):
        yield safe_relative(opml_as), entity_opml(by_entity, channel, base, settings)
    entity_limit = setting(settings, "FEEDS_ENTITY_MAX_ITEMS")
    for url in sorted(by_entity):
        entity, listed = by_entity[url]
        save_as = entity_feed_url(entity)
        if reused is None or not reused(save_as):
            entity_feed = entity_channel(channel, entity, settings, base)
            yield safe_relative(save_as), feed.rss(entity_feed, items_of(listed, entity_limit), entity_limit, entries)
    for redirect in sorted(redirects, key=lambda redirect: redirect.former.url):
        target = redirect.target
        if target is not None and entity_url(target) in by_entity:
            # the very feed of the entity that took its dispatches: same items and GUIDs (a reader shows
            # nothing twice), its self link the entity's feed, where the reader may move the subscription
            entity_feed = entity_channel(channel, target, settings, base)
            data = feed.rss(entity_feed, items_of(by_entity[entity_url(target)][1], entity_limit), entity_limit, entries)
        else:
            data = retired_feed(channel, redirect, settings, base)
        yield safe_relative(entity_feed_url(redirect.former)), data


def site_channel(settings, base: str) -> feed.Channel:
    """The site's own feeds: every dispatch."""
    sitename = str(settings.get("SITENAME") or "")
    rss_as, atom_as = setting(settings, "FEEDS_RSS_SAVE_AS"), setting(settings, "FEEDS_ATOM_SAVE_AS")
    json_as = setting(settings, "FEEDS_JSON_SAVE_AS")
    return feed.Channel(
        id=setting(settings, "FEEDS_ID_PREFIX") + "feed",
        title=sitename,
        link=base + "/",
        description=str(settings.get("SITESUBTITLE") or sitename),
        language=(settings.get("DEFAULT_LANG") or "fr").lower(),
        author=feeds_author(settings),
        rights=str(setting(settings, "FEEDS_RIGHTS") or ""),
        rss_url=join_url(base, rss_as) if rss_as else "",
        atom_url=join_url(base, atom_as) if atom_as else "",
        json_url=join_url(base, json_as) if json_as else "",
    )


def entity_channel(site: feed.Channel, entity, settings, base: str) -> feed.Channel:
    """An entity's feed: the dispatches that cite it."""
    url = entity_url(entity)
    sitename = str(settings.get("SITENAME") or "")
    return feed.Channel(
        id=setting(settings, "FEEDS_ID_PREFIX") + "feed/" + url.strip("/"),
        title=f"{entity.name} — {sitename}" if sitename else str(entity.name),
        link=join_url(base, url),
        description=f"Les dépêches qui citent {entity.name}",
        language=site.language,
        author=site.author,
        rights=site.rights,
        rss_url=join_url(base, entity_feed_url(entity)),
    )


def retired_feed(site: feed.Channel, redirect, settings, base: str) -> bytes:
    """The feed at the address of an entity that no page follows any more: one item saying so, which
    links to its kind's index. Its id never changes from one build to the next, nor its date while
    a dispatch names the entity: the date of the newest dispatch still naming it, else of the site's
    newest dispatch (``redirect.last_cited``); the epoch only for a site without dispatches."""
    former = redirect.former
    sitename = str(settings.get("SITENAME") or "")
    name = html.escape(str(former.name), quote=False)
    index = join_url(base, redirect.url)
    followed = FOLLOWED_OF_KIND.get(former.kind, "entités suivies")
    who = sitename or "Ce site"
    channel = feed.Channel(
        id=setting(settings, "FEEDS_ID_PREFIX") + "feed/" + entity_url(former).strip("/"),
        title=f"{former.name} — {sitename}" if sitename else str(former.name),
        link=index,
        description=f"{who} ne suit plus {former.name}",
        language=site.language,
        author=site.author,
        rights=site.rights,
        rss_url=join_url(base, entity_feed_url(former)),
    )
    zone = ZoneInfo(settings.get("TIMEZONE") or "Europe/Paris")
    notice = (f"<p>{html.escape(who, quote=False)} ne suit plus {name}, qui n’a plus de page à son nom\u00a0: ce flux ne "
              f"recevra plus de dépêche. <a href=\"{html.escape(index)}\">La liste des {followed}</a> donne le flux de chacun.</p>")
    item = feed.Item(
        id=channel.id + "/plus-suivi",
        title=f"Fin du suivi\u00a0: {former.name}",
        link=index,
        published=local_time(redirect.last_cited or feed.EPOCH, zone),
        summary_html=notice,
        content_html=notice,
        author=site.author,
    )
    return feed.rss(channel, [item])


# The kind's index in a sentence: "la liste des lieux suivis".
FOLLOWED_OF_KIND = {"personne": "personnes suivies", "organisation": "organisations suivies", "lieu": "lieux suivis"}


def articles_by_entity(articles) -> dict[str, tuple[object, list]]:
    """{entity URL: (entity, the articles citing it, in the order given)}."""
    by_entity: dict[str, tuple[object, list]] = {}
    for article in articles:
        for entity in getattr(article, "entities", None) or ():
            url = entity_url(entity)
            if not url:
                continue
            listed = by_entity.setdefault(url, (entity, []))[1]
            # Articles arrive one by one: an entity listed twice in one article would repeat
            # the last one (a list scan here would be quadratic for the busiest entities).
            if not listed or listed[-1] is not article:
                listed.append(article)
    return by_entity


def entity_feed_url(entity) -> str:
    return str(getattr(entity, "feed_url", "") or entity_url(entity).rstrip("/") + "/rss.xml")


def entity_opml(by_entity: dict, channel: feed.Channel, base: str, settings) -> bytes:
    """The OPML list of every entity feed: a folder per kind (people, organisations, places), the
    entities by name inside; the site's own feed first, in a folder of its own."""
    from digest.entities.model import KINDS
    from entities.pages import KIND_PLURAL_LABELS

    by_kind: dict[str, list] = {kind: [] for kind in KINDS}
    for url, (entity, _) in by_entity.items():
        by_kind.setdefault(str(entity.kind), []).append(entity)
    groups = [(channel.title or "Le site", [feed.Outline(f"{channel.title} — toutes les dépêches", channel.rss_url, channel.link)] if channel.rss_url else [])]
    for kind, entities in by_kind.items():
        entities.sort(key=lambda entity: (plain_text(str(entity.name)).casefold(), str(entity.name), entity_url(entity)))
        outlines = [feed.Outline(str(entity.name), join_url(base, entity_feed_url(entity)), join_url(base, entity_url(entity))) for entity in entities]
        groups.append((KIND_PLURAL_LABELS.get(kind, kind.capitalize()), outlines))
    title = f"{channel.title} — les flux des personnes, organisations et lieux"
    zone = ZoneInfo(settings.get("TIMEZONE") or "Europe/Paris")
    newest = max((local_time(last_change(article), zone) for _, listed in by_entity.values() for article in listed), default=None)
    return feed.opml(title, groups, owner=channel.author, updated=newest, owner_url=channel.link)


def write_feeds(feeds: Iterable[tuple[str, bytes]], output_path) -> int:
    output = Path(output_path)
    count = 0
    for relative, data in feeds:
        feed.write_if_changed(output / relative, data)
        count += 1
    return count


# --- the generator ------------------------------------------------------------------------------


class FeedsGenerator(aside.WritesAside, Generator):
    """Writes the feeds of the site from ``context["articles"]`` (plugin generators run after
    Pelican's, so the articles are those every other generator and plugin left)."""

    aside_label = "flux RSS et Atom"

    def write_aside(self) -> None:
        # In a forked child, while Pelican writes the pages (digest/aside.py; waited for on
        # `finalized`).
        self.write()

    def generate_output(self, writer) -> None:
        if not self.written_aside:
            self.write()

    def write(self) -> None:
        start = time.perf_counter()
        try:
            reused = self.context.get("reuse_output")  # plugins/incremental, when it runs
            redirects = getattr(self.context.get("entities"), "redirects", ())  # plugins/entities, when it runs
            count = write_feeds(site_feeds(list(self.context.get("articles", [])), self.settings, reused, redirects), self.output_path)
        except ValueError as error:
            logger.error("%s", error)
            return
        logger.info("feeds: %d feed(s) written in %.1f s", count, time.perf_counter() - start)


def get_generators(pelican):
    return FeedsGenerator
