"""Headline candidates rewritten from the parse of a lede's first sentence (pure functions).

A French desk's headline: the subject simplified (the name rather than the title: "Mark Rutte" for
"Le secrétaire général de l'Otan Mark Rutte"), the main verb in the present tense agreeing with it
("a appelé" -> "appelle"), the passive without its auxiliary ("Trois soldats tués"), deaths in the
nominal form ("Mort de France Gall"), what the verb needs, and none of what the page says already:
when (its date), where/when openers, relative clauses and incises. Candidates are made by dropping
whole constituents, least newsworthy first, and scored on what they keep of the sentence: its named
entities, its main verb and object, its numbers. ``rewrite`` returns None when no candidate is good
enough: the caller falls back to cutting the lede (digest/headline.py).

This module finds the sentence's main verb and what the clause keeps; headline_subject.py finds and
simplifies its subject, headline_tense.py puts the verb in the present;
headline_sentence.py holds the parse and what says when, headline_candidates.py makes the shorter
candidates and scores them, conjugate.py conjugates, headline_parse.py parses and caches.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.headline_candidates import Candidate, finish, generate_candidates, is_negation, render
from digest.headline_check import complete, misread_verb, name_cut_short, part_of_a_plural_subject, stranded_by_the_tense
from digest.headline_event import winner
from digest.headline_lost import channel_owner, set_aside
from digest.headline_nominal import nominal_form
from digest.headline_strict import plural_by_ending, reader_fault, refers_back, verb_rewritten
from digest.headline_parse import Token, as_written
from digest.headline_apposition import name_in_apposition
from digest.headline_reread import Reparse, first_agreeing
from digest.headline_sentence import SPANS, VOWEL_START, Sentence, has_relative_day
from digest.headline_subject import (
    SUBJECT_DEPS, antecedent, bare_subject, clean_subject, coordinated_opening, is_name, is_pronoun_subject, main_verb, misread_name, name_before_verb,
    name_in_subject, subject_of, with_adjacent_name, with_whole_words,
)
from digest import headline_who as who
from digest.headline_tense import agree_participle, has_aux, periphrasis, reported_in_present, to_present

BUDGET = 80
WHOLE_BUDGET = 90  # the clause with nothing dropped may be this long

_KEPT_WITH_VERB = {"aux:tense", "aux:pass", "aux:caus", "cop", "expl:comp", "expl:pass", "expl:subj", "iobj"}
# Dependents dropped from every candidate: said by the page or a detail of a detail.
_ALWAYS_DROPPED = {"parataxis", "dislocated", "vocative", "discourse", "reparandum"}
_DEATH_VERBS = {"mourir", "décéder", "mort", "éteindre"}


def rewrite(tokens: Sequence[Token], *budgets: int, follows: bool = False, reparse: Reparse | None = None) -> str | None:
    """The best headline candidate within the first of ``budgets`` (default ``BUDGET``) characters
    that gives one, or None when none is good enough; ``follows``: the sentence is not the lede's
    first, and a subject that only refers back to the one before ("Le président", "La hausse") says nothing;
    ``reparse``: each candidate's text parsed, to refuse one read otherwise than meant (``headline_reread``)."""
    best = best_candidate(tokens, *budgets, follows=follows, reparse=reparse)
    return best.text if best else None


def best_candidate(tokens: Sequence[Token], *budgets: int, follows: bool = False, reparse: Reparse | None = None) -> Candidate | None:
    """The best candidate of the sentence's main clause; when that gives none (no subject found, a
    pronoun, nothing whole within the budget), of another clause with a subject of its own
    ("Au moins 25 personnes sont mortes [lorsque deux trains sont entrés en collision]")."""
    if not tokens:
        return None
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    budgets = budgets or (BUDGET,)
    if (won := winner(sentence, max(budgets))) is not None:
        return won
    # "Alors que l'armée est en passe de remporter…, elle a été expulsée…": the parser's root is the
    # background, the news is the clause it hung on it
    main = _main_clause_of_subordinate(sentence, verb) if verb is not None else None
    # a clean, complete clause a little longer beats a shorter one with words dropped
    clause = main if main is not None else verb
    if clause is not None and (found := _clause_candidate(sentence, clause, min(WHOLE_BUDGET, max(budgets)), follows, whole=True, reparse=reparse)):
        return found
    for budget in budgets:  # the main clause within a longer budget rather than another clause
        if main is not None and (found := _clause_candidate(sentence, main, budget, follows, reparse=reparse)) is not None:
            return found
        if verb is None and (nominal := _nominal(sentence, budget, follows)) is not None:
            return nominal
        if verb is not None and (found := _clause_candidate(sentence, verb, budget, follows, reparse=reparse)) is not None:
            return found
    for head in _other_clauses(sentence, verb):
        for budget in budgets:
            if (found := _clause_candidate(sentence, head, budget, follows, reparse=reparse)) is not None:
                return found
    for budget in budgets if verb is not None else ():
        if (found := _clause_candidate(sentence, verb if main is None else main, budget, follows, bare=True, reparse=reparse)) is not None:
            return found
    return None


