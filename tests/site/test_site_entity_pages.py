"""Entity pages built from a tiny hand-written site: names that slug alike never overwrite each
other, odd characters survive, editorial aliases apply at build time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from digest.pipeline import build
from tests.conftest import new_site
from tests.site.sitekit import ARTICLE

EDITORIAL = '''
[[entite]]
nom = "OTAN"
type = "organisation"
alias = ["Otan"]
description = "Alliance militaire de l'Atlantique nord."
'''


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    paths = new_site(tmp_path_factory.mktemp("tiny"), editorial=EDITORIAL, pages=False)
    articles = paths.articles
    (articles / "a.md").write_text(ARTICLE.format(
        title="Élections en Géorgie", date="2025-01-02 10:30", slug="elections-en-georgie",
        fields='Lieux: Géorgie\nOrganisations: AC/DC; Otan | Organisation atlantique\nPersonnes: Conan O\'Brien | O\'Brien; Jean « le Grand » Dupont',
    ), encoding="utf-8")
    (articles / "b.md").write_text(ARTICLE.format(
        title="Tempête sur la Georgie", date="2025-01-03", slug="tempete-sur-la-georgie",
        fields="Lieux: Georgie\nOrganisations: AC DC; OTAN",
    ), encoding="utf-8")
    (articles / "c.md").write_text(ARTICLE.format(  # a second dispatch for each entity (ENTITY_MIN_ARTICLES)
        title="Concert", date="2025-01-04", slug="concert",
        fields='Organisations: AC/DC; AC DC\nPersonnes: Conan O\'Brien; Jean « le Grand » Dupont; Personne Citée Une Fois',
    ), encoding="utf-8")
    build(paths)
    return paths.output


def h1(output, path):
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser").h1.get_text()


def test_names_that_slug_alike_get_their_own_pages(tiny_site):
    assert {h1(tiny_site, "organisations/ac-dc/"), h1(tiny_site, "organisations/ac-dc-2/")} == {"AC/DC", "AC DC"}


def test_spellings_of_one_name_share_one_page(tiny_site):
    # "Géorgie" and "Georgie" differ only by an accent: one page, the other spelling listed
    assert h1(tiny_site, "lieux/georgie/") == "Géorgie"
    assert not (tiny_site / "lieux/georgie-2").exists()
    page = BeautifulSoup((tiny_site / "lieux/georgie/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Aussi écrit\xa0: Georgie" in page.get_text()
    assert len(page.select(".entity-articles .teaser")) == 2


def test_each_article_links_the_page_of_its_own_entity(tiny_site):
    for slug, name in (("elections-en-georgie", "Géorgie"), ("tempete-sur-la-georgie", "Géorgie")):
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


def test_an_entity_cited_by_one_dispatch_is_named_without_a_page(tiny_site):
    assert not (tiny_site / "personnes/personne-citee-une-fois").exists()
    article = BeautifulSoup(next(tiny_site.glob("2025/01/04/concert/index.html")).read_text(encoding="utf-8"), "html.parser")
    named = article.find(class_="tag", string="Personne Citée Une Fois")
    assert named.name == "span" and not named.find_parent("a")
    assert article.find("a", class_="tag", string="Conan O’Brien")["href"] == "/personnes/conan-o-brien/"
    data = json.loads(article.find("script", type="application/ld+json").string)
    once = next(m for m in data["mentions"] if m["name"] == "Personne Citée Une Fois")
    assert once == {"@type": "Person", "name": "Personne Citée Une Fois"}
    index = (tiny_site / "entites/index.html").read_text(encoding="utf-8")
    names = (tiny_site / "entites/noms.json").read_text(encoding="utf-8")
    assert "Conan O" in index and "Personne Citée" not in index and "Personne Citée" not in names


def test_article_with_a_time_shows_it(tiny_site):
    page = (next(tiny_site.glob("2025/01/02/elections-en-georgie/index.html"))).read_text(encoding="utf-8")
    assert 'datetime="2025-01-02T10:30:00' in page and "10\u00a0h\u00a030" in page


def test_entity_index_counts(tiny_site):
    page = BeautifulSoup((tiny_site / "entites/index.html").read_text(encoding="utf-8"), "html.parser")
    otan = page.find("a", href="/organisations/otan/")
    assert otan.find_next_sibling(class_="count").get_text() == "2"


RECORDED_SLUGS = '''[personnes]
rachel = "Rachel"

[organisations]
otan = "Orchestre des temps anciens"

[lieux]
palais = "Elysée"
'''


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """A site whose slug file records URLs published before: one for a name now merged ("Rachel"),
    one for another spelling ("Elysée"), one for an entity gone from the site ("otan")."""
    work = tmp_path_factory.mktemp("renamed")
    paths = new_site(work, editorial=EDITORIAL, pages=False)
    content = paths.content
    (work / "entity-slugs.toml").write_text(RECORDED_SLUGS, encoding="utf-8")  # beside the content folder
    (content / "articles" / "a.md").write_text(ARTICLE.format(
        title="Rachel Lambert à l'Élysée", date="2025-01-02", slug="rachel-lambert-a-l-elysee",
        fields="Personnes: Rachel Lambert; Rachel\nLieux: Élysée\nOrganisations: OTAN"), encoding="utf-8")
    (content / "articles" / "b.md").write_text(ARTICLE.format(
        title="Rachel Lambert revient", date="2025-01-03", slug="rachel-lambert-revient",
        fields="Personnes: Rachel Lambert\nLieux: Élysée\nOrganisations: OTAN"), encoding="utf-8")
    build(paths)
    return paths


def test_a_published_url_stays_with_its_entity(renamed_site):
    assert h1(renamed_site.output, "lieux/palais/") == "Élysée"
    assert not (renamed_site.output / "lieux/elysee").exists()


def test_a_url_recorded_for_another_entity_is_never_taken(renamed_site):
    assert h1(renamed_site.output, "organisations/otan-2/") == "OTAN"
    # the Orchestre des temps anciens's address, no page now, leads to the organisations' index, not to OTAN's
    gone = BeautifulSoup((renamed_site.output / "organisations/otan/index.html").read_text(encoding="utf-8"), "html.parser")
    assert gone.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/entites/organisations/"
    assert gone.find("a", string="Organisations")["href"] == "/entites/organisations/"
    assert "Orchestre des temps anciens n’a plus de page" in gone.get_text() and not gone.h1


def test_a_merged_entity_leaves_a_page_that_leads_to_its_new_one(renamed_site):
    page = BeautifulSoup((renamed_site.output / "personnes/rachel/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/personnes/rachel-lambert/"
    assert page.find("a", string="Rachel Lambert")["href"] == "/personnes/rachel-lambert/"
    assert h1(renamed_site.output, "personnes/rachel-lambert/") == "Rachel Lambert"


def test_the_slug_file_records_the_new_urls_and_keeps_the_old(renamed_site):
    from digest.entities import slugfile

    assert slugfile.load(renamed_site.content.parent / "entity-slugs.toml") == {
        "personne": {"rachel": "Rachel", "rachel-lambert": "Rachel Lambert"},
        "organisation": {"otan": "Orchestre des temps anciens", "otan-2": "OTAN"},
        "lieu": {"palais": "Élysée"},
    }


SHORT_PLACES_SLUGS = '''[lieux]
rio = "Rio"
champs-elysees = "Champs-Élysées"
paris = "Paris"
'''


@pytest.fixture(scope="module")
def short_places_site(tmp_path_factory):
    """Corpus dispatches' places, named short ("Rio", "Champs-Elysées") and whole, both published before."""
    work = tmp_path_factory.mktemp("short-places")
    paths = new_site(work, editorial=EDITORIAL, pages=False)
    (work / "entity-slugs.toml").write_text(SHORT_PLACES_SLUGS, encoding="utf-8")
    dispatches = {
        "jo": ("Fin des Jeux à Rio de Janeiro", "Lieux: Rio de Janeiro; Brésil\nOrganisations: Comité international olympique"),
        "bolt": ("Usain Bolt triple à Rio", "Lieux: Rio\nOrganisations: Comité international olympique"),
        "fleuret": ("Titre olympique de fleuret à Rio", "Lieux: Rio; Brésil"),
        "defile": ("Défilé sur les Champs", "Lieux: avenue des Champs-Élysées; Champs-Elysées; Porte de Paris; Paris"),
        "arrivee": ("Arrivée du Tour", "Lieux: Champs-Élysées; avenue des Champs-Élysées; Porte de Paris; Paris"),
    }
    for day, (slug, (title, fields)) in enumerate(dispatches.items(), 2):
        (paths.articles / f"{slug}.md").write_text(ARTICLE.format(
            title=title, date=f"2025-01-{day:02d}", slug=slug, fields=fields), encoding="utf-8")
    build(paths)
    return paths.output


