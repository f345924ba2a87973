"""The search index (digest.search) on a small site written by hand in the theme's markup: Pagefind
reads only the articles (entities are found by their names, entites/noms.json), indexes what
readers search for, gives the same bytes twice, and a failure names the site and says what
Pagefind said."""

from __future__ import annotations

import gzip
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

ENTITY = """<header class="entity-header">
  <p class="kicker"><a href="/entites/#personnes">Personne</a></p>
  <h1>Mark Rutte</h1>
  <p class="description">Secrétaire général de l’OTAN</p>
  <p class="meta">Aussi écrit : Rutte</p>
  <p class="meta">2 dépêches · <a class="feed" href="/personnes/mark-rutte/rss.xml">Suivre Mark Rutte (flux RSS)</a></p>
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
    write(site, "personnes/mark-rutte/index.html", "Mark Rutte (personne)", ENTITY)
    write(site, "personnes/mark-rutte/page/2/index.html", "Mark Rutte (personne), page 2", ENTITY)
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


def test_the_articles_are_indexed_and_nothing_else(tmp_path):
    site = small_site(tmp_path / "site")
    search.index(site)

    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]
    assert entry["languages"]["fr"]["page_count"] == 2

    records = fragments(bundle)
    assert set(records) == {"/2025/08/22/otan/", "/2025/08/23/volcan/"}

    otan = records["/2025/08/22/otan/"]
    assert otan["meta"]["title"] == "L’OTAN se réunit"
    assert otan["meta"]["date"] == "2025-08-22"
    assert "défense aérienne à Bruxelles" in otan["content"]
    # Only the article: not the site's header and footer, nor what the page marks as ignored.
    for elsewhere in ("Navigation", "Pied de page", "Ficelle", "Pelote", "Dépêche du jour"):
        assert elsewhere not in otan["content"]
    assert records["/2025/08/23/volcan/"]["meta"] == {"title": "Un volcan se réveille", "date": "2025-08-23"}


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
    assert (site / "pagefind" / "pagefind.js").is_file()


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


def test_a_pagefind_binary_that_is_not_there_is_named_in_one_line(tmp_path, monkeypatch):
    # PAGEFIND_BINARY_PATH, the pagefind package's own setting, pointing to a binary removed since
    missing = tmp_path / "bin" / "pagefind"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(missing))
    site = small_site(tmp_path / "site")
    with pytest.raises(search.SearchIndexError) as error:
        search.index(site)
    message = str(error.value)
    assert f"{missing}: No such file or directory" in message and "Traceback" not in message
