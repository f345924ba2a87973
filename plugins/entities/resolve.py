"""Per-article resolution: raw NER spans + editorial file -> entities (no spaCy import).

Pipeline for one text (all deterministic, a pure function of (text, spans, editorial)):

1. editorial matching: every name/alias of the editorial file found in the text
   (case-sensitive, word boundaries, typographic apostrophes/hyphens tolerated) is a
   *strong* mention -- it beats the model;
2. model spans: a MISC span (work, event, product) only yields the place a treaty or an
   attack is named after ("statut de Rome") and a person behind a title, demonym, prize
   or known name ("Premier ministre David Cameron", "prix Jean-Perrin"); a span
   overlapping an editorial match is either kept whole (it is a longer name that
   embeds the alias: "Banque de France", "Brigitte Macron", an ORG containing a place
   like "Paris Saint-Germain") or cut around the match ("Otan Mark Rutte" -> OTAN +
   "Mark Rutte");
3. clean-up: punctuation, determiners, titles/functions ("M.", "président", "ministre
   des Affaires étrangères"...) stripped; spans without a capital letter dropped; stop
   list applied; a cleaned span equal to an editorial alias becomes that entity;
   person names keep a particle alone with the surname ("de Gaulle") and the dot of a
   final initial ("Nolan L."); first names such as "François" are not demonyms;
3b. model spans are split at line breaks and, for places/organisations, at spaced dashes
   ("Autriche - Hongrie"); "aéroport de X"/"parquet de X" and administrative divisions
   ("comté de X", "province du X") and churches ("église Saint-Marc") keep only the
   place X; a maker's name used for its product ("Airbus A321", "114 Airbus") is dropped;
   a demonym + capitalised name read as a place is a person ("l'Espagnole Caroline R.");
3c. extra organisations: the name after an organisation head noun ("le quotidien X",
   "la compagnie X") and ministerial portfolios ("ministre de l'Intérieur" -> Intérieur);
   organisation names extended to the full institutional name ("Mission de l'" + Union
   africaine + " en Somalie", "... aux droits de l'homme"); head nouns, sports-club
   markers (FC, Handball...) and Arabic group heads (Jaysh, Ahrar...) type organisations;
   "Marc Ladreit" + " de " + "Lacharrière" is one person; a country after an organisation
   ("... en Somalie") joins the name only for missions and embassies; English names with
   their head last ("Turkish Airlines", "Splendid Hotel") are organisations; a name the
   model labelled ORG/LOC right after a function or a demonym ("l'entraîneur parisien,
   Staffan Olsson", "la Chinoise Yin Junhua") is a person; a participle opening a
   sentence ("Transportée à l'hôpital, ...") is no name; an acronym alias followed by a
   number ("RN 79") is a road, not the party; the one-name lines of a team sheet
   ("Melić (4 buts sur 5 tirs)", "Accambray") are players;
4. acronyms: "Forces démocratiques syriennes (FDS)" (or "FDS (Forces ...)") makes the
   acronym an alias of the long name in that article; every occurrence is a mention;
   when the model found only the acronym, the words before "(CNC)" whose initials spell
   it become the long form ("conseil national de la communication");
5. merging: case/accent variants merge; a person's surname ("Rutte", "M. Rutte") merges
   into the full name seen in the same article ("Mark Rutte"); likewise the first words
   of an organisation name ("la Commission", "le Haut-Conseil") merge into the only
   longer organisation of the article starting with them; a party label in parentheses
   after a person ("Laurent Wauquiez (LR)") is not that person's acronym; the type of a cluster is
   the editorial type, else the majority label of its mentions;
6. canonical name: editorial name, else the longest (most tokens) form, then the most
   frequent, then the first seen.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .editorial import Editorial, EditorialEntry, norm_key
from .model import Entity

LABEL_KIND = {"PER": "personne", "ORG": "organisation", "LOC": "lieu"}
KIND_LABEL = {v: k for k, v in LABEL_KIND.items()}

Span = tuple[int, int, str]

# --------------------------------------------------------------------------- clean-up
_TITLE_WORDS = [
    # honorifics
    "m.", "mm.", "mme", "mme.", "mmes", "mlle", "mlles", "me", "dr", "dr.", "pr", "pr.",
    "mgr", "monseigneur", "monsieur", "madame", "mademoiselle", "messieurs", "sir", "lord",
    "lady", "dame", "feu", "saint-père",
    # functions
    "président", "présidente", "vice-président", "vice-présidente", "premier", "première",
    "ministre", "ministres", "secrétaire", "général", "générale", "colonel", "commandant",
    "capitaine", "lieutenant", "lieutenant-colonel", "maréchal", "amiral", "sergent",
    "caporal", "soldat", "sénateur", "sénatrice", "député", "députée", "maire", "juge",
    "procureur", "procureure", "professeur", "professeure", "docteur", "maître", "pape",
    "roi", "reine", "prince", "princesse", "empereur", "impératrice", "cheikh", "émir",
    "imam", "rabbin", "abbé", "cardinal", "archevêque", "évêque", "ayatollah", "chancelier",
    "chancelière", "gouverneur", "gouverneure", "ambassadeur", "ambassadrice", "porte-parole",
    "directeur", "directrice", "patron", "patronne", "pdg", "ceo", "entraîneur", "sélectionneur",
    "candidat", "candidate", "ancien", "ancienne", "ex", "l'ancien", "l'ancienne",
    "leader", "chef", "cheffe", "coach", "président-directeur", "préfet", "préfète",
    "commissaire", "inspecteur", "agent", "officier", "sieur", "frère", "sœur", "père",
]
_TITLES = {norm_key(t) for t in _TITLE_WORDS}
_DETERMINERS = {"le", "la", "les", "l'", "l’", "du", "des", "de", "d'", "d’", "au", "aux",
                "un", "une", "à", "a", "en", "et", "par", "pour", "sur", "avec", "chez", "selon"}
_PUNCT_STRIP = " \t\n\r«»\"“”„‘’'`.,;:!?()[]{}–—-/*•·…"
_TOKEN = re.compile(r"\S+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞŒ]")
_INSTITUTIONS = {norm_key(w) for w in (
    "République", "Intérieur", "Défense", "Justice", "Économie", "Santé", "Culture", "Éducation",
    "Travail", "Agriculture", "Environnement", "Affaires", "Finances", "Budget", "Commission",
    "Conseil", "Assemblée", "Sénat", "Parlement", "Gouvernement", "État", "Etat", "Armées",
    "Transports", "Logement", "Sports", "Industrie", "Commerce", "Recherche", "Numérique",
    "Chambre", "Cour", "Tribunal", "Banque", "Fed", "Union", "Nation", "Région", "Ville",
    "Département", "Mairie", "Outre-mer", "Écologie", "Intérieur", "Extérieur", "Université")}
# French demonyms ("Australienne", "Sud-Africain", "Néerlandais", "Suissesse"): a single
# capitalised word with a demonym ending, tagged LOC/ORG by the model, is not a place.
_DEMONYM_STRICT = re.compile(
    r"(?:ien(?:ne)?|éen(?:ne)?|(?:ic|oc|ub|ric)ain(?:e)?|ais(?:e)?|ois(?:e)?|esse|(?:ud|ir|ab|bi)ite|"
    r"iote|ote|ane|(?<!l)ande|ole)s?$"
    # plurals of "-ain" demonyms ("Tibétains", "Montpelliérains", "Jamaïcains"); at least
    # three letters before the ending so that "Bains" (Aix-les-Bains) stays a place
    r"|(?<=[^\W\d_]{3})aine?s$")
_NOT_DEMONYM = {norm_key(w) for w in (
    "Vienne", "Amiens", "Valenciennes", "Étienne", "Calais", "Beauvais", "Marais", "Pontoise",
    "Blois", "Artois", "Valois", "Dubaï", "Koweït", "Seine", "Maine", "Lorraine", "Aquitaine",
    "Touraine", "Afrique", "Amérique", "Mozambique", "Martinique", "Belgique", "Costa Rica",
    "Baltique", "Arctique", "Antarctique", "Atlantique", "Pacifique", "Adriatique", "Guyane",
    "Bretagne", "Ukraine", "Toscane", "Pékin", "Berlin", "Dublin", "Turin", "Tallinn", "Wellington",
    "Madrid", "Irlande", "Finlande", "Pologne", "Espagne", "Écosse", "Ouzbékistan", "Cameroun",
    "Gabon", "Japon", "Lyon", "Avignon", "Dijon", "Besançon", "Mâcon", "Toulon", "Lisbonne",
    "Bayonne", "Ancône", "Lausanne", "Sardaigne", "Mossoul", "Alep", "Bordeaux", "Hollande",
    "Groenland", "Islande", "Nouvelle-Zélande", "Thaïlande", "Zélande", "Cleveland", "Portland",
    "Maryland", "Rhin", "Kremlin", "Berlin", "Londres", "Vatican", "Liban", "Soudan", "Iran",
    "Oman", "Taïwan", "Yémen", "Bahreïn", "Pakistan", "Afghanistan", "Kazakhstan", "Téhéran",
    "Abidjan", "Milan", "Orléans", "Caen", "Rouen", "Rennes", "Nantes", "Cannes", "Vannes",
    "Mayenne", "Ardennes", "Cévennes", "Guyenne", "Tripoli", "Seattle", "Québec", "Marseille",
    "Nice", "Venise", "Chili", "Panama", "Denis", "Saint-Denis", "Wisconsin", "Michigan",
    "Chine", "Argentine", "Palestine", "Ukraine", "Bosnie", "Ligue", "Commune", "Europe",
    "Sainte", "Mont-Blanc", "Bonn", "Lusaka", "Gaza", "Ankara", "Kiev", "Crimée", "Inde",
    "Ontario", "Tunisie", "Algérie", "Albanie", "Kenya", "Irak", "Syrie", "Turquie",
    "Somalie", "Mauritanie", "Libye", "Birmanie", "Sénégal", "Mali", "Niger", "Tchad",
)}


# first names with a demonym-like ending: "François Fillon", "Adrien Duvillard" and
# "Julien Vander Plancke" keep their first name
_NOT_DEMONYM |= {norm_key(w) for w in (
    "François", "Françoise", "Adrien", "Adrienne", "Julien", "Julienne", "Fabien", "Fabienne",
    "Sébastien", "Sébastienne", "Damien", "Lucien", "Lucienne", "Bastien", "Maximilien",
    "Cyprien", "Vivien", "Vivienne", "Aurélien", "Émilien", "Émilienne", "Gratien", "Lilian",
    "Killian", "Kylian", "Valentin", "Blaise", "Gervais", "Ambroise", "Nicole", "Carole",
    "Ariane", "Océane", "Stéphane", "Roxane", "Diane", "Christiane", "Liliane", "Josiane",
    "Viviane", "Éliane", "Jane", "Yolande", "Rolande", "Morgane", "Jordane", "Gwenaëlle",
    "Ghislaine", "Germaine", "Romaine", "Solène", "Marjolaine", "Tatiane", "Oriane")}


def looks_like_demonym(name: str) -> bool:
    """"Australienne", "Sud-Africains", "Néerlandaise", "Suissesse" (one word)."""
    if " " in name.strip() or not name[:1].isupper():
        return False
    k = norm_key(name)
    last = k.split(" ")[-1]
    if k in _NOT_DEMONYM or last in _NOT_DEMONYM or len(last) < 5:
        return False
    return bool(_DEMONYM_STRICT.search(name.split("-")[-1].lower()))


_DEMONYM_WORDS = {norm_key(w) for w in (
    "Suisse", "Suisses", "Belge", "Belges", "Russe", "Russes", "Tchèque", "Slovaque", "Grec",
    "Grecque", "Turc", "Turque", "Basque", "Kurde", "Arabe", "Hongrois", "Hongroise")}

# head nouns (WiNER convention): "université de X", "ministère de la Justice", "hôpital X"
# are organisations; "place X", "rue X", "île de X", "désert X" are places.
ORG_HEADS = {norm_key(w) for w in (
    "armée", "ministère", "université", "hôpital", "association", "comité", "diocèse",
    "aéroport", "assemblée", "agence", "fédération", "conseil", "laboratoire", "observatoire",
    "tribunal", "cour", "hôtel", "parquet", "parlement", "institut", "académie", "banque",
    "parti", "mouvement", "syndicat", "église", "mosquée", "grande mosquée", "collège", "lycée",
    "école", "musée", "fondation", "club", "société", "compagnie", "office", "autorité",
    "préfecture", "mairie", "commission", "police", "gendarmerie", "brigade", "régiment",
    "clinique", "centre hospitalier", "chu", "groupe", "entreprise", "journal", "quotidien",
    "hebdomadaire", "radio", "chaîne", "station", "cathédrale")}
ORG_HEADS |= {norm_key(w) for w in (
    "chambre", "communauté", "gouvernement", "commissariat", "opéra", "théâtre", "centre",
    "mission", "haut commissariat", "service", "direction", "ordre", "front", "brigades",
    "forces", "tribunal", "syndicat", "confédération", "organisation", "programme",
    "chru", "srpj", "sécurité", "garde", "protection civile")}
# "Centre-Val de Loire", "Front de mer" are not organisations
_NOT_ORG_HEAD = {"centre val", "centre ville", "front de", "service public"}
# sports clubs: a name with a club marker is an organisation, not the city it contains
_CLUB_MARKERS = {norm_key(w) for w in (
    "FC", "AS", "SC", "RC", "AC", "OGC", "US", "HBC", "HB", "Handball", "Basket", "Volley",
    "Rugby", "Football", "Olympique", "Sporting", "Racing", "Athletic", "United", "Stade rennais",
    "Calcio", "Hockey", "Futsal")} - {"us"}
# armed / political groups named in Arabic ("Jaysh al-Islam", "Ahrar al-Cham",
# "Jabhat al-Nosra", "Ansar Beit al-Maqdess", "Liwa al-Quds")
_GROUP_HEADS = {"ahrar", "jaysh", "jaish", "jabhat", "ansar", "harakat", "hayat", "hayat",
                "liwa", "jund", "katibat", "tahrir", "fatah", "fateh", "hezb", "hizb", "tehrik"}
# English names put the head noun last: "Splendid Hotel", "National Science Foundation",
# "Pakistan International Airlines", "Sky News", "MEO Arena" are organisations
_ENGLISH_ORG_TAILS = {
    "hotel", "arena", "university", "college", "institute", "airlines", "airways", "bank",
    "group", "inc", "inc.", "corporation", "corp", "company", "news", "times", "post",
    "journal", "press", "foundation", "agency", "records", "pictures", "studios", "motors",
    "network", "party", "council", "association", "club", "united", "center", "museum",
    "hospital", "academy", "society", "committee", "authority", "office", "department",
    "ltd", "limited", "fund", "bureau", "league", "federation", "union", "institution",
    "laboratory", "observatory", "police", "army", "navy", "ministry", "tribune", "herald"}
_FRENCH_ARTICLES = {"le", "la", "les", "l", "un", "une", "des", "du"}
LOC_HEADS = {norm_key(w) for w in (
    "place", "rue", "île", "îles", "frontière", "gare", "zone", "vallée", "autoroute", "cité",
    "mer", "désert", "boulevard", "avenue", "pont", "lac", "mont", "col", "golfe", "océan",
    "baie", "cap", "détroit", "fleuve", "rivière", "plage", "forêt", "massif", "plaine",
    "canal", "péninsule", "quai", "parc", "stade", "circuit", "route", "chemin", "volcan",
    "glacier", "archipel", "plateau", "colline", "montagne", "mont")}
_HEAD_BEFORE = re.compile(
    r"(?<![\w\-])(" + "|".join(sorted((re.escape(h) for h in {
        "armée", "ministère", "université", "hôpital", "diocèse", "aéroport", "observatoire",
        "laboratoire", "tribunal", "parquet", "institut", "académie", "place", "rue", "île",
        "gare", "vallée", "désert", "boulevard", "avenue", "lac", "mont", "golfe", "océan",
        "stade", "quai", "préfecture", "mairie", "lycée", "collège", "musée", "cathédrale",
        "CHU", "CHRU", "SRPJ", "opéra", "Opéra", "cour d'appel", "Cour d'appel",
        # WiNER keeps these heads in the name: "association Médecins du monde"
        "association", "syndicat", "fondation"}),
        key=len, reverse=True)) + r")\s+((?:de la |de l['’]|du |des |de |d['’])?)$")


# "le parquet de Paris", "l'aéroport de Toulouse": the city is the entity (WiNER); a
# capitalised head ("Parquet national financier", "Aéroport international de X") is kept
_LOWER_ORG_KEEP_PLACE = {"parquet", "aéroport", "hôpital", "mairie", "préfecture", "tribunal"}


_LOWER_HEAD_PLACE = re.compile(
    r"(?:l['’]\s*|le\s+|la\s+)?(?:(?:aéroport|parquet|mairie|préfecture)(?:\s+international)?"
    r"\s+(?:de\s+|d['’]|du\s+)(?=[A-ZÀ-ÖØ-ÞŒ])"
    # a church building ("l'église Saint-Georges"): the saint's name is the place
    r"|(?:église|basilique|chapelle)\s+(?=Saint|Notre-Dame))")


# "le comté de Kalamazoo", "la province du Pendjab", "la septième circonscription des
# Yvelines": a lowercase administrative division is not part of the place's name (WiNER
# annotates the name only)
_ADMIN_HEAD_PLACE = re.compile(
    r"(?:l['’]\s*|le\s+|la\s+|les\s+)?(?:[a-zéè]+(?:ième|ème|e|re|er)\s+)?"
    r"(?:comté|district|wilaya|circonscription|province|région|département|commune|ville|"
    r"gouvernorat|municipalité|village|localité|canton|oblast|préfecture|émirat|quartier|"
    r"bourgade|agglomération)s?"
    r"\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+)(?=[A-ZÀ-ÖØ-ÞŒ])")


def head_kind(name: str) -> str | None:
    """Kind implied by the head noun of a name ("Cour suprême" -> organisation)."""
    toks = norm_key(name).replace("'", " ").split(" ")
    if not toks:
        return None
    if toks[0] in ("grand", "grande", "petit", "petite", "haut", "haute", "nouvel", "nouveau",
                   "nouvelle", "vieux", "vieille") and len(toks) > 1:
        toks = toks[1:]
    if toks[0] in ORG_HEADS or " ".join(toks[:2]) in ORG_HEADS:
        if " ".join(toks[:2]) not in _NOT_ORG_HEAD:
            return "organisation"
    if len(toks) > 1 and (any(t in _CLUB_MARKERS for t in toks) or toks[0] in _GROUP_HEADS):
        return "organisation"  # "Montpellier Handball", "FC Nantes", "Jaysh al-Islam"
    if len(toks) > 1 and toks[-1] in _ENGLISH_ORG_TAILS and toks[0] not in _FRENCH_ARTICLES:
        return "organisation"  # "Turkish Airlines", "Washington Post", "Manchester Arena"
    if toks[0] in LOC_HEADS:
        return "lieu"
    return None

_NAME_PARTICLES = {"de", "van", "von", "der", "den", "di", "da", "del", "dos", "ter", "ten"}
_PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "da",
              "di", "dos", "das", "del", "della", "y", "al", "el", "ben", "bin", "ibn", "ter",
              "ou", "zu", "af", "st", "bint", "abu", "abou"}


def _strip_punct(s: str, start: int) -> tuple[str, int]:
    """Strip surrounding punctuation, keeping a final "." of an initial/abbreviation."""
    left = len(s) - len(s.lstrip(_PUNCT_STRIP))
    s2 = s[left:]
    r = s2.rstrip(_PUNCT_STRIP)
    # keep closing parenthesis/quote balance simple: names rarely end with them
    return r, start + left


def _is_title(tok: str) -> bool:
    k = norm_key(tok)
    return k in _TITLES or k.rstrip(".") in _TITLES


_TRAIL_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                "hier", "aujourd'hui", "demain", "matin", "soir"}


def clean_name(surface: str, label: str) -> tuple[str, str]:
    """Return (surface, name): ``surface`` without punctuation/determiners (titles kept,
    e.g. "M. Rutte"), ``name`` without titles/functions either ("Rutte")."""
    s = " ".join(surface.split())
    s = s.strip(_PUNCT_STRIP)
    # leading lowercase determiners ("l'Otan", "la France")
    changed = True
    while changed and s:
        changed = False
        m = re.match(r"^(l['’]|d['’]|qu['’]|jusqu['’])(?=\w)", s)
        if m:
            s = s[m.end():]
            changed = True
            continue
        first, _, rest = s.partition(" ")
        if rest and first in _DETERMINERS and not _is_particle_name(first, rest, label):
            s = rest
            changed = True
    s = s.strip(_PUNCT_STRIP)
    surface_out = s
    toks = s.split(" ")
    # strip titles / functions and the lowercase words that follow them
    # ("président ukrainien Volodymyr Zelensky", "ministre des Affaires étrangères X")
    if label == "PER":
        i = 0
        while i < len(toks) and (_is_title(toks[i]) or not _UPPER.match(toks[i][:1] or "x")
                                 or re.match(r"^[dl]['’]$", toks[i], re.I)):
            i += 1
        # a function followed by a capitalised institution ("ministre de l'Intérieur X"):
        # keep the last run of capitalised tokens when a title was seen
        # "président de la République Emmanuel Macron", "ministre de l'Intérieur X"
        if 0 < i < len(toks) - 1 and any(_is_title(t) for t in toks[:i]) \
                and norm_key(toks[i]) in _INSTITUTIONS:
            i += 1
            while i < len(toks) - 1 and not _UPPER.match(toks[i][:1]):
                i += 1
        if 0 < i < len(toks):
            j = i
            while j > 0 and toks[j - 1] in _NAME_PARTICLES and (j < 2 or toks[j - 2] not in _NAME_PARTICLES or True):
                j -= 1
                if not (j > 0 and toks[j - 1] in _NAME_PARTICLES):
                    break
            # keep "de"/"von der" directly before the name only after a title or at the start
            if j < i and (j == 0 or _is_title(toks[j - 1])):
                i = j
            toks = toks[i:]
        elif i == len(toks):
            toks = []
        # "l'Espagnole Caroline Routier", "le Suisse Rudy Wild"
        while len(toks) > 2 and (looks_like_demonym(toks[0]) or norm_key(toks[0]) in _DEMONYM_WORDS):
            toks = toks[1:]
        # remove trailing lowercase words ("Rutte vendredi")
        while toks and not _UPPER.search(toks[-1]) and norm_key(toks[-1]) not in _PARTICLES:
            toks.pop()
        while toks and norm_key(toks[-1]) in _PARTICLES:
            toks.pop()
    else:
        # "ministre de l'Intérieur" -> "Intérieur" (function + determiner, repeatedly)
        changed = True
        while changed and toks:
            changed = False
            if len(toks) > 1 and _is_title(toks[0]) and toks[0][:1].islower():
                toks = toks[1:]
                changed = True
            elif len(toks) > 1 and toks[0] in _DETERMINERS:
                toks = toks[1:]
                changed = True
            elif re.match(r"^[ld]['’]\w", toks[0]):
                toks[0] = toks[0][2:]
                changed = True
    if label != "PER":
        # trailing weekday / year / dangling word: "Associated Press vendredi",
        # "Agence du service civique de 2013"
        while len(toks) > 1 and (norm_key(toks[-1]) in _TRAIL_WORDS or (
                re.fullmatch(r"\d{4}", toks[-1]) and norm_key(toks[-2]) in ("de", "en"))):
            toks = toks[:-2] if re.fullmatch(r"\d{4}", toks[-1]) else toks[:-1]
        while len(toks) > 1 and norm_key(toks[-1]) in ("des", "et", "«", "»"):
            toks = toks[:-1]
    name = " ".join(toks).strip(_PUNCT_STRIP)
    # possessive/elided tails
    name = re.sub(r"['’]s$", "", name)
    if label == "PER":
        raw = " ".join(surface.split())
        name = _keep_initial_dot(name, raw)
        surface_out = _keep_initial_dot(surface_out, raw)
    return surface_out, name


def _is_particle_name(first: str, rest: str, label: str) -> bool:
    """"de Gaulle", "de Villepin": a person's surname with its particle (one capitalised
    word after "de") keeps it; "de François Fillon" is a preposition."""
    return label == "PER" and first == "de" and bool(re.fullmatch(r"[A-ZÀ-ÖØ-ÞŒ][\w\-’']+", rest))


def _keep_initial_dot(name: str, raw: str) -> str:
    """"Nolan L." keeps the dot of its final initial (stripped with the punctuation)."""
    if re.search(r"\s[A-ZÀ-ÖØ-ÞŒ]$", name) and (name + ".") in raw:
        return name + "."
    return name


# --------------------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    surface: str
    name: str
    label: str  # PER / ORG / LOC
    entry: EditorialEntry | None = None
    link: "Mention | None" = None  # acronym occurrence -> its long form
    weak: bool = False  # label guessed (remainder of a cut span)


_WORD = r"[\w\-]"


def _form_pattern(form: str) -> str:
    """A surface form as a pattern: any apostrophe, a hyphen or a space for a hyphen, any run of
    spaces or hyphens for a space. Character by character, so a form's pattern is its first
    character's followed by the rest's."""
    pat = re.sub("['’]", "['’]", re.escape(form))  # one pass: the class itself holds a ’
    return pat.replace(r"\-", r"[\-‐‑ ]").replace(r"\ ", r"[\s\-‐‑]+")


def _alternation(forms: list[str]) -> str:
    """``form1|form2|...`` (first that matches wins: ``forms`` come longest first), grouped by
    first character: the regex engine tries the forms of one letter at each word, not the
    thousands of the file, and it matches what the flat alternation would (two forms with
    different first characters never match at the same place). Forms that start with a
    character a pattern widens (apostrophe, hyphen, space) stay alone, in their order."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        key = form[0] if form[0].isalnum() else ""
        groups.setdefault(key, []).append(form)
    alternatives = [_form_pattern(form) for form in groups.pop("", [])]
    for first, group in groups.items():
        rests = [_form_pattern(form[1:]) for form in group]
        alternatives.append(re.escape(first) + ("(?:" + "|".join(rests) + ")" if len(rests) > 1 else rests[0]))
    return "|".join(alternatives)


