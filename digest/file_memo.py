"""What was read from each file, kept between runs while the file is unchanged (plain module).

A new dispatch would otherwise make ingest read and parse every dispatch and every article again
(7 s at 20 000 articles) to find the one that changed. A file counts as unchanged while its size,
modification time and inode are (as make, Pelican's cache and digest/uptodate.py judge files; an
atomic replacement gives a new inode); or while the ``signature`` its caller gives is (the digest of
what is read, when the caller holds it already: a re-ingest that writes the same text gives new
times and inodes). The memo is dropped whole when ``version`` changes: the code that reads the
files changed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from digest.atomic_files import write_atomically


def _signature(path: Path) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ino]


class FileMemo:
    """``memo.get(path, read)``: ``read(path)`` (a JSON value), or what it gave for the same file
    last time; ``memo.record(path, value)`` for a file just written. ``save()`` keeps the files of
    this run only."""

    def __init__(self, store: Path | None, version: str) -> None:
        self.store, self.version = store, version
        self._previous: dict[str, list] = {}
        self._current: dict[str, list] = {}
        if store is not None:
            try:
                saved = json.loads(Path(store).read_text(encoding="utf-8"))
            except FileNotFoundError:
                saved = {}
            except (OSError, ValueError):
                print(f"{store}: cache endommagé, ignoré (il est refait)", file=sys.stderr)
                saved = {}
            files = saved.get("files") if isinstance(saved, dict) and saved.get("version") == version else None
            if isinstance(files, dict):
                # Only well-formed entries: [[size, mtime, inode], value].
                self._previous = {key: known for key, known in files.items() if isinstance(known, list) and len(known) == 2}

    def get(self, path: Path, read: Callable[[Path], Any], signature: str | None = None) -> Any:
        """``signature``: what identifies the file's content, when the caller has it (else its size,
        time and inode)."""
        key = str(path)
        signature = signature or _signature(path)
        known = self._previous.get(key)
        if signature is not None and known is not None and known[0] == signature:
            value = known[1]
        else:
            value = read(path)
        if signature is not None:
            self._current[key] = [signature, value]
        return value

    def record(self, path: Path, value: Any) -> None:
        """``path`` was just written: ``value`` is what reading it would give."""
        if (signature := _signature(path)) is not None:
            self._current[str(path)] = [signature, value]

    def forget(self, path: Path) -> None:
        """What was read of ``path`` is not kept (an error, which must be looked at again)."""
        self._current.pop(str(path), None)

    def save(self) -> None:
        if self.store is not None:
            # Escaped: a file name may hold bytes that are not UTF-8.
            write_atomically(self.store, json.dumps({"version": self.version, "files": self._current}))
