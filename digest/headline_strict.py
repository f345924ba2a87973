"""What a reader calls a bad headline, checked strictly (pure functions): a headline that dangles,
opens on a circumstance, points back to what the reader has not read, lost a word from inside a
phrase, or does not agree with its plural subject. ``text_fault`` reads the text alone (any
headline, a fallback's too); ``reader_fault`` also reads the parse of the sentence it was made of.
Each returns the reason in a few words, or None when a reader would find nothing of the kind.
"""

from __future__ import annotations

import re

from digest.headline_loose import loose_word
from digest.headline_lost import bare_passive_end, title_without_its_name
from digest.headline_parse import Token
from digest.headline_sentence import Sentence, morphology

# A headline ending on one of these leaves the reader waiting for the rest.
_AUXILIARIES = frozenset(
    "a ont est sont était étaient avait avaient aura auront sera seront serait seraient aurait auraient été être avoir "
    "fut furent eut eurent va vont vient viennent doit doivent peut peuvent".split())
_SUBORDINATORS = frozenset(
    "que qu qui dont où lorsque lorsqu quand puisque puisqu si comme tandis alors parce afin quoique".split())
_PREPOSITIONS = frozenset(
    "à au aux de du des d en dans par pour sur sous avec sans chez contre vers entre parmi selon malgré après avant "
    "depuis pendant durant lors dès jusqu jusque concernant envers outre via face grâce suite près auprès".split())
# A headline opening on one of these says where, when, how or why before saying what happened.
# ("De fortes pluies", "Des chercheurs", "Du pétrole" open on an article, not a circumstance.)
_CIRCUMSTANTIAL = (_PREPOSITIONS - {"de", "des", "du", "d"}) | _SUBORDINATORS \
    | frozenset("ainsi cependant pourtant toutefois enfin désormais".split())
# "A proximité de…", "A l'issue de…": "à" written without its accent (not "A déclaré X", a verb first)
_UNACCENTED_A = re.compile(r"^A\s(?:la|le|les|l['’]|un|une|ce|cet|cette|ces|proximité|partir|cause|travers|côté|peine|bord|moins)\b")
# ... except a number's degree, which opens a headline well: "Au moins 12 morts", "Plus de 300 blessés".
_DEGREE_OPENER = re.compile(r"^(?:au moins|au minimum|près de|plus de|moins de|environ|entre \d)\b", re.IGNORECASE)
# "Barack Obama a, juste avant de quitter…": a verb split from what it says by an incise.
_AUXILIARY_INCISE = re.compile(r"\b(?:" + "|".join(sorted(_AUXILIARIES)) + r")\s*,", re.IGNORECASE)
# Words that point back to what the lede said before ("de la sorte", "celui-ci"), and nouns that name
# someone or something only the lede identifies ("la personne", "l'homme", "du pays") when no name
# follows them ("l'homme d'affaires Pablo Dana", "la ville de Nice" say who or which).
_POINTING_BACK = re.compile(
    r"\b(?:de la sorte|de cette (?:façon|manière)|celui-ci|celle-ci|ceux-ci|celles-ci|celui-là|celle-là|ce dernier"
    r"|cette dernière|ces derniers|ces dernières|d'entre (?:eux|elles)|d’entre (?:eux|elles))\b"
    r"|(?<!droits )(?<!droits de )(?:\b(?:le|la|les|du|au|aux|de la|à la)\s|\b(?:l|de l|à l)['’])"  # not "les droits de l'homme"
    r"(?:personnes?|hommes?|femmes?|individus?|pays|villes?|entreprises?|sociétés?|firmes?|appareils?|intéressée?s?)\b"
    r"(?![^,;:]{0,30}?\b(?-i:[A-ZÀ-ÖØ-Þ]))"
    r"|\bun pays\b|\bune ville\b",
    re.IGNORECASE,
)
# A period for subject ("Le mois marqué par…", not "La semaine de la mode"): which one, the headline does not say.
_PERIOD_SUBJECT = re.compile(r"^(?:le|la|l['’])\s?(?:mois|semaine|année|jour)\b(?!\s+(?:de|d['’]|du|des)\b)", re.IGNORECASE)
# A pronoun for subject: who, the headline does not say.
_PRONOUN_OPENER = re.compile(r"^(?:il|elle|ils|elles|on|cela|ceci|ça|c['’]|celui|celle|ceux|celles)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
# "condamnée le 24 pour abus de confiance": a day without its month says no date a reader can place.
_DAY_WITHOUT_MONTH = re.compile(
    r"\b(?:le|du|au|dès le|depuis le)\s(?:1er|[12]?\d|3[01])(?=\s*$|[\s,]+(?:"
    + "|".join(sorted(_PREPOSITIONS | {"et", "le", "la", "les", "l", "un", "une"})) + r")\b|\s+l['’])",
    re.IGNORECASE,
)

# "Abdelkader Khenchela dit Seyyar": the nickname apposition without its commas reads as one name, or as "says".
_NICKNAME = re.compile(r"\bdite?s? (?-i:[A-ZÀ-ÖØ-Þ])[\w’'-]+\b(?!,)")


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1].lower().rstrip("'’") if words else ""