def _editorial_regex(editorial: Editorial) -> re.Pattern | None:
    cached = getattr(editorial, "_regex_cache", None)
    if cached is not None:
        return cached[0]
    pairs = editorial.surface_forms()
    if not pairs:
        editorial._regex_cache = (None, {})  # type: ignore[attr-defined]
        return None
    rx = re.compile(r"(?<![\w\-])(?:" + _alternation([form for form, _ in pairs]) + r")(?![\w\-]|['’]\w)")
    editorial._regex_cache = (rx, {})  # type: ignore[attr-defined]
    return rx


# "RN 79", "A 8", "RER B": an acronym followed by a number is a road, a line or a model,
# not the party or company the acronym also names
_NUMBER_AFTER = re.compile(r"[ \t]?\d")


def _is_numbered_code(text: str, m: re.Match) -> bool:
    return m.group(0).isupper() and _NUMBER_AFTER.match(text, m.end()) is not None


def editorial_matches(text: str, editorial: Editorial) -> list[Mention]:
    rx = _editorial_regex(editorial)
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        entry = editorial.lookup(m.group(0))
        if entry is None or _is_numbered_code(text, m):
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), entry.name,
                           KIND_LABEL[entry.kind], entry=entry))
    return out


_CONNECTOR_BEFORE = re.compile(r"(?:\b(?:de|du|des|de la|d|l|la|le|les|et|pour|sur|en|à|au|aux)['’\s]*)$", re.I)


