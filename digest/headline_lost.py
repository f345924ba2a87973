"""What a candidate loses of the news while keeping a word that needed it (pure functions), round 13's blind
reader's fault: a title kept as the subject, the person's name the lede gives with it dropped ("Le parolier et
acteur de théâtre s'éteint" of "Le parolier et acteur de théâtre, de cinéma et de télévision Roger Dumas s'est
éteint"): the name is the news, the title only says who that is."""

from __future__ import annotations

from digest.headline_apposition import name_in_apposition
from digest.headline_parse import as_written
from digest.headline_sentence import Sentence
from digest.headline_subject import clean_subject, name_before_verb, name_in_subject, subject_of, with_adjacent_name


def title_without_its_name(sentence: Sentence, kept: set[int], verb: int) -> str | None:
    """The verb's subject is a title (a common noun, singular) kept while the person's name the lede gives it went:
    the name its title introduces, set off after it or right before the verb, as the subject's reading finds it
    (not "le cortège de l'ancien président X": a complement's name)."""
    tokens = sentence.tokens
    subject = subject_of(sentence, verb)
    if subject is None or subject not in kept or tokens[subject].pos != "NOUN" or "Number=Plur" in tokens[subject].morph:
        return None
    subject_tokens = with_adjacent_name(sentence, clean_subject(sentence, subject))
    name = name_in_subject(sentence, subject_tokens) or name_in_apposition(sentence, subject) \
        or name_before_verb(sentence, subject, subject_tokens, verb)
    if not name or any(tokens[i].entity != "PER" for i in name) or set(name) & kept:
        return None
    return f"« {tokens[subject].text} » kept without its name « {as_written([tokens[i] for i in name])} »"