def _first_word(text: str) -> str:
    words = _WORD.findall(text)
    if not words:
        return ""
    first = words[0].lower()
    for elided in ("d'", "d’", "qu'", "qu’", "l'", "l’", "jusqu'", "jusqu’", "lorsqu'", "lorsqu’", "puisqu'", "puisqu’"):
        if first.startswith(elided):
            return elided[:-1]
    return first


def text_fault(text: str) -> str | None:
    """What a reader would call bad in ``text`` whatever it was made of, or None."""
    last = _last_word(text)
    if last in _AUXILIARIES:
        return f"ends on the auxiliary « {last} »"
    if last in _SUBORDINATORS:
        return f"ends on the subordinator « {last} »"
    if last in _PREPOSITIONS:
        return f"ends on the preposition « {last} »"
    if _AUXILIARY_INCISE.search(text):
        return "an incise between the auxiliary and its verb"
    first = _first_word(text)
    if first in _CIRCUMSTANTIAL and not _DEGREE_OPENER.match(text) or _UNACCENTED_A.match(text):
        return f"opens on a circumstance (« {first} »)"
    if _PRONOUN_OPENER.match(text):
        return "a pronoun for subject"
    if _PERIOD_SUBJECT.match(text):
        return "a period for subject"
    if found := _POINTING_BACK.search(text):
        return f"« {found[0]} » points back to nothing"
    if found := _NICKNAME.search(text):
        return f"« {found[0]} »: a nickname run into the name"
    if found := _DAY_WITHOUT_MONTH.search(text):
        return f"« {found[0]} »: a day without its month"
    return None


def reader_fault(sentence: Sentence, kept: set[int], replaced: dict[int, str], text: str, verb: int,
                 subject: set[int]) -> str | None:
    """What a reader would call bad in ``text``, made of the ``kept`` tokens of ``sentence`` (some
    written as ``replaced`` says) with ``verb`` for main verb and ``subject`` for subject, or None."""
    return text_fault(text) or _dropped_inside(sentence, kept) or _dangling_participle(sentence, kept, verb) or cut_name(sentence, kept) \
        or _plural_subject_singular_verb(sentence, kept, replaced, verb, subject) or _hanging_verb(sentence, kept, verb) \
        or _article_disagrees(sentence, kept, replaced) or _orphan(sentence, kept, replaced, verb, subject) \
        or _glued_noun_phrase(sentence, kept) or _opens_on_its_verb(sentence, kept, verb) \
        or _noun_without_its_infinitive(sentence, kept) or _tenses_mixed(sentence, kept, replaced, verb) or _apposition_astray(sentence, kept) \
        or loose_word(sentence, kept, replaced, verb, text) or title_without_its_name(sentence, kept, verb) or bare_passive_end(sentence, kept, replaced, verb)