def _keep_whole(text: str, span: Span, ed: Mention) -> bool:
    """Should a model span that strictly contains an editorial match be kept whole?"""
    s, e, label = span
    before = text[s:ed.start]
    after = text[ed.end:e]
    kind = ed.entry.kind if ed.entry else LABEL_KIND[ed.label]
    if before.strip() and _CONNECTOR_BEFORE.search(before):
        return True  # "Banque de France", "Grande Mosquée de Valence"
    if label == "PER" and kind == "personne" and before.strip() and not after.strip():
        return True  # "Brigitte Macron" vs editorial "Macron"
    if label == "ORG" and kind == "lieu":
        return True  # "Paris Saint-Germain", "Real Madrid"
    if after.strip() and re.match(r"^[\s\-]*[a-zà-ÿ]", after) and kind != "personne":
        return True  # "Union européenne" containing "Union"? lowercase continuation
    return False


_SPAN_BREAK = re.compile(r"\s*\n\s*|\s+[-–—]\s+|\s*[–—]\s*")


def _split_span(text: str, s: int, e: int, label: str) -> list[tuple[int, int]]:
    """A model span never crosses a line break; a place/organisation span never crosses a
    spaced dash ("Autriche - Hongrie", a fixture, is two places)."""
    out = []
    cur = s
    for m in _SPAN_BREAK.finditer(text, s, e):
        if "\n" not in m.group(0) and label == "PER":
            continue
        if m.start() > cur:
            out.append((cur, m.start()))
        cur = m.end()
    if cur < e:
        out.append((cur, e))
    return out


