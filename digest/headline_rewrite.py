"""Headline candidates rewritten from the parse of a lede's first sentence (pure functions).

A French desk's headline: the subject simplified (the name rather than the title: "Mark Rutte" for
"Le secrétaire général de l'Otan Mark Rutte"), the main verb in the present tense agreeing with it
("a appelé" -> "appelle"), the passive without its auxiliary ("Trois soldats tués"), deaths in the
nominal form ("Mort de France Gall"), what the verb needs, and none of what the page says already:
when (its date), where/when openers, relative clauses and incises. Candidates are made by dropping
whole constituents, least newsworthy first, and scored on what they keep of the sentence: its named
entities, its main verb and object, its numbers. ``rewrite`` returns None when no candidate is good
enough: the caller falls back to cutting the lede (digest/headline.py).

Why one module of about 700 lines: its seams are already taken out (conjugation in conjugate.py,
parsing and its cache in headline_parse.py, kicker and teaser in their own modules); what is left is
one rewrite whose steps (subject, verb, dropped constituents, candidates, score) read the same parse
tokens and the same constituent spans, and were tuned together. Split further, each step would
import the others' private helpers. A split along subject / predicate is the next one if it grows.
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
# Nouns of a span of time: "en fin de matinée", "au mois de juillet" go whole.
_SPANS = {"fin", "début", "milieu", "cours", "courant", "mois", "semaine", "année", "nuit", "journée"}
_RELATIVE_TIME = re.compile(
    r"\b(?:hier|aujourd'hui|demain|ce matin|ce soir|cette nuit|cet après-midi|" + "|".join(sorted(_DAYS)) + r")\b",
    re.IGNORECASE,
)
# A clock time or a year: "19h00", "20 h 30", "2016".
_CLOCK = re.compile(r"^\d{1,2}(?:h\d{0,2}|:\d\d)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_NEGATIONS = {"pas", "plus", "jamais", "rien", "guère", "point"}
_DANGLING = frozenset(
    "le la les l un une des du de d au aux à a et ou en par pour sur dans avec sans son sa ses leur leurs "
    "ce cet cette ces qui que qu dont où mais ni car se s ne n y très plus moins comme lors dont "
    "est sont était été être avoir ont suite cours sein cas raison près face auprès afin hauteur fin début terme "
    "notamment également aussi encore".split()
)
_SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
_KEPT_WITH_VERB = {"aux:tense", "aux:pass", "aux:caus", "cop", "expl:comp", "expl:pass", "expl:subj", "iobj"}
# Dependents dropped from every candidate: said by the page or a detail of a detail.
_ALWAYS_DROPPED = {"parataxis", "dislocated", "vocative", "discourse", "reparandum"}
_DEATH_VERBS = {"mourir", "décéder", "mort", "éteindre"}
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
        self.front: set[int] = set()  # a subject that follows its verb, rendered first
        self.secondary: set[int] | None = None  # relative and adverbial clauses (_secondary)

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

    def is_clause(self, i: int) -> bool:
        """Whether ``i`` heads a clause: a verb, or a noun or adjective with a copula or auxiliary."""
        return self.tokens[i].pos in ("VERB", "AUX") or any(
            self.tokens[c].dep in ("cop", "aux:tense", "aux:pass") for c in self.children[i])

    def is_time(self, i: int) -> bool:
        """Whether the phrase headed by ``i`` only says when ("vendredi", "ce matin", "le 2 décembre", "en 2016")."""
        token = self.tokens[i]
        words = [self.tokens[j] for j in sorted(self.subtree(i))]
        if len(words) > 7:
            return False
        if self.is_kind(i):
            return False
        if self.is_time_word(i):
            # "mercredi au Sénégal", as parsed: the place stays (time_words takes the day alone)
            return not any(w.entity == "LOC" for w in words if w is not token)
        # "le 2 décembre": a number heading a date
        return token.pos == "NUM" and any(w.text.lower() in _MONTHS or w.text.lower() in _DAYS for w in words) and not any(
            w.entity for w in words
        )

    def is_kind(self, i: int) -> bool:
        """"une boîte de nuit", "l'équipe de nuit": a "de" complement says what the thing is, not when."""
        token = self.tokens[i]
        if self.tokens[token.head].lemma in _SPANS or self.is_time_word(token.head):
            return False  # "en fin d'après-midi", "dans la nuit du mercredi"
        return token.dep == "nmod" and token.pos == "NOUN" and any(
            self.tokens[c].dep == "case" and self.tokens[c].text.lower() in ("de", "d'", "d’") for c in self.children[i])

    def is_time_word(self, i: int) -> bool:
        token = self.tokens[i]
        return token.lemma.lower() in _TIME_WORDS or token.text.lower() in _TIME_WORDS or bool(_CLOCK.match(token.text)) \
            or token.text.upper().startswith("UTC") \
            or self.is_year(i) or self.is_period(i)

    def is_period(self, i: int) -> bool:
        """"la semaine prochaine", "le mois dernier", "cette année"."""
        token = self.tokens[i]
        if token.lemma.lower() not in ("semaine", "mois", "année", "an", "saison", "été", "hiver", "printemps", "automne"):
            return False
        return any(self.tokens[c].lemma.lower() in ("prochain", "dernier", "passé", "ce", "cet", "cette") for c in self.children[i])

    def is_year(self, i: int) -> bool:
        """"en 2016", "mai 2016": a year that dates; "l'Eurovision 2016" names."""
        token = self.tokens[i]
        if not _YEAR.match(token.text):
            return False
        before = self.tokens[i - 1].text.lower() if i else ""
        return before in _MONTHS or any(self.tokens[c].dep == "case" for c in self.children[i])

    def time_words(self, i: int) -> set[int]:
        """A time word heading more than a time phrase ("depuis vendredi dans les Alpes", as parsed):
        the word and what only goes with it (its article, preposition, numbers, other time words)."""
        found, todo = set(), [i]
        while todo:
            j = todo.pop()
            found.add(j)
            for child in self.children[j]:
                token = self.tokens[child]
                if token.dep in ("det", "case", "amod", "nummod", "fixed", "flat", "advmod", "punct") or self.is_time_word(child) \
                        or token.pos == "NUM" or token.text.lower() in _MONTHS:
                    todo.append(child)
        return found


@dataclass(frozen=True)
class Candidate:
    text: str
    score: float
    kept: frozenset[int] = frozenset()  # the sentence's tokens it is made of (the verb maybe in another tense)


def _verb_of(sentence: _Sentence) -> int | None:
    # The parser may split a sentence in two ("La sonde japonaise" | "Akatsuki a envoyé…"): the
    # first root that is a verb, or a noun or adjective with a copula, is the main clause; one with
    # an auxiliary first ("La cycliste néerlandaise", read as a verb | "Anna van der Breggen est devenue…").
    roots = [
        root for root, token in enumerate(sentence.tokens)
        if token.dep == "ROOT" and (token.pos in ("VERB", "AUX") and "VerbForm=" in token.morph or any(
            sentence.tokens[c].dep in ("cop", "aux:tense", "aux:pass") for c in sentence.children[root]))
    ]
    for root in roots:
        if any(sentence.tokens[c].dep in ("cop", "aux:tense", "aux:pass") for c in sentence.children[root]):
            return root
    if roots:
        return roots[0]
    # "Armand Gatti, figure du théâtre français, s'est éteint": the apposition read as the root
    # ("figure", a noun), the verb as its coordinate
    for root, token in enumerate(sentence.tokens):
        if token.dep == "ROOT" and token.pos in ("NOUN", "PROPN"):
            for child in sentence.children[root]:
                if sentence.tokens[child].dep == "conj" and sentence.tokens[child].pos == "VERB" and any(
                        sentence.tokens[c].dep in ("aux:tense", "aux:pass") for c in sentence.children[child]):
                    return child
    return None


def _subject_of(sentence: _Sentence, verb: int) -> int | None:
    misread = None  # a subject that is no noun phrase ("MiG-29" read as a verb): the last resort
    for child in sentence.children[verb]:
        if sentence.tokens[child].dep in _SUBJECT_DEPS and not sentence.is_time(child):
            if sentence.tokens[child].pos in ("NOUN", "PROPN", "PRON", "X", "NUM"):
                return child
            misread = child if misread is None else misread
    if sentence.tokens[verb].dep == "conj":  # the subject of an apposition read as the root (_verb_of)
        for child in sentence.children[sentence.tokens[verb].head]:
            if sentence.tokens[child].dep in _SUBJECT_DEPS and child < verb and not sentence.is_time(child):
                return child
    # A noun phrase the parser left as a sentence of its own before the verb
    # ("Un avion-cargo qui effectuait le vol TK6491" | "s'est écrasé"): the subject.
    for root, token in enumerate(sentence.tokens):
        if root < verb and token.dep == "ROOT" and token.pos in ("NOUN", "PROPN") and not sentence.is_time(root) \
                and max(sentence.subtree(root)) < verb:
            return root
    # A subject after its verb ("Hier se tenait la cérémonie d'ouverture"): put first.
    tokens = sentence.tokens
    inverting = any(tokens[c].text.lower() in ("se", "s'", "s’") for c in sentence.children[verb]) or tokens[verb].lemma in _ETRE_VERBS \
        or any(tokens[c].lemma == "lieu" for c in sentence.children[verb])
    for child in sentence.children[verb]:
        token = tokens[child]
        if inverting and child > verb and token.pos in ("NOUN", "PROPN") and token.lemma != "lieu" \
                and token.dep in ("nsubj", "nsubj:pass", "obj", "dep") and not sentence.is_time(child):
            sentence.front = sentence.subtree(child)
            return child
    # A subject the parser took for a modifier ("Edmonton, la capitale de l'Alberta, est devenue"):
    # a bare noun phrase before the verb that does not say when.
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if (child < verb and token.pos in ("PROPN", "NOUN") and token.dep in ("obl:mod", "nmod", "dep", "obl")
                and not any(sentence.tokens[c].dep == "case" for c in sentence.children[child])
                and not sentence.is_time(child)):
            return child
    # ... or the sentence's first words, headed by an article or "un" with what it introduces
    # ("Un des leaders de Boko Haram, Abubakar Shekau, a démenti", "Un jeune manifestant de 17 ans a été blessé")
    first = sentence.children[verb][0] if sentence.children[verb] else None
    if first is not None and first == 0 and first < verb and sentence.tokens[first].text.lower() in ("un", "une", "l'un", "l'une") \
            and sentence.children[first] and not sentence.is_time(first):
        return first
    return misread


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
    if tokens[run[0]].entity and tokens[run[0] - 1].entity == tokens[run[0]].entity and tokens[run[0] - 1].pos != "DET":
        return None  # "la Maison Blanche": the end of a name, not a name of its own
    before = run[0] - 1
    if len(run) > 2 and tokens[before].pos == "DET":
        run = run[1:]  # "l'Otan Mark Rutte": the organisation, then the person
    elif tokens[before].pos in ("DET", "ADP"):
        return None  # "le Parti socialiste", "de la France": no name in apposition
    else:
        # a name in the subject's complement is not the subject's: "Le château du couple Fillon"
        j = run[0]
        while tokens[j].head != j and tokens[j].head in kept:
            if any(tokens[c].dep == "case" for c in sentence.children[j]):
                return None
            j = tokens[j].head
    return run if len(run) >= 1 else None


def _name_in_apposition(sentence: _Sentence, subject: int) -> list[int] | None:
    """"Le Premier ministre du Canada, Justin Trudeau, a annoncé": the person's name between commas."""
    for child in sentence.children[subject]:
        token = sentence.tokens[child]
        # a name with a preposition is the title's complement ("la mort de Mark Zuckerberg"), not its apposition
        if token.dep in ("appos", "flat:name", "nmod") and token.entity == "PER" and token.pos == "PROPN" \
                and not any(sentence.tokens[c].dep == "case" for c in sentence.children[child]):
            run = sorted(i for i in sentence.subtree(child) if sentence.tokens[i].entity == "PER")
            if run and run == list(range(run[0], run[-1] + 1)):
                return run
    return None


