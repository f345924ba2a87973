"""The nominal form of an event, as French desks title it (pure functions): "Démission de Michael
Flynn", "Fusillade dans un cinéma de Viernheim", "Séisme de magnitude 6,4", "Naissance d'un bébé
atteint de microcéphalie", for the clause whose main verb says or only announces that event.

It is made of a verbal candidate already chosen (digest/headline_rewrite.py): the same words kept,
the verb and its auxiliaries gone, and
- an intransitive verb of the table (or a passive whose long subject puts its participle far from the
  start) said by its noun, "de" and its subject: "Les bureaux de vote ferment" -> "Fermeture des bureaux de vote";
- an event that is the subject of a verb that only says it happened, without its article:
  "Un séisme a eu lieu" -> "Séisme";
- an event that is the object of a verb that only announces or performs it, without who does it when
  that one is not named and says it as no party's claim: "L'hôpital annonce la naissance d'un bébé" -> "Naissance d'un bébé";
- "ouvrir le feu" by someone the lede does not say ("un homme armé"): "Fusillade".
None when the verb is negated or conditional, needs more than its subject ("élu président"), or when
the result is no headline (too long, ending on a preposition). A verb with an object keeps its verbal
form: "Visite du camp par le pape" reads stiffer than "Le pape visite le camp".
"""

from __future__ import annotations

from digest.headline_candidates import MIN_LENGTH, Candidate, finish, render
from digest.headline_check import NEGATIONS
from digest.headline_sentence import VOWEL_START, Sentence
from digest.headline_strict import text_fault
from digest.headline_tense import periphrasis

# Verbs of French news in general that a desk titles with their event's noun (lemma -> noun). Chosen
# from French usage, not from any corpus's titles; a verb the noun does not name in every sense is
# left out ("battre un record", "abattre un avion", "saisir la justice") or held to a person (below).
EVENT_NOUNS = {
    "démissionner": "démission", "élire": "élection", "réélire": "réélection", "nommer": "nomination",
    "limoger": "limogeage", "destituer": "destitution", "investir": "investiture",
    "arrêter": "arrestation", "interpeller": "interpellation", "enlever": "enlèvement", "kidnapper": "enlèvement",
    "inculper": "inculpation", "acquitter": "acquittement", "libérer": "libération",
    "expulser": "expulsion", "extrader": "extradition", "évader": "évasion", "hospitaliser": "hospitalisation",
    "assassiner": "assassinat", "exécuter": "exécution", "agresser": "agression",
    "signer": "signature", "ratifier": "ratification", "adopter": "adoption", "rejeter": "rejet",
    "promulguer": "promulgation", "interdire": "interdiction", "autoriser": "autorisation",
    "légaliser": "légalisation", "dissoudre": "dissolution", "suspendre": "suspension", "annuler": "annulation",
    "reporter": "report", "supprimer": "suppression", "lancer": "lancement", "relancer": "relance",
    "inaugurer": "inauguration", "ouvrir": "ouverture", "rouvrir": "réouverture", "fermer": "fermeture",
    "publier": "publication", "découvrir": "découverte", "évacuer": "évacuation", "sauver": "sauvetage",
    "dérailler": "déraillement", "exploser": "explosion", "effondrer": "effondrement", "disparaître": "disparition",
    "naître": "naissance", "échouer": "échec", "visiter": "visite", "manifester": "manifestation",
    "fusionner": "fusion", "racheter": "rachat", "acquérir": "acquisition", "retirer": "retrait",
    "privatiser": "privatisation", "nationaliser": "nationalisation", "licencier": "licenciement",
    "bombarder": "bombardement", "envahir": "invasion", "capturer": "capture", "reprendre": "reprise",
    "qualifier": "qualification", "éliminer": "élimination", "démanteler": "démantèlement",
    "achever": "fin", "terminer": "fin", "débuter": "début", "commencer": "début",
}
# The nouns of events, and those of events no verb of the table says ("Naissance", "Découverte" are there).
_EVENTS = set(EVENT_NOUNS.values()) | {"mort", "décès", "attentat", "attaque", "fusillade", "accident", "explosion", "incendie"}
# Verbs whose noun names the event only when it happens to people ("arrêter sa carrière" is no arrest).
_ON_PEOPLE = {"arrêter", "interpeller", "enlever", "exécuter", "libérer", "évacuer", "sauver", "retirer", "reprendre"}
_PEOPLE = set(
    "homme femme enfant adolescent adolescente jeune personne individu suspect suspecte otage journaliste militant "
    "militante manifestant manifestante opposant opposante membre auteur policier soldat militaire ressortissant "
    "touriste migrant réfugié passager détenu prisonnier dirigeant responsable ministre président députée député "
    "maire chef ancien ancienne".split()
)
_VERB_GROUP = {"aux:tense", "aux:pass", "aux:caus", "cop", "expl:comp", "expl:pass", "expl:subj"}
_NEEDS_MORE = {"xcomp", "ccomp", "iobj"}
# How long a passive's subject is (characters) for its participle to come too late ("… interpellé").
_LONG_SUBJECT = 40
# Verbs whose event is the noun of their object: "annonce l'arrestation de", "fait la découverte de".
_SAYING_OR_DOING = {"annoncer", "confirmer", "officialiser", "faire"}
# Verbs said without an object whose subject is what undergoes the event ("Les bureaux de vote ferment").
_INTRANSITIVE = {"démissionner", "dérailler", "exploser", "effondrer", "disparaître", "naître", "échouer", "manifester",
                 "fusionner", "évader", "fermer", "ouvrir", "rouvrir", "qualifier", "retirer",
                 "achever", "terminer", "débuter", "commencer"}
