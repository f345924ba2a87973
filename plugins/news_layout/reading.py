"""What a reader is told before reading: how long a dispatch takes to read (plain module)."""

from __future__ import annotations

import math
import re

from digest.html_text import plain_text

# Words a minute for news prose read on a screen (studies of adult silent reading give 200-260).
WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:[’'\-‑]\w+)*")


def word_count(html: str) -> int:
    """Words of an HTML fragment's text (``aujourd’hui``, ``a‑t‑il`` are one word)."""
    return len(_WORD.findall(plain_text(html)))


def reading_minutes(html: str) -> int:
    """Minutes to read ``html``, rounded up, at least one."""
    return max(1, math.ceil(word_count(html) / WORDS_PER_MINUTE))


FILTERS = {"reading_minutes": reading_minutes}
