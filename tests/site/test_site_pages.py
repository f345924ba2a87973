"""The built site read as files: the seed article, entity pages, feed links, JSON-LD, sitemap,
links, hosts and the theme's weight."""

from __future__ import annotations

import fnmatch
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from french_typography.pelican_glue import typeset_plain
from tests.site.sitekit import ATTRIBUTE, SEED_PATH, TAG

SCHEMA_TYPES = {"personnes": "Person", "organisations": "Organization", "lieux": "Place"}


def soup(site, path: str) -> BeautifulSoup:
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    assert file.exists(), f"{path} is not in the built site"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def json_ld(page: BeautifulSoup) -> dict:
    """The page's one JSON-LD object that is not its breadcrumb trail."""
    found = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    found = [data for data in found if data["@type"] != "BreadcrumbList"]
    assert len(found) == 1
    return found[0]


# --- The seed article -------------------------------------------------------------------


def test_seed_article_shows_title_date_lede_and_its_entities(site):
    page = soup(site, SEED_PATH)
    assert "Mark Rutte appelle les alliés" in page.h1.get_text()
    assert page.find("time", datetime=re.compile(r"^2025-08-22"))
    assert page.find(class_="lede") and "garanties de sécurité solides" in page.find(class_="lede").get_text()
    links = {a["href"] for a in page.select(".mentions a")}
    assert "/personnes/mark-rutte/" in links
    assert "/personnes/volodymyr-zelensky/" in links
    assert "/lieux/kiev/" in links
    assert any(href.startswith("/organisations/otan") for href in links)
    assert page.select_one(".mentions a[href='/personnes/mark-rutte/']").get_text() == "Mark Rutte"


def test_seed_article_lists_its_entities_under_their_kind(site):
    # "Dans cette dépêche": people, then organisations, then places, each under its heading
    mentions = soup(site, SEED_PATH).select_one(".mentions")
    headings = [h3.get_text() for h3 in mentions.find_all("h3")]
    assert headings == ["Personnes", "Organisations", "Lieux"]
    for heading, kind in zip(mentions.find_all("h3"), ("personne", "organisation", "lieu")):
        tags = heading.find_next_sibling("ul").select(".tag")
        assert tags and all(f"tag-{kind}" in tag["class"] for tag in tags)


def test_seed_article_json_ld_is_a_news_article_with_typed_mentions(site, settings):
    data = json_ld(soup(site, SEED_PATH))
    origin = settings["SITE_ORIGIN"] + settings["SITEURL"]
    assert data["@type"] == "NewsArticle"
    assert data["url"] == f"{origin}/{SEED_PATH}"
    assert data["datePublished"].startswith("2025-08-22")
    mentions = {mention["name"]: mention for mention in data["mentions"]}
    rutte = mentions["Mark Rutte"]
    assert rutte["@type"] == "Person"
    assert rutte["url"] == f"{origin}/personnes/mark-rutte/"
    assert "Rutte" in rutte["alternateName"] and "Mark Rutte" not in rutte["alternateName"]
    assert mentions["Kiev"]["@type"] == "Place"
    for mention in data["mentions"]:
        if "url" not in mention:  # cited by no other dispatch: named, without a page (ENTITY_MIN_ARTICLES)
            assert mention["name"] == "Budapest" and mention["@type"] == "Place"
            continue
        folder = urlsplit(mention["url"]).path.split("/")[1]
        assert mention["@type"] == SCHEMA_TYPES[folder], mention
        assert mention["url"].startswith(origin + "/")


def test_every_article_carries_valid_json_ld(html_pages):
    for path, text in html_pages.items():
        if re.match(r"\d{4}/\d\d/\d\d/[^/]+/index\.html$", path):
            scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
            found = [data for data in map(json.loads, scripts) if data["@type"] != "BreadcrumbList"]
            assert len(found) == 1, path
            data = found[0]
            assert data["@type"] == "NewsArticle" and data["headline"], path


def test_attribution_names_the_source_and_the_licence(site, html_pages):
    credited = [p for p, text in html_pages.items() if 'class="credit"' in text]
    assert credited, "no article shows its source"
    page = BeautifulSoup(html_pages[credited[0]], "html.parser")
    credit = page.select_one(".credit")
    link = credit.find("a")
    assert link.get_text() == "Wikinews" and link["href"].startswith("https://fr.wikinews.org/")
    assert "CC BY 2.5" in credit.get_text()


