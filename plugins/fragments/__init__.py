"""What a build renders or computes once and reuses: teaser fragments (``memo`` in Jinja's
globals, see memo.py) and article URLs (urls.py)."""

from itertools import chain

from pelican import signals
from pelican.contents import Article

from .memo import FragmentMemo
from .urls import freeze_url


def add_memo(pelican):
    # A fresh memo for each build: `invoke serve` runs several builds in one process.
    pelican.settings.setdefault("JINJA_GLOBALS", {})["memo"] = FragmentMemo()


def freeze_article_url(content):
    # Sent at the end of Content.__init__, before Pelican checks the article's save_as. Article's
    # own __init__ goes on to make a future article a draft (WITH_FUTURE_DATES off) and to date an
    # undated draft: their URLs change then, so such articles wait for freeze_article_urls.
    if isinstance(content, Article) and content.settings["WITH_FUTURE_DATES"] and hasattr(content, "date"):
        freeze_url(content)


def freeze_article_urls(generator):
    for content in chain(generator.articles, generator.translations, generator.hidden_articles, generator.drafts, generator.drafts_translations):
        freeze_url(content)  # those frozen already keep their URL


def register():
    signals.initialized.connect(add_memo)
    signals.content_object_init.connect(freeze_article_url)
    signals.article_generator_finalized.connect(freeze_article_urls)