def _model_mentions(text: str, spans: Iterable[Span], eds: list[Mention],
                    editorial: Editorial) -> tuple[list[Mention], set[int]]:
    """Model mentions (cut around editorial matches); returns indices of editorial
    matches overridden by a longer model span."""
    out: list[Mention] = []
    dropped: set[int] = set()
    for s, e, label in sorted(spans):
        if label == "MISC":
            out.extend(_misc_mentions(text, s, e, editorial))
            continue
        if label not in LABEL_KIND:
            continue
        pieces = [(s, e)]
        weak = False
        overl = [i for i, m in enumerate(eds) if m.start < e and m.end > s]
        if overl:
            if all(eds[i].start >= s and eds[i].end <= e and (eds[i].start, eds[i].end) != (s, e)
                   for i in overl) and all(_keep_whole(text, (s, e, label), eds[i]) for i in overl):
                dropped.update(overl)
            else:
                pieces = []
                cur = s
                for i in sorted(overl, key=lambda i: eds[i].start):
                    if eds[i].start > cur:
                        pieces.append((cur, eds[i].start))
                    cur = max(cur, eds[i].end)
                if cur < e:
                    pieces.append((cur, e))
                weak = True
        pieces = [q for ps, pe in pieces for q in _split_span(text, ps, pe, label)]
        if label in ("ORG", "LOC") and len(pieces) == 1:
            # "aéroport de Rostov", "parquet de Paris" (lowercase head): the place only
            hm = _LOWER_HEAD_PLACE.match(text, pieces[0][0], pieces[0][1])
            if hm is None and label == "LOC":
                hm = _ADMIN_HEAD_PLACE.match(text, pieces[0][0], pieces[0][1])
            if hm and hm.end() < pieces[0][1]:
                pieces = [(hm.end(), pieces[0][1])]
                label = "LOC"
        for ps, pe in pieces:
            raw = text[ps:pe]
            plabel = label
            if weak and label != "PER" and any(LABEL_KIND[label] == eds[i].entry.kind for i in overl):
                # the model's label is explained by the editorial part ("Otan" in
                # "Otan Mark Rutte"); a remainder made of 2-4 capitalised words is a person
                toks = raw.strip(_PUNCT_STRIP).split()
                if 2 <= len(toks) <= 4 and all(_UPPER.match(t) or norm_key(t) in _PARTICLES for t in toks):
                    plabel = "PER"
            if plabel != "PER":
                # "l'Espagnole Caroline Routier", "l'Iranien Mojtaba Abedini": a demonym
                # followed by a capitalised name is a person, whatever the model said
                toks = raw.strip(_PUNCT_STRIP).split()
                if toks and re.match(r"^[lL]['’]", toks[0]):
                    toks[0] = toks[0][2:]
                if 2 <= len(toks) <= 4 and (looks_like_demonym(toks[0]) or norm_key(toks[0]) in _DEMONYM_WORDS) \
                        and all(_UPPER.match(t) for t in toks[1:]) \
                        and editorial.lookup(" ".join(toks[1:])) is None \
                        and not any(_UPPER.match(t) and looks_like_demonym(t) for t in toks[1:]):
                    plabel = "PER"
                elif _looks_like_full_name(toks, editorial) and _person_cue_before(text, ps):
                    plabel = "PER"  # "l'entraîneur parisien, Staffan Olsson" read as ORG
            surface, name = clean_name(raw, plabel)
            if not name or not _UPPER.search(name) or len(norm_key(name)) < 2:
                continue
            if editorial.is_stopped(name) or editorial.is_stopped(surface):
                continue
            if _NOT_NAME.match(name):
                continue
            if _is_opening_participle(text, ps + max(raw.find(name), 0), name) \
                    and editorial.lookup(name) is None:
                continue
            if plabel != "PER":
                name = _drop_capital_determiner(text, name, editorial)
                if looks_like_demonym(name) and editorial.lookup(name) is None:
                    continue
            off = raw.find(surface) if surface else 0
            ms = ps + max(off, 0)
            if name == surface:
                hb = _HEAD_BEFORE.search(text, max(0, ms - 40), ms)
                if hb and hb.end() == ms and not (
                        plabel == "LOC" and hb.group(1) in _LOWER_ORG_KEEP_PLACE):
                    head = hb.group(1)
                    surface = name = text[hb.start():ms + len(surface)]
                    ms = hb.start()
                    plabel = KIND_LABEL[head_kind(name) or LABEL_KIND[plabel]]
                    out.append(Mention(ms, ms + len(surface), surface, name, plabel))
                    continue
            entry = editorial.lookup(name)
            if entry is not None:
                out.append(Mention(ms, ms + len(surface), surface, entry.name,
                                   KIND_LABEL[entry.kind], entry=entry))
            else:
                out.append(Mention(ms, ms + len(surface), surface, name, plabel, weak=weak))
    return out, dropped


