"""Kickers above headlines and teasers under them, and the seed's page as readers see it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from digest.dispatch import parse
from digest.kicker import OBITUARY, derive_kicker, split_supplied
from digest.teaser import MAX_LENGTH, teaser

SEED = Path(__file__).resolve().parents[2] / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"


def test_supplied_headline_gives_its_country_as_kicker():
    assert split_supplied("France : attaque à Valence (Drôme)") == ("France", "Attaque à Valence (Drôme)")
    assert split_supplied("Le pape François visite Lesbos") == ("", "Le pape François visite Lesbos")
    # a colon inside a quotation is no kicker
    assert split_supplied("« Nous : jamais » dit le maire")[0] == ""


def test_kicker_is_what_the_first_sentence_names_most():
    text = parse(SEED.read_bytes()).text
    places = [("Kiev", ()), ("Russie", ()), ("Ukraine", ()), ("Moscou", ()), ("Otan", ("OTAN",))]
    assert derive_kicker(text, places) == "Ukraine"
    assert derive_kicker(text, places, death=True) == OBITUARY
    assert derive_kicker(text, []) == ""


def test_teaser_goes_on_after_the_headline():
    paragraphs = parse(SEED.read_bytes()).paragraphs
    summary = teaser(paragraphs, "Mark Rutte appelle les alliés", from_first_sentence=True)
    assert summary.startswith("« Des garanties") and len(summary) <= MAX_LENGTH + 1
    assert "secrétaire général" not in summary
    short = teaser(("Le Parlement adopte la loi. Le vote a eu lieu tard.",), "Autre titre", from_first_sentence=True)
    assert short == "Le vote a eu lieu tard."


def test_seed_page_shows_its_kicker_and_derived_headline(built):
    paths, report = built
    [page] = [p for p in (paths.output / "2025" / "08" / "22").glob("*/index.html")
              if "Mark Rutte" in p.read_text(encoding="utf-8")]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    title = soup.select_one("h1").get_text(" ", strip=True)
    assert title.startswith("Mark Rutte appelle les alliés")
    assert "secrétaire général" not in title and "a appelé" not in title
    assert soup.select_one(".article-header .surtitre").get_text(strip=True) == "Ukraine"
    # on the front page the teaser has it too, and its summary does not repeat the headline
    home = BeautifulSoup((paths.output / "index.html").read_text(encoding="utf-8"), "html.parser")
    teasers = [t for t in home.select("article.teaser") if "Mark Rutte appelle" in t.get_text()]
    assert teasers and teasers[0].select_one(".surtitre").get_text(strip=True) == "Ukraine"
    assert "Le secrétaire général" not in teasers[0].select_one(".teaser-lede").get_text()
    # and the feeds give the kicker as the item's first category
    atom = BeautifulSoup((paths.output / "atom.xml").read_text(encoding="utf-8"), "xml")
    [entry] = [e for e in atom.find_all("entry") if e.title.get_text().startswith("Mark Rutte")]
    assert entry.find("category")["term"] == "Ukraine"
