"""The subject of a headline's main verb, from the parse of a lede's sentence (pure functions): found
however the parser hung it (after its verb, read as a modifier, a fragment of its own), cleaned of
its incises and relative clauses, and the proper name its title introduces ("Le secrétaire général
de l'Otan Mark Rutte" -> Mark Rutte).
"""

from __future__ import annotations

from digest.headline_sentence import Sentence

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
# Verbs whose compound past takes "être" without being passive ("sont descendus" -> "descendent").
ETRE_VERBS = {
    "aller", "venir", "arriver", "partir", "descendre", "monter", "entrer", "rentrer", "sortir", "naître", "mourir",
    "décéder", "tomber", "rester", "retourner", "devenir", "revenir", "parvenir", "intervenir", "survenir", "passer",
    "redevenir", "repartir", "ressortir", "remonter", "redescendre", "apparaître", "advenir", "provenir",
}


def subject_of(sentence: Sentence, verb: int) -> int | None:
    misread = None  # a subject that is no noun phrase ("MiG-29" read as a verb): the last resort
    for child in sentence.children[verb]:
        if sentence.tokens[child].dep in SUBJECT_DEPS and not sentence.is_time(child):
            if sentence.tokens[child].pos in ("NOUN", "PROPN", "PRON", "X", "NUM"):
                return child
            misread = child if misread is None else misread
    # the subject of an apposition read as the root, or of a name read as a verb (main_verb)
    head = sentence.tokens[verb].head
    if sentence.tokens[verb].dep == "conj" or sentence.tokens[head].pos == "VERB" and misread_name(sentence, head):
        for child in sentence.children[head]:
            if sentence.tokens[child].dep in SUBJECT_DEPS and child < verb and not sentence.is_time(child):
                return child
    # "Le nouveau président gambien Adama Barrow, …, élu le 1er décembre, est revenu": the subject given
    # to a participle set off before the verb
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if child < verb and token.pos == "VERB" and token.dep == "advcl" and "VerbForm=Part" in token.morph \
                and not any(sentence.tokens[c].dep.startswith(("aux", "cop")) for c in sentence.children[child]):
            for c in sentence.children[child]:
                if sentence.tokens[c].dep in SUBJECT_DEPS and c < child and sentence.tokens[c].pos in ("NOUN", "PROPN"):
                    return c
    # A noun phrase the parser left as a sentence of its own before the verb
    # ("Un avion-cargo qui effectuait le vol TK6491" | "s'est écrasé"): the subject.
    for root, token in enumerate(sentence.tokens):
        if root < verb and token.dep == "ROOT" and token.pos in ("NOUN", "PROPN") and not sentence.is_time(root) \
                and max(sentence.subtree(root)) < verb:
            return root
    # A subject after its verb ("Hier se tenait la cérémonie d'ouverture"): put first.
    tokens = sentence.tokens
    inverting = sentence.is_reflexive(verb) or tokens[verb].lemma in ETRE_VERBS \
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


def name_in_subject(sentence: Sentence, kept: set[int]) -> list[int] | None:
    """The proper name a title introduces ("Le secrétaire général de l'Otan Mark Rutte" -> Mark Rutte):
    the last run of proper nouns of the subject, without a first word that an article introduces
    ("l'Otan"), when something comes before it."""
    order = sorted(kept)
    tokens = sentence.tokens
    if any(tokens[i].head in kept and second_actor(sentence, i) for i in kept):
        return None  # "Les ministres Matthias Fekl et Ericka Bareigts": two, not the last one's name
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
    elif not _hung_without_preposition(sentence, kept, run[0]) and not (
            all(tokens[j].entity == "PER" for j in run) and any(_hung_without_preposition(sentence, kept, j) for j in run)):
        # a name in the subject's complement is not the subject's: "Le château du couple Fillon" (a person's
        # name however the parser hung its words: "… de la littérature d'origine bulgare Tzvetan Todorov" is the subject)
        return None
    return run if len(run) >= 1 else None


def _hung_without_preposition(sentence: Sentence, kept: set[int], j: int) -> bool:
    """Whether ``j`` and its heads up to the subject's head go without a preposition."""
    tokens = sentence.tokens
    while tokens[j].head != j and tokens[j].head in kept:
        if any(tokens[c].dep == "case" for c in sentence.children[j]):
            return False
        j = tokens[j].head
    return True