def page_of(output, path) -> BeautifulSoup:
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_place_named_short_shares_the_page_of_its_full_name(short_places_site):
    rio = page_of(short_places_site, "lieux/rio-de-janeiro/")
    assert rio.h1.get_text() == "Rio de Janeiro"
    assert "Aussi écrit\u00a0: Rio" in rio.get_text() and "3 dépêches" in rio.get_text()
    champs = page_of(short_places_site, "lieux/avenue-des-champs-elysees/")
    assert "Aussi écrit\u00a0: Champs-Élysées" in champs.get_text()
    assert champs.get_text().count("Champs-Élysées,") == 0  # one form, however typed
    # the dispatch that only says "Rio" links the full name's page
    bolt = page_of(short_places_site, "2025/01/03/bolt/")
    assert bolt.find("a", href="/lieux/rio-de-janeiro/") and not bolt.find("a", href="/lieux/rio/")


def test_the_short_place_s_former_address_leads_to_the_full_name_s_page(short_places_site):
    for old, new in (("rio", "rio-de-janeiro"), ("champs-elysees", "avenue-des-champs-elysees")):
        page = page_of(short_places_site, f"lieux/{old}/")
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=/lieux/{new}/"


def test_a_town_keeps_its_page_beside_a_place_named_after_it(short_places_site):
    assert page_of(short_places_site, "lieux/paris/").h1.get_text() == "Paris"
    assert page_of(short_places_site, "lieux/porte-de-paris/").h1.get_text() == "Porte de Paris"
    assert page_of(short_places_site, "lieux/paris/").find("meta", attrs={"http-equiv": "refresh"}) is None


