"""Words a candidate keeps loose from what gave them their sense (pure functions on the parse of the sentence and
the tokens kept), as a blind reader found them in round 12's headlines: an infinitive without its "pour"
("appelés aux urnes [pour] renouveler un tiers du Sénat"), a number without its noun ("Géza Imre, 41 [ans]"), an
age set after the wrong word ("crée la surprise 22 ans"), a verb without the infinitive it governs ("aura permis
au paléontologue [de déterminer…]"), one place of several ("lors de deux attentats, à Kaboul [et à Kandahar]").
Each returns the reason in a few words, or None; ``between_one`` ("entre" with one term) whether it is so.
"""

from __future__ import annotations

import re

from digest.headline_lost import measure_scales
from digest.headline_sentence import Sentence

# What introduces an infinitive complement: "pour renouveler", "afin de", "à légaliser", "de trouver", "sans".
_INFINITIVE_MARKERS = frozenset(("pour", "à", "de", "d'", "d’", "afin", "sans", "par"))
# Verbs whose news is the infinitive they govern: "permettre à X de", "empêcher X de", "décider de".
NEEDS_INFINITIVE = frozenset((
    "permettre", "empêcher", "interdire", "autoriser", "obliger", "contraindre", "forcer", "inciter", "pousser", "aider",
    "charger", "décider", "demander", "proposer", "tenter", "essayer", "chercher", "refuser", "accepter", "promettre",
    "continuer", "commencer", "cesser", "envisager", "renoncer", "parvenir", "réussir", "appeler", "exhorter"))
_WHERE = frozenset(("à", "en", "au", "aux", "dans"))
_OF = frozenset(("de", "d'", "d’", "à"))
# "…deux attentats, à Kaboul": a place after a comma that follows no place of its own (not "Istanbul, en Turquie").
_PLACE_AFTER_A_COMMA = re.compile(r", (?:à|en|au|aux) (?-i:[A-ZÀ-ÖØ-Þ])[\w’'-]*(?: [\w’'-]+){0,3}$")


def loose_word(sentence: Sentence, kept: set[int], replaced: dict[int, str], verb: int, text: str) -> str | None:
    """What a reader would find loose in the candidate ``text`` made of ``kept`` (see the module), or None."""
    if _PLACE_AFTER_A_COMMA.search(text) and not _place_before_comma(text):
        return "a place after a comma"
    return _infinitive_without_marker(sentence, kept, replaced) or _item_without_its_clause(sentence, kept) or _number_without_noun(sentence, kept) \
        or _age_astray(sentence, kept) or verb_without_its_infinitive(sentence, kept, verb) or _one_place_of_several(sentence, kept)


def _place_before_comma(text: str) -> bool:
    """Whether the word before the last comma is a name ("Las Vegas, au Nevada"): the place says where in it."""
    before = re.split(r"[ '’]", text.rsplit(", ", 1)[0])[-1]
    return before[:1].isupper()


def _infinitive_without_marker(sentence: Sentence, kept: set[int], replaced: dict[int, str]) -> str | None:
    tokens = sentence.tokens
    for i in kept:
        if "VerbForm=Inf" not in tokens[i].morph or i in replaced:
            continue
        before = i - 1  # over its clitics and negation: "pour ne pas le renouveler"
        while before >= 0 and (tokens[before].pos == "PRON" and tokens[before].head == i
                               or tokens[before].text.lower() in ("ne", "n'", "n’", "pas", "plus", "jamais")):
            before -= 1
        if before >= 0 and before not in kept and tokens[before].text.lower() in _INFINITIVE_MARKERS \
                and tokens[before].pos in ("ADP", "SCONJ", "ADV"):
            return f"« {tokens[i].text} » lost « {tokens[before].text} »"
    return None


def _item_without_its_clause(sentence: Sentence, kept: set[int]) -> str | None:
    """"appelés aux urnes [pour renouveler un tiers du Sénat,] l'ensemble de la Chambre": a noun phrase the parser hung
    on a verb (as its adjunct or as a verb joined to it), kept after a comma, where what ends before that comma is a clause dropped (not an incise
    between commas, "a présenté, [après avoir réuni la presse,] le programme"): the next item of its list."""
    tokens = sentence.tokens
    for i in kept:
        on_verb = tokens[i].dep.startswith("obl") or tokens[i].dep == "conj" and tokens[tokens[i].head].pos == "VERB"
        if not on_verb or tokens[i].pos not in ("NOUN", "PROPN"):
            continue
        first = min(j for j in sentence.subtree(i) if tokens[j].pos != "PUNCT")  # the parser hangs the comma on it
        if first < 2 or tokens[first - 1].text != "," or first - 2 in kept or any(tokens[c].dep == "case" for c in sentence.children[i]) or sentence.is_time(i):
            continue
        for verb, token in enumerate(tokens):
            clause = sentence.subtree(verb)
            if token.pos == "VERB" and verb not in kept and first - 2 in clause and i not in clause \
                    and min(clause) > 0 and tokens[min(clause) - 1].text != ",":
                return f"« {tokens[i].text} », an item of what « {token.text} » governed"
    return None


