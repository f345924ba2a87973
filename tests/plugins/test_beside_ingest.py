"""Ingest in a forked child while Pelican starts and reads the articles already there
(``digest.pipeline.ingest_beside``, ``plugins/parallel_read/beside_ingest.py``): the site is the one
a build from nothing gives, and an error of the child is the build's."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from pelican import signals

from digest.entities.finder import EntityFinder
from digest.entities.training import ModelError
from digest import french_model, pipeline, settings
from digest.pipeline import build
from tests.conftest import FakeNLP, ROOT, new_site
from tests.entities.test_dispatch_meanings import same_site

CORPUS = ROOT / "content" / "dispatches"


def dispatches(count: int, start: int = 0) -> dict[str, bytes]:
    """``count`` dispatches of the corpus whose headline is supplied (no headline model), with
    their lines of the credits file."""
    lines = {json.loads(line)["file"]: line for line in (CORPUS / "attribution.jsonl").read_text(encoding="utf-8").splitlines()}
    names = sorted(name for name in lines if (CORPUS / name).is_file())[start:start + count]
    return {name: (CORPUS / name).read_bytes() for name in names} | {"credits": "\n".join(lines[name] for name in names)}


def site_with(where: Path, chosen: dict[str, bytes]):
    paths = new_site(where, {name: data for name, data in chosen.items() if name != "credits"}, editorial="", pages=False)
    (paths.dispatches / "attribution.jsonl").write_text(chosen["credits"] + "\n", encoding="utf-8")
    return paths


def add(paths, chosen: dict[str, bytes]) -> None:
    for name, data in chosen.items():
        if name != "credits":
            (paths.dispatches / name).write_bytes(data)
    with (paths.dispatches / "attribution.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(chosen["credits"] + "\n")


class WaitingNLP(FakeNLP):
    """The fake model, in the ingest child: before finding anything, it waits (a bounded time) for
    Pelican to have started in the build's process, and writes down whether it had."""

    def __init__(self, started: Path, seen: Path) -> None:
        self.started, self.seen = started, seen

    def pipe(self, texts, batch_size=1, n_process=1):
        waited = 0.0
        while not self.started.exists() and waited < 30:  # only a build that never overlaps waits it all
            time.sleep(0.05)
            waited += 0.05
        self.seen.write_text("yes" if self.started.exists() else "no")
        yield from super().pipe(texts, batch_size, n_process)


@pytest.fixture
def pelican_started(tmp_path):
    """A file made when Pelican starts in this process (``initialized``)."""
    marker = tmp_path / "pelican-started"

    def mark(pelican) -> None:
        marker.touch()

    signals.initialized.connect(mark, weak=False)
    yield marker
    signals.initialized.disconnect(mark)


@pytest.fixture
def beside(forking, monkeypatch):
    """Ingest beside Pelican's start from the first dispatch (these sites are far below the archive
    size where it starts by default, ``INGEST_BESIDE_MIN_DISPATCHES``)."""
    monkeypatch.setitem(settings.DEFAULTS, "INGEST_BESIDE_MIN_DISPATCHES", 0)


def test_a_new_dispatch_is_ingested_while_pelican_starts_and_the_site_is_a_build_from_nothing(tmp_path, monkeypatch, beside,
                                                                                          fake_ner, pelican_started):
    monkeypatch.setattr(french_model, "loaded_pipeline", lambda: None)  # a new process: spaCy not loaded (else in place)
    paths = site_with(tmp_path / "site", dispatches(6))
    build(paths)
    pelican_started.unlink()
    pipeline._finder.cache_clear()  # a model the first build loaded in this process would not be loaded again
    seen = tmp_path / "seen"
    monkeypatch.setattr(EntityFinder, "_load_model", lambda finder: WaitingNLP(pelican_started, seen))
    add(paths, dispatches(1, start=6))

    outcome = build(paths)

    assert seen.read_text() == "yes"  # the child's model ran once Pelican had started beside it
    assert len(outcome.report.written) == 1
    fresh = site_with(tmp_path / "fresh", dispatches(7))
    monkeypatch.setattr(EntityFinder, "_load_model", lambda finder: FakeNLP())
    build(fresh)
    assert same_site(paths.output, fresh.output)


def test_a_small_archive_ingests_in_the_builds_process_and_a_large_one_beside(tmp_path, monkeypatch, forking, fake_ner):
    monkeypatch.setattr(french_model, "loaded_pipeline", lambda: None)
    paths = site_with(tmp_path / "site", dispatches(3))
    build(paths)
    ran_in = tmp_path / "pids"

    class Recording(FakeNLP):  # writes down the process the new dispatch's model runs in
        def pipe(self, texts, batch_size=1, n_process=1):
            with ran_in.open("a") as handle:
                handle.write(f"{os.getpid()}\n")
            yield from super().pipe(texts, batch_size, n_process)

    monkeypatch.setattr(EntityFinder, "_load_model", lambda finder: Recording())
    threshold = {"INGEST_BESIDE_MIN_DISPATCHES": 6}  # files of the dispatch folder, its credits file included
    for number, expected in ((3, "this process"), (4, "a child")):
        pipeline._finder.cache_clear()
        add(paths, dispatches(1, start=number))
        assert len(build(paths, overrides=threshold).report.written) == 1
        assert ("this process" if int(ran_in.read_text().split()[-1]) == os.getpid() else "a child") == expected


