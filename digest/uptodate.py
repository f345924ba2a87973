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
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from digest.atomic_files import is_temporary, write_atomically

STAMP_FILE = "site-stamp.json"
_SKIPPED_DIRS = {"__pycache__", ".git"}


def listing(inputs: Iterable[Path], known: Mapping[str, Mapping[str, tuple[int, int]]] | None = None) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under ``inputs`` (files or folders, symbolic
    links followed as Pelican reads them), by path. ``known``: folders listed moments ago and
    unchanged since, ``{folder: its listing}`` (ingest's dispatches and articles when it had
    nothing to do: half the files of a build's inputs), taken as they are where the walk meets them."""
    files: dict[str, tuple[int, int]] = {}
    known = known or {}
    for root in {Path(path).resolve() for path in inputs}:
        if root.is_file():
            status = root.stat()
            files[str(root)] = (status.st_size, status.st_mtime_ns)
            continue
        folders, seen = [str(root)], set()
        while folders:  # os.scandir: tens of thousands of files, Path objects cost a second
            folder = folders.pop()
            try:
                status = os.stat(folder)
                if (status.st_dev, status.st_ino) in seen:  # a link back to a folder above: listed once
                    continue
                seen.add((status.st_dev, status.st_ino))
                entries = list(os.scandir(folder))
            except (FileNotFoundError, NotADirectoryError):  # removed while we walk: the next build sees it
                continue
            for entry in entries:
                try:
                    if entry.is_dir():
                        if entry.path in known:
                            files.update(known[entry.path])
                        elif entry.name not in _SKIPPED_DIRS:
                            folders.append(entry.path)
                        continue
                    if is_temporary(entry.name):  # an article ingest is writing beside the build (digest/pipeline.py)
                        continue
                    status = entry.stat()
                except FileNotFoundError:  # a broken link, or removed while we walk
                    continue
                files[entry.path] = (status.st_size, status.st_mtime_ns)
    return files


def code_files(package: Path) -> list[Path]:
    """Every Python module of a package folder, sorted: what a cache keyed by that package's code
    hashes. Whole folders, never a hand-kept list, so a module added or split is counted."""
    return sorted(path for path in Path(package).rglob("*.py") if "__pycache__" not in path.parts)


def code_digest(code: Iterable[Path], *inputs: str) -> str:
    """The key of what a cache holds derived from a text: sha256 of the code that derives it
    (``code_files`` of its package folders, read now: the code as this process imported it), of its
    other inputs (the model's id, the editorial file's digest...) and of this Python's Unicode
    tables (name folding and regexes read them). A cached record made under another key is stale."""
    hashed = hashlib.sha256(unicodedata.unidata_version.encode())
    for path in code:
        hashed.update(b"\0" + path.read_bytes())
    for value in inputs:
        hashed.update(b"\0" + value.encode())
    return hashed.hexdigest()


def restat(files: dict[str, tuple[int, int]], root: Path, written: Iterable[Path]) -> None:
    """Update ``files``, a ``listing`` that covered ``root``, for the files under ``root`` that this
    process has just written. The other files keep the state they had when listed: one edited
    since is then taken as changed by the next run, instead of as done."""
    listed_root = str(Path(root).resolve())
    for path in written:
        key = os.path.join(listed_root, os.path.relpath(path, root))
        try:
            status = os.stat(key)
        except FileNotFoundError:
            files.pop(key, None)
            continue
        files[key] = (status.st_size, status.st_mtime_ns)


def digest(files: Mapping[str, tuple[int, int]], settings: Mapping) -> str:
    """Hash of a ``listing`` and of the settings that differ between builds (``settings`` must be
    JSON-serialisable values, e.g. the overrides)."""
    hashed = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode())
    for path in sorted(files):
        size, modified = files[path]
        # os.fsencode: a file name may be any bytes (held in the str as surrogate escapes).
        hashed.update(os.fsencode(path) + f"\0{size}\0{modified}\n".encode())
    return hashed.hexdigest()


def fingerprint(inputs: Iterable[Path], settings: Mapping) -> str:
    """``digest`` of the inputs' ``listing``."""
    return digest(listing(inputs), settings)


def is_current(stamp: Path, output: Path, current: str) -> bool:
    """True when ``output`` was built from inputs with fingerprint ``current`` and is still there."""
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        print(f"{stamp}: cache endommagé, ignoré (le site est reconstruit)", file=sys.stderr)
        return False
    if not isinstance(recorded, dict):
        print(f"{stamp}: cache endommagé, ignoré (le site est reconstruit)", file=sys.stderr)
        return False
    return recorded.get("fingerprint") == current and recorded.get("output") == str(output.resolve()) and (output / "index.html").is_file()


def recorded_inputs(stamp: Path) -> list[Path] | None:
    """The inputs a stamp was recorded with (None: no stamp, a damaged one, or one without them).
    Listing them again tells whether anything changed without reading the settings that name them:
    the settings file is among them, so settings that would name others change the fingerprint."""
    try:
        inputs = json.loads(stamp.read_text(encoding="utf-8")).get("inputs")
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(inputs, list) or not all(isinstance(path, str) for path in inputs):
        return None
    return [Path(path) for path in inputs]


def record(stamp: Path, output: Path, current: str, inputs: Iterable[Path] = ()) -> None:
    record = {"fingerprint": current, "output": str(output.resolve()), "inputs": [str(path) for path in inputs]}
    write_atomically(stamp, json.dumps(record))
