"""Ingest: dispatches become article files; editors' changes are never lost; bad files are reported."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from digest.article_file import is_pristine, read_metadata
from digest.ingest import ingest

SEED = Path(__file__).resolve().parents[2] / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"


class Finder:
    """Stands in for the NER finder in these file-handling tests; counts the texts it is asked about."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, texts):
        self.calls.extend(texts)
        return [{"lieux": "Kiev"} if "Kiev" in text else {} for text in texts]


@pytest.fixture
def content(tmp_path):
    (tmp_path / "dispatches").mkdir()
    (tmp_path / "articles").mkdir()
    return tmp_path


def write(content: Path, name: str, data: str | bytes) -> Path:
    path = content / "dispatches" / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def run(content: Path, finder=None, **kwargs):
    kwargs.setdefault("cache_dir", content / "cache")  # as the pipeline runs it: with its stamp and memo
    return ingest(content / "dispatches", content / "articles", finder or Finder(), today=dt.date(2026, 1, 1), **kwargs)


def articles(content: Path) -> dict[str, str]:
    return {str(path.relative_to(content / "articles")): path.read_text(encoding="utf-8") for path in sorted((content / "articles").rglob("*.md"))}


def test_seed_becomes_an_article_with_its_front_matter(content):
    write(content, "seed.txt", SEED.read_bytes())
    report = run(content)
    assert report.ok and len(report.written) == 1
    [(name, text)] = articles(content).items()
    metadata = read_metadata(text)
    assert name.startswith("2025/08/")
    assert metadata["title"].startswith("Le secrétaire général de l'Otan Mark Rutte")
    assert metadata["date"] == "2025-08-22"
    assert re.fullmatch(r"[a-z0-9-]+", metadata["slug"])
    # the teaser goes on where the headline (made of the lede's first sentence) stops
    assert metadata["summary"].startswith("« Des garanties de sécurité solides seront essentielles")
    assert len(metadata["summary"]) <= 201 and "Mark Rutte" not in metadata["summary"]
    assert metadata["kicker"] == "Kiev"  # the one place the stand-in finder knows
    assert metadata["lang"] == "fr"
    assert metadata["source"] == "dispatches/seed.txt"
    assert len(metadata["source_sha256"]) == 64
    assert metadata["lieux"] == "Kiev"
    assert text.count("<p") == 6


def test_markup_in_a_dispatch_is_escaped_in_the_article(content):
    write(content, "x.txt", " date 2025-08-22 Un <b>lede</b> & *rien* d'autre.\n\n1994. [x](y) _z_ <script>alert(1)</script>\n")
    run(content)
    [text] = articles(content).values()
    body = text.split("\n\n", 1)[1]
    assert "&lt;b&gt;lede&lt;/b&gt; &amp; *rien*" in body
    assert "&lt;script&gt;" in body and "<script>" not in body


def test_ingest_is_idempotent(content):
    write(content, "a.txt", SEED.read_bytes())
    run(content)
    before = articles(content)
    finder = Finder()
    report = run(content, finder)
    assert report.written == [] and report.unchanged == 1
    assert articles(content) == before
    assert finder.calls == [], "an unchanged dispatch is not analysed again"


def test_changed_dispatch_rewrites_an_untouched_article(content):
    path = write(content, "a.txt", " date 2025-08-22 Premier texte à Kiev.\n")
    run(content)
    path.write_text(" date 2025-08-22 Texte corrigé à Kiev.\n", encoding="utf-8")
    report = run(content)
    [text] = articles(content).values()
    assert len(report.written) == 1 and "Texte corrigé" in text


def test_editor_changes_are_never_overwritten(content):
    path = write(content, "a.txt", " date 2025-08-22 Premier texte à Kiev.\n")
    run(content)
    [article] = (content / "articles").rglob("*.md")
    edited = article.read_text(encoding="utf-8").replace("Title: Premier texte à Kiev", "Title: Un titre choisi par la rédaction")
    article.write_text(edited, encoding="utf-8")
    assert not is_pristine(edited)
    assert run(content).written == []
    assert article.read_text(encoding="utf-8") == edited
    # The dispatch changes too: both files are left alone, and ingest says so.
    path.write_text(" date 2025-08-22 Texte corrigé.\n", encoding="utf-8")
    report = run(content)
    assert article.read_text(encoding="utf-8") == edited
    assert path.read_text(encoding="utf-8") == " date 2025-08-22 Texte corrigé.\n"
    assert any("a.txt" in str(where) and "modifié" in why for where, why in report.warnings)


