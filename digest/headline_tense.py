"""The main verb of a headline put in the present tense, agreeing with its subject (pure functions):
"a appelé" -> "appelle", "ont été tués" -> "tués", future and conditional kept.
"""

from __future__ import annotations

import re

from digest.conjugate import known_present_third, present_third
from digest.french_verbs import VerbLexicon, verb_lexicon
from digest.headline_sentence import Sentence, morphology
from digest.headline_subject import ETRE_VERBS, subject_of

# Participles that, after "être", describe a state, neither a passive nor a compound past: "est due à une fuite de
# gaz" (not "doit à", nor "due à" alone), "est situé à", "est composé de", "est prévu pour".
_ADJECTIVAL = {"devoir", "prévoir", "situer", "composer", "constituer", "équiper", "doter", "destiner", "consacrer",
               "baser", "lier"}
_DU = {"dû", "due", "dus", "dues"}

def has_aux(sentence: Sentence, verb: int) -> bool:
    return any(sentence.tokens[c].dep in ("aux:tense", "aux:pass", "cop") for c in sentence.children[verb])


def periphrasis(sentence: Sentence, verb: int) -> int | None:
    """The infinitive that ``verb`` only dates: a near past ("vient de remporter", "vient d'être placé")
    or a past of "aller" ("est allée chercher"); a near future ("va supprimer") is a future, kept."""
    tokens = sentence.tokens
    if tokens[verb].lemma not in ("venir", "aller"):
        return None
    past_of_aller = tokens[verb].lemma == "aller" and has_aux(sentence, verb)
    for child in sentence.children[verb]:
        marks = [c for c in sentence.children[child] if tokens[c].dep == "mark"]
        if tokens[child].dep != "xcomp" or tokens[child].pos != "VERB" or child < verb:
            continue
        passive = any(tokens[c].dep == "aux:pass" and "VerbForm=Inf" in tokens[c].morph for c in sentence.children[child])
        infinitive = "VerbForm=Inf" in tokens[child].morph or passive
        if infinitive and (past_of_aller and not marks or tokens[verb].lemma == "venir" and [tokens[c].text.lower() for c in marks] in (["de"], ["d'"], ["d’"])):
            return child
    return None


def _undo_periphrasis(sentence: Sentence, verb: int, action: int, replaced: dict[int, str], kept: set[int]) -> bool:
    """"Gaël Faye vient d'obtenir le prix" -> "Gaël Faye obtient le prix"; "vient d'être placé" -> "placé":
    the dating verb silent, the action in the present (or its participle, in the passive)."""
    tokens = sentence.tokens
    dating = [c for c in sentence.children[verb] if tokens[c].dep in ("aux:tense", "aux:pass")]
    introducers = [c for c in sentence.children[action] if tokens[c].dep in ("mark", "aux:pass")]
    # the words that only date are kept silent (written as nothing), not dropped: the phrase stays whole
    silent = [verb, *dating, *introducers]
    if any(tokens[c].dep == "aux:pass" for c in introducers):
        replaced.update(dict.fromkeys(silent, ""))
        return True
    number = verb_number(sentence, verb, dating or [verb])
    lexicon = verb_lexicon()
    infinitive = verb_infinitive(tokens[action].text, tokens[action].lemma, lexicon)
    present = known_present_third(infinitive, number == "Plur", lexicon) if infinitive else None
    if present is None:
        return True  # kept as written: "vient d'obtenir" rather than a made-up form
    replaced.update(dict.fromkeys(silent, ""))
    replaced[action] = present
    return True