def _antecedent(sentence: _Sentence, pronoun: int, verb: int) -> list[int] | None:
    """"Quand Willem Geubbels est entré en jeu, il devenait…": the one person named before "il"/"elle"."""
    if sentence.tokens[pronoun].text.lower() not in ("il", "elle"):
        return None
    names: list[list[int]] = []
    for i in range(pronoun):
        if sentence.tokens[i].entity == "PER":
            if names and names[-1][-1] == i - 1:
                names[-1].append(i)
            else:
                names.append([i])
    distinct = {" ".join(sentence.tokens[i].text for i in name) for name in names}
    return names[0] if len(distinct) == 1 else None


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
    for i in sorted(kept):
        if i in kept and i != subject and sentence.tokens[i].dep in ("acl:relcl", "parataxis"):
            kept -= sentence.subtree(i)
        # "la presse que connaît la France": a relative clause however it was parsed
        if i in kept and "PronType=Rel" in sentence.tokens[i].morph:
            clause = sentence.tokens[i].head
            if clause != subject and clause in kept and subject not in sentence.subtree(clause):
                kept -= sentence.subtree(clause)
            else:
                kept -= {j for j in kept if j >= i}
    if not kept:
        return {subject}
    kept = _with_whole_words(sentence, kept)
    # a fragment the parser left as a root of its own right before the subject belongs to it
    start = min(kept)
    for root, token in enumerate(sentence.tokens):
        if token.dep == "ROOT" and root < start:
            fragment = sentence.subtree(root)
            if max(fragment) == start - 1 and all(sentence.tokens[i].pos != "PUNCT" for i in fragment):
                kept |= fragment
    return kept


