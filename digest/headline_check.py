"""Whether a headline candidate is a whole statement (pure functions): it ends on no word that needs
another ("du", "le", "annonce", "a révélé"), and no verb it keeps has lost what it needs
("Les chiffres concernant", "Un appel anonyme passé", "Donald Trump a annoncé").
"""

from __future__ import annotations

import re

from digest.headline_loose import between_one, verb_without_its_infinitive
from digest.headline_sentence import Sentence

DANGLING = frozenset(
    "le la les l un une des du de d au aux à a et ou en par pour sur dans avec sans son sa ses leur leurs "
    "ce cet cette ces qui que qu dont où mais ni car se s ne n y très plus moins peu comme lors dont "
    "est sont était été être avoir ont suite cours sein cas raison près face auprès afin hauteur fin début terme "
    "notamment également aussi encore lorsque lorsqu quand puisque tandis alors si er e".split()
)


# Verbs that say nothing without what they report or decide: "Pierre Karl Péladeau annonce".
NEEDS_COMPLEMENT = {
    "annoncer", "révéler", "déclarer", "affirmer", "décider", "indiquer", "confirmer", "estimer", "expliquer", "assurer",
    "démentir", "souligner", "rapporter", "prévoir", "permettre", "réussir", "dire", "juger", "reconnaître", "admettre", "apprendre",
    "confier", "préciser", "ajouter", "avouer", "signaler", "rappeler", "raconter", "promettre", "avertir",
}
# Verbs that, active, do nothing without their object: "La Fédération internationale … lance [une campagne]".
NEEDS_OBJECT = {
    "lancer", "présenter", "dévoiler", "proposer", "demander", "exiger", "réclamer", "dénoncer", "publier", "signer",
    "adopter", "prendre", "donner", "accorder", "obtenir", "remporter", "recevoir", "subir", "causer", "provoquer",
    "organiser", "infliger", "livrer", "dresser", "mettre",
}


def ends_well(sentence: Sentence, kept: set[int], text: str) -> bool:
    # a word that only goes with another ("du", "le", "par") never stays without it
    for i in kept:
        token = sentence.tokens[i]
        if token.dep in ("case", "det", "mark", "cc", "fixed") and token.head not in kept and not sentence.held_by_its_word(kept, i) \
                and not _article_of_its_acronym(sentence, kept, i):
            return False
    last = max(kept)
    token = sentence.tokens[last]
    if token.pos in ("DET", "ADP", "CCONJ", "SCONJ", "AUX") or token.dep in ("case", "mark", "cc", "det"):
        return False
    word = max((i for i in kept if sentence.tokens[i].pos != "PUNCT"), default=last)
    if sentence.tokens[word].lemma in NEEDS_COMPLEMENT and not sentence.front:
        return False
    words = text.split(" ")
    if len(words) > 2 and words[-1].isdigit() and words[-2].lower() in ("et", "ou"):
        return False  # "Au moins deux personnes sont mortes et 35 [blessées]"
    word = re.sub(r"[^\w'’-]", "", text.rsplit(" ", 1)[-1]).lower().rstrip("'’")
    return word not in DANGLING and text.count("«") == text.count("»") and text.count("(") == text.count(")") \
        and text.count("[") == text.count("]")


def _article_of_its_acronym(sentence: Sentence, kept: set[int], i: int) -> bool:
    """Whether ``i`` is an article kept before the acronym in apposition to its noun, the noun dropped: "La FFF"."""
    tokens = sentence.tokens
    following = min((j for j in kept if j > i), default=None)
    return tokens[i].dep == "det" and following is not None and tokens[following].dep == "appos" \
        and tokens[following].head == tokens[i].head and tokens[following].text.isupper() and tokens[following - 1].text == "("


