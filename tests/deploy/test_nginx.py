"""deploy/nginx/site.conf served by Debian's nginx on 127.0.0.1 over the built site: content types
with their charset, compression, cache lifetimes, the 404 page, no listing, conditional GETs, and
feeds that feedparser reads without its bozo flag."""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from tests.conftest import nginx_serving, require

@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """Base (host, port) of nginx serving ``site`` with deploy/nginx/site.conf."""
    with nginx_serving(site, tmp_path_factory.mktemp("nginx")) as server:
        yield server


def get(server, path: str, **headers):
    connection = http.client.HTTPConnection(*server, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def some(site: Path, pattern: str) -> str:
    return "/" + str(next(iter(sorted(site.glob(pattern)))).relative_to(site))


@pytest.mark.parametrize(
    "path, content_type, max_age",
    [
        ("/", "text/html; charset=utf-8", 300),
        ("/2025/08/22/le-secretaire-general-de-l-otan-mark-rutte-a-appele-les-allies-occidentaux/", "text/html; charset=utf-8", 300),
        ("/rss.xml", "application/rss+xml; charset=utf-8", 600),
        ("/atom.xml", "application/atom+xml; charset=utf-8", 600),
        ("/feed.json", "application/feed+json; charset=utf-8", 600),
        ("/flux.opml", "text/x-opml; charset=utf-8", 600),
        ("/sitemap.xml", "application/xml; charset=utf-8", 600),
        ("/lieux/kiev/rss.xml", "application/rss+xml; charset=utf-8", 600),
        ("/entites/noms.json", "application/json; charset=utf-8", 300),
        ("/theme/css/site.css", "text/css; charset=utf-8", 86400),
        ("/theme/img/logo.svg", "image/svg+xml; charset=utf-8", 86400),
        ("/theme/img/logo.png", "image/png", 86400),
    ],
)
def test_types_charsets_and_cache_lifetimes(nginx, path, content_type, max_age):
    response, body = get(nginx, path)
    assert response.status == 200, path
    assert response.getheader("Content-Type") == content_type
    assert f"max-age={max_age}" in response.getheader("Cache-Control")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_hashed_search_files_are_cached_for_a_year(nginx, site):
    if not (site / "pagefind/index").is_dir():
        pytest.skip("no Pagefind index in this build")
    for pattern in ("pagefind/index/*", "pagefind/fragment/*"):
        response, _ = get(nginx, some(site, pattern))
        assert response.status == 200
        assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"


def test_compression(nginx):
    for path in ("/", "/rss.xml", "/feed.json", "/flux.opml", "/theme/css/site.css"):
        plain_response, plain = get(nginx, path)
        response, body = get(nginx, path, **{"Accept-Encoding": "gzip"})
        assert response.getheader("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in response.getheader("Vary", "")
        assert gzip.decompress(body) == plain and len(body) < len(plain)
        assert plain_response.getheader("Content-Encoding") is None


def test_not_found_page_and_no_listing(nginx):
    response, body = get(nginx, "/pas-de-page-ici/")
    assert response.status == 404
    assert "Page introuvable" in body.decode("utf-8")
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    for folder in ("/theme/", "/theme/css/", "/pagefind/"):
        response, body = get(nginx, folder)
        assert response.status == 404, folder
        assert b"Index of" not in body
    assert get(nginx, "/_headers")[0].status == 404


def test_conditional_get(nginx):
    for path in ("/rss.xml", "/", "/lieux/kiev/rss.xml"):
        response, _ = get(nginx, path)
        etag, modified = response.getheader("ETag"), response.getheader("Last-Modified")
        assert etag and modified, path
        assert get(nginx, path, **{"If-None-Match": etag})[0].status == 304
        assert get(nginx, path, **{"If-Modified-Since": modified})[0].status == 304
        assert get(nginx, path, **{"If-None-Match": '"autre"'})[0].status == 200
        gzipped, _ = get(nginx, path, **{"Accept-Encoding": "gzip"})
        assert get(nginx, path, **{"Accept-Encoding": "gzip", "If-None-Match": gzipped.getheader("ETag")})[0].status == 304


def test_feeds_parse_without_bozo_as_served(nginx):
    for path in ("/rss.xml", "/atom.xml", "/lieux/kiev/rss.xml", "/personnes/mark-rutte/rss.xml"):
        response, body = get(nginx, path, **{"Accept-Encoding": "gzip"})
        assert response.status == 200, path
        headers = {name.lower(): value for name, value in response.getheaders()}
        result = feedparser.parse(gzip.decompress(body), response_headers=headers)
        assert result.bozo == 0, (path, result.get("bozo_exception"))
        assert result.entries and result.encoding == "utf-8"
    # What the issue saw: the same bytes sent as a default nginx sends them (text/xml, no charset) are flagged.
    _, body = get(nginx, "/rss.xml")
    assert feedparser.parse(body, response_headers={"content-type": "text/xml"}).bozo == 1


def newsboat_reads(urls: list[str], work: Path) -> tuple[str, str]:
    """newsboat fetches ``urls`` once: (what it printed, its error log). It exits 0 even when a feed
    is broken: the error log is what tells."""
    work.mkdir()
    (work / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    (work / "config").write_text(f'error-log "{work}/error.log"\n', encoding="utf-8")
    (work / "error.log").touch()
    result = subprocess.run(
        ["newsboat", "-u", str(work / "urls"), "-c", str(work / "cache.db"), "-C", str(work / "config"), "-x", "reload", "print-unread"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(work)},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, (work / "error.log").read_text(encoding="utf-8")


def test_newsboat_reads_the_site_and_an_entity_feed(nginx, tmp_path):
    require(shutil.which("newsboat") is not None, "newsboat is not installed (apt-get install newsboat)")
    base = f"http://{nginx[0]}:{nginx[1]}"
    printed, errors = newsboat_reads([f"{base}/rss.xml", f"{base}/atom.xml", f"{base}/lieux/kiev/rss.xml", f"{base}/personnes/mark-rutte/rss.xml"], tmp_path / "ok")
    assert errors == ""
    assert int(printed.split()[0]) >= 50
    # The log does report a broken feed (so an empty log means something).
    _, errors = newsboat_reads([f"{base}/rss.xml", f"{base}/flux/"], tmp_path / "broken")
    assert f"{base}/flux/" in errors