def _number_without_noun(sentence: Sentence, kept: set[int]) -> str | None:
    """"Géza Imre, 41 [ans]": a number kept, the noun it counts after it dropped (not the scale it is read on:
    "magnitude 7 [sur l'échelle du moment]")."""
    tokens = sentence.tokens
    for i in kept:
        if tokens[i].dep == "nummod" and tokens[i].head > i and tokens[i].head not in kept | measure_scales(sentence):
            return f"« {tokens[i].text} » without « {tokens[tokens[i].head].text} »"
    return None


def _age_astray(sentence: Sentence, kept: set[int]) -> str | None:
    """"crée la surprise 22 ans": an age the lede set off by commas after a name, kept without that name."""
    tokens = sentence.tokens
    for i in kept:
        if tokens[i].text.lower() not in ("an", "ans") or not any(tokens[c].pos == "NUM" and c in kept for c in sentence.children[i]):
            continue
        first = min(sentence.subtree(i))
        if any(tokens[c].dep == "case" for c in sentence.children[i]):
            continue  # "condamné à deux ans de prison", "après dix ans": a duration, not an age
        if first >= 2 and tokens[first - 1].text == "," and first - 2 not in kept:
            return f"the age « {tokens[i].text} » set after another word"
    return None


def verb_without_its_infinitive(sentence: Sentence, kept: set[int], verb: int) -> str | None:
    """"aura permis au paléontologue Kenshu Shimada [de déterminer…]": a verb whose news is the infinitive after it
    ("de", "à"), however the parser hung it, kept without it."""
    tokens = sentence.tokens
    if tokens[verb].lemma not in NEEDS_INFINITIVE:
        return None
    for i in range(verb + 1, len(tokens)):
        if "VerbForm=Fin" in tokens[i].morph or tokens[i].pos == "SCONJ":
            return None  # another clause begins before any infinitive
        if "VerbForm=Inf" in tokens[i].morph and any(tokens[c].dep == "mark" and tokens[c].text.lower() in _OF for c in sentence.children[i]):
            return None if i in kept else f"« {tokens[verb].text} » lost its infinitive « {tokens[i].text} »"
    return None


def _one_place_of_several(sentence: Sentence, kept: set[int]) -> str | None:
    """"lors de deux attentats à Kaboul [et à Kandahar]": a place kept, the places joined to it dropped, which
    says the news happened only there."""
    tokens = sentence.tokens
    for i in kept:
        if tokens[i].entity != "LOC" or not tokens[i].dep.startswith(("obl", "nmod")) or not _placed(sentence, i) \
                or any(tokens[c].entity == "PER" for c in sentence.children[i]):
            continue  # "à l'Américano-Britannique Oliver Hart": a person, whatever the entity says
        # joined by "et", "ou" (not "Kalkar, en Allemagne", where the second says where the first is)
        if any(c > i and c not in kept and tokens[c].dep == "conj" and _joined_place(sentence, c) for c in sentence.children[i]):
            return f"« {tokens[i].text} », one place of several"
    return None


def _placed(sentence: Sentence, i: int) -> bool:
    """Whether ``i`` says where, with its own preposition ("à Kaboul", "dans le sud du pays"; not "le Finlandais")."""
    return any(sentence.tokens[c].dep == "case" and sentence.tokens[c].text.lower() in _WHERE for c in sentence.children[i])


def _joined_place(sentence: Sentence, i: int) -> bool:
    """Whether ``i`` is a place joined by "et", "ou" right before its preposition ("et à Kandahar", "et dans le sud
    du pays"; not "et ont comme à l'accoutumée", a verb the parser hung there)."""
    tokens = sentence.tokens
    return any(tokens[c].dep == "cc" and c + 1 < len(tokens) and tokens[c + 1].dep == "case" and tokens[c + 1].head == i
               and tokens[c + 1].text.lower() in _WHERE for c in sentence.children[i])


def between_one(sentence: Sentence, kept: set[int], verb: int) -> bool:
    """"entre" and one singular noun, the second term dropped (the parser often hangs it on a nearer noun); an "et"
    after the verb joins something else ("fait un mort et deux blessés")."""
    return any(sentence.tokens[i].text.lower() == "entre" and sentence.tokens[i].dep == "case"
               and "Number=Sing" in sentence.tokens[sentence.tokens[i].head].morph
               and not any(sentence.tokens[k].text.lower() in ("et", "ou") and (k < verb or i > verb) for k in kept if k > i)
               for i in kept)
