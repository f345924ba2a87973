"""The search index (digest.search) on a small site written by hand in the theme's markup: Pagefind
reads only the articles and the entities' first pages, indexes what readers search for, gives the
same bytes twice, and a failure names the site and says what Pagefind said."""

from __future__ import annotations

import gzip
import shutil
import json
from pathlib import Path

import pytest

from digest import search

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>{title} — Le Fil</title></head>
<body>
<header class="site-header"><a href="/">Le Fil</a> <a href="/recherche/">Recherche</a> Navigation du site</header>
<main id="contenu">
{main}
</main>
<footer>Pied de page du site</footer>
</body>
</html>
"""

ARTICLE = """<article class="article" data-pagefind-body>
  <header class="article-header">
    <p class="kicker"><a href="/{day}/" data-pagefind-ignore>Dépêche du jour</a></p>
    <h1>{title}</h1>
    <p class="meta"><time datetime="{iso}T10:00:00+02:00" data-pagefind-meta="date:{iso}">le jour même</time></p>
  </header>
  <div class="body">
<p>{body}</p>
  </div>
  <footer class="article-footer" data-pagefind-ignore="all">
    <section class="mentions"><h2>Dans cette dépêche</h2><a href="/personnes/mark-rutte/">Mark Rutte</a> Ficelle</section>
  </footer>
</article>
<section class="related"><h2>À lire aussi</h2><a href="/">Autre dépêche</a> Pelote</section>"""

ENTITY = """<header class="entity-header"{body}>
  <p class="kicker"><a href="/entites/#personnes" data-pagefind-ignore>Personne</a></p>
  <h1 data-pagefind-meta="title">Mark Rutte</h1>
  <p class="description">Secrétaire général de l’OTAN</p>
  <p class="meta">Aussi écrit : Rutte</p>
  <p class="meta" data-pagefind-ignore>2 dépêches · <a class="feed" href="/personnes/mark-rutte/rss.xml">Suivre Mark Rutte (flux RSS)</a></p>
</header>
<section class="entity-articles"><h2>Les dépêches</h2><a href="/2025/08/22/otan/">L’OTAN se réunit</a> Bobine</section>"""

LIST = """<section><h1>{title}</h1><a href="/2025/08/22/otan/">L’OTAN se réunit</a> Bobine</section>"""


def write(site: Path, relative: str, title: str, main: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, main=main), encoding="utf-8")


def small_site(site: Path) -> Path:
    articles = [
        ("2025/08/22/otan", "L’OTAN se réunit", "2025-08-22", "Les alliés parlent de défense aérienne à Bruxelles."),
        ("2025/08/23/volcan", "Un volcan se réveille", "2025-08-23", "Éruption spectaculaire observée près de Catane."),
    ]
    for folder, title, iso, body in articles:
        write(site, f"{folder}/index.html", title, ARTICLE.format(day=folder.rsplit("/", 1)[0], title=title, iso=iso, body=body))
    write(site, "personnes/mark-rutte/index.html", "Mark Rutte (personne)", ENTITY.format(body=" data-pagefind-body"))
    write(site, "personnes/mark-rutte/page/2/index.html", "Mark Rutte (personne), page 2", ENTITY.format(body=""))
    write(site, "2025/08/22/index.html", "Dépêches du 22 août", LIST.format(title="Dépêches du 22 août"))
    write(site, "page/2/index.html", "Le Fil, page 2", LIST.format(title="Dépêches"))
    write(site, "entites/index.html", "Entités", LIST.format(title="Entités"))
    write(site, "index.html", "Le Fil", LIST.format(title="Dépêches"))
    return site


def fragments(bundle: Path) -> dict[str, dict]:
    """Pagefind's record of each indexed page (what a search result shows), by URL."""
    records = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        record = json.loads(data[len(b"pagefind_dcd"):])
        records[record["url"]] = record
    return records


def bundle_bytes(bundle: Path) -> dict[str, bytes]:
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


