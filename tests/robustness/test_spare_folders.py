"""A rebuild renders into the folders of the site it replaced (``digest.site.spare_path``): emptied
of their files before it takes them, the folders of pages gone removed, the site the one a build
from nothing gives."""

from __future__ import annotations

import os
import shutil
import time

from digest import site
from digest.pipeline import build
from tests.conftest import new_site
from tests.robustness.conftest import site_files
from tests.site.sitekit import ARTICLE

BUNDLE = "pagefind" + os.sep


def articles(days: dict[int, str]) -> dict[str, str]:
    return {f"{day}.md": ARTICLE.format(title=f"Dépêche {day}", date=f"2025-01-{day:02d}", slug=f"depeche-{day}", fields=fields)
            for day, fields in days.items()}


def spare_ready(output, seconds: float = 60) -> bool:
    """The previous site's folders, emptied in the background after the swap, are there."""
    deadline = time.monotonic() + seconds
    while not site.spare_path(output).is_dir() and time.monotonic() < deadline:
        time.sleep(0.05)
    return site.spare_path(output).is_dir()


def pages_and_feeds(output) -> dict[str, bytes]:
    return {path: data for path, data in site_files(output).items() if not path.startswith(BUNDLE)}


def test_a_rebuild_renders_into_the_folders_of_the_site_it_replaced(tmp_path):
    paths = new_site(tmp_path / "site", articles=articles({2: "Personnes: Ada Lovelace", 3: "Personnes: Ada Lovelace"}),
                     editorial="", pages=False)
    build(paths)
    # a first build: the spare is given the new site's folders, in the background
    assert spare_ready(paths.output)
    spare = site.spare_path(paths.output)
    folder = (spare / "2025" / "01" / "02" / "depeche-2").stat().st_ino
    (paths.articles / "4.md").write_text(articles({4: "Lieux: Paris"})["4.md"], encoding="utf-8")
    build(paths)
    assert (paths.output / "2025" / "01" / "02" / "depeche-2").stat().st_ino == folder
    # the site it replaced, its files removed, is the next spare
    assert spare_ready(paths.output)
    assert not [name for _, _, files in os.walk(spare) for name in files]  # nothing linked to the live site
    folder = (spare / "2025" / "01" / "02" / "depeche-2").stat().st_ino

    # Ada Lovelace down to one dispatch: her page goes, and its folders with it
    (paths.articles / "3.md").write_text(articles({3: "Lieux: Paris"})["3.md"], encoding="utf-8")
    build(paths)
    assert not spare.exists() or (spare / "2025" / "01" / "02" / "depeche-2").stat().st_ino != folder
    assert (paths.output / "2025" / "01" / "02" / "depeche-2").stat().st_ino == folder
    # her address stays, a redirect page and a feed that says she is no longer followed (issue #21's
    # stable URLs); nothing else of hers
    assert sorted(path.relative_to(paths.output).as_posix() for path in (paths.output / "personnes").rglob("*")
                  if path.is_file()) == ["personnes/ada-lovelace/index.html", "personnes/ada-lovelace/rss.xml"]
    assert 'http-equiv="refresh"' in (paths.output / "personnes" / "ada-lovelace" / "index.html").read_text(encoding="utf-8")
    assert not [root for root, folders, files in os.walk(paths.output) if not folders and not files]

    fresh = new_site(tmp_path / "fresh", editorial="", pages=False)
    shutil.rmtree(fresh.articles)
    shutil.copytree(paths.articles, fresh.articles)
    shutil.copy(paths.content.parent / "entity-slugs.toml", fresh.content.parent)  # the addresses published so far
    build(fresh)
    assert pages_and_feeds(paths.output) == pages_and_feeds(fresh.output)


def test_a_killed_build_leaves_no_spare_half_taken(tmp_path):
    paths = new_site(tmp_path, articles=articles({2: "Lieux: Paris"}), editorial="", pages=False)
    build(paths)
    (paths.articles / "3.md").write_text(articles({3: "Lieux: Paris"})["3.md"], encoding="utf-8")
    build(paths)
    assert spare_ready(paths.output)
    # a build killed while rendering into the spare: its staging folder holds files the next build must not publish
    staging = site.staging_path(paths.output)
    os.rename(site.spare_path(paths.output), staging)
    (staging / "2025" / "01" / "02" / "depeche-2" / "index.html").write_text("à moitié écrit", encoding="utf-8")
    (staging / "reste.html").write_text("à moitié écrit", encoding="utf-8")
    (paths.articles / "4.md").write_text(articles({4: "Lieux: Paris"})["4.md"], encoding="utf-8")
    build(paths)
    assert "à moitié écrit" not in (paths.output / "2025" / "01" / "02" / "depeche-2" / "index.html").read_text(encoding="utf-8")
    assert not (paths.output / "reste.html").exists()
