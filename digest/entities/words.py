"""Word lists of entity resolution: titles and functions, determiners, demonyms, head nouns of
organisations and places (``head_kind``), sports-club markers. Data only, and the two predicates
that read it (``looks_like_demonym``, ``head_kind``)."""
from __future__ import annotations

import re

from .editorial import norm_key


LABEL_KIND = {"PER": "personne", "ORG": "organisation", "LOC": "lieu"}


KIND_LABEL = {v: k for k, v in LABEL_KIND.items()}


Span = tuple[int, int, str]


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


# a capital letter, Latin-1 or Latin Extended ("Łukasz", "Ōno", "Żagań", "Œuvre")
_UPPER = re.compile("[A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper()) + "]")


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


# what comes before the last part of a hyphenated demonym: a compass point or a combining form
_DEMONYM_PREFIX = re.compile(r"nord|sud|est|ouest|[a-z]+o")


def looks_like_demonym(name: str) -> bool:
    """"Australienne", "Sud-Africains", "Néerlandaise", "Suissesse" (one word)."""
    if " " in name.strip() or not name[:1].isupper():
        return False
    k = norm_key(name)
    last = k.split(" ")[-1]
    if k in _NOT_DEMONYM or last in _NOT_DEMONYM or len(last) < 5:
        return False
    *before, after = name.split("-")
    # "Sud-Africains", "Franco-Algérien", "Néo-Zélandaise"; not "Comédie-Française", "Garde-Républicaine"
    if not all(_DEMONYM_PREFIX.fullmatch(norm_key(part)) or _DEMONYM_STRICT.search(part.lower()) for part in before):
        return False
    return bool(_DEMONYM_STRICT.search(after.lower()))



_DEMONYM_WORDS = {norm_key(w) for w in (
    "Suisse", "Suisses", "Belge", "Belges", "Russe", "Russes", "Tchèque", "Slovaque", "Grec",
    "Grecque", "Turc", "Turque", "Basque", "Kurde", "Arabe", "Hongrois", "Hongroise")}


# head nouns (WiNER convention): "université de X", "ministère de la Justice", "hôpital X"
# are organisations; "place X", "rue X", "île de X", "désert X" are places.
ORG_HEADS = {norm_key(w) for w in (
    "armée", "ministère", "ambassade", "consulat", "université", "hôpital", "association", "comité",
    "diocèse", "aéroport", "assemblée", "agence", "fédération", "conseil", "laboratoire", "observatoire",
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
    "laboratory", "observatory", "police", "army", "navy", "ministry", "tribune", "herald",
    # and French media titles: "Charlie Hebdo", "Sciences et Avenir Magazine"
    "hebdo", "magazine"}


_FRENCH_ARTICLES = {"le", "la", "les", "l", "un", "une", "des", "du"}


LOC_HEADS = {norm_key(w) for w in (
    "place", "rue", "île", "îles", "frontière", "gare", "zone", "vallée", "autoroute", "cité",
    "mer", "désert", "boulevard", "avenue", "pont", "lac", "mont", "col", "golfe", "océan",
    "baie", "cap", "détroit", "fleuve", "rivière", "plage", "forêt", "massif", "plaine",
    "canal", "péninsule", "quai", "parc", "stade", "circuit", "route", "chemin", "volcan",
    "glacier", "archipel", "plateau", "colline", "montagne", "mont")}


# legislatures a dispatch may write without their capital ("l'assemblée nationale a adopté la loi",
# "au sénat"): still the institution (annotated so every time), named with its capital
LEGISLATURES = {norm_key(w) for w in ("Assemblée nationale", "Sénat")}


# "à la place de Ban Ki-moon": instead of him, no square named after him
_A_LA_BEFORE = re.compile(r"(?<![\w\-])à[\s\u00a0]+la[\s\u00a0]+$", re.IGNORECASE)


def says_instead_of(text: str, place_start: int) -> bool:
    """Whether the word "place" starting at ``place_start`` is the "place" of "à la place de" (instead of)."""
    return bool(_A_LA_BEFORE.search(text, max(0, place_start - 12), place_start))


_HEAD_BEFORE = re.compile(
    r"(?<![\w\-])(" + "|".join(sorted((re.escape(h) for h in {
        "armée", "ministère", "université", "hôpital", "diocèse", "aéroport", "observatoire",
        "laboratoire", "tribunal", "parquet", "institut", "académie", "place", "rue", "île",
        "gare", "vallée", "désert", "boulevard", "avenue", "lac", "mont", "golfe", "océan",
        "stade", "quai", "préfecture", "mairie", "lycée", "collège", "musée", "cathédrale",
        "CHU", "CHRU", "SRPJ", "opéra", "Opéra", "cour d'appel", "Cour d'appel",
        # WiNER keeps these heads in the name: "association Médecins du monde"
        "association", "syndicat", "fondation", "gendarmerie", "commissariat",
        # names kept whole: "Col du Soulor", "col d'Izoard", "Lac de Annecy"
        "col", "Col", "pic", "Pic", "Lac", "Golfe", "Vallée", "Désert"}),
        key=len, reverse=True)) + r")\s+((?:de la |de l['’]|du |des |de |d['’])?)$")


# "le parquet de Paris", "l'aéroport de Toulouse": the city is the entity (WiNER); a
# capitalised head ("Parquet national financier", "Aéroport international de X") is kept; "le
# tribunal de Paris" is the court (annotated so every time)
_LOWER_ORG_KEEP_PLACE = {"parquet", "aéroport", "hôpital", "mairie", "préfecture"}


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