def name_before_verb(sentence: Sentence, subject: int, subject_tokens: set[int], verb: int) -> list[int] | None:
    """The name of a person a title for subject introduces, however the parser hung it, between the
    subject and its verb ("Le vétéran de la lutte anti-apartheid…, Ahmed Kathrada, est décédé",
    "L'auteur-compositeur-interprète britannique George Michael, …, est décédé"): the first run of
    words the NER calls a person there, set off by a comma, written right after the title or right
    before the verb, not introduced by a preposition ("compagnon de Nelson Mandela"). None when the subject is a name already
    or plural."""
    tokens = sentence.tokens
    if tokens[subject].pos != "NOUN" or tokens[subject].entity or "Number=Plur" in tokens[subject].morph:
        return None
    relative = set().union(*(sentence.subtree(j) for j, t in enumerate(tokens) if t.dep == "acl:relcl"))
    gender = [part for part in tokens[subject].morph.split("|") if part.startswith("Gender=")]
    i = max(subject_tokens) + 1
    while i < verb:
        if tokens[i].entity != "PER":
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < verb and tokens[run[-1] + 1].entity == "PER":
            run.append(run[-1] + 1)
        # "La propriété du sélectionneur, Didier Deschamps,": a name of another gender is not the subject's
        other_gender = gender and any("Gender=" in tokens[j].morph and gender[0] not in tokens[j].morph for j in run)
        if other_gender or any(j in relative for j in run):
            i = run[-1] + 1
            continue
        before, after = tokens[i - 1], tokens[run[-1] + 1]
        introduced = before.pos in ("ADP", "DET") or before.text.endswith(("'", "’"))
        set_off = before.text == "," or before.pos == "ADJ" and i - 1 in subject_tokens | {max(subject_tokens) + 1}
        # right before the verb, its auxiliary or its "se", a name is who does it ("… de 1968 à 1971 Maurice Cazeneuve
        # est mort", "… de cinéma et de télévision Roger Dumas s'est éteint")
        next_to_verb = all(tokens[j].pos == "AUX" or tokens[j].dep.startswith("expl") for j in range(run[-1] + 1, verb))
        if not introduced and (set_off and after.text == "," or next_to_verb):
            return run
        i = run[-1] + 1
    return None


def antecedent(sentence: Sentence, pronoun: int, verb: int) -> list[int] | None:
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
    if len(distinct) == 1:
        return names[0]
    if names:
        return None
    # "Alors que l'armée syrienne est en passe…, elle a été expulsée": no one named, the subject of the
    # clause the pronoun's clause hangs on, of the pronoun's gender and number
    head = sentence.tokens[verb].head
    gender = "Gender=Fem" if sentence.tokens[pronoun].text.lower() == "elle" else "Gender=Masc"
    for c in sentence.children[head]:
        token = sentence.tokens[c]
        if head != verb and c < pronoun and token.dep in SUBJECT_DEPS and token.pos == "NOUN" \
                and gender in token.morph and "Number=Sing" in token.morph:
            return sorted(clean_subject(sentence, c))
    return None


def clean_subject(sentence: Sentence, subject: int) -> set[int]:
    """The subject without its incises, relative clauses and what follows a first comma."""
    kept = set()
    stop = None
    tree = sorted(sentence.subtree(subject))
    # "Avant l'aube, des attentats…": what comes before a comma ahead of the subject's head is an opener
    commas = [i for i in tree if i < subject and sentence.tokens[i].text == "," and i not in sentence.quote_of]
    if commas:
        tree = [i for i in tree if i > commas[-1]]
    # "[que] la nouvelle région s'appellera": a subordinator the parser hung on the subject opens its clause
    tree = [i for i in tree if not (i < subject and sentence.tokens[i].dep == "mark" and sentence.tokens[i].pos == "SCONJ")]
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
    kept = with_whole_words(sentence, kept)
    # a fragment the parser left as a root of its own right before the subject belongs to it
    start = min(kept)
    for root, token in enumerate(sentence.tokens):
        if token.dep == "ROOT" and root < start:
            fragment = sentence.subtree(root)
            if max(fragment) == start - 1 and all(sentence.tokens[i].pos != "PUNCT" for i in fragment):
                kept |= fragment
    return with_whole_name(sentence, kept, subject)