def test_an_error_of_the_ingest_child_is_the_builds_and_the_site_stays(tmp_path, monkeypatch, beside, fake_ner):
    paths = site_with(tmp_path / "site", dispatches(3))
    build(paths)
    before = (paths.output / "index.html").read_bytes()
    add(paths, dispatches(1, start=3))
    monkeypatch.setattr(french_model, "loaded_pipeline", lambda: None)

    def broken(finder):
        raise ModelError("models/fr_le_fil_ner: dossier endommagé")

    monkeypatch.setattr(EntityFinder, "_load_model", broken)
    pipeline._finder.cache_clear()
    with pytest.raises(ModelError, match="dossier endommagé"):
        build(paths)
    assert (paths.output / "index.html").read_bytes() == before


def test_the_articles_generator_takes_the_articles_read_ahead_and_reads_the_others(tmp_path, monkeypatch, caplog):
    # The contract with Pelican: generate_context reads each article through its generator's
    # readers.read_file. Should it stop, every article would be read twice and this fails.
    from pelican.readers import Readers

    from parallel_read.beside_ingest import read_beside_ingest
    from tests.plugins.test_parallel_read import generator, site

    content, settings = site(tmp_path)
    written = content / "a3.md"
    settings["ARTICLES_BEING_WRITTEN"] = lambda: [written]  # as if ingest had just written it
    reads, real = [], Readers.read_file

    def counted(self, base_path, path, *args, **kwargs):
        reads.append(path)
        return real(self, base_path, path, *args, **kwargs)

    monkeypatch.setattr(Readers, "read_file", counted)
    signals.article_generator_init.connect(read_beside_ingest)
    try:
        made = generator(content, settings)
    finally:
        signals.article_generator_init.disconnect(read_beside_ingest)
    assert len(reads) == 14  # every file, read ahead
    reads.clear()
    made.generate_context()

    # read again: the file ingest wrote, and the one whose reading raised (Pelican reports it);
    # twice.md's warning, logged while it was read ahead, is logged when it is taken
    assert sorted(os.path.basename(path) for path in reads) == ["a3.md", "broken.md"]
    assert {article.title for article in made.articles} == {f"Dépêche {number}" for number in range(12)} | {"Deux dates"}
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "broken.md" in messages and "Duplicate definition of `date`" in messages


def test_an_article_ingest_rewrites_while_it_is_read_ahead_never_enters_the_content_cache(tmp_path):
    # read ahead while ingest renames a new version in: the cache would keep the old text under the
    # new file's stamp, and later builds would show it; only the files ingest left alone are cached
    from parallel_read.beside_ingest import read_beside_ingest

    content = tmp_path / "content"
    content.mkdir()
    for name in ("kept.md", "rewritten.md"):
        (content / name).write_text("Title: x\n", encoding="utf-8")
    cached = []

    class Readers:
        def cache_data(self, path, data):
            cached.append(os.path.basename(path))

        def read_file(self, base_path, path, content_class=None, **rest):
            self.cache_data(os.path.join(base_path, path), "read")
            return path

    class Generator:
        path = str(content)
        context: dict = {}
        readers = Readers()
        settings = {"ARTICLES_BEING_WRITTEN": lambda: [str(content / "rewritten.md")],
                    "ARTICLE_PATHS": [""], "ARTICLE_EXCLUDES": []}

        def get_files(self, paths, exclude):
            return ["kept.md", "rewritten.md"]

    read_beside_ingest(Generator())
    assert cached == ["kept.md"]


def test_the_catalogs_inputs_are_read_while_ingest_runs_beside(tmp_path, monkeypatch, beside, fake_ner):
    # The slug file, the editorial file and the meanings memo do not depend on the new dispatch: read
    # when Pelican starts, they take the time it waits for ingest, not the catalog's (0.2 s at 5 000).
    from digest import forked_value
    from digest.entities import slugfile
    from digest.file_memo import FileMemo

    monkeypatch.setattr(french_model, "loaded_pipeline", lambda: None)
    paths = site_with(tmp_path / "site", dispatches(3))
    build(paths)
    add(paths, dispatches(1, start=3))
    pipeline._finder.cache_clear()
    events: list[str] = []
    waited, load, memo = forked_value.Returning.result, slugfile.load, FileMemo.__init__

    def waiting(child):
        events.append("ingest waited for")
        return waited(child)

    def loading(path):
        events.append(f"read {Path(path).name}")
        return load(path)

    def opening(self, store, version):
        events.append(f"read {Path(store).name if store else None}")
        memo(self, store, version)

    monkeypatch.setattr(forked_value.Returning, "result", waiting)
    monkeypatch.setattr(slugfile, "load", loading)
    monkeypatch.setattr(FileMemo, "__init__", opening)

    assert len(build(paths).report.written) == 1

    assert events.index("read entity-slugs.toml") < events.index("ingest waited for")
    assert events.index("read dispatch-meanings.json") < events.index("ingest waited for")
    assert events.count("read dispatch-meanings.json") == 1