def test_articles_and_entity_first_pages_are_indexed_and_nothing_else(tmp_path):
    site = small_site(tmp_path / "site")
    search.index(site)

    bundle = site / "pagefind"
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "pagefind.js").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]
    assert entry["languages"]["fr"]["page_count"] == 3

    records = fragments(bundle)
    assert set(records) == {"/2025/08/22/otan/", "/2025/08/23/volcan/", "/personnes/mark-rutte/"}

    otan = records["/2025/08/22/otan/"]
    assert otan["meta"]["title"] == "L’OTAN se réunit"
    assert otan["meta"]["date"] == "2025-08-22"
    assert "défense aérienne à Bruxelles" in otan["content"]
    # Only the article: not the site's header and footer, nor what the page marks as ignored.
    for elsewhere in ("Navigation", "Pied de page", "Ficelle", "Pelote", "Dépêche du jour"):
        assert elsewhere not in otan["content"]
    assert records["/2025/08/23/volcan/"]["meta"] == {"title": "Un volcan se réveille", "date": "2025-08-23"}

    rutte = records["/personnes/mark-rutte/"]
    assert rutte["meta"]["title"] == "Mark Rutte"
    assert "Secrétaire général de l’OTAN" in rutte["content"] and "Aussi écrit : Rutte" in rutte["content"]
    for elsewhere in ("Bobine", "dépêches", "flux RSS", "Personne"):
        assert elsewhere not in rutte["content"]


def test_the_same_site_gives_the_same_bundle(tmp_path):
    site = small_site(tmp_path / "site")
    search.index(site)
    first = bundle_bytes(site / "pagefind")
    (site / "pagefind").rename(tmp_path / "first")
    search.index(site)
    assert bundle_bytes(site / "pagefind") == first


