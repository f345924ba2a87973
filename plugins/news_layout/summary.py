"""A teaser's summary: at most about 200 characters of a dispatch, cut at a sentence or a clause,
never a copy of its title (plain module)."""

from __future__ import annotations

import re

from digest.html_text import plain_text

LIMIT = 200
# Where a summary may stop: after the end of a sentence, else after a clause (, ; : — and the
# closing of a parenthesis), each followed by a space.
_SENTENCE_END = re.compile(r"[.!?…](?:[\u00a0\u202f ]?[»”)])?(?= )")
_CLAUSE_END = re.compile(r"[,;:)»—](?= )")
_NARROW = re.compile(r"[\u00a0\u202f]")


def _comparable(text: str) -> str:
    return _NARROW.sub(" ", text).casefold().rstrip(" .!?…")


def _without_title(text: str, title: str) -> str:
    """``text`` less a title it begins with (the headline is often the lede's first sentence)."""
    wanted = _comparable(title)
    if wanted and _comparable(text).startswith(wanted) and not text[len(title):len(title) + 1].isalnum():
        rest = text[len(title):]
        return rest.lstrip(" .!?…").lstrip()
    return text


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    window = text[: limit + 1]
    for pattern, minimum in ((_SENTENCE_END, limit // 3), (_CLAUSE_END, limit // 2)):
        ends = [m.end() for m in pattern.finditer(window) if minimum <= m.end() <= limit]
        if ends:
            cut = text[: ends[-1]].rstrip()
            return cut if pattern is _SENTENCE_END else cut.rstrip(",;:—").rstrip() + "…"
    return window[: window.rstrip().rfind(" ")].rstrip(" ,;:—") + "…"


def teaser_summary(title: str, content_html: str, limit: int = LIMIT) -> str:
    """About ``limit`` characters of the dispatch after its title, cut at a sentence or a clause;
    empty when nothing but the title is left."""
    text = _without_title(plain_text(content_html), plain_text(title))
    if not text or _comparable(text) == _comparable(plain_text(title)):
        return ""
    return _cut(text, limit)