def complete(sentence: Sentence, kept: set[int], text: str, verb: int, subject: set[int]) -> bool:
    """Whether ``kept`` says a whole statement: its verb and subject, an end that needs nothing more
    ("Au moins deux personnes sont mortes et 35 [blessées]" is not), and no verb in it wanting its
    complement. A word kept without the one it depends on is the strict checker's to find
    (``headline_strict.reader_fault``), which every candidate passes too."""
    first = sentence.tokens[min(kept)]
    if verb not in kept or not subject & kept or first.pos in ("CCONJ", "SCONJ") or first.dep == "case" and min(kept) not in subject and not _partitive(sentence, min(kept), subject):
        return False
    if any(sentence.tokens[i].dep == "det" and "Poss=Yes" in sentence.tokens[i].morph and sentence.tokens[i].head in subject
           and sentence.tokens[sentence.tokens[i].head].head not in subject for i in subject & kept):
        return False  # "Sa production ne reprend jamais": whose, the headline does not say
    if _says_when_not_who(sentence, subject):
        return False  # "Une nouvelle fois défaille sur ses propres terres": the subject is an adverbial misread
    if _cuts_a_name(sentence, kept) or _splices_a_repeat(sentence, kept):
        return False
    if part_of_a_plural_subject(sentence, verb, subject) or _relative_for_main(sentence, verb, subject):
        return False
    if sentence.tokens[verb].pos == "AUX" and sentence.tokens[verb].lemma == "avoir" \
            and not any(c in kept and sentence.tokens[c].dep == "obj" for c in sentence.children[verb]):
        return False  # "François Fillon a [annoncé]": the auxiliary read as the verb, its participle lost
    if any(sentence.tokens[i].pos == "VERB" and i != verb and any(
            sentence.tokens[c].dep in ("nsubj", "nsubj:pass") and c not in kept for c in sentence.children[i]) for i in kept):
        return False  # "Des documents [montrent que] 16 joueurs sont suspectés": a clause without its subject
    if any(sentence.tokens[i].pos == "VERB" and sentence.tokens[i].dep == "conj" and not any(
            c in kept and sentence.tokens[c].dep == "cc" for c in sentence.children[i]) for i in kept if i != verb):
        return False  # "Environ 18 personnes sont mortes s'est effondré": two verbs with nothing to join them
    head_verb = sentence.tokens[verb]
    if "VerbForm=Inf" in head_verb.morph and not any(
            c in kept and (sentence.tokens[c].dep.startswith(("aux", "cop")) or sentence.tokens[c].pos == "AUX")
            for c in sentence.children[verb]):
        return False  # "Le circuit se dérouler": the verb that governed the infinitive lost
    if says_nothing_after(sentence, kept, verb):
        return False  # "Les autorités annoncent lors d'une conférence de presse": announce what
    if phrase_cut(sentence, kept, verb):
        return False  # "prendre en main la gestion [du Plan…]": a noun phrase cut mid-way
    if _half_a_negation(sentence, kept):
        return False  # "L'Attracteur Shapley [n'est] pas…": a negation without its "ne" says nothing French
    if between_one(sentence, kept, verb):
        return False  # "Une collision entre un train de voyageurs [et un train de marchandises]"
    return ends_well(sentence, kept, text) and not any(wants_complement(sentence, kept, i, verb) for i in kept) \
        and not _cut_after_verb(sentence, kept, verb) and not any(points_back(sentence, i) for i in kept)


def misread_verb(sentence: Sentence) -> int | None:
    """A finite verb without a subject of its own, which the parser did not make the sentence's verb ("La sonde
    spatiale Juno, qui a fait …, rencontre des difficultés", hung in the relative clause); None when there is none.
    A headline of the noun alone would drop the news."""
    for i, token in enumerate(sentence.tokens):
        if token.pos == "VERB" and "VerbForm=Fin" in token.morph and token.dep != "conj" and not any(
                sentence.tokens[c].dep in ("nsubj", "nsubj:pass", "expl:subj", "csubj") for c in sentence.children[i]):
            return i
    return None


