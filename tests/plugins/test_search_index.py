"""plugins/search_index in a real build: the bundle made while Pelican writes the site is the one
Pagefind makes of the written site; without a fork, or with a template whose searched part cannot
be rendered alone, Pagefind reads the written site; a failure aside fails the build."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path

import pytest

import aside
from digest import site as site_module
from search_index import pagefind
from tests.conftest import ROOT
from tests.robustness.test_search_index import bundle_bytes

ARTICLES = 40


@pytest.fixture(scope="module")
def small_content(tmp_path_factory) -> Path:
    """The first articles of the repository's content, its pages and its editorial file; no dispatch."""
    content = tmp_path_factory.mktemp("search-content") / "content"
    (content / "dispatches").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    shutil.copy(ROOT / "content" / "entities.toml", content)
    for path in sorted((ROOT / "content" / "articles").rglob("*.md"))[:ARTICLES]:
        target = content / "articles" / path.relative_to(ROOT / "content" / "articles")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return content


def build(content: Path, workdir: Path, **overrides) -> Path:
    """A copy of ``content`` built with the real pipeline into ``workdir/output``."""
    from digest.pipeline import Paths, build as pipeline_build

    paths = Paths(content=workdir / "content", output=workdir / "output", cache=workdir / "cache", settings=ROOT / "pelicanconf.py")
    shutil.copytree(content, paths.content)
    assert pipeline_build(paths, overrides=overrides).report.ok
    return paths.output


@pytest.fixture
def reads_of_the_written_site(monkeypatch) -> list[Path]:
    """The sites Pagefind is run on after the render (pagefind.index_site), in order."""
    sites, real = [], pagefind.index_site

    def index_site(site):
        sites.append(Path(site))
        real(site)

    monkeypatch.setattr(pagefind, "index_site", index_site)
    return sites


def indexed_pages(output: Path) -> int:
    return json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["fr"]["page_count"]


def pages_with_searched_part(output: Path) -> int:
    return sum("data-pagefind-body" in path.read_text(encoding="utf-8") for path in output.rglob("*.html") if "pagefind" not in path.parts)


def test_the_bundle_made_during_the_render_is_the_one_pagefind_makes_of_the_written_site(forking, small_content, tmp_path, reads_of_the_written_site):
    output = build(small_content, tmp_path / "work")
    assert reads_of_the_written_site == []  # made aside, while Pelican wrote the pages
    assert indexed_pages(output) == pages_with_searched_part(output) > ARTICLES  # the articles and their entities

    written = tmp_path / "written"
    shutil.copytree(output, written, ignore=shutil.ignore_patterns("pagefind"))
    pagefind.index_site(written)
    assert bundle_bytes(output / "pagefind") == bundle_bytes(written / "pagefind")


def test_without_a_fork_pagefind_reads_the_written_site(small_content, tmp_path, monkeypatch, reads_of_the_written_site):
    monkeypatch.setattr(aside, "can_fork", lambda: False)
    output = build(small_content, tmp_path / "work")
    assert [site.name for site in reads_of_the_written_site] == [site_module.staging_path(output).name]
    assert indexed_pages(output) == pages_with_searched_part(output) > ARTICLES


def test_a_template_without_the_searched_block_has_the_written_site_indexed(forking, small_content, tmp_path, reads_of_the_written_site):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    text = article.read_text(encoding="utf-8")
    without = text.replace("{% block searched %}\n", "", 1).replace("  </div>\n{% endblock %}\n", "  </div>\n", 1)
    assert without.count("{% block") == text.count("{% block") - 1 and without.count("{% endblock") == text.count("{% endblock") - 1
    article.write_text(without, encoding="utf-8")

    output = build(small_content, tmp_path / "work", THEME=str(theme))
    assert len(reads_of_the_written_site) == 1
    assert indexed_pages(output) == pages_with_searched_part(output) > ARTICLES


def test_pagefind_failing_aside_fails_the_build_and_publishes_nothing(forking, small_content, tmp_path, monkeypatch, capfd, reads_of_the_written_site):
    monkeypatch.setattr(pagefind, "_pagefind", lambda site, *options: "Error: Pagefind en panne pour ce test")
    on_stderr = logging.StreamHandler(sys.stderr)  # as `invoke build` logs; the child's errors go there
    logging.getLogger().addHandler(on_stderr)
    try:
        with pytest.raises(site_module.BuildError) as error:
            build(small_content, tmp_path / "work")
    finally:
        logging.getLogger().removeHandler(on_stderr)
    assert "index de recherche" in str(error.value)
    said = capfd.readouterr().err
    assert "Pagefind a échoué sur les" in said and "Pagefind en panne pour ce test" in said
    assert not (tmp_path / "work" / "output").exists()
    assert reads_of_the_written_site == []