def _with_whole_words(sentence: _Sentence, kept: set[int]) -> set[int]:
    """``kept`` with the parts of its hyphenated words the parser hung elsewhere ("attentat" "-suicide",
    "Bâton" "-" "Rouge")."""
    tokens, kept = sentence.tokens, set(kept)
    for i in range(1, len(tokens)):
        if i - 1 in kept and not tokens[i - 1].space and (tokens[i].text.startswith("-") or tokens[i - 1].text.endswith("-")):
            kept.add(i)
    return kept


def _is_pronoun_subject(sentence: _Sentence, subject_tokens: set[int]) -> bool:
    tokens = [sentence.tokens[i] for i in sorted(subject_tokens)]
    return all(t.pos in ("PRON", "DET", "PUNCT") for t in tokens)


def rewrite(tokens: Sequence[Token], budget: int = BUDGET) -> str | None:
    """The best headline candidate within ``budget`` characters, or None when none is good enough."""
    best = best_candidate(tokens, budget)
    return best.text if best else None


def best_candidate(tokens: Sequence[Token], budget: int = BUDGET) -> Candidate | None:
    if not tokens:
        return None
    sentence = _Sentence(tokens)
    verb = _verb_of(sentence)
    if verb is None:
        return _nominal(sentence, budget)
    subject = _subject_of(sentence, verb)
    if subject is None:
        return None
    if sentence.tokens[subject].pos not in ("NOUN", "PROPN", "PRON", "X", "NUM") \
            and not (sentence.tokens[subject].pos == "DET" and sentence.children[subject]):
        return None  # "Ce 26 dévoilent…": the parser's subject is no noun phrase
    subject_tokens = written = _clean_subject(sentence, subject)
    name = _name_in_subject(sentence, subject_tokens) or _name_in_apposition(sentence, subject)
    if name and "Number=Plur" in sentence.tokens[subject].morph and "Number=Plur" not in sentence.tokens[name[0]].morph:
        name = None  # "Des chercheurs de l'université Calvin": a complement, not the subject's name
    if subject_tokens == {subject} and sentence.tokens[subject].pos == "PRON":
        name = name or _antecedent(sentence, subject, verb)
    if _is_pronoun_subject(sentence, subject_tokens) and name:
        subject_tokens = set(name)

    past = _has_aux(sentence, verb) or "Tense=Past" in sentence.tokens[verb].morph
    if sentence.tokens[verb].lemma in _DEATH_VERBS and past and (name or _is_name(sentence, subject_tokens)):
        if (obituary := _obituary(sentence, subject_tokens, name, budget)) is not None:
            return obituary

    if _is_pronoun_subject(sentence, subject_tokens):
        return None  # "On le devinait", "Celui qui…", "C'est… qui": nothing to name

    # The subject as written when it is short ("Le président Macron"), else the name its title introduces.
    subjects = [set(name)] if name else []
    if not name or len(_render(sentence, subject_tokens, {})) <= 30:
        subjects.append(subject_tokens)
    candidates = []
    for simplified in subjects:
        kept, replaced = _predicate(sentence, verb, subject, simplified, min(written | {subject}))
        if kept is not None:
            candidates += _candidates(sentence, verb, simplified, kept, replaced, budget)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return Candidate(_finish(best.text), best.score, best.kept)


