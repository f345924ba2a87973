"""A statement headlined as a desk writes it (pure functions): the last try before a fallback.

When the lede's main verb only says or decides ("Le président élu Donald Trump a annoncé hier soir que
l'opérateur … Sprint et le fabricant … OneWeb … allaient relocaliser 8 000 emplois") and no candidate of the
whole sentence fits, the reported clause is the news. The parser misreads such long sentences (the reported
clause's subject taken for its head), so the clause is parsed again alone and rewritten as any sentence is
(its subject simplified, its verb in the present, what it needs), and the speaker is kept before a colon by
its short name ("Donald Trump : Sprint et OneWeb vont relocaliser 8 000 emplois aux États-Unis"): a headline
that asserts as fact what someone only said would be false. Only a person or an organisation the lede names
is a speaker a reader knows; a quotation is left to the fallback, which keeps it whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from digest.headline_parse import Token, as_written
from digest.headline_rewrite import BUDGET, WHOLE_BUDGET
from digest.headline_sentence import Sentence

# Verbs of saying or deciding whose complement clause is what the lede reports.
SAYING = frozenset(
    "annoncer déclarer affirmer estimer indiquer décider préciser confirmer assurer expliquer juger "
    "rapporter révéler souligner dire considérer reconnaître admettre prévenir avertir".split())
_SPEAKER_LENGTH = 30  # "Le Gouvernement régional de la Vallée d'Aoste" is no speaker a colon can carry
_QUE = ("que", "qu'", "qu’")
# "a annoncé qu'il quitte le parti": the person says what they do, their own act is the news.
_OWN, _OWN_ACT = {"il", "elle"}, {"annoncer", "confirmer", "décider"}
# A reported clause whose subject is another pronoun needs the lede to say who: left to headline_retry.
_PRONOUNS = {"il", "elle", "ils", "elles", "on", "c'", "c’", "ce", "cela"}


def said_headlines(headlines: list, first_parses: list, parse: Callable, rewrite: Callable, made: Callable) -> None:
    """For each lede still without a headline (None in ``headlines``), its first sentence parsed (``first_parses``,
    None when there is none) reported as its speaker's statement, when it is one: set to ``made(text)``."""
    statements = [(n, said) for n, tokens in enumerate(first_parses) if headlines[n] is None and tokens
                  and (said := reported_statement(tokens))]
    clauses = parse([clause for _, (_, clause) in statements]) if statements else []
    renamed = [(n, speaker, simpler) for (n, (speaker, _)), tokens in zip(statements, clauses, strict=True)
               if (simpler := names_for_subject(tokens))]
    retried = parse([simpler for _, _, simpler in renamed]) if renamed else []
    # the subject by its names first: the rewriting's own shortest subject is the first name alone ("Sprint vont…")
    tries = [*((n, speaker, tokens) for (n, speaker, _), tokens in zip(renamed, retried, strict=True)),
             *((n, speaker, tokens) for (n, (speaker, _)), tokens in zip(statements, clauses, strict=True))]
    for n, speaker, tokens in tries:
        room = [limit - len(f"{speaker} : " if speaker else "") for limit in (BUDGET, WHOLE_BUDGET)]
        if headlines[n] is None and (text := rewrite(tokens, *room, follows=True)):
            headlines[n] = made(attributed(speaker, text, tokens) if speaker else text)


def reported_statement(tokens: Sequence[Token]) -> tuple[str, str] | None:
    """The speaker's short name and the clause the main verb reports, as a sentence of its own; no speaker ("")
    and the person's name for the clause's "il"/"elle" when a named person announces or decides their own act;
    None when the main verb does not say or decide, the speaker is no named person or organisation, or the
    clause is a quotation or has another pronoun for subject."""
    from digest.headline_rewrite import resolved_subject
    from digest.headline_subject import main_verb

    if not tokens:
        return None
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    if verb is None or tokens[verb].lemma not in SAYING or (resolved := resolved_subject(sentence, verb)) is None:
        return None
    speaker, person = _speaker(sentence, *resolved)
    # the conjunction, not the relative pronoun ("le projet que…")
    que = next((i for i in range(verb + 1, len(tokens)) if tokens[i].text.lower() in _QUE
                and (tokens[i].pos == "SCONJ" or tokens[i].dep == "mark")), None)  # "qu'" tagged a pronoun, a mark still
    if speaker is None or que is None or que + 1 >= len(tokens) or que in sentence.quote_of:
        return None
    first = tokens[que + 1].text
    clause = as_written(tokens[que + 2 if first.lower() in _OWN else que + 1:
                          next((i for i in range(que + 1, len(tokens)) if tokens[i].text in ".!?:"), len(tokens))])
    # the person's own "il", not the impersonal one ("qu'il faut", "qu'il y aura", "qu'il est temps": expl:subj)
    if first.lower() in _OWN and tokens[que + 1].dep.startswith("nsubj") and tokens[verb].lemma in _OWN_ACT and person:
        return "", f"{speaker} {clause}"  # "Florian Philippot a annoncé qu'il quitte le parti": his act, not a claim
    if first.startswith(("«", '"', "“")) or first.lower() in _PRONOUNS:
        return None
    return speaker, clause[:1].upper() + clause[1:]