def to_present(sentence: Sentence, verb: int, replaced: dict[int, str], kept: set[int]) -> bool:
    """Put the main verb in the present tense, in place (``replaced``, ``kept``); False when it cannot."""
    tokens = sentence.tokens
    token = tokens[verb]
    if (action := periphrasis(sentence, verb)) is not None and action in kept:
        return _undo_periphrasis(sentence, verb, action, replaced, kept)
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
    if passive_aux and (token.lemma in ETRE_VERBS or reflexive) and not tense_aux:
        tense_aux, passive_aux = passive_aux, []  # "est devenue", "s'est écrasé": a compound past
    if _adjectival(sentence, verb, tense_aux + passive_aux) and not reflexive:
        copulas, tense_aux, passive_aux = [c for c in tense_aux + passive_aux if tokens[c].lemma == "être"], [], []
    if passive_aux:
        if any(tokens[c].text.lower().rstrip("'’") in ("ne", "n") for c in sentence.children[verb]):
            return True  # "n'est pas exclue" as written: without its auxiliary, "ne pas exclue" is no French
        kept.difference_update(auxiliaries)  # "ont été tués" -> "tués"
        return True
    if copulas:
        cop = copulas[0]
        number = verb_number(sentence, verb, tense_aux + [cop])
        present = present_third("être", number == "Plur")
        if morphology(tokens[cop]).get("VerbForm") == "Fin" or tense_aux:
            replaced[cop] = present
            kept.difference_update(tense_aux)
        return True
    features = morphology(token)
    if tense_aux:
        if features.get("VerbForm") != "Part" or any(morphology(tokens[a]).get("VerbForm") in ("Inf", "Part") for a in tense_aux):
            return True  # "annonce avoir pris le pouvoir", "ayant pris": no tense to put in the present
        number = verb_number(sentence, verb, tense_aux)
    elif features.get("VerbForm") == "Fin" and features.get("Tense") in ("Past", "Imp") and features.get("Mood", "Ind") == "Ind" \
            and not conditional(token.text, token.lemma):
        number = features.get("Number") or verb_number(sentence, verb, [])
    else:
        return True  # present, future, infinitive: unchanged
    if not token.lemma or not token.lemma.isalpha() and "-" not in token.lemma:
        return False
    lexicon = verb_lexicon()
    infinitive = verb_infinitive(token.text, token.lemma, lexicon)
    present = known_present_third(infinitive, number == "Plur", lexicon) if infinitive else None
    if present is None:
        return True  # an infinitive the lexicon does not confirm: the verb kept as written, not a made-up form
    if token.text[:1].isupper():
        present = present[:1].upper() + present[1:]
    replaced[verb] = present
    kept.difference_update(tense_aux)
    return True


def reported_in_present(sentence: Sentence, verb: int, replaced: dict[int, str], kept: set[int]) -> None:
    """The clause a verb put in the present reports, in the imperfect the past it was told in required, in the present
    too ("a annoncé que l'Iran s'apprêtait à signer" -> "annonce que l'Iran s'apprête à signer"). A conditional stays:
    under "affirme", "estime", "annonce" it is as often the report's hedge, a wish or a hypothesis as a past's future."""
    tokens = sentence.tokens
    for clause in sentence.children[verb]:
        if clause in kept and tokens[clause].dep == "ccomp" and tokens[clause].pos == "VERB" \
                and "Tense=Imp" in tokens[clause].morph and "VerbForm=Fin" in tokens[clause].morph \
                and not any(tokens[c].dep.startswith("aux") for c in sentence.children[clause]) \
                and not conditional(tokens[clause].text, tokens[clause].lemma) and not _past_beside(sentence, clause):
            to_present(sentence, clause, replaced, kept)


def _past_beside(sentence: Sentence, clause: int) -> bool:
    """Whether another verb of the reported clause stays in the past: its imperfect is then a past circumstance,
    not the sequence of tenses ("souffrait d'hypothermie lorsqu'il a été retrouvé": no "souffre")."""
    tokens = sentence.tokens
    for word in sentence.subtree(clause):
        features = morphology(tokens[word])
        if word == clause or tokens[word].pos not in ("VERB", "AUX"):
            continue
        if tokens[word].dep == "aux:tense" or features.get("VerbForm") == "Fin" and features.get("Tense") in ("Past", "Imp") \
                and not conditional(tokens[word].text, tokens[word].lemma):
            return True
    return False


