"""What a build renders or computes once and reuses: teaser fragments (``memo`` in Jinja's
globals, see memo.py) and article URLs (urls.py)."""

from pelican import signals
from pelican.contents import Article

from .memo import FragmentMemo
from .urls import freeze_url


def add_memo(pelican):
    # A fresh memo for each build: `invoke serve` runs several builds in one process.
    pelican.settings.setdefault("JINJA_GLOBALS", {})["memo"] = FragmentMemo()


def freeze_article_url(content):
    # Sent at the end of every content's __init__, before Pelican checks the article's save_as.
    if isinstance(content, Article):
        freeze_url(content)


def register():
    signals.initialized.connect(add_memo)
    signals.content_object_init.connect(freeze_article_url)
