"""The last rewriting before a fallback (pure functions): when the strict checker finds fault with
every candidate made by dropping constituents (a parse that hangs a phrase where it does not go), the
bare statement: the subject (its name rather than its title), the main verb in the present and what
it needs, its object, infinitive or complement clause, without what describes them or says where,
when or how ("CFM International prévoit de livrer à Airbus les premiers moteurs LEAP").
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.headline_candidates import finish, is_negation, render, splits_a_span
from digest.headline_check import complete
from digest.headline_parse import Token
from digest.headline_rewrite import predicate, resolved_subject
from digest.headline_sentence import Sentence, has_relative_day
from digest.headline_strict import reader_fault, refers_back
from digest.headline_subject import bare_subject, is_pronoun_subject, main_verb

# What the verb needs, kept whole but for what describes it.
_NEEDED = {"obj", "xcomp", "ccomp", "obl:arg"}
# What describes a phrase the statement keeps, or adds a second statement to it: dropped.
_DESCRIBING = {"acl", "acl:relcl", "appos", "parataxis", "advcl", "conj", "cc", "dep", "dislocated", "obl:mod", "advmod"}


def repaired(tokens: Sequence[Token], budget: int) -> str | None:
    """The sentence's bare statement within ``budget`` characters, or None when it has no subject that
    says who (a pronoun), no verb, or the statement itself is at fault."""
    if not tokens:
        return None
    sentence = Sentence(tokens)
    if (verb := main_verb(sentence)) is None or (resolved := resolved_subject(sentence, verb)) is None:
        return None
    subject, subject_tokens, written, name = resolved
    if is_pronoun_subject(sentence, subject_tokens):
        return None
    if any(sentence.tokens[c].dep == "conj" and c not in subject_tokens for c in sentence.children[subject]):
        return None  # "l'Arabie saoudite, …, les Émirats arabes unis, le Yémen et la Libye": one of them is not the news
    # the subject's head alone when it is a common noun with no name ("Des scientifiques [rattachés au CSIRO]")
    head = bare_subject(sentence, subject, subject_tokens)
    bare = [head] if head and not name and sentence.tokens[subject].pos == "NOUN" and not refers_back(sentence, head) else []
    for simplified in ([set(name)] if name else []) + [subject_tokens] + bare:
        kept, replaced = predicate(sentence, verb, subject, simplified, min(written | {subject}))
        if kept is None:
            continue
        if (statement := _statement(sentence, verb, simplified, kept)) is None:
            return None
        text = finish(render(sentence, statement, replaced))
        if len(text) <= budget and complete(sentence, statement, text, verb, simplified) and not has_relative_day(text) \
                and not splits_a_span(sentence, statement, kept) \
                and reader_fault(sentence, statement, replaced, text, verb, simplified) is None:
            return text
    return None


def _statement(sentence: Sentence, verb: int, subject_tokens: set[int], kept: set[int]) -> set[int] | None:
    """The subject, the verb with its auxiliaries, clitics and negation, and what it needs, of ``kept``;
    None when what it needs is misread (a complement clause without a verb: "que l'opérateur Sprint")."""
    tokens = sentence.tokens
    statement = set(subject_tokens) | {verb}
    for child in sentence.children[verb]:
        if child not in kept:
            continue
        dep = tokens[child].dep
        if dep.startswith(("aux", "cop", "expl")) or tokens[child].pos == "PRON" and dep not in _NEEDED or is_negation(sentence, child):
            statement.add(child)
        elif dep in _NEEDED:
            if dep == "ccomp" and not sentence.is_clause(child):
                return None
            statement |= sentence.subtree(child) & kept
    for i in sorted(statement):
        # a quotation is kept whole, as said
        if i in statement and i != verb and i not in subject_tokens and tokens[i].dep in _DESCRIBING and not is_negation(sentence, i) \
                and not sentence.subtree(i) & sentence.quote_of.keys():
            statement -= sentence.subtree(i)
    return statement