def phrase_cut(sentence: Sentence, kept: set[int], verb: int) -> bool:
    """Whether the headline ends on a noun whose phrase goes on in the sentence with a dropped "de" complement
    or adjective ("la gestion [du Plan de développement]", "le comportement [instinctif de chasse]"), or on an
    apposition without its relative clause ("la lèpre, une maladie [qui a fortement régressé]"). What says
    when may go."""
    tokens = sentence.tokens
    last = max((i for i in kept if tokens[i].pos != "PUNCT"), default=verb)
    following = tokens[last + 1] if last + 1 < len(tokens) and last + 1 not in kept else None
    if last != verb and tokens[last].text.isalpha() and tokens[last].text.islower() and tokens[last].pos in ("NOUN", "PROPN") \
            and following is not None and tokens[last].space and following.text[:1].isupper() and following.pos in ("PROPN", "X"):
        return True  # "sur la planète [Jupiter]": the name that says which, however the parser hung it
    if last == verb or tokens[last].pos != "NOUN":
        return False
    for child in sentence.children[last]:
        token = tokens[child]
        if child <= last or child in kept or sentence.is_time(child) or sentence.is_time_word(child):
            continue
        if token.text[:1].isupper():
            continue
        of = any(tokens[c].dep == "case" and tokens[c].text.lower() in ("de", "d'", "d’", "du", "des") for c in sentence.children[child])
        if token.dep == "nmod" and token.pos == "NOUN" and of and child == _next_word(sentence, last) \
                or token.dep == "amod" and token.pos == "ADJ" and child == last + 1 or token.dep == "acl:relcl" and tokens[last].dep == "appos":
            return True
    return False


# The adverbs of a negation ("ne … pas"), and all that may end one "ne" begins ("n'… aucun", "ne … que").
NEGATIONS = frozenset("pas plus jamais rien guère point".split())
_NEGATION_ENDS = NEGATIONS | frozenset("aucun aucune personne nul nulle ni que qu".split())


def _half_a_negation(sentence: Sentence, kept: set[int]) -> bool:
    """Whether "ne" and its "pas" (or "plus", "jamais", "rien", "guère"…) are not both kept or both dropped."""
    tokens = sentence.tokens
    for i in kept:
        if tokens[i].text.lower() in ("pas", "plus", "jamais", "rien", "guère") and tokens[i].dep == "advmod":
            ne = [c for c in sentence.children[tokens[i].head] if tokens[c].text.lower().rstrip("'’") in ("ne", "n")]
            if ne and not all(c in kept for c in ne):
                return True
        # "n'a pas encore publié" -> "ne publie": "ne" without the word that makes it a negation
        if tokens[i].text.lower().rstrip("'’") in ("ne", "n"):
            second = next((j for j in range(i + 1, len(tokens)) if tokens[j].text.lower().rstrip("'’") in _NEGATION_ENDS), None)
            if second is not None and second not in kept:
                return True
            # "avant que les triathlètes ne s'affrontent": an expletive "ne" reads as half a negation without its "que"
            if second is None and any(c not in kept and tokens[c].text.lower() in ("que", "qu'", "qu’")
                                      for c in sentence.children[tokens[i].head]):
                return True
    return False


def _next_word(sentence: Sentence, i: int) -> int:
    """The head of the phrase that begins right after ``i`` ("de" in "la gestion du Plan" begins "Plan")."""
    j = i + 1
    while j < len(sentence.tokens) and sentence.tokens[j].dep in ("case", "det") and sentence.tokens[j].head > j:
        j = sentence.tokens[j].head
    return j


def part_of_a_plural_subject(sentence: Sentence, verb: int, subject: set[int]) -> bool:
    """Whether the lede's verb is plural for a subject of one singular noun or name that coordinates nothing
    ("[Le PSG Handball et] Montpellier ont obtenu": the parser found one of two); a collective with
    its complement ("Une centaine d'élèves ont") says who the plural is."""
    tokens = sentence.tokens
    heads = [i for i in subject if tokens[i].head not in subject or tokens[i].head == i]
    finite = [i for i in [verb, *sentence.children[verb]] if "VerbForm=Fin" in tokens[i].morph
              and (i == verb or tokens[i].dep in ("aux:tense", "aux:pass", "cop"))]
    if len(heads) != 1 or not finite or "Number=Plur" not in tokens[finite[0]].morph:
        return False
    head = heads[0]
    return tokens[head].pos in ("NOUN", "PROPN") and "Number=Plur" not in tokens[head].morph \
        and not tokens[head].text.lower().endswith(("s", "x")) \
        and not any(tokens[c].dep in ("nmod", "nummod") or tokens[c].text.lower() in ("les", "des", "ces") for c in sentence.children[head]) \
        and not any(tokens[i].dep == "conj" for i in sentence.subtree(head))  # "Nicolas Sarkozy et son épouse"


