"""Build a tiny Pelican site with the plugin and check what readers get."""

import os

import pytest

import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NB, NN = "\u00a0", "\u202f"

ARTICLE = """Title: Les "garanties" du XXe siècle : quoi ?
Date: 2025-08-22 10:00
Category: monde
Slug: garanties
Summary: Le 1er mai, M. Rutte veut des "garanties" & <rien> !

Les Alliés ont promis des "garanties" : l'Otan réunit 10 000 soldats.

    :::text
    x = "garanties" ; y : z

Et `a : "b"` aussi.
"""

PAGE = """Title: A propos : nous
Slug: a-propos

Une page ; enfin !
"""

ARTICLE_TPL = """<!doctype html><html lang="fr"><head><title>{{ article.title }}</title>
<meta name="description" content="{{ article.summary|plaintext }}">
</head><body><h1>{{ article.title_html|safe }}</h1>
<div class="summary">{{ article.summary|safe }}</div>
<div class="content">{{ article.content|safe }}</div></body></html>
"""
PAGE_TPL = """<!doctype html><html><head><title>{{ page.title }}</title></head>
<body><h1>{{ page.title_html|safe }}</h1>{{ page.content|safe }}</body></html>
"""
INDEX_TPL = "{% for a in articles %}<li>{{ a.title }}</li>{% endfor %}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    (content / "garanties.md").write_text(ARTICLE, encoding="utf-8")
    (content / "pages" / "a-propos.md").write_text(PAGE, encoding="utf-8")
    theme = root / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "article.html").write_text(ARTICLE_TPL, encoding="utf-8")
    (theme / "page.html").write_text(PAGE_TPL, encoding="utf-8")
    (theme / "index.html").write_text(INDEX_TPL, encoding="utf-8")
    out = root / "output"
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(out),
        "THEME": str(root / "theme"),
        "PLUGIN_PATHS": [os.path.join(REPO, "plugins")],
        "PLUGINS": ["french_typography"],
        "FORMATTED_FIELDS": [],
        # as the integrator's settings: autoescape on, content marked |safe
        "JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                              "extensions": []},
        "TYPOGRIFY": False,
        "SITEURL": "https://exemple.fr",
        "SITENAME": "Test",
        "TIMEZONE": "Europe/Paris",
        "DEFAULT_LANG": "fr",
        "DIRECT_TEMPLATES": ["index"],
        "TAG_SAVE_AS": "", "CATEGORY_SAVE_AS": "", "AUTHOR_SAVE_AS": "",
        "CATEGORIES_SAVE_AS": "", "TAGS_SAVE_AS": "", "AUTHORS_SAVE_AS": "", "ARCHIVES_SAVE_AS": "",
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "ARTICLE_URL": "{slug}.html", "ARTICLE_SAVE_AS": "{slug}.html",
        "PAGE_URL": "{slug}.html", "PAGE_SAVE_AS": "{slug}.html",
    }
    # A Pelican of its own: plugins connect to process-wide signals, so a site built earlier in
    # the test session with more plugins would otherwise still have them hooked.
    script = (
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        f"Pelican(read_settings(override={overrides!r})).run()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)
    return out


def read(path):
    return path.read_text(encoding="utf-8")


def test_article_body(site):
    page = read(site / "garanties.html")
    assert f"«{NB}garanties{NB}»{NB}: l’Otan réunit 10{NN}000 soldats" in page
    # code untouched (Markdown escapes the quotes in a code block)
    assert 'x = &quot;garanties&quot; ; y : z' in page or 'x = "garanties" ; y : z' in page
    assert '<code>a : "b"</code>' in page or "<code>a : &quot;b&quot;</code>" in page


def test_article_title_and_summary(site):
    page = read(site / "garanties.html")
    assert f"<title>Les «{NB}garanties{NB}» du XXe siècle{NB}: quoi{NN}?</title>" in page
    assert f"<h1>Les «{NB}garanties{NB}» du XX<sup>e</sup> siècle{NB}: quoi{NN}?</h1>" in page
    summary = f"Le 1<sup>er</sup>{NB}mai, M.{NB}Rutte veut des «{NB}garanties{NB}» &amp; &lt;rien&gt;{NN}!"
    assert f'<div class="summary">{summary}</div>' in page
    meta = f"Le 1er{NB}mai, M.{NB}Rutte veut des «{NB}garanties{NB}» &amp; &lt;rien&gt;{NN}!"
    assert f'<meta name="description" content="{meta}">' in page


def test_page(site):
    page = read(site / "a-propos.html")
    assert f"<title>À propos{NB}: nous</title>" in page
    assert f"Une page{NN}; enfin{NN}!" in page


def test_feed(site):
    feed = read(site / "feeds" / "all.atom.xml")
    assert f"Les «{NB}garanties{NB}» du XXe siècle{NB}: quoi{NN}?" in feed
    assert f"«{NB}garanties{NB}»" in feed
    assert "&amp;lt;sup" not in feed