def _apposition_astray(sentence: Sentence, kept: set[int]) -> str | None:
    """An apposition kept beside its noun while what stood between them went: it now reads as naming the
    word before it ("la première médaille de son histoire [lorsque … a battu l'Italienne] Odette Giuffrida",
    "le projet de loi [qui devait remplacer l'« Obamacare »,] la loi sur la santé")."""
    tokens = sentence.tokens
    for i in kept:
        before = min(sentence.subtree(i)) - 1
        # or a name the lede sets off after a comma, however it was hung ("un trou noir immense [dans une galaxie
        # à 900 millions d'années-lumière de la Terre,] BL Lacertae")
        named = tokens[i].pos == "PROPN" and before == i - 1 >= 0 and tokens[before].text == "," and not tokens[i].dep.startswith("nsubj")
        if tokens[i].dep != "appos" and not named or tokens[i].head not in kept:
            continue
        comma = before if before >= 0 and tokens[before].text == "," else None
        before -= comma is not None
        # a name run into the word before it, its comma not written ("deux tribus dans la région Lemgada de Babar")
        run_in = named and before in kept and comma not in sentence.incise_commas(kept)
        if before > tokens[i].head and before not in kept or run_in:
            return f"« {tokens[i].text} » set beside « {tokens[max(j for j in kept if j < i)].text} »"
    return None


def _noun_without_its_infinitive(sentence: Sentence, kept: set[int]) -> str | None:
    """"ont l'aptitude [d'attribuer…]", "le premier pays au monde [à légaliser…]": a noun or an ordinal
    whose infinitive after « à » or « de » went; what it is the aptitude or the first for, the reader
    cannot tell."""
    tokens = sentence.tokens
    for i in kept:
        for child in sentence.children[i]:
            token = tokens[child]
            if child > i and child not in kept and token.dep == "acl" and "VerbForm=Inf" in token.morph and any(
                    tokens[c].dep == "mark" and tokens[c].text.lower() in ("à", "de", "d'", "d’") for c in sentence.children[child]):
                return f"« {tokens[i].text} » lost its infinitive « {token.text} »"
    return None


def verb_rewritten(sentence: Sentence, kept: set[int], replaced: dict[int, str], verb: int) -> bool:
    """Whether ``verb`` is no longer as the lede wrote it: put in the present, or without its auxiliary."""
    return verb in replaced or any(sentence.tokens[c].dep.startswith(("aux", "cop")) and (c not in kept or c in replaced)
                                   for c in sentence.children[verb])


def _tenses_mixed(sentence: Sentence, kept: set[int], replaced: dict[int, str], verb: int) -> str | None:
    """"Au moins 34 personnes tuées et 187 ont été blessées": the main verb rewritten without its
    auxiliary or in the present, a verb joined to it left in the lede's past."""
    tokens = sentence.tokens
    if not verb_rewritten(sentence, kept, replaced, verb):
        return None
    for joined in sentence.children[verb]:
        if joined in kept and tokens[joined].dep == "conj" and tokens[joined].pos == "VERB" and any(
                c in kept and c not in replaced and tokens[c].dep in ("aux:tense", "aux:pass") for c in sentence.children[joined]):
            return f"« {tokens[joined].text} » left in the past beside the main verb"
    return None


def _opens_on_its_verb(sentence: Sentence, kept: set[int], verb: int) -> str | None:
    """"Déclare X", "A eu droit X": a verb first, its subject after it (an incise of saying, an inverted
    clause); a headline says who first (a subject after its verb is put first: ``Sentence.front``)."""
    words = [i for i in sorted(kept) if sentence.tokens[i].pos != "PUNCT"]
    if sentence.front or not words or sentence.tokens[verb].pos not in ("VERB", "AUX"):
        return None
    first = words[0]
    if first == verb or sentence.tokens[first].head == verb and sentence.tokens[first].dep.startswith("aux"):
        return f"opens on its verb « {sentence.tokens[first].text} »"
    return None


def _gaps(sentence: Sentence, kept: set[int]) -> list[tuple[int, list[int], int]]:
    """Each run of words dropped between two kept ones: (the kept word before, the run, the kept word after)."""
    words = [i for i, t in enumerate(sentence.tokens) if t.pos != "PUNCT"]
    gaps, run, before = [], [], None
    for i in words:
        if i in kept:
            if run and before is not None:
                gaps.append((before, run, i))
            run, before = [], i
        elif before is not None:
            run.append(i)
    return gaps


