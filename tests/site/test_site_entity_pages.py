"""Entity pages built from a tiny hand-written site: names that slug alike never overwrite each
other, odd characters survive, editorial aliases apply at build time."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_copy as build_site

EDITORIAL = '''
[[entite]]
nom = "OTAN"
type = "organisation"
alias = ["Otan"]
description = "Alliance militaire de l'Atlantique nord."
'''

ARTICLE = """Title: {title}
Date: {date}
Slug: {slug}
Summary: {title}, en bref.
Lang: fr
{fields}

<p class="lede">{title}, en bref.</p>

<p>Texte de la dépêche.</p>
"""


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("tiny")
    content = work / "src"
    (content / "dispatches").mkdir(parents=True)
    (content / "pages").mkdir()
    articles = content / "articles"
    articles.mkdir()
    (content / "entities.toml").write_text(EDITORIAL, encoding="utf-8")
    (articles / "a.md").write_text(ARTICLE.format(
        title="Élections en Géorgie", date="2025-01-02 10:30", slug="elections-en-georgie",
        fields='Lieux: Géorgie\nOrganisations: AC/DC; Otan | Organisation atlantique\nPersonnes: Conan O\'Brien | O\'Brien; Jean « le Grand » Dupont',
    ), encoding="utf-8")
    (articles / "b.md").write_text(ARTICLE.format(
        title="Tempête sur la Georgie", date="2025-01-03", slug="tempete-sur-la-georgie",
        fields="Lieux: Georgie\nOrganisations: AC DC; OTAN",
    ), encoding="utf-8")
    paths, _ = build_site(content, work)
    return paths.output


def h1(output, path):
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser").h1.get_text()


def test_names_that_slug_alike_get_their_own_pages(tiny_site):
    assert {h1(tiny_site, "lieux/georgie/"), h1(tiny_site, "lieux/georgie-2/")} == {"Géorgie", "Georgie"}
    assert {h1(tiny_site, "organisations/ac-dc/"), h1(tiny_site, "organisations/ac-dc-2/")} == {"AC/DC", "AC DC"}


def test_each_article_links_the_page_of_its_own_entity(tiny_site):
    for slug, name in (("elections-en-georgie", "Géorgie"), ("tempete-sur-la-georgie", "Georgie")):
        page = BeautifulSoup(next(tiny_site.glob(f"2025/01/*/{slug}/index.html")).read_text(encoding="utf-8"), "html.parser")
        link = page.find("a", string=name)
        assert link, name
        assert h1(tiny_site, link["href"].strip("/")) == name


def test_quotes_and_apostrophes_survive(tiny_site):
    # shown typeset: a curly apostrophe, no-break spaces inside the guillemets
    assert h1(tiny_site, "personnes/conan-o-brien/") == "Conan O’Brien"
    assert h1(tiny_site, "personnes/jean-le-grand-dupont/") == "Jean «\u00a0le Grand\u00a0» Dupont"


def test_editorial_alias_lands_on_the_canonical_page(tiny_site):
    page = BeautifulSoup((tiny_site / "organisations/otan/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text() == "OTAN"
    assert "Alliance militaire" in page.select_one(".description").get_text()
    assert len(page.select(".entity-articles .teaser")) == 2
    assert not (tiny_site / "organisations/otan-2").exists()
    article = BeautifulSoup(next(tiny_site.glob("2025/01/*/elections-en-georgie/index.html")).read_text(encoding="utf-8"), "html.parser")
    data = json.loads(article.find("script", type="application/ld+json").string)
    otan = next(m for m in data["mentions"] if m["name"] == "OTAN")
    assert otan["@type"] == "Organization" and otan["url"].endswith("/organisations/otan/")
    assert set(otan["alternateName"]) == {"Otan", "Organisation atlantique"}


def test_article_with_a_time_shows_it(tiny_site):
    page = (next(tiny_site.glob("2025/01/02/elections-en-georgie/index.html"))).read_text(encoding="utf-8")
    assert 'datetime="2025-01-02T10:30:00' in page and "10\u00a0h\u00a030" in page


def test_entity_index_counts(tiny_site):
    page = BeautifulSoup((tiny_site / "entites/index.html").read_text(encoding="utf-8"), "html.parser")
    otan = page.find("a", href="/organisations/otan/")
    assert otan.find_next_sibling(class_="count").get_text() == "2"