def _nominal(sentence: _Sentence, budget: int) -> Candidate | None:
    """A sentence without a verb is already a headline ("Ouverture de la nouvelle édition du concours
    des glorieuses de Bresse, à Montrevel-en-Bresse ce jour"): its head noun and what it keeps within the budget."""
    roots = [i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT" and t.pos in ("NOUN", "PROPN")]
    if not roots:
        return None
    head = roots[0]
    tree = sentence.subtree(head)
    # a verb only in what describes the head ("Petite déception pour l'équipe de France, qui n'a pas réussi…")
    clauses = set().union(*(sentence.subtree(i) for i in tree if sentence.tokens[i].dep in ("acl:relcl", "acl")))
    if any(t.pos in ("VERB", "AUX") and "Fin" in t.morph for i, t in enumerate(sentence.tokens) if i not in clauses):
        return None
    opening = {i for i in tree if i < head and sentence.tokens[i].dep in ("det", "amod", "nummod", "case", "fixed", "flat:name")}
    kept = {i for i in tree if i >= head} | opening
    for i in sorted(kept):  # what a relative clause adds reads as a sentence left unfinished
        if i in kept and sentence.tokens[i].dep == "acl:relcl":
            kept -= sentence.subtree(i)
    for i in sorted(kept):
        if i in kept and i != head and sentence.is_time(i):
            kept -= sentence.subtree(i)
        elif i in kept and i != head and sentence.is_time_word(i):
            kept -= sentence.time_words(i)
    candidates = list(_candidates(sentence, head, opening | {head}, kept, {}, budget))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return Candidate(_finish(best.text), best.score, best.kept)


def _has_aux(sentence: _Sentence, verb: int) -> bool:
    return any(sentence.tokens[c].dep in ("aux:tense", "aux:pass", "cop") for c in sentence.children[verb])


_OF_ARTICLE = {"le": "du ", "la": "de la ", "l'": "de l'", "l’": "de l’", "les": "des "}


def _obituary(sentence: _Sentence, subject_tokens: set[int], name: list[int] | None, budget: int) -> Candidate | None:
    """"Mort du réalisateur Jacques Rivette", or "Mort de Jacques Rivette" when the title is long;
    None when neither fits the budget."""
    whole = _render(sentence, subject_tokens, {})
    first = sentence.tokens[min(subject_tokens)]
    article = first.text.lower()
    if first.pos == "DET" and article in _OF_ARTICLE:
        titled = "Mort " + _OF_ARTICLE[article] + _render(sentence, subject_tokens - {min(subject_tokens)}, {})
    else:
        titled = _of("Mort", whole)
    forms = ([(titled, subject_tokens)] if len(whole) <= 50 else []) + ([(_of("Mort", _render(sentence, set(name), {})), set(name))] if name else [])
    for form, kept in forms:
        if len(form) <= budget:
            return Candidate(_finish(form), 0.0, frozenset(kept))
    return None


def _of(noun: str, complement: str) -> str:
    return f"{noun} d'{complement}" if _VOWEL_START.match(complement) and not complement.lower().startswith("h") else f"{noun} de {complement}"


def _is_name(sentence: _Sentence, kept: set[int]) -> bool:
    return any(sentence.tokens[i].entity == "PER" for i in kept)


def _predicate(sentence: _Sentence, verb: int, subject: int, subject_tokens: set[int], opening: int):
    """Tokens of the main clause kept in every candidate's starting point, and the words replaced
    (the verb put in the present, its auxiliaries dropped). None when the tense cannot be made present."""
    tokens = sentence.tokens
    kept: set[int] = set(subject_tokens)
    replaced: dict[int, str] = {}
    start_of_subject = opening  # where the subject begins in the sentence: what comes before is an opener
    for child in sentence.children[verb]:
        dep = tokens[child].dep
        if child == subject or dep == "punct" and child < start_of_subject:
            continue
        if dep in _ALWAYS_DROPPED or dep in _SUBJECT_DEPS:
            continue  # a second subject is a parse error: "transportant plus de 600 personnes" taken for one
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
        if i not in kept or i in (verb, subject):
            continue
        timed = sentence.is_time(i)
        if timed or sentence.is_time_word(i) and not sentence.is_kind(i):
            head = tokens[i].head
            if tokens[head].lemma in _SPANS and head not in (verb, subject):
                kept -= sentence.subtree(head)  # "en fin de matinée", "au mois de juillet"
            else:
                kept -= sentence.subtree(i) if timed else sentence.time_words(i)
    for i in sorted(kept):
        if i < start_of_subject and i != verb and i not in subject_tokens and tokens[i].dep not in _KEPT_WITH_VERB and tokens[i].pos != "PRON":
            kept -= sentence.subtree(i) - subject_tokens - {verb}
    # what a parenthesis adds: "(En marche !)", "(Loire-Atlantique, France)"
    depth = 0
    for i, token in enumerate(tokens):
        if token.text == "(":
            depth += 1
        if depth and i not in sentence.quote_of:
            kept.discard(i)
        if token.text == ")":
            depth = max(0, depth - 1)
    kept = _with_whole_words(sentence, kept)
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
    for aux in tense_aux + passive_aux + copulas:
        features = _features(tokens[aux])
        # the morphologizer sometimes reads "seraient" as a present: the form says it too
        if features.get("Tense") == "Fut" or features.get("Mood") == "Cnd" or tokens[aux].text.lower().endswith(("ra", "ront", "rait", "raient")):
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
# What a candidate may go without, by what it depends on. A clause loses its adjuncts (where, how,
# why, by whom, a second clause); a noun phrase only its relative and participial clauses,
# appositions, incises, further coordinates and the complements that say where or about what ("sur
# l'échelle de Richter", "en Suède"): never its adjective, number or "de" complement ("réélu dès le
# premier tour", "le nombre de personnes inscrites"), without which it says something else.
_CLAUSE_OPTIONAL = {"obl:mod", "obl", "advcl", "advmod", "obl:agent", "conj", "dep", "nmod", "parataxis", "appos"}
_PHRASE_OPTIONAL = {"acl", "acl:relcl", "appos", "conj", "parataxis"}
_OF = {"de", "d'", "d’", "du", "des"}


def _protected(sentence: _Sentence, verb: int, subject_tokens: set[int], kept: set[int]) -> set[int]:
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
                    token.dep in ("flat:name", "flat:foreign", "fixed", "det", "case", "nummod", "compound") or token.entity == "PER"):
                protected.add(child)
                subject_core.append(child)
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
            # "au moins 4", "la plus virulente": an adverb of a number or an adjective goes with it
            degree = token.dep == "advmod" and sentence.tokens[head].pos in ("NUM", "NOUN", "ADJ")
            if token.dep in _CORE or negation or infinitive or degree:
                protected.add(child)
                todo.append(child)
    return protected


