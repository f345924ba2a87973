"""Write ``sitemap.xml`` (sitemaps.org 0.9) and ``robots.txt``.

Every ``lastmod`` comes from content: an article's ``modified`` (or ``date``), a listing's
newest article. A URL with no dated content gets no ``lastmod`` at all: the build time is never
used, so rebuilding an unchanged site gives a byte-identical sitemap. No ``hreflang``
alternates are written (the site has one language; Pelican's translations are not published).
"""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from pelican.generators import Generator
from digest.settings import setting
from digest.site_urls import absolute_url


def _stamp(content):
    return getattr(content, "modified", None) or getattr(content, "date", None)


def _url_of(save_as: str) -> str:
    return save_as[: -len("index.html")] if save_as.endswith("index.html") else save_as


def sitemap_entries(context, settings) -> list[tuple[str, object]]:
    """[(url relative to the site, datetime or None)], each URL once, in a stable order."""
    entries: dict[str, object] = {}

    def add(url, moment):
        if url is None or url is False:
            return
        previous = entries.get(url)
        entries[url] = moment if previous is None or (moment and moment > previous) else previous

    articles = list(context.get("articles", []))
    newest = max((_stamp(a) for a in articles), default=None)
    add("", newest)
    if "archives" in settings.get("DIRECT_TEMPLATES", ()) and settings.get("ARCHIVES_SAVE_AS"):
        add(_url_of(settings["ARCHIVES_SAVE_AS"]), newest)
    for article in articles:
        moment = _stamp(article)
        add(article.url, moment)
    for period in context.get("period_archive_pages", ()):  # day, month, year (plugins/period_archives)
        add(period.url, max((_stamp(a) for a in period.dates), default=None))
    for page in context.get("pages", []):
        add(page.url, _stamp(page))
    entities = context.get("entities")
    if entities:
        for kind_pages in entities.values():
            for entity in kind_pages:
                add(entity.url, max((_stamp(a) for a in entity.articles), default=None))
        index = setting(settings, "ENTITIES_INDEX_URL")
        add(index, newest)
    return sorted(entries.items(), key=lambda item: (item[0] != "", item[0]))


def render_sitemap(entries, settings) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, moment in entries:
        lines.append("<url>")
        lines.append(f"<loc>{escape(absolute_url(settings, url))}</loc>")
        if moment is not None:
            lines.append(f"<lastmod>{moment.isoformat(timespec='seconds')}</lastmod>")
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_robots(settings) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(settings, setting(settings, 'SITEMAP_SAVE_AS'))}\n"


class SitemapGenerator(Generator):
    def generate_output(self, writer):
        out = self.output_path
        sitemap = setting(self.settings, "SITEMAP_SAVE_AS")
        with open(os.path.join(out, sitemap), "w", encoding="utf-8") as handle:
            handle.write(render_sitemap(sitemap_entries(self.context, self.settings), self.settings))
        if setting(self.settings, "ROBOTS_SAVE_AS"):
            with open(os.path.join(out, setting(self.settings, "ROBOTS_SAVE_AS")), "w", encoding="utf-8") as handle:
                handle.write(render_robots(self.settings))


def get_generators(pelican):
    return SitemapGenerator
