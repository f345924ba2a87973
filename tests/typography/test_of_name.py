"""french_typography.rules_words.of_name: a name after "de", elided or contracted as French writes it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from french_typography.rules_words import of_name


def test_de_is_elided_before_a_vowel_or_a_mute_h_and_contracted_with_the_names_article():
    assert of_name("Assemblée nationale (France)") == "d'Assemblée nationale (France)"
    assert of_name("Élysée") == "d'Élysée"
    assert of_name("Haïti") == "d'Haïti"
    assert of_name("Hongrie") == "de Hongrie"  # an aspirated h
    assert of_name("Paris") == "de Paris"
    assert of_name("Le Monde") == "du Monde"
    assert of_name("Les Républicains") == "des Républicains"
    assert of_name("La Haye") == "de La Haye"


words = st.text(alphabet="abcdeéhiouyzAÉEHIOUZLs ", min_size=1, max_size=20)


@given(words)
def test_the_name_is_kept_whole_after_one_preposition(name):
    got = of_name(name)
    prepositions = ("d'", "de ", "du ", "des ")
    assert got.startswith(prepositions)
    assert got.endswith(name) or name.split(" ", 1)[0] in ("Le", "Les")
    if name[:1] in "aeiouéAEIOUÉ":
        assert got == f"d'{name}"