def test_article_has_related_articles_and_neighbours(site):
    page = soup(site, SEED_PATH)
    assert page.select(".related a"), "the seed shares entities with other articles"
    # the seed is the newest: only an older one, on the right, said in words and by the arrow
    assert not page.select_one(".neighbours a[rel=prev]")
    older = page.select_one(".neighbours a[rel=next]").span.get_text()
    assert older.startswith("Plus ancienne") and older.endswith("→")


def test_article_dateline_says_when_where_from_and_how_long(site, html_pages):
    seed = soup(site, SEED_PATH).select_one(".article-header .dateline").get_text()
    assert seed.startswith("Publié le vendredi 22\u00a0août 2025")
    assert "Source" not in seed, "the seed dispatch has no attribution: no source is promised"
    assert re.search(r"· \d+\u00a0min de lecture$", seed.strip())
    credited = BeautifulSoup(next(text for text in html_pages.values() if 'class="credit"' in text), "html.parser")
    dateline = credited.select_one(".article-header .dateline").get_text()
    assert re.search(r"^Publié le \w+ \d+\u00a0\w+ \d{4}.* · Source\u00a0: Wikinews, sous licence CC BY 2\.5 · ", dateline.strip()), dateline
    footer = credited.select_one(".site-footer").get_text()
    assert "chaque article" not in footer and "sous son titre" in footer


def test_same_day_neighbours_say_so(site, html_pages):
    labels = [span.get_text() for text in html_pages.values() if 'class="neighbours"' in text
              for span in BeautifulSoup(text, "html.parser").select(".neighbours a span")]
    assert "← Plus récente du même jour" in labels and "Plus ancienne du même jour →" in labels
    assert any(label.startswith("Plus ancienne · ") for label in labels)


# --- Home and archives ------------------------------------------------------------------

ARTICLE_PAGE = re.compile(r"(\d{4})/(\d\d)/(\d\d)/[^/]+/index\.html$")


def article_days(site) -> list[str]:
    """The day of each article page, newest first (YYYY/MM/DD)."""
    found = [ARTICLE_PAGE.match(path.relative_to(site).as_posix()) for path in site.glob("[0-9]*/*/*/*/index.html")]
    return sorted(("/".join(match.groups()) for match in found if match), reverse=True)


def test_home_shows_the_newest_dispatches_and_leads_to_the_day_before(site, settings):
    home = soup(site, "index.html")
    teasers = home.select("article.teaser")
    days = article_days(site)
    assert len(teasers) == settings["HOME_ARTICLES"] < len(days)
    shown_days = {a["href"].strip("/").rsplit("/", 1)[0] for a in (t.select_one(".teaser-title a") for t in teasers)}
    assert shown_days <= set(days[: settings["HOME_ARTICLES"]])
    older = home.select_one(".pagination a[rel=next]")
    assert older["href"] == f"/{days[settings['HOME_ARTICLES']]}/"
    assert not (site / "page").exists()  # no home pagination: the day pages take over


def test_home_has_a_lead_the_days_before_a_gap_said_and_the_topics_of_the_moment(site):
    home = soup(site, "index.html")
    lead = home.select_one("section.lead")
    assert lead.h2.get_text() == "À la une"
    assert lead.select_one(".teaser-lead .teaser-title a")["href"] == f"/{SEED_PATH}"  # the newest day's only dispatch
    headings = [h2.get_text() for h2 in home.select(".front-news h2")]
    assert headings[0] == "À la une" and headings[1] == "Mardi 19\u00a0décembre 2017"  # the seed's day has nothing else
    gap = home.select_one(".front-news .gap").get_text()
    assert gap == "Aucune dépêche entre le mardi 19\u00a0décembre 2017 et le vendredi 22\u00a0août 2025."
    topics = home.select("aside.topics li")
    assert topics and all(li.a["href"].startswith(("/personnes/", "/organisations/", "/lieux/")) for li in topics)
    assert {li.a.get_text() for li in topics} <= {a.get_text() for a in home.select(".teaser-lead .tags a")}
    assert all(re.fullmatch(r"\d+\u00a0dépêches?", li.select_one(".count").get_text()) for li in topics)


