"""A clean, complete clause beats a shorter one with words dropped from inside it (issue #20, round 10): the
first sentence's main clause with nothing dropped but when it happened and its connectives is the headline
when it fits in ``WHOLE_BUDGET`` characters; trimming is for the clauses that do not."""

from __future__ import annotations

import pytest

from digest.headline_rewrite import BUDGET, WHOLE_BUDGET


@pytest.mark.parametrize(("lede", "kept"), [
    # real corpus ledes (dev): the phrase the trim cut to fit 80 characters
    ("Ce mercredi, Edmonton, la capitale de l'Alberta, est devenue la première ville canadienne à légaliser le "
     "service de transport Uber.", "la première ville canadienne"),
    ("Pour la première fois en 2016, l'énergie éolienne a produit plus d'électricité que l'énergie fossile du "
     "charbon en Europe.", "L'énergie éolienne produit"),
    ("La Chine, plus grand émetteur de CO 2 au monde, a ratifié ce matin l'accord de Paris sur le climat, conclu "
     "après les négociations de la COP21 en décembre 2015.", "l'accord de Paris sur le climat"),
    ("Les Philippines ont lancé le premier programme au monde de vaccination contre la dengue ce lundi 4 avril.",
     "vaccination contre la dengue"),
    ("La compagnie japonaise pionnière du jeu vidéo Nintendo voit sa situation s'améliorer depuis la sortie de sa "
     "dernière console de salon.", "voit sa situation s'améliorer"),
    ("Au moins 22 personnes ont péri mercredi au Sénégal dans un incendie, dont l'origine est inconnue.",
     "dans un incendie"),
])
def test_the_clause_whole_rather_than_trimmed(derive, lede, kept):
    [headline] = derive([lede])
    assert headline.rewritten and kept in headline.text, headline.text
    assert len(headline.text) <= WHOLE_BUDGET


@pytest.mark.parametrize(("lede", "dropped"), [
    # real corpus ledes (dev): a connective or what is left of a time phrase is no part of the news
    ("Ce vendredi 20 janvier, Donald Trump est devenu officiellement le 45 e président des États-Unis, succédant à "
     "Barack Obama.", "officiellement"),
    ("Un homme tentant de pénétrer dans le commissariat de la Goutte-d'Or (18 e arrondissement de Paris) a été "
     "abattu peu avant midi.", "peu"),
])
def test_what_says_when_goes_from_the_whole_clause(derive, lede, dropped):
    [headline] = derive([lede])
    assert headline.rewritten and dropped not in headline.text.split(), headline.text


def test_a_clause_too_long_whole_is_still_trimmed(derive):
    # real corpus lede (dev): 96 characters whole, more than a headline may take
    [headline] = derive(["Hier en fin de matinée, l'explosion d'un courrier piégé au siège parisien du Fonds monétaire "
                         "international (FMI) a fait un blessé."])
    assert headline.rewritten and len(headline.text) <= BUDGET, headline.text

