"""Kickers above headlines and teasers under them, and the seed's page as readers see it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from digest.dispatch import parse
from digest.kicker import OBITUARY, derive_kicker, split_supplied
from digest.teaser import MAX_LENGTH, teaser

SEED = Path(__file__).resolve().parents[2] / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"
DISPATCHES = SEED.parent


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


def test_a_headline_without_its_place_gets_the_place_as_kicker():
    # a dev dispatch whose derived headline says who voted, not where the Blue Helmets leave
    text = parse((DISPATCHES / "winer-2017_04_13-001.txt").read_bytes()).text
    places = [(name, ()) for name in ("Côte d'Ivoire", "États-Unis", "Haïti", "Liberia")]
    organisations = [(name, ()) for name in ("Conseil de sécurité des Nations unies", "Force de maintien de la paix",
                                             "MINUSTAH", "ONU")]
    assert derive_kicker(text, places, organisations) == "MINUSTAH"  # named most: no headline to read
    no_place = "Les membres du Conseil de sécurité des Nations unies votent à l'unanimité"
    assert derive_kicker(text, places, organisations, headline=no_place) == "Haïti"
    # a headline that names the place leaves the kicker to what the dispatch names most
    assert derive_kicker(text, places, organisations, headline="L'ONU retire ses soldats d'Haïti") == "MINUSTAH"
    assert derive_kicker(text, places, organisations, headline=no_place, death=True) == OBITUARY


def test_kicker_does_not_repeat_what_the_headline_names():
    text = ("Un camion a foncé sur la foule réunie sur la promenade des Anglais à Nice (Alpes-Maritimes), jeudi soir, "
            "selon l'agence Reuters. Nice était en fête. En 2016, un camion avait foncé sur un marché de Berlin.")
    places = [("Nice", ()), ("Alpes-Maritimes", ()), ("Berlin", ())]
    organisations = [("Reuters", ("agence Reuters",))]
    headline = "Un camion fonce sur une foule à Nice"
    assert derive_kicker(text, places, organisations) == "Nice"  # no headline: what the dispatch names most
    assert derive_kicker(text, places, organisations, headline=headline) == "Alpes-Maritimes"
    # never a place named in passing further down, nor the source: then what the dispatch names most
    assert derive_kicker(text, places[::2], organisations, headline=headline) == "Nice"


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


def test_supplied_headline_wins_and_cut_headlines_are_reported(tmp_path):
    import datetime as dt
    import json

    from digest.article_file import read_metadata
    from digest.headline import HeadlineDeriver
    from digest.ingest import ingest

    dispatches, articles = tmp_path / "dispatches", tmp_path / "articles"
    dispatches.mkdir()
    (dispatches / "seed.txt").write_bytes(SEED.read_bytes())
    (dispatches / "wire.txt").write_bytes(SEED.read_bytes() + "\nUne autre dépêche sur la même visite.\n".encode())
    (dispatches / "il.txt").write_text(" date 2025-08-21 Il a confirmé vendredi soir avoir reçu une montre d'un ami.\n", encoding="utf-8")
    (dispatches / "attribution.jsonl").write_text(
        json.dumps({"file": "wire.txt", "headline": "Ukraine : Rutte réclame des garanties « solides »"}) + "\n", encoding="utf-8")
    report = ingest(dispatches, articles, lambda texts: [{} for _ in texts], derive_headlines=HeadlineDeriver(tmp_path / "cache"),
                    today=dt.date(2026, 1, 1))
    written = {read_metadata(path.read_text(encoding="utf-8"))["source"]: read_metadata(path.read_text(encoding="utf-8"))
               for path in report.written}
    assert written["dispatches/wire.txt"]["title"] == "Rutte réclame des garanties « solides »"
    assert written["dispatches/wire.txt"]["kicker"] == "Ukraine"
    assert written["dispatches/seed.txt"]["title"].startswith("Mark Rutte appelle")
    # the dispatch whose lede no rewriting suits is cut, and the report says which
    assert report.cut_headlines == [dispatches / "il.txt"]
    assert any("il.txt" in line and "titre coupé" in line for line in report.lines())