def test_teasers_summarise_without_repeating_their_title(html_pages):
    summaries = 0
    for path, text in html_pages.items():
        if path == "index.html" or re.match(r"\d{4}/\d\d/\d\d/index\.html$", path):
            for teaser in BeautifulSoup(text, "html.parser").select("article.teaser"):
                title = teaser.select_one(".teaser-title").get_text().strip().rstrip(".")
                lede = teaser.select_one(".teaser-lede")
                if lede:
                    summaries += 1
                    summary = lede.get_text()
                    assert len(summary) <= 201 and not summary.startswith(title), (path, title, summary)
    assert summaries > 500


def test_day_pages_lead_from_each_day_to_the_day_before_and_after(site):
    """Older on the right (rel=next, "Plus ancien : … →"), newer on the left, as on the home page,
    the articles and the entity pages."""
    days = sorted(set(article_days(site)), reverse=True)
    walked, current = [], days[0]
    while current:
        page = soup(site, current)
        walked.append(current)
        older = page.select_one(".pagination a[rel=next]")
        current = older["href"].strip("/") if older else None
        if current:
            assert older.get_text().startswith("Plus ancien\u00a0: ") and older.get_text().endswith(" →")
            newer = soup(site, current).select_one(".pagination a[rel=prev]")
            assert newer["href"] == f"/{walked[-1]}/" and newer.get_text().startswith("← Plus récent\u00a0: ")
    assert walked == days


def test_year_page_is_a_calendar_of_months_and_days_with_counts(site):
    page = soup(site, "2016/")
    days = [day for day in article_days(site) if day.startswith("2016/")]
    months = page.select("table.month")
    assert [table.caption.a["href"] for table in months] == sorted({f"/{day[:7]}/" for day in days})
    linked = {a["href"].strip("/"): int(a.select_one(".n").get_text()) for a in page.select("table.month td a")}
    assert linked == {day: days.count(day) for day in set(days)}
    june = next(table for table in months if table.caption.a["href"] == "/2016/06/")
    assert june.caption.select_one(".count").get_text() == f"{sum(d.startswith('2016/06') for d in days)}\u00a0dépêches"
    assert [th.abbr["title"] for th in june.select("thead th")][:2] == ["lundi", "mardi"]
    first_week = [td.get_text() for td in june.select("tbody tr")[0].select("td")]
    assert first_week[:2] == ["", ""] and first_week[2]  # 1 June 2016 was a Wednesday
    assert june.select_one("a[href='/2016/06/12/']")["aria-label"].startswith("dimanche 12 juin\u00a0: ")


def breadcrumb_trail(page):
    """[(label, href or None for the page itself)] of the visible trail, and the JSON-LD one."""
    shown = [(li.get_text(), li.a["href"] if li.a else None) for li in page.select("nav.breadcrumbs li")]
    data = next(d for d in (json.loads(s.string) for s in page.find_all("script", type="application/ld+json"))
                if d["@type"] == "BreadcrumbList")
    return shown, data["itemListElement"]


def test_breadcrumbs_lead_up_from_article_day_month_year_and_entity(site, settings):
    origin = settings["SITE_ORIGIN"] + settings["SITEURL"]
    shown, items = breadcrumb_trail(soup(site, "2017/12/19/"))
    assert shown == [("Accueil", "/"), ("2017", "/2017/"), ("décembre", "/2017/12/"), ("mardi 19\u00a0décembre", None)]
    assert [(item["position"], item["name"], item.get("item")) for item in items] == [
        (1, "Accueil", f"{origin}/"), (2, "2017", f"{origin}/2017/"), (3, "décembre", f"{origin}/2017/12/"),
        (4, "mardi 19 décembre", None)]  # plain text in JSON-LD
    assert breadcrumb_trail(soup(site, "2017/12/"))[0] == shown[:2] + [("décembre", None)]
    assert breadcrumb_trail(soup(site, "2017/"))[0] == shown[:1] + [("2017", None)]
    article = next(site.glob("2017/12/19/*/index.html")).parent.relative_to(site).as_posix()
    assert breadcrumb_trail(soup(site, article))[0] == shown[:3] + [("mardi 19\u00a0décembre", "/2017/12/19/")]
    entity, _ = breadcrumb_trail(soup(site, "personnes/mark-rutte/"))
    assert entity == [("Accueil", "/"), ("Entités", "/entites/"), ("Personnes", "/entites/personnes/"), ("Mark Rutte", None)]


