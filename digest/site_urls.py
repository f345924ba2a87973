"""The site's absolute address, one rule for every plugin (entity JSON-LD, feeds, sitemap):
``SITE_ORIGIN`` + ``SITEURL``, or an absolute ``SITEURL`` alone. Not a plugin: a plain module."""

from __future__ import annotations

from collections.abc import Mapping


def site_base(settings: Mapping) -> str:
    """Absolute URL of the site's root, without a trailing slash."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if "://" in siteurl:
        return siteurl
    origin = (settings.get("SITE_ORIGIN") or "").rstrip("/")
    if "://" not in origin:
        raise ValueError("SITE_ORIGIN (or an absolute SITEURL) is needed for absolute links")
    return origin + ("/" + siteurl.lstrip("/") if siteurl else "")


def absolute_url(settings: Mapping, path: str) -> str:
    """``path`` (relative to the site, like ``article.url``) as an absolute URL."""
    return f"{site_base(settings)}/{path.lstrip('/')}"
