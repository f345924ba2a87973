"""The entity evaluation's error list (bench/eval_entities.py --error-list): what an engineer reads
to study the misses of the cross-validation."""
from bench.eval_entities import error_lines
from digest.entities.editorial import Editorial
from digest.entities.model import Entity


def test_each_false_or_missed_entity_is_listed_with_its_sentence():
    text = "Le Monde a interrogé Mark Rutte. Plus tard, la Dares et Pôle emploi ont publié leurs chiffres."
    at = text.index
    doc = {"id": "d1", "text": text, "entities": [[at("Mark"), at("Mark") + 10, "PER"], [at("Dares"), at("Dares") + 5, "ORG"],
                                                 [at("Pôle"), at("Pôle") + 11, "ORG"], [at("Monde"), at("Monde") + 5, "ORG"]]}
    predicted = [Entity("Mark Rutte", "personne"), Entity("Dares et Pôle emploi", "organisation"),
                 Entity("Le Monde", "lieu", forms=("Le Monde",))]
    lines = [line.split("\t") for line in error_lines(2, doc, predicted, Editorial.empty(), ("organisation", "lieu"))]
    second = "Plus tard, la Dares et Pôle emploi ont publié leurs chiffres."
    assert sorted(lines) == sorted([
        ["2", "FP", "organisation", "Dares et Pôle emploi", "", "d1", second],
        ["2", "FP", "lieu", "Le Monde", "", "d1", "Le Monde a interrogé Mark Rutte."],
        ["2", "FN", "organisation", "Dares", "", "d1", second],
        ["2", "FN", "organisation", "Pôle emploi", "", "d1", second],
        ["2", "FN", "organisation", "Monde", "", "d1", "Le Monde a interrogé Mark Rutte."],
    ])
