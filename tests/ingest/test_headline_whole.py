"""A headline says a whole statement: a subject and its verb, nothing left wanting at its end, and a
fallback that is a whole sentence or clause rather than a dangling cut of the lede (issue #20)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.headline import WHOLE_SENTENCE_LENGTH, first_sentence, without_opener
from digest.headline_rewrite import BUDGET, best_candidate
from digest.headline_sentence import Sentence
from tests.ingest.test_headline_rewrite import DANGLING, corpus_ledes

# Endings that leave the reader asking what ("Donald Trump a annoncé", "Le Conseil d'État a décidé").
WANTING = re.compile(r"\b(?:annonce|annoncé|révèle|révélé|décide|décidé|affirme|affirmé|déclare|déclaré|indique|indiqué)$")


@pytest.mark.parametrize(("lede", "expected"), [
    # a real corpus lede whose first sentence's main clause gives nothing: another clause with a
    # subject of its own (once the cut "Au moins 25 personnes sont mortes"), its toll counted by a desk
    ("Au moins 25 personnes sont mortes dans le sud de l'Italie lorsque deux trains de passagers de la compagnie "
     "ferroviaire Ferrotramviaria, sont entrés en collision alors qu'ils circulaient à grande vitesse.",
     "Au moins 25 morts dans le sud de l'Italie"),
])
def test_another_clause_rather_than_a_cut(derive, lede, expected):
    [headline] = derive([lede])
    assert headline.rewritten and headline.text.startswith(expected), headline.text


@pytest.mark.parametrize(("lede", "dangling"), [
    # real corpus ledes: a number whose participle went ("et 35 [ont été blessées]"), a date's ordinal
    # whose month went ("élu le 1 er [décembre]"), a verb whose object went ("atteignent [le nombre…]")
    ("Au moins deux personnes sont mortes et 35 ont été blessées lorsqu'un train de passagers d'Amtrak a percuté une "
     "tractopelle à Chester, en Pennsylvanie.", re.compile(r"et 35$")),
    ("Le nouveau président gambien Adama Barrow, successeur de Yahya Jammeh, élu le 1 er décembre, est revenu de son exil "
     "au Sénégal après y être resté 11 jours.", re.compile(r"\ber$")),
    ("Alors que les projets Wikimedia ont atteint le nombre symbolique de 1 milliard d'éditions en avril 2010, voilà "
     "qu'ils viennent d'atteindre 3 milliards.", re.compile(r"atteignent$")),
])
def test_no_dangling_end(derive, lede, dangling):
    [headline] = derive([lede])
    assert not dangling.search(headline.text), headline.text


def test_a_greeting_gives_way_to_the_next_sentence(derive):
    [headline] = derive(["Bonsoir à tous. Le Parlement européen a adopté mardi la directive sur le droit d'auteur."])
    assert headline.rewritten
    assert headline.text == "Le Parlement européen adopte la directive sur le droit d'auteur"


def test_an_announcement_says_what_it_announces(derive):
    # real corpus lede: once "Les autorités annoncent lors d'une conférence de presse"
    [headline] = derive(["Les autorités ont annoncé lors d'une conférence de presse que la députée Jo Cox a succombé à ses "
                         "blessures, après avoir été attaquée à la mi-journée à Birstall."])
    assert "Jo Cox" in headline.text, headline.text


def test_a_verb_is_never_left_without_what_it_says(derive):
    # real corpus lede: once "Donald Trump a annoncé"
    [headline] = derive(["Donald Trump a annoncé hier sur son compte Twitter sa volonté de renforcer la capacité nucléaire "
                         "de son pays : « les Etats-Unis doivent grandement renforcer et accroître leur capacité nucléaire "
                         "tant que le monde n’aura pas retrouvé la raison dans le domaine des armes nucléaires ». "
                         "Ce tweet est précédé par le discours de Vladimir Poutine à Moscou."])
    assert not WANTING.search(headline.text), headline.text


SAMPLE = corpus_ledes(limit=200)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lede=st.sampled_from(SAMPLE))
def test_corpus_headlines_are_whole_statements(derive, lede):
    [headline] = derive([lede])
    text = headline.text
    assert 0 < len(text) <= WHOLE_SENTENCE_LENGTH  # the first sentence whole rather than a cut, when nothing shorter is whole
    last = re.sub(r"[^\w'’-]", "", text.rsplit(" ", 1)[-1]).lower().rstrip("'’")
    assert last not in DANGLING, text
    assert not WANTING.search(text), text
    assert derive([lede]) == [headline]  # stable


@pytest.mark.parametrize(("lede", "whole", "part"), [
    # real corpus ledes: the "h" of a name is no hour; an ordinal written "14 e" is one word
    ("Le navigateur Armel Le Cléac'h a remporté l'édition 2016-2017 du Vendée Globe en bouclant son tour du monde "
     "en 74 jours 3 heures 35 minutes 46 secondes.", "Le Cléac'h", "Le Cléac'"),
    ("Ce dimanche 20 novembre se déroulait la 14 e édition du Concours Eurovision de la chanson junior à Malte à la "
     "suite de la victoire de Destiny Chukunyere à Sofia en Bulgarie l'an dernier. La Géorgie a remporté le concours "
     "avec 239 points.", "14 e édition", "14"),
])
def test_no_word_is_cut_in_two(derive, lede, whole, part):
    [headline] = derive([lede])
    assert part not in headline.text or whole in headline.text, headline.text


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lede=st.sampled_from(SAMPLE), budget=st.integers(min_value=40, max_value=BUDGET))
def test_words_and_locutions_are_kept_whole(derive, lede, budget):
    """On real sentences: a word written without spaces ("19"78", "Bâton-Rouge") is kept or dropped
    whole, and so is a locution the rewriting started from ("dans peu de temps", "du côté de")."""
    [tokens] = derive.parser.parse([without_opener(first_sentence(lede))])
    candidate = best_candidate(tokens, budget)
    if candidate is None:
        return
    sentence = Sentence(tokens)
    for span in sentence.glued_words():
        assert not candidate.kept & span or span <= candidate.kept, candidate.text
    for span in sentence.locutions():
        inside = [i for i in sorted(span) if i in candidate.kept]
        # kept whole, or only its end, what the clause kept began after it
        assert not inside or span <= candidate.kept or inside == sorted(span)[-len(inside):], candidate.text


@pytest.mark.parametrize(("lede", "expected"), [
    # real corpus ledes: the participle agrees with its subject, by the morphologizer's gender and
    # number of the noun and its article, whatever the dispatch wrote
    ("À la suite d'une mission commerciale en Inde par l'Université de l'Île-du-Prince-Édouard ainsi que des entreprises "
     "de la province, des ententes ont été signés concernant des échanges scientifiques, des programmes de recherche.",
     "Des ententes signées"),
    ("Après avoir adopté un projet de loi bannissant fermement le transport illégal de personne, une entente surprise a "
     "été conclu entre le gouvernement et UberX, seulement quelques minutes avant son entré en vigueur.",
     "Une entente surprise conclue entre le gouvernement et UberX"),
])
def test_participle_agrees_with_its_subject(derive, lede, expected):
    [headline] = derive([lede])
    assert headline.text.startswith(expected), headline.text


@pytest.mark.parametrize(("lede", "expected", "absent"), [
    # real corpus ledes: a headline's reader has read nothing "cette" could point back to
    ("Après plus de 188 kilomètres entre Le Mont-Saint-Michel et Utah Beach, les coureurs du Tour (198 au départ et à "
     "l'arrivée) sont arrivés au bout de cette étape de plaine.", "au bout de l'étape de plaine", "cette"),
    ("Les images prises par le télescope spatial Kepler ont permis la réalisation de ce film en images de synthèse. "
     "Il montre la transformation de l'étoile massive KSN 2011a en supernova.", "du film", "de le"),
    # "la sienne": whose, the headline does not say
    ("L'un des « héros » des attentats ayant frappé Bruxelles le 22 mars dernier, Noessair Lassoued, 25 ans, agent de "
     "sécurité à Zaventem, qui avait sauvé plusieurs vies, a perdu la sienne dans la nuit de samedi à dimanche, deux mois "
     "seulement après les attentats, dans un accident de voiture sur l'autoroute E40.", "", "la sienne"),
    # "ces derniers jours" says when, from the day it was written
    ("L'organisation État islamique (Daech selon son acronyme arabe) a subi d'importants revers ces derniers jours dans "
     "les différents théâtres où elle opère, principalement en Syrie.", "subit d'importants revers", "derniers jours"),
])
def test_nothing_points_back(derive, lede, expected, absent):
    [headline] = derive([lede])
    assert expected in headline.text and absent not in headline.text, headline.text


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lede=st.sampled_from(SAMPLE))
def test_rewritten_headlines_point_back_to_nothing(derive, lede):
    [headline] = derive([lede])
    if headline.rewritten:
        unquoted = re.sub(r"«[^»]*»", "", headline.text)
        assert not re.search(r"\b(?:cette|cet|ces|celui-ci|celle-ci|ce dernier|cette dernière)\b|\b(?:de|à) les? ", unquoted,
                             re.IGNORECASE), headline.text


def test_a_name_read_as_a_verb_makes_no_headline_without_verb(derive):
    # real corpus lede: "Zacharie" tagged as a past participle gave "L'ancien footballeur camerounais Zacharie Noah"
    [headline] = derive(["L'ancien footballeur camerounais Zacharie Noah est décédé le 8 janvier à l'âge de 79 ans, à "
                         "Yaoundé, à la suite d'une longue maladie. Il aurait eu 80 ans en février."])
    assert "décédé" in headline.text or headline.text.startswith("Décès "), headline.text


def test_a_subject_of_two_keeps_both(derive):
    # real corpus lede: once "Carla Bruni sont en vacances", the name of the second one for the two
    [headline] = derive(["L'ancien président Nicolas Sarkozy et son épouse Carla Bruni sont en vacances en Vallée d'Aoste "
                         "de la fin de février au début du mois de mars."])
    assert "Nicolas Sarkozy" in headline.text and "Carla Bruni" in headline.text, headline.text


def test_the_fallback_is_no_sentence_pointing_back(derive):
    # real corpus lede: once the second sentence whole, "Celui-ci aura fait une victime…"
    [headline] = derive(["Scène insolite suite au passage d'un fort orage qui a touché l'agglomération d'Aix-les-Bains "
                         "(Savoie) en ce mercredi 8 juin 2016. Celui-ci aura fait une victime, au Montcel (Savoie) : une "
                         "vache."])
    assert not headline.text.startswith("Celui-ci"), headline.text


@pytest.mark.parametrize(("lede", "broken"), [
    # real corpus ledes: two verbs with nothing to join them, once "… sont mortes s'est effondré …"
    # and "… perdent la vie à l'hôpital ont rapporté les enquêteurs"
    ("Environ 18 personnes sont mortes et une centaine ont été blessées lorsqu'un viaduc en construction s'est effondré "
     "dans un quartier peuplé de Calcutta, dans l'est de l'Inde.", "mortes s'est effondré"),
    ("Ce samedi, deux policiers, de la police routière, ont perdu la vie à l'hôpital, des suites de leurs blessures, après "
     "que leur véhicule a été visé par des tirs cette nuit à Malgobek, en Ingouchie, région instable du Caucase russe "
     "voisine de la Tchétchénie, ont rapporté les enquêteurs.", "ont rapporté"),
])
def test_no_verb_without_what_joins_it(derive, lede, broken):
    [headline] = derive([lede])
    assert broken not in headline.text, headline.text
