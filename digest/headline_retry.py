"""The first sentence said again more simply, for the ledes whose parse gave no headline (pure functions).

A parser reads a short plain sentence better than a long one, and a desk titles what a report says rather
than who reported it. Before a lede falls back to its cut, its first sentence is parsed again:

* without the relative clause between its subject and its verb, which the parser may take for the main one
  ("L'incendie d'un immeuble, qui s'est déclaré au 9e étage, a causé…");
* without what it says in parentheses ("Un car … de Chamaloc (Drôme) a terminé…"), or a nickname (", dit Seyyar,");
* as the clause it reports, when the main verb only says that someone announced, learned or decided it
  ("Plus d'une centaine d'élèves … ont appris qu'ils devront repasser l'épreuve" -> "Plus d'une centaine
  d'élèves … devront repasser l'épreuve"; "X a décidé de prendre en main la gestion" -> "X va prendre en
  main la gestion"), the reporting verb's subject standing for the reported clause's pronoun;
* with its complement's cleft or a turn said plainly (``headline_cleft``: "C'est une empreinte qu'a découvert le
  guide…" -> "Le guide … a découvert une empreinte…");
* with its subject before its verb (``headline_inversion``: "Au cours d'une messe, ont fait irruption deux
  individus…" -> "Au cours d'une messe, deux individus ont fait irruption…");
* last, when its statement as said (``headline_said``) gave none either: without its relative days, or as its
  first clause alone (``headline_clause``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from digest.headline_clause import first_clause, one_subject, without_days
from digest.headline_cleft import plain_cleft
from digest.headline_inversion import subject_first
from digest.headline_parse import Token
from digest.headline_sentence import Sentence

# ", qui s'est déclaré au 9e et propagé jusqu'au 15e étage, [a causé]": a relative clause set off by commas
# before an auxiliary, the main verb's.
_RELATIVE_INCISE = re.compile(
    r",\s+qui\s[^«»]{3,160}?,\s+(?=(?:a|ont|est|sont|avait|avaient|va|vont|sera|seront|doit|doivent|vient|viennent)\s)")
_PARENTHESES = re.compile(r"\s*\([^()«»]{1,80}\)")
# ", dit Seyyar,": a nickname set off after the name, which the parser may take for the main verb "dire".
_NICKNAME = re.compile(r",\s+dite?s?\s+[A-ZÀ-ÖØ-Þ][^,«»]{0,40},")
# Verbs whose reported clause is the news: what was announced, learned, confirmed, not what was claimed
# ("affirme", "estime": a desk keeps who says it).
_REPORTING = frozenset("annoncer apprendre confirmer rapporter révéler indiquer préciser officialiser décider".split())
# Verbs whose infinitive is what the subject is about to do ("a décidé de prendre" -> "va prendre").
_DECIDING = frozenset("décider choisir".split())
_PRONOUNS = {"il": ("Masc", False), "elle": ("Fem", False), "ils": ("Masc", True), "elles": ("Fem", True)}
# A number of people is as many ("Plus d'une centaine d'élèves …, ils"); any other head says the number
# ("Le conseil des ministres a décidé" is one council).
_QUANTITIES = frozenset("dizaine douzaine quinzaine vingtaine trentaine quarantaine cinquantaine centaine millier majorité plupart".split())


def simpler_sentences(sentence: str, tokens: Sequence[Token]) -> list[str]:
    """The ways of saying ``sentence`` (parsed as ``tokens``) more simply, in the order they are tried."""
    found = [_RELATIVE_INCISE.sub(" ", sentence, count=1), _PARENTHESES.sub("", sentence), _NICKNAME.sub("", sentence),
             reported_clause(tokens), plain_cleft(sentence), subject_first(tokens)]
    return list(dict.fromkeys(text for text in found if text and text != sentence))


def shorter_sentences(sentence: str, tokens: Sequence[Token]) -> list[str]:
    """The last ways of saying ``sentence`` (parsed as ``tokens``) more simply: without what a headline drops anyway."""
    return list(dict.fromkeys(text for text in (without_days(sentence), first_clause(tokens)) if text and text != sentence))


def retried(headlines: list, parsed: list[list[tuple[str, list]]], forms: Callable[[str, Sequence[Token]], list[str]],
            parse: Callable, rewrite: Callable, made: Callable) -> None:
    """For each lede still without a headline, the ``forms`` of its first sentence parsed again: the first that gives one
    (``made`` of its text). A shorter form's parse with two subjects for its verb is a misreading, not tried."""
    from digest.headline import MAX_LENGTH
    from digest.headline_repair import repaired
    from digest.headline_rewrite import BUDGET

    tried = [(n, form) for n, sentences in enumerate(parsed) if headlines[n] is None and sentences for form in forms(*sentences[0])]
    for (n, _), tokens in zip(tried, parse([form for _, form in tried]) if tried else [], strict=True):
        if headlines[n] is None and (forms is not shorter_sentences or one_subject(tokens)) and (text := rewrite(tokens, BUDGET, MAX_LENGTH) or repaired(tokens, MAX_LENGTH)):
            headlines[n] = made(text)


