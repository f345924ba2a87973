"""Two more of the first sentence's simpler forms, for a lede whose parse gave no headline (pure functions).

A parser that misreads a long sentence often reads its beginning well alone:

* without the relative days it names ("hier", "ce matin"), which a headline drops anyway and which the parser
  may hang where the verb should be ("La victoire du relais jamaïcain en 4 x 100 m hier à Rio permet à Usain
  Bolt…" parsed with the noun "victoire" for its root);
* its first clause alone, up to the first comma, colon or semicolon after its first finite verb ("Un conflit a
  éclaté entre deux tribus dans la région, Lemgada de Babar et les Beni Maâfa…" -> "Un conflit a éclaté entre
  deux tribus dans la région."): what follows a clause's end is an apposition, a list or a second statement,
  never what the first one needs to be said.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.headline_parse import Token, as_written

_CLAUSE_ENDS = frozenset(",;:")
# A finite verb after one of these in its stretch of the sentence is a relative clause's, not the sentence's.
_RELATIVES = frozenset("qui que qu' qu’ dont où lequel laquelle lesquels lesquelles".split())
_PAIRS = {"«": "»", "“": "”", "(": ")"}


def without_days(sentence: str) -> str:
    """``sentence`` without the relative days it names ("" when it names none)."""
    from digest.headline import without_relative_days

    plain = without_relative_days(sentence)
    return plain if plain != sentence else ""


def first_clause(tokens: Sequence[Token]) -> str:
    """The sentence up to the first clause end after its first finite verb, as a sentence ("" when it has none, nothing
    after it, or the verb's infinitive or clause after it). Nothing inside a quotation or parentheses counts."""
    open_pairs, verb = dict.fromkeys(_PAIRS, 0), None
    for i, token in enumerate(tokens):
        for opening, closing in _PAIRS.items():
            open_pairs[opening] += (token.text == opening) - (token.text == closing)
        if any(open_pairs.values()):
            continue
        if verb is None and i and token.pos in ("VERB", "AUX") and "VerbForm=Fin" in token.morph and not _after_relative(tokens, i):
            verb = i
        elif verb is not None and token.text in _CLAUSE_ENDS:
            return as_written(tokens[:i]) + "." if i > verb + 1 and not _needs_what_follows(tokens, verb, i) else ""
    return ""


def _needs_what_follows(tokens: Sequence[Token], verb: int, end: int) -> bool:
    """Whether the verb (its participle, when ``verb`` is the auxiliary) governs an infinitive or a clause after
    ``end``: "a permis au paléontologue Kenshu Shimada, de l'Université DePaul, [de déterminer…]" is no clause ended."""
    governing = tokens[verb].head if tokens[verb].dep.startswith("aux") else verb
    return any(token.head == governing and token.dep in ("xcomp", "ccomp") for token in tokens[end + 1:])


def _after_relative(tokens: Sequence[Token], verb: int) -> bool:
    """Whether a relative pronoun comes before ``verb`` since the last clause end."""
    for token in reversed(tokens[:verb]):
        if token.text in _CLAUSE_ENDS:
            return False
        if token.text.lower() in _RELATIVES:
            return True
    return False


def one_subject(tokens: Sequence[Token]) -> bool:
    """Whether no verb of the parse has two subjects ("De nombreux scientifiques et médecins ont consacré…" read with
    "scientifiques" and "médecins" each a subject of "consacré": a headline would keep one and the "et")."""
    subjects = [t.head for t in tokens if t.dep in ("nsubj", "nsubj:pass")]
    return len(subjects) == len(set(subjects))