def _optional_heads(sentence: _Sentence, kept: set[int], protected: set[int]) -> list[int]:
    """Constituents of the kept clause a candidate may go without."""
    return [i for i in sorted(kept) if i not in protected and sentence.tokens[i].head in kept and _droppable(sentence, i)]


def _droppable(sentence: _Sentence, i: int) -> bool:
    """Whether the subtree of ``i`` is a whole constituent its head can go without."""
    token = sentence.tokens[i]
    if token.head == i or token.pos == "AUX":
        return False  # "Wikinews vous fait vivre": an auxiliary however it was parsed
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
    if token.dep in ("nmod", "amod") and first > 0 and sentence.tokens[first - 1].text in (",", "(") \
            and first - 1 not in sentence.quote_of:
        return True  # an incise: ", candidate favorable à l'indépendance,", ", âgé de 15 ans,"
    opening = sentence.tokens[first]  # "à Paris", "sur l'échelle de Richter", "au-dessus de la mer"
    return token.dep == "nmod" and opening.pos in ("ADP", "ADV") and opening.text.lower() not in _OF


def _describes(sentence: _Sentence, i: int) -> bool:
    """An adjective after its noun that only describes it ("les alliés occidentaux"), with its adverbs:
    not an ordinal, the noun with its article (not "prêter main forte", "le premier tour")."""
    token, head = sentence.tokens[i], sentence.tokens[i].head
    degree = sentence.subtree(i) - {i}  # "tout à fait (inhabituelle)" goes with it
    return (token.pos == "ADJ" and i > head and "NumType=Ord" not in token.morph
            and sentence.tokens[head].pos != "PROPN" and not sentence.tokens[head].entity  # "Le Canard enchaîné"
            and all(sentence.tokens[j].dep in ("advmod", "fixed") for j in degree)
            and not token.entity and any(sentence.tokens[c].dep == "det" for c in sentence.children[head]))