def conditional(form: str, lemma: str) -> bool:
    """Whether ``form`` is a conditional the morphologizer read as an imperfect ("compterait", "expliquerait"):
    a report's hedge, which the present would assert. Told by the form's ending on a verb's stem: the future's
    stem ("compter-ait", "verr-ait") is a conditional; the present's ("dur-ait", "rentr-ait", "cour-ait") an
    imperfect, whatever the lemmatizer said ("rentrait" read as "rentraire")."""
    low = form.lower()
    ending = "aient" if low.endswith("raient") else "ait" if low.endswith("rait") else None
    if ending is None:
        return False
    stem = low[: -len(ending)]
    verbs = {lemma.lower(), *verb_lexicon().lemmas_of(low)}
    if any(stem in _future_stems(verb) for verb in verbs):
        return True
    return not any(verb.endswith(("er", "ir")) and stem == verb[:-2] for verb in verbs)


# Future stems that are not the infinitive: "voir" -> "verr" ("verrait", not "verrer"'s imperfect), "venir" -> "viendr"
_IRREGULAR_FUTURE = {"être": "ser", "avoir": "aur", "aller": "ir", "faire": "fer", "voir": "verr", "venir": "viendr",
                     "tenir": "tiendr", "cevoir": "cevr", "devoir": "devr", "pouvoir": "pourr", "vouloir": "voudr",
                     "falloir": "faudr", "valoir": "vaudr", "courir": "courr", "mourir": "mourr", "envoyer": "enverr"}


def _future_stems(verb: str) -> set[str]:
    """The stems a verb's future and conditional may be written on: the infinitive ("compter"), without its "e"
    ("prendr"), or an irregular one ("verr")."""
    stems = {verb[:-1] if verb.endswith("re") else verb}
    stems.update(verb[: -len(ending)] + stem for ending, stem in _IRREGULAR_FUTURE.items() if verb.endswith(ending))
    return stems


def _adjectival(sentence: Sentence, verb: int, auxiliaries: list[int]) -> bool:
    """Whether ``verb`` is a participle of state after a present or past "être" of its own ("est due", "était situé")."""
    token = sentence.tokens[verb]
    etre = [c for c in auxiliaries if sentence.tokens[c].lemma == "être" and "VerbForm=Fin" in sentence.tokens[c].morph]
    return len(etre) == len(auxiliaries) == 1 and (token.text.lower() in _DU or token.lemma in _ADJECTIVAL)


def verb_infinitive(form: str, lemma: str, lexicon: VerbLexicon) -> str | None:
    """The infinitive of the verb written ``form``: spaCy's ``lemma`` when the lexicon has that verb
    and does not give the form to another one ("connu" is "connaître", whatever the lemmatizer
    said), else the single verb the lexicon gives the form to; None when unsure."""
    known = lexicon.lemmas_of(form.lower())
    if lexicon.is_verb(lemma) and (not known or lemma in known) or not known and _first_group_form(form.lower(), lemma):
        return lemma
    return known[0] if len(known) == 1 else None


# Participle endings of the first group: a form "abimé" of the lemma "abimer" is that verb, known
# to the lexicon or not (new verbs, rectified spellings). Not "-ait": "connait" is "connaître".
_FIRST_GROUP_PAST = ("é", "ée", "és", "ées")


def _first_group_form(form: str, lemma: str) -> bool:
    return lemma.endswith("er") and any(form == lemma[:-2] + ending for ending in _FIRST_GROUP_PAST)


