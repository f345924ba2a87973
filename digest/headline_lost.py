"""What a candidate loses of the news while keeping a word that needed it (pure functions), round 13's blind
reader's faults:

- a title kept as the subject, the person's name the lede gives with it dropped ("Le parolier et acteur de
  théâtre s'éteint" of "Le parolier et acteur de théâtre, de cinéma et de télévision Roger Dumas s'est éteint"):
  the name is the news, the title only says who that is;
- a passive's participle ending the headline bare while the lede says where or by whom ("Un fort séisme de
  magnitude 7 sur l'échelle du moment enregistré" of "… a été enregistré dans les îles Vanuatu"): a desk drops
  the measure's complement, never the place.
"""

from __future__ import annotations

from digest.headline_apposition import name_in_apposition
from digest.headline_parse import as_written
from digest.headline_sentence import Sentence
from digest.headline_subject import clean_subject, name_before_verb, name_in_subject, subject_of, with_adjacent_name

# What a passive's participle may have after it that a headline may drop: an attribution ("selon l'institut").
_ATTRIBUTION = {"selon", "d'après", "d’après"}
_OF = {"de", "du", "d'", "d’"}


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


def bare_passive_end(sentence: Sentence, kept: set[int], replaced: dict[int, str], verb: int) -> str | None:
    """The headline ends on the main verb's passive participle (its auxiliary dropped, not rewritten as a noun)
    while the lede says after it where (a place the NER finds) or by whom: "enregistré [dans les îles Vanuatu]".
    Not for a manner or a means ("arrêtés [sans raison]", "initiée [avec le lancement…]")."""
    tokens = sentence.tokens
    last = max((i for i in kept if tokens[i].pos != "PUNCT"), default=verb)
    passive = any(tokens[c].dep == "aux:pass" for c in sentence.children[verb])
    if last != verb or verb in replaced or not passive or any(tokens[c].dep.startswith("aux") and c in kept for c in sentence.children[verb]):
        return None
    for child in sentence.children[verb]:
        if child < verb or not tokens[child].dep.startswith("obl") or sentence.is_time(child):
            continue
        marker = {tokens[c].text.lower() for c in sentence.children[child] if tokens[c].dep == "case"}
        place = any(tokens[i].entity == "LOC" for i in sentence.subtree(child)) and not marker & _ATTRIBUTION
        if place or tokens[child].dep == "obl:agent" or "par" in marker:
            return f"ends on « {tokens[verb].text} », its « {tokens[child].text} » dropped"
    return None


def measure_scales(sentence: Sentence) -> set[int]:
    """The scale a number is read on, right after it ("magnitude 7 [sur l'échelle du moment]", "force 4 [sur
    l'échelle de Beaufort]"): a desk drops it before the place or anything of the news. Its end is read on the
    words, the parser hanging its adjective and its "de" elsewhere ("sur l'échelle ouverte de Richter")."""
    tokens = sentence.tokens
    scales: set[int] = set()
    for i, token in enumerate(tokens[2:], start=2):
        if token.text.lower() == "sur" and tokens[i - 1].pos == "NUM" and tokens[token.head].lemma.lower() == "échelle":
            end = max(sentence.subtree(token.head)) + 1
            while end < len(tokens) and (tokens[end].pos == "ADJ" or tokens[end].pos == "PROPN" and tokens[end - 1].text.lower() in _OF
                                         or tokens[end].text.lower() in _OF and end + 1 < len(tokens) and tokens[end + 1].pos == "PROPN"):
                end += 1
            scales |= set(range(i, end))
    return scales


# Where an organisation or a person says something, not who says it: "Le compte Twitter de la présidence",
# "un communiqué du ministère", "le site internet du gouvernement".
_CHANNELS = {"compte", "communiqué", "site", "page", "blog", "fil"}


def channel_owner(sentence: Sentence, subject: int) -> tuple[set[int], dict[int, str]] | None:
    """The owner of a channel the lede makes the subject ("Le compte Twitter [de] la présidence du Burundi a
    annoncé"), as the subject a desk writes ("La présidence du Burundi annonce"), with "du" written "le"; None
    for another subject or an owner a desk cannot say alone (plural "des", "de presse")."""
    tokens = sentence.tokens
    if tokens[subject].lemma.lower() not in _CHANNELS:
        return None
    for owner in sentence.children[subject]:
        cases = [c for c in sentence.children[owner] if tokens[c].dep == "case"]
        if tokens[owner].dep != "nmod" or len(cases) != 1 or tokens[cases[0]].text.lower() not in _OF:
            continue
        article = any(tokens[c].dep == "det" for c in sentence.children[owner])
        if tokens[cases[0]].text.lower() == "du":
            return sentence.subtree(owner), {cases[0]: "le"}
        if article or tokens[owner].pos == "PROPN":
            return sentence.subtree(owner) - {cases[0]}, {}
    return None


def channel_phrases(sentence: Sentence, verb: int) -> set[int]:
    """Where the verb's speaker said it ("a annoncé [sur son compte Twitter] sa volonté de…", "[dans un
    communiqué]"): a desk drops it before anything of what was said."""
    tokens = sentence.tokens
    return set().union(*(sentence.subtree(c) for c in sentence.children[verb] if tokens[c].dep.startswith("obl")
                         and tokens[c].lemma.lower() in _CHANNELS and any(tokens[j].dep == "case" for j in sentence.children[c])))


def set_aside(sentence: Sentence, verb: int) -> set[int]:
    """What a desk leaves out of every candidate: the scale a magnitude is read on, where the speaker said it."""
    return measure_scales(sentence) | channel_phrases(sentence, verb)