def _dropped_inside(sentence: Sentence, kept: set[int]) -> str | None:
    """A word kept without the one that introduced it ("appelés aux urnes [pour] renouveler") or a
    word that introduces kept without what it introduces ("Les chiffres concernant [le nombre…]
    auraient été manipulés")."""
    tokens = sentence.tokens
    for before, run, after in _gaps(sentence, kept):
        last = tokens[run[-1]]
        if last.head == after and (last.dep in ("case", "mark", "det") or last.pos in ("ADP", "SCONJ", "DET")):
            return f"« {tokens[after].text} » lost « {last.text} »"
        if tokens[after].pos == "SCONJ" and last.pos == "ADV":  # "[alors même] qu'il était en poste"
            return f"« {tokens[after].text} » lost « {last.text} »"
        # a preposition or a present participle ("concernant", "visant") whose complement went
        introducer = tokens[before]
        participle = introducer.pos == "VERB" and "Tense=Pres" in introducer.morph and "VerbForm=Part" in introducer.morph
        if participle or introducer.pos == "ADP" and introducer.dep != "case":
            following = [c for c in sentence.children[before] if c > before and tokens[c].pos != "PUNCT"]
            # a participle's object the parser hung elsewhere ("un train express transportant [plus de 600
            # personnes] a déraillé"): the word right after it went, and nothing of its own is kept
            lost_next = participle and run[0] == before + 1 and tokens[run[0]].pos != "AUX"
            if (following or lost_next) and not any(c in kept for c in following):
                return f"« {introducer.text} » lost its complement"
    return None


def _dangling_participle(sentence: Sentence, kept: set[int], verb: int) -> str | None:
    """A headline ending on a participle that describes a noun, what followed it dropped ("deux nouveaux
    acteurs créés [par…]"): the reader waits for by whom, where or why."""
    tokens = sentence.tokens
    last = max((i for i in kept if tokens[i].pos != "PUNCT"), default=verb)
    if tokens[last].pos == "ADV" and tokens[last].head in kept:
        last = tokens[last].head  # "causé principalement [par les émanations]"
    if last == verb or tokens[last].pos != "VERB" or tokens[last].dep not in ("acl", "amod") or not tokens[last].text.islower():
        return None  # "LAB-1", "Ravel": a name the parser took for a participle
    # what followed it, even a time ("les élections organisées [ce dimanche]"): a participle alone says nothing
    if any(c > last and c not in kept and tokens[c].pos != "PUNCT" for c in sentence.children[last]):
        return f"ends on « {tokens[last].text} », what followed it dropped"
    return None


def cut_name(sentence: Sentence, kept: set[int]) -> str | None:
    """Two capitalised words written side by side are one name ("New Delhi", "Helmut Kohl"): a
    headline keeps both or neither; a capitalised word after its own article is a title, a people or
    an organisation ("le Hongrois Áron Szilágyi", "l'Otan Mark Rutte") and may go before the name,
    and so may a first name before a surname."""
    tokens = sentence.tokens
    for i in range(1, len(tokens)):
        left, right = tokens[i - 1], tokens[i]
        if not (left.space and left.text[:1].isupper() and right.text[:1].isupper()) or (i - 1 in kept) == (i in kept):
            continue
        if left.pos in ("PUNCT", "DET", "ADP", "NUM", "PRON", "CCONJ", "SCONJ", "ADV") or right.pos == "PUNCT":
            continue  # "Le Hongrois", "Trois Français": an article or number capitalised as the sentence's first word
        if i in kept and (i >= 2 and (tokens[i - 2].pos == "DET" or tokens[i - 2].text.endswith(("'", "’")))
                          or left.entity != right.entity):
            continue  # "le Hongrois Áron Szilágyi", "des États-Unis Donald Trump": two names, the second kept
        if i in kept and right.entity == "PER" and (i + 1 == len(tokens) or not tokens[i + 1].text[:1].isupper()):
            continue  # a surname without the first name is a desk's usage ("Guéant condamné"), not the reverse
        return f"« {left.text} {right.text} » cut in two"
    return None


