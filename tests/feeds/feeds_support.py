"""Helpers of the feeds tests: a small site of two hand-written articles plus the repository's seed article,
built with the real pipeline (ingest + Pelican) and only the plugins the feeds need."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import new_site, site_paths

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SEED = ROOT / "content/articles/2025/08/le-secretaire-general-de-l-otan-mark-rutte-a-appele-les-allies-occidentaux.md"
SEED_SOURCE = "dispatches/000_a9fda60ff86b36b6.txt"
PLUGINS = ["french_dates", "french_typography", "fragments", "news_layout", "feeds", "feeds_fake_entities"]  # news_layout: the theme uses its filters

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
# RFC 822 dates as RSS 2.0 asks (4-digit years, as RFC 1123 allows), with a numeric offset.
_RFC822_UP_TO_OFFSET = (
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (0[1-9]|[12]\d|3[01]) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d "
)
RFC822 = re.compile(_RFC822_UP_TO_OFFSET + r"[+-]\d{4}$")
RFC822_PARIS = re.compile(_RFC822_UP_TO_OFFSET + r"(\+0100|\+0200)$")

HOSTILE_TITLE = '<script>alert("x")</script> & {{ jinja }} \'q\''
HOSTILE_SUMMARY = "Un <b>résumé</b> & <script>alert(1)</script> {{ x }}"

HOSTILE = f"""Title: {HOSTILE_TITLE}
Date: 2025-08-23 14:30
Slug: hostile
Summary: {HOSTILE_SUMMARY}
Source: dispatches/001_hostile.txt
personnes: Mark Rutte | Rutte
lieux: Kiev

<p class="lede">Un &lt;b&gt;résumé&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; {{{{ x }}}}</p>

<p>Voir <a href="/personnes/mark-rutte/">Mark Rutte</a> et <a href="#note">la note</a>.</p>
"""

WINTER = """Title: Une dépêche d'hiver
Date: 2016-01-04 09:05
Slug: hiver
Summary: Le chapeau d'hiver.
Source: dispatches/winer-2016_01_04-001.txt
Credit: Wikinews
Credit_url: https://fr.wikinews.org/wiki/France_:_décès_de_Michel_Galabru
License: CC BY 2.5
lieux: Kiev; Paris

<p class="lede">Le chapeau d'hiver.</p>

<p>Suite du texte.</p>
"""


def make_content(workdir: Path):
    """The small site in ``workdir`` (``new_site``): three articles, an empty editorial file, no
    page, no dispatch. Its Paths."""
    # The seed with a fixed list of entities, whatever ingest currently writes in the repository.
    head, body = SEED.read_text(encoding="utf-8").split("\n\n", 1)
    lines = [line for line in head.splitlines() if not re.match(r"(?i)(personnes|organisations|lieux):", line)]
    seed = "\n".join([*lines, "personnes: Mark Rutte | M. Rutte", "lieux: Kiev"]) + "\n\n" + body
    articles = {f"2025/08/{SEED.name}": seed, "2025/08/hostile.md": HOSTILE, "2016/01/hiver.md": WINTER}
    return new_site(workdir, articles=articles, editorial="", pages=False)


def build_small(workdir: Path, overrides: dict | None = None):
    """Build the small site of ``workdir`` with only the plugins the feeds need: its output/."""
    from digest.pipeline import build

    paths = site_paths(workdir)
    build(
        paths,
        # ENTITY_MIN_ARTICLES 1: Paris, cited by one of the three articles, has its page and feed here.
        overrides={"PLUGINS": PLUGINS, "PLUGIN_PATHS": [str(ROOT / "plugins"), str(HERE / "fake_plugins")], "ENTITY_MIN_ARTICLES": 1, **(overrides or {})},
    )
    return paths.output


def feed_files(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*.xml")) if p.name in ("rss.xml", "atom.xml")}


def is_former_address(feed: Path) -> bool:
    """Whether ``feed`` is at the former address of an entity (its page leads on: merged, renamed or
    no longer followed; tests/site/test_site_entity_addresses.py checks those feeds)."""
    page = feed.parent / "index.html"
    return page.is_file() and 'http-equiv="refresh"' in page.read_text(encoding="utf-8")
