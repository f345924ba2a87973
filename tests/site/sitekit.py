"""Helpers of the site tests: where the seed is, and how to find URLs in HTML."""

from __future__ import annotations

import re
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]

SEED_SLUG = "le-secretaire-general-de-l-otan-mark-rutte-a-appele-les-allies-occidentaux"
SEED_PATH = f"2025/08/22/{SEED_SLUG}/"


ATTRIBUTE = re.compile(r"""\s(href|src|srcset|action|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)
