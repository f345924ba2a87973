"""Reuse the previous build's file for an output path whose key has not changed (plain module).

The previous build left ``output/`` and a manifest of the keys its files were made from (see
keys.py). For a path with the same key, the new build links the previous file into its own
folder instead of rendering it again: adding one dispatch renders only the pages that show it.
The manifest of a build is committed (``commit``) only once that build is in place: a failed
build's keys never describe the published site.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from digest.atomic_files import write_atomically

MANIFEST = "page-keys.json"
PENDING = "page-keys.pending.json"


def _tree(output: Path) -> list[int] | None:
    # A build puts its whole folder in place (digest/site.py): the folder's inode and change time
    # name that build (another folder renamed there, even with a reused inode number, has others).
    try:
        status = Path(output).stat()
    except OSError:
        return None
    return [status.st_ino, status.st_ctime_ns]


def load(cache: Path, output: Path) -> dict[str, str]:
    """The keys of the files of ``output``, when the manifest in ``cache`` describes that very
    folder (not one another build, with other settings, has put in its place since)."""
    try:
        manifest = json.loads((Path(cache) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if manifest.get("output") != str(Path(output).resolve()) or manifest.get("tree") != _tree(output):
        return {}
    return manifest.get("keys", {})


def _write(path: Path, manifest: dict) -> None:
    write_atomically(path, json.dumps(manifest, sort_keys=True))


def save_pending(cache: Path, output: Path, keys: Mapping[str, str]) -> None:
    _write(Path(cache) / PENDING, {"output": str(Path(output).resolve()), "keys": dict(keys)})


def commit(cache: Path, output: Path) -> None:
    """The pending manifest describes the site just put in place at ``output``: make it the manifest."""
    pending = Path(cache) / PENDING
    try:
        manifest = json.loads(pending.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    manifest["tree"] = _tree(output)
    _write(Path(cache) / MANIFEST, manifest)
    pending.unlink()


def discard(cache: Path) -> None:
    (Path(cache) / PENDING).unlink(missing_ok=True)


def forget(cache: Path) -> None:
    """The published site is about to be replaced: its manifest no longer describes it."""
    (Path(cache) / MANIFEST).unlink(missing_ok=True)


def _link(source: Path, target: Path) -> None:
    """Hard-link ``source`` at ``target``, making its folder only when missing: a build renders into
    the folders of the site it replaced (digest/site.py, ``spare_path``), where they all are."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)


class Reuse:
    """``reuse(path, files)``: link the previous build's ``files`` (``path`` and, for a paginated
    page, its other pages) into the new output folder when ``path``'s key is unchanged."""

    def __init__(self, previous_output: Path | None, previous_keys: Mapping[str, str], keys: Mapping[str, str], output: Path):
        self.previous_output = Path(previous_output) if previous_output else None
        self.previous_keys, self.keys = previous_keys, keys
        self.output = Path(output)
        self.reused: set[str] = set()

    def __call__(self, path: str, files: Iterable[str] = ()) -> bool:
        key = self.keys.get(path)
        if self.previous_output is None or key is None or self.previous_keys.get(path) != key:
            return False
        files = [path, *files]
        sources = [self.previous_output / name for name in files]
        if not all(source.is_file() for source in sources):
            return False
        linked = []
        for name, source in zip(files, sources):
            target = self.output / name
            try:
                _link(source, target)
            except OSError:  # another file system, a file already there: render instead
                for done in linked:
                    (self.output / done).unlink()
                return False
            linked.append(name)
        self.reused.update(linked)
        return True

    def release(self, name: str) -> None:
        """About to write ``name``: a reused file is a link to the published site's file, which
        must not be written through."""
        if name in self.reused:
            (self.output / name).unlink(missing_ok=True)
            self.reused.discard(name)