def with_whole_name(sentence: Sentence, kept: set[int], subject: int) -> set[int]:
    """``kept`` with the rest of the name that is the subject, a run of words the NER gave one type,
    which the parser may have hung elsewhere ("Marie-Amélie" "Le Fur" read as two subjects)."""
    tokens, kept = sentence.tokens, set(kept)
    i = subject + 1
    while tokens[subject].entity and i < len(tokens) and i - 1 in kept and tokens[i].entity == tokens[subject].entity \
            and tokens[i].pos != "PUNCT":
        kept.add(i)
        i += 1
    return kept


def with_adjacent_name(sentence: Sentence, kept: set[int]) -> set[int]:
    """``kept`` with the capitalised words written right after it ("Le Sud-Coréen" "Jin Jong-oh", a name
    the parser hung elsewhere) and the proper nouns right before it: two capitalised words side by
    side are one name, kept whole."""
    tokens, kept = sentence.tokens, set(kept)
    if not tokens[max(kept)].text[:1].isupper():
        return kept
    j = min(kept) - 1  # and before it: "le champion du monde Shohei" "Ōno"
    while j >= 0 and tokens[min(kept)].text[:1].isupper() and tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper():
        kept.add(j)
        j -= 1
    i = max(kept) + 1
    while i < len(tokens) and (tokens[i].text[:1].isupper() and tokens[i].pos != "PUNCT"
                               or not tokens[i - 1].space and (tokens[i].text[:1].isalnum() or tokens[i].text == "-")):
        kept.add(i)
        i += 1
    return kept


def with_whole_words(sentence: Sentence, kept: set[int]) -> set[int]:
    """``kept`` with the parts of its hyphenated words the parser hung elsewhere ("attentat" "-suicide",
    "Bâton" "-" "Rouge")."""
    tokens, kept = sentence.tokens, set(kept)
    for i in range(1, len(tokens)):
        if i - 1 in kept and not tokens[i - 1].space and (tokens[i].text.startswith("-") or tokens[i - 1].text.endswith("-")):
            kept.add(i)
    return kept


def is_pronoun_subject(sentence: Sentence, subject_tokens: set[int]) -> bool:
    tokens = [sentence.tokens[i] for i in sorted(subject_tokens)]
    return all(t.pos in ("PRON", "DET", "PUNCT") for t in tokens)


def is_name(sentence: Sentence, kept: set[int]) -> bool:
    return any(sentence.tokens[i].entity == "PER" for i in kept)


def second_actor(sentence: Sentence, i: int) -> bool:
    """Whether ``i`` coordinates a second one with the subject ("Nîmes et Montpellier", "Nicolas Sarkozy et
    son épouse Carla Bruni"): a name, or a noun of its own article; not a second title of the same
    person ("Le journaliste et animateur de radio Pierre Bouteiller")."""
    tokens = sentence.tokens
    return tokens[i].dep == "conj" and (tokens[i].pos == "PROPN" or any(tokens[c].dep == "det" for c in sentence.children[i])
                                        and any(tokens[j].pos == "PROPN" for j in sentence.subtree(i)))


def main_verb(sentence: Sentence) -> int | None:
    """The main clause's verb (or a noun or adjective with its copula); None when the sentence has none."""
    # The parser may split a sentence in two ("La sonde japonaise" | "Akatsuki a envoyé…"): the
    # first root that is a verb, or a noun or adjective with a copula, is the main clause; one with
    # an auxiliary first ("La cycliste néerlandaise", read as a verb | "Anna van der Breggen est devenue…").
    roots = [
        root for root, token in enumerate(sentence.tokens)
        if token.dep == "ROOT" and not misread_name(sentence, root) and (token.pos in ("VERB", "AUX") and "VerbForm=" in token.morph or any(
            sentence.tokens[c].dep in ("cop", "aux:tense", "aux:pass") for c in sentence.children[root]))
    ]
    for root in roots:
        if any(sentence.tokens[c].dep in ("cop", "aux:tense", "aux:pass") for c in sentence.children[root]):
            return root
    if roots:
        return roots[0]
    # "L'ancien footballeur camerounais Zacharie Noah est décédé": the name read as the root verb, the
    # verb with its auxiliary hung on it
    for root, token in enumerate(sentence.tokens):
        if token.dep == "ROOT" and token.pos == "VERB" and misread_name(sentence, root):
            for child in sentence.children[root]:
                if sentence.tokens[child].pos == "VERB" and child > root and any(
                        sentence.tokens[c].dep in ("aux:tense", "aux:pass") for c in sentence.children[child]):
                    return child
    # "Armand Gatti, figure du théâtre français, s'est éteint": the apposition read as the root
    # ("figure", a noun), the verb as its coordinate
    for root, token in enumerate(sentence.tokens):
        if token.dep == "ROOT" and token.pos in ("NOUN", "PROPN"):
            for child in sentence.children[root]:
                if sentence.tokens[child].dep == "conj" and sentence.tokens[child].pos == "VERB" and any(
                        sentence.tokens[c].dep in ("aux:tense", "aux:pass") for c in sentence.children[child]):
                    return child
    return None


