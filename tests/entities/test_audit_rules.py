"""Faults the blind audits of entity pages found (bench/results/entity-pages-audit7.md, -audit8.md),
mended by general rules: real dispatch sentences with hand-made model spans (no spaCy)."""
import pytest
from hypothesis import given, settings, strategies as st

from digest.entities.countries import COUNTRIES
from digest.entities.editorial import Editorial, load_editorial
from digest.entities.resolve import resolve
from tests.entities.test_resolve import by_name, spans_of


@pytest.fixture
def desk(tmp_path):
    """An editorial file as the desk writes it: the African Union, its mission, the countries."""
    path = tmp_path / "entities.toml"
    path.write_text('''
[[entite]]
nom = "Union africaine"
type = "organisation"
alias = ["UA"]

[[entite]]
nom = "Mission de l'Union africaine en Somalie"
type = "organisation"
alias = ["AMISOM"]

[[entite]]
nom = "Somalie"
type = "lieu"

[[entite]]
nom = "Jamaïque"
type = "lieu"

[[entite]]
nom = "New York"
type = "lieu"
description = "Ville des États-Unis."
''', encoding="utf-8")
    return load_editorial(path)


def test_an_organisation_then_the_country_it_works_in_is_the_organisation_and_the_country(desk):
    # audit 8: "Union africaine en Somalie" was a form of the Mission's page, a tail cut from "la mission
    # de l'Union africaine en Somalie"; only a mission or an embassy takes its country into its name
    text = ("Le groupe, considérablement affaibli depuis 2007 par le déploiement de la mission de l'Union "
            "africaine en Somalie, a juré la perte du gouvernement somalien. Les shebabs, confrontés aux forces "
            "de l'Union africaine en Somalie (AMISOM), ont perdu le contrôle de la capitale. La Mission de "
            "l'Union africaine en Somalie a été renforcée.")
    spans = spans_of(text, ("Union africaine en Somalie", "ORG"), ("Union africaine en Somalie", "ORG", 1),
                     ("AMISOM", "ORG"), ("Mission de l'Union africaine en Somalie", "ORG"))
    ents = by_name(resolve(text, spans, desk))
    assert set(ents) == {"Union africaine", "Somalie", "Mission de l'Union africaine en Somalie"}
    assert "Union africaine en Somalie" not in ents["Mission de l'Union africaine en Somalie"].forms


def test_a_country_named_as_a_coalitions_nickname_is_no_place(desk):
    # audit 8: the Jamaica page listed one dispatch, on German politics
    text = ("La seule option permettant la reconduction de Merkel est donc une coalition dite « Jamaïque » en "
            "référence au drapeau du pays. Le scénario Jamaïque inquiète les Verts. L'ouragan a frappé la "
            "Jamaïque et Cuba.")
    nicknames = spans_of(text, ("Jamaïque", "LOC"), ("Jamaïque", "LOC", 1))
    assert "Jamaïque" not in by_name(resolve(text[:text.index(" L'ouragan")], nicknames, desk))
    assert by_name(resolve(text, [*nicknames, *spans_of(text, ("Cuba", "LOC"))], desk))["Jamaïque"].kind == "lieu"


@settings(deadline=None)
@given(st.sampled_from(sorted(COUNTRIES)), st.sampled_from(["coalition dite « ", "scénario ", "option "]))
def test_any_country_as_a_nickname_is_no_place_and_stays_one_after_a_preposition(country, noun):
    text = f"Merkel envisage une {noun}{country}. Elle s'est rendue au pays, en {country}."
    spans = spans_of(text, (country, "LOC"), (country, "LOC", 1))
    assert [entity.name for entity in resolve(text, spans[:1], Editorial.empty())] == []
    assert [entity.name for entity in resolve(text, spans, Editorial.empty())] == [country]
