"""Fixtures of the robustness tests. Their small sites are ``new_site`` (tests/conftest.py), built in
this process by the real pipeline with the fake spaCy model (``fake_ner``): about a second each."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEED = ROOT / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"


@pytest.fixture
def deadline():
    """Fail instead of hanging (a read of a FIFO blocks forever)."""

    def expired(*_):
        raise TimeoutError("blocked for 60 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def site_files(output: Path) -> dict[str, bytes]:
    return {str(path.relative_to(output)): path.read_bytes() for path in sorted(output.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def model_caches(tmp_path_factory, worker_id) -> Path:
    """The NER spans and headline parses of this run's projects, shared by them: both caches are
    keyed by the text and the model, and written atomically. A project's first build then loads
    spaCy only for dispatches no earlier project had (a cold one loads it twice: 5 to 8 s)."""
    from tests.conftest import shared_folder

    caches = shared_folder(tmp_path_factory, worker_id, "model-caches")
    for name in ("ner", "headlines"):
        (caches / name).mkdir(parents=True, exist_ok=True)
    return caches


def share_model_caches(project: Path, caches: Path) -> None:
    (project / ".cache").mkdir(exist_ok=True)
    for name in ("ner", "headlines"):
        (project / ".cache" / name).symlink_to(caches / name, target_is_directory=True)
