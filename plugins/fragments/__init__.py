"""What a build renders or computes once and reuses: teaser fragments (``memo`` in Jinja's
globals, see memo.py) and article URLs (urls.py)."""

from itertools import chain

from pelican import signals

from .memo import FragmentMemo
from .urls import freeze_urls


def add_memo(pelican):
    # A fresh memo for each build: `invoke serve` runs several builds in one process.
    pelican.settings.setdefault("JINJA_GLOBALS", {})["memo"] = FragmentMemo()


def freeze_article_urls(generator):
    freeze_urls(chain(generator.articles, generator.translations, generator.hidden_articles, generator.drafts, generator.drafts_translations))


def register():
    signals.initialized.connect(add_memo)
    signals.article_generator_finalized.connect(freeze_article_urls)
