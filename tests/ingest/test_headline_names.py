"""A headline names who its lede names: the person a title for subject introduces (issue #20, "Mark
Rutte" rather than "Le secrétaire général de l'Otan"), however the parser hung the name, on real
ledes of the corpus's dev split."""

from __future__ import annotations

import pytest



@pytest.mark.parametrize(("lede", "expected"), [
    # the name between commas, hung by the parser on the title's complement (once "Le vétéran de la lutte
    # anti- apartheid décède à Johannesbourg")
    ("Le vétéran de la lutte anti- apartheid et compagnon de cellule de Nelson Mandela, Ahmed Kathrada, est décédé mardi "
     "à la suite d'une opération, à Johannesbourg (Afrique du Sud). Il avait 87 ans.", "Décès d'Ahmed Kathrada"),
    # the name right after the title and its adjective, read as a sentence of its own (once "Mort de
    # l'auteur-compositeur-interprète")
    ("L'auteur-compositeur-interprète britannique George Michael, de son vrai nom Georgios Kyriacos Panayiotou, est "
     "décédé hier, le 25 décembre, à son domicile, à l'âge de 53 ans, de causes indéterminées.", "Décès de George Michael"),
    # the name right before the verb, after a long title (once "Le réalisateur meurt à l'âge de 93 ans…")
    ("Le réalisateur, homme de télévision et de radio et ancien directeur de la 2e chaîne de l'ORTF de 1968 à 1971 "
     "Maurice Cazeneuve est mort le 28 juin à l'âge de 93 ans, à son domicile de Neuilly-sur-Seine.",
     "Mort de Maurice Cazeneuve"),
    # a death said by a locution (once "Debbie Reynolds rend l'âme à son tour à l’âge de 84 ans")
    ("Debbie Reynolds, la mère de Carrie Fisher décédée la veille, a rendu l'âme à son tour ce mercredi à l’âge de 84 ans.",
     "Mort de Debbie Reynolds"),
    # not an obituary: the name for subject (once "L'ex-présidente du Brésil destituée fait appel")
    ("L'ex-présidente du Brésil destituée, Dilma Rousseff fait appel pour demander l'annulation de sa destitution auprès "
     "de la Cour suprême selon son avocat.", "Dilma Rousseff fait appel"),
])
def test_the_title_gives_way_to_the_name(derive, lede, expected):
    [headline] = derive([lede])
    assert headline.rewritten and headline.text.startswith(expected), headline.text


@pytest.mark.parametrize(("lede", "not_the_subject"), [
    # dev ledes: a name that is not who the subject is (an owner, the name of an affair) stays where it is
    ("La propriété du sélectionneur de l'équipe de France de football, Didier Deschamps, située à Concarneau (Bretagne) "
     "a été vandalisée par un tag réalisé au stylo sur un des murs.", "Didier Deschamps vandalisée"),
    ("L'affaire Vincent Lambert connaît un nouveau rebondissement ce jeudi 9 juin.", "Lambert connaît"),
])
def test_a_name_of_another_is_not_the_subject(derive, lede, not_the_subject):
    [headline] = derive([lede])
    assert not headline.text.startswith(not_the_subject), headline.text