def test_a_malformed_slug_file_stops_the_build_before_anything_is_written(tmp_path):
    from digest.entities.slugfile import SlugFileError

    seed = sorted((Path(__file__).resolve().parents[2] / "content" / "dispatches").glob("*.txt"))[0]
    paths = new_site(tmp_path, {seed.name: seed.read_bytes()}, editorial=EDITORIAL, pages=False)
    (tmp_path / "entity-slugs.toml").write_text('[lieux]\nkiev = "Kiev"\nkiev-2 = "KIEV"\n', encoding="utf-8")
    with pytest.raises(SlugFileError, match=r"entity-slugs\.toml:3: 'KIEV' has two slugs"):
        build(paths)
    assert not list(paths.articles.rglob("*.md"))
    assert not (tmp_path / "output").exists()


def test_a_page_appears_when_the_second_dispatch_lands(tmp_path):
    paths = new_site(tmp_path, editorial=EDITORIAL, pages=False)
    (paths.articles / "a.md").write_text(ARTICLE.format(
        title="Premier", date="2025-01-02", slug="premier", fields="Personnes: Ada Lovelace\nOrganisations: OTAN"), encoding="utf-8")
    build(paths)
    first = next(paths.output.glob("2025/01/02/premier/index.html"))
    assert not (paths.output / "personnes/ada-lovelace").exists()
    assert not BeautifulSoup(first.read_text(encoding="utf-8"), "html.parser").find("a", string="Ada Lovelace")
    (paths.content / "articles" / "b.md").write_text(ARTICLE.format(
        title="Second", date="2025-01-03", slug="second", fields="Personnes: Ada Lovelace"), encoding="utf-8")
    build(paths)  # the incremental path: files whose content did not change are reused
    assert h1(paths.output, "personnes/ada-lovelace/") == "Ada Lovelace"
    first = next(paths.output.glob("2025/01/02/premier/index.html"))
    assert BeautifulSoup(first.read_text(encoding="utf-8"), "html.parser").find("a", string="Ada Lovelace")["href"] == "/personnes/ada-lovelace/"


