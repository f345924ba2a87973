"""What ingest derives from a dispatch with spaCy (its headline, its entities) is cached by the
dispatch's text, under the digest of the code that derives it and of its inputs: an archive rebuilt
from its dispatches derives nothing again, and a change of that code or of the editorial file
derives what depends on it again."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from digest import headline as headline_module
from digest.entities import finder as finder_module
from digest.entities.finder import EntityFinder
from digest.headline import HeadlineDeriver
from digest.ingest import ingest
from digest.kicker import whole_word_positions
from digest.entities.model import to_front_matter

DISPATCHES = Path(__file__).resolve().parents[2] / "content" / "dispatches"
SAMPLE = sorted(DISPATCHES.glob("*.txt"))[:6]


@pytest.fixture
def derivations(monkeypatch) -> dict[str, list[str]]:
    """The headlines rewritten and the texts resolved into entities, as they are (none from a cache)."""
    from digest import headline_rewrite

    made: dict[str, list[str]] = {"headlines": [], "entities": []}
    rewrite, resolve = headline_rewrite.rewrite, finder_module.resolve
    monkeypatch.setattr(headline_rewrite, "rewrite", lambda tokens, *args, **kwargs: made["headlines"].append(tokens) or rewrite(tokens, *args, **kwargs))
    monkeypatch.setattr(finder_module, "resolve", lambda text, spans, editorial=None: made["entities"].append(text) or resolve(text, spans, editorial))
    return made


def _ingest_afresh(site: Path) -> tuple[dict[str, bytes], EntityFinder, HeadlineDeriver]:
    """Ingest the sample into an empty article folder, with a new finder and deriver (as a new
    process would) on the site's caches; the articles written, by path."""
    articles = site / "articles"
    if articles.exists():
        for path in sorted(articles.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    finder = EntityFinder(site / "entities.toml", site / "cache" / "ner")
    deriver = HeadlineDeriver(site / "cache" / "headlines")
    report = ingest(site / "dispatches", articles, lambda texts: [to_front_matter(found) for found in finder.find(texts)],
                    derive_headlines=deriver, today=dt.date(2030, 1, 1))
    assert report.ok and len(report.written) == len(SAMPLE)
    return {str(path.relative_to(articles)): path.read_bytes() for path in report.written}, finder, deriver


@pytest.fixture
def site(tmp_path) -> Path:
    (tmp_path / "dispatches").mkdir()
    for path in SAMPLE:
        (tmp_path / "dispatches" / path.name).write_bytes(path.read_bytes())
    (tmp_path / "entities.toml").write_text("", encoding="utf-8")
    return tmp_path


def test_a_site_rebuilt_from_its_dispatches_derives_nothing_again(site, fake_ner, derivations):
    first, _, _ = _ingest_afresh(site)
    assert len(derivations["headlines"]) >= len(SAMPLE) and len(derivations["entities"]) == len(SAMPLE)
    derivations["headlines"].clear(), derivations["entities"].clear()
    loads = len(fake_ner)

    again, finder, deriver = _ingest_afresh(site)
    assert again == first  # byte for byte
    assert derivations == {"headlines": [], "entities": []}
    assert len(fake_ner) == loads and finder.model_loads == 0 and deriver.parser._nlp is None  # spaCy not loaded


def test_the_derivation_code_or_the_editorial_file_changed_derives_what_depends_on_it(site, fake_ner, derivations, monkeypatch, tmp_path):
    first, _, _ = _ingest_afresh(site)
    derivations["headlines"].clear(), derivations["entities"].clear()

    # entities.toml edited: the entities are resolved again, the headlines are not derived again
    (site / "entities.toml").write_text('[[entite]]\nnom = "Mark Rutte"\ntype = "organisation"\n', encoding="utf-8")
    edited, _, _ = _ingest_afresh(site)
    assert len(derivations["entities"]) == len(SAMPLE) and derivations["headlines"] == []
    seed = next(name for name, text in edited.items() if b"Mark Rutte" in text)
    assert "Organisations: Mark Rutte" in edited[seed].decode() and "Organisations: Mark Rutte" not in first[seed].decode()
    derivations["entities"].clear()

    # a module of the derivation's package changed (or added): every headline is derived again
    module = tmp_path / "added_rule.py"
    module.write_text("RULE = 1\n", encoding="utf-8")
    code = headline_module.derivation_code()
    monkeypatch.setattr(headline_module, "derivation_code", lambda: [*code, module])
    _ingest_afresh(site)
    assert len(derivations["headlines"]) >= len(SAMPLE) and derivations["entities"] == []
    derivations["headlines"].clear()
    assert _ingest_afresh(site)[0] == edited and derivations["headlines"] == []
    module.write_text("RULE = 2\n", encoding="utf-8")
    _ingest_afresh(site)
    assert len(derivations["headlines"]) >= len(SAMPLE)


def test_a_damaged_cached_headline_is_derived_again(site, fake_ner, derivations):
    first, _, _ = _ingest_afresh(site)
    records = sorted((site / "cache" / "headlines" / "derived").glob("*.json"))
    assert len(records) == len(SAMPLE)
    for record, damage in zip(records, ["", "{", '{"rules": 1}', '{"rules": null, "text": "", "rewritten": 1, "death": false}', "[]", "null"]):
        record.write_text(damage, encoding="utf-8")
    derivations["headlines"].clear()
    assert _ingest_afresh(site)[0] == first
    assert len(derivations["headlines"]) >= len(SAMPLE)


@given(st.text(alphabet="ab_1é -’'É", max_size=30), st.text(alphabet="ab_1é -’'É", min_size=1, max_size=4))
def test_kicker_finds_a_name_where_a_whole_word_regex_does(text, form):
    assert whole_word_positions(form, text) == [m.start() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]


def test_a_build_with_nothing_to_ingest_never_makes_the_headline_deriver(tmp_path, monkeypatch):
    """Making it asks the model's version of the installed packages (importlib.metadata: a tenth
    of a rebuild with nothing changed); only a lede to derive needs it."""
    from digest.pipeline import build
    from tests.conftest import new_site
    from tests.site.sitekit import ARTICLE

    made = []
    real = headline_module.HeadlineDeriver
    monkeypatch.setattr(headline_module, "HeadlineDeriver", lambda *args: made.append(args) or real(*args))
    article = ARTICLE.format(title="Dépêche", date="2025-01-02", slug="depeche", fields="Lieux: Paris")
    paths = new_site(tmp_path, articles={"depeche.md": article}, editorial="", pages=False)

    assert build(paths).rebuilt
    assert not build(paths).rebuilt
    assert made == []
