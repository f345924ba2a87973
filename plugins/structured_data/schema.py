"""schema.org data for search engines and link previews, as plain dicts (``|tojson`` in templates).

Pure module: settings in, dicts out (no Pelican). Every URL is absolute (``digest.site_urls``).

* ``publisher``: the site as a ``NewsMediaOrganization`` with its logo (``SITE_LOGO``), named by
  every page's data;
* ``web_site``: the home's ``WebSite``, whose ``SearchAction`` is the search page
  (``/recherche/?q={search_term_string}``);
* ``collection_page``: an entity page, ``about`` the Person, Organization or Place;
* ``headline``: a title cut to the 110 characters search engines show of a ``headline``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from digest.settings import setting
from digest.site_urls import absolute_url

HEADLINE_MAX = 110
def headline(text: str, limit: int = HEADLINE_MAX) -> str:
    """``text`` whole when it fits in ``limit`` characters, else cut at the last word boundary
    before it, with « … » (the result never exceeds ``limit``)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def image(settings: Mapping, path_setting: str, size_setting: str) -> dict:
    width, height = setting(settings, size_setting)
    url = absolute_url(settings, setting(settings, path_setting))
    return {"@type": "ImageObject", "url": url, "contentUrl": url, "width": width, "height": height}


def publisher(settings: Mapping) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.get("SITENAME", ""),
        "url": absolute_url(settings, ""),
        "logo": image(settings, "SITE_LOGO", "SITE_LOGO_SIZE"),
    }


def web_site(settings: Mapping) -> dict:
    search = absolute_url(settings, setting(settings, "SEARCH_URL"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.get("SITENAME", ""),
        "description": settings.get("SITESUBTITLE", ""),
        "url": absolute_url(settings, ""),
        "inLanguage": settings.get("DEFAULT_LANG", "fr"),
        "publisher": publisher(settings),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


def collection_page(entity, articles=(), *, settings: Mapping) -> dict:
    """An entity page: a ``CollectionPage`` about the entity (``entity.schema_type``: Person,
    Organization or Place), listing the ``articles`` it shows."""
    url = absolute_url(settings, entity.url)
    about = {"@type": entity.schema_type, "name": entity.name, "url": url}
    if getattr(entity, "forms", None):
        about["alternateName"] = list(entity.forms)
    if getattr(entity, "description", ""):
        about["description"] = entity.description
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": f"{entity.name} — {settings.get('SITENAME', '')}",
        "url": url,
        "inLanguage": settings.get("DEFAULT_LANG", "fr"),
        "isPartOf": {"@type": "WebSite", "name": settings.get("SITENAME", ""), "url": absolute_url(settings, "")},
        "publisher": publisher(settings),
        "about": about,
    }
    listed = [absolute_url(settings, article.url) for article in articles]
    if listed:
        data["mainEntity"] = {
            "@type": "ItemList",
            "numberOfItems": len(listed),
            "itemListElement": [{"@type": "ListItem", "position": n, "url": link} for n, link in enumerate(listed, 1)],
        }
    return data


def add_filters(pelican) -> None:
    """``web_site()`` (a global: it depends on the settings alone), ``entity|collection_page(articles)``."""
    pelican.settings.setdefault("JINJA_GLOBALS", {})["web_site"] = functools.partial(web_site, pelican.settings)
    pelican.settings.setdefault("JINJA_FILTERS", {})["collection_page"] = functools.partial(collection_page, settings=pelican.settings)
