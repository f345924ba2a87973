"""A build runs with the collector's full passes held back (``pipeline.fewer_collections``: they walk
every object the build keeps, again and again), and gives the process its own thresholds back
after, failed or not (``invoke serve`` builds many times in one process)."""

from __future__ import annotations

import gc

import pytest

from digest import pipeline, site
from tests.conftest import new_site
from tests.site.sitekit import ARTICLE


def small_site(where):
    article = ARTICLE.format(title="Dépêche", date="2025-01-02", slug="depeche", fields="Lieux: Paris")
    return new_site(where, articles={"depeche.md": article}, editorial="", pages=False)


def test_a_build_holds_back_full_collections_and_gives_the_thresholds_back(tmp_path, monkeypatch):
    paths = small_site(tmp_path)
    during = []
    real = site.build
    monkeypatch.setattr(site, "build", lambda *args, **kwargs: during.append(gc.get_threshold()) or real(*args, **kwargs))
    before = gc.get_threshold()

    assert pipeline.build(paths).rebuilt

    assert during == [pipeline.BUILD_GC_THRESHOLDS] and during[0][0] > before[0]
    assert gc.get_threshold() == before
    assert "Dépêche" in (paths.output / "index.html").read_text(encoding="utf-8")


def test_a_failed_build_gives_the_thresholds_back(tmp_path, monkeypatch):
    paths = small_site(tmp_path)

    def fails(*args, **kwargs):
        raise site.BuildError("rendu impossible")

    monkeypatch.setattr(site, "build", fails)
    before = gc.get_threshold()
    with pytest.raises(site.BuildError):
        pipeline.build(paths)
    assert gc.get_threshold() == before
