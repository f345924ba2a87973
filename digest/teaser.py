"""The teaser (Summary) shown under a headline: what the headline does not say already.

A derived headline is made of the lede's first sentence, so the teaser starts with the next one;
it is at most about 200 characters, cut at the end of a sentence, or else at a clause boundary
with an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.headline import first_sentence

MAX_LENGTH = 200
_SENTENCE_END = re.compile(r"(?<=[^\s.]{2}[.!?»])\s+(?=[«\"A-ZÀ-ÖØ-Þ0-9])")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s(?=(?:qui|que|dont|où|et|mais|car|pour|afin|alors|tandis|lorsque)\s)")
_DANGLING_END = re.compile(r"[\s,;:(«\-–—]+$")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{4,}", text.lower())}


def teaser(paragraphs: Sequence[str], headline: str, *, from_first_sentence: bool) -> str:
    """The Summary under ``headline``. ``from_first_sentence``: the headline was made of the lede's
    first sentence, which the teaser then skips; a supplied headline skips it only when it says
    most of it already."""
    text = " ".join(p.strip() for p in paragraphs if p.strip())
    first = first_sentence(text)
    repeats = from_first_sentence or len(_words(headline) & _words(first)) >= 0.6 * max(1, len(_words(headline)))
    rest = text[len(first):].strip() if repeats else text
    if not rest:
        rest = first  # a dispatch of one sentence: it is all there is to say
    return _shorten(rest)


def _shorten(text: str) -> str:
    if len(text) <= MAX_LENGTH:
        return text
    sentences = _SENTENCE_END.split(text)
    kept = ""
    for sentence in sentences:
        longer = f"{kept} {sentence}".strip()
        if len(longer) > MAX_LENGTH:
            break
        kept = longer
    if kept:
        return kept
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text) if 60 <= m.start() <= MAX_LENGTH]
    end = cuts[-1] if cuts else text.rfind(" ", 0, MAX_LENGTH)
    cut = _DANGLING_END.sub("", text[: max(end, 1)])
    if cut.count("«") > cut.count("»"):
        cut = cut[: cut.rfind("«")].rstrip(" ,;:")
    return f"{cut}…"
