"""Development server: output/ on 127.0.0.1 only, rebuilt when a source changes."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from watchfiles import watch

HOST = "127.0.0.1"


def serve_and_rebuild(output: Path, port: int, watched: Sequence[Path], rebuild: Callable[[], None]) -> None:
    def safe_rebuild() -> None:
        try:
            rebuild()
        except BaseException as error:  # a failed rebuild keeps the last good site served
            print(f"reconstruction échouée : {error}", file=sys.stderr)

    safe_rebuild()
    # The handler resolves output/ on every request, so a rebuilt site swapped in is served at once.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer((HOST, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://{HOST}:{port}/ (Ctrl-C pour arrêter)", file=sys.stderr)
    try:
        for _ in watch(*[path for path in watched if path.exists()]):
            safe_rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