# What opens a subordinate clause of time, cause or concession: what it says is background.
_BACKGROUND_MARKS = {"alors", "lorsque", "lorsqu'", "lorsqu’", "quand", "tandis", "puisque", "puisqu'", "puisqu’", "comme",
                     "bien", "si", "après", "avant", "depuis", "pendant"}


def _main_clause_of_subordinate(sentence: Sentence, verb: int) -> int | None:
    """When the parser made a subordinate clause the root ("Alors que…, elle a été expulsée"), the clause
    with a subject of its own it hung on it, after it, without a subordinator: the main clause."""
    tokens = sentence.tokens
    if not any(tokens[c].dep == "mark" and c < verb and tokens[c].text.lower() in _BACKGROUND_MARKS for c in sentence.children[verb]):
        return None
    for child in sentence.children[verb]:
        if child > verb and tokens[child].dep in ("advcl", "conj", "parataxis") and tokens[child].pos in ("VERB", "AUX", "ADJ") \
                and any(tokens[c].dep in SUBJECT_DEPS for c in sentence.children[child]) \
                and not any(tokens[c].dep == "mark" for c in sentence.children[child]):
            return child
    return None


def _other_clauses(sentence: Sentence, main: int | None) -> list[int]:
    """Heads of the sentence's other clauses that have a noun phrase for subject, not inside a relative
    clause or a quotation, in their order."""
    tokens = sentence.tokens
    relative = set().union(*(sentence.subtree(i) for i, t in enumerate(tokens) if t.dep == "acl:relcl"))
    return [
        i for i, token in enumerate(tokens)
        if i != main and i not in relative and i not in sentence.quote_of and sentence.is_clause(i) and not misread_name(sentence, i)
        # a relative clause however parsed: "la crise que connaît la France"
        and not any("PronType=Rel" in tokens[c].morph for c in sentence.children[i])
        # the subject first: "comme le montrent les données" says who says, not what
        and any(tokens[c].dep in SUBJECT_DEPS and tokens[c].pos in ("NOUN", "PROPN", "NUM") and c < i for c in sentence.children[i])
    ]


def resolved_subject(sentence: Sentence, verb: int) -> tuple[int, set[int], set[int], list[int] | None] | None:
    """The subject of ``verb``: the parser's subject word, the words a headline keeps of it (its name
    for a pronoun that has one), the words it is written with in the sentence, and the name of the
    person or thing it is (None when it has none); None when ``verb`` has no noun phrase for subject."""
    subject = subject_of(sentence, verb)
    if subject is None:
        return None
    if sentence.tokens[subject].pos not in ("NOUN", "PROPN", "PRON", "X", "NUM") \
            and not (sentence.tokens[subject].pos == "DET" and sentence.children[subject]) \
            and not (sentence.tokens[subject].pos == "ADJ" and any(sentence.tokens[c].dep == "det" for c in sentence.children[subject])):
        return None  # "Ce 26 dévoilent…": no noun phrase; "L'astromobile martien" is one, its noun tagged an adjective
    subject_tokens = written = with_adjacent_name(sentence, clean_subject(sentence, subject))
    if part_of_a_plural_subject(sentence, verb, subject_tokens):
        subject_tokens = written = coordinated_opening(sentence, subject_tokens, verb) or subject_tokens
    name = name_in_subject(sentence, subject_tokens) or name_in_apposition(sentence, subject) \
        or name_before_verb(sentence, subject, subject_tokens, verb)
    plural = "Number=Plur" in sentence.tokens[subject].morph or sentence.tokens[min(subject_tokens)].text.lower() in ("les", "des", "ces")
    if name and plural and "Number=Plur" not in sentence.tokens[name[0]].morph:
        name = None  # "Des chercheurs de l'université Calvin", "Les images prises par le télescope Kepler": a complement
    if subject_tokens == {subject} and sentence.tokens[subject].pos == "PRON":
        name = name or antecedent(sentence, subject, verb)
    if is_pronoun_subject(sentence, subject_tokens) and name:
        subject_tokens = set(name)
    return subject, subject_tokens, written, name