def _relative_for_main(sentence: Sentence, verb: int, subject: set[int]) -> bool:
    """Whether a relative pronoun between the subject and the verb belongs to the verb's own clause: the
    parser took a relative clause for the main one ("Une analyse génétique dont les résultats ont été
    publiés [dans Science révèle que…]")."""
    tokens = sentence.tokens
    for i in range(min(subject), verb):
        if "PronType=Rel" not in tokens[i].morph:
            continue
        j = i
        while j != verb and tokens[j].head != j and tokens[j].dep not in ("acl:relcl", "acl", "advcl", "ccomp", "csubj"):
            j = tokens[j].head
        if j == verb:
            return True
    return False


def _partitive(sentence: Sentence, i: int, subject: set[int]) -> bool:
    """Whether ``i`` is the article "de" of a plural subject after its adjective ("De fortes rafales de
    vent s'abattent…", "De nombreux manifestants"), which the parser reads as a preposition."""
    token = sentence.tokens[i]
    return token.text.lower() in ("de", "d'", "d’") and token.head in subject and i + 1 < token.head \
        and sentence.tokens[i + 1].pos == "ADJ" and "Number=Plur" in sentence.tokens[token.head].morph


def _says_when_not_who(sentence: Sentence, subject: set[int]) -> bool:
    """Whether the parser's subject is an adverbial of time or repetition ("une nouvelle fois",
    "vendredi"): the statement's real subject is lost."""
    heads = [i for i in subject if sentence.tokens[i].head not in subject or sentence.tokens[i].head == i]
    return bool(heads) and all(sentence.tokens[i].lemma.lower() == "fois" or sentence.is_time(i) for i in heads)


def _cuts_a_name(sentence: Sentence, kept: set[int]) -> bool:
    """Whether ``kept`` has the beginning of a name without its end ("Le groupe État [islamique]",
    "Marie-Amélie [Le Fur]"): a name is a run of words the NER gave one type. A surname without the
    first name is a desk's usage ("Guéant condamné")."""
    tokens = sentence.tokens
    start = 0
    while start < len(tokens):
        end = start + 1
        if tokens[start].entity:
            while end < len(tokens) and tokens[end].entity == tokens[start].entity:
                end += 1
            words = {i for i in range(start, end) if tokens[i].pos != "PUNCT"}
            if words & kept and max(words) not in kept:
                return True
        start = end
    return False


def _splices_a_repeat(sentence: Sentence, kept: set[int]) -> bool:
    """Whether dropping words brings together two of the same that the sentence kept apart ("que que")."""
    words = [i for i in sorted(kept) if sentence.tokens[i].pos != "PUNCT"]
    return any(sentence.tokens[a].text.lower() == sentence.tokens[b].text.lower() and b != a + 1
               for a, b in zip(words, words[1:]))


def _last_word(sentence: Sentence, kept: set[int]) -> int:
    """The last kept token that is no punctuation (a comma the parser hung on the verb is not said)."""
    return max((i for i in kept if sentence.tokens[i].pos != "PUNCT"), default=max(kept))


def says_nothing_after(sentence: Sentence, kept: set[int], verb: int) -> bool:
    """Whether ``verb`` needs what it says or does to ("annonce", "lance") and ``kept`` keeps none of it after it."""
    lemma = sentence.tokens[verb].lemma
    return (lemma in NEEDS_COMPLEMENT or lemma in NEEDS_OBJECT and not _passive(sentence, verb) and not sentence.is_reflexive(verb)) \
        and not sentence.front \
        and _only_adjuncts_after(sentence, kept, verb)


def cut_says_nothing(sentence: Sentence, verb: int, cut: str) -> bool:
    """Whether ``cut``, a beginning of the sentence, ends before what its ``verb`` needs ("… a lancé mardi à Paris",
    "… aura permis au paléontologue Kenshu Shimada")."""
    words = re.findall(r"[\w'’-]+", cut)
    end = max((i for i, t in enumerate(sentence.tokens) if words and t.text == words[-1]), default=len(sentence.tokens) - 1)
    return verb <= end and (says_nothing_after(sentence, set(range(end + 1)), verb)
                            or verb_without_its_infinitive(sentence, set(range(end + 1)), verb) is not None)


