"""The catalog's readings of one name in one text (a town in a team's place, a capitalised word after
an article, a word in lower case) find a name where a pattern compiled for that name found it, with
no pattern compiled per name: Python keeps 512 compiled patterns, a site has thousands of names."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from digest.entities import common_nouns, keys, town_clubs_and_characters as clubs

# the patterns compiled for each name before (the reference the scans must agree with)
ELIDED = r"(?:(?<=[lL]['’])|(?<![\w\-’']))"


def elided_uses(name: str, text: str) -> list[int]:
    return [match.start() for match in re.finditer(rf"{ELIDED}{re.escape(name)}(?![\w\-])", text)]


def in_club_position(text: str, form: str) -> bool:
    name = rf"(?<![\w\-]){re.escape(form)}(?![\w\-])"
    return bool(re.search(rf"{name}(?:,{clubs._S}(?:qui{clubs._S})?|(?:,[^,.;]{{2,60}},)?{clubs._S}){clubs._CLUB_VERBS}", text)
                or re.search(rf"(?<![\w\-]){clubs._CLUB_BEFORE}{name}", text)
                or re.search(rf"{name}{clubs._SCORE}", text))


# texts made of the pieces the patterns read: names, elisions, results, scores, separators
NAMES = ["Lille", "Rouen", "Univers", "Saint-Raphaël", "Ille", "lille"]
PIECES = NAMES + ["l'", "L’", "d'", "aujourd'", "-", "_", "x", "2", " ", "\u00a0", ", ", ", qui ", ",", ".", " bat ",
                  " s'impose ", " chute", "victoire face à ", "contre ", "défaite de la saison chez ", " 16-16",
                  " (3 - 1)", " a battu ", "promu ", ", le club nordiste, ", "\n"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=400)
@given(text=texts, name=st.sampled_from(NAMES))
def test_a_word_after_an_elided_article_is_found_where_the_pattern_found_it(text, name):
    assert list(keys.word_starts(text, name, elided=True)) == elided_uses(name, text)
    assert common_nouns.writes_lower_case(name, text) == bool(elided_uses(name.lower(), text))


@settings(max_examples=400)
@given(text=texts, form=st.sampled_from(NAMES))
def test_a_town_in_a_teams_place_is_found_where_the_pattern_found_it(text, form):
    assert clubs._in_club_position(text, form) == in_club_position(text, form)


def test_the_examples_of_the_rules():
    assert clubs._in_club_position("Lille bat Rouen 2 - 1.", "Rouen") and clubs._in_club_position("Lille bat Rouen.", "Lille")
    assert clubs._in_club_position("une victoire face à Rouen", "Rouen")
    assert not clubs._in_club_position("Il vit à Rouen, une ville.", "Rouen")
    assert common_nouns.determiner_uses("Univers", "Dans l'Univers. Univers et la Lune, l’Univers") == (2, 2)
    assert not common_nouns.writes_lower_case("Univers", "aujourd'univers")


def test_no_pattern_is_compiled_for_a_name(monkeypatch):
    asked = []
    for function in ("compile", "search", "match", "finditer", "findall", "sub"):
        real = getattr(re, function)
        monkeypatch.setattr(re, function, lambda pattern, *args, real=real, **kwargs: asked.append(pattern) or real(pattern, *args, **kwargs))
    league = "Cinquième journée du championnat : Lille bat Rouen 2-1, Sélestat chute au classement, match nul à Nantes."
    places = [(f"Ville{number}", ()) for number in range(20)] + [("Lille", ()), ("Rouen", ())]
    assert clubs.town_clubs(league, places) == {"Lille", "Rouen"} | {f"Ville{number}" for number in range(20)}
    common_nouns.determiner_uses("Univers", "Dans l'Univers.")
    common_nouns.writes_lower_case("Univers", "un univers")
    assert [pattern for pattern in asked if "Ville" in str(pattern) or "nivers" in str(pattern)] == []