def test_a_site_without_any_article_yet_still_gets_a_bundle(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", "Le Fil", LIST.format(title="Dépêches"))
    write(site, "a-propos/index.html", "À propos", LIST.format(title="À propos"))
    search.index(site)
    assert (site / "pagefind" / "pagefind-ui.js").is_file()


@pytest.mark.parametrize("layout", ["missing", "empty"])
def test_a_site_pagefind_cannot_index_raises_with_the_site_and_pagefinds_words(tmp_path, layout):
    site = tmp_path / "site"
    if layout != "missing":
        site.mkdir()
    with pytest.raises(search.SearchIndexError) as error:
        search.index(site)
    message = str(error.value)
    assert str(site) in message
    assert "not able to build an index" in message  # Pagefind's own explanation
    assert not (site / "pagefind").exists()


def years_site(site: Path) -> Path:
    """The small site (articles of August 2025) with articles of an earlier month and of two earlier years."""
    small_site(site)
    for folder, title, iso, body in [
        ("2025/07/14/defile", "Le défilé du 14 Juillet", "2025-07-14", "Les troupes ont descendu les Champs-Élysées."),
        ("2024/03/01/glacier", "Le glacier recule", "2024-03-01", "Le glacier du Rhône a perdu trois mètres."),
        ("2023/11/30/moisson", "Une moisson record", "2023-11-30", "Les céréaliers de la Beauce se réjouissent."),
    ]:
        write(site, f"{folder}/index.html", title, ARTICLE.format(day=folder.rsplit("/", 1)[0], title=title, iso=iso, body=body))
    return site


def inodes(bundle: Path) -> dict[str, int]:
    return {path.relative_to(bundle).as_posix(): path.stat().st_ino for path in bundle.rglob("*") if path.is_file()}


def test_each_earlier_year_has_its_bundle_merged_by_the_primary_one(tmp_path):
    site = years_site(tmp_path / "site")
    search.index(site)

    primary = site / "pagefind"
    assert json.loads((primary / "merge.json").read_text(encoding="utf-8")) == ["annees/2025/", "annees/2024/", "annees/2023/"]
    assert set(fragments(primary)) == {"/2025/08/22/otan/", "/2025/08/23/volcan/", "/personnes/mark-rutte/"}
    assert set(fragments(primary / "annees" / "2025")) == {"/2025/07/14/defile/"}
    assert set(fragments(primary / "annees" / "2024")) == {"/2024/03/01/glacier/"}
    assert "céréaliers de la Beauce" in fragments(primary / "annees" / "2023")["/2023/11/30/moisson/"]["content"]
    for bundle in (primary / "annees" / "2025", primary / "annees" / "2024", primary / "annees" / "2023"):
        assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.fr.pagefind").is_file()


def test_a_bundle_whose_pages_did_not_change_is_linked_from_the_published_site(tmp_path):
    published = years_site(tmp_path / "published")
    search.index(published)
    site = years_site(tmp_path / "site")
    write(site, "2025/08/24/orage/index.html", "Un orage", ARTICLE.format(day="2025/08/24", title="Un orage", iso="2025-08-24", body="La grêle a couché les blés."))
    write(site, "2023/11/30/moisson/index.html", "Une moisson record", ARTICLE.format(day="2023/11/30", title="Une moisson record", iso="2023-11-30", body="Les viticulteurs du Médoc aussi."))

    indexed = search.index(site, previous=published)

    assert [bundle.folder for bundle in indexed] == ["pagefind", "pagefind/annees/2023"]
    for year in ("2025", "2024"):  # the same files, linked
        assert inodes(site / "pagefind" / "annees" / year) == inodes(published / "pagefind" / "annees" / year)
    assert "/2025/08/24/orage/" in fragments(site / "pagefind")
    assert "viticulteurs du Médoc" in fragments(site / "pagefind" / "annees" / "2023")["/2023/11/30/moisson/"]["content"]
    assert json.loads((site / "pagefind" / "merge.json").read_text(encoding="utf-8")) == ["annees/2025/", "annees/2024/", "annees/2023/"]


def test_nothing_changed_nothing_indexed_and_the_same_bytes(tmp_path):
    published = years_site(tmp_path / "published")
    search.index(published)
    site = years_site(tmp_path / "site")
    assert search.index(site, previous=published) == []
    assert bundle_bytes(site / "pagefind") == bundle_bytes(published / "pagefind")


def test_a_bundle_made_from_other_pages_or_by_another_pagefind_is_indexed_again(tmp_path, monkeypatch):
    published = years_site(tmp_path / "published")
    search.index(published)
    site = years_site(tmp_path / "site")
    # A year gone from the site: its bundle is not copied, nor listed.
    for page in (site / "2023").rglob("*"):
        if page.is_file():
            page.unlink()
    real_version = search.metadata.version
    monkeypatch.setattr(search.metadata, "version", lambda name: "9.9.9" if name == "pagefind_bin" else real_version(name))
    indexed = search.index(site, previous=published)
    assert [bundle.folder for bundle in indexed] == ["pagefind", "pagefind/annees/2025", "pagefind/annees/2024"]
    assert not (site / "pagefind" / "annees" / "2023").exists()
    assert json.loads((site / "pagefind" / "merge.json").read_text(encoding="utf-8")) == ["annees/2025/", "annees/2024/"]


def test_what_lies_outside_the_indexed_element_does_not_count():
    page = PAGE.format(title="L’OTAN se réunit", main=ARTICLE.format(day="2025/08/22", title="L’OTAN se réunit", iso="2025-08-22", body="Les alliés parlent."))
    read = search.what_pagefind_reads(page)
    assert read[0].startswith("<html")
    elsewhere = page.replace("Autre dépêche", "Une autre dépêche").replace("<title>L’OTAN", "<title>Réunion de l’OTAN").replace("Pied de page", "Bas de page")
    assert search.what_pagefind_reads(elsewhere) == read
    for inside in (
        page.replace("Les alliés parlent.", "Les alliés se taisent."),
        page.replace("Mark Rutte</a>", "Mark Rutte et Ursula von der Leyen</a>"),  # ignored by Pagefind, kept: never too little
        page.replace("<h1>L’OTAN", "<h1 id='titre'>L’OTAN"),
        page.replace("<footer>Pied", "<footer data-pagefind-meta='auteur:AFP'>Pied"),
        page.replace('<html lang="fr">', '<html lang="en">'),
    ):
        assert search.what_pagefind_reads(inside) != read


def test_a_page_changed_only_outside_what_is_indexed_keeps_its_years_bundle(tmp_path):
    published = years_site(tmp_path / "published")
    search.index(published)
    site = years_site(tmp_path / "site")
    glacier = site / "2024/03/01/glacier/index.html"
    glacier.write_text(glacier.read_text(encoding="utf-8").replace("Autre dépêche", "Un orage sur la Beauce").replace("Navigation", "Menu").replace("<title>Le glacier", "<title>Glacier"), encoding="utf-8")

    assert [bundle.folder for bundle in search.index(site, previous=published)] == []
    # What Pagefind itself makes of the changed page: the very bundle that was kept.
    shutil.rmtree(site / "pagefind")
    search.index(site)
    assert bundle_bytes(site / "pagefind") == bundle_bytes(published / "pagefind")
