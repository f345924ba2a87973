"""Small sites built in this process by the real pipeline, with the fake spaCy model (``fake_ner``
of tests/conftest.py): a build takes about a second."""

from __future__ import annotations

import os
import shutil
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


def small_site(where: Path, dispatches: dict[str | bytes, bytes]):
    """The pipeline's Paths of a site in ``where`` whose dispatches are ``dispatches`` (file name,
    as text or bytes: content), with the repository's pages and editorial file."""
    from digest.pipeline import Paths

    content = where / "content"
    (content / "dispatches").mkdir(parents=True)
    (content / "articles").mkdir()
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    shutil.copy(ROOT / "content" / "entities.toml", content / "entities.toml")
    for name, data in dispatches.items():
        Path(os.fsdecode(os.path.join(os.fsencode(content / "dispatches"), os.fsencode(name)))).write_bytes(data)
    return Paths(content=content, output=where / "output", cache=where / "cache", settings=ROOT / "pelicanconf.py")


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
