"""Headline candidates rewritten from the parse of a lede's first sentence (pure functions).

A French desk's headline: the subject simplified (the name rather than the title: "Mark Rutte" for
"Le secrétaire général de l'Otan Mark Rutte"), the main verb in the present tense agreeing with it
("a appelé" -> "appelle"), the passive without its auxiliary ("Trois soldats tués"), deaths in the
nominal form ("Mort de France Gall"), what the verb needs, and none of what the page says already:
when (its date), where/when openers, relative clauses and incises. Candidates are made by dropping
whole constituents, least newsworthy first, and scored on what they keep of the sentence: its named
entities, its main verb and object, its numbers. ``rewrite`` returns None when no candidate is good
enough: the caller falls back to cutting the lede (digest/headline.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.conjugate import present_third
from digest.headline_parse import Token

BUDGET = 80
MIN_LENGTH = 20

_DAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
_MONTHS = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
}
# Heads of phrases that only say when: the page's date says it already.
_TIME_WORDS = _DAYS | _MONTHS | {
    "hier", "aujourd'hui", "demain", "avant-hier", "matin", "soir", "soirée", "nuit", "après-midi", "matinée",
    "week-end", "veille", "lendemain", "heure", "h", "utc", "midi", "minuit", "dernièrement", "récemment",
}
_RELATIVE_TIME = re.compile(
    r"\b(?:hier|aujourd'hui|demain|ce matin|ce soir|cette nuit|cet après-midi|" + "|".join(sorted(_DAYS)) + r")\b",
    re.IGNORECASE,
)
# A clock time or a year: "19h00", "20 h 30", "2016".
_CLOCK = re.compile(r"^\d{1,2}(?:h\d{0,2}|:\d\d)$|^(?:1[89]|20)\d\d$", re.IGNORECASE)
_NEGATIONS = {"pas", "plus", "jamais", "rien", "guère", "point"}
_DANGLING = frozenset(
    "le la les l un une des du de d au aux à a et ou en par pour sur dans avec sans son sa ses leur leurs "
    "ce cet cette ces qui que qu dont où mais ni car se s ne n y très plus moins comme lors dont "
    "est sont était été être avoir ont suite cours sein cas raison près face auprès afin hauteur lieu fin début "
    "notamment également aussi encore".split()
)
_SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
_KEPT_WITH_VERB = {"aux:tense", "aux:pass", "aux:caus", "cop", "expl:comp", "expl:pass", "expl:subj", "iobj"}
# Dependents dropped from every candidate: said by the page or a detail of a detail.
_ALWAYS_DROPPED = {"parataxis", "dislocated", "vocative", "discourse", "reparandum"}
_DEATH_VERBS = {"mourir", "décéder"}
# Verbs whose compound past takes "être" without being passive ("sont descendus" -> "descendent").
_ETRE_VERBS = {
    "aller", "venir", "arriver", "partir", "descendre", "monter", "entrer", "rentrer", "sortir", "naître", "mourir",
    "décéder", "tomber", "rester", "retourner", "devenir", "revenir", "parvenir", "intervenir", "survenir", "passer",
    "redevenir", "repartir", "ressortir", "remonter", "redescendre", "apparaître", "advenir", "provenir",
}
_VOWEL_START = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœæh]", re.IGNORECASE)
_ELIDED = {"s'": "se", "l'": "le", "n'": "ne", "d'": "de", "qu'": "que", "j'": "je", "m'": "me", "t'": "te"}


def _features(token: Token) -> dict[str, str]:
    return dict(part.split("=", 1) for part in token.morph.split("|") if "=" in part)


@dataclass
class _Sentence:
    tokens: Sequence[Token]

    def __post_init__(self):
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, token in enumerate(self.tokens):
            if token.head != i:
                self.children[token.head].append(i)
        self.quote_of = self._quotes()

    def subtree(self, i: int) -> set[int]:
        found, todo = set(), [i]
        while todo:
            j = todo.pop()
            if j not in found:
                found.add(j)
                todo.extend(self.children[j])
        return found

    def _quotes(self) -> dict[int, tuple[int, int]]:
        """The « » span (opening, closing index) each token is inside of, the marks included."""
        spans: dict[int, tuple[int, int]] = {}
        opening = None
        for i, token in enumerate(self.tokens):
            if token.text in ("«", "“") and opening is None:
                opening = i
            elif token.text in ("»", "”") and opening is not None:
                for j in range(opening, i + 1):
                    spans[j] = (opening, i)
                opening = None
        return spans

    def is_time(self, i: int) -> bool:
        """Whether the phrase headed by ``i`` only says when ("vendredi", "ce matin", "le 2 décembre", "en 2016")."""
        token = self.tokens[i]
        words = [self.tokens[j] for j in sorted(self.subtree(i))]
        if len(words) > 7:
            return False
        if token.lemma.lower() in _TIME_WORDS or token.text.lower() in _TIME_WORDS or _CLOCK.match(token.text):
            return True
        return any(w.text.lower() in _MONTHS or w.text.lower() in _DAYS for w in words) and not any(
            w.entity for w in words
        )


@dataclass(frozen=True)
class Candidate:
    text: str
    score: float


def _verb_of(sentence: _Sentence) -> int | None:
    # The parser may split a sentence in two ("La sonde japonaise" | "Akatsuki a envoyé…"): the
    # first root that is a verb, or a noun or adjective with a copula, is the main clause.
    for root, token in enumerate(sentence.tokens):
        if token.dep != "ROOT":
            continue
        if token.pos in ("VERB", "AUX") or any(sentence.tokens[c].dep == "cop" for c in sentence.children[root]):
            return root
    return None


def _subject_of(sentence: _Sentence, verb: int) -> int | None:
    for child in sentence.children[verb]:
        if sentence.tokens[child].dep in _SUBJECT_DEPS:
            return child
    # A subject the parser took for a modifier ("Edmonton, la capitale de l'Alberta, est devenue"):
    # a bare noun phrase before the verb that does not say when.
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if (child < verb and token.pos in ("PROPN", "NOUN") and token.dep in ("obl:mod", "nmod", "dep", "obl")
                and not any(sentence.tokens[c].dep == "case" for c in sentence.children[child])
                and not sentence.is_time(child)):
            return child
    return None


def _name_in_subject(sentence: _Sentence, kept: set[int]) -> list[int] | None:
    """The proper name a title introduces ("Le secrétaire général de l'Otan Mark Rutte" -> Mark Rutte):
    the last run of proper nouns of the subject, without a first word that an article introduces
    ("l'Otan"), when something comes before it."""
    order = sorted(kept)
    tokens = sentence.tokens
    run: list[int] = []
    for i in reversed(order):
        glued = run and not tokens[i].space and not tokens[i].text.endswith(("'", "’"))
        if tokens[i].pos == "PROPN" or tokens[i].dep == "flat:name" or tokens[i].entity == "PER" or glued:
            run.insert(0, i)
        elif run or tokens[i].pos == "PUNCT":
            if run:
                break
        else:
            return None  # the subject ends on something else than a name: no title + name
    if not run or run[0] == order[0]:
        return None
    before = run[0] - 1
    if len(run) > 2 and tokens[before].pos == "DET":
        run = run[1:]  # "l'Otan Mark Rutte": the organisation, then the person
    elif tokens[before].pos in ("DET", "ADP"):
        return None  # "le Parti socialiste", "de la France": no name in apposition
    return run if len(run) >= 1 else None


def _clean_subject(sentence: _Sentence, subject: int) -> set[int]:
    """The subject without its incises, relative clauses and what follows a first comma."""
    kept = set()
    stop = None
    tree = sorted(sentence.subtree(subject))
    # "Avant l'aube, des attentats…": what comes before a comma ahead of the subject's head is an opener
    commas = [i for i in tree if i < subject and sentence.tokens[i].text == "," and i not in sentence.quote_of]
    if commas:
        tree = [i for i in tree if i > commas[-1]]
    for i in tree:
        token = sentence.tokens[i]
        if token.text in (",", "(", "–", "—") and i > subject and i not in sentence.quote_of:
            stop = i
            break
        kept.add(i)
    if stop is not None:
        kept = {i for i in kept if i < stop}
    for i in list(kept):
        if i in kept and i != subject and sentence.tokens[i].dep in ("acl:relcl", "acl", "parataxis"):
            kept -= sentence.subtree(i)
    # a fragment the parser left as a root of its own right before the subject belongs to it
    start = min(kept)
    for root, token in enumerate(sentence.tokens):
        if token.dep == "ROOT" and root < start:
            fragment = sentence.subtree(root)
            if max(fragment) == start - 1 and all(sentence.tokens[i].pos != "PUNCT" for i in fragment):
                kept |= fragment
    return kept


def _is_pronoun_subject(sentence: _Sentence, subject_tokens: set[int]) -> bool:
    tokens = [sentence.tokens[i] for i in sorted(subject_tokens)]
    return all(t.pos in ("PRON", "DET", "PUNCT") for t in tokens)


def rewrite(tokens: Sequence[Token], budget: int = BUDGET) -> str | None:
    """The best headline candidate within ``budget`` characters, or None when none is good enough."""
    if not tokens:
        return None
    sentence = _Sentence(tokens)
    verb = _verb_of(sentence)
    if verb is None:
        return None
    subject = _subject_of(sentence, verb)
    if subject is None:
        return None
    subject_tokens = _clean_subject(sentence, subject)
    if _is_pronoun_subject(sentence, subject_tokens):
        return None  # "Il a…", "Celui qui…", "C'est… qui": nothing to name
    name = _name_in_subject(sentence, subject_tokens)

    if sentence.tokens[verb].lemma in _DEATH_VERBS and _has_aux(sentence, verb) and name is not None or (
        sentence.tokens[verb].lemma in _DEATH_VERBS and _is_name(sentence, subject_tokens)
    ):
        who = _render(sentence, set(name) if name else subject_tokens, {})
        return _finish(f"Mort de {who}")

    # The subject as written when it is short ("Le président Macron"), else the name its title introduces.
    subjects = [set(name)] if name else []
    if not name or len(_render(sentence, subject_tokens, {})) <= 30:
        subjects.append(subject_tokens)
    candidates = []
    for simplified in subjects:
        kept, replaced = _predicate(sentence, verb, subject, simplified)
        if kept is not None:
            candidates += _candidates(sentence, verb, simplified, kept, replaced, budget)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return _finish(best.text)


def _has_aux(sentence: _Sentence, verb: int) -> bool:
    return any(sentence.tokens[c].dep == "aux:tense" for c in sentence.children[verb])


def _is_name(sentence: _Sentence, kept: set[int]) -> bool:
    return any(sentence.tokens[i].entity == "PER" for i in kept)


def _predicate(sentence: _Sentence, verb: int, subject: int, subject_tokens: set[int]):
    """Tokens of the main clause kept in every candidate's starting point, and the words replaced
    (the verb put in the present, its auxiliaries dropped). None when the tense cannot be made present."""
    tokens = sentence.tokens
    kept: set[int] = set(subject_tokens)
    replaced: dict[int, str] = {}
    start_of_subject = min(subject_tokens | {subject})
    for child in sentence.children[verb]:
        dep = tokens[child].dep
        if child == subject or dep == "punct" and child < start_of_subject:
            continue
        if dep in _ALWAYS_DROPPED:
            continue
        if child < start_of_subject and dep not in _KEPT_WITH_VERB and not tokens[child].pos == "PRON":
            continue  # fronted where/when/why: "Selon X,", "Après avoir…,", "Jeudi soir,"
        if sentence.is_time(child):
            continue
        tree = sentence.subtree(child)
        if max(subject_tokens) < child < verb and min(tree) > 0 and sentence.tokens[min(tree) - 1].text == "," and dep not in _KEPT_WITH_VERB:
            continue  # an incise between the subject and the verb: ", en visite à Kiev,"
        kept |= tree
    kept.add(verb)
    # time phrases deeper in the kept clause, and openers left before the subject
    for i in sorted(kept):
        if i in kept and i != verb and i not in subject_tokens and i != subject and sentence.is_time(i):
            kept -= sentence.subtree(i)
    for i in sorted(kept):
        if i < start_of_subject and i not in subject_tokens and tokens[i].dep not in _KEPT_WITH_VERB and tokens[i].pos != "PRON":
            kept -= sentence.subtree(i) - subject_tokens - {verb}
    conjugated = _present(sentence, verb, replaced, kept)
    if not conjugated:
        return None, None
    return kept, replaced


def _present(sentence: _Sentence, verb: int, replaced: dict[int, str], kept: set[int]) -> bool:
    """Put the main verb in the present tense, in place (``replaced``, ``kept``); False when it cannot."""
    tokens = sentence.tokens
    token = tokens[verb]
    auxiliaries = [c for c in sentence.children[verb] if tokens[c].dep in ("aux:tense", "aux:pass")]
    tense_aux = [c for c in auxiliaries if tokens[c].dep == "aux:tense"]
    passive_aux = [c for c in auxiliaries if tokens[c].dep == "aux:pass"]
    copulas = [c for c in sentence.children[verb] if tokens[c].dep == "cop"]
    for aux in tense_aux + passive_aux:
        features = _features(tokens[aux])
        if features.get("Tense") == "Fut" or features.get("Mood") == "Cnd":
            return True  # future or conditional: said as it is
    reflexive = any(tokens[c].dep in ("expl:comp", "expl:pass", "obj", "iobj") and tokens[c].pos == "PRON"
                    and tokens[c].text.lower().rstrip("'’") in ("se", "s") for c in sentence.children[verb])
    if passive_aux and (token.lemma in _ETRE_VERBS or reflexive) and not tense_aux:
        tense_aux, passive_aux = passive_aux, []  # "est devenue", "s'est écrasé": a compound past
    if passive_aux:
        kept.difference_update(auxiliaries)  # "ont été tués" -> "tués"
        return True
    if copulas:
        cop = copulas[0]
        number = _number(sentence, verb, tense_aux + [cop])
        present = present_third("être", number == "Plur")
        if _features(tokens[cop]).get("VerbForm") == "Fin" or tense_aux:
            replaced[cop] = present
            kept.difference_update(tense_aux)
        return True
    features = _features(token)
    if tense_aux:
        if features.get("VerbForm") != "Part":
            return True
        number = _number(sentence, verb, tense_aux)
    elif features.get("VerbForm") == "Fin" and features.get("Tense") in ("Past", "Imp") and features.get("Mood", "Ind") == "Ind":
        number = features.get("Number") or _number(sentence, verb, [])
    else:
        return True  # present, future, infinitive: unchanged
    if not token.lemma or not token.lemma.isalpha() and "-" not in token.lemma:
        return False
    present = present_third(token.lemma, number == "Plur")
    if present is None:
        return False
    if token.text[:1].isupper():
        present = present[:1].upper() + present[1:]
    replaced[verb] = present
    kept.difference_update(tense_aux)
    return True


def _number(sentence: _Sentence, verb: int, agreeing: list[int]) -> str:
    for aux in agreeing:
        if number := _features(sentence.tokens[aux]).get("Number"):
            return number
    subject = _subject_of(sentence, verb)
    if subject is not None:
        return _features(sentence.tokens[subject]).get("Number", "Sing")
    return "Sing"


_CORE = {"obj", "xcomp", "ccomp", "obl:arg", "iobj", "nsubj", "nsubj:pass", "mark", "cop", "aux:tense", "aux:pass",
         "expl:comp", "expl:pass", "expl:subj", "case", "det", "fixed", "flat:name", "flat:foreign", "compound"}
_TRIMMABLE = {"obl:mod", "obl", "advcl", "nmod", "acl", "acl:relcl", "conj", "advmod", "amod", "obl:agent", "appos", "dep"}


def _protected(sentence: _Sentence, verb: int, subject_tokens: set[int], kept: set[int]) -> set[int]:
    """What every candidate keeps: the subject, the verb, and the core of what it needs (its
    object or complement clause and, in a clause, that clause's own core)."""
    protected = set(subject_tokens) | {verb}
    todo = [verb]
    while todo:
        head = todo.pop()
        for child in sentence.children[head]:
            token = sentence.tokens[child]
            if child not in kept or child in protected:
                continue
            # negations, and "au moins" before a number, go with what they modify
            negation = token.text.lower().rstrip("'’") in _NEGATIONS | {"ne", "n"}
            # "appelle les alliés à donner…": an infinitive after à/de completes the verb's object
            infinitive = token.dep == "acl" and token.pos == "VERB" and head != verb and sentence.tokens[head].head == verb and any(
                sentence.tokens[c].dep == "mark" and sentence.tokens[c].text.lower() in ("à", "de", "d'") for c in sentence.children[child])
            if token.dep in _CORE or negation or infinitive or (token.dep == "advmod" and sentence.tokens[head].pos in ("NUM", "NOUN")):
                protected.add(child)
                todo.append(child)
    return protected


def _optional_heads(sentence: _Sentence, kept: set[int], protected: set[int]) -> list[int]:
    """Constituents of the kept clause a candidate may go without."""
    return [
        i for i in sorted(kept)
        if i not in protected and sentence.tokens[i].head in kept and sentence.tokens[i].dep in _TRIMMABLE
    ]


def _value(sentence: _Sentence, kept: set[int], verb: int) -> float:
    """What a candidate keeps of the sentence's news: entities, numbers, the words that carry meaning."""
    value = 0.0
    seen_entities = set()
    for i in kept:
        token = sentence.tokens[i]
        if token.entity and token.pos in ("PROPN", "NOUN", "ADJ", "X"):
            key = token.text.lower()
            if key not in seen_entities:
                seen_entities.add(key)
                value += 3.0
        if token.pos == "NUM" and not _CLOCK.match(token.text):
            value += 2.0
        if token.pos in ("NOUN", "PROPN", "VERB", "ADJ"):
            value += 1.0
    return value


def _groups(sentence: _Sentence) -> list[set[int]]:
    """Tokens written as one word ("Nouvelle-Zélande", "Ki-Moon"): kept or dropped together."""
    groups: list[set[int]] = []
    for i, token in enumerate(sentence.tokens):
        glued = i and not sentence.tokens[i - 1].space and (token.text.startswith("-") or sentence.tokens[i - 1].text.endswith("-"))
        if glued:
            groups[-1].add(i)
        else:
            groups.append({i})
    return groups


def _candidates(sentence: _Sentence, verb: int, subject_tokens: set[int], kept: set[int], replaced: dict[int, str], budget: int):
    protected = _protected(sentence, verb, subject_tokens, kept)
    groups = [g for g in _groups(sentence) if len(g) > 1]
    current = set(kept)
    seen = set()
    while True:
        text = _render(sentence, current, replaced)
        if text and text not in seen:
            seen.add(text)
            if MIN_LENGTH <= len(text) <= budget and _ends_well(sentence, current, text):
                yield Candidate(text, _score(sentence, current, verb, text))
        options = []
        base = _value(sentence, current, verb)
        for head in _optional_heads(sentence, current, protected):
            removed = _closed_under_quotes(sentence, sentence.subtree(head) & current)
            if removed is None:
                continue
            for group in groups:
                if group & removed:
                    removed |= group & current
            if removed & protected:
                continue
            saved = len(_render(sentence, removed, replaced))
            lost = base - _value(sentence, current - removed, verb)
            # adjectives are short and say much: the last to go
            lost += 1.5 if sentence.tokens[head].dep == "amod" else 0.0
            options.append(((lost + 0.5) / (saved + 1), head, removed))
        if not options:
            return
        _, _, removed = min(options, key=lambda option: option[:2])
        current = current - removed


def _score(sentence: _Sentence, kept: set[int], verb: int, text: str) -> float:
    # What is kept, less a little per character: among candidates keeping the same news, the shorter.
    return _value(sentence, kept, verb) - 0.03 * len(text) - (4.0 if len(text) < 40 else 0.0)


def _closed_under_quotes(sentence: _Sentence, removed: set[int]) -> set[int] | None:
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


def _render(sentence: _Sentence, kept: set[int], replaced: dict[int, str]) -> str:
    tokens = sentence.tokens
    order = sorted(kept)
    # No punctuation but inside quotations, parentheses kept whole, and commas of a list ("X, Y et Z").
    words = []
    for n, i in enumerate(order):
        text = tokens[i].text
        glued = text == "-" and not tokens[i].space and i and not tokens[i - 1].space
        if text in (",", ";", ":", "–", "—", ".", "...", "…", "-") and i not in sentence.quote_of and not glued:
            following = order[n + 1] if n + 1 < len(order) else None
            if not (text == "," and following is not None and tokens[following].dep == "conj" and i - 1 in kept and i + 1 in kept):
                continue
        words.append(i)
    # a negation or adverb left between a dropped auxiliary and its verb follows the verb
    for verb in [i for i in words if i in replaced and tokens[i].pos == "VERB"]:
        between = [i for i in words if i < verb and tokens[i].head == verb and tokens[i].dep == "advmod"
                   and all(j not in kept or tokens[j].dep == "advmod" or tokens[j].head == verb and tokens[j].dep == "advmod" for j in range(i + 1, verb))
                   and any(tokens[j].dep == "aux:tense" and j < i for j in sentence.children[verb])
                   and tokens[i].text.lower() not in ("ne", "n'", "n’")]
        for i in between:
            words.remove(i)
            words.insert(words.index(verb) + 1, i)
    out = ""
    for n, i in enumerate(words):
        text = replaced.get(i, tokens[i].text)
        if n:
            previous = words[n - 1]
            if out.endswith(("'", "’")):
                low = out.rsplit(" ", 1)[-1].lower().replace("’", "'")
                if low in _ELIDED and not _VOWEL_START.match(text):
                    out = out[: len(out) - len(low)] + _ELIDED[low] + " "
            elif tokens[previous].space or previous + 1 != i:
                out += " "
        out += text
    out = re.sub(r"\(\s+", "(", out)
    out = re.sub(r"\s+\)", ")", out)
    out = re.sub(r"\s+,", ",", out)
    out = re.sub(r"\(\)", "", out)
    return re.sub(r"\s+", " ", out).strip()


def _surrounded(i: int, kept: set[int]) -> bool:
    return i - 1 in kept and i + 1 in kept


def _ends_well(sentence: _Sentence, kept: set[int], text: str) -> bool:
    last = max(kept)
    token = sentence.tokens[last]
    if token.pos in ("DET", "ADP", "CCONJ", "SCONJ", "AUX") or token.dep in ("case", "mark", "cc", "det"):
        return False
    word = re.sub(r"[^\w'’-]", "", text.rsplit(" ", 1)[-1]).lower().rstrip("'’")
    return word not in _DANGLING and text.count("«") == text.count("»") and text.count("(") == text.count(")")


def _finish(text: str) -> str:
    text = text.strip().rstrip(".").strip()
    return text[:1].upper() + text[1:]


def has_relative_day(text: str) -> bool:
    return bool(_RELATIVE_TIME.search(text))
