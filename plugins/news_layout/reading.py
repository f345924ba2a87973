"""What a reader is told before reading: how long a dispatch takes to read (plain module)."""

from __future__ import annotations

import math
import re

# Words a minute for news prose read on a screen (studies of adult silent reading give 200-260).
WORDS_PER_MINUTE = 230
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+(?:[’'\-‑]\w+)*")


def word_count(html: str) -> int:
    """Words of an HTML fragment's text (``aujourd’hui``, ``a‑t‑il`` are one word)."""
    return len(_WORD.findall(_TAG.sub(" ", html or "")))


def reading_minutes(html: str) -> int:
    """Minutes to read ``html``, rounded up, at least one."""
    return max(1, math.ceil(word_count(html) / WORDS_PER_MINUTE))


FILTERS = {"reading_minutes": reading_minutes}
