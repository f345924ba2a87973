"""Headline candidates made from a parsed sentence by dropping whole constituents, least newsworthy
first, and scored on what they keep: named entities (the first place most), numbers, the words that
carry meaning (pure functions). What may go is ``_droppable``: never a word from inside a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.headline_check import NEGATIONS, complete, movable, stranded
from digest.headline_kind import KIND_COST, names_a_kind
from digest.headline_news import NEWS_LEMMAS
from digest.headline_parse import Token
from digest.headline_strict import reader_fault
from digest.headline_subject import second_actor
from digest.headline_sentence import CLOCK, VOWEL_START, Sentence, has_relative_day

MIN_LENGTH = 20
# Pronouns that elide before a vowel ("s'inclinent"; not before an h, often aspirated: "se heurtent").
_ELIDING = {"se", "ne", "me", "te"}
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
_ELIDED = {"s'": "se", "l'": "le", "n'": "ne", "d'": "de", "qu'": "que", "j'": "je", "m'": "me", "t'": "te"}


@dataclass(frozen=True)
class Candidate:
    text: str
    score: float
    kept: frozenset[int] = frozenset()  # the sentence's tokens it is made of (the verb maybe in another tense)
    whole: bool = False  # the clause with nothing dropped but its one-word adverbs (and what the page says: when)


_CORE = {"obj", "xcomp", "ccomp", "obl:arg", "iobj", "nsubj", "nsubj:pass", "mark", "cop", "aux:tense", "aux:pass",
         "expl:comp", "expl:pass", "expl:subj", "case", "det", "fixed", "flat:name", "flat:foreign", "compound"}
# What a candidate may go without, by what it depends on. A clause loses its adjuncts (where, how,
# why, by whom, a second clause); a noun phrase only its relative and participial clauses,
# appositions, incises, further coordinates and the complements that say where or about what ("sur
# l'échelle de Richter", "en Suède"): never its adjective, number or "de" complement ("réélu dès le
# premier tour", "le nombre de personnes inscrites"), without which it says something else.
_CLAUSE_OPTIONAL = {"obl:mod", "obl", "advcl", "advmod", "obl:agent", "conj", "dep", "nmod", "parataxis", "appos"}
_PHRASE_OPTIONAL = {"acl", "acl:relcl", "appos", "conj", "parataxis"}
_OF = {"de", "d'", "d’", "du", "des"}
# Adverbs that tie the sentence to what the reader was told before or say when: nothing a headline needs.
_CONNECTIVES = frozenset("également aussi encore désormais maintenant finalement ainsi alors donc enfin cependant pourtant "
                         "toutefois officiellement actuellement présentement récemment dernièrement".split())
_HEDGES = frozenset("probablement vraisemblablement apparemment peut-être possiblement présumément".split())
_TOLL_NOUNS = {"mort", "personne", "blessé", "victime", "tué", "civil", "soldat", "policier", "passager"}


def _protected(sentence: Sentence, verb: int, subject_tokens: set[int], kept: set[int]) -> set[int]:
    """What every candidate keeps: the subject, the verb, and the core of what it needs (its
    object or complement clause and, in a clause, that clause's own core)."""
    # the subject's head, its article and its name; its other modifiers may go ("Une nouvelle tentative d'attaque")
    protected = {verb}
    todo = [verb, *(i for i in subject_tokens if sentence.tokens[i].head not in subject_tokens or sentence.tokens[i].head == i)]
    protected |= set(todo)
    subject_core = [i for i in todo if i != verb]
    while subject_core:
        for child in sentence.children[subject_core.pop()]:
            token = sentence.tokens[child]
            if child in subject_tokens and child not in protected and (
                    token.dep in ("flat:name", "flat:foreign", "fixed", "det", "case", "nummod", "compound")
                    or token.entity == "PER" or _second_name(sentence, child)):
                protected.add(child)
                subject_core.append(child)
    while todo:
        head = todo.pop()
        for child in sentence.children[head]:
            token = sentence.tokens[child]
            if child not in kept or child in protected:
                continue
            # negations, and "au moins" before a number, go with what they modify
            negation = token.text.lower().rstrip("'’") in NEGATIONS | {"ne", "n"}
            # "appelle les alliés à donner…": an infinitive after à/de completes the verb's object
            infinitive = token.dep == "acl" and token.pos == "VERB" and head != verb and sentence.tokens[head].head == verb and any(
                sentence.tokens[c].dep == "mark" and sentence.tokens[c].text.lower() in ("à", "de", "d'") for c in sentence.children[child])
            # "au moins 4", "la plus virulente": an adverb of a number or an adjective goes with it
            degree = token.dep == "advmod" and sentence.tokens[head].pos in ("NUM", "NOUN", "ADJ")
            # what the verb says in quotation marks is the news: "a dit « oui »"
            quoted = head == verb and child in sentence.quote_of
            if token.dep in _CORE and not _misread_mark(token) and not _second_object(sentence, child) \
                    or negation or infinitive or degree or quoted:
                protected.add(child)
                todo.append(child)
    return protected


def _second_name(sentence: Sentence, i: int) -> bool:
    """"(Nîmes) et Montpellier", "(Nicolas Sarkozy) et son épouse Carla Bruni": a second one the verb
    agrees with, and its "et"."""
    token = sentence.tokens[i]
    if token.dep == "cc":
        return _second_name(sentence, token.head)
    return second_actor(sentence, i)


def _optional_heads(sentence: Sentence, kept: set[int], protected: set[int]) -> list[int]:
    """Constituents of the kept clause a candidate may go without."""
    return [i for i in sorted(kept) if i not in protected and sentence.tokens[i].head in kept and _droppable(sentence, i)]


def _droppable(sentence: Sentence, i: int) -> bool:
    """Whether the subtree of ``i`` is a whole constituent its head can go without."""
    token = sentence.tokens[i]
    if token.head == i or token.pos == "AUX":
        return False  # "Wikinews vous fait vivre": an auxiliary however it was parsed
    if is_negation(sentence, i) or token.text.lower() in _HEDGES:
        return False  # "il n'a pas été blessé" says the reverse without "pas"; "probablement déjoué" asserts without it
    if _misread_mark(token) or _second_object(sentence, i):
        return True
    if sentence.is_time(i):
        return True
    if token.entity and token.entity == sentence.tokens[token.head].entity and abs(i - token.head) == 1:
        return False  # a word of the name its head begins: "Le Canard enchaîné"
    if token.dep == "conj" and any(sentence.tokens[c].text.lower() == "entre" for c in sentence.children[token.head]):
        return False  # "entre Massy et Verrières-le-Buisson"
    if sentence.tokens[token.head].pos in ("VERB", "AUX"):
        return token.dep in _CLAUSE_OPTIONAL
    if sentence.is_clause(token.head) and token.dep in _CLAUSE_OPTIONAL - {"nmod", "appos"}:
        return True  # "(est) mort samedi à l'âge de 91 ans", "(a nettement) ralenti" read as an adjective
    if token.dep == "advcl" and sentence.tokens[token.head].pos == "ADJ":
        return True  # "(titre olympique consécutif) en battant l'Italie", hung on the adjective
    if sentence.tokens[token.head].pos not in ("NOUN", "PROPN"):
        return False  # "une ou plusieurs personnes", "4 x 100 mètres": a determiner's or number's part
    if token.dep in _PHRASE_OPTIONAL:
        return True
    if token.dep == "amod" and _describes(sentence, i):
        return True
    first = min(sentence.subtree(i))
    if (token.dep in ("nmod", "amod") or _focus_adverb(sentence, i)) and first > 0 and sentence.tokens[first - 1].text in (",", "(") \
            and first - 1 not in sentence.quote_of:
        return True  # an incise: ", candidate favorable à l'indépendance,", ", âgé de 15 ans,"
    opening = sentence.tokens[first]  # "à Paris", "sur l'échelle de Richter", "au-dessus de la mer"
    return token.dep == "nmod" and opening.pos in ("ADP", "ADV") and opening.text.lower() not in _OF


def _focus_adverb(sentence: Sentence, i: int) -> bool:
    """"en particulier", "notamment": an adverb that singles out what follows it (an incise of its own)."""
    token = sentence.tokens[i]
    return token.dep == "advmod" and (token.lemma.lower() in ("notamment", "surtout", "principalement", "essentiellement")
                                      or any(sentence.tokens[c].dep == "fixed" for c in sentence.children[i]))


def _misread_mark(token) -> bool:
    """A participle the parser read as a subordinator ("Six militaires … faisant alors partie de
    l'Opération Sentinelle ont été renversés"): a clause that describes, not one the verb needs."""
    return token.dep == "mark" and token.pos == "VERB"


def _second_object(sentence: Sentence, i: int) -> bool:
    """An object after a comma, or a clause after a colon, beside a first object of the same verb: an
    apposition the parser hung on the verb ("a fêté son anniversaire … dans la vallée de Marathon, une
    brèche est-ouest…", "a annoncé sa volonté de renforcer la capacité nucléaire : « les Etats-Unis doivent… »")."""
    token = sentence.tokens[i]
    start = min(sentence.subtree(i))
    before = sentence.tokens[start - 1].text if start > 0 else ""
    before = sentence.tokens[start - 2].text if before in ("«", "“") and start > 1 else before
    return (token.dep == "obj" and before == "," or token.dep == "ccomp" and before == ":") and any(
        sentence.tokens[c].dep == "obj" and c < i for c in sentence.children[token.head])


def is_negation(sentence: Sentence, i: int) -> bool:
    """Whether ``i`` is a word of a negation: "ne", or "pas", "jamais", "plus"… beside a "ne"."""
    word = sentence.tokens[i].text.lower().rstrip("'’")
    if word in ("ne", "n"):
        return True
    return word in NEGATIONS and any(sentence.tokens[c].text.lower().rstrip("'’") in ("ne", "n")
                                      for c in sentence.children[sentence.tokens[i].head])


def _describes(sentence: Sentence, i: int) -> bool:
    """An adjective after its noun that only describes it ("les alliés occidentaux"), with its adverbs:
    not an ordinal, the noun with its article (not "prêter main forte", "le premier tour")."""
    token, head = sentence.tokens[i], sentence.tokens[i].head
    degree = sentence.subtree(i) - {i}  # "tout à fait (inhabituelle)" goes with it
    return (token.pos == "ADJ" and i > head and "NumType=Ord" not in token.morph
            and sentence.tokens[head].pos != "PROPN" and not sentence.tokens[head].entity  # "Le Canard enchaîné"
            and not (i > 1 and sentence.tokens[i - 1].text[:1].isupper())  # "le groupe État islamique": a name's end
            and all(sentence.tokens[j].dep in ("advmod", "fixed") for j in degree)
            and not token.entity and any(sentence.tokens[c].dep == "det" for c in sentence.children[head]))


def _gap_in_subject(sentence: Sentence, state: set[int], start: set[int], subject_tokens: set[int]) -> bool:
    """Whether a word went from between two words of the subject: "Le nombre de personnes [inscrites à
    Pôle] Emploi" (a subject the parser made of two pieces, whose constituents are not the phrase's)."""
    kept = sorted(state & subject_tokens)
    return any(j in start and j not in state and sentence.tokens[j].pos != "PUNCT"
               for a, b in zip(kept, kept[1:]) for j in range(a + 1, b))


def splits_a_span(sentence: Sentence, kept: set[int], start: set[int]) -> bool:
    """Whether ``kept`` has part of a word ("Bâton" of "Bâton-Rouge", "19" of "19"78") or of a
    locution ("installé de temps" for "installé dans peu de temps") that ``start`` had whole."""
    spans = sentence.glued_words() + sentence.locutions()
    return any(kept & span and not span <= kept for span in sentence.glued_words()) \
        or any(span <= start and kept & span and not span <= kept for span in sentence.locutions()) \
        or any(span & sentence.front and not span <= sentence.front for span in spans)  # "La 14 se déroule e édition"


def _whole_constituents(sentence: Sentence, kept: set[int], start: set[int]) -> bool:
    """Whether ``kept`` is ``start`` less whole droppable constituents (punctuation aside)."""
    return all(
        sentence.tokens[i].head not in kept or "PUNCT" in (sentence.tokens[i].pos, sentence.tokens[i].dep.upper()) or _droppable(sentence, i)
        for i in start - kept
    )


def _value(sentence: Sentence, kept: set[int], verb: int) -> float:
    """What a candidate keeps of the sentence's news: entities, numbers, the words that carry meaning."""
    value = 0.0
    seen_entities = set()
    secondary = _secondary(sentence)
    place = False
    for i in kept:
        token = sentence.tokens[i]
        # what a relative or adverbial clause says is a detail of the news: half as much
        weight = 0.5 if i in secondary else 1.0
        if token.entity and token.pos in ("PROPN", "NOUN", "ADJ", "X"):
            key = token.text.lower()
            if key not in seen_entities:
                seen_entities.add(key)
                value += 3.0 * weight
            # where it happened, when the headline names no other place
            if token.entity == "LOC" and not place and i not in secondary:
                place = True
                value += 2.0
        if token.pos == "NUM" and not CLOCK.match(token.text):
            value += 2.0 * weight
            # the toll of an event is its news: "au moins 12 [morts]", "six [personnes tuées]"
            value += 4.0 * weight if sentence.tokens[token.head].lemma in _TOLL_NOUNS else 0.0
        if token.pos in ("NOUN", "PROPN", "VERB", "ADJ"):
            value += 1.0 * weight
        # what happened (a death, a winner, a verdict) is the news, unless a detail of it says it
        if token.lemma.lower() in NEWS_LEMMAS and i not in secondary:
            value += 3.0
    return value


def _secondary(sentence: Sentence) -> set[int]:
    """The tokens of relative and adverbial clauses."""
    if sentence.secondary is None:
        sentence.secondary = set().union(*(
            sentence.subtree(i) for i, t in enumerate(sentence.tokens) if t.dep in ("acl:relcl", "advcl")))
    return sentence.secondary


def _groups(sentence: Sentence) -> list[set[int]]:
    """Tokens written as one word ("Nouvelle-Zélande", "Ki-Moon"): kept or dropped together."""
    groups: list[set[int]] = []
    for i, token in enumerate(sentence.tokens):
        previous = sentence.tokens[i - 1] if i else None
        glued = previous is not None and not previous.space and (token.text.startswith("-") or previous.text.endswith("-"))
        # a name the model found is one ("Bâton Rouge", "Maison Blanche")
        same_name = previous is not None and token.entity in ("PER", "ORG", "LOC") and previous.entity == token.entity \
            and token.pos in ("PROPN", "ADJ") and previous.pos in ("PROPN", "NOUN")
        if glued or same_name:
            groups[-1].add(i)
        else:
            groups.append({i})
    return groups


def generate_candidates(sentence: Sentence, verb: int, subject_tokens: set[int], kept: set[int], replaced: dict[int, str], budget: int):
    protected = _protected(sentence, verb, subject_tokens, kept)
    groups = [g for g in _groups(sentence) if len(g) > 1] + sentence.glued_words() + sentence.locutions()
    current = set(kept)
    seen: set[str] = set()

    def candidate(state: set[int]) -> Candidate | None:
        text = render(sentence, state, replaced)
        if not text or text in seen:
            return None
        seen.add(text)
        # shorter than a headline only when nothing was dropped ("Un chariot explose")
        if (MIN_LENGTH <= len(text) or state == kept) and len(text) <= budget and complete(sentence, state, text, verb, subject_tokens) and not has_relative_day(text) \
                and _whole_constituents(sentence, state, kept) and not splits_a_span(sentence, state, kept) \
                and not _gap_in_subject(sentence, state, kept, subject_tokens) \
                and reader_fault(sentence, state, replaced, finish(text), verb, subject_tokens) is None:
            return Candidate(text, _score(sentence, state, verb, text), frozenset(state), _whole(sentence, state, kept))
        return None

    while True:
        text = render(sentence, current, replaced)
        if found := candidate(current):
            yield found
        options = []
        base = _value(sentence, current, verb)
        for head in _optional_heads(sentence, current, protected):
            removed = _closed_under_quotes(sentence, sentence.subtree(head) & current)
            if removed is None:
                continue
            before = min(removed) - 1
            if before in current and sentence.tokens[before].dep == "punct" and sentence.tokens[before].pos in ("SCONJ", "ADP", "CCONJ"):
                removed.add(before)  # "lorsque" the parser took for punctuation goes with its clause
            for group in groups:
                if group & removed:
                    removed |= group & current
            if removed & protected:
                continue
            saved = sum(len(sentence.tokens[i].text) + sentence.tokens[i].space for i in removed)
            lost = base - _value(sentence, current - removed, verb)
            # adjectives are short and say much, and what describes the subject tells who: the last to go
            lost += (KIND_COST if names_a_kind(sentence.tokens[head]) else 1.5) if sentence.tokens[head].dep == "amod" else 0.0
            lost += 3.0 if head in subject_tokens else 0.0
            # by whom a main participle says is what it needs last ("Six militaires … renversés par une voiture")
            lost += 3.0 if head in sentence.children[verb] and sentence.tokens[head].dep == "obl:agent" else 0.0
            options.append(((lost + 0.5) / (saved + 1), head, removed))
            if len(text) > budget and (found := candidate(current - removed)):
                yield found  # one step aside from the path: "à Stockholm" kept, "en Suède" dropped
        if not options:
            break
        _, _, removed = min(options, key=lambda option: option[:2])
        current = current - removed
    if len(render(sentence, current, replaced)) > budget:
        # Even the shortest rewriting is too long (a long object or clause it needs): it is cut after
        # the last word that ends a constituent within the budget, the verb kept.
        order = sorted(current, key=lambda i: (i not in sentence.front, i))
        for end in range(len(order) - 1, 0, -1):
            prefix = set(order[:end])
            if verb in prefix and (found := candidate(prefix)):
                yield found
                break


def _whole(sentence: Sentence, state: set[int], kept: set[int]) -> bool:
    """Whether ``state`` is the clause ``kept`` with at most its connectives dropped ("également", "désormais")."""
    return all(sentence.tokens[i].pos == "PUNCT" or sentence.tokens[i].text.lower() in _CONNECTIVES for i in kept - state)


def _score(sentence: Sentence, kept: set[int], verb: int, text: str) -> float:
    # What is kept, less a little per character: among candidates keeping the same news, the shorter.
    return _value(sentence, kept, verb) - 0.03 * len(text) - (4.0 if len(text) < 40 else 0.0)


def _closed_under_quotes(sentence: Sentence, removed: set[int]) -> set[int] | None:
    """``removed`` with whole quotations: None when it would cut one."""
    result = set(removed)
    for i in removed:
        if i in sentence.quote_of:
            opening, closing = sentence.quote_of[i]
            inner = set(range(opening + 1, closing))
            if not inner <= removed | {opening, closing}:
                if sentence.tokens[i].text not in ("«", "»", "“", "”"):
                    return None
                continue
            result |= {opening, closing}
    return result


def render(sentence: Sentence, kept: set[int], replaced: dict[int, str]) -> str:
    tokens = sentence.tokens
    commas = sentence.incise_commas(kept)
    order = sorted(kept | commas, key=lambda i: (i not in sentence.front, i))
    # No punctuation but inside quotations, parentheses kept whole, and the commas of a list or an incise.
    words = []
    for i in order:
        text = tokens[i].text
        glued = text == "-" and not tokens[i].space and i and not tokens[i - 1].space
        if text in (",", ";", ":", "–", "—", ".", "...", "…", "-") and i not in sentence.quote_of and not glued and i not in commas:
            continue
        words.append(i)
    # a negation or adverb left between a dropped auxiliary and its verb follows the verb, with its own words
    # ("n'a pas encore signé" -> "ne signe pas encore", "sont directement intervenus" -> "interviennent directement")
    for verb in [i for i in words if i in replaced and tokens[i].pos == "VERB"]:
        if (between := stranded(sentence, set(words), verb)) and movable(sentence, between, verb):
            words = [i for i in words if i not in between]
            words[words.index(verb) + 1:words.index(verb) + 1] = between
    out = ""
    for n, i in enumerate(words):
        text = replaced.get(i, tokens[i].text)
        if n:
            previous = words[n - 1]
            if out.endswith(("'", "’")):
                low = out.rsplit(" ", 1)[-1].lower().replace("’", "'")
                if low in _ELIDED and not VOWEL_START.match(text) and text[:1].isalpha():  # "l'« affaire" stays
                    out = out[: len(out) - len(low)] + _ELIDED[low] + " "
            elif _elides(tokens[previous]) and _VOWEL.match(text) and previous not in sentence.quote_of:
                out = out[:-1] + "'"  # "se sont inclinés" -> "s'inclinent": the auxiliary gone, the pronoun elides
            elif tokens[previous].space or previous + 1 != i:
                out += " "
        out += text
    out = re.sub(r"\(\s+", "(", out)
    out = re.sub(r"\s+\)", ")", out)
    out = re.sub(r"\s+,", ",", out)
    out = re.sub(r"\(\)", "", out)
    return re.sub(r"\s+", " ", out).strip()


def _elides(token: Token) -> bool:
    """A pronoun or "ne" as written, in lowercase: "Me Eric Dupond-Moretti" is a lawyer's title, not "me"."""
    return token.text in _ELIDING and (token.pos == "PRON" or token.text == "ne")


def finish(text: str) -> str:
    text = text.strip().rstrip(".").strip()
    return text[:1].upper() + text[1:]
