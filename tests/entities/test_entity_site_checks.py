"""The structural targets of issue #21 (bench/entity_site_checks.py), on the built corpus site."""

from __future__ import annotations

import bench.entity_site_checks
from bench.entity_site_checks import institutions, report, same_key, single_dispatch
from digest.entities.editorial import Editorial


def test_the_corpus_site_meets_the_structural_targets(built):
    paths, _ = built
    lines = report(paths.output, paths.content).splitlines()
    assert {"pages whose names fold to one key: 0", "pages with one dispatch, not in entities.toml: 0",
            "generic institutions without a country: 0", "seed dispatch's entities as the issue names them: yes"} <= set(lines)


def test_the_seed_is_found_in_a_clone_without_shared_beside_it(built, tmp_path, monkeypatch):
    # a fresh clone outside the folder holding ../shared: the seed is the dispatch no credit names
    paths, _ = built
    monkeypatch.setattr(bench.entity_site_checks, "SEED", tmp_path / "no-shared" / "corpus" / "seed")
    assert "seed dispatch's entities as the issue names them: yes" in report(paths.output, paths.content).splitlines()


def test_each_check_names_the_pages_that_miss_its_target():
    pages = [{"name": "Sénat", "kind": "organisations", "url": "/organisations/senat/", "kickers": ["France", "Italie"]},
             {"name": "Sénat (France)", "kind": "organisations", "url": "/organisations/senat-france/",
              "kickers": ["France", "Burundi", "Nécrologie"]},
             {"name": "Elysée", "kind": "lieux", "url": "/lieux/elysee/", "kickers": ["France"]},
             {"name": "Élysée", "kind": "lieux", "url": "/lieux/elysee-2/", "kickers": ["France", "France"]}]
    assert same_key(pages) == [["Elysée (/lieux/elysee/)", "Élysée (/lieux/elysee-2/)"]]
    assert single_dispatch(pages, Editorial.empty()) == ["Elysée (/lieux/elysee/)"]
    assert institutions(pages) == (["Sénat (/organisations/senat/)"], ["Sénat (France): 1 of 3 dispatches under Burundi"])
