"""Ingest meets hostile inputs: any file name, links, special files, remembered errors, damaged
caches, hostile credits. Each is read, or rejected by name; nothing else is lost or blocked."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from digest.article_file import read_metadata
from digest.ingest import STAMP_FILE, ingest

SEED = Path(__file__).resolve().parents[2] / "content" / "dispatches" / "000_a9fda60ff86b36b6.txt"
OTHER = " date 2025-08-23 Le Parlement a adopté le budget de la culture.\n".encode()


def no_entities(texts):
    return [{} for _ in texts]


@pytest.fixture
def content(tmp_path):
    (tmp_path / "dispatches").mkdir()
    (tmp_path / "articles").mkdir()
    return tmp_path


def run(content: Path):
    return ingest(content / "dispatches", content / "articles", no_entities, cache_dir=content / "cache", today=dt.date(2026, 1, 1))


def write(content: Path, name: str | bytes, data: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(content / "dispatches"), os.fsencode(name))))
    path.write_bytes(data)
    return path


def sources(content: Path) -> list[str]:
    return sorted(read_metadata(path.read_text(encoding="utf-8"))["source"] for path in (content / "articles").rglob("*.md"))


def test_a_file_name_that_is_not_utf8_is_rejected_by_name_and_the_others_are_ingested(content):
    write(content, b"caf\xe9.txt", SEED.read_bytes())
    write(content, "autre.txt", OTHER)
    report = run(content)  # raised UnicodeEncodeError in digest/uptodate.py, and nothing was ingested
    [(path, reason)] = report.rejected
    assert "UTF-8" in reason and "E9" in reason
    assert any(line.startswith(str(content / "dispatches" / "caf\\xe9.txt")) and "REJETÉE" in line for line in report.lines())
    assert sources(content) == ["dispatches/autre.txt"]
    again = run(content)  # the stamp and the memo were saved, and read back
    assert [reason for _, reason in again.rejected] == [reason]


@pytest.mark.parametrize("name", ["deux  espaces.txt", " devant.txt", "insécable\u00a0ici.txt", "cadratin\u2003ici.txt", "pour%20cent.txt"])
def test_a_name_with_unusual_spaces_gives_one_article_however_often_ingest_runs(content, name):
    write(content, name, SEED.read_bytes())
    run(content)
    (content / "cache").joinpath(STAMP_FILE).unlink()  # each run looks at every file again
    run(content)
    run(content)
    assert len(sources(content)) == 1  # each ingest wrote another copy (-2, -3...)


@pytest.mark.parametrize("name", ["tab\tulation.txt", "retour\nligne.txt", "c1\u0085.txt"])
def test_a_name_with_a_control_character_is_rejected_by_name(content, name):
    write(content, name, SEED.read_bytes())
    report = run(content)
    assert [reason for _, reason in report.rejected] and "contrôle" in report.rejected[0][1]
    assert sources(content) == []


def test_an_upper_case_extension_is_a_dispatch(content):
    write(content, "F03-MAJ.TXT", SEED.read_bytes())
    report = run(content)
    assert report.ok and sources(content) == ["dispatches/F03-MAJ.TXT"]


def test_a_link_to_a_file_outside_the_content_folder_is_rejected(content, tmp_path_factory):
    secret = tmp_path_factory.mktemp("ailleurs") / "secret.txt"
    secret.write_bytes(b" date 2025-08-22 Le mot de passe est hunter2.\n")
    (content / "dispatches" / "lien.txt").symlink_to(secret)
    (content / "dispatches" / "casse.txt").symlink_to(content / "nulle-part.txt")
    inside = write(content, "vraie.txt", OTHER)
    (content / "dispatches" / "lien-interne.txt").symlink_to(inside)
    report = run(content)
    reasons = {path.name: reason for path, reason in report.rejected}
    assert "hors de" in reasons["lien.txt"] and "cassé" in reasons["casse.txt"]
    assert "lien-interne.txt" not in reasons
    assert not any("hunter2" in path.read_text(encoding="utf-8") for path in (content / "articles").rglob("*.md"))


def test_other_files_are_rejected_so_that_publish_refuses(content):
    write(content, "notes.docx", b"PK\x03\x04")
    os.mkfifo(content / "dispatches" / "tube.txt")
    report = run(content)
    assert {path.name for path, _ in report.rejected} == {"notes.docx", "tube.txt"}


def test_a_fifo_among_the_articles_does_not_block_ingest(content, deadline):
    write(content, "a.txt", SEED.read_bytes())
    (content / "articles" / "2025").mkdir()
    os.mkfifo(content / "articles" / "2025" / "tube.md")
    report = run(content)
    assert report.ok and len(report.written) == 1


def test_a_read_error_is_not_remembered(content, monkeypatch):
    from digest import dispatch

    write(content, "a.txt", SEED.read_bytes())
    read = dispatch.read

    def unreadable(path):
        raise dispatch.DispatchError("illisible : Permission non accordée")

    monkeypatch.setattr(dispatch, "read", unreadable)  # as `chmod 000` does for a user
    assert not run(content).ok
    monkeypatch.setattr(dispatch, "read", read)  # `chmod 644`: same size, same time, same inode
    report = run(content)
    assert report.ok and sources(content) == ["dispatches/a.txt"]


@pytest.mark.parametrize("damage", [b"", b"\x00\xff garbage", b"[]", b'{"stamp": 3}', b'{"stamp": "x", "unchanged": 0, "rejected": [1], "warnings": []}'])
def test_a_damaged_stamp_or_memo_is_discarded_with_one_warning(content, capsys, damage):
    write(content, "a.txt", SEED.read_bytes())
    run(content)
    for name in (STAMP_FILE, "ingest-files.json"):
        (content / "cache" / name).write_bytes(damage)
    write(content, "b.txt", OTHER)
    capsys.readouterr()
    report = run(content)  # JSONDecodeError before
    assert report.ok and len(sources(content)) == 2
    warned = [line for line in capsys.readouterr().err.splitlines() if "cache endommagé" in line]
    assert 1 <= len(warned) <= 2 and all(str(content / "cache") in line for line in warned)


@pytest.mark.parametrize("url", ["javascript:alert(7)//https://x", " JavaScript:alert(7)", "data:text/html,<script>alert(7)</script>", "file:///etc/passwd", "https:", "//example.org/x", "java\tscript:alert(7)"])
def test_a_credit_url_that_is_not_http_is_dropped_with_a_warning(content, url):
    write(content, "a.txt", SEED.read_bytes())
    (content / "dispatches" / "attribution.jsonl").write_text(json.dumps({"file": "a.txt", "credit": "Wikinews", "url": url}) + "\n", encoding="utf-8")
    report = run(content)
    [article] = (content / "articles").rglob("*.md")
    metadata = read_metadata(article.read_text(encoding="utf-8"))
    assert metadata["credit"] == "Wikinews" and "credit_url" not in metadata
    assert any("attribution.jsonl" in str(path) and "http" in reason for path, reason in report.warnings)


def test_an_http_credit_url_is_kept(content):
    write(content, "a.txt", SEED.read_bytes())
    (content / "dispatches" / "attribution.jsonl").write_text(json.dumps({"file": "a.txt", "credit": "W", "url": "https://fr.wikinews.org/wiki/Un_titre_à_6_%"}) + "\n", encoding="utf-8")
    run(content)
    [article] = (content / "articles").rglob("*.md")
    assert read_metadata(article.read_text(encoding="utf-8"))["credit_url"] == "https://fr.wikinews.org/wiki/Un_titre_à_6_%"  # encoded by the page


def test_a_broken_attribution_line_is_rejected_by_its_number(content):
    write(content, "a.txt", SEED.read_bytes())
    (content / "dispatches" / "attribution.jsonl").write_text('{"file": "a.txt", "credit": "W"}\n{pas du json\n["liste"]\n', encoding="utf-8")
    report = run(content)  # JSONDecodeError before
    assert [reason.split(" :")[0] for _, reason in report.rejected] == ["ligne 2", "ligne 3"]
    [article] = (content / "articles").rglob("*.md")
    assert read_metadata(article.read_text(encoding="utf-8"))["credit"] == "W"


def test_a_folder_linked_back_to_its_parent_does_not_loop(content, deadline):
    write(content, "a.txt", SEED.read_bytes())
    (content / "articles" / "boucle").symlink_to(content / "articles")
    from digest import uptodate

    listed = uptodate.listing([content / "articles", content / "dispatches"])  # looped forever before
    assert any(path.endswith("a.txt") for path in listed)