PLURAL_DETERMINERS = {"les", "des", "ces", "leurs", "plusieurs", "quelques", "nos", "vos", "mes", "tes", "ses"}


def _plural_subject_singular_verb(sentence: Sentence, kept: set[int], replaced: dict[int, str], verb: int, subject: set[int]) -> str | None:
    """"Les Imbonerakure est": a subject whose article is plural with a singular verb."""
    tokens = sentence.tokens
    heads = [i for i in subject if tokens[i].head not in subject or tokens[i].head == i]
    if len(heads) != 1:
        return None
    articles = [c for c in sentence.children[heads[0]] if tokens[c].dep == "det" and c in kept and c < heads[0]]
    if not articles or tokens[articles[0]].text.lower() not in PLURAL_DETERMINERS:
        return None
    # the main verb, or a verb the parser hung on the subject as a participle ("Les Imbonerakure, …, est accusée")
    clauses = [verb] + [c for c in sentence.children[heads[0]] if c in kept and tokens[c].dep == "acl" and tokens[c].pos == "VERB"]
    for clause in clauses:
        finite = [i for i in [clause, *sentence.children[clause]] if i in kept and "VerbForm=Fin" in tokens[i].morph
                  and (i == clause or tokens[i].dep in ("aux:tense", "aux:pass", "cop")) and replaced.get(i) != ""]
        # a third person plural ends in -nt in every tense: "sont", "ont", "font", "affirment"
        if finite and not replaced.get(finite[0], tokens[finite[0]].text).endswith("nt"):
            return f"plural subject, singular « {replaced.get(finite[0], tokens[finite[0]].text)} »"
    return None


def refers_back(sentence: Sentence, subject: set[int]) -> bool:
    """Whether a subject says who or what only by what came before it: a definite, demonstrative or
    possessive noun phrase without a name or a number ("Le président", "La hausse", "Cette dernière"),
    as a lede's later sentence says it ("Le président prend la décision…")."""
    tokens = sentence.tokens
    if any(tokens[i].entity or tokens[i].pos in ("PROPN", "NUM") for i in subject):
        return False
    heads = [i for i in subject if tokens[i].head not in subject or tokens[i].head == i]
    return any(tokens[c].dep == "det" and ("Definite=Def" in tokens[c].morph or "PronType=Dem" in tokens[c].morph
                                             or "Poss=Yes" in tokens[c].morph)
               for head in heads for c in sentence.children[head])


# What a verb cannot go without once it ends the headline: its object, its agent, the infinitive or
# clause it introduces ("La Fédération … lance [un appel]", "Une course … remportée [par X]").
_NEEDED_AFTER = ("obj", "obl:agent", "xcomp", "ccomp")


def _hanging_verb(sentence: Sentence, kept: set[int], verb: int) -> str | None:
    """A headline ending on a verb or participle (the main one or not) whose object, agent or
    completing clause, after it in the sentence, was dropped."""
    tokens = sentence.tokens
    last = max((i for i in kept if tokens[i].pos != "PUNCT"), default=verb)
    if tokens[last].pos not in ("VERB", "AUX"):
        return None
    # what it needs, even hung by the parser on a time phrase that went ("décroché hier soir la deuxième")
    dropped = [c for c in sentence.subtree(last) if c > last and c not in kept and tokens[c].dep in _NEEDED_AFTER
               and not sentence.is_time(c) and (tokens[c].head == last or _time_between(sentence, tokens[c].head, last))]
    return f"ends on « {tokens[last].text} », its {tokens[dropped[0]].dep} dropped" if dropped else None


def plural_by_ending(noun: Token) -> bool:
    """A noun plural by its own ending, whatever its article says (the model's number being unsure):
    "séries" (of "série") is; "Français", "accès" may be either."""
    return "Number=Plur" in noun.morph and noun.text.lower().endswith(("s", "x")) and noun.lemma.lower() != noun.text.lower()


