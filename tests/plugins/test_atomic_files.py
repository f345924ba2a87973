"""plugins/atomic_files: a file is replaced whole or left as it was."""

from __future__ import annotations

import os
import stat

import pytest

from digest.atomic_files import write_atomically


def test_writes_text_as_utf8_and_bytes_as_they_are(tmp_path):
    target = tmp_path / "deep" / "folder" / "article.md"
    write_atomically(target, "Title: Élysée «\u00a0oui\u00a0»\n")
    assert target.read_bytes() == "Title: Élysée «\u00a0oui\u00a0»\n".encode("utf-8")
    write_atomically(target, b"<rss/>")
    assert target.read_bytes() == b"<rss/>"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 & ~umask  # what a publisher's files get
    assert [p.name for p in target.parent.iterdir()] == ["article.md"]  # no temporary file left


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    from digest import atomic_files

    target = tmp_path / "feed.xml"
    target.write_bytes(b"previous")

    def no_room(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_files.os, "replace", no_room)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


def test_a_temporary_name_already_taken_is_never_written_through(tmp_path):
    target = tmp_path / "article.md"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("intact", encoding="utf-8")
    taken = tmp_path / f".article.md.{os.getpid()}.tmp"
    taken.symlink_to(elsewhere)  # a crash's leftover, or a planted link: either way not ours
    write_atomically(target, "Title: Nouveau\n")
    assert target.read_text(encoding="utf-8") == "Title: Nouveau\n"
    assert elsewhere.read_text(encoding="utf-8") == "intact" and taken.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044  # readable by the web server
