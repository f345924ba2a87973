"""A lede whose first sentence gives no headline has it said more simply and parsed again before the fallback
(``digest/headline_retry.py``, issue #20, round 10): what a verb of announcing, learning or deciding reports is the
news, with that verb's subject for its own."""

from __future__ import annotations

import pytest

from digest.headline_retry import reported_clause


def test_what_was_learned_is_the_news(derive):
    # real corpus lede (dev): the reported clause too long for any headline, once the fallback's cut
    # "Plus d'une centaine d'élèves de terminale du lycée Vaugelas, situé à Chambéry (Savoie)…"
    [headline] = derive(["Plus d'une centaine d'élèves de terminale du lycée Vaugelas, situé à Chambéry (Savoie), ont appris "
                         "avec stupéfaction qu'ils devront très probablement repasser l'épreuve orale de leur baccalauréat "
                         "d'anglais dans le mois de juin, à quelques jours des épreuves générales écrites."])
    assert headline.rewritten and "devront probablement repasser l'épreuve" in headline.text, headline.text
    assert "apprennent" not in headline.text and "ils" not in headline.text.split()


@pytest.mark.parametrize(("sentence", "simpler"), [
    # what a verb of announcing or deciding reports, with its subject; not what a verb of claiming does
    ("Florian Philippot a annoncé qu'il quitte le Front national.", "Florian Philippot quitte le Front national"),
    ("La ville a décidé de fermer ses piscines.", "La ville va fermer ses piscines"),
    ("Les chercheurs ont annoncé qu'ils avaient découvert une planète.", "Les chercheurs avaient découvert une planète"),
])
def test_the_reported_clause_with_the_reporting_subject(derive, sentence, simpler):
    [tokens] = derive.parser.parse([sentence])
    assert reported_clause(tokens) == simpler


@pytest.mark.parametrize("sentence", [
    "Le ministre a affirmé qu'il est innocent.",  # a claim: who says it stays
    "Le ministre a annoncé qu'elles seront fermées.",  # "elles" is someone else
    "Le ministre a annoncé la fermeture des écoles.",  # nothing reported
])
def test_no_reported_clause(derive, sentence):
    [tokens] = derive.parser.parse([sentence])
    assert reported_clause(tokens) == ""


@pytest.mark.parametrize(("sentence", "wrong"), [
    # review of round 10: the reported clause's pronoun agrees with the reporting verb's subject, its head alone
    ("Le conseil des ministres a décidé de prolonger l'état d'urgence.", "Le conseil des ministres vont"),
    ("Le syndicat des enseignants a décidé de maintenir la grève.", "Le syndicat des enseignants vont"),
    ("Le chef des rebelles a annoncé qu'ils déposeraient les armes.", "Le chef des rebelles déposeraient"),
    ("La ministre a annoncé qu'il serait remplacé par son adjoint.", "La ministre serait"),  # "il" is someone else
    ("Le président a décidé de ne pas se représenter.", "va ne pas"),
])
def test_the_reported_clause_is_french_and_true(derive, sentence, wrong):
    [tokens] = derive.parser.parse([sentence])
    assert wrong not in reported_clause(tokens), reported_clause(tokens)


def test_a_misparsed_subject_gives_no_headline_of_its_own(derive):
    # review of round 10: "chargés de l'affaire" read as the subject of "ont indiqué", "Les enquêteurs" as its own
    [headline] = derive(["Les enquêteurs de la police judiciaire, chargés de l'affaire depuis l'ouverture de l'information "
                         "judiciaire par le parquet de Paris le mois dernier, ont indiqué avec prudence qu'ils avaient été "
                         "identifiés grâce aux images des caméras de surveillance de la gare."])
    assert headline.text.startswith("Les enquêteurs"), headline.text
