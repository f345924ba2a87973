"""Compiled templates kept between builds (``incremental.templates``): a rebuild compiles none
again, and its site is the one a build from nothing gives, a damaged cache file included."""

from __future__ import annotations

import shutil

import jinja2
from jinja2.bccache import bc_magic

from digest.pipeline import build
from tests.conftest import new_site
from tests.entities.test_dispatch_meanings import same_site
from tests.site.sitekit import ARTICLE


def article(day: int) -> str:
    return ARTICLE.format(title=f"Dépêche {day}", date=f"2025-01-{day:02d}", slug=f"depeche-{day}", fields="Lieux: Paris")


def counting_compiles(monkeypatch) -> list[str]:
    compiled = []
    real = jinja2.Environment.compile

    def compile(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return compiled


def built_from_nothing(where, articles):
    fresh = new_site(where, editorial="", pages=False)
    shutil.rmtree(fresh.articles)
    shutil.copytree(articles, fresh.articles)
    build(fresh)
    return fresh.output


def test_a_rebuild_compiles_no_template_and_gives_the_site_of_a_build_from_nothing(tmp_path, monkeypatch):
    paths = new_site(tmp_path / "site", articles={"2.md": article(2), "3.md": article(3)}, editorial="", pages=False)
    compiled = counting_compiles(monkeypatch)
    build(paths)
    assert "article.html" in compiled

    (paths.articles / "4.md").write_text(article(4), encoding="utf-8")  # a new dispatch
    compiled.clear()
    build(paths)

    assert compiled == []
    assert "Dépêche 4" in (paths.output / "index.html").read_text(encoding="utf-8")
    assert same_site(paths.output, built_from_nothing(tmp_path / "fresh", paths.articles))


def test_a_damaged_compiled_template_is_compiled_again(tmp_path, monkeypatch):
    paths = new_site(tmp_path / "site", articles={"2.md": article(2)}, editorial="", pages=False)
    build(paths)
    kept = [path for path in (paths.cache / "pelican").glob("*/templates/*/*") if path.is_file()]
    assert kept
    for path in kept:  # cut inside the checksum that follows the magic
        path.write_bytes(bc_magic + b"\x80")
    compiled = counting_compiles(monkeypatch)

    (paths.articles / "3.md").write_text(article(3), encoding="utf-8")
    build(paths)

    assert "article.html" in compiled
    assert same_site(paths.output, built_from_nothing(tmp_path / "fresh", paths.articles))
