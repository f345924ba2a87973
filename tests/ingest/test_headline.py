"""Headlines derived from ledes read like headlines: short, whole words, no cut quotes or commas."""

import json
import re
from pathlib import Path

import pytest

from digest.dispatch import parse
from digest.headline import MAX_LENGTH, cut_headline, without_relative_days

DISPATCHES = Path(__file__).resolve().parents[2] / "content" / "dispatches"
DANGLING = {"le", "la", "les", "de", "des", "du", "à", "au", "et", "en", "pour", "a", "ont", "qui", "que", "un", "une"}


def corpus_ledes():
    for line in (DISPATCHES / "attribution.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        yield entry["file"], parse((DISPATCHES / entry["file"]).read_bytes()).lede


def test_seed_cut_headline_keeps_the_main_clause():
    lede = parse((DISPATCHES / "000_a9fda60ff86b36b6.txt").read_bytes()).lede
    headline = cut_headline(lede)
    assert headline.startswith("Le secrétaire général de l'Otan Mark Rutte a appelé")
    assert ", en visite à Kiev vendredi," not in headline


def test_short_lede_is_its_own_headline_without_final_stop():
    assert cut_headline("Le Parlement adopte la loi de finances.") == "Le Parlement adopte la loi de finances"


def test_never_cut_inside_guillemets():
    lede = (
        "Le ministre a dénoncé « une attaque inacceptable contre les institutions de la République et contre "
        "tous ceux qui les servent » lors d'une conférence de presse."
    )
    headline = cut_headline(lede)
    assert headline.count("«") == headline.count("»")


@pytest.mark.parametrize(("name", "lede"), list(corpus_ledes()))
def test_corpus_headlines_are_headlines(name, lede):
    headline = cut_headline(lede)
    assert 0 < len(headline) <= MAX_LENGTH, name
    assert headline[0].isupper() or headline[0].isdigit() or headline[0] == "«", name
    assert headline.count("«") == headline.count("»"), name
    assert headline.count("(") == headline.count(")"), name
    assert not headline.endswith((",", ";", ":", "-", ".")), name
    assert headline.rsplit(" ", 1)[-1].lower() not in DANGLING, name
    # Whole words only: every word of the headline is a word of the lede.
    lede_words = set(re.findall(r"\w+", lede.lower()))
    assert set(re.findall(r"\w+", headline.lower())) <= lede_words, name


@pytest.mark.parametrize(("cut", "expected"), [
    # "de nuit" says what the club is: only "ce soir", "cette nuit" and days say when
    ("Au moins 35 personnes sont mortes et 40 blessées dans une boîte de nuit nommée la Reina, à Istanbul",
     "Au moins 35 personnes sont mortes et 40 blessées dans une boîte de nuit nommée la Reina, à Istanbul"),
    ("Un chariot a explosé ce soir vers 20h45 dans la gare", "Un chariot a explosé vers 20h45 dans la gare"),
    # a night from one day to the next goes whole, without a stray "à"
    ("Des violences ont eu lieu dans la nuit de mercredi à jeudi à Libreville", "Des violences ont eu lieu à Libreville"),
])
def test_fallback_loses_its_relative_days_and_nothing_else(cut, expected):
    assert without_relative_days(cut) == expected
