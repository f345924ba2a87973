"""digest.entities.common_nouns: a capitalised common noun gets no page of its own; a proper name does."""

from __future__ import annotations

from hypothesis import given, strategies as st

from digest.entities.common_nouns import capitalised_common_nouns, determiner_uses, is_candidate, writes_lower_case
from tests.entities.conftest import kept_as_json

# winer 2017_01_20, 2017_01_24: "la Gauche", a political camp
GAUCHE = ["Manuel Valls, en campagne pour le premier tour des primaires de la Gauche (qui se tiendra dimanche), "
          "vient d'être giflé ce mardi 17 janvier à Lamballe.",
          "Selon certains observateurs, les chiffres concernant le nombre de votants au premier tour de la primaire "
          "de la Gauche, en France, auraient été manipulés."]
# winer 2016_08_30, 2016_11_28: the journal, written bare
NATURE = ["Lucy, l'australopithèque aurait, selon des experts et la revue Nature du lundi 29 août, fait une chute.",
          "Une étude publiée dans Nature montre que les bactéries de la flore intestinale peuvent jouer un rôle."]
# other dispatches of the site (winer 2016, a drone; an aircraft's turn; the nature of things)
SITE = ["Il a aussitôt désactivé le pilote automatique pour esquiver le drone qui est passé sous l'aile gauche.",
        "Les assaillants, de nature inconnue, ont été repoussés par les hommes du RAID et le raid a échoué."]


def test_a_one_word_organisation_only_written_after_an_article_and_lowercased_elsewhere_is_a_common_noun():
    candidates = [("Gauche", GAUCHE), ("Nature", NATURE)]
    assert capitalised_common_nouns(candidates, GAUCHE + NATURE + SITE) == {"Gauche"}
    # no dispatch writes "gauche" in lower case: nothing says it is a common word
    assert capitalised_common_nouns([("Gauche", GAUCHE)], GAUCHE + NATURE) == set()


def test_acronyms_places_and_names_spelt_with_inner_capitals_are_no_candidates():
    assert is_candidate("Gauche", "organisation") and is_candidate("Trésor", "organisation")
    assert not any(is_candidate(name, kind) for name, kind in (
        ("RAID", "organisation"), ("LaLiga", "organisation"), ("Terre", "lieu"), ("Somme", "lieu"),
        ("Le Monde", "organisation"), ("Pays-Bas", "lieu"), ("Gauche", "personne")))


# winer 2017_01_31 (seven dwarf galaxies), 2016_10_14 (2014 UZ224): "l'Univers", a common noun; the Earth,
# the Sun, a département keep their article and their page
UNIVERS = ["Ces groupes sont situés à une distance de la Terre comprise entre 200 millions et 650 millions "
           "d’années-lumière, ce qui est relativement proche à l’échelle de l’Univers. Pour former une galaxie, "
           "l'Univers doit réunir plusieurs conditions.",
           "Elle est plus de deux fois plus éloignée du Soleil que Pluton. Cet instrument est la base du projet Dark "
           "Energy Survey qui tente de cartographier l’Univers en étudiant l’énergie sombre."]
# winer 2016 (Armand Gatti): "l'univers" in lower case
GATTI = ["Il se dédie ensuite au cinéma, réalisant notamment Le Crapaud-Buffle, L’Enclos (sur l’univers "
         "concentrationnaire et primé à Cannes) et El Otro Cristobal."]


def test_a_one_word_place_only_written_after_an_article_and_lowercased_elsewhere_is_a_common_noun():
    assert is_candidate("Univers", "lieu")
    assert capitalised_common_nouns([("Univers", UNIVERS)], UNIVERS + GATTI + SITE) == {"Univers"}
    assert capitalised_common_nouns([("Univers", UNIVERS)], UNIVERS + SITE) == set()  # nothing says it is a word
    # the heavenly bodies, countries and French départements French writes with an article stay places
    assert not any(is_candidate(name, "lieu") for name in ("Terre", "Soleil", "Lune", "Somme", "Manche", "Aube"))


def test_a_capital_at_the_start_of_a_sentence_says_nothing():
    own = ["Gauche et droite s'affrontent. Les électeurs de la Gauche ont voté."]
    assert capitalised_common_nouns([("Gauche", own)], own + SITE) == {"Gauche"}
    bare = ["Les électeurs de la Gauche ont voté. Selon Gauche, le vote est clos."]
    assert capitalised_common_nouns([("Gauche", bare)], bare + SITE) == set()


@given(st.text(alphabet=st.sampled_from("abcdeéGauche «»’'.-\n"), max_size=200))
def test_any_text_gives_a_subset_of_the_candidates(text):
    assert capitalised_common_nouns([("Gauche", [text]), ("Nature", [text])], [text] + SITE) <= {"Gauche", "Nature"}


WORDS = st.sampled_from(["la", "Gauche", "gauche", "dans", "Nature", "nature", "l'Univers", "univers", ".", "selon", "de"])


@given(st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=1, max_size=5), st.integers(0, 4))
def test_the_answers_of_each_text_kept_decide_as_the_texts_read_again(texts, own):
    # what the catalog keeps per article (``entities.readings``) decides as reading every text again
    candidates = [(name, texts[:own + 1]) for name in ("Gauche", "Nature", "Univers")]
    assert capitalised_common_nouns(candidates, texts, kept_as_json(determiner_uses), kept_as_json(writes_lower_case)) \
        == capitalised_common_nouns(candidates, texts)
