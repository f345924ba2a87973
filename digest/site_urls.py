"""The site's absolute address, one rule for every plugin (entity JSON-LD, feeds, sitemap):
``SITE_ORIGIN`` + ``SITEURL``, or an absolute ``SITEURL`` alone; and the one rule for an address
from outside (a source's URL) that a page links to. Not a plugin: a plain module."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from digest.settings import setting

logger = logging.getLogger(__name__)

LINKED_SCHEMES = ("http", "https")  # javascript:, data:, file:... never reach an href or a src


def http_url(url: str, warn: bool = True) -> str:
    """``url`` as a valid href when it is an http(s) address with a host, else "" (dropped, with a
    warning unless the caller reports it itself): a stray ``%`` and non-ASCII characters
    percent-encoded (Wikinews titles such as ``..._de_6_%`` are stored unencoded in the
    attribution file)."""
    url = str(url or "").strip()
    if not url:
        return ""
    href = _href(url)
    if href is None:
        if warn:
            logger.warning("adresse ignorée (seuls http et https sont publiés) : %r", url)
        return ""
    return href


@functools.lru_cache(maxsize=1 << 14)  # each source address is asked by its page's link and its JSON-LD
def _href(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINKED_SCHEMES or not parts.netloc or re.search(r"[\x00-\x20\x7f]", url):
        return None
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def site_base(settings: Mapping) -> str:
    """Absolute URL of the site's root, without a trailing slash."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if "://" in siteurl:
        return siteurl
    origin = (setting(settings, "SITE_ORIGIN") or "").rstrip("/")
    if "://" not in origin:
        raise ValueError("SITE_ORIGIN (or an absolute SITEURL) is needed for absolute links")
    return origin + ("/" + siteurl.lstrip("/") if siteurl else "")


def absolute_url(settings: Mapping, path: str) -> str:
    """``path`` (relative to the site, like ``article.url``) as an absolute URL."""
    return join_url(site_base(settings), path)


def join_url(base: str, path: str) -> str:
    """``path`` under ``base`` (``site_base``, computed once by a caller making many URLs); an
    absolute URL is kept as it is."""
    if "://" in path:
        return path
    return f"{base}/{path.lstrip('/')}"
