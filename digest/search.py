"""Index the built site for search with Pagefind (its binary ships in the pagefind-bin wheel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def index(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "fr", "--quiet"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind a échoué sur {site} :\n{result.stdout}{result.stderr}")