def test_archives_count_every_dispatch_by_year_and_month(site):
    page = soup(site, "archives/")
    days = article_days(site)
    months = {}
    for item in page.select("section li"):
        link = item.a["href"].strip("/")
        months[link] = int(item.select_one(".count").get_text().strip("()"))
    expected = {}
    for day in days:
        expected[day[:7]] = expected.get(day[:7], 0) + 1
    assert months == expected
    years = {h2.a.get_text(): h2.select_one(".count").get_text() for h2 in page.select("section h2")}
    assert years == {year: f"({n} dépêche{'s' if n > 1 else ''})" for year, n in ((y, sum(1 for d in days if d[:4] == y)) for y in {d[:4] for d in days})}


# --- Entity pages -----------------------------------------------------------------------


def test_entity_page_lists_its_articles_its_companions_and_its_feed(site):
    page = soup(site, "personnes/mark-rutte/")
    assert page.h1.get_text() == "Mark Rutte"
    assert "Personne" in page.select_one(".kicker").get_text()
    assert page.select_one(f".entity-articles a[href='/{SEED_PATH}']")
    feed = page.find("link", rel="alternate", href="/personnes/mark-rutte/rss.xml")
    assert feed and feed["type"] == "application/rss+xml"
    companions = {a.get_text() for a in page.select(".entity-related a")}
    assert "Volodymyr Zelensky" in companions


def test_entity_pages_paginate_folder_style(site):
    # The most cited entity has more than a page of articles.
    pages = sorted(site.glob("*/*/page/2/index.html"))
    entity_pages = [p for p in pages if p.parts[-5] in SCHEMA_TYPES]
    assert entity_pages, "no entity has a second page"
    second = BeautifulSoup(entity_pages[0].read_text(encoding="utf-8"), "html.parser")
    assert second.find("a", rel="prev")


def test_entity_index_groups_by_kind_with_counts(site):
    page = soup(site, "entites/")
    for folder in SCHEMA_TYPES:
        section = page.find("section", id=folder)
        assert section, folder
        first = section.select_one(".index-list li")
        assert first.a["href"].startswith(f"/{folder}/")
        assert first.select_one(".count").get_text().isdigit()
    # every person is on the people's own index page, A to Z (entites/ shows the most cited)
    assert soup(site, "entites/personnes/").select_one("a[href='/personnes/mark-rutte/']")


# --- Every page ---------------------------------------------------------------------------


def test_every_page_links_the_main_feeds_and_is_french(html_pages):
    for path, text in html_pages.items():
        assert '<html lang="fr">' in text, path
        assert '<link rel="alternate" type="application/rss+xml"' in text and 'href="/rss.xml"' in text, path
        assert 'href="/atom.xml"' in text, path


def test_every_page_but_404_has_a_canonical_url(html_pages, settings):
    origin = settings["SITE_ORIGIN"] + settings["SITEURL"]
    for path, text in html_pages.items():
        if path == "404.html":
            continue
        expected = f"{origin}/{path.removesuffix('index.html')}"
        assert f'<link rel="canonical" href="{expected}">' in text, path
        assert f'<meta property="og:url" content="{expected}">' in text, path


def test_only_articles_are_indexed_for_search(site, html_pages):
    from digest import search

    def read_by_pagefind(path):  # search.INDEXED_PAGES, the only pages Pagefind is given
        parts, pattern = path.split("/"), search.INDEXED_PAGES.split("/")
        return len(pattern) == len(parts) and all(map(fnmatch.fnmatchcase, parts, pattern))

    for path, text in html_pages.items():
        indexed = "data-pagefind-body" in text
        assert indexed == bool(re.match(r"\d{4}/\d\d/\d\d/[^/]+/index\.html$", path)), path
        assert read_by_pagefind(path) == indexed, path
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["fr"]["page_count"] == sum("data-pagefind-body" in text for text in html_pages.values())


