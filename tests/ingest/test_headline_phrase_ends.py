"""A headline never ends inside a noun phrase the lede goes on with ("des ondes [gravitationnelles]", "un rôle
[majeur]") and never keeps half a negation ("[ne] manque pas"). Real dev ledes of the corpus."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("lede", "cut"), [
    ("100 ans après leur prédiction théorique par Albert Einstein, des scientifiques du projet LIGO ont annoncé avoir "
     "détecté des ondes gravitationnelles émises lors de la collision de deux trous noirs situés dans le ciel de "
     "l'hémisphère sud.", "des ondes"),
    ("Une étude publiée dans Nature montre que les bactéries de la flore intestinale peuvent jouer un rôle majeur dans "
     "des maladies neurodégénératives telles l'Alzheimer et le Parkinson.", "un rôle"),
    # the name after a noun says which, however the parser hung it
    ("La sonde spatiale Juno a capté des images d'aurores polaires sur la planète Jupiter lors d'un premier survol "
     "rapproché de six heures au-dessus de la planète gazeuse.", "sur la planète"),
    ("La commune de Névez (Finistère) a commémoré le centenaire du naufrage du canot de sauvetage Paul Tourreil à la "
     "suite du torpillage du cargo norvégien, l'Ymer, le 28 janvier 1917.", "canot de sauvetage"),
])
def test_a_noun_keeps_the_adjective_or_name_that_follows_it_at_the_end(derive, lede, cut):
    text = derive([lede])[0].text
    assert text[-len(cut):] != cut, text


# its first sentence says nothing but that the event "ne manque pas d'étonner"
NEGATED = ("La manifestation réunissant hier quelques centaines d'Imbonerakure, officiellement le mouvement jeunesse du "
           "CNDD-FDD, officieusement une milice à la solde du pouvoir entretenant des liens étroits avec le SNR, ne manque "
           "pas d'étonner. Se déroulant à Musaga, bastion de l'opposition au troisième mandat de Pierre Nkurunziza, elle "
           "était destinée à rendre hommage à six Imbonerakure tués.")


def test_a_negation_is_kept_whole_or_not_at_all(derive):
    words = derive([NEGATED])[0].text.lower().replace("'", "' ").split()
    assert ("pas" in words) <= ("ne" in words or "n'" in words), words


def test_a_verb_of_confiding_does_not_end_without_what_was_confided(derive):
    lede = ("François Fillon a confié à Jean-Jacques Bourdin lundi matin sur BFMTV - RMC qu'il n'arrive pas à mettre de "
            "l'argent de côté.")
    text = derive([lede])[0].text
    assert not text.endswith("Bourdin") or "argent" in text, text


def test_an_unaccented_a_opens_on_a_circumstance():
    from digest.headline_strict import text_fault

    assert text_fault("A proximité de deux campus à Marseille poussée au sud mais plus de maisons")
    assert text_fault("Au moins 12 morts dans un attentat à Kaboul") is None