# "de" + article: "du ministre", "des suspects"; an indefinite "des" goes ("Signature d'accords")
_CONTRACTED = {"le": "du", "les": "des", "des": "de"}
# Verbs that only say that the event their subject names happened ("Une fusillade a éclaté", "Un séisme s'est produit").
_HAPPENING = {"éclater", "survenir", "retentir"}
_REFLEXIVE_HAPPENING = {"produire", "déclarer", "déclencher", "dérouler"}
# Table verbs whose noun names their reflexive sense too: "s'effondrer", "s'évader", "se qualifier", "se retirer"
# (withdraw: "retrait"), "le procès s'ouvre", "le festival s'achève", "le parti s'est dissous". The others' reflexive
# sense is another verb's: "s'échouer" is to run aground (no "échec"), "se manifester" to come forward (no
# "manifestation"), "s'arrêter" to stop (no "arrestation"), "se sauver" to flee, "se lancer" to set about.
_REFLEXIVE_SENSE_NAMED = {"effondrer", "évader", "qualifier", "retirer", "ouvrir", "rouvrir", "fermer", "achever",
                          "terminer", "dissoudre"}
# Subjects whose happening a verb of _HAPPENING or _REFLEXIVE_HAPPENING says: events. Those verbs say something
# else of anything else ("un groupe de rock s'est produit": it performed; "un candidat s'est déclaré"; "un pneu a éclaté").
_HAPPENINGS = _EVENTS | set(
    "séisme tremblement réplique tsunami éruption avalanche éboulement glissement inondation crue tempête ouragan "
    "cyclone tornade collision carambolage naufrage crash catastrophe drame tragédie incident affrontement heurt "
    "émeute échauffourée rixe bagarre fuite panne coupure épidémie grève mutinerie révolte soulèvement combat "
    "guerre tir détonation prise braquage cambriolage scandale crise polémique".split()
)
# Who opens fire without being news: the shooter the lede does not say ("Un homme armé a ouvert le feu" ->
# "Fusillade …"). A police officer, a soldier, a guard who shoot are the news and keep the verb.
_UNKNOWN_SHOOTERS = {"homme", "individu", "tireur", "inconnu", "assaillant", "forcené", "personne", "femme"}
# Announcers whose word is the news itself, no party's claim: "L'hôpital annonce la naissance d'un bébé" ->
# "Naissance d'un bébé". Anyone else announcing (a group, an army, a government, a ministry) keeps the
# verb: "Le groupe État islamique annonce l'exécution d'un otage" is a claim, not a fact.
_PLAIN_ANNOUNCERS = {"hôpital", "clinique", "maternité", "police", "gendarmerie", "autorité", "pompier", "secours",
                     "parquet", "procureur", "préfecture", "mairie", "enquêteur", "médecin", "famille", "proche",
                     "entourage", "source"}
