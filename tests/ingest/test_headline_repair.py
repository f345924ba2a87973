"""Fewer fallbacks (issue #20: at most 5 %): a parse that misplaces the subject or the verb is read
again, and when the strict checker finds fault with every candidate, the first sentence's bare
statement (subject, verb in the present, what it needs) comes before the cut lede. Real ledes of the
corpus's dev split, each once a fallback."""

from __future__ import annotations

import pytest



@pytest.mark.parametrize(("lede", "expected"), [
    # the bare statement: the opener and the purpose go, the object stays whole
    ("Réunis sur la plaine de Blonia, les centaines de milliers accueillent le cardinal polonais Stanisław Dziwisz pour la "
     "messe d'ouverture des 31e journées mondiales de la jeunesse.",
     "Les centaines de milliers accueillent le cardinal polonais Stanisław Dziwisz"),
    # the name read as the root verb, the verb with its auxiliary hung on it
    ("L'ancien footballeur camerounais Zacharie Noah est décédé le 8 janvier à l'âge de 79 ans, à Yaoundé, à la suite "
     "d'une longue maladie. Il aurait eu 80 ans en février.", "Décès de l'ancien footballeur camerounais Zacharie Noah"),
    # the subject given to a participle set off before the verb ("…, élu le 1 er décembre,")
    ("Le nouveau président gambien Adama Barrow, successeur de Yahya Jammeh, élu le 1 er décembre, est revenu de son exil "
     "au Sénégal après y être resté 11 jours.", "Adama Barrow revient de son exil au Sénégal"),
])
def test_rewritten_rather_than_a_fallback(derive, lede, expected):
    [headline] = derive([lede])
    assert headline.rewritten and headline.text.startswith(expected), headline.text


def test_a_coordinated_subject_is_not_cut_to_one_of_its_names(derive):
    # a dev lede: six countries broke off relations, not "Les Émirats Arabes Unis" alone
    lede = ("Dans la nuit du dimanche, l'Arabie Saoudite, l'Égypte, le Bahreïn, les Émirats Arabes Unis, le Yémen et la Libye "
            "ont rompu leurs relations diplomatiques avec le Qatar accusé de créer l'instabilité dans la région.")
    [headline] = derive([lede])
    assert not headline.text.startswith("Les Émirats Arabes Unis rompent"), headline.text


@pytest.mark.parametrize(("lede", "expected"), [
    # dev ledes opening on a number that dates (once fallbacks cut inside the opener)
    ("100 ans après leur prédiction théorique par Albert Einstein, des scientifiques du projet LIGO ont annoncé avoir "
     "détecté des ondes gravitationnelles émises lors de la collision de deux trous noirs situés dans le ciel de "
     "l'hémisphère sud.", "Des scientifiques du projet LIGO annoncent avoir détecté des ondes"),
    ("Deux semaines après son avancée fulgurante dans le désert syrien et la reprise de Palmyre, l'organisation État "
     "islamique recule nettement dans les zones rurales à l'ouest de sa capitale Raqqa sous l'offensive des Forces "
     "démocratiques syriennes.", "L'organisation État islamique recule"),
    # what is left opens on a number: the subject counted (once "Trois ans après le référendum votent contre…")
    ("Trois ans après le référendum sur la souveraineté de l'Écosse où 55,3 % de la population avaient voté contre, "
     "69 membres du parlement sur 128 se sont prononcé en faveur d'une nouvelle consultation populaire.",
     "69 membres du parlement"),
])
def test_an_opener_that_dates_goes(derive, lede, expected):
    [headline] = derive([lede])
    assert headline.rewritten and headline.text.startswith(expected), headline.text


@pytest.mark.parametrize("sentence", [
    # dev sentences: a number that counts the subject is no opener
    "Deux jeunes lynx d’un an, baptisés Noëlle et Robin, ont été relâchés en ce début juin à Villard d’Heria (Jura), dans "
    "le massif du Jura.",
    "Six jeunes, cinq hommes et une femme ayant entre 20 et 30 ans, ont perdu la vie samedi, aux alentours de 23 heures, "
    "dans un accident de la route.",
])
def test_a_number_that_counts_the_subject_stays(sentence):
    from digest.headline import without_opener

    assert without_opener(sentence) == sentence


@pytest.mark.parametrize(("lede", "expected"), [
    # dev ledes: an apposition after a comma the parser read as the verb's second object was kept in every
    # candidate, glued to the first ("… 16 djihadistes la branche syrienne…", "… un recensement le premier…")
    ("L'agence de presse Anadolu a annoncé ce mercredi l'arrestation de 16 djihadistes présumés du Front al-Nosra, la "
     "branche syrienne du réseau terroriste Al-Qaïda.", "Anadolu annonce l'arrestation de 16 djihadistes présumés du Front al-Nosra"),
    ("Le gouvernement pakistanais vient de conclure un recensement officiel historique, le premier depuis 1998 et mené "
     "avec six ans de retard.", "Le gouvernement pakistanais conclut un recensement officiel historique"),
])
def test_an_apposition_read_as_a_second_object_may_go(derive, lede, expected):
    [headline] = derive([lede])
    assert headline.text == expected, headline.text
