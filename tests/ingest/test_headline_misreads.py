"""Ledes whose parse misreads a word (a noun tagged an adjective, the article "de" taken for a
preposition, a name hung on the wrong word, an infinitive hung on a noun): each once gave a fallback or
a headline a reader calls bad, and now a whole rewritten one. Real dev ledes of the corpus."""

from __future__ import annotations

import pytest


# each lede, and how its headline now opens
MISREAD = [
    # a noun the parser tagged an adjective is still the subject ("L'astromobile martien")
    ("L'astromobile martien Opportunity a fêté son douzième anniversaire sur Mars le 25 janvier dernier dans les pentes "
     "ensoleillées de la vallée de Marathon, une brèche est-ouest dans les remparts du cratère Endeavour où il séjourne "
     "depuis quelques mois.", "Opportunity fête son douzième anniversaire"),
    # "De fortes rafales": an article, not a preposition; "en particulier" goes with what it singles out
    ("De fortes rafales de vent s'abattent sur la façade Ouest de la France, en particulier sur le littoral du Sud-Ouest, "
     "depuis ce samedi matin, 4 février.", "De fortes rafales de vent s'abattent sur la façade Ouest de la France"),
    # "permet à deux macaques […] de remarcher": the infinitive says what, however the parser hung it
    ("Une expérience réalisée par une équipe internationale de chercheurs a permis à deux macaques atteints de lésions à "
     "la moelle épinière de remarcher.", "Une expérience permet à deux macaques"),
    # a subject's long "de" complement keeps its own head ("d'astronomes") when nothing longer fits
    ("Une équipe d'astronomes du centre de recherche astrophysique de l'université du Hertfordshire a mieux établi la "
     "composition du globule Lyman-alpha géant LAB-1 à l'aide de plusieurs instruments, dont les radiotélescopes du "
     "Grand réseau d'antennes millimétriques de l'Atacama.", "Une équipe d'astronomes établit la composition"),
    # a person's name after a title, however the parser hung its words, is the subject
    ("Le candidat à l'élection présidentielle Emmanuel Macron proposera bientôt une ébauche de programme économique et "
     "un chiffrement de ses mesures.", "Emmanuel Macron proposera"),
]


@pytest.mark.parametrize(("lede", "opening"), MISREAD)
def test_a_misread_word_no_longer_loses_the_headline(derive, lede, opening):
    headline = derive([lede])[0]
    assert (headline.rewritten, headline.text[:len(opening)]) == (True, opening), headline.text
    assert not headline.text.endswith(("particulier", "atteints")), headline.text


def test_est_mort_read_as_an_adjective_is_a_death(derive):
    lede = ("Le penseur, essayiste, historien des idées et théoricien de la littérature français d'origine bulgare "
            "Tzvetan Todorov est mort mardi à l'âge de 77 ans, à Paris, à la suite d'une maladie neurodégénérative.")
    [headline] = derive([lede])
    assert headline.text == "Mort de Tzvetan Todorov"
    assert headline.death


def test_a_name_in_the_subjects_complement_is_still_not_its_name(derive):
    # an airline named in the subject's complement is not the subject (was "Low-cost Flydubai s'écrase" in a trial)
    [headline] = derive(["Un avion de la compagnie aérienne low-cost Flydubai s'est écrasé samedi en tentant d'atterrir "
                         "à l'aéroport de Rostov-sur-le-Don, en Russie."])
    assert headline.text.startswith("Un avion"), headline.text


@pytest.mark.parametrize(("lede", "misread"), [
    # the parser found one of two coordinated subjects: the verb stays plural, the headline does not agree
    ("Le PSG Handball et Montpellier ont obtenu leur qualification pour la finale de la coupe de la ligue cet "
     "après-midi, en battant respectivement le Fenix Toulouse et le HBC Nantes.", "Montpellier obtiennent"),
    ("La NASA et le CIP envisagent très sérieusement de réaliser une expérience similaire.", "La NASA et envisagent"),
    # a relative clause taken for the main one: "dont les résultats ont été publiés" is no news of the analysis
    ("De nombreux scientifiques et médecins ont consacré leur vie à l'étude de la lèpre, une maladie qui a fortement "
     "régressé, mais à propos de laquelle, en 2016, « de nombreuses questions subsistent quant à son mode de transmission "
     "et à son épidémiologie ». Une analyse génétique dont les "
     "résultats ont été publiés jeudi dans la revue scientifique américaine Science révèle que les souches de bactéries "
     "responsables de la lèpre en Europe au Moyen Âge étaient présentes.", "Une analyse génétique publiée"),
])
def test_a_misread_subject_or_clause_gives_no_headline(derive, lede, misread):
    [headline] = derive([lede])
    assert not headline.text.startswith(misread), headline.text


def test_a_coordinated_subject_kept_whole_agrees(derive):
    [headline] = derive(["L'ancien président Nicolas Sarkozy et son épouse Carla Bruni sont en vacances en Vallée "
                         "d'Aoste de la fin de février au début du mois de mars."])
    assert "Carla Bruni sont" in headline.text, headline.text


@pytest.mark.parametrize(("lede", "subject"), [
    ("Le PSG Handball et Montpellier ont obtenu leur qualification pour la finale de la coupe de la ligue cet "
     "après-midi, en battant respectivement le Fenix Toulouse et le HBC Nantes.", "Le PSG Handball et Montpellier "),
    ("La NASA et le CIP envisagent très sérieusement de réaliser une expérience similaire.", "La NASA et le CIP "),
])
def test_a_subject_the_parser_split_in_two_is_said_whole(derive, lede, subject):
    headline = derive([lede])[0]
    assert headline.rewritten and headline.text.startswith(subject), headline.text


def test_the_que_of_a_reported_clause_does_not_open_its_headline(derive):
    # the reported clause says the news; its "que" was taken for part of its subject, and the lede fell back to a cut
    [headline] = derive(["L'entourage d'Emmanuel Macron annonçait ce matin à l'Agence France-Presse que l'ancien ministre "
                         "de l'Économie se présenterait à l'élection présidentielle de 2017 et qu'il confirmerait sa "
                         "candidature au début du mois de décembre."])
    assert headline.rewritten, headline.text
    assert not headline.text.lower().startswith(("que", "qu'")), headline.text
    assert "se présenterait à l'élection" in headline.text, headline.text  # the report's conditional kept
