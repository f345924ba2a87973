"""HTML to plain text, the one rule for every side (teaser summaries, feed titles and summaries,
the ``plaintext`` filter of ``<title>`` and meta tags, word counts, entity salience and context):
a plain module, no Pelican."""

from __future__ import annotations

import functools
import html
import re

# Phrasing elements: the words run on through them (``45<sup>e</sup>`` reads ``45e``,
# ``l’<abbr>ONU</abbr>`` reads ``l’ONU``). Any other tag (a paragraph, a line break, a heading, a
# list item, a cell) ends a line: ``<p>fin.</p><p>Début</p>`` reads ``fin. Début``.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr".split()
)
# What a reader never sees: scripts, styles (to their end, or the fragment's) and comments.
_UNREAD = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)", re.IGNORECASE | re.DOTALL)
# A tag: ``<`` then a name, ``/`` or a declaration; a ``<`` followed by anything else is text.
_TAG = re.compile(r"</?([A-Za-z][^\s/>]*)[^>]*>|<[!?][^>]*>")
# HTML's own white space, not ``\s``: the no-break spaces U+00A0 and U+202F are typography, kept.
_SPACES = re.compile(r"[ \t\n\r\f]+")


def _tag_gap(tag: re.Match) -> str:
    return "" if tag[1] and tag[1].lower() in _INLINE else "\n"


def _one_line_break(spaces: re.Match) -> str:
    return "\n" if "\n" in spaces[0] or "\r" in spaces[0] else " "


def plain_text(fragment, *, lines: bool = False) -> str:
    """The text of an HTML fragment: tags, comments, scripts and styles dropped (a block boundary
    leaves a break, an inline tag nothing), character references decoded, each run of white space
    made one space, no-break spaces kept; ``None`` gives "". With ``lines``, a run of white space
    holding a break (a block boundary, a new line) is one new line: paragraphs stay apart."""
    if fragment is None:
        return ""
    text = _text_lines(str(fragment))
    # the same runs of white space, each one space: a new line in ``text`` is only ever a whole run
    return text if lines else text.replace("\n", " ")


@functools.lru_cache(maxsize=16384)
def _text_lines(fragment: str) -> str:
    """``plain_text(fragment, lines=True)``, kept: a build asks for an article's text on its page (the
    reading time), in its feed items, for its entities' sentences and its teaser (three to four
    times each of 5 000 articles); the last 16 384 fragments, a rebuild's included."""
    text = html.unescape(_TAG.sub(_tag_gap, _UNREAD.sub("", fragment)))
    return _SPACES.sub(_one_line_break, text).strip()
