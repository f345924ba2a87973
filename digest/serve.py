"""Development server: output/ on 127.0.0.1 only, rebuilt when a source changes.

Content, theme and settings changes are rebuilt in this process (spaCy stays loaded between
rebuilds). A change to the Python code (plugins, digest) restarts the process instead: Python keeps
the modules it imported, so a rebuild in place would still run the old code while every cache and
stamp, named after the files on disk, said it ran the new one.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from watchfiles import watch

HOST = "127.0.0.1"


def _changes_code(changes, code: Sequence[Path]) -> bool:
    return any(Path(path).suffix == ".py" and any(Path(path).is_relative_to(folder) for folder in code) for _, path in changes)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """The standard handler, answering 400 to a path it cannot map to a file (a NUL byte, ``/%00``,
    makes it raise and drop the connection without a response)."""

    def send_head(self):
        try:
            return super().send_head()
        except ValueError:
            self.send_error(400, "chemin invalide")
            return None


def restart() -> None:
    """This very command again, in a new interpreter (same process id, same terminal)."""
    os.execv(sys.executable, [sys.executable, *sys.argv])


def serve_and_rebuild(output: Path, port: int, watched: Sequence[Path], rebuild: Callable[[], None], code: Sequence[Path] = ()) -> None:
    def safe_rebuild() -> None:
        try:
            rebuild()
        except BaseException as error:  # a failed rebuild keeps the last good site served
            print(f"reconstruction échouée : {error}", file=sys.stderr)

    safe_rebuild()
    # The handler resolves output/ on every request, so a rebuilt site swapped in is served at once.
    handler = functools.partial(SiteHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer((HOST, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://{HOST}:{port}/ (Ctrl-C pour arrêter)", file=sys.stderr)
    code = [Path(folder).resolve() for folder in code]
    try:
        for changes in watch(*[path for path in watched if path.exists()]):
            if _changes_code(changes, code):
                print("code modifié : le serveur redémarre", file=sys.stderr)
                server.shutdown()
                server.server_close()  # the port is free for the new interpreter
                restart()  # never returns
            safe_rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