def test_editor_may_move_an_article(content):
    write(content, "a.txt", SEED.read_bytes())
    run(content)
    [article] = (content / "articles").rglob("*.md")
    article.rename(content / "articles" / "ailleurs.md")
    assert run(content).written == []
    assert list(articles(content)) == ["ailleurs.md"]


def test_same_title_gives_two_articles_with_two_slugs(content):
    write(content, "a.txt", " date 2025-08-22 Le Parlement adopte la loi.\n\nPremier texte.\n")
    write(content, "b.txt", " date 2025-08-22 Le Parlement adopte la loi.\n\nSecond texte.\n")
    run(content)
    slugs = sorted(read_metadata(text)["slug"] for text in articles(content).values())
    assert slugs == ["le-parlement-adopte-la-loi", "le-parlement-adopte-la-loi-2"]


def test_same_dispatch_under_two_names_gives_one_article_and_a_warning(content):
    write(content, "a.txt", SEED.read_bytes())
    write(content, "b.txt", SEED.read_bytes())
    report = run(content)
    assert len(articles(content)) == 1
    assert any(where.name == "b.txt" and "a.txt" in why for where, why in report.warnings)


@pytest.mark.parametrize("title", ["../../etc/passwd", "/etc/passwd", "..", "C:\\Windows\\system32", "«»…"])
def test_a_title_that_looks_like_a_path_stays_inside_articles(content, title):
    write(content, "x.txt", f" date 2025-08-22 {title}\n")
    run(content)
    [path] = (content / "articles").rglob("*.md")
    assert path.resolve().is_relative_to((content / "articles").resolve())
    assert re.fullmatch(r"[a-z0-9-]+", read_metadata(path.read_text(encoding="utf-8"))["slug"])


def test_bad_dispatches_are_reported_and_left_alone_while_the_others_are_ingested(content):
    bad = {
        "vide.txt": b"",
        "sans-date.txt": b"Un texte sans date.\n",
        "impossible.txt": b" date 2025-02-30 Un texte.\n",
        "binaire.txt": b"\x00\x01\x02\x03PNG",
        "sans-texte.txt": b" date 2025-08-22\n",
    }
    for name, data in bad.items():
        write(content, name, data)
    write(content, "bon.txt", SEED.read_bytes())
    report = run(content)
    assert not report.ok
    assert sorted(path.name for path, _ in report.rejected) == sorted(bad)
    assert all(reason for _, reason in report.rejected)
    assert len(articles(content)) == 1
    for name, data in bad.items():
        assert (content / "dispatches" / name).read_bytes() == data
    assert any("REJETÉE" in line and "vide.txt" in line for line in report.lines())


def test_future_date_is_warned_but_ingested(content):
    write(content, "futur.txt", " date 2030-01-01 Un texte du futur.\n")
    report = run(content)
    assert report.ok and len(report.written) == 1
    assert any("futur" in why for _, why in report.warnings)


def test_other_files_are_not_silently_skipped(content):
    write(content, "notes.docx", b"PK\x03\x04")
    report = run(content)
    assert not report.ok  # publish refuses
    assert any(where.name == "notes.docx" and ".txt" in why for where, why in report.rejected)


def test_nothing_changed_means_no_work_and_the_same_report(content, tmp_path):
    write(content, "a.txt", SEED.read_bytes())
    write(content, "vide.txt", b"")
    cache = tmp_path / "cache"
    first = run(content, cache_dir=cache)
    finder = Finder()
    second = run(content, finder, cache_dir=cache)
    assert finder.calls == []
    assert [(p.name, r) for p, r in second.rejected] == [(p.name, r) for p, r in first.rejected]


class Reads:
    """Counts the files ingest reads, by name."""

    def __init__(self, monkeypatch):
        import digest.dispatch
        import digest.ingest

        self.names: list[str] = []
        for module, name in ((digest.dispatch, "read"), (digest.ingest, "read_article")):
            real = getattr(module, name)
            monkeypatch.setattr(module, name, self._counting(real))

    def _counting(self, real):
        def read(path, *args, **kwargs):
            self.names.append(Path(path).name)
            return real(path, *args, **kwargs)

        return read