def _gap_in_subject(sentence: _Sentence, state: set[int], start: set[int], subject_tokens: set[int]) -> bool:
    """Whether a word went from between two words of the subject: "Le nombre de personnes [inscrites à
    Pôle] Emploi" (a subject the parser made of two pieces, whose constituents are not the phrase's)."""
    kept = sorted(state & subject_tokens)
    return any(j in start and j not in state and sentence.tokens[j].pos != "PUNCT"
               for a, b in zip(kept, kept[1:]) for j in range(a + 1, b))


def _splits_a_word(sentence: _Sentence, kept: set[int]) -> bool:
    """Whether ``kept`` has part of a word written with hyphens ("Bâton" of "Bâton-Rouge")."""
    tokens = sentence.tokens
    return any(
        (i - 1 in kept) != (i in kept) and not tokens[i - 1].space and (tokens[i].text.startswith("-") or tokens[i - 1].text.endswith("-"))
        for i in range(1, len(tokens))
    )


def _whole_constituents(sentence: _Sentence, kept: set[int], start: set[int]) -> bool:
    """Whether ``kept`` is ``start`` less whole droppable constituents (punctuation aside)."""
    return all(
        sentence.tokens[i].head not in kept or sentence.tokens[i].pos == "PUNCT" or _droppable(sentence, i)
        for i in start - kept
    )


