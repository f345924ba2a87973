"""A headline candidate read again (pure functions): its own text, parsed by the same pipeline as the lede,
compared with what the rewriter meant it to say.

The rewriter builds a candidate from the lede's parse: a subject, a verb, the words it keeps. Dropping words
can make the rest read otherwise; the one misreading checked here is a list without its commas read as one
noun's complements ("les ambassadeurs de l'Allemagne de la France": France read as Germany's). A reader reads
the headline as the parser reads it alone; when that reading hangs a list's item on the previous one, the
candidate is refused and the next one tried (``first_agreeing``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from digest.headline_candidates import Candidate
from digest.headline_parse import Token
from digest.headline_sentence import Sentence

# A parse of a headline's text: what the deriver's parser gives (its cache first).
Reparse = Callable[[str], Sequence[Token]]


def aligned(sentence: Sentence, kept: frozenset[int], parsed: Sequence[Token]) -> dict[int, int]:
    """The lede's token for each word of the candidate's own parse, matched by their text in order; the words
    rewritten (a verb put in the present, its auxiliary gone) matched from the end of each differing run."""
    words = [i for i in sorted(kept, key=lambda i: (i not in sentence.front, i)) if sentence.tokens[i].pos != "PUNCT"]
    read = [j for j, token in enumerate(parsed) if token.pos != "PUNCT"]
    matcher = SequenceMatcher(None, [sentence.tokens[i].text.lower() for i in words],
                              [parsed[j].text.lower() for j in read], autojunk=False)
    lede_of: dict[int, int] = {}
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            lede_of.update((read[b1 + k], words[a1 + k]) for k in range(a2 - a1))
        elif tag == "replace":
            lede_of.update((read[b2 - 1 - k], words[a2 - 1 - k]) for k in range(min(a2 - a1, b2 - b1)))
    return lede_of


def misreading(sentence: Sentence, candidate: Candidate, parsed: Sequence[Token]) -> str | None:
    """Why the candidate's own parse reads it otherwise than meant, or None when it agrees."""
    return _list_read_as_complements(sentence, parsed, aligned(sentence, candidate.kept, parsed))


def first_agreeing(sentence: Sentence, candidates: Sequence[Candidate], reparse: Reparse | None) -> Candidate | None:
    """The best-scored candidate whose own parse agrees with what it means (the best when nothing reparses)."""
    ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
    if reparse is None:
        return ranked[0] if ranked else None
    return next((c for c in ranked if misreading(sentence, c, reparse(c.text)) is None), None)


def _list_read_as_complements(sentence: Sentence, parsed: Sequence[Token], lede_of: dict[int, int]) -> str | None:
    """An item of a list that the headline's parse hangs on the previous item as its complement ("de l'Allemagne
    de la France": the commas gone, France reads as Germany's)."""
    for j, token in enumerate(parsed):
        item = lede_of.get(j)
        if item is None or not token.dep.startswith("nmod") or not _an_item(sentence, item):
            continue
        start = min(k for k in range(j + 1) if all(parsed[m].head != m and _within(parsed, m, j) for m in range(k, j + 1)))
        if start == 0 or parsed[start - 1].text.lower() not in (",", "et", "ou"):
            return f"a list's item read as a complement: {token.text}"
    return None


def _an_item(sentence: Sentence, i: int) -> bool:
    """A list's item in the lede: a coordinate, or a second object of the same verb (a list the parser split), with its
    own preposition."""
    token = sentence.tokens[i]
    if i and not sentence.tokens[i - 1].space:
        return False  # "Papouasie-Nouvelle-Guinée": a word's part, not an item
    # an item with its own preposition ("de la France"), a coordinate or taken for a second object: "à une large
    # majorité, la directive" read as a coordinate is an object misread, no list
    return any(sentence.tokens[c].dep == "case" for c in sentence.children[i]) and (token.dep == "conj" or token.dep == "obj" and any(
        sentence.tokens[c].dep == "obj" and c < i for c in sentence.children[token.head]))


def _within(parsed: Sequence[Token], m: int, j: int) -> bool:
    """Whether word ``m`` of the parse hangs, directly or not, on word ``j``."""
    seen = set()
    while m != j and m not in seen and parsed[m].head != m:
        seen.add(m)
        m = parsed[m].head
    return m == j
