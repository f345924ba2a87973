"""Template fragments rendered once per build (``memo`` in Jinja's globals, see memo.py)."""

from pelican import signals

from .memo import FragmentMemo


def add_memo(pelican):
    # A fresh memo for each build: `invoke serve` runs several builds in one process.
    pelican.settings.setdefault("JINJA_GLOBALS", {})["memo"] = FragmentMemo()


def register():
    signals.initialized.connect(add_memo)