def _value(sentence: _Sentence, kept: set[int], verb: int) -> float:
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
        if token.pos == "NUM" and not _CLOCK.match(token.text):
            value += 2.0 * weight
        if token.pos in ("NOUN", "PROPN", "VERB", "ADJ"):
            value += 1.0 * weight
    return value


def _secondary(sentence: _Sentence) -> set[int]:
    """The tokens of relative and adverbial clauses."""
    if sentence.secondary is None:
        sentence.secondary = set().union(*(
            sentence.subtree(i) for i, t in enumerate(sentence.tokens) if t.dep in ("acl:relcl", "advcl")))
    return sentence.secondary


def _groups(sentence: _Sentence) -> list[set[int]]:
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


def _candidates(sentence: _Sentence, verb: int, subject_tokens: set[int], kept: set[int], replaced: dict[int, str], budget: int):
    protected = _protected(sentence, verb, subject_tokens, kept)
    groups = [g for g in _groups(sentence) if len(g) > 1]
    current = set(kept)
    seen: set[str] = set()

    def candidate(state: set[int]) -> Candidate | None:
        text = _render(sentence, state, replaced)
        if not text or text in seen:
            return None
        seen.add(text)
        # shorter than a headline only when nothing was dropped ("Un chariot explose")
        if (MIN_LENGTH <= len(text) or state == kept) and len(text) <= budget and _ends_well(sentence, state, text) and not has_relative_day(text) \
                and _whole_constituents(sentence, state, kept) and not _splits_a_word(sentence, state) \
                and not _gap_in_subject(sentence, state, kept, subject_tokens):
            return Candidate(text, _score(sentence, state, verb, text), frozenset(state))
        return None

    while True:
        text = _render(sentence, current, replaced)
        if found := candidate(current):
            yield found
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
            saved = sum(len(sentence.tokens[i].text) + sentence.tokens[i].space for i in removed)
            lost = base - _value(sentence, current - removed, verb)
            # adjectives are short and say much, and what describes the subject tells who: the last to go
            lost += 1.5 if sentence.tokens[head].dep == "amod" else 0.0
            lost += 3.0 if head in subject_tokens else 0.0
            options.append(((lost + 0.5) / (saved + 1), head, removed))
            if len(text) > budget and (found := candidate(current - removed)):
                yield found  # one step aside from the path: "à Stockholm" kept, "en Suède" dropped
        if not options:
            break
        _, _, removed = min(options, key=lambda option: option[:2])
        current = current - removed
    if len(_render(sentence, current, replaced)) > budget:
        # Even the shortest rewriting is too long (a long object or clause it needs): it is cut after
        # the last word that ends a constituent within the budget, the verb kept.
        order = sorted(current, key=lambda i: (i not in sentence.front, i))
        for end in range(len(order) - 1, 0, -1):
            prefix = set(order[:end])
            if verb in prefix and (found := candidate(prefix)):
                yield found
                break


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
    order = sorted(kept, key=lambda i: (i not in sentence.front, i))
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
                if low in _ELIDED and not _VOWEL_START.match(text) and text[:1].isalpha():  # "l'« affaire" stays
                    out = out[: len(out) - len(low)] + _ELIDED[low] + " "
            elif tokens[previous].space or previous + 1 != i:
                out += " "
        out += text
    out = re.sub(r"\(\s+", "(", out)
    out = re.sub(r"\s+\)", ")", out)
    out = re.sub(r"\s+,", ",", out)
    out = re.sub(r"\(\)", "", out)
    return re.sub(r"\s+", " ", out).strip()


