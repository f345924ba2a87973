"""Is output/ already the site these inputs give? A stamp of everything a build reads.

The fingerprint covers the content folder (articles, pages, dispatches, editorial file), the
theme, the plugins, the settings and the pipeline's own code, by path, size and modification
time (as make and Pelican's own cache do: reading every byte of a large archive would cost more
than the check saves). The stamp is written only after a build was put in place, so a failed or
interrupted build is never taken for a current one. Ingest stamps its own inputs (dispatches,
articles) with the same fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from atomic_files import write_atomically

STAMP_FILE = "site-stamp.json"
_SKIPPED_DIRS = {"__pycache__", ".git"}


def _files(root: Path) -> Iterable[Path]:
    if root.is_file():
        yield root
        return
    for folder, dirs, files in os.walk(root, followlinks=True):  # as Pelican reads them
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(folder, name)


def fingerprint(inputs: Iterable[Path], settings: Mapping) -> str:
    """Hash of the inputs' file listings (path, size, mtime) and of the settings that differ
    between builds (``settings`` must be JSON-serialisable values, e.g. the overrides)."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode())
    for root in sorted({Path(path).resolve() for path in inputs}):
        for path in _files(root):
            try:
                status = path.stat()
            except FileNotFoundError:  # removed while we walk: the next build sees it
                continue
            digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def is_current(stamp: Path, output: Path, current: str) -> bool:
    """True when ``output`` was built from inputs with fingerprint ``current`` and is still there."""
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded.get("fingerprint") == current and recorded.get("output") == str(output.resolve()) and (output / "index.html").is_file()


def record(stamp: Path, output: Path, current: str) -> None:
    write_atomically(stamp, json.dumps({"fingerprint": current, "output": str(output.resolve())}))