def misread_name(sentence: Sentence, i: int) -> bool:
    """A name the parser read as a verb ("L'ancien footballeur camerounais Zacharie Noah est décédé")."""
    token = sentence.tokens[i]
    return bool(i and token.entity and token.text[:1].isupper())


# What a subject's head is never said without: its article, its name's words, its number.
_HEAD_WORDS = {"det", "case", "flat:name", "flat:foreign", "fixed", "nummod", "compound", "amod"}


def bare_subject(sentence: Sentence, subject: int, subject_tokens: set[int]) -> set[int]:
    """The subject's head with its article, adjectives, name and number, and the short "de" complement
    right after it that says what it is a group of, whole ("Une équipe d'astronomes [du centre de
    recherche…]", "Des scientifiques [principalement rattachés au…]"): the subject of a headline whose
    lede spends a line on who before saying what; empty when that complement is too long to keep."""
    bare, todo = {subject}, [subject]
    while todo:
        head = todo.pop()
        for child in sentence.children[head]:
            token = sentence.tokens[child]
            # an adjective alone: "âgés [de 26, 30 et 48 ans]" would wait for its complement
            alone = token.dep != "amod" or not sentence.children[child]
            if child in subject_tokens and token.dep in _HEAD_WORDS and alone:
                bare.add(child)
                todo.append(child)
    for child in sentence.children[subject]:
        tree = sentence.subtree(child)
        if sentence.tokens[child].dep == "nmod" and min(tree) == subject + 1 \
                and sentence.tokens[subject + 1].text.lower() in ("de", "d'", "d’", "des", "du"):
            # "d'astronomes [du centre de recherche…]": the complement's own head words, when they open it
            core = _head_words(sentence, child, subject_tokens) if len(tree) > 4 else tree
            if len(core) > 4 or not core <= subject_tokens or core != set(range(subject + 1, max(core) + 1)) \
                    or any(sentence.tokens[i].pos == "PUNCT" or sentence.tokens[i].text[:1].isupper() for i in core) \
                    or sentence.tokens[child].pos != "NOUN":  # "du Grand collisionneur [de hadrons]": a name cut
                return set()  # "Une centaine [de…]": the head alone says nothing
            bare |= core
    # the words before the head, whole ("La 4 e étape": "e" ends the ordinal the parser hung apart)
    return bare | {i for i in subject_tokens if min(bare) < i < subject}


def _head_words(sentence: Sentence, head: int, subject_tokens: set[int]) -> set[int]:
    """``head`` with its article, preposition, number and adjectives without complements of their own."""
    words, todo = {head}, [head]
    while todo:
        for child in sentence.children[todo.pop()]:
            token = sentence.tokens[child]
            if child in subject_tokens and token.dep in _HEAD_WORDS and (token.dep != "amod" or not sentence.children[child]):
                words.add(child)
                todo.append(child)
    return words


def coordinated_opening(sentence: Sentence, subject_tokens: set[int], verb: int) -> set[int] | None:
    """The sentence's words up to the verb when they coordinate another noun phrase with the subject ("[Le PSG
    Handball et] Montpellier ont obtenu", "La NASA [et le CIP] envisagent": the parser's subject one of the
    two); None when they do not."""
    tokens = sentence.tokens
    # up to the verb's auxiliary ("ont obtenu")
    opening = set(range(0, min([c for c in sentence.children[verb] if c < verb and tokens[c].dep.startswith(("aux", "cop"))] + [verb])))
    if max(subject_tokens) >= verb or tokens[0].pos not in ("DET", "PROPN", "NOUN", "NUM") or any(
            tokens[i].pos in ("PUNCT", "VERB", "AUX", "SCONJ", "PRON") for i in opening):
        return None
    return opening if any(tokens[i].dep == "cc" and tokens[i].lemma == "et" for i in opening - subject_tokens) else None