def verb_number(sentence: Sentence, verb: int, agreeing: list[int]) -> str:
    subject = subject_of(sentence, verb)
    if subject is not None and any(
            sentence.tokens[c].dep == "det" and c < subject and morphology(sentence.tokens[c]).get("Number") == "Plur"
            for c in sentence.children[subject]):
        return "Plur"  # "Les Imbonerakure, le mouvement…, est": the verb agrees with the plural article, not an apposition
    for aux in agreeing:
        if number := morphology(sentence.tokens[aux]).get("Number"):
            return number
    if subject is not None:
        return morphology(sentence.tokens[subject]).get("Number", "Sing")
    return "Sing"


# Endings a past participle takes with its subject: "levé", "levée", "levés", "levées".
_PARTICIPLE = re.compile(r"^(.*?(?:é|i|u|is|it|ert|eint|aint|oint))(e?)(s?)$")


def agree_participle(sentence: Sentence, verb: int, subject_tokens: set[int], replaced: dict[int, str], kept: set[int]) -> None:
    """A participle left without its auxiliary agrees with the headline's subject, by the
    morphologizer's Gender and Number ("L'état d'urgence levé", "La médaille attribuée"); a subject
    whose gender the model does not give (a name) leaves it as written."""
    tokens = sentence.tokens
    token = tokens[verb]
    if verb in replaced or "VerbForm=Part" not in token.morph or any(
            c in kept and tokens[c].dep in ("aux:tense", "aux:pass") for c in sentence.children[verb]):
        return
    heads = [i for i in subject_tokens if tokens[i].head not in subject_tokens or tokens[i].head == i]
    if len(heads) != 1 or tokens[heads[0]].pos != "NOUN":
        return
    head = heads[0]
    conjuncts = [c for c in sentence.children[head] if c in subject_tokens and tokens[c].dep == "conj" and tokens[c].pos == "NOUN"]
    if conjuncts:  # "Le cortège et le défilé annulés": plural, feminine only when every noun is
        genders = {_noun_features(sentence, noun).get("Gender") for noun in [head, *conjuncts]}
        features = {"Number": "Plur", "Gender": "Fem" if genders == {"Fem"} else "Masc"}
    elif any(tokens[c].dep in ("det", "nummod") for c in sentence.children[head]):
        features = _noun_features(sentence, head)
    elif tokens[head].entity or not tokens[head].text[:1].islower():
        return  # "Election day", "Uber": a name's gender is the model's guess
    else:  # a common noun without its article still has its gender and number ("créature … découverte")
        features = morphology(tokens[head])
    if token.pos != "VERB" or not token.text[:1].islower() or "Tense=Past" not in token.morph or "Gender" not in features or "Number" not in features or not (match := _PARTICIPLE.match(token.text)):
        return
    lexicon = verb_lexicon()
    infinitive = verb_infinitive(token.text, token.lemma, lexicon)
    if infinitive is None:
        return
    # the masculine singular may itself end like an agreement ("mis", "pris"): the shortest
    # stem whose agreed form the lexicon knows for this verb
    for stem in sorted({match[1], match[1] + match[2] + match[3] if match[2] == "" else match[1]}, key=len):
        plural = "s" if features["Number"] == "Plur" and not stem.endswith("s") else ""
        agreed = stem + ("e" if features["Gender"] == "Fem" else "") + plural
        if lexicon.is_form_of(agreed, infinitive):
            if agreed != token.text:
                replaced[verb] = agreed
            return


def _noun_features(sentence: Sentence, noun: int) -> dict[str, str]:
    """A noun's Gender and Number, its determiner's first ("Un Français", "les accès", "Deux lynx":
    the noun alone does not say), a number before it making it plural."""
    features = dict(morphology(sentence.tokens[noun]))
    for child in sentence.children[noun]:
        token = sentence.tokens[child]
        if token.dep == "det":
            features.update({k: v for k, v in morphology(token).items() if k in ("Gender", "Number")})
        elif token.dep == "nummod" and child < noun and token.text.lower() not in ("un", "une", "1"):  # not "de magnitude 6,2"
            features["Number"] = "Plur"
    return features