# Verbs of ending whose event is its subject's end only when reflexive ("Le festival s'achève"): without the
# pronoun, sport says a rank with them ("L'équipe termine deuxième du championnat"), no end of the team.
_ENDING_ONLY_REFLEXIVE = {"achever", "terminer"}


# A nominal form's text and the sentence's words it is made of.
_Said = tuple[str, set[int]]


def nominal_form(sentence: Sentence, verb: int, subject: int, chosen: Candidate, budget: int) -> Candidate | None:
    """``chosen`` (a verbal candidate of the clause of ``verb``) said as its event's noun, or None."""
    kept = set(chosen.kept)
    if (action := periphrasis(sentence, verb)) is not None and action in kept:  # "vient de démissionner"
        kept -= {verb} | {c for c in sentence.children[verb] if sentence.tokens[c].dep in _VERB_GROUP} \
            | {c for c in sentence.children[action] if sentence.tokens[c].dep == "mark"}
        verb = action
    children = [c for c in sentence.children[verb] if c in kept]
    if verb not in kept or _hedged(sentence, verb) or any(_needs_the_verb(sentence, c) for c in children):
        return None
    said = _event_of_verb(sentence, verb, subject, kept, children) or _event_as_subject(sentence, verb, subject, kept, children) \
        or _event_as_object(sentence, verb, subject, kept, children) or _shooting(sentence, verb, subject, kept, children)
    if not said:
        return None
    text, words = said
    if not MIN_LENGTH <= len(text) <= budget or text_fault(text) is not None or text.count("«") != text.count("»"):
        return None
    return Candidate(text, chosen.score, frozenset(words), chosen.whole)


def _event_of_verb(sentence: Sentence, verb: int, subject: int, kept: set[int], children: list[int]) -> _Said | None:
    """"Fermeture des bureaux de vote" (they "ferment"), "Démission de Michael Flynn" (he "démissionne"): the noun of
    an event its subject undergoes."""
    tokens, lemma = sentence.tokens, sentence.tokens[verb].lemma.lower()
    noun = EVENT_NOUNS.get(lemma)
    undergoer = kept & sentence.subtree(subject)
    passive = any(tokens[c].dep in ("aux:pass", "nsubj:pass") for c in sentence.children[verb])
    # a passive participle is a desk's form already ("Deux journalistes arrêtés"), unless a long subject puts it far
    # from the start ("Un jeune homme de 18 ans soupçonné de vouloir commettre un attentat interpellé")
    if noun is None or tokens[verb].pos != "VERB" or not undergoer or any(tokens[c].dep == "obj" for c in children) \
            or (len(render(sentence, undergoer, {})) < _LONG_SUBJECT if passive else lemma not in _INTRANSITIVE) \
            or _joins_phrases(sentence, undergoer) or lemma in _ON_PEOPLE and not _names_people(sentence, subject) \
            or lemma in _ENDING_ONLY_REFLEXIVE and not sentence.is_reflexive(verb) \
            or sentence.is_reflexive(verb) and lemma not in _REFLEXIVE_SENSE_NAMED:
        return None
    rest = kept - _verb_group(sentence, verb, children) - undergoer
    return finish(" ".join([of_phrase(noun.capitalize(), sentence, undergoer)] + ([render(sentence, rest, {})] if rest else []))), \
        undergoer | rest