# words that announce a person's name right after them ("l'ex vice-président Riek
# Machar", "l'entraîneur parisien, Staffan Olsson", "sa compagne indonésienne, Endah C.")
_PERSON_NOUNS = _TITLES | {norm_key(w) for w in (
    "entraineur", "vice-président", "vice-présidente", "joueur", "joueuse", "coéquipier",
    "coéquipière", "coéquipiers", "coéquipières", "chanteur", "chanteuse", "acteur", "actrice",
    "compagne", "compagnon", "épouse", "mari", "veuve", "fils", "fille", "écrivain",
    "écrivaine", "journaliste", "athlète", "militant", "militante", "opposant", "opposante",
    "réalisateur", "réalisatrice", "championne", "champion", "romancier", "romancière")}
_POSSESSIVES = {"sa", "son", "ses", "leur", "leurs", "notre", "votre", "ce", "cette"}
_WORD_ONLY = re.compile(r"[\w\-’']+")


def _person_cue_before(text: str, start: int) -> bool:
    """Is the span at ``start`` introduced by a person noun or a demonym ("la Chinoise",
    "l'américaine"), possibly followed by an adjective ("l'entraîneur parisien,")?"""
    raw = text[max(0, start - 60):start].rstrip().rstrip(",").split()[-2:]
    if not raw or not _WORD_ONLY.fullmatch(raw[-1]):
        return False
    if len(raw) == 2 and not _WORD_ONLY.fullmatch(raw[0]):
        raw = raw[1:]
    elided = re.match(r"^[lsd]['’]", raw[-1], re.I) is not None
    words = [re.sub(r"^[lsd]['’]", "", w, flags=re.I) for w in raw]
    last, prev = words[-1], (words[0] if len(words) == 2 else "")

    def cue(w: str) -> bool:
        return _is_title(w) or norm_key(w) in _PERSON_NOUNS or looks_like_demonym(w[:1].upper() + w[1:])

    if norm_key(last) in _DETERMINERS or norm_key(last) in _PARTICLES:
        return False  # "porte-parole de Projet Montréal", "maire de Les Pieux"
    if cue(last):
        if last.islower() and not elided and not (_is_title(last) or norm_key(last) in _PERSON_NOUNS):
            # a lowercase demonym is an adjective: "la française X" but not "le
            # quotidien britannique The Independent", "le laboratoire français X"
            k = norm_key(prev)
            return k in _DETERMINERS or k in _POSSESSIVES or _is_title(prev) or k in _PERSON_NOUNS
        return True
    return bool(prev) and last.islower() and cue(prev)


def _looks_like_full_name(toks: list[str], editorial: Editorial) -> bool:
    """2-3 capitalised words, none an acronym, an organisation or place head, a club
    marker or a known name: "Staffan Olsson", not "Deutsche Bank" (known) or "FC Nantes"."""
    if not 2 <= len(toks) <= 3:
        return False
    if not all(re.fullmatch(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ\-’']+", t) for t in toks):
        return False
    if norm_key(toks[0]) in ("the", "le", "la", "les", "el", "al", "der", "die", "das"):
        return False  # "The Independent", "Le Parisien": a title, not a first name
    name = " ".join(toks)
    return head_kind(name) is None and editorial.lookup(name) is None \
        and not any(editorial.lookup(t) is not None for t in toks)


# a treaty, an attack, a war... named after a place: the place is an entity ("statut de
# Rome", "accords de Minsk", "attentats de Paris", "guerre d'Irak")
_PLACE_IN_NAME = re.compile(
    r"(?<![\w\-])(?:[aA]ttentats?|[sS]tatut|[tT]raité|[gG]uerre|[dD]éclaration|[aA]ccords?|"
    r"[cC]ongrès|[pP]rotocole|[cC]onvention|[mM]émorandum)"
    r"\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+)"
    r"([A-ZÀ-ÖØ-ÞŒ][\w\-’']*(?:\s+[A-ZÀ-ÖØ-ÞŒ][\w\-’']*){0,2})")
# words before a person's name that the model read as part of a "MISC" name
# ("Prix Peter Mackler", "prix Nobel Carlo Rubbia")
_PRIZE_WORDS = {"prix", "nobel"}
_HYPHENATED_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][^\W\d_]+(?:-[A-ZÀ-ÖØ-ÞŒ][^\W\d_]+)+")


def _misc_mentions(text: str, s: int, e: int, editorial: Editorial) -> list[Mention]:
    """Entities inside a span the model labelled MISC (works, events, products...):
    the place a treaty or an attack is named after, and a person's name behind a title,
    a demonym, a prize or an editorial name ("Premier ministre David Cameron", "Cubaine
    Idalys Ortiz", "Prix Peter Mackler", "ONU Ban Ki-Moon")."""
    out = []
    for m in _PLACE_IN_NAME.finditer(text, s, e):
        name = m.group(1)
        if editorial.is_stopped(name) or looks_like_demonym(name):
            continue
        entry = editorial.lookup(name)
        label = KIND_LABEL[entry.kind] if entry is not None else "LOC"
        out.append(Mention(m.start(1), m.end(1), name, entry.name if entry else name, label,
                           entry=entry))
    if out:
        return out
    person = _person_behind_prefix(text[s:e], editorial)
    if person is not None:
        k = text.find(person, s, e)
        entry = editorial.lookup(person)
        if entry is None or entry.kind == "personne":
            out.append(Mention(k, k + len(person), person, entry.name if entry else person, "PER",
                               entry=entry))
    return out


def _person_behind_prefix(raw: str, editorial: Editorial) -> str | None:
    """"Premier ministre David Cameron" -> "David Cameron": the capitalised words left
    after titles, demonyms, prize words and known names; None if nothing was stripped
    or what is left does not look like a name."""
    toks = raw.strip(_PUNCT_STRIP).split()
    if toks and re.match(r"^[lL]['’]", toks[0]):
        toks[0] = toks[0][2:]
    i, single_ok = 0, False
    while i < len(toks):
        k = norm_key(toks[i])
        if looks_like_demonym(toks[i]) or k in _DEMONYM_WORDS:
            single_ok = True  # "la Japonaise Miyake"
        elif k in _PRIZE_WORDS:
            # "prix Jean-Perrin": a prize named after a person, hyphenated
            single_ok = single_ok or _HYPHENATED_NAME.fullmatch(toks[-1]) is not None
        elif not (_is_title(toks[i]) or k in _INSTITUTIONS or editorial.lookup(toks[i]) is not None):
            break
        i += 1
    rest = toks[i:]
    if not i or not rest or len(rest) > 4 or (len(rest) == 1 and not single_ok):
        return None
    if not all(_UPPER.match(t) or norm_key(t) in _PARTICLES for t in rest) \
            or not _UPPER.match(rest[0]) or not _UPPER.match(rest[-1]) or len(rest[0]) < 2:
        return None
    if any(re.search(r"\d", t) for t in rest):
        return None
    return " ".join(rest)


# "Transportée à l'hôpital, la chanteuse...", "Interrogé par l'AFP, il...": a participle
# opening a sentence and followed by a preposition is no name (the model reads it as
# one); "Vendée, le ..." or "Lomé a ..." (no preposition) are left alone
_PARTICIPLE = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ]{4,}(?:é|ée|és|ées)")
_SENTENCE_START = re.compile(r"(?:^|[.!?»:]\s+|\n\s*|date \d{4}-\d\d-\d\d )$")
_PARTICIPLE_FOLLOW = re.compile(
    r"\s+(?:(?:à|au|aux|par|pour|dans|en|sur|depuis|avec|sous|contre|lors|après|dès)\s|[dl]['’])")


def _is_opening_participle(text: str, start: int, name: str) -> bool:
    return (_PARTICIPLE.fullmatch(name) is not None
            and _SENTENCE_START.search(text[max(0, start - 20):start]) is not None
            and _PARTICIPLE_FOLLOW.match(text, start + len(name)) is not None)


# sports pools ("Groupe A", "poule B") and race series ("Ironman France") are not entities
_NOT_NAME = re.compile(r"^(?:(?:Groupe|Poule)\s+[A-H]\d?|Ironman\b.*)$", re.I)

_CAP_DET = re.compile(r"^(?:La|Le|Les|L['’])\s*(?=[A-ZÀ-ÖØ-ÞŒ])")