CONTEXT_ARTICLE = """Title: {title}
Date: {date}
Slug: {slug}
Summary: {title}.
Lang: fr
Personnes: {people}

<p class="lede">{title}.</p>

<p>{body}</p>
"""


@pytest.fixture(scope="module")
def context_site(tmp_path_factory):
    paths = new_site(tmp_path_factory.mktemp("context"), editorial=EDITORIAL, pages=False)
    bodies = [
        ("Sommet à Kiev", "Mark Rutte; Charles de Gaulle; Jean-Yves Le Drian; Anne <Zèbre>",
         "La journée commence. Le secrétaire général de l'Otan Mark Rutte, en visite, a parlé. Charles de Gaulle et "
         "Jean-Yves Le Drian sont cités, avec Anne <Zèbre>."),
        ("Retour à Bruxelles", "Mark Rutte; Charles de Gaulle; Jean-Yves Le Drian; Anne <Zèbre>",
         "Rien à signaler. Mark Rutte, secrétaire général de l'Otan, est rentré. Charles de Gaulle, Anne <Zèbre> "
         "et Jean-Yves Le Drian aussi."),
    ]
    for day, (title, people, body) in enumerate(bodies, 2):
        (paths.articles / f"{day}.md").write_text(CONTEXT_ARTICLE.format(
            title=title, date=f"2025-01-0{day}", slug=f"article-{day}", people=people,
            body=body.replace("<", "&lt;").replace(">", "&gt;")), encoding="utf-8")
    build(paths)
    return paths.output


def entity_page(output, path):
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_each_dispatch_shows_the_sentence_that_names_the_entity(context_site):
    page = entity_page(context_site, "personnes/mark-rutte/")
    quotes = [quote.get_text() for quote in page.select(".entity-articles .context")]
    assert quotes == ["Mark Rutte, secrétaire général de l’Otan, est rentré.",
                      "Le secrétaire général de l’Otan Mark Rutte, en visite, a parlé."]
    assert [mark.get_text() for mark in page.select(".entity-articles .context mark")] == ["Mark Rutte", "Mark Rutte"]
    zebra = entity_page(context_site, "personnes/anne-zebre/")
    assert zebra.select_one(".context mark").get_text() == "Anne <Zèbre>"  # escaped, not markup


def test_a_person_without_description_gets_the_role_the_dispatches_give(context_site):
    page = entity_page(context_site, "personnes/mark-rutte/")
    # dated: a function changes, the page says as of when the dispatches give it
    assert page.select_one(".entity-header .description").get_text() == "Secrétaire général de l’Otan, selon les dépêches de 2025"
    assert not entity_page(context_site, "personnes/charles-de-gaulle/").select_one(".entity-header .description")


def test_the_index_has_a_page_per_kind_most_cited_first_then_by_surname_a_to_z(context_site):
    page = entity_page(context_site, "entites/personnes/")
    assert [a.get_text() for a in page.select(".az a")] == ["G", "L", "R", "Z"]
    by_letter = {section.h2.get_text(): [a.get_text() for a in section.select("li a")]
                 for section in page.select("section.entity-group") if section.h2.get("id", "").startswith("lettre-")}
    assert [a.get_text() for a in page.select(".most-cited a")] == ["Anne <Zèbre>", "Charles de Gaulle", "Jean-Yves Le Drian", "Mark Rutte"]
    assert by_letter == {"G": ["Charles de Gaulle"], "L": ["Jean-Yves Le Drian"], "R": ["Mark Rutte"], "Z": ["Anne <Zèbre>"]}
    overview = entity_page(context_site, "entites/")
    assert overview.find("a", string="Personnes")["href"] == "/entites/personnes/"
