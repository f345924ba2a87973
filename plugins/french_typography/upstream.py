"""The one private field of Pelican this plugin relies on: ``Content._content``, the body that
``Content.get_content`` reads (``{{ article.content }}``, the feeds). Pelican offers no setter.

Bodies are typeset by the readers (``readers_init``), on the public path; this field is written
only for a body no wrapped reader typeset (a content object a plugin made itself). Without the
field (another Pelican), such a body is left as it was read. The contract is checked by
``tests/typography/test_upstream.py``: it fails when Pelican stops reading the body from there.
"""

from __future__ import annotations

BODY = "_content"


def body(obj) -> str | None:
    """The body of a content object as Pelican holds it (None when there is none)."""
    return getattr(obj, BODY, None)


def replace_body(obj, html: str) -> None:
    """Give ``obj`` the body ``html``, where Pelican reads it; nothing when Pelican has no such field."""
    if hasattr(obj, BODY):
        setattr(obj, BODY, html)
