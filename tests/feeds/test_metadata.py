"""Metadata that previews well: logo and social image made by the theme, Open Graph and Twitter
card, favicon, NewsArticle / CollectionPage / WebSite JSON-LD with the fields search engines read."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

from bs4 import BeautifulSoup
from digest.html_text import plain_text
from french_typography.pelican_glue import typeset_plain
from hypothesis import given, strategies as st
from lxml import etree

from tests.feeds.feeds_support import ROOT, SEED

from structured_data.schema import HEADLINE_MAX, headline

SEED_PAGE = f"2025/08/22/{SEED.stem}/index.html"
SCHEMA_TYPES = {"personnes": "Person", "organisations": "Organization", "lieux": "Place"}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def soup_of(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> dict:
    """The page's one JSON-LD object besides its breadcrumb trail (the theme's BreadcrumbList)."""
    found = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
    found = [data for data in found if data.get("@type") != "BreadcrumbList"]
    assert len(found) == 1
    return found[0]


def local(site: Path, url: str) -> Path:
    """The output file an absolute URL of the site points at."""
    return site / re.sub(r"^https?://[^/]+/", "", url)


# --- headlines ------------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_headline_fits_and_starts_like_the_title(title):
    cut = headline(title)
    plain = " ".join(title.split())
    assert len(cut) <= HEADLINE_MAX
    if len(plain) <= HEADLINE_MAX:
        assert cut == plain
    else:
        assert cut.endswith("…") and plain.startswith(cut[:-1].rstrip())


def test_a_long_headline_is_cut_between_words():
    title = "Le secrétaire général de l’Otan Mark Rutte a appelé les alliés occidentaux à donner des garanties de sécurité solides pour l’Ukraine"
    assert headline(title) == "Le secrétaire général de l’Otan Mark Rutte a appelé les alliés occidentaux à donner des garanties de sécurité…"


# --- images made by the theme -----------------------------------------------------------------------


def test_theme_logo_and_social_image():
    logo = etree.parse(str(ROOT / "theme/static/img/logo.svg")).getroot()
    assert logo.tag == "{http://www.w3.org/2000/svg}svg" and logo.get("viewBox") == "0 0 512 512"
    assert png_size(ROOT / "theme/static/img/logo.png") == (512, 512)
    assert png_size(ROOT / "theme/static/img/social.png") == (1200, 630)
    assert png_size(ROOT / "theme/static/img/favicon-32.png") == (32, 32)
    assert png_size(ROOT / "theme/static/img/apple-touch-icon.png") == (180, 180)


# --- the built pages --------------------------------------------------------------------------------


def test_article_previews_and_news_article(site):
    page = soup_of(site, SEED_PAGE)
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.find_all("meta") if tag.get("content")}
    assert meta["og:type"] == "article"
    assert meta["article:published_time"] == "2025-08-22T12:00:00+02:00"
    assert meta["twitter:card"] == "summary"
    assert png_size(local(site, meta["og:image"])) == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
    assert png_size(local(site, meta["twitter:image"])) == (512, 512)
    assert meta["og:title"] == meta["twitter:title"] and meta["og:image:alt"]

    data = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert 0 < len(data["headline"]) <= HEADLINE_MAX
    assert data["inLanguage"] == "fr" and data["isAccessibleForFree"] is True
    assert data["mainEntityOfPage"]["@id"] == data["url"] and data["url"].endswith(SEED_PAGE[: -len("index.html")])
    assert data["datePublished"] == data["dateModified"] == "2025-08-22T12:00:00+02:00"
    publisher = data["publisher"]
    assert publisher["@type"] in ("Organization", "NewsMediaOrganization") and publisher["name"] == "Le Fil"
    assert png_size(local(site, publisher["logo"]["url"])) == (publisher["logo"]["width"], publisher["logo"]["height"])
    assert data["author"]["@type"] == "Organization" and data["author"]["name"]
    assert png_size(local(site, data["image"][0]["url"])) == (1200, 630)
    assert {m["name"] for m in data["mentions"]} >= {"Mark Rutte", "Kiev"}


def test_credited_article_names_its_source_as_author(site):
    credited = next(p for p in sorted(site.glob("2016/01/*/*/index.html")) if "Wikinews" in p.read_text(encoding="utf-8"))
    data = json_ld(BeautifulSoup(credited.read_text(encoding="utf-8"), "html.parser"))
    assert data["author"] == {"@type": "Organization", "name": "Wikinews"}
    assert data["license"] == "https://creativecommons.org/licenses/by/2.5/"


def test_every_article_headline_fits(site):
    lengths = []
    for path in site.glob("20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"):
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(encoding="utf-8"), re.S)
        lengths.append(len(json.loads(match.group(1))["headline"]))
    assert len(lengths) > 900 and max(lengths) <= HEADLINE_MAX


def test_entity_pages_are_collection_pages_about_the_entity(site):
    for folder, schema_type in SCHEMA_TYPES.items():
        pages = [path for path in sorted(site.glob(f"{folder}/*/index.html"))
                 if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")]  # not a former address, leading on
        for path in pages[:5]:
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            data = json_ld(page)
            assert data["@type"] == "CollectionPage"
            assert data["about"]["@type"] == schema_type
            assert plain_text(typeset_plain(data["about"]["name"])) == page.h1.get_text()  # the heading is typeset
            listed = [element["url"] for element in data["mainEntity"]["itemListElement"]]
            shown = [a["href"] for a in page.select(".entity-articles .teaser-title a")]
            assert [re.sub(r"^https?://[^/]+", "", url) for url in listed] == shown


def test_home_is_a_web_site_searched_on_the_search_page(site):
    home = soup_of(site, "index.html")
    data = json_ld(home)
    assert data["@type"] == "WebSite" and data["name"] == "Le Fil"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"].endswith("/recherche/?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"
    assert (local(site, action["target"]["urlTemplate"].split("?")[0]) / "index.html").is_file()


def test_favicon(site):
    home = soup_of(site, "index.html")
    icons = home.find_all("link", rel="icon")
    assert icons and all(not icon["href"].startswith("data:") for icon in icons)
    for icon in [*icons, home.find("link", rel="apple-touch-icon")]:
        assert (site / icon["href"].lstrip("/")).is_file(), icon["href"]
