"""Spellings French news gives one foreign name when it transliterates it ("Abou Dabi" / "Abu Dhabi",
"Racca" / "Raqqa", "Mohamed" / "Mohammed"): the key they share. Pure; read by
``spellings.near_spellings``, which lists such pairs for an editor, and ``short_places``, which makes
one page of a place written two ways when their dispatches share someone (never two people: "Mohamed
Ali" and "Mohammed Ali" may be two men)."""
from __future__ import annotations

import re

# French and English transliterations of the same sounds: "ou" / "u", "q" / "k" / "c" (not "ch"),
# "ph" / "f", an "h" written or not, a consonant doubled or not, "y" / "i", "dj" / "j"
_SOUNDS = ((re.compile(r"ou"), "u"), (re.compile(r"ph"), "f"), (re.compile(r"dj"), "j"), (re.compile(r"c(?!h)|q|ck"), "k"),
           (re.compile(r"(?<!c|s)h"), ""), (re.compile(r"y"), "i"), (re.compile(r"([a-z])\1+"), r"\1"))


def transliteration_key(key: str) -> str:
    """The key of a name's fold key (``sitewide.fold_key``) shared by its transliterations:
    "abou dabi" and "abu dhabi" -> "abu dabi", "racca" and "raqqa" -> "raka"."""
    for pattern, sound in _SOUNDS:
        key = pattern.sub(sound, key)
    return key
