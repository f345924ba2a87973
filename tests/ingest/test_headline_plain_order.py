"""Issue #20, round 13: a first sentence written as a complement's cleft ("C'est X qu'a découvert Y"), a turn
("c'est au tour de X d'être visée") or with its subject after its verb ("Au cours d'une messe, ont fait irruption deux
individus…") is headlined as a desk says it plainly, the subject first, not cut as a fallback. Dev ledes of the
corpus and general French sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.headline_cleft import plain_cleft
from digest.headline_inversion import subject_first
from digest.headline_parse import SentenceParser

# the first sentences of three dev ledes (wikinews 2016-06, 2016-08, 2017-03): fallbacks on main, the cleft cut
SCOTT = "C'est à une mort tragique et peu courante qu'a eu droit Colin Nathaniel Scott, 23 ans, mardi dernier."
MARQUINA = ("C'est une empreinte d'un mètre et vingt centimètres de long qu'a découvert le guide touristique Grover "
            "Marquina le 19 juin 2016 à 50 kilomètres de Sucre.")
ANVERS = ("Au lendemain de l'attentat du Parlement de Westminster de mercredi, c'est au tour de la ville d'Anvers, en "
          "Belgique, d'être visée par des actes d'apparence terroriste.")
# and one of a dev lede (wikinews 2016-07), its opener cut on main
MESSE = ("Au cours d'une messe catholique dans l'église de Saint-Étienne-du-Rouvray en Seine-Maritime, ont fait irruption "
         "pendant la messe deux individus dont l'un portait la barbe et une chéchia, afin de prendre en otage l'assemblée.")


@pytest.mark.parametrize("lede, opening", [
    (MARQUINA, "Grover Marquina découvre une empreinte"),
    (SCOTT, "Colin Nathaniel Scott a droit à une mort tragique"),
    (ANVERS, "La ville d'Anvers visée par des actes d'apparence terroriste"),
    # general sentences: the subject after its verb, before it, and the participle that agreed with the cleft's object
    ("C'est une hausse de 3 % des salaires qu'ont obtenue les syndicats de la fonction publique à l'issue d'une longue "
     "réunion au ministère, après six semaines de grève dans les hôpitaux et les écoles.", "Les syndicats de la fonction publique"),
    ("C'est la ville de Paris que le Comité international olympique a choisie pour accueillir les Jeux olympiques d'été de "
     "2024, au terme d'une longue campagne face à Los Angeles.", "Le Comité international olympique choisit la ville de Paris"),
    # the subject after its verb
    (MESSE, "Deux individus font irruption pendant la messe"),
    ("Dans la nuit de samedi à dimanche, ont été arrêtés à Marseille trois hommes soupçonnés d'avoir préparé un attentat "
     "contre une salle de concert.", "Arrestation de trois hommes soupçonnés d'avoir préparé un attentat"),
])
def test_said_plainly_the_subject_first(derive, lede, opening):
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


# Round 13 review: where the rule cannot be sure which group is the subject, or how to undo an agreement, it says
# nothing and the fallback follows; a false headline is worse than a cut lede. Each lede of the review, and what was
# seen in its headline.
REVIEWED = [
    ("Ce sont trois enfants, âgés de 4 à 9 ans, qu'a sauvés des flammes le pompier volontaire de la caserne de "
     "Dieppe.", "des flammes sauve"),
    ("C'est une fillette de huit ans qu'a sauvée de la noyade un maître-nageur de la plage de Biarritz, dimanche "
     "après-midi.", " de une "),
    ("C'est au Japon qu'a été construit le premier prototype de ce train à sustentation magnétique, capable de "
     "rouler à 600 km/h.", " de construit "),
    ("C'est à Lyon qu'ont été arrêtés les deux principaux suspects de l'attaque du fourgon blindé, survenue le 3 "
     "mars.", " survenue"),
    ("C'est un plan de relance de 30 milliards d'euros qu'ont inclus les députés dans le projet de budget pour "
     "2025, malgré l'opposition du Sénat.", " inclu "),
    ("C'est une dette de 3 milliards d'euros qu'a due rembourser la ville de Marseille après la décision du "
     "tribunal administratif.", " a du "),
    ("Après la démission de trois ministres, c'est au tour du Premier ministre et de son gouvernement de "
     "démissionner, a annoncé l'Élysée.", "et de son gouvernement démission"),
]


@pytest.mark.parametrize("lede, wrong", REVIEWED)
def test_review13_no_false_or_garbled_headline(derive, lede, wrong):
    headline = derive([lede])[0]
    assert wrong not in f" {headline.text.lower()} ", headline.text


@pytest.mark.parametrize("sentence", [lede for lede, _ in REVIEWED] + [
    # general sentences: a complement after the participle, a focus of place, a participle whose agreement is unsure
    "C'est une femme âgée qu'a tirée du fleuve un passant, lundi.",
    "C'est dans ce village qu'ont grandi les deux frères, avant de partir pour Paris.",
    "C'est à Marseille que la police a interpellé le suspect.",
    "Ce sont les derniers chapitres qu'ont finis les élèves, mardi.",
    "C'est au tour de la ville et de sa banlieue de voter dimanche.",
    "C'est au tour du président et du Premier ministre de parler.",
    "C'est une voiture neuve qu'a achetée le maire, conseiller depuis 2001.",
])
def test_unsure_cleft_nothing_said(sentence):
    assert plain_cleft(sentence) == ""


@pytest.mark.parametrize("sentence, plain", [
    ("Après le capitaine, c'est au tour de ses coéquipiers de témoigner devant le juge.",
     "Ses coéquipiers témoignent devant le juge."),
    ("Après la ministre, c'est au tour de deux autres ministres de démissionner.", "Deux autres ministres démissionnent."),
    ("Après Airbus, c'est au tour de plusieurs sous-traitants d'annoncer des suppressions d'emplois.",
     "Plusieurs sous-traitants annoncent des suppressions d'emplois."),
    ("Après les parents, c'est au tour de leurs enfants de manifester devant le rectorat.",
     "Leurs enfants manifestent devant le rectorat."),
    ("C'est au tour de dix pays de signer le traité.", "Dix pays signent le traité."),
    ("Ce sont des mesures fortes qu'a prises le gouvernement mardi.", "Le gouvernement a pris des mesures fortes mardi."),
    ("C'est une hausse qu'ont obtenue les syndicats.", "Les syndicats ont obtenu une hausse."),
    ("Ce sont deux accords qu'ont faits les ministres.", "Les ministres ont fait deux accords."),
])
def test_review13_said_plainly_and_agreed(sentence, plain):
    assert plain_cleft(sentence) == plain


@pytest.mark.parametrize("sentence", [
    "C'est pourquoi le gouvernement a décidé de reporter la réforme.",
    "C'est dire que la situation est grave.",
    "Ce sont les pompiers qui ont découvert le corps.",  # the subject's cleft: headline_openers'
    "Le gouvernement a annoncé que la réforme serait reportée.",
    "C'est abc qu'  .",  # a cleft with nothing after its "qu'"
])
def test_no_cleft_nothing_said(sentence):
    assert plain_cleft(sentence) == ""


@given(st.text(max_size=200))
def test_any_text_gives_a_sentence_or_nothing(text):
    plain = plain_cleft(text)
    assert plain == "" or plain[0] == plain[0].upper() and plain.endswith(".")


@given(st.sampled_from(["C'est ", "Ce sont ", "c'est au tour de ", "C’est "]),
       st.text(st.characters(whitelist_categories=("L", "Zs", "Po")), max_size=60),
       st.sampled_from([" qu'a ", " que ", " qu'", " de ", " d'"]),
       st.text(st.characters(whitelist_categories=("L", "Zs", "Po")), max_size=60))
def test_cleft_shaped_text_never_raises(opening, focus, link, clause):
    plain = plain_cleft(opening + focus + link + clause)
    assert plain == "" or plain[0] == plain[0].upper() and plain.endswith(".")


@pytest.fixture(scope="module")
def parse(tmp_path_factory):
    parser = SentenceParser(tmp_path_factory.mktemp("parses"))
    return lambda sentence: parser.parse([sentence])[0]


@pytest.mark.parametrize("sentence, plain", [
    (MESSE, "Au cours d'une messe catholique dans l'église de Saint-Étienne-du-Rouvray en Seine-Maritime, deux individus "
            "ont fait irruption pendant la messe, afin de prendre en otage l'assemblée."),
    ("Le 3 mars se tiendra à Genève la conférence internationale sur la Syrie, qui réunira une vingtaine de pays.",
     "Le 3 mars, la conférence internationale sur la Syrie se tiendra à Genève, qui réunira une vingtaine de pays."),
])
def test_the_subject_put_before_its_verb(parse, sentence, plain):
    assert subject_first(parse(sentence)) == plain


@pytest.mark.parametrize("sentence", [
    # the subject before its verb already, however the parser hangs it
    "Edmonton, la capitale de l'Alberta, est devenue la première ville canadienne à légaliser le service de transport Uber.",
    "Ce mardi matin, de très fortes pluies ont provoqué des inondations à Kinshasa, en RDC.",
    "L'ancien chancelier allemand Helmut Kohl est mort le 16 juin à l'âge de 87 ans.",
    "Debbie Reynolds, la mère de Carrie Fisher décédée la veille, a rendu l'âme à son tour ce mercredi à l’âge de 84 ans.",
    # a verb before its subject that the parse does not show as one, and none at all
    "Ce mercredi 4 mai la Banque centrale européenne devait se prononcer et elle a tranché, il n'y aura plus de billet.",
    "Scène insolite suite au passage d'un fort orage.",
    "",
])
def test_no_inversion_nothing_said(parse, sentence):
    assert subject_first(parse(sentence) if sentence else []) == ""


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["Au cours de la nuit, ", "Le 3 mars ", "Samedi, ", "", "Ce jeudi 12 mai "]),
       st.sampled_from(["ont fait ", "se tiendra ", "s'est ouvert ", "a été ", "est mort "]),
       st.text(st.characters(whitelist_categories=("L", "Zs", "Po", "Nd")), max_size=60))
def test_any_inversion_gives_a_sentence_or_nothing(parse, opener, verb, rest):
    plain = subject_first(parse(opener + verb + rest))
    assert plain == "" or plain[0] == plain[0].upper() and plain.endswith(".")


@pytest.mark.parametrize("lede, charge", [
    # round 13 review: the parser hangs "contre l'humanité" on the verb, and the rewrite cut it ("condamné pour crime")
    ("Pour la première fois, a été condamné pour crime contre l'humanité un ancien chef d'État africain, par un tribunal "
     "sénégalais.", "crime contre l'humanité"),
    ("Un ancien chef d'État africain a été condamné pour crime contre l'humanité par un tribunal sénégalais.",
     "crime contre l'humanité"),
    ("Un ancien officier rwandais a été condamné jeudi pour crimes de guerre par la cour d'assises de Paris, au terme d'un "
     "procès de six semaines.", "crimes de guerre"),
])
def test_a_charge_is_never_cut(derive, lede, charge):
    text = derive([lede])[0].text
    noun = charge.split()[0]
    assert noun not in text or charge in text, text