def _event_as_subject(sentence: Sentence, verb: int, subject: int, kept: set[int], children: list[int]) -> _Said | None:
    """"Fusillade dans un lycée de Floride" for "Une fusillade a éclaté dans un lycée de Floride": an event
    that is the subject of a verb that only says it happened, without its article and that verb."""
    tokens, lemma = sentence.tokens, sentence.tokens[verb].lemma.lower()
    reflexive = sentence.is_reflexive(verb)
    took_place = lemma == "avoir" and any(tokens[c].dep == "obj" and tokens[c].lemma.lower() == "lieu" for c in children)
    if not (lemma in _HAPPENING or reflexive and lemma in _REFLEXIVE_HAPPENING or took_place):
        return None
    noun = tokens[subject]
    if noun.pos != "NOUN" or noun.entity or (noun.lemma.lower() not in _HAPPENINGS and not took_place):
        return None
    event = kept & sentence.subtree(subject)
    first = min(event)
    # an event the sentence tells for the first time ("Une fusillade a éclaté"), not one the reader is
    # supposed to know ("La cérémonie se déroule"); "Des affrontements", "Plusieurs explosions": how many is news
    if tokens[first].pos == "DET" and tokens[first].text.lower() not in ("un", "une"):
        return None
    article = [first] if tokens[first].pos == "DET" else []
    words = (event - set(article)) | (kept - _verb_group(sentence, verb, children) - event)
    return finish(render(sentence, words, {})), words


def _event_as_object(sentence: Sentence, verb: int, subject: int, kept: set[int], children: list[int]) -> _Said | None:
    """"Arrestation de 16 djihadistes" for "L'agence Anadolu annonce l'arrestation de 16 djihadistes": the event
    a verb only announces or performs ("fait la découverte de"), with what it is of, without who says it when their
    word is no party's claim (_PLAIN_ANNOUNCERS)."""
    tokens = sentence.tokens
    objects = [c for c in children if tokens[c].dep == "obj"]
    if tokens[verb].lemma.lower() not in _SAYING_OR_DOING or len(objects) != 1 or tokens[objects[0]].lemma.lower() not in _EVENTS:
        return None
    event = kept & sentence.subtree(objects[0])
    of = [c for c in sentence.children[objects[0]] if c in event and tokens[c].dep == "nmod" and tokens[min(sentence.subtree(c))].text.lower()
          in ("de", "d'", "d’", "du", "des")]
    if not of or any("Poss=Yes" in tokens[i].morph for i in sentence.subtree(of[0])):
        return None  # "annonce la démission de son poste": whose, the headline would not say
    if subject not in kept or any(tokens[i].entity in ("PER", "ORG", "MISC") for i in kept & sentence.subtree(subject)) \
            or tokens[verb].lemma.lower() != "faire" and tokens[subject].lemma.lower() not in _PLAIN_ANNOUNCERS:
        return None  # "Siemens annonce la suppression de 6 000 emplois": who does it, named, is news too
    first = min(event)
    article = {first} if tokens[first].pos == "DET" and tokens[first].text.lower() in ("la", "le", "l'", "l’") else set()
    words = (event - article) | (kept - _verb_group(sentence, verb, children) - sentence.subtree(subject) - event)
    return finish(render(sentence, words, {})), words


