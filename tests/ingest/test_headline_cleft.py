"""Issue #20, round 13: a first sentence written as a complement's cleft ("C'est X qu'a découvert Y") or a turn
("c'est au tour de X d'être visée") is headlined as a desk says it plainly, not cut as a fallback. Dev ledes of the
corpus and general French sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.headline_cleft import plain_cleft

# the first sentences of three dev ledes (wikinews 2016-06, 2016-08, 2017-03): fallbacks on main, the cleft cut
SCOTT = "C'est à une mort tragique et peu courante qu'a eu droit Colin Nathaniel Scott, 23 ans, mardi dernier."
MARQUINA = ("C'est une empreinte d'un mètre et vingt centimètres de long qu'a découvert le guide touristique Grover "
            "Marquina le 19 juin 2016 à 50 kilomètres de Sucre.")
ANVERS = ("Au lendemain de l'attentat du Parlement de Westminster de mercredi, c'est au tour de la ville d'Anvers, en "
          "Belgique, d'être visée par des actes d'apparence terroriste.")


@pytest.mark.parametrize("lede, opening", [
    (MARQUINA, "Grover Marquina découvre une empreinte"),
    (SCOTT, "Colin Nathaniel Scott a droit à une mort tragique"),
    (ANVERS, "La ville d'Anvers visée par des actes d'apparence terroriste"),
    # general sentences: the subject after its verb, before it, and the participle that agreed with the cleft's object
    ("C'est une hausse de 3 % des salaires qu'ont obtenue les syndicats de la fonction publique à l'issue d'une longue "
     "réunion au ministère, après six semaines de grève dans les hôpitaux et les écoles.", "Les syndicats de la fonction publique"),
    ("C'est la ville de Paris que le Comité international olympique a choisie pour accueillir les Jeux olympiques d'été de "
     "2024, au terme d'une longue campagne face à Los Angeles.", "Le Comité international olympique choisit la ville de Paris"),
])
def test_a_cleft_is_headlined_plainly(derive, lede, opening):
    headline = derive([lede])[0]
    assert headline.rewritten, headline.text
    assert headline.text.startswith(opening), headline.text
    assert not headline.text.lower().startswith(("c'est", "au lendemain")), headline.text


@pytest.mark.parametrize("sentence, plain", [
    ("C'est une victoire écrasante qu'a remportée Emmanuel Macron, dimanche soir.",
     "Emmanuel Macron a remporté une victoire écrasante dimanche soir."),
    ("Ce sont deux tableaux de Van Gogh qu'a retrouvés la police italienne près de Naples.",
     "La police italienne a retrouvé deux tableaux de Van Gogh près de Naples."),
    ("C'est au tour du Japon de prendre des sanctions contre la Corée du Nord.",
     "Le Japon prend des sanctions contre la Corée du Nord."),
    (SCOTT, "Colin Nathaniel Scott, 23 ans, a eu droit à une mort tragique et peu courante mardi dernier."),
])
def test_the_cleft_said_plainly(sentence, plain):
    assert plain_cleft(sentence) == plain


@pytest.mark.parametrize("sentence", [
    "C'est pourquoi le gouvernement a décidé de reporter la réforme.",
    "C'est dire que la situation est grave.",
    "Ce sont les pompiers qui ont découvert le corps.",  # the subject's cleft: headline_openers'
    "Le gouvernement a annoncé que la réforme serait reportée.",
])
def test_no_cleft_nothing_said(sentence):
    assert plain_cleft(sentence) == ""


@given(st.text(max_size=200))
def test_any_text_gives_a_sentence_or_nothing(text):
    plain = plain_cleft(text)
    assert plain == "" or plain[0].isupper() and plain.endswith(".")


@given(st.sampled_from(["C'est ", "Ce sont ", "c'est au tour de ", "C’est "]),
       st.text(st.characters(whitelist_categories=("L", "Zs", "Po")), max_size=60),
       st.sampled_from([" qu'a ", " que ", " de ", " d'"]),
       st.text(st.characters(whitelist_categories=("L", "Zs", "Po")), max_size=60))
def test_cleft_shaped_text_never_raises(opening, focus, link, clause):
    plain = plain_cleft(opening + focus + link + clause)
    assert plain == "" or plain[0].isupper() and plain.endswith(".")
