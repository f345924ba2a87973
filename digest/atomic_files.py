"""Files written whole or not at all, one rule for the build and every plugin (articles, feeds,
the NER cache, build stamps and manifests). Not a plugin: a plain module."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def is_temporary(name: str) -> bool:
    """Whether a file name is that of a temporary ``write_atomically`` makes (gone once written)."""
    return name.startswith(".") and name.endswith(".tmp")


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside ``path``, opened for writing, never an existing file or link (O_EXCL).
    Named after the process (no random name to draw for each of 20 000 articles); when that name
    is taken (left by a crash, or a process of the same number on another machine sharing the
    folder), ``mkstemp`` finds a free one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), temporary
    except FileExistsError:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, 0o644)
        return fd, Path(name)


def write_atomically(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` (str: as UTF-8) to ``path`` through a temporary file of the same folder and a
    rename: a reader, a parallel build or a crash never sees half a file. Made with mode 0644 less
    the umask, like any file a publisher writes."""
    path = Path(path)
    try:
        fd, temporary = _new_temporary(path)
    except FileNotFoundError:  # the folder is new: made here, not checked before every write
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
