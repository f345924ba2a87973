"""digest.entities.club_sports: one club name, two sports."""

from __future__ import annotations

from hypothesis import given, strategies as st

from digest.entities.club_sports import club_sport, other_sport

SPORTS = ["football", "handball", "basket-ball", "rugby", "volley-ball", "hockey", "water-polo"]


def test_the_editorial_description_says_which_sport_a_club_plays():
    assert club_sport("Club de football parisien.") == "football"
    assert club_sport("Club de basket madrilène.") == "basket-ball"
    assert club_sport("Chaîne d’information française.") is None
    assert club_sport("Organisation des Jeux olympiques.") is None


def test_a_dispatch_is_about_another_sport_only_when_it_names_that_one_alone():
    assert other_sport("Championnat de France de handball 2016-2017 : le PSG reste invaincu.", "football") == "handball"
    assert other_sport("Le club de football parisien recrute.", "football") is None
    assert other_sport("L'Olympique lyonnais se qualifie pour la finale de la Ligue des champions.", "football") is None
    # two other sports: the dispatch does not say which section
    assert other_sport("Les sections de handball et de rugby du club.", "football") is None


@given(st.sampled_from(SPORTS), st.sampled_from(SPORTS), st.text(alphabet="abcdefgh ,.", max_size=40))
def test_a_dispatch_that_names_the_club_s_own_sport_stays_with_the_club(sport, other, filler):
    assert other_sport(f"{filler} {other} et {sport} {filler}", sport) is None