def _article_disagrees(sentence: Sentence, kept: set[int], replaced: dict[int, str]) -> str | None:
    """"Le séries mondiales": an article copied from the lede whose number is not its noun's."""
    for i in kept:
        token = sentence.tokens[i]
        if token.dep != "det" or token.pos != "DET" or token.head != i + 1 or token.head not in kept or i in replaced or token.head in replaced:
            continue
        article, noun = morphology(token).get("Number"), morphology(sentence.tokens[token.head]).get("Number")
        word = sentence.tokens[token.head]
        if word.pos == "PROPN" or word.text[:1].isupper():
            continue  # "la Dares", "les Imbonerakure": a name's number is its own
        singular_noun = noun == "Sing" and not word.text.lower().endswith(("s", "x", "z"))
        if article and noun and article != noun and (plural_by_ending(word) or singular_noun and article == "Plur") \
                and token.text.lower() in ("le", "la", "les", "l'", "l’", "un", "une", "des", "du"):
            return f"« {token.text} {sentence.tokens[token.head].text} »: the article does not agree"
    return None


def _orphan(sentence: Sentence, kept: set[int], replaced: dict[int, str], verb: int, subject: set[int]) -> str | None:
    """A word kept without the word it depends on ("Tuc X9 constitué soit…", "Une étape inscrite peu
    voit…"): pieces of the sentence glued into something it does not say. The main verb, the
    subject (simplified to a name), what was rewritten and punctuation may stand without their heads;
    a word of a name whose head is another word of it, glued to it, too."""
    tokens = sentence.tokens
    for i in kept:
        token = tokens[i]
        if token.head in kept or token.head == i or i == verb or i in subject or i in replaced or token.pos == "PUNCT":
            continue
        # a time phrase goes from every headline, and the parser hangs words on it ("ce lundi à Rio")
        if _up_through_time(sentence, token.head) in kept:
            continue
        if sentence.held_by_its_word(kept, i):
            continue  # a word written as one ("Bâton-Rouge") whose pieces the parser hung apart
        if token.dep in ("flat:name", "flat:foreign", "fixed") and abs(token.head - i) == 1:
            continue
        # a subject's word hung on its dropped title ("[Le secrétaire général de] l'Otan Mark Rutte")
        if tokens[token.head].head in kept and token.head in subject:
            continue
        return f"« {token.text} » kept without « {tokens[token.head].text} »"
    return None


def _up_through_time(sentence: Sentence, i: int) -> int:
    """The first word above ``i``, ``i`` included, that is not a time phrase's."""
    while _in_time_phrase(sentence, i) and sentence.tokens[i].head != i:
        i = sentence.tokens[i].head
    return i


def _time_between(sentence: Sentence, i: int, above: int) -> bool:
    """Whether ``i`` and its heads up to ``above`` are all words of a time phrase."""
    while i != above:
        if not _in_time_phrase(sentence, i) or sentence.tokens[i].head == i:
            return False
        i = sentence.tokens[i].head
    return True


def _in_time_phrase(sentence: Sentence, i: int) -> bool:
    """A word of a time phrase: "mercredi", "décembre", and the day number of "21 décembre"."""
    if sentence.is_time(i) or sentence.is_time_word(i):
        return True
    return sentence.tokens[i].pos == "NUM" and any(
        sentence.is_time_word(j) for j in [sentence.tokens[i].head, *sentence.children[i]])


def _glued_noun_phrase(sentence: Sentence, kept: set[int]) -> str | None:
    """A noun phrase glued after words it does not complete: one the parser hung on a verb or adjective
    without a preposition ("Deux militaires blessés grièvement [,] aucun pronostic vital [n'est
    engagé]"), or an apposition kept apart from its noun by a dropped word ("Le Splendid Hotel [, où…]
    deux établissements")."""
    tokens = sentence.tokens
    for i in kept:
        token, head = tokens[i], tokens[i].head
        if token.pos != "NOUN" or head not in kept or head == i:
            continue
        cases = [c for c in sentence.children[i] if tokens[c].dep == "case"]
        if token.dep == "nmod" and tokens[head].pos in ("VERB", "ADJ", "AUX") and not cases:
            return f"« {token.text} » glued to « {tokens[head].text} »"
        between = range(min(i, head) + 1, max(i, head))
        if token.dep == "appos" and any(j not in kept and tokens[j].pos != "PUNCT" for j in between):
            return f"« {token.text} » apart from « {tokens[head].text} »"
    return None