def test_every_entity_is_named_for_the_search_page(site):
    """The search page finds entities by the names in entites/noms.json (the search index holds
    the articles only): every entity page is there once, under its name and the other forms its
    page shows, most cited first."""
    rows = json.loads((site / "entites" / "noms.json").read_text(encoding="utf-8"))["entites"]
    pages = {path.parent.relative_to(site).as_posix() + "/": path for kind in ("personnes", "organisations", "lieux")
             for path in (site / kind).glob("*/index.html")
             if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")}  # a former address leads on
    assert sorted(row[2] for row in rows) == sorted(pages)
    counts = [row[3] for row in rows]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 1
    by_url = {row[2]: row for row in rows}
    rutte = by_url["personnes/mark-rutte/"]
    assert rutte[:2] == ["Mark Rutte", "personne"] and "Rutte" in rutte[4]
    assert by_url["organisations/otan/"][0] == "OTAN" and "Otan" in by_url["organisations/otan/"][4]
    for row in rows[:200]:
        html = pages[row[2]].read_text(encoding="utf-8")
        assert f"<h1>{typeset_plain(row[0])}</h1>" in html, row  # typeset: Côtes-d’Armor
        assert f'<p class="meta">{row[3]} dépêche{"s" if row[3] > 1 else ""} · ' in html, row


def _internal_targets(text: str):
    for match in ATTRIBUTE.finditer(text):
        name, value = match[1], match[2] if match[2] is not None else match[3]
        if name == "content" or value.startswith(("#", "data:", "mailto:")):
            continue
        yield value


def test_every_internal_link_resolves(site, html_pages, settings):
    feeds_built = (site / "rss.xml").exists()
    missing = []
    for path, text in html_pages.items():
        base = "/" + path.rsplit("/", 1)[0] + "/" if "/" in path else "/"
        for url in _internal_targets(text):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external: see test_no_page_requests_another_host
            target = unquote(parts.path) if parts.path.startswith("/") else base + unquote(parts.path)
            if not target:
                continue
            file = site / target.lstrip("/")
            if target.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                if not feeds_built and target.endswith(("/rss.xml", "/atom.xml")) and "feeds" not in settings["PLUGINS"]:
                    continue  # the feeds plugin is not in this build yet
                missing.append(f"{path} -> {url}")
    assert not missing, f"{len(missing)} broken links, e.g. {missing[:10]}"


RESOURCE_TAGS = {"link", "script", "img", "iframe", "source", "video", "audio", "embed", "object", "form", "base"}


def test_no_page_requests_another_host(html_pages, settings):
    own = {urlsplit(settings["SITE_ORIGIN"]).netloc, urlsplit(settings["SITEURL"]).netloc} - {""}
    offenders = []
    for path, text in html_pages.items():
        for tag in TAG.finditer(text):
            name = tag[1].lower()
            for match in ATTRIBUTE.finditer(tag[0]):
                value = match[2] if match[2] is not None else match[3]
                if match[1] == "content":
                    continue
                host = urlsplit(value.strip()).netloc
                if not host or host in own:
                    continue
                if name in RESOURCE_TAGS:
                    offenders.append(f"{path}: <{name} {match[1]}={value}>")
                elif name == "a" and not value.startswith("https://fr.wikinews.org/"):
                    offenders.append(f"{path}: <a href={value}>")
    assert not offenders, offenders[:10]


def test_pages_use_no_script_but_search_and_json_ld(html_pages):
    for path, text in html_pages.items():
        for tag in re.finditer(r"<script\b[^>]*>", text):
            if path == "recherche/index.html":
                continue
            assert 'type="application/ld+json"' in tag[0], f"{path}: {tag[0]}"


def test_theme_weight_around_an_article_stays_under_30_kb(site):
    html = (site / SEED_PATH / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<div class="body">(.*?)\n  </div>', html, re.S)[1]
    css = sum(len(path.read_bytes()) for path in (site / "theme" / "css").glob("*.css"))
    theme_weight = len(html.encode()) - len(body.encode()) + css
    assert theme_weight < 30_000, theme_weight


# --- Sitemap and robots ---------------------------------------------------------------------

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_pages_with_lastmod_from_content(site, settings):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "hreflang" not in text and "xhtml:link" not in text
    root = ET.fromstring(text)
    entries = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS) for u in root.findall("s:url", NS)}
    origin = settings["SITE_ORIGIN"] + settings["SITEURL"]
    seed = entries[f"{origin}/{SEED_PATH}"]
    assert seed.startswith("2025-08-22")
    assert entries[f"{origin}/"] == seed  # the newest article, never the build time
    assert entries[f"{origin}/personnes/mark-rutte/"] == seed
    assert max(v for v in entries.values() if v) == seed
    assert f"{origin}/entites/" in entries and f"{origin}/a-propos/" in entries
    assert not any("404" in loc for loc in entries)
    for loc in entries:  # every URL is a page of the site
        path = loc.removeprefix(origin + "/")
        assert (site / path / "index.html").exists() or (site / path).is_file(), loc


def test_robots_points_to_the_sitemap(site, settings):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {settings['SITE_ORIGIN']}{settings['SITEURL']}/sitemap.xml" in robots
