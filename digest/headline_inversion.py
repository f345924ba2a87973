"""A subject written after its verb put back before it (pure functions), for a first sentence whose parse gave no
headline: French fronts a circumstance and inverts the subject ("Au cours d'une messe, ont fait irruption deux
individus…", "Le 12 février se tiendra la Journée…", "Samedi s'est ouvert à Paris le procès de…"); a desk writes
the subject first ("Deux individus font irruption…"). The sentence said in that order is parsed again like the
other simpler sentences of ``headline_retry``.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.headline_parse import Token, as_written
from digest.headline_sentence import DAYS, MONTHS, Sentence

# Dependents written between the fronted circumstance and the verb that belong to the verb: its auxiliary and "se".
_VERB_GROUP = {"aux:tense", "aux:pass", "expl:comp", "expl:pass", "expl:subj"}


def subject_first(tokens: Sequence[Token]) -> str:
    """The sentence with its inverted subject before its verb ("" when its main verb has a subject before it, or no
    noun phrase after it that can be one)."""
    from digest.headline_subject import main_verb

    if not tokens:
        return ""
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    if verb is None or tokens[verb].pos != "VERB" or "VerbForm=Inf" in tokens[verb].morph:
        return ""
    if any(tokens[c].dep in ("nsubj", "nsubj:pass") and c < verb and not _a_date(sentence, c) for c in sentence.children[verb]):
        return ""
    group = [c for c in sentence.children[verb] if c < verb and tokens[c].dep in _VERB_GROUP]
    start = min(group, default=verb)
    if any(tokens[i].pos not in ("AUX", "PRON", "ADV") for i in range(start, verb) if i not in group) \
            or not _fronted(sentence, start):
        return ""  # something else between the auxiliary and the verb, or before it: no inversion the parse shows
    end = verb + 1
    if end < len(tokens) and tokens[end].pos == "NOUN" and tokens[end].head == verb \
            and not any(tokens[c].dep == "det" for c in sentence.children[end]):
        end += 1  # a noun of the verb's locution: "ont fait irruption", "a eu lieu"
    subject = _subject_after(sentence, end)
    if subject is None:
        return ""
    first, last = subject
    front = as_written(tokens[:start]).rstrip(" ,")
    verb_group, between = as_written(tokens[start:end]), as_written(tokens[end:first])
    # its relative clause goes: the parser reads the long subject before its verb no better ("deux individus [dont
    # l'un portait la barbe]")
    relative = set().union(*(sentence.subtree(i) for i in range(first, last) if tokens[i].dep == "acl:relcl"))
    named = [i for i in range(first, last) if i not in relative]
    if any("VerbForm=Fin" in tokens[i].morph for i in named):
        return ""  # a clause in the subject the parse did not make relative: where the subject ends is unsure
    # and what the relative clause went on with after the comma goes with it ("…, salle qui avait accueilli…")
    rest = as_written([tokens[i] for i in range(last, len(tokens)) if _hung_on(sentence, i, last) not in relative]).rstrip(" .")
    named = as_written([tokens[i] for i in named])
    if not named:
        return ""
    said = " ".join(part for part in (named[0].upper() + named[1:], verb_group, between) if part)
    plain = f"{front}, {said[0].lower()}{said[1:]}" if front else said
    return plain + (f" {rest}" if rest and not rest.startswith(",") else rest) + "."


# Words of a date or a time of day fronted without a comma ("Le 12 février prochain se tiendra…").
_DATE_WORDS = frozenset("le la l' ce cette cet prochain dernier matin soir midi après-midi nuit".split())


def _fronted(sentence: Sentence, start: int) -> bool:
    """Whether the words before the verb group are a circumstance fronted, nothing else: one set off by a comma
    that opens on a preposition, an adverb or a day ("Au cours d'une messe…,", "Ce jeudi,"), or a date without one."""
    tokens = sentence.tokens[:start]
    if not tokens:
        return False
    dated = all(t.pos == "NUM" or t.lemma.lower() in MONTHS | DAYS or t.text.lower() in _DATE_WORDS for t in tokens)
    opening = tokens[0].pos in ("ADP", "ADV", "SCONJ") or tokens[0].lemma.lower() in DAYS or \
        tokens[0].text.lower() in ("ce", "cette") and len(tokens) > 1 and tokens[1].lemma.lower() in DAYS
    return dated or tokens[-1].text == "," and opening and not any(
        t.dep in ("nsubj", "nsubj:pass") or "VerbForm=Fin" in t.morph for t in tokens)


def _hung_on(sentence: Sentence, i: int, start: int) -> int:
    """The word before ``start`` that the word ``i`` after it depends on, through the words after it (``i`` itself
    when it depends on none: the root's)."""
    seen = set()
    while i >= start and i not in seen:
        seen.add(i)
        i = sentence.tokens[i].head
    return i


def _a_date(sentence: Sentence, i: int) -> bool:
    """Whether a word the parser made the subject is a date or a day ("Le 12 février prochain se tiendra…", "Samedi
    s'est ouvert…")."""
    token = sentence.tokens[i]
    return token.lemma.lower() in DAYS or token.pos == "NUM" and any(
        sentence.tokens[c].lemma.lower() in MONTHS for c in sentence.children[i])


def _subject_after(sentence: Sentence, start: int) -> tuple[int, int] | None:
    """(first, end) of the noun phrase after the verb that is its subject: past the circumstances said first
    ("pendant la messe", "hier", "à Los Angeles"), an article, a number, a quantity or a name, up to a comma, a
    parenthesis or the end."""
    tokens, i = sentence.tokens, start
    while i < len(tokens) and tokens[i].pos in ("ADP", "ADV") and tokens[i].text.lower() not in _QUANTITY:
        # a complement whole, up to the last word of its noun's phrase; an adverb alone
        i = max(sentence.subtree(tokens[i].head)) + 1 if tokens[i].pos == "ADP" and tokens[i].head > i else i + 1
    if i >= len(tokens) or tokens[i].pos not in ("DET", "NUM", "PROPN") and tokens[i].text.lower() not in _QUANTITY:
        return None
    end = next((j for j in range(i, len(tokens)) if tokens[j].text in _STOPS), len(tokens))
    # a subject that goes on in parentheses or quotes: where it ends, the parse does not tell
    return (i, end) if end - i >= 2 and (end == len(tokens) or tokens[end].text not in "(«»") else None


# "plus de 2 000 manifestants", "près de", "au moins": a quantity opens the subject.
_QUANTITY = frozenset("plus près moins environ".split())
_STOPS = frozenset(", . ; : ! ? ( « »".split())