def _clause_candidate(sentence: Sentence, verb: int, budget: int, follows: bool = False, bare: bool = False,
                      whole: bool = False, reparse: Reparse | None = None) -> Candidate | None:
    """The best candidate with ``verb`` for main verb; ``bare``: with the subject's head alone; ``whole``: only the
    clause with nothing dropped."""
    if (resolved := resolved_subject(sentence, verb)) is None:
        return None
    subject, subject_tokens, written, name = resolved
    # "est mort" read as an adjective after a copula is the past of "mourir"
    past = has_aux(sentence, verb) or "Tense=Past" in sentence.tokens[verb].morph or sentence.tokens[verb].lemma == "mort" \
        and any(sentence.tokens[c].dep == "cop" and sentence.tokens[c].lemma == "être" for c in sentence.children[verb])
    # "a rendu l'âme": a death said by a locution
    soul = sentence.tokens[verb].lemma == "rendre" and any(
        sentence.tokens[c].dep == "obj" and sentence.tokens[c].lemma.lower() == "âme" for c in sentence.children[verb])
    if (sentence.tokens[verb].lemma in _DEATH_VERBS or soul) and past and (name or is_name(sentence, subject_tokens)
                                                                 or any(sentence.tokens[i].pos == "PROPN" for i in subject_tokens)):
        if (obituary := who.obituary(sentence, verb, subject_tokens, name, budget)) is not None:
            return obituary

    if is_pronoun_subject(sentence, subject_tokens):
        return None  # "On le devinait", "Celui qui…", "C'est… qui": nothing to name
    if follows and refers_back(sentence, subject_tokens):
        return None

    # The subject as written when it is short ("Le président Macron"), else the name its title introduces.
    # The whole clause keeps the whole name ("Mohamed Rabii", not "Rabii").
    subjects = [set(name)] if name and not (whole and name_cut_short(sentence, subject_tokens, name)) else []
    # or with a short title before the name ("Le biologiste japonais Yoshinori Ohsumi"), when it costs no news
    titled = len(render(sentence, subject_tokens, {})) > 30 and who.short_title(sentence, subject_tokens, name)
    if not subjects or len(render(sentence, subject_tokens, {})) <= 30 or titled:
        subjects.append(subject_tokens)
    if bare:  # nothing whole fits with the subject as written: its head alone ("Une équipe d'astronomes établit…")
        head = bare_subject(sentence, subject, subject_tokens)
        # "Le groupe annonce…": a definite head alone is someone only the lede names
        subjects = [head] if head and not name and sentence.tokens[subject].pos == "NOUN" and not refers_back(sentence, head) else []
    if (owner := channel_owner(sentence, subject)) is not None:
        subjects.insert(0, owner[0])  # the owner says it: the channel is no news ("Le compte Twitter de")
    candidates = [found for simplified in subjects for found in _candidates_with(sentence, verb, subject, simplified, written, budget)
                  if not whole or found.whole and not stranded_by_the_tense(sentence, found.kept, verb)]
    candidates = who.title_at_no_cost(candidates, subject_tokens - set(name)) if titled else candidates
    if owner is not None:  # the channel's words cost the news's: its owner alone whenever it gives a headline
        candidates = [c for c in candidates if subject not in c.kept] or candidates
    if (best := first_agreeing(sentence, candidates, reparse)) is None:
        return None
    best = nominal_form(sentence, verb, subject, best, budget) or best
    return Candidate(finish(best.text), best.score, best.kept)


def _candidates_with(sentence: Sentence, verb: int, subject: int, simplified: set[int], written: set[int], budget: int):
    """The candidates with ``simplified`` for the subject's words (none when the tense cannot be made present)."""
    kept, replaced = predicate(sentence, verb, subject, simplified, min(written | {subject}))
    if kept is not None and (owner := channel_owner(sentence, subject)) is not None and simplified == owner[0]:
        replaced |= owner[1]
    return generate_candidates(sentence, verb, simplified, kept, replaced, budget) if kept is not None else ()