def _shooting(sentence: Sentence, verb: int, subject: int, kept: set[int], children: list[int]) -> _Said | None:
    """"Fusillade dans un cinéma de Viernheim" for "Un homme armé a ouvert le feu dans un cinéma de Viernheim":
    someone the lede does not name opened fire, and where is the news."""
    tokens = sentence.tokens
    fire = [c for c in children if tokens[c].dep == "obj" and tokens[c].lemma.lower() == "feu"]
    shooter = kept & sentence.subtree(subject)
    if tokens[verb].lemma.lower() != "ouvrir" or not fire or not shooter or tokens[min(shooter)].text.lower() not in ("un", "une") \
            or tokens[subject].lemma.lower() not in _UNKNOWN_SHOOTERS:
        return None
    rest = kept - _verb_group(sentence, verb, children) - shooter - sentence.subtree(fire[0])
    return (finish("Fusillade " + render(sentence, rest, {})), rest) if rest else None


def _needs_the_verb(sentence: Sentence, child: int) -> bool:
    """Whether the verb's ``child`` cannot go with a noun: a negation, an attribute ("élu président"), a clause ("a
    décidé de"), a complement of the verb's own "de" ("démissionne de son poste"); "ferme dans le nord" can."""
    token = sentence.tokens[child]
    case = [sentence.tokens[c].text.lower() for c in sentence.children[child] if sentence.tokens[c].dep == "case"]
    return token.text.lower().rstrip("'’") in NEGATIONS | {"ne", "n"} or token.dep in _NEEDS_MORE \
        or token.dep == "obl:arg" and (not case or case[0] in ("de", "d'", "d’", "du", "des"))


def _hedged(sentence: Sentence, verb: int) -> bool:
    """"auraient fait la découverte": a conditional says the news is reported, not sure; a noun would assert it."""
    return any("Mood=Cnd" in sentence.tokens[i].morph for i in (verb, *sentence.children[verb]))


def _verb_group(sentence: Sentence, verb: int, children: list[int]) -> set[int]:
    """The verb and what is said only with it: auxiliaries, reflexive pronoun, the "lieu" of "a eu lieu"."""
    return {verb} | {c for c in children if sentence.tokens[c].dep in _VERB_GROUP or sentence.tokens[c].text.lower() in ("se", "s'", "s’")
                     or sentence.tokens[c].dep == "obj" and sentence.tokens[c].lemma.lower() == "lieu"}


def of_phrase(noun: str, sentence: Sentence, complement: set[int]) -> str:
    """``noun`` and its "de" complement, contracted or elided as French writes it: "Démission du
    ministre", "Arrestation des suspects", "Libération d'un otage", "Visite de Hollande"."""
    first = min(complement)
    token = sentence.tokens[first]
    written = _lowered(sentence, complement)
    if token.pos == "DET" and token.text.lower() in _CONTRACTED and complement - {first}:  # not a name's "Le" ("de Le Pen")
        article, written = _CONTRACTED[token.text.lower()], _lowered(sentence, complement - {first})
        if article != "de":
            return f"{noun} {article} {written}"
    if VOWEL_START.match(written) and not written.lower().startswith("h"):
        return f"{noun} d'{written}"
    return f"{noun} de {written}"


def _lowered(sentence: Sentence, part: set[int]) -> str:
    """The words of ``part`` as written, the first in lower case unless it is a name's ("un homme", "Emmanuel Macron")."""
    text = render(sentence, part, {})
    token = sentence.tokens[min(part)]
    if token.pos != "DET" and (token.pos in ("PROPN", "X") or token.entity) or text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def _names_people(sentence: Sentence, head: int) -> bool:
    """Whether the noun phrase headed by ``head`` names people: a person's name, or a noun for people."""
    token = sentence.tokens[head]
    return token.entity == "PER" or token.lemma.lower() in _PEOPLE or token.pos == "NUM" and any(
        sentence.tokens[c].lemma.lower() in _PEOPLE for c in sentence.children[head])


def _joins_phrases(sentence: Sentence, part: set[int]) -> bool:
    """Whether ``part`` joins noun phrases with their own article ("le championnat et la course"), each of which
    would need its own "de"."""
    return any(sentence.tokens[i].dep == "cc" and i + 1 in part and sentence.tokens[i + 1].pos == "DET" for i in part)