def reported_clause(tokens: Sequence[Token]) -> str:
    """The clause the sentence's main verb reports, with that verb's subject for its own ("" when none)."""
    from digest.headline_subject import main_verb, subject_of

    if not tokens:
        return ""
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    subject = subject_of(sentence, verb) if verb is not None else None
    if subject is None or tokens[verb].lemma not in _REPORTING or tokens[subject].pos not in ("NOUN", "PROPN") \
            or sum(tokens[c].dep in ("nsubj", "nsubj:pass") for c in [*sentence.children[verb], *sentence.children[subject]]) > 1:
        return ""  # a misparse: two subjects, or a subject with its own ("Les enquêteurs …, chargés de l'affaire, ont indiqué")
    written = " ".join(_words(tokens, sorted(_subject_words(sentence, subject))))
    plural = "Number=Plur" in tokens[subject].morph or any(
        tokens[c].dep == "conj" or tokens[c].dep == "nmod" and tokens[subject].lemma in _QUANTITIES and "Number=Plur" in tokens[c].morph
        for c in sentence.children[subject])
    for clause in sentence.children[verb]:
        own = [c for c in sentence.children[clause] if c < clause]
        words = sorted(sentence.subtree(clause))
        if tokens[clause].dep == "ccomp" and tokens[clause].pos in ("VERB", "AUX"):
            pronoun = next((c for c in own if tokens[c].dep in ("nsubj", "nsubj:pass")), None)
            marks = [c for c in own if tokens[c].dep == "mark" or tokens[c].text.lower() in ("que", "qu'", "qu’")]  # "qu'" read as a pronoun
            if pronoun is not None and _PRONOUNS.get(tokens[pronoun].text.lower()) in _agreeing(sentence, subject, plural) and marks:
                kept = [i for i in words if i not in marks and i != pronoun and i > max(marks)]
                return f"{written} {' '.join(_words(tokens, kept))}"
        # "a décidé de ne pas se représenter": "va ne pas" is no French
        if tokens[clause].dep == "xcomp" and "VerbForm=Inf" in tokens[clause].morph and tokens[verb].lemma in _DECIDING \
                and any(tokens[c].dep == "mark" and tokens[c].lemma == "de" for c in own) \
                and not any("Polarity=Neg" in tokens[c].morph or tokens[c].text.lower() in ("ne", "n'", "n’") for c in own):
            kept = [i for i in words if i >= clause or tokens[i].head == clause and tokens[i].dep != "mark"]
            return f"{written} {'vont' if plural else 'va'} {' '.join(_words(tokens, kept))}"
    return ""


def _agreeing(sentence: Sentence, subject: int, plural: bool) -> set[tuple[str, bool]]:
    """The (gender, plural) of the pronouns that can stand for ``subject``: its determiner's gender first, the
    parser's gender of a noun being often wrong ("La ministre" read masculine); both when neither tells."""
    tokens = sentence.tokens
    determiners = [tokens[c].morph for c in sentence.children[subject] if tokens[c].dep == "det"]
    genders = [g for morph in [*determiners, tokens[subject].morph] for g in ("Masc", "Fem") if f"Gender={g}" in morph]
    if tokens[subject].lemma in _QUANTITIES:  # "une centaine d'élèves …, ils": the people counted say the gender
        genders = []
    return {(gender, plural) for gender in (genders[:1] or ["Masc", "Fem"])}


def _subject_words(sentence: Sentence, subject: int) -> set[int]:
    from digest.headline_subject import clean_subject

    return {i for i in clean_subject(sentence, subject) if sentence.tokens[i].pos != "PUNCT"}


def _words(tokens: Sequence[Token], kept: list[int]) -> list[str]:
    """The words of ``kept`` as written, those written as one ("l'", "Saint-Étienne") glued again."""
    words: list[str] = []
    for n, i in enumerate(kept):
        if n and kept[n - 1] == i - 1 and not tokens[i - 1].space:
            words[-1] += tokens[i].text
        else:
            words.append(tokens[i].text)
    return [word for word in words if word]