def _passive(sentence: Sentence, verb: int) -> bool:
    """Whether ``verb`` is a passive, or a participle without an auxiliary of tense ("Une campagne lancée")."""
    return any(sentence.tokens[c].dep in ("aux:pass", "expl:pass") for c in sentence.children[verb]) or (
        "VerbForm=Part" in sentence.tokens[verb].morph and not any(sentence.tokens[c].dep == "aux:tense" for c in sentence.children[verb]))


def _object_misread(sentence: Sentence, i: int) -> bool:
    """Whether the adjunct ``i`` is a noun phrase without a preposition that says no time: an object misread
    ("ont présenté …, le programme du Festival")."""
    token = sentence.tokens[i]
    return token.dep.startswith("obl") and token.pos in ("NOUN", "PROPN") and not sentence.is_time(i) \
        and not any(sentence.tokens[c].dep == "case" for c in sentence.children[i])


def _to_whom(sentence: Sentence, i: int) -> bool:
    """Whether the object ``i`` follows "à", "au", "aux": to whom or where, misread ("assure au « 20 Heures »")."""
    before = [j for j in range(min(sentence.subtree(i))) if sentence.tokens[j].pos != "PUNCT"]
    return bool(before) and sentence.tokens[before[-1]].text.lower() in ("à", "au", "aux")


def _only_adjuncts_after(sentence: Sentence, kept: set[int], verb: int) -> bool:
    """Whether all the headline says after its verb is where, when or how (no object, however parsed)."""
    adjuncts = set().union(*(sentence.subtree(c) for c in sentence.children[verb]
                             if sentence.tokens[c].dep in ("obl", "obl:mod", "obl:arg", "advmod", "advcl", "punct")
                             and not _object_misread(sentence, c) or sentence.tokens[c].dep == "obj" and _to_whom(sentence, c)))
    # what is said, however the parser hung it ("annonce, en retenant ses larmes, qu'il démissionne")
    said = set().union(*(sentence.subtree(i) for i, t in enumerate(sentence.tokens) if i > verb and (
        t.dep == "ccomp" or t.dep == "obj" and not _to_whom(sentence, i) or any(sentence.tokens[c].dep == "mark" and sentence.tokens[c].lemma == "que"
                                         for c in sentence.children[i])
        # "permet à deux macaques […] de remarcher": an infinitive, however the parser hung it
        or "VerbForm=Inf" in t.morph and any(sentence.tokens[c].dep == "mark" and sentence.tokens[c].text.lower() in ("de", "d'", "d’", "à")
                                             for c in sentence.children[i]))))
    return all(i in adjuncts and i not in said for i in kept if i > verb)


def _cut_after_verb(sentence: Sentence, kept: set[int], verb: int) -> bool:
    """Whether the headline ends on its verb where the sentence went on with what it did or said
    ("Les projets Wikimedia atteignent [le nombre symbolique…]"); when, where or how may go."""
    if _last_word(sentence, kept) != verb or sentence.tokens[verb].pos != "VERB":
        return False
    timed = set().union(*(sentence.subtree(i) for i in range(len(sentence.tokens)) if sentence.is_time(i)))
    following = [j for j in range(verb + 1, len(sentence.tokens)) if j not in timed and sentence.tokens[j].pos != "PUNCT"]
    if not following:
        return False
    after = sentence.tokens[following[0]]
    # "et", "lorsque" begin something else; "que" begins what it says
    if after.pos == "CCONJ" or after.pos == "SCONJ" and after.lemma not in ("que", "qu'", "qu’"):
        return False
    # where, how or why the verb's action happened may go ("Un avion s'écrase [à l'approche de Rostov]")
    adjuncts = set().union(*(sentence.subtree(c) for c in sentence.children[verb]
                             if sentence.tokens[c].dep in ("obl", "obl:mod", "obl:agent", "advmod", "advcl", "conj", "cc")))
    return following[0] not in adjuncts


