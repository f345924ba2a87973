"""Helpers of the site tests.

TEMPORARY shim, to delete once pelicanconf.py lists the plugins: ``built`` is overridden so
that the site is built with every plugin the site needs that exists in plugins/ but is not yet
in pelicanconf.PLUGINS (settings passed as ``overrides``, the way digest.pipeline.build takes them).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from tests.conftest import build_copy  # noqa: E402

SITE_PLUGINS = ["french_dates", "french_typography", "entities", "feeds", "sitemap"]
SEED_SLUG = "le-secretaire-general-de-l-otan-mark-rutte-a-appele-les-allies-occidentaux"
SEED_PATH = f"2025/08/22/{SEED_SLUG}/"


def missing_plugin_overrides() -> dict:
    configured = list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])
    available = [name for name in SITE_PLUGINS if (ROOT / "plugins" / name / "__init__.py").exists()]
    if all(name in configured for name in available):
        return {}
    return {"PLUGINS": configured + [name for name in available if name not in configured]}


def build_site(content: Path, workdir: Path):
    """build_copy with the shim's overrides (and an empty editorial file if content has none)."""
    overrides = missing_plugin_overrides()
    if not overrides:
        return build_copy(content, workdir)
    from digest.pipeline import Paths, build

    paths = Paths(content=workdir / "content", output=workdir / "output", cache=workdir / "cache", settings=ROOT / "pelicanconf.py")
    if not paths.content.exists():
        shutil.copytree(content, paths.content)
    if not paths.editorial.exists():
        paths.editorial.write_text("", encoding="utf-8")
    return paths, build(paths, overrides=overrides)


ATTRIBUTE = re.compile(r"""\s(href|src|srcset|action|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)
