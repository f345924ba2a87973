"""The bench's sites measure the code under test with that tree's own inputs: a site kept from an
earlier run (the warm site whose caches every measured build is given) takes the tree's editorial
file and pages again, and the store of NER records keeps the latest version of each."""

from __future__ import annotations

from pathlib import Path

from bench.sites import make_site, merge_cache, take_tree_inputs


def tree_with(root: Path, editorial: str, page: str) -> Path:
    (root / "content" / "pages").mkdir(parents=True)
    (root / "content" / "entities.toml").write_text(editorial, encoding="utf-8")
    (root / "content" / "pages" / "a-propos.md").write_text(page, encoding="utf-8")
    return root


def test_a_site_of_an_earlier_run_takes_the_trees_editorial_file_and_pages_again(tmp_path):
    dispatches = tmp_path / "dispatches"
    dispatches.mkdir()
    (dispatches / "1.txt").write_text(" date 2025-01-01 Une dépêche.\n", encoding="utf-8")
    older = tree_with(tmp_path / "older", '[[personne]]\nnom = "Sénat"\n', "Title: Ancienne\n")
    site = make_site(dispatches, tmp_path / "warm", tree=older)
    newer = tree_with(tmp_path / "newer", '[[personne]]\nnom = "Sénat (France)"\n', "Title: Nouvelle\n")
    take_tree_inputs(site, newer)
    assert (site / "content" / "entities.toml").read_bytes() == (newer / "content" / "entities.toml").read_bytes()
    assert [path.read_text(encoding="utf-8") for path in (site / "content" / "pages").iterdir()] == ["Title: Nouvelle\n"]
    assert (site / "content" / "dispatches" / "1.txt").exists()  # the site itself stays


def test_the_store_keeps_the_latest_version_of_a_record(tmp_path):
    source, store = tmp_path / "source", tmp_path / "store"
    source.mkdir()
    (source / "abc.json").write_text('{"resolved": {"rules": "new"}}', encoding="utf-8")
    (source / "def.json").write_text('{"resolved": {"rules": "new"}}', encoding="utf-8")
    store.mkdir()
    (store / "abc.json").write_text('{"resolved": {"rules": "old"}}', encoding="utf-8")
    assert merge_cache(source, store) == 2
    assert {path.name: path.read_text(encoding="utf-8") for path in store.iterdir()} == {
        "abc.json": '{"resolved": {"rules": "new"}}', "def.json": '{"resolved": {"rules": "new"}}'}
    assert merge_cache(source, store) == 0
