"""The newsroom side (digest/) never imports Pelican when it is imported: only the functions that
run a build load it (digest/site.py, digest/pipeline.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import importlib, json, sys
loaded = {}
for name in sys.argv[1:]:
    importlib.import_module(name)
    pelican = sorted(module for module in sys.modules if module == "pelican" or module.startswith("pelican."))
    if pelican:
        loaded[name] = pelican[:3]
        break
print(json.dumps(loaded))
"""


def digest_modules() -> list[str]:
    names = []
    for path in sorted((ROOT / "digest").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_importing_every_digest_module_does_not_import_pelican():
    modules = digest_modules()
    assert "digest.site" in modules and "digest.pipeline" in modules and "digest.entities.finder" in modules
    done = subprocess.run([sys.executable, "-c", CHECK, *modules], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(done.stdout) == {}  # the first module that loaded Pelican, and what it loaded