def wants_complement(sentence: Sentence, kept: set[int], i: int, verb: int) -> bool:
    """Whether the verb ``i`` lost all that followed it in the sentence ("concernant [les élections]",
    "engagées [dans la bataille]"); the main verb, its object, complement clause or argument. What only
    says when does not count."""
    token = sentence.tokens[i]
    if token.pos != "VERB" or i in sentence.quote_of:
        return False
    if i != verb and token.dep not in ("acl", "acl:relcl", "xcomp", "ccomp", "csubj"):
        return False  # a verb the parser made a root of its own is a misreading, not a clause
    # its object or complement clause, wherever the verb stands ("Le peuple turc dit [oui] au référendum")
    needed = [c for c in sentence.children[i] if c > i and sentence.tokens[c].dep in ("obj", "ccomp", "xcomp")
              and not sentence.is_time(c)]  # "dimanche" read as an object says when
    if needed and not any(c in kept for c in needed):
        return True
    if i == verb:
        # the main verb may lose where and how ("Deux journalistes arrêtés"), not its argument
        # ("Un appel anonyme passé [à la police]")
        return i == _last_word(sentence, kept) and any(
            sentence.tokens[c].dep == "obl:arg" and c not in kept and not sentence.is_time(c) for c in sentence.children[i] if c > i)
    following = [c for c in sentence.children[i] if c > i and sentence.tokens[c].pos != "PUNCT"
                 and sentence.tokens[c].dep not in ("conj", "cc", "parataxis", "advcl", "acl:relcl")
                 and not sentence.is_time(c)]
    return bool(following) and not any(c in kept for c in following)


# and possessive pronouns: "perd la sienne"
_DEMONSTRATIVES = {"celui-ci", "celle-ci", "ceux-ci", "celles-ci", "celui-là", "celle-là", "sien", "sienne", "siens",
                   "siennes"}


def points_back(sentence: Sentence, i: int) -> bool:
    """Whether ``i`` points back to what the headline does not say: "celle qui intéresse", "ce dernier",
    "celui-ci" (the reader of a headline has read nothing before it); "celle de l'or" says what."""
    token = sentence.tokens[i]
    text = token.text.lower()
    if text in _DEMONSTRATIVES or token.lemma.lower() == "dernier" and any(
            sentence.tokens[c].text.lower() in ("ce", "cette", "ces") for c in sentence.children[i]):
        return True
    return text in ("celui", "celle", "ceux", "celles") and not any(
        sentence.tokens[c].dep == "nmod" and any(sentence.tokens[g].text.lower() in ("de", "d'", "d’", "du", "des")
                                                  for g in sentence.children[c]) for c in sentence.children[i])


def stranded(sentence: Sentence, kept: set[int], verb: int) -> list[int]:
    """The words ``kept`` keeps between an auxiliary of ``verb`` it drops and the verb, "ne" aside ("pas encore" in
    "n'a pas encore signé", "directement" in "sont directement intervenus"): the present tense has no place there."""
    tokens = sentence.tokens
    dropped = [c for c in sentence.children[verb] if tokens[c].dep.startswith("aux") and c < verb and c not in kept]
    return [i for i in sorted(kept) if dropped and min(dropped) < i < verb and not tokens[i].dep.startswith("aux")
            and tokens[i].text.lower() not in ("ne", "n'", "n’")]


def movable(sentence: Sentence, words: list[int], verb: int) -> bool:
    """Whether ``words`` are all adverbs of ``verb`` with their own words, which may follow it ("signe pas encore")."""
    adverbs = [c for c in sentence.children[verb] if sentence.tokens[c].dep == "advmod"]
    return set(words) <= set().union(*(sentence.subtree(c) for c in adverbs))


def stranded_by_the_tense(sentence: Sentence, kept: set[int], verb: int) -> bool:
    """Whether the present tense leaves words of ``kept`` where they cannot stay: before the verb, not adverbs."""
    return bool(words := stranded(sentence, kept, verb)) and not movable(sentence, words, verb)


def name_cut_short(sentence: Sentence, written: set[int], name: list[int]) -> bool:
    """Whether the subject as ``written`` gives the person more of the name than ``name`` ("Mohamed" of "Mohamed Rabii")."""
    tokens = sentence.tokens
    return any(tokens[i].dep == "flat:name" and tokens[i].head in name
               or any(tokens[n].dep == "flat:name" and tokens[n].head == i for n in name) for i in written - set(name))