# Verbs that say nothing without what they report or decide: "Pierre Karl Péladeau annonce".
_NEEDS_COMPLEMENT = {
    "annoncer", "révéler", "déclarer", "affirmer", "décider", "indiquer", "confirmer", "estimer", "expliquer", "assurer",
    "démentir", "souligner", "rapporter", "prévoir", "permettre", "réussir", "dire", "juger", "reconnaître", "admettre",
}


def _ends_well(sentence: _Sentence, kept: set[int], text: str) -> bool:
    # a word that only goes with another ("du", "le", "par") never stays without it
    for i in kept:
        token = sentence.tokens[i]
        if token.dep in ("case", "det", "mark", "cc", "fixed") and token.head not in kept:
            return False
    last = max(kept)
    token = sentence.tokens[last]
    if token.pos in ("DET", "ADP", "CCONJ", "SCONJ", "AUX") or token.dep in ("case", "mark", "cc", "det"):
        return False
    word = max((i for i in kept if sentence.tokens[i].pos != "PUNCT"), default=last)
    if sentence.tokens[word].lemma in _NEEDS_COMPLEMENT and not sentence.front:
        return False
    word = re.sub(r"[^\w'’-]", "", text.rsplit(" ", 1)[-1]).lower().rstrip("'’")
    return word not in _DANGLING and text.count("«") == text.count("»") and text.count("(") == text.count(")")


def _finish(text: str) -> str:
    text = text.strip().rstrip(".").strip()
    return text[:1].upper() + text[1:]


def has_relative_day(text: str) -> bool:
    return bool(_RELATIVE_TIME.search(text))
