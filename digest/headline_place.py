"""Where the news happened, said by a short headline that does not say it (a pure function on a derived
headline and the parse of the lede's first sentence): "Un camion fonce sur une foule à Nice", "Quatre morts et
40 blessés à Biloxi".

The place is the first the sentence names after "à", "en", "au" or "aux" (spaCy's LOC entity, the
preposition its own), added only when the headline names none of the sentence's places, was made of that
sentence, and is short enough that the place keeps it a headline's length; before the toll a desk adds
after a colon ("… en Saône-et-Loire : 4 morts"). Not when the sentence names several places: the news may not
have happened where the first is ("deux attentats à Kaboul et à Kandahar"); nor when the place is said in what
describes the subject (an apposition's "né à Marseille", a relative clause's "qui a fermé son usine en Pologne":
another deed, another time).
"""

from __future__ import annotations

import re

from digest.headline_parse import as_written

# A headline with its place at most this long: a longer one says enough, the place would make it longer than a
# desk's (real titles: 48 characters at the median; on dev, headlines lengthened past it lost as much as they gained).
PLACED_LENGTH = 60
_PLACE_PREPOSITIONS = frozenset(("à", "en", "au", "aux"))
# What may stand between a place and the bigger one it is in.
_IN_A_BIGGER_ONE = frozenset((",", "(", "dans", "le", "la", "l'", "l’", "les"))
# The share of a headline's words the first sentence must have for the headline to be made of it.
_MADE_OF = 0.7


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _place_spans(tokens) -> list[tuple[int, int]]:
    """(first, last) of each run of tokens spaCy tagged a place."""
    spans, start = [], None
    for i, token in enumerate([*tokens, None]):
        if token is not None and token.entity == "LOC":
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i - 1))
            start = None
    return spans


def _several_places(tokens, spans: list[tuple[int, int]]) -> bool:
    """Whether the sentence names more than one place, a place followed by the one it is in ("Istanbul, en
    Turquie", "Kalkar en Allemagne", "Biloxi, dans le Mississippi") counted once."""
    apart = [span for k, span in enumerate(spans) if k == 0 or not _within(tokens, spans[k - 1], span)]
    return len(apart) > 1


def _within(tokens, before: tuple[int, int], span: tuple[int, int]) -> bool:
    between = tokens[before[1] + 1:span[0]]
    # "Biloxi, dans le Mississippi", "Saint-Denis (Seine-Saint-Denis)"
    return len(between) <= 3 and all(t.text.lower() in _IN_A_BIGGER_ONE or t.text.lower() in _PLACE_PREPOSITIONS for t in between)


def _of_the_subject(tokens, first: int, last: int) -> bool:
    """Whether the place ``tokens[first:last + 1]`` is said in what describes the sentence's subject (an
    apposition, a participle, a relative clause: "Le footballeur, né à Marseille, a été nommé…"): there it
    tells of another deed or time than the news."""
    index = next((i for i in range(first, last + 1) if not first <= tokens[i].head <= last), first)
    root = next((i for i, token in enumerate(tokens) if token.head == i), len(tokens))
    if last < root:  # before the main verb: in the subject's incise, whatever the parse hangs it on ("né à Marseille")
        return True
    for _ in range(len(tokens)):  # up the heads to the root; a parse's heads never cycle, the bound is a guard
        if tokens[index].dep.startswith("nsubj"):
            return True
        if tokens[index].head == index:
            return False
        index = tokens[index].head
    return False


def with_place(headline: str, tokens) -> str:
    """``headline`` followed by where its first sentence (``tokens``) says the news happened, when it names no
    place of that sentence and is made of it, within ``PLACED_LENGTH`` (its toll aside); unchanged otherwise."""
    spans = _place_spans(tokens)
    if _several_places(tokens, spans):
        return headline  # "lors de deux attentats à Kaboul et à Kandahar": which one, the place would not say
    said, sentence_words = _words(headline), set(_words(as_written(tokens)))
    if not spans or not said or sum(w in sentence_words for w in said) < _MADE_OF * len(said):
        return headline
    if any(set(_words(as_written(tokens[first:last + 1]))) & set(said) for first, last in spans):
        return headline
    statement, colon, toll = headline.partition(" : ")
    for first, last in spans:
        preposition = tokens[first - 1] if first > 1 else None  # not an opener's: "En Algérie, …"
        if preposition is None or preposition.text.lower() not in _PLACE_PREPOSITIONS or not first <= preposition.head <= last:
            continue
        if _of_the_subject(tokens, first, last):
            return headline  # where the subject did something else: "Zidane, né à Marseille, …", "qui a fermé son usine en Pologne"
        placed = f"{statement} {preposition.text.lower()} {as_written(tokens[first:last + 1])}"
        return f"{placed}{colon}{toll}" if len(placed) <= PLACED_LENGTH else headline
    return headline
