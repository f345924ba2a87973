"""Helpers of the site tests: where the seed is, and how to find URLs in HTML."""

from __future__ import annotations

import re
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]

# An article file as ingest writes it, for the small sites the entity tests build (``fields``: the
# entities' front-matter lines)
ARTICLE = """Title: {title}
Date: {date}
Slug: {slug}
Summary: {title}, en bref.
Lang: fr
{fields}

<p class="lede">{title}, en bref.</p>

<p>Texte de la dépêche.</p>
"""

SEED_SLUG = "le-secretaire-general-de-l-otan-mark-rutte-a-appele-les-allies-occidentaux"
SEED_PATH = f"2025/08/22/{SEED_SLUG}/"


ATTRIBUTE = re.compile(r"""\s(href|src|srcset|action|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)