def test_a_new_dispatch_is_the_only_file_read(content, monkeypatch):
    for n in range(3):
        write(content, f"{n}.txt", f" date 2025-08-2{n} Dépêche numéro {n} depuis Kiev.\n")
    run(content)
    write(content, "nouvelle.txt", " date 2025-08-24 Une nouvelle dépêche depuis Kiev.\n")
    reads = Reads(monkeypatch)
    report = run(content)
    assert len(report.written) == 1 and report.unchanged == 3
    assert set(reads.names) == {"nouvelle.txt"}


def test_every_file_is_read_again_when_the_code_reading_them_changes(content, monkeypatch):
    for n in range(2):
        write(content, f"{n}.txt", f" date 2025-08-2{n} Dépêche numéro {n} depuis Kiev.\n")
    run(content)
    write(content, "nouvelle.txt", " date 2025-08-24 Une nouvelle dépêche depuis Kiev.\n")
    import digest.ingest

    monkeypatch.setattr(digest.ingest, "_memo_version", lambda: "another dispatch.py")
    reads = Reads(monkeypatch)
    assert run(content).unchanged == 2
    assert {"0.txt", "1.txt", "nouvelle.txt"} <= set(reads.names)
    assert sum(name.endswith(".md") for name in reads.names) == 2


def test_an_edit_after_the_memo_was_made_is_seen(content):
    path = write(content, "a.txt", " date 2025-08-22 Premier texte à Kiev.\n")
    write(content, "b.txt", " date 2025-08-23 Second texte à Kiev.\n")
    run(content)
    [article] = [a for a in (content / "articles").rglob("*.md") if "premier" in a.name]
    edited = article.read_text(encoding="utf-8").replace("Title: Premier texte à Kiev", "Title: Premier texte, à Kiev")
    article.write_text(edited, encoding="utf-8")
    path.write_text(" date 2025-08-22 Premier texte corrigé à Kiev.\n", encoding="utf-8")
    report = run(content)
    assert report.written == [] and article.read_text(encoding="utf-8") == edited
    assert any("a.txt" in str(where) and "modifié" in why for where, why in report.warnings)


def test_a_dispatch_edited_while_ingest_runs_is_ingested_by_the_next_run(content):
    """Ingest stamps what it read, not what is there when it ends: an edit made during a run (here
    while entities are looked for) is not taken as done."""
    write(content, "a.txt", " date 2025-08-22 Premier texte à Kiev.\n")
    late = write(content, "b.txt", " date 2025-08-23 Second texte à Kiev.\n")
    run(content)
    write(content, "a.txt", " date 2025-08-22 Premier texte corrigé à Kiev.\n")

    def finder_while_b_is_edited(texts):
        late.write_text(" date 2025-08-23 Second texte, plus long, à Kiev.\n", encoding="utf-8")
        return Finder()(texts)

    assert len(run(content, finder_while_b_is_edited).written) == 1
    report = run(content)
    assert [path.name for path in report.written] == ["second-texte-a-kiev.md"]
    assert "Second texte, plus long, à Kiev." in articles(content)["2025/08/second-texte-a-kiev.md"]


def test_new_rules_rewrite_only_the_articles_whose_text_they_change(content):
    """A change of code or editorial file (the rules) derives every untouched article again, but
    writes only those it changes: an article's bytes never carry a digest of the code."""
    write(content, "kiev.txt", SEED.read_bytes())
    write(content, "other.txt", " date 2024-03-01 Un texte sans lieu connu, pour la forme.\n")
    run(content, rules=b"rules one")
    before = articles(content)
    assert not any("Ingest" in text for text in before.values())

    finder = Finder()
    report = run(content, finder, rules=b"rules two")  # new rules, same result
    assert len(finder.calls) == 2 and report.written == [] and articles(content) == before

    def finds_more(texts):
        return [{"lieux": "Kiev; Moscou"} if "Kiev" in text else {} for text in texts]

    report = run(content, finds_more, rules=b"rules three")  # new rules that change one article
    assert [path.name for path in report.written] == [name.rsplit("/", 1)[1] for name in before if "mark-rutte" in name]
    assert "Moscou" in next(text for name, text in articles(content).items() if "mark-rutte" in name)


def test_articles_written_by_the_current_rules_are_not_derived_again_from_a_fresh_cache(content):
    """A fresh clone has no cache: the rules file committed beside the articles says they are
    current, so no text goes through entity detection again."""
    write(content, "kiev.txt", SEED.read_bytes())
    run(content, rules=b"rules one")
    finder = Finder()
    report = run(content, finder, rules=b"rules one", cache_dir=content / "fresh-cache")
    assert finder.calls == [] and report.written == [] and report.unchanged == 1
