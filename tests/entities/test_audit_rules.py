"""Faults the blind audits of entity pages found (bench/results/entity-pages-audit7.md, -audit8.md),
mended by general rules: real dispatch sentences with hand-made model spans (no spaCy)."""
import pytest

from digest.entities.editorial import load_editorial
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