def names_for_subject(tokens: Sequence[Token]) -> str:
    """The clause said again with its subject by its names alone when it coordinates named things ("L'opérateur …
    Sprint et le fabricant … OneWeb, filiales de…, allaient relocaliser…" -> "Sprint et OneWeb allaient
    relocaliser…"): a subject too long for any headline, whose first name alone would misstate it; "" when not."""
    from digest.headline_rewrite import resolved_subject
    from digest.headline_subject import main_verb

    sentence = Sentence(tokens)
    if (verb := main_verb(sentence)) is None or (resolved := resolved_subject(sentence, verb)) is None:
        return ""
    subject = resolved[0]
    conjuncts = [subject, *(c for c in sentence.children[subject] if tokens[c].dep == "conj")]
    names = [_last_name(sentence, head) for head in conjuncts]
    if len(conjuncts) < 2 or not all(names) or max(sentence.subtree(subject)) >= verb:
        return ""
    rest = [t for t in tokens[max(sentence.subtree(subject)) + 1:]]
    while rest and rest[0].pos == "PUNCT":
        rest.pop(0)
    said = [" ".join(tokens[i].text for i in sorted(name)) for name in names]
    return f"{', '.join(said[:-1])} et {said[-1]} {as_written(rest)}"


def _last_name(sentence: Sentence, head: int, within: set[int] | None = None, entity: str | None = None) -> set[int]:
    """The last run of name words (of ``entity`` when given) in the phrase ``head`` heads, or in ``within``, up to
    its first comma ("le fabricant de satellites OneWeb" -> OneWeb); empty when it names nothing."""
    tokens = sentence.tokens
    words = sorted(within if within is not None else sentence.subtree(head) - set().union(
        *(sentence.subtree(c) for c in sentence.children[head] if tokens[c].dep in ("conj", "cc", "punct", "appos", "acl", "acl:relcl"))))
    run: set[int] = set()
    for i in reversed(words):
        if tokens[i].entity == entity if entity else tokens[i].pos == "PROPN" or tokens[i].entity in ("PER", "ORG", "MISC"):
            run.add(i)
        elif run:
            break
    return run


def attributed(speaker: str, headline: str, clause_tokens: Sequence[Token]) -> str:
    """The headline of a reported clause said by ``speaker``: "Donald Trump : Sprint et OneWeb vont…"; its first
    word in lower case after the colon unless it is a name."""
    first = headline.split(" ", 1)[0]
    named = any(t.text == first and (t.pos == "PROPN" or t.entity) for t in clause_tokens)
    return f"{speaker} : {headline if named else headline[:1].lower() + headline[1:]}"


def _speaker(sentence: Sentence, subject: int, subject_tokens: set[int], written: set[int], name: list[int] | None) -> tuple[str | None, bool]:
    """The speaker's short name and whether it is a person: the name its title introduces ("La maire de Paris Anne
    Hidalgo" -> Anne Hidalgo), or the subject when it is itself a named organisation within a few words; None
    otherwise."""
    from digest.headline_candidates import finish, render

    tokens = sentence.tokens
    people = _last_name(sentence, subject, subject_tokens, "PER")
    if name and all(tokens[i].entity in ("PER", "ORG") for i in name) or people:
        words = set(name) if name and not people else people
        first = min(words)
        while first > 0 and tokens[first - 1].pos == "PROPN" and tokens[first - 1].entity == tokens[first].entity:
            first -= 1  # "Florian Philippot", the whole name the parser cut
        return finish(render(sentence, set(range(first, max(words) + 1)), {})), tokens[first].entity == "PER"
    if any(tokens[i].entity == "ORG" for i in subject_tokens) and tokens[subject].pos == "PROPN":
        text = finish(render(sentence, subject_tokens, {}))
        return (text, False) if len(text) <= _SPEAKER_LENGTH else (None, False)
    return None, False
