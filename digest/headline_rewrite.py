"""Headline candidates rewritten from the parse of a lede's first sentence (pure functions).

A French desk's headline: the subject simplified (the name rather than the title: "Mark Rutte" for
"Le secrétaire général de l'Otan Mark Rutte"), the main verb in the present tense agreeing with it
("a appelé" -> "appelle"), the passive without its auxiliary ("Trois soldats tués"), deaths in the
nominal form ("Mort de France Gall"), what the verb needs, and none of what the page says already:
when (its date), where/when openers, relative clauses and incises. Candidates are made by dropping
whole constituents, least newsworthy first, and scored on what they keep of the sentence: its named
entities, its main verb and object, its numbers. ``rewrite`` returns None when no candidate is good
enough: the caller falls back to cutting the lede (digest/headline.py).

This module finds the sentence's main verb and subject and puts the clause in the present;
headline_sentence.py holds the parse and what says when, headline_candidates.py makes the shorter
candidates and scores them, conjugate.py conjugates, headline_parse.py parses and caches.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.conjugate import present_third
from digest.headline_candidates import Candidate, finish, generate_candidates, render
from digest.headline_parse import Token
from digest.headline_sentence import SPANS, VOWEL_START, Sentence, morphology

BUDGET = 80

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


def _verb_of(sentence: Sentence) -> int | None:
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


def _subject_of(sentence: Sentence, verb: int) -> int | None:
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


def _name_in_subject(sentence: Sentence, kept: set[int]) -> list[int] | None:
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


def _name_in_apposition(sentence: Sentence, subject: int) -> list[int] | None:
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


def _antecedent(sentence: Sentence, pronoun: int, verb: int) -> list[int] | None:
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


def _clean_subject(sentence: Sentence, subject: int) -> set[int]:
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


def _with_whole_words(sentence: Sentence, kept: set[int]) -> set[int]:
    """``kept`` with the parts of its hyphenated words the parser hung elsewhere ("attentat" "-suicide",
    "Bâton" "-" "Rouge")."""
    tokens, kept = sentence.tokens, set(kept)
    for i in range(1, len(tokens)):
        if i - 1 in kept and not tokens[i - 1].space and (tokens[i].text.startswith("-") or tokens[i - 1].text.endswith("-")):
            kept.add(i)
    return kept


def _is_pronoun_subject(sentence: Sentence, subject_tokens: set[int]) -> bool:
    tokens = [sentence.tokens[i] for i in sorted(subject_tokens)]
    return all(t.pos in ("PRON", "DET", "PUNCT") for t in tokens)


def rewrite(tokens: Sequence[Token], budget: int = BUDGET) -> str | None:
    """The best headline candidate within ``budget`` characters, or None when none is good enough."""
    best = best_candidate(tokens, budget)
    return best.text if best else None


def best_candidate(tokens: Sequence[Token], budget: int = BUDGET) -> Candidate | None:
    if not tokens:
        return None
    sentence = Sentence(tokens)
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
    if not name or len(render(sentence, subject_tokens, {})) <= 30:
        subjects.append(subject_tokens)
    candidates = []
    for simplified in subjects:
        kept, replaced = _predicate(sentence, verb, subject, simplified, min(written | {subject}))
        if kept is not None:
            candidates += generate_candidates(sentence, verb, simplified, kept, replaced, budget)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return Candidate(finish(best.text), best.score, best.kept)


def _nominal(sentence: Sentence, budget: int) -> Candidate | None:
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
    candidates = list(generate_candidates(sentence, head, opening | {head}, kept, {}, budget))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return Candidate(finish(best.text), best.score, best.kept)


def _has_aux(sentence: Sentence, verb: int) -> bool:
    return any(sentence.tokens[c].dep in ("aux:tense", "aux:pass", "cop") for c in sentence.children[verb])


_OF_ARTICLE = {"le": "du ", "la": "de la ", "l'": "de l'", "l’": "de l’", "les": "des "}


def _obituary(sentence: Sentence, subject_tokens: set[int], name: list[int] | None, budget: int) -> Candidate | None:
    """"Mort du réalisateur Jacques Rivette", or "Mort de Jacques Rivette" when the title is long;
    None when neither fits the budget."""
    whole = render(sentence, subject_tokens, {})
    first = sentence.tokens[min(subject_tokens)]
    article = first.text.lower()
    if first.pos == "DET" and article in _OF_ARTICLE:
        titled = "Mort " + _OF_ARTICLE[article] + render(sentence, subject_tokens - {min(subject_tokens)}, {})
    else:
        titled = _of("Mort", whole)
    forms = ([(titled, subject_tokens)] if len(whole) <= 50 else []) + ([(_of("Mort", render(sentence, set(name), {})), set(name))] if name else [])
    for form, kept in forms:
        if len(form) <= budget:
            return Candidate(finish(form), 0.0, frozenset(kept))
    return None


def _of(noun: str, complement: str) -> str:
    return f"{noun} d'{complement}" if VOWEL_START.match(complement) and not complement.lower().startswith("h") else f"{noun} de {complement}"


def _is_name(sentence: Sentence, kept: set[int]) -> bool:
    return any(sentence.tokens[i].entity == "PER" for i in kept)


def _predicate(sentence: Sentence, verb: int, subject: int, subject_tokens: set[int], opening: int):
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
            if tokens[head].lemma in SPANS and head not in (verb, subject):
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


def _present(sentence: Sentence, verb: int, replaced: dict[int, str], kept: set[int]) -> bool:
    """Put the main verb in the present tense, in place (``replaced``, ``kept``); False when it cannot."""
    tokens = sentence.tokens
    token = tokens[verb]
    auxiliaries = [c for c in sentence.children[verb] if tokens[c].dep in ("aux:tense", "aux:pass")]
    tense_aux = [c for c in auxiliaries if tokens[c].dep == "aux:tense"]
    passive_aux = [c for c in auxiliaries if tokens[c].dep == "aux:pass"]
    copulas = [c for c in sentence.children[verb] if tokens[c].dep == "cop"]
    for aux in tense_aux + passive_aux + copulas:
        features = morphology(tokens[aux])
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
        if morphology(tokens[cop]).get("VerbForm") == "Fin" or tense_aux:
            replaced[cop] = present
            kept.difference_update(tense_aux)
        return True
    features = morphology(token)
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


def _number(sentence: Sentence, verb: int, agreeing: list[int]) -> str:
    for aux in agreeing:
        if number := morphology(sentence.tokens[aux]).get("Number"):
            return number
    subject = _subject_of(sentence, verb)
    if subject is not None:
        return morphology(sentence.tokens[subject]).get("Number", "Sing")
    return "Sing"