def _nominal(sentence: Sentence, budget: int, follows: bool = False) -> Candidate | None:
    """A sentence without a verb is already a headline ("Ouverture de la nouvelle édition du concours
    des glorieuses de Bresse, à Montrevel-en-Bresse ce jour"): its head noun and what it keeps within the budget."""
    roots = [i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT" and t.pos in ("NOUN", "PROPN")]
    if not roots:
        return None
    head = roots[0]
    tree = sentence.subtree(head)
    if follows and refers_back(sentence, {head, *(c for c in sentence.children[head] if sentence.tokens[c].dep == "det")}):
        return None
    # a verb only in what describes the head ("Petite déception pour l'équipe de France, qui n'a pas réussi…")
    clauses = set().union(*(sentence.subtree(i) for i in tree if sentence.tokens[i].dep in ("acl:relcl", "acl")))
    if misread_verb(sentence) is not None or any(t.pos in ("VERB", "AUX") and "Fin" in t.morph for i, t in enumerate(sentence.tokens) if i not in clauses):
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
    replaced: dict[int, str] = {}
    for clause in sentence.children[head]:
        # a passive the parser hung on the noun ("Les Imbonerakure, …, est accusée de…"): without its
        # auxiliary, agreeing with the noun, as a headline says it ("Les Imbonerakure accusés de…")
        if clause in kept and sentence.tokens[clause].dep == "acl" and any(
                sentence.tokens[c].dep == "aux:pass" and c in kept for c in sentence.children[clause]):
            to_present(sentence, clause, replaced, kept)
            agree_participle(sentence, clause, opening | {head}, replaced, kept)
    definite_articles(sentence, kept, replaced)
    plural_articles(sentence, kept, replaced)
    candidates = list(generate_candidates(sentence, head, opening | {head}, kept, replaced, budget))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return Candidate(finish(best.text), best.score, best.kept)


def predicate(sentence: Sentence, verb: int, subject: int, subject_tokens: set[int], opening: int):
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
        if dep in _ALWAYS_DROPPED or dep in SUBJECT_DEPS:
            continue  # a second subject is a parse error: "transportant plus de 600 personnes" taken for one
        if child < start_of_subject and dep not in _KEPT_WITH_VERB and not tokens[child].pos == "PRON":
            continue  # fronted where/when/why: "Selon X,", "Après avoir…,", "Jeudi soir,"
        if sentence.is_time(child):
            continue
        tree = sentence.subtree(child)
        if subject in tree:
            continue  # the subject hung on a participle set off before the verb ("…, élu le 1er décembre,"): that goes
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
    kept -= sentence.broken_dates(kept) | _left_alone_by_times(sentence, kept, verb) | set_aside(sentence, verb)  # "le 1 er [juillet]", "survenu [hier]"
    for i in sorted(kept):
        if i < start_of_subject and i != verb and i not in subject_tokens and tokens[i].dep not in _KEPT_WITH_VERB and tokens[i].pos != "PRON":
            kept -= sentence.subtree(i) - subject_tokens - {verb}
    # what a parenthesis adds: "(En marche !)", "(Loire-Atlantique, France)"
    depth = 0
    for i, token in enumerate(tokens):
        if token.text == "(":
            depth += 1
        if depth and i not in sentence.quote_of and (i not in subject_tokens or subject in subject_tokens):  # "(EDF)" said for the subject
            kept.discard(i)
        if token.text == ")":
            depth = max(0, depth - 1)
    kept = with_whole_words(sentence, kept)
    kept |= sentence.closed_quotes(kept)
    conjugated = to_present(sentence, verb, replaced, kept)
    if not conjugated:
        return None, None
    agree_participle(sentence, verb, subject_tokens, replaced, kept)
    _joined_in_present(sentence, verb, replaced, kept)
    if (action := periphrasis(sentence, verb)) is not None and replaced.get(verb) == "":
        agree_participle(sentence, action, subject_tokens, replaced, kept)  # "La Haute-Loire placée en vigilance"
    definite_articles(sentence, kept, replaced)
    plural_articles(sentence, kept, replaced)
    return kept, replaced


def _left_alone_by_times(sentence: Sentence, kept: set[int], verb: int) -> set[int]:
    """A participle that said only when ("l'accident survenu [hier]", however the parser hung "hier"): with its time
    phrase gone it says nothing ("Le bilan de l'accident survenu s'alourdit"), and goes with it."""
    alone: set[int] = set()
    for i in kept - {verb}:
        token, after = sentence.tokens[i], i + 1
        if token.pos != "VERB" or "VerbForm=Part" not in token.morph or token.dep not in ("acl", "amod") \
                or any(c in kept for c in sentence.children[i]) or after >= len(sentence.tokens) or after in kept:
            continue
        time = sentence.tokens[after].head if sentence.tokens[after].dep in ("case", "det") else after
        if sentence.is_time(time) or sentence.is_time_word(time) or sentence.tokens[time].lemma in SPANS:
            alone |= sentence.subtree(i)
    return alone


def _joined_in_present(sentence: Sentence, verb: int, replaced: dict[int, str], kept: set[int]) -> None:
    """"ont été tuées et 187 ont été blessées" -> "tuées et 187 blessées": a verb joined to the main one, or the clause it
    reports, rewritten in its tense (not a negated one: "mais il n'a pas été blessé" keeps its auxiliary)."""
    if not verb_rewritten(sentence, kept, replaced, verb):
        return
    reported_in_present(sentence, verb, replaced, kept)
    for joined in sentence.children[verb]:
        if joined in kept and sentence.tokens[joined].dep == "conj" and sentence.tokens[joined].pos == "VERB" \
                and not any(is_negation(sentence, c) for c in sentence.children[joined]):
            to_present(sentence, joined, replaced, kept)


def whole_clause(tokens: Sequence[Token], budget: int) -> str | None:
    """The longest beginning of the sentence within ``budget`` that is a whole statement (its subject,
    its verb, no word left without the one it needs): the fallback's cut, as written, tense and all."""
    if not tokens:
        return None
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    subject = subject_of(sentence, verb) if verb is not None else None
    if subject is None or is_pronoun_subject(sentence, clean_subject(sentence, subject)):
        return None  # "On le devinait déjà": who, the clause does not say
    for end in range(len(tokens), verb, -1):
        text = as_written(tokens[:end]).rstrip(".,;:").strip()
        kept = {i for i in range(end) if tokens[i].pos != "PUNCT" or i in sentence.quote_of}
        if len(text) <= budget and complete(sentence, kept, text, verb, clean_subject(sentence, subject)) \
                and not has_relative_day(text) and reader_fault(sentence, kept, {}, text, verb, clean_subject(sentence, subject)) is None:
            return finish(text)
    return None


_DEFINITE = {"ce": "le", "cet": "l'", "cette": "la", "ces": "les"}
_CONTRACTED = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}


