"""Entity pages of small built sites, as an editor meets them: the forms "Aussi écrit" lists, hand
edits of entity-slugs.toml and content/entities.toml, an entity whose kind changes."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from digest.pipeline import build
from tests.conftest import new_site
from tests.site.sitekit import ARTICLE


def write_site(work, articles: list[str], editorial: str = "", slugs: str | None = None):
    """A site with one article per front-matter ``fields`` (a day apart), the editorial file and,
    beside the content folder, the slug file: its Paths."""
    paths = new_site(work, articles={f"{day}.md": ARTICLE.format(
        title=f"Dépêche {day}", date=f"2025-01-{day:02d}", slug=f"depeche-{day}", fields=fields)
        for day, fields in enumerate(articles, 2)}, editorial=editorial, pages=False)
    if slugs is not None:
        (work / "entity-slugs.toml").write_text(slugs, encoding="utf-8")
    return paths


def page(output, path) -> BeautifulSoup:
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(output, day: int) -> BeautifulSoup:
    return page(output, f"2025/01/{day:02d}/depeche-{day}")


def also_written(soup: BeautifulSoup) -> str | None:
    line = next((p for p in soup.select("p.meta") if p.get_text().startswith("Aussi écrit")), None)
    return line.get_text() if line else None


def test_typographic_variants_of_a_name_are_not_listed_as_other_forms(tmp_path):
    paths = write_site(tmp_path, [
        "Lieux: Côte d’Ivoire | Côte d'Ivoire | Côte\u00a0d’Ivoire; Aéroport Atatürk | aéroport Atatürk\n"
        "Personnes: Jean-Yves Le Drian | Jean\u2011Yves Le\u00a0Drian",
        "Lieux: Côte d'Ivoire | République de Côte d’Ivoire; Aéroport Atatürk | aéroport international Atatürk\n"
        "Personnes: Jean-Yves Le Drian | Jean-Yves\u2060 Le Drian | Le Drian",
    ])
    build(paths)
    # one real other form each, shown once; the apostrophe, no-break space, non-breaking hyphen and
    # word joiner variants are the same form
    assert also_written(page(paths.output, "lieux/cote-d-ivoire")) == "Aussi écrit\xa0: République de Côte d’Ivoire"
    assert also_written(page(paths.output, "personnes/jean-yves-le-drian")) == "Aussi écrit\xa0: Le Drian"
    # a page's name with its capital is the same name as running text writes it, in lower case
    assert also_written(page(paths.output, "lieux/aeroport-ataturk")) == "Aussi écrit\xa0: aéroport international Atatürk"
    data = json.loads(article(paths.output, 2).find("script", type="application/ld+json").string)
    assert [(mention["name"].replace("'", "’"), mention.get("alternateName")) for mention in data["mentions"]] == [
        ("Jean-Yves Le Drian", None), ("Côte d’Ivoire", None), ("Aéroport Atatürk", ["aéroport Atatürk"])]


def test_hand_edits_of_the_slug_file_and_the_editorial_file_are_built(tmp_path):
    paths = write_site(tmp_path, ["Personnes: Ada Lovelace", "Personnes: Ada Lovelace"])
    build(paths)
    assert page(paths.output, "personnes/ada-lovelace").h1.get_text() == "Ada Lovelace"
    slug_file = tmp_path / "entity-slugs.toml"

    # an editor gives the page another address (before anyone followed it)
    slug_file.write_text(slug_file.read_text(encoding="utf-8").replace("ada-lovelace = ", "ada = "), encoding="utf-8")
    build(paths)
    assert page(paths.output, "personnes/ada").h1.get_text() == "Ada Lovelace"
    assert not (paths.output / "personnes/ada-lovelace").exists()
    assert article(paths.output, 2).find("a", string="Ada Lovelace")["href"] == "/personnes/ada/"

    # then renames the entity in the editorial file: a new page, the old address leads to it
    (paths.content / "entities.toml").write_text(
        '[[entite]]\nnom = "Ada King"\ntype = "personne"\nalias = ["Ada Lovelace"]\ndescription = "Mathématicienne."\n',
        encoding="utf-8")
    build(paths)
    renamed = page(paths.output, "personnes/ada-king")
    assert renamed.h1.get_text() == "Ada King" and "Mathématicienne." in renamed.get_text()
    former = page(paths.output, "personnes/ada")
    assert former.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/personnes/ada-king/"
    assert former.p.get_text().startswith("La page d’Ada King a changé d’adresse")  # elided before a vowel
    assert article(paths.output, 3).find("a", string="Ada King")["href"] == "/personnes/ada-king/"


def test_an_entity_whose_kind_changes_leaves_a_redirect_at_its_old_url(tmp_path):
    paths = write_site(tmp_path, ["Organisations: Le Bien public", "Organisations: Le Bien public"],
                         slugs='[lieux]\nle-bien-public = "Le Bien public"\n')
    build(paths)
    assert page(paths.output, "organisations/le-bien-public").h1.get_text() == "Le Bien public"
    old = page(paths.output, "lieux/le-bien-public")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/organisations/le-bien-public/"
    assert old.find("a", string="Le Bien public")["href"] == "/organisations/le-bien-public/"
    assert not old.h1  # a redirect, not a second page of the entity


def test_a_retired_address_no_dispatch_names_is_dated_by_the_newest_dispatch_never_1970(tmp_path):
    import feedparser

    # an address once published for Ada Lovelace, whom no dispatch names any more
    paths = write_site(tmp_path, ["Personnes: Grace Hopper", "Personnes: Grace Hopper"],
                       slugs='[personnes]\nada-lovelace = "Ada Lovelace"\n')
    build(paths)
    [notice] = feedparser.parse((paths.output / "personnes/ada-lovelace/rss.xml").read_bytes()).entries
    assert notice.title.startswith("Fin du suivi")
    assert notice.published_parsed[:3] == (2025, 1, 3)  # the newest dispatch of the site, the same at every build


DISPATCHES = {
    "reunion-1": " date 2025-03-03 Le cyclone Garance a frappé Saint-Denis (La Réunion) vendredi. Les écoles de la "
                 "ville restent fermées.\n\nÀ Saint-Denis, le préfet a levé l’alerte rouge.\n",
    "reunion-2": " date 2025-03-05 L’eau manque toujours à Saint-Denis (La Réunion) après le passage du cyclone. "
                 "Des citernes ont été installées.\n",
    "stade-1": " date 2025-03-04 Un concert géant a réuni 80 000 personnes au Stade de France, à Saint-Denis, en "
               "Seine-Saint-Denis, samedi soir.\n",
    "stade-2": " date 2025-03-06 La mairie de Saint-Denis (Seine-Saint-Denis) a inauguré une nouvelle piscine "
               "olympique lundi.\n",
    "savoie-1": " date 2025-03-07 Un incendie a détruit un entrepôt à Chambéry (Savoie) dans la nuit de mardi à "
                "mercredi.\n",
    "savoie-2": " date 2025-03-08 Les pompiers de Chambéry ont maîtrisé un feu de forêt jeudi.\n",
}


def test_same_named_places_are_told_apart_by_what_the_dispatch_says(tmp_path):
    paths = new_site(tmp_path, {f"{name}.txt": text for name, text in DISPATCHES.items()}, editorial="", pages=False)
    build(paths)
    reunion = page(paths.output, "lieux/saint-denis-la-reunion")
    assert reunion.h1.get_text() == "Saint-Denis (La Réunion)"
    assert len(reunion.select(".entity-articles .teaser")) == 2
    stade = page(paths.output, "lieux/saint-denis-seine-saint-denis")
    assert stade.h1.get_text() == "Saint-Denis (Seine-Saint-Denis)"
    assert len(stade.select(".entity-articles .teaser")) == 2
    assert not (paths.output / "lieux/saint-denis").exists()
    # a place qualified once, and never found elsewhere: the one page of its name
    chambery = page(paths.output, "lieux/chambery")
    assert chambery.h1.get_text() == "Chambéry" and len(chambery.select(".entity-articles .teaser")) == 2
    assert not (paths.output / "lieux/chambery-savoie").exists()
