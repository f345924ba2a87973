"""plugins/parallel_read: the articles Pelican's cache lacks are read by forked workers into the
cache exactly as Pelican would read them; a file whose reading fails or warns is left to Pelican,
which then reports it."""

from __future__ import annotations

import os

import pytest
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.readers import Readers
from pelican.settings import read_settings

from digest import aside
from parallel_read import pelican_glue, register


@pytest.fixture
def forking(forking, monkeypatch):
    monkeypatch.setattr(pelican_glue, "READ_AHEAD_MIN", 2)


def site(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for number in range(12):
        (content / f"a{number}.md").write_text(
            f"Title: Dépêche {number}\nDate: 2025-01-{number + 1:02d}\nSummary: L'Otan *{number}*.\n\n"
            f"Le sommet de l'OTAN[^1] s'ouvre.\n\n[^1]: Note {number}.\n", encoding="utf-8")
    (content / "broken.md").write_text("Title: Cassé\nDate: pas une date\n\nTexte.\n", encoding="utf-8")
    (content / "twice.md").write_text("Title: Deux dates\nDate: 2025-02-01\nDate: 2025-02-02\n\nTexte.\n", encoding="utf-8")
    settings = read_settings(None, override={
        "PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CHECK_MODIFIED_METHOD": "sha256"})
    return content, settings


def generator(content, settings):
    context = {**settings, "generated_content": {}, "static_content": {}, "static_links": set(), "filenames": {}}
    return ArticlesGenerator(context=context, settings=settings, path=str(content), theme=settings["THEME"], output_path=settings["OUTPUT_PATH"])


def test_articles_are_cached_as_pelican_would_read_them(tmp_path, forking):
    content, settings = site(tmp_path)
    register()
    try:
        made = generator(content, settings)
    finally:
        signals.article_generator_init.disconnect(pelican_glue.read_ahead)
    serial = Readers({**settings, "CACHE_PATH": str(tmp_path / "serial")}, cache_name="serial")  # Pelican alone
    for name in [f"a{number}.md" for number in range(12)]:
        path = os.path.abspath(content / name)
        serial.read_file(str(content), name)
        assert made.readers.get_cached_data(path) == serial.get_cached_data(path) is not None
    for name in ("broken.md", "twice.md"):  # raises, warns: left to Pelican's own loop
        assert made.readers.get_cached_data(os.path.abspath(content / name)) is None


def test_pelican_still_reports_what_a_worker_left(tmp_path, forking, caplog):
    content, settings = site(tmp_path)
    register()
    try:
        made = generator(content, settings)
        made.generate_context()
    finally:
        signals.article_generator_init.disconnect(pelican_glue.read_ahead)
    assert {article.title for article in made.articles} == {f"Dépêche {number}" for number in range(12)} | {"Deux dates"}
    # twice.md is read (first date kept), broken.md is not: both reported by Pelican itself
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "broken.md" in messages and "Duplicate definition of `date`" in messages


def test_nothing_is_read_ahead_without_the_reader_cache(tmp_path, forking):
    content, settings = site(tmp_path)
    settings["CACHE_CONTENT"] = False
    register()
    try:
        made = generator(content, settings)
    finally:
        signals.article_generator_init.disconnect(pelican_glue.read_ahead)
    assert made.readers.get_cached_data(os.path.abspath(content / "a0.md")) is None


def test_a_dead_worker_leaves_every_file_to_pelican(tmp_path, forking, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    def dead(*args, **kwargs):
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(aside, "map_forked", dead)
    content, settings = site(tmp_path)
    register()
    try:
        made = generator(content, settings)
        assert made.readers.get_cached_data(os.path.abspath(content / "a0.md")) is None
        made.generate_context()
    finally:
        signals.article_generator_init.disconnect(pelican_glue.read_ahead)
    assert len(made.articles) == 13