_PLURAL_ARTICLE = {"le": "les", "la": "les", "un": "des", "une": "des", "du": "des"}


def plural_articles(sentence: Sentence, kept: set[int], replaced: dict[int, str]) -> None:
    """"Le séries mondiales" -> "Les séries mondiales", "les acteur politiques" -> "les acteurs politiques":
    an agreement error of the lede not copied, the article taking the number of its plural noun, a noun
    the number of the article and adjective around it."""
    for i in kept:
        token = sentence.tokens[i]
        article = _PLURAL_ARTICLE.get(replaced.get(i, token.text).lower())
        if token.dep == "det" and article and token.head == i + 1 and token.head in kept and "Number=Sing" in token.morph \
                and not sentence.tokens[i + 1].text[:1].isupper() and plural_by_ending(sentence.tokens[i + 1]):
            replaced[i] = article.capitalize() if token.text[:1].isupper() else article
        # "les acteur politiques": the noun alone singular between a plural article and a plural adjective
        noun = sentence.tokens[i + 1] if i + 1 < len(sentence.tokens) else None
        if token.dep == "det" and token.head == i + 1 and {i + 1, i + 2} <= kept and "Number=Plur" in token.morph \
                and token.text.lower() in ("les", "des", "ces") and "Number=Sing" in noun.morph and noun.pos == "NOUN" \
                and not noun.text.lower().endswith(("s", "x", "z")) and i + 1 not in replaced \
                and sentence.tokens[i + 2].head == i + 1 and "Number=Plur" in sentence.tokens[i + 2].morph:
            replaced[i + 1] = noun.text + "s"


def definite_articles(sentence: Sentence, kept: set[int], replaced: dict[int, str]) -> None:
    """"cette étape" -> "l'étape", "ces négociations" -> "les négociations": a headline's reader has
    read nothing it could point back to."""
    for i in kept:
        token = sentence.tokens[i]
        article = _DEFINITE.get(token.text.lower())
        if token.dep == "det" and "PronType=Dem" in token.morph and article and token.head in kept:
            following = sentence.tokens[i + 1].text if i + 1 < len(sentence.tokens) else ""
            if article == "la" and VOWEL_START.match(following) and not following.lower().startswith("h"):
                article = "l'"
            before = sentence.tokens[i - 1].text.lower() if i else ""
            if i - 1 in kept and (before, article) in _CONTRACTED:  # "de ce film" -> "du film"
                replaced[i - 1], article = _CONTRACTED[before, article], ""
            replaced[i] = article.capitalize() if token.text[:1].isupper() else article
