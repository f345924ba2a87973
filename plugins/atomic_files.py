"""Files written whole or not at all, one rule for the build and every plugin (articles, feeds,
the NER cache, build stamps and manifests). Not a plugin: a plain module."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` (str: as UTF-8) to ``path`` through a temporary file of the same folder and a
    rename: a reader, a parallel build or a crash never sees half a file. The temporary file is
    named after the process (forked writers and parallel builds never share one) and made with
    mode 0644 less the umask, like any file a publisher writes."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    try:
        fd = os.open(temporary, flags, 0o644)
    except FileNotFoundError:  # the folder is new: made here, not checked before every write
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
