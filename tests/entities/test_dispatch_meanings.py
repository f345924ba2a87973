"""Towns a league dispatch uses as clubs, roles an actor plays (``entities.meanings._as_the_dispatch_means``):
decided once per article file and kept between builds, the site the same as a build that decides
them all again."""

from __future__ import annotations

import filecmp
import json
import shutil

from bs4 import BeautifulSoup

from digest.pipeline import build
from entities import meanings
from tests.entities.test_admission import ROUND
from tests.conftest import new_site
from tests.site.sitekit import ARTICLE

LEAGUE = ARTICLE.format(title="Journée de D1", date="2025-01-02", slug="journee", fields="Lieux: Sélestat; Créteil; Paris").replace(
    "<p>Texte de la dépêche.</p>", f"<p>{ROUND}</p>")
TOWNS = [ARTICLE.format(title=f"Dépêche {day}", date=f"2025-01-{day:02d}", slug=f"depeche-{day}", fields="Lieux: Sélestat; Paris").replace(
    "<p>Texte de la dépêche.</p>", "<p>Le maire de Sélestat a reçu à Paris les élus de la région.</p>") for day in (3, 4)]


def league_site(where):
    return new_site(where, articles={"journee.md": LEAGUE, "3.md": TOWNS[0], "4.md": TOWNS[1]}, editorial="", pages=False)


def places_named(output, path: str) -> list[str]:
    soup = BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [mention["name"] for mention in json.loads(soup.find("script", type="application/ld+json").string)["mentions"]]


def counting_town_clubs(monkeypatch) -> list[int]:
    calls = [0]
    real = meanings.town_clubs

    def counted(text, places):
        calls[0] += 1
        return real(text, places)

    monkeypatch.setattr(meanings, "town_clubs", counted)
    return calls


def same_site(first, second) -> bool:
    """Every file of both sites, byte for byte (the search bundle aside)."""
    differ = []

    def walk(compared):
        differ.extend(compared.diff_files + compared.left_only + compared.right_only)
        for name, sub in compared.subdirs.items():
            if name != "pagefind":
                walk(sub)

    walk(filecmp.dircmp(first, second))
    return not differ


def test_a_new_dispatch_reads_only_its_own_text_and_the_site_is_the_one_a_full_build_gives(tmp_path, monkeypatch):
    paths = league_site(tmp_path / "site")
    calls = counting_town_clubs(monkeypatch)
    build(paths)
    assert calls[0] == 3
    assert places_named(paths.output, "2025/01/02/journee") == ["Sélestat (club)", "Créteil (club)", "Paris (club)"]

    newest = ARTICLE.format(title="Dépêche 5", date="2025-01-05", slug="depeche-5", fields="Lieux: Sélestat; Créteil")
    (paths.articles / "5.md").write_text(newest, encoding="utf-8")
    calls[0] = 0
    build(paths)
    assert calls[0] == 1  # the new article alone: the others' files have not changed
    assert places_named(paths.output, "2025/01/02/journee") == ["Sélestat (club)", "Créteil (club)", "Paris (club)"]

    # the same content built from nothing, every article read again
    fresh = new_site(tmp_path / "fresh", editorial="", pages=False)
    shutil.rmtree(fresh.articles)
    shutil.copytree(paths.articles, fresh.articles)
    calls[0] = 0
    build(fresh)
    assert calls[0] == 4
    assert same_site(paths.output, fresh.output)


def test_an_edited_article_and_an_edited_editorial_file_are_read_again(tmp_path, monkeypatch):
    paths = league_site(tmp_path)
    build(paths)
    calls = counting_town_clubs(monkeypatch)
    # the round-up rewritten as a town's news: Sélestat is the town again, and its page lists it
    (paths.articles / "journee.md").write_text(LEAGUE.replace(ROUND, "Le maire de Sélestat a reçu à Paris les élus."), encoding="utf-8")
    build(paths)
    assert calls[0] == 1
    assert places_named(paths.output, "2025/01/02/journee") == ["Sélestat", "Créteil", "Paris"]
    assert "Journée de D1" in (paths.output / "lieux/selestat/index.html").read_text(encoding="utf-8")

    # an editorial file that describes Paris: the names the rules are given may have changed
    paths.editorial.write_text('[[entite]]\nnom = "Paris"\ntype = "lieu"\ndescription = "Capitale."\n', encoding="utf-8")
    calls[0] = 0
    build(paths)
    assert calls[0] == 3


def test_an_article_written_again_with_the_same_text_is_not_read_again(tmp_path, monkeypatch):
    """Keyed by each file's bytes, not its time or inode: a re-ingest that writes the same text
    (or a copy of the site) keeps what was decided, and the site stays the same."""
    paths = league_site(tmp_path / "site")
    build(paths)
    before = tmp_path / "before"
    shutil.copytree(paths.output, before)
    calls = counting_town_clubs(monkeypatch)
    for article in paths.articles.glob("*.md"):  # replaced, as ingest writes: a new inode and time
        text = article.read_bytes()
        article.unlink()
        article.write_bytes(text)
    assert build(paths).rebuilt
    assert calls[0] == 0
    assert same_site(paths.output, before)