def _drop_capital_determiner(text: str, name: str, editorial: Editorial) -> str:
    """"La France" (sentence start) -> "France" when "France" is a known name or is used
    in the text after "en"/"au"/"aux" ("en France"); "Le Monde", "La Haye" are kept."""
    m = _CAP_DET.match(name)
    if not m:
        return name
    rest = name[m.end():]
    if editorial.lookup(rest) is not None and editorial.lookup(name) is None:
        return rest
    if re.search(r"\b(?:en|au|aux)\s+" + re.escape(rest) + r"(?![\w\-])", text):
        return rest
    # a lowercase determiner elsewhere ("le Japon", "de la Somalie"): the capital one
    # was only sentence-initial ("Le Havre", "La Haye" always keep their capital)
    if re.search(r"(?<![\w\-])(?:le|la|les|l['’])\s*" + re.escape(rest) + r"(?![\w\-])", text):
        return rest
    return name


_EVENT_BEFORE = re.compile(
    r"(?:championnats?(?: du monde| national| nationaux)?|coupe(?: du monde)?|tour|open|jeux(?: olympiques| paralympiques)?"
    r"|grand prix|rallye|marathon|semi-marathon|ironman|festival|masters|trophée|mondial|euro|gp)"
    r"\s+(?:de la |de l['’]|de |d['’]|du |des )?$", re.I)
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:le|la|l['’]|du|au|un|une|les|des|aux)\s*$", re.I)


def _drop_contextual(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places inside event names ("Tour de France", "championnat d'Europe", "Jeux de
    Londres") and demonyms before a person ("le Suisse Rudy Wild") are not entities."""
    starts = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        if m.label == "LOC":
            before = text[max(0, m.start - 40):m.start]
            if _EVENT_BEFORE.search(before):
                continue
            after = re.match(r"[ \t]+", text[m.end:m.end + 3])
            nxt = starts.get(m.end + after.end()) if after else None
            if (nxt is not None and nxt.label == "PER" and " " not in m.name
                    and _ARTICLE_BEFORE.search(before)):
                continue
        if m.label == "ORG" and _is_product(text, m):
            continue
        out.append(m)
    return out


# "un Airbus A321", "le Boeing 737-500", "114 Airbus": a maker's name used for its product
_MODEL_AFTER = re.compile(r"[ \t]+[A-Z]{0,3}-?\d{3}(?:-\d{1,4})?(?![\w\-])")
_COUNT_BEFORE = re.compile(r"(?<![\w,.\-/:])(?<![Vv]ol )(?<![Nn]°)\d+[ \t]+$")


def _is_product(text: str, m: Mention) -> bool:
    return (_MODEL_AFTER.match(text, m.end) is not None
            or _COUNT_BEFORE.search(text[max(0, m.start - 12):m.start]) is not None)


# --------------------------------------------------------------------------- extra mentions


# WiNER: in "ministre de l'Intérieur", "ministre des Affaires étrangères", the portfolio
# ("Intérieur", "Affaires étrangères") is an organisation (the ministry)
_CAPW = r"[A-ZÉÈÀÂÎÔ][\w\-]+"
_PORTFOLIO = re.compile(
    r"(?<![\w\-])(?:[Mm]inistres?|[Mm]inistère|[Ss]ecrétaires? d['’][ÉE]tat)"
    r"(?:\s+(?!(?:de|des|du|aux?|à|et|en)\b)[a-zéèêëïô]+){0,2}"
    r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|aux\s+|à\s+la\s+|au\s+)"
    r"(" + _CAPW + r"(?:\s+(?:étrangères|nationale|publique|extérieur|intérieure|numérique|solidaires|sociales))?"
    r"(?:\s+(?:et(?:\s+(?:des|de\s+la|de\s+l['’]|du))?|des|de\s+la|de\s+l['’]|du)\s*" + _CAPW + r")?)(?![\w\-])")
_NOT_PORTFOLIO = {norm_key(w) for w in ("France", "Europe", "État", "Etat", "République", "Union")}


# "le quotidien Libération", "la compagnie Aerogaviota", "le groupe terroriste Boko Haram":
# the capitalised name after such a head noun is an organisation
_ORG_INTRO = re.compile(
    r"(?<![\w\-])(?:[lL]['’]\s*|[lL]e\s+|[lL]a\s+|[dD]u\s+|[aA]u\s+|[dD]e\s+la\s+|[dD]e\s+l['’]\s*)"
    r"(?:organisation|groupe|journal|compagnie|quotidien|entreprise|société|magazine|revue|collectif|"
    r"mouvement|agence|banque|site|constructeur|firme|opérateur|hebdomadaire|mensuel|chaîne|ONG|"
    r"start-up|startup|multinationale|enseigne|label|éditeur|syndicat|parti)"
    r"(?:\s+(?!(?:de|des|du|d|à|au|aux|en|et|le|la|les|qui|que|dont|a|est)\b)[a-zéèêëïôç\-]+)?\s+(?=[A-ZÀ-ÖØ-ÞŒ])")
_CAP_RUN = re.compile(
    r"[A-ZÀ-ÖØ-ÞŒ][\w\-&'’.+]*(?:[ \t]+(?:(?:de|du|des|d['’]|la|&|and|of|the)[ \t]+)?[A-ZÀ-ÖØ-ÞŒ0-9][\w\-&'’.+]*)*")


def _overlaps(mentions: list[Mention], s: int, e: int) -> bool:
    return any(m.start < e and m.end > s for m in mentions)


def _extra_mentions(text: str, mentions: list[Mention], editorial: Editorial) -> list[Mention]:
    """Organisations the model missed or mistyped: names introduced by an organisation
    head noun ("le quotidien X") and ministerial portfolios ("ministre de l'Intérieur")."""
    out = list(mentions)
    by_start = {o.start: o for o in out}
    for m in _ORG_INTRO.finditer(text):
        s2 = m.end()
        o = by_start.get(s2)
        if o is not None:
            if o.entry is None and o.label != "ORG":
                o.label, o.weak = "ORG", False
            continue
        run = _CAP_RUN.match(text, s2)
        if not run:
            continue
        e2 = run.end()
        name = text[s2:e2].strip(_PUNCT_STRIP)
        e2 = s2 + len(name)
        if not name or _overlaps(out, s2, e2) or editorial.is_stopped(name) or looks_like_demonym(name):
            continue
        entry = editorial.lookup(name)
        if entry is not None:
            out.append(Mention(s2, e2, name, entry.name, KIND_LABEL[entry.kind], entry=entry))
        else:
            out.append(Mention(s2, e2, name, name, "ORG"))
    for m in _PORTFOLIO.finditer(text):
        ps, pe = m.start(1), m.end(1)
        name = m.group(1).strip()
        if norm_key(name) in _NOT_PORTFOLIO or editorial.is_stopped(name):
            continue
        over = [o for o in out if o.start < pe and o.end > ps]
        # the model's reading of the portfolio itself ("Outre-mer" as a place, "ministre de
        # l'Économie" named "Économie" before "et des Finances") is replaced
        inside = [o for o in over if o.label != "PER" and text.find(o.name, o.start, o.end) >= ps
                  and o.end <= pe
                  and (o.entry is None or o.entry.kind != "lieu" or o.end - o.start < pe - ps)]
        over = [o for o in over if o not in inside]
        ok = True
        for o in over:
            # "ministre de l'Intérieur Bruno Le Roux": the person starts after the portfolio
            k = text.find(o.name, o.start, o.end) if o.label == "PER" else -1
            if k < pe:
                ok = False
                break
        if not ok:
            continue
        if inside:
            ids = {id(o) for o in inside}
            out = [o for o in out if id(o) not in ids]
        for o in over:
            k = text.find(o.name, o.start, o.end)
            o.start, o.surface = k, text[k:o.end]
        entry = editorial.lookup(name)
        if entry is not None:
            out.append(Mention(ps, pe, name, entry.name, KIND_LABEL[entry.kind], entry=entry))
        else:
            out.append(Mention(ps, pe, name, name, "ORG"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


# capitalised institutional head directly before a known name: "Mission de l'Union
# africaine", "Banque du Vatican", "Haut-Commissariat des Nations unies"
_LEFT_HEAD = re.compile(
    r"(?<![\w\-])((?:Haut[\- ])?(?:Mission|Commissariat|Conseil|Commission|Secrétariat|Bureau|"
    r"Force|Forces|Programme|Fonds|Agence|Office|Comité|Cour|Banque|Assemblée|Ambassade|"
    r"Parlement|Gouvernement|Ministère|Université|Fédération|Association|Institut)"
    r"(?:\s+[a-zéèêàç]+){0,2}\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]))\s*$")
# "... en Somalie", "... de Nice": an organisation name continued by its place
_RIGHT_LINK = re.compile(r"^\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’]|en|au|aux)\s*$")
_HUMAN_RIGHTS = re.compile(r"^\s+(?:aux|des|pour\s+les)\s+[dD]roits\s+de\s+l['’][hH]omme(?![\w\-])")


def _join_particle_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Marc Ladreit" + " de " + "Lacharrière": a person's name continued by a particle
    and one capitalised word the model read as a separate (place) name."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if (m.label == "PER" and m.entry is None and len(m.name.split()) >= 2 and i + 1 < len(ms)):
            n = ms[i + 1]
            gap = text[m.end:n.start]
            if (n.entry is None and n.label in ("LOC", "PER") and " " not in n.name
                    and re.fullmatch(r" (?:de|d['’]|du|von|van) ?", gap)
                    and not re.match(r"[\w\-]", text[n.end:n.end + 1])):
                surface = text[m.start:n.end]
                name = f"{m.name}{gap}{n.name}"
                out.append(Mention(m.start, n.end, surface, name, "PER"))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


# a team sheet: "Melić (4 buts sur 5 tirs)", "Karabatic L. (2/3)", "Accambray", one player a
# line; the model reads these lone surnames as places
_LINEUP_LINE = re.compile(
    r"^[ \t]*([A-ZÀ-ÖØ-ÞŒ][\w'’\-]+(?:[ \t][A-ZÀ-ÖØ-ÞŒ][\w'’\-]+)?(?:[ \t][A-ZÀ-ÖØ-ÞŒ]\.)?)"
    r"([ \t]+\((?:\d+/\d+|\d+ buts?)\b[^()\n]*\))?[ \t]*$", re.M)
_LINEUP_MIN_LINES, _LINEUP_MIN_STATS = 4, 2


def _lineup_players(text: str, mentions: list[Mention], editorial: Editorial) -> list[Mention]:
    """In a run of at least four one-name lines (blank lines between them allowed) of
    which at least two carry a statistic in parentheses, every line is a player."""
    runs: list[list[re.Match]] = []
    for m in _LINEUP_LINE.finditer(text):
        if runs and not text[runs[-1][-1].end():m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    out = list(mentions)
    for run in runs:
        if len(run) < _LINEUP_MIN_LINES or sum(1 for m in run if m.group(2)) < _LINEUP_MIN_STATS:
            continue
        for m in run:
            s, e = m.span(1)
            name = m.group(1)
            if editorial.lookup(name) is not None or editorial.is_stopped(name):
                continue
            out = [o for o in out if not (o.start < e and o.end > s)]
            out.append(Mention(s, e, name, name, "PER"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _extend_orgs(text: str, mentions: list[Mention], editorial: Editorial) -> list[Mention]:
    """Extend organisation names to the full institutional name: a capitalised head
    before a known name ("Mission de l'" + "Union africaine"), a place after an
    organisation ("Mission de l'Union africaine" + " en " + "Somalie", "hôpital Pasteur"
    + " de " + "Nice"), and "... aux droits de l'homme"."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        start, end, label = m.start, m.end, m.label
        changed = False
        prev_end = out[-1].end if out else 0
        lb = _LEFT_HEAD.search(text, max(prev_end, m.start - 80), m.start) \
            if m.label in ("ORG", "LOC") else None
        if lb and (m.label == "ORG" or lb.group(1).split()[0] in ("Mission", "Banque", "Ambassade")) \
                and not re.search(r"[.!?;:«»\n]", text[lb.start(1):m.start]):
            start, label, changed = lb.start(1), "ORG", True
        if label == "ORG" and (changed or head_kind(m.name) == "organisation"):
            # absorb following places ("en Somalie", "de Nice")
            while i + 1 < len(ms):
                n = ms[i + 1]
                gap = text[end:n.start]
                if not gap.strip() and _DANGLING.search(text[start:end]):
                    gap = " de "  # "Cour de magistrats de" + "Maidstone"
                if n.label == "LOC" and gap.strip() and _RIGHT_LINK.match(gap) \
                        and (changed or " " not in n.surface.strip()) \
                        and (not _IN_PLACE.match(gap) or _posted_abroad(text[start:end])):
                    end = n.end
                    changed = True
                    i += 1
                    continue
                break
        if label == "ORG":
            hr = _HUMAN_RIGHTS.match(text[end:end + 40])
            if hr:
                end += hr.end()
                changed = True
        if changed:
            surface = text[start:end]
            name = " ".join(surface.split())
            entry = editorial.lookup(name)
            if entry is not None:
                out.append(Mention(start, end, surface, entry.name, KIND_LABEL[entry.kind], entry=entry))
            else:
                out.append(Mention(start, end, surface, name, "ORG"))
        else:
            out.append(m)
        i += 1
    return out


# "en Somalie", "au Burundi": the country an organisation works in is part of its name
# only for missions and embassies ("Mission de l'Union africaine en Somalie",
# "Ambassade d'Algérie au Canada"), not for "l'université de Kutch en Inde"
_IN_PLACE = re.compile(r"^\s*(?:en|au|aux)\s*$")
_POSTED_ABROAD = {"mission", "operation", "ambassade", "consulat", "force", "forces",
                  "bureau", "delegation", "representation"}


def _posted_abroad(name: str) -> bool:
    toks = _tokens(name.replace("'", " ").replace("’", " "))
    return bool(toks) and toks[0].split("-")[-1] in _POSTED_ABROAD


_DANGLING = re.compile(r"(?:\s(?:de|du|des|en)|\sd['’]|\sde\s+la|\sde\s+l['’])\s*$")


# --------------------------------------------------------------------------- acronyms
_ACRO = re.compile(r"^[A-Z0-9][A-Za-z0-9&\-\.]{1,11}$")


def _is_acronym(s: str) -> bool:
    return bool(_ACRO.match(s)) and sum(c.isupper() for c in s) >= 2 and " " not in s


def _initials_ok(acr: str, long: str) -> bool:
    a = norm_key(acr).replace(".", "").replace("-", "").replace(" ", "")
    words = [w for w in re.split(r"[\s\-'’]+", norm_key(long)) if w]
    return bool(a) and bool(words) and a[0] == words[0][0] and len(words) >= 2


def _initials_match_strict(acr: str, long: str) -> bool:
    """Letters of the acronym appear, in order, among the initials of the long form."""
    a = [c for c in norm_key(acr) if c.isalnum()]
    initials = [w[0] for w in re.split(r"[\s\-'’]+", norm_key(long)) if w and w[0].isalnum()]
    k = 0
    for c in initials:
        if k < len(a) and c == a[k]:
            k += 1
    return k == len(a)


_LINK_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "à", "au",
               "aux", "sur", "of", "the", "and", "for"}
_WORD_RUN = re.compile(r"[^\W\d_][\w]*")


def _long_form_before(text: str, acr: str, end: int) -> tuple[int, int] | None:
    """"conseil national de la communication (CNC)": the words right before ``end``
    whose initials (link words such as "de", "la" skipped) spell the acronym, when the
    model found the acronym but not its long form. Returns the long form's span."""
    letters = [c for c in norm_key(acr) if c.isalpha()]
    if len(letters) < 2 or len(letters) != len([c for c in acr if c.isalnum()]):
        return None
    window_start = max(0, end - 160)
    stop = max((text.rfind(c, window_start, end) for c in ".;:!?«»()\n"), default=-1)
    words = list(_WORD_RUN.finditer(text, max(window_start, stop + 1), end))
    content = [w for w in words if norm_key(w.group()) not in _LINK_WORDS]
    if len(content) < len(letters) or text[words[-1].end():end].strip():
        return None
    tail = content[-len(letters):]
    if [norm_key(w.group())[0] for w in tail] != letters:
        return None
    if len(content) > len(letters) and norm_key(content[-len(letters) - 1].group())[0] == letters[0] \
            and content[-len(letters) - 1].group()[:1].isupper():
        return None  # one more matching capitalised word before: ambiguous start
    return tail[0].start(), tail[-1].end()


def _acronym_links(text: str, mentions: list[Mention]) -> list[Mention]:
    """Detect "Long Name (ACR)" / "ACR (Long Name)"; return new mentions: every occurrence
    of the acronym, linked (``link``) to the long form, and long forms read inside
    parentheses when the model did not find them ("ONUB (Opération des Nations unies au
    Burundi)")."""
    new: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    links: dict[str, Mention] = {}
    for m in mentions:
        tail = text[m.end:m.end + 20]
        pm = re.match(r"\s*\(\s*([^()\s]{2,12})\s*\)", tail)
        if pm and _is_acronym(pm.group(1)) and not _is_acronym(m.name) and _initials_ok(pm.group(1), m.name) \
                and (m.label != "PER" or _initials_match_strict(pm.group(1), m.name)):
            # "Laurent Wauquiez (LR)" is a party label, "Dominique Strauss-Kahn (DSK)" a nickname
            links.setdefault(pm.group(1), m)
            continue
        if not _is_acronym(m.name) or m.name in links:
            continue
        pm = re.match(r"\s*\(\s*", tail)
        if not pm:
            po = re.search(r"\(\s*$", text[max(0, m.start - 3):m.start])
            paren = m.start - len(po.group()) if po else -1
            if po and re.match(r"\s*\)", tail) and not _ends_at(mentions, paren - 2, paren):
                span = _long_form_before(text, m.name, paren)
                if span is not None:
                    long = Mention(span[0], span[1], text[span[0]:span[1]], text[span[0]:span[1]],
                                   "LOC" if m.label == "LOC" else "ORG")
                    new.append(long)
                    links[m.name] = long
            continue
        other = by_start.get(m.end + pm.end())
        if other is not None and not _is_acronym(other.name) and _initials_ok(m.name, other.name):
            links[m.name] = other
            continue
        pl = re.match(r"\s*\(\s*([A-ZÀ-ÖØ-ÞŒ][^()\n]{3,120}?)\s*\)", text[m.end:m.end + 130])
        if pl and len(pl.group(1).split()) <= 12 and _initials_ok(m.name, pl.group(1)) \
                and _initials_match_strict(m.name, pl.group(1)):
            ls, le = m.end + pl.start(1), m.end + pl.end(1)
            long = Mention(ls, le, pl.group(1), pl.group(1), m.label, entry=None)
            new.append(long)
            links[m.name] = long
    for acr, long in links.items():
        for am in re.finditer(r"(?<![\w\-])" + re.escape(acr) + r"(?![\w\-])", text):
            if long.start <= am.start() < long.end:
                continue
            new.append(Mention(am.start(), am.end(), acr, acr, long.label,
                               entry=long.entry, link=long))
    return new


def _ends_at(mentions: list[Mention], lo: int, hi: int) -> bool:
    """Does a mention end in [lo, hi]? (a long form already found before "(ACR)")"""
    return any(lo <= m.end <= hi for m in mentions)


def collect_mentions(text: str, spans: Iterable[Span], editorial: Editorial) -> list[Mention]:
    eds = editorial_matches(text, editorial)
    model, dropped = _model_mentions(text, spans, eds, editorial)
    eds = [m for i, m in enumerate(eds) if i not in dropped]
    # editorial matches win over model mentions they overlap
    occupied = [(m.start, m.end) for m in eds]
    mentions = list(eds)
    for m in model:
        if any(m.start < e and m.end > s for s, e in occupied):
            continue
        mentions.append(m)
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions = _drop_contextual(text, mentions)
    mentions = _extra_mentions(text, mentions, editorial)
    mentions = _extend_orgs(text, mentions, editorial)
    mentions = _join_particle_names(text, mentions)
    mentions = _lineup_players(text, mentions, editorial)
    for a in _acronym_links(text, mentions):
        over = [m for m in mentions if m.start < a.end and m.end > a.start and m is not a.link]
        if a.link is None:  # a long form read inside parentheses replaces what is inside
            if any(m.start < a.start or m.end > a.end for m in over):
                continue
        elif any(m.end - m.start > a.end - a.start for m in over):
            continue  # acronym inside a longer name
        if any(m.link is not None and m.link in over for m in mentions):
            continue
        ids = {id(m) for m in over}
        mentions = [m for m in mentions if id(m) not in ids]
        mentions.append(a)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


# --------------------------------------------------------------------------- merging
class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", norm_key(name)) if t]


def _merge_short_orgs(mentions: Sequence[Mention], uf: _UF) -> None:
    """"la Commission" after "la Commission européenne", "le Haut-Conseil" after "le
    Haut-Conseil électoral": an organisation named by the first words of a longer
    organisation name of the same article is that organisation (the way a surname is the
    person). Only when exactly one longer name starts with those words: "le Conseil"
    next to "Conseil de sécurité" and "Conseil d'État" stays apart."""
    longer: dict[tuple[str, ...], set[str]] = {}
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.label != "ORG":
            continue
        toks = tuple(_tokens(m.name))
        first.setdefault(" ".join(toks), i)
        for k in range(1, len(toks)):
            longer.setdefault(toks[:k], set()).add(" ".join(toks))
    for i, m in enumerate(mentions):
        if m.label != "ORG" or m.entry is not None or m.link is not None:
            continue
        cands = longer.get(tuple(_tokens(m.name)))
        if cands is not None and len(cands) == 1:
            uf.union(first[next(iter(cands))], i)


def resolve_mentions(mentions: Sequence[Mention]) -> list[Entity]:
    n = len(mentions)
    if not n:
        return []
    uf = _UF(n)
    index = {id(m): i for i, m in enumerate(mentions)}
    key_first: dict[tuple, int] = {}
    for i, m in enumerate(mentions):
        k = ("ed", m.entry.name) if m.entry is not None else ("n", norm_key(m.name))
        if k in key_first:
            uf.union(key_first[k], i)
        else:
            key_first[k] = i
        if m.link is not None and id(m.link) in index:
            uf.union(i, index[id(m.link)])
    # an unlinked name equal to an editorial canonical name/alias was already mapped.
    # surname resolution: a short PER-ish name that is the tail of a longer person name
    person_names: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "PER":
            toks = _tokens(m.name)
            if len(toks) >= 2:
                person_names.setdefault(" ".join(toks), []).append(i)
    longs = sorted(person_names.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    for i, m in enumerate(mentions):
        if m.entry is not None and m.entry.kind != "personne":
            continue
        toks = _tokens(m.name)
        if not toks or (m.label != "PER" and len(toks) > 1):
            continue
        if m.label != "PER" and m.entry is not None:
            continue
        cands = []
        for full, idxs in longs:
            ft = full.split(" ")
            if len(ft) > len(toks) and ft[-len(toks):] == toks:
                cands.append(idxs[0])
        if cands:
            # the most mentioned full name (then the first seen); ambiguity is rare
            uf.union(cands[0], i)
    _merge_short_orgs(mentions, uf)
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(uf.find(i), []).append(i)

    entities: list[tuple[int, Entity]] = []
    for root, idxs in clusters.items():
        ms = [mentions[i] for i in idxs]
        entry = next((m.entry for m in sorted(ms, key=lambda m: m.start) if m.entry is not None), None)
        if entry is not None:
            kind, name, desc = entry.kind, entry.name, entry.description
        else:
            votes = Counter()
            for m in ms:
                votes[m.label] += 0.5 if m.weak else 1.0
            # a merged surname-only mention counts for the full name's label
            best = max(votes.values())
            first_best = next(m.label for m in sorted(ms, key=lambda m: m.start) if votes[m.label] == best)
            kind = LABEL_KIND[first_best]
            counts = Counter(m.name for m in ms)
            firsts: dict[str, int] = {}
            for m in sorted(ms, key=lambda m: m.start):
                firsts.setdefault(m.name, m.start)
            def rank(nm: str) -> tuple:
                acr = 1 if any(m.link is not None and m.name == nm for m in ms) else 0
                return (acr, -len(_tokens(nm)), -counts[nm], firsts[nm], nm)
            name = min(counts, key=rank)
            desc = ""
            hk = head_kind(name)
            if hk is not None:  # "Cour suprême", "Université de X", "place Tahrir"
                kind = hk
        forms: list[str] = []
        for m in sorted(ms, key=lambda m: m.start):
            for f in (m.name, m.surface):
                f = " ".join(f.split())
                if f and f != name and f not in forms and not f.startswith(("MM.", "MM ")):
                    forms.append(f)
        first = min(m.start for m in ms)
        entities.append((first, Entity(name=name, kind=kind, forms=tuple(forms), description=desc)))
    # two clusters may end up with the same canonical name (e.g. editorial entry reached
    # through two unlinked routes): merge them
    merged: dict[tuple[str, str], tuple[int, Entity]] = {}
    for first, e in sorted(entities, key=lambda t: t[0]):
        k = (e.name, e.kind)
        if k in merged:
            f0, e0 = merged[k]
            forms = tuple(dict.fromkeys(e0.forms + e.forms))
            merged[k] = (f0, Entity(e0.name, e0.kind, forms, e0.description or e.description))
        else:
            merged[k] = (first, e)
    return [e for _, e in sorted(merged.values(), key=lambda t: t[0])]


def resolve(text: str, spans: Iterable[Span], editorial: Editorial | None = None) -> list[Entity]:
    """Entities of one text from raw model spans (``(start, end, label)``, offsets into
    ``text``; labels PER/ORG/LOC, anything else ignored)."""
    editorial = editorial or Editorial.empty()
    return resolve_mentions(collect_mentions(text, spans, editorial))
