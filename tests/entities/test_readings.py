"""What the catalog reads in each article's text about a name (``entities.readings``): kept per article
content between builds, so that a new dispatch has its own text read, and the site the same as a build
that reads every text again."""

from __future__ import annotations

import shutil

from digest.pipeline import build
from entities import readings
from tests.conftest import new_site
from tests.entities.test_dispatch_meanings import same_site
from tests.site.sitekit import ARTICLE

TEXTS = {
    "1": "Manuel Valls, en campagne pour les primaires de la Gauche, a été giflé à Lamballe.",
    "2": "Les chiffres de la primaire de la Gauche auraient été manipulés, selon la revue Nature.",
    "3": "Une étude publiée dans Nature le dit. Le drone est passé sous l'aile gauche de l'appareil.",
}
NEWEST = "Le candidat de la Gauche a tenu meeting à Lamballe, selon Nature."


def article(day: int, text: str) -> str:
    return ARTICLE.format(title=f"Dépêche {day}", date=f"2025-01-{day:02d}", slug=f"depeche-{day}",
                          fields="Organisations: Gauche; Nature\nLieux: Lamballe").replace(
        "<p>Texte de la dépêche.</p>", f"<p>{text}</p>")


def counting_reads(monkeypatch) -> list[str]:
    """The texts the catalog reads for a name, as each read is made."""
    read = []
    for name in ("determiner_uses", "writes_lower_case", "organisation_uses", "first_halves"):
        real = getattr(readings, name)

        def counted(word, text, real=real):
            read.append(text)
            return real(word, text)

        monkeypatch.setattr(readings, name, counted)
    return read


def test_a_new_dispatch_has_its_own_text_read_and_the_site_is_the_one_a_full_build_gives(tmp_path, monkeypatch):
    paths = new_site(tmp_path / "site", articles={f"{day}.md": article(int(day), text) for day, text in TEXTS.items()},
                     editorial="", pages=False)
    read = counting_reads(monkeypatch)
    build(paths)
    assert read  # the common nouns' pass read the dispatches
    assert not (paths.output / "organisations" / "gauche").exists()  # "la Gauche", a camp: named, no page
    assert (paths.output / "organisations" / "nature" / "index.html").is_file()

    (paths.articles / "4.md").write_text(article(4, NEWEST), encoding="utf-8")
    read.clear()
    build(paths)
    assert read and all("meeting" in text for text in read)  # the new dispatch's text alone
    assert not (paths.output / "organisations" / "gauche").exists()
    assert "Dépêche 4" in (paths.output / "organisations" / "nature" / "index.html").read_text(encoding="utf-8")

    fresh = new_site(tmp_path / "fresh", editorial="", pages=False)
    shutil.rmtree(fresh.articles)
    shutil.copytree(paths.articles, fresh.articles)
    build(fresh)
    assert same_site(paths.output, fresh.output)


def test_an_edited_article_is_read_again(tmp_path, monkeypatch):
    """The bare "Gauche" an editor writes into a dispatch makes it a name: its page appears."""
    paths = new_site(tmp_path, articles={f"{day}.md": article(int(day), text) for day, text in TEXTS.items()},
                     editorial="", pages=False)
    build(paths)
    assert not (paths.output / "organisations" / "gauche").exists()
    (paths.articles / "1.md").write_text(article(1, "Manuel Valls, candidat soutenu par Gauche, a été giflé."), encoding="utf-8")
    build(paths)
    assert (paths.output / "organisations" / "gauche" / "index.html").is_file()
