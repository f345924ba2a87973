"""Admission: which of a text's entities get onto the site, and under which name.

``admit(text, entities)`` runs last on every text (and on the annotations ``invoke eval-entities``
scores against, so that both are named alike):

* only people, organisations and places: a name whose head says law, treaty, war, competition or
  festival ("loi Travail", "traité de Lisbonne", "Coupe du monde") is dropped;
* a name made of one capitalised common word opening a sentence ("Valorisé", "Elle") is dropped
  when the text uses the same word in lower case, or when it is a pronoun; so is a month the text
  only writes in dates ("le 15 Mars", "Juin 2016");
* a name cut after a function word ("Journal du") takes the word the text writes next ("Journal du
  dimanche"), or is dropped when the text does not say;
* a place the text only writes as the edition of a numbered channel ("France 3 Hauts-de-France") is
  dropped: the dispatch cites the channel, not the region; so is one it only writes inside another
  entity's longer name ("Washington" of "le Washington Post"), or after an English word (a title:
  "Life on Mars?");
* a bare ministerial portfolio ("Intérieur", from "ministre de l'Intérieur") becomes the ministry:
  "ministère de l'Intérieur"; a name the text only writes after the facility named after it
  ("l'aéroport international Atatürk", "le lycée Suger") is the facility: "Aéroport Atatürk" (an
  airport, station, stadium, bridge or street is a place, its name with a capital, its other names
  the ones the text writes, not "Atatürk" alone); one only written inside a longer place name ("la
  porte de Vincennes", "le col du Soulor") is that place: "Porte de Vincennes"; a
  name the text only writes as one side of a slash is the slashed name ("GUE/NGL", a group of
  the European Parliament); a party's faction letter stays in its name ("Ligue musulmane du
  Pakistan (N)"), a place's article too ("du Caire": "Le Caire"); entities then named alike are one;
* a generic institution ("Sénat", "Assemblée nationale", "Parlement", "Cour suprême", a ministry, a
  national Red Cross or Red Crescent society) is told apart by country, the one the dispatch writes
  nearest to it: in its name ("le ministère russe de la Défense", "le Parlement de Pologne": the
  country leaves the name), right after it ("le Sénat américain"), before a portfolio ("le ministère
  turc des Affaires étrangères"), else the one country of the lede, the one country of the mention's
  sentence, the country the lede (else the whole text) cites most, a French département or region
  counting for France; "Sénat (États-Unis)", "ministère de la Défense (Russie)";
* a place is named with the place the dispatch says it is in, in parentheses ("Saint-Denis
  (La Réunion)", "Villepinte (Seine-Saint-Denis, France)"), in apposition ("à Saint-Denis, en
  Seine-Saint-Denis") or inside parentheses ("au Stade de France (Saint-Denis, Seine-Saint-Denis)"),
  when that is another place of the text or a country: "Saint-Denis (La Réunion)". The site keeps
  the qualifier only for a name it finds in two places (``sitewide.merge_site``): "Chambéry
  (Savoie)" alone is "Chambéry". Countries, French regions and départements are never qualified
  (one place each); a state named like a city, written after "l'État de", is "État de Washington".
"""
from __future__ import annotations

import re
from typing import Sequence

from .editorial import Editorial, norm_key
from .model import Entity
from .countries import _COUNTRY_KEYS, adjective_country, is_qualifiable
from .place_names import facility, state_named_like_a_city, state_of_another_country
from .dispatch_country import _country_after, _country_before, _country_in_sentence, country_of, lede_country
from .words import LEGISLATURES, ORG_HEADS, _CLUB_MARKERS, _ENGLISH_ORG_TAILS, says_instead_of

# heads of what WiNER does not annotate, and readers do not follow as people, organisations or places
_NOT_ENTITY_HEADS = {"loi", "lois", "traite", "traites", "accord", "accords", "pacte", "guerre", "bataille",
                     "revolution", "coupe", "championnat", "championnats", "jeux", "festival", "tournoi",
                     "grand prix", "prix", "mondial", "affaire", "plan", "reforme", "decret", "directive"}
_PRONOUNS = {"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "ce", "cela", "ceci"}

# portfolio -> ministry, with the article French gives it
_PORTFOLIO_ARTICLES = {
    "interieur": "de l'", "defense": "de la ", "justice": "de la ", "economie": "de l'", "sante": "de la ",
    "culture": "de la ", "education": "de l'", "education nationale": "de l'", "travail": "du ",
    "agriculture": "de l'", "environnement": "de l'", "affaires etrangeres": "des ", "finances": "des ",
    "budget": "du ", "armees": "des ", "transports": "des ", "logement": "du ", "sports": "des ",
    "industrie": "de l'", "commerce": "du ", "ecologie": "de l'", "outre mer": "de l'", "numerique": "du ",
    "recherche": "de la ", "enseignement superieur": "de l'", "affaires sociales": "des ",
    "situations d'urgence": "des ", "equipement": "de l'",
}
_GENERIC = {"senat", "assemblee nationale", "parlement", "cour supreme", "conseil constitutionnel",
            "chambre des representants", "chambre des deputes", "chambre des communes", "congres", "gouvernement",
            "cour constitutionnelle", "conseil des ministres",
            # national societies of the Red Cross and Red Crescent movement ("le Croissant-Rouge syrien")
            "croix rouge", "croissant rouge"}


# what follows a place to say where it is: "(Savoie)", "(Seine-Saint-Denis, France)"; after "à X",
# ", en Savoie" or ", dans le Var" (a town, then what contains it; "à Paris, à Lyon" is a list)
_IN_PARENTHESES = re.compile(r"\s*\(([^(),]{2,60}?)\s*(?:,[^()]*)?\)")
# "au Stade de France (Saint-Denis, Seine-Saint-Denis)": the town inside parentheses, what contains it next
_INSIDE_PARENTHESES = re.compile(r",\s+([^(),]{2,60}?)\s*[,)]")
_APPOSED_IN = re.compile(r",\s+(?:en|dans\s+(?:le|la|les|l['’]))\s*([^,.;:()]{2,60}?)(?=\s*[,.;:)]|\s*$)")
_LEADING = {"le", "la", "les", "l", "premiere", "seconde", "deuxieme", "troisieme", "grande", "grand", "nouvelle"}


def _first_words(name: str) -> str:
    """The name from its head noun: articles and leading adjectives off ("la Seconde Guerre mondiale")."""
    words = norm_key(name).replace("'", " ").split()
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


_MONTHS = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
           "novembre", "decembre"}


def _is_date(name: str, text: str) -> bool:
    """A month the text only writes in dates: after a day ("le 15 Mars", "1er Mars") or before a year
    ("Mars 2016"). Not the planet "sur Mars", nor a person named "Mai Fatty"."""
    found = list(re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text))
    return norm_key(name) in _MONTHS and bool(found) and all(
        re.search(r"(?<![\w\-])\d{1,2}(?:er)?[\s\u00a0]+$", text[max(0, match.start() - 8):match.start()])
        or re.match(r"[\s\u00a0]+\d{4}(?!\d)", text[match.end():]) for match in found)


# "coup d'", "télévision d'", "chef d'": "État" as the complement of a common noun
_STATE_COMPLEMENT = re.compile(r"(?<![\w\-])[a-zéèêàâîôûç]+[\s\u00a0]+d['’]$")


# "la sonde Juno", "l'album « China Girl »", "la série Navarro", "le jeu Ingress": a work or a craft
# named after its kind is no person, organisation or place (the annotations leave them out). Between
# the kind and the name, adjectives only ("la sonde spatiale Juno", "le spectacle musical X"), never a
# participle, verb or adverb ("la sonde lancée depuis Kourou", "l'émission a reçu Emmanuel Macron")
# but those that give its name ("une émission intitulée Morandini Live"); "un tueur en série" is no series
_WORK_ADJECTIVE = (r"(?:(?:intitul|baptis|appel|nomm|dénomm)ée?s?|[a-zéèêëàâîïôûç\-]+"
                   r"(?:al|ale|aux|ales|ien|ienne|iens|iennes|ique|iques|if|ive|ifs|ives|el|elle|els|elles|ais|aise|ain|aine|ois|oise|ard|arde|en|enne|eur|euse))")
_WORK_BEFORE = re.compile(
    r"(?<![\w\-])(?:sonde|satellite|navette|astromobile|album|single|chanson|film|téléfilm|(?<!en[\s\u00a0])série|"
    r"feuilleton|émission|spectacle|roman|jeu|application|logiciel|fonctionnalité)s?"
    r"(?:[\s\u00a0]+" + _WORK_ADJECTIVE + r"){0,2}"
    r"[\s\u00a0]+(?:«[\s\u00a0]*)?$")


def _only_named_as_work(entity: Entity, text: str) -> bool:
    found = [match.start() for form in (entity.name, *entity.forms)
             for match in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text)]
    return bool(found) and all(_WORK_BEFORE.search(text, max(0, start - 60), start) for start in found)


def is_not_entity(entity: Entity, text: str) -> bool:
    """A law, treaty, war, competition or festival; a work or a craft; a pronoun; a capitalised
    common word; a month."""
    words = _first_words(entity.name).split()
    if not words or _only_named_as_work(entity, text):
        return True
    if words[0] in _NOT_ENTITY_HEADS or " ".join(words[:2]) in _NOT_ENTITY_HEADS or words[0] in _PRONOUNS:
        return True
    if words[0] == "etat" and len(words) > 1 and all(
            _STATE_COMPLEMENT.search(text, 0, found.start())
            for form in (entity.name, *entity.forms)
            for found in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text)):
        return True  # "coup d'État constitutionnel", "la télévision d'État syrienne": no name
    portfolio = entity.kind == "organisation" and ministry(entity.name)  # "de la Santé" beside "la santé"
    if len(words) == 1 and entity.name[:1].isupper() and not portfolio and re.search(
            rf"(?<![\w\-’']){re.escape(entity.name[:1].lower() + entity.name[1:])}(?![\w\-])", text):
        return True  # "Valorisé" opening a sentence, "valorisé" elsewhere
    written = [match.start() for match in re.finditer(re.escape(entity.name), text, re.IGNORECASE)] if words[0] == "place" else []
    if written and all(says_instead_of(text, start) for start in written):
        return True  # "à la place de Ban Ki-moon": instead of him, no square
    return len(words) == 1 and _is_date(entity.name, text)


def ministry(name: str) -> str | None:
    """"Intérieur" -> "ministère de l'Intérieur"; None when ``name`` is no bare portfolio. Written as
    French writes it, whatever the dispatch's capitals: "Éducation Nationale" -> "... l'Éducation nationale"."""
    key = norm_key(name)
    article = _PORTFOLIO_ARTICLES.get(key)
    return f"ministère {article}{name[:1].upper()}{name[1:].lower()}" if article else None


_MINISTRY_OF = re.compile(r"[Mm]inistère[\s\u00a0]+(?:de[\s\u00a0]+la[\s\u00a0]+|de[\s\u00a0]+l['’]|des[\s\u00a0]+|du[\s\u00a0]+)(.+)")


def slashed_name(text: str, entity: Entity) -> str | None:
    """"GUE/NGL" when every time ``text`` writes "GUE" it is one side of that slashed name (a group of
    the European Parliament, "Greens/EFA"): one organisation, not two. None otherwise."""
    tokens = {match.group() for match in re.finditer(
        rf"[\w\-/]*(?<![\w\-]){re.escape(entity.name)}(?![\w\-])[\w\-/]*", text)}
    if len(tokens) != 1:
        return None
    token = tokens.pop()
    sides = token.split("/")
    return token if len(sides) > 1 and all(side[:1].isupper() for side in sides) else None


def place_qualifier(text: str, place: Entity, places: Sequence[Entity]) -> str | None:
    """The place ``text`` says ``place`` is in, right after one of its names (see the module
    docstring): the name of another of the text's ``places``, or a country; None if it says none."""
    named = {norm_key(form): other.name for other in places if other is not place for form in (other.name, *other.forms)}
    for form in (place.name, *place.forms):
        for found in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text):
            qualifier = _IN_PARENTHESES.match(text, found.end())
            if qualifier is None and text[max(0, found.start() - 2):found.start()] == "à ":
                qualifier = _APPOSED_IN.match(text, found.end())
            inside = qualifier is None and text[max(0, found.start() - 1):found.start()] == "("
            if inside:
                qualifier = _INSIDE_PARENTHESES.match(text, found.end())
            if qualifier:
                key = norm_key(qualifier.group(1))
                where = named.get(key) or _COUNTRY_KEYS.get(key)
                # inside parentheses, a list of towns is no container: only a country or a département
                if where and norm_key(where) != norm_key(place.name) and not (inside and is_qualifiable(where)):
                    return where
    return None


_OF_COUNTRY = re.compile(r"(.+)[\s\u00a0]+(?:de[\s\u00a0]+la[\s\u00a0]+|de[\s\u00a0]+l['’]|des[\s\u00a0]+|du[\s\u00a0]+|de[\s\u00a0]+|d['’])(.+)")


def without_adjective(name: str) -> tuple[str, str | None]:
    """A generic institution's name without the country the dispatch put inside it, and that
    country: by its adjective, "ministère russe de la Défense" -> ("ministère de la Défense",
    "Russie"), "ministère de l'Intérieur turc" -> ("ministère de l'Intérieur", "Turquie"); by its
    name at the end, "ministère de la Défense de Russie" -> ("ministère de la Défense", "Russie"),
    "Parlement de Pologne" -> ("Parlement", "Pologne")."""
    found = _OF_COUNTRY.fullmatch(name)
    if found and norm_key(found.group(2)) in _COUNTRY_KEYS:
        return found.group(1), _COUNTRY_KEYS[norm_key(found.group(2))]
    words = name.split()
    for index, word in enumerate(words[1:], 1):
        country = adjective_country(word) if word.islower() else None
        if country:
            return " ".join(words[:index] + words[index + 1:]), country
    return name, None


def is_generic_institution(name: str) -> bool:
    """"Sénat", "Parlement", "Croix-Rouge", "ministère de l'Intérieur": a name every country gives its own."""
    return _first_words(name) in _GENERIC or norm_key(name).startswith("ministere ")


def is_generic_without_country(name: str) -> bool:
    """"Sénat", "Parlement", "ministère de l'Intérieur" with no country: pages would mix countries."""
    return not name.endswith(")") and is_generic_institution(name)


def is_bare_kind_word(name: str) -> bool:
    """"Union", "HBC", "Commission", "Haute Autorité": a word that says what kind of organisation a name is,
    standing alone where the dispatch cut the name ("HBC Nantes", "L'Union", "Commission européenne").
    One page for it would mix every union or club the dispatches mean: named, not given a page."""
    words = _first_words(name).split()
    if len(words) == 2 and words[0] in {"haut", "haute"}:  # "la Haute Autorité [pour la transparence...]"
        words = words[1:]
    return len(words) == 1 and (words[0] in ORG_HEADS or words[0] in _CLUB_MARKERS or words[0] in _ENGLISH_ORG_TAILS)


_FUNCTION_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "au", "aux", "en"}


def whole_name(entity: Entity, text: str) -> Entity | None:
    """A name cut after a function word ("Journal du", from "Le Journal du dimanche") with the word
    the text writes next, the same after each time it writes the name: "Journal du dimanche". The
    entity itself when it is not cut; None when the text does not say how it ends."""
    last = entity.name.split()[-1]
    if not last.islower() or norm_key(last.rstrip("'’")) not in _FUNCTION_WORDS or " " not in entity.name:
        return entity  # "Malcolm A" ends on an initial
    after = {match.group(1) for match in re.finditer(
        rf"(?<![\w\-]){re.escape(entity.name)}(?:[\s\u00a0]+|(?<=['’]))([\w\-]+)", text)}
    if len(after) != 1:
        return None
    glue = "" if entity.name.endswith(("'", "’")) else " "
    name = f"{entity.name}{glue}{after.pop()}"
    return Entity(name, entity.kind, tuple(form for form in entity.forms if form != name), entity.description)


# places of French news whose article is part of their name: "du Caire", "au Havre" write "Le Caire",
# "Le Havre" (the model takes the name without its article)
PLACES_WITH_ARTICLE = ("Le Caire", "Le Havre", "Le Mans", "Le Cap", "Le Pirée", "Le Creusot", "Le Touquet", "Le Bourget",
                       "Le Puy-en-Velay", "Le Lamentin", "Le Kremlin-Bicêtre", "Le Mont-Saint-Michel", "La Havane",
                       "La Haye", "La Mecque", "La Rochelle", "La Paz", "La Valette", "La Courneuve", "La Baule",
                       "La Ciotat", "La Roche-sur-Yon", "La Seyne-sur-Mer", "La Nouvelle-Orléans", "Les Ulis",
                       "Les Mureaux", "Les Sables-d'Olonne")
_WITHOUT_ARTICLE = {norm_key(name.split(" ", 1)[1]): name for name in PLACES_WITH_ARTICLE}
_ARTICLE_OR_CONTRACTION = {"le": ("le", "du", "au"), "la": ("la",), "les": ("les", "des", "aux")}


def with_its_article(entity: Entity, text: str) -> str | None:
    """"Le Caire" for a place named "Caire" that ``text`` writes after the article its name takes
    ("du Caire", "au Caire"): the article is part of the name. None otherwise."""
    full = _WITHOUT_ARTICLE.get(norm_key(entity.name)) if entity.kind == "lieu" else None
    if full is None:
        return None
    articles = "|".join(_ARTICLE_OR_CONTRACTION[full.split()[0].lower()])
    written = re.search(rf"(?<![\w\-])(?:{articles})[\s\u00a0]+{re.escape(entity.name)}(?![\w\-])", text, re.IGNORECASE)
    return full if written else None


# a party's faction letter after its name: "la Ligue musulmane du Pakistan (N)" (Nawaz Sharif's, not
# the other Muslim Leagues); an acronym in parentheses is another name ("Cour pénale internationale (CPI)")
_FACTION_LETTER = re.compile(r"[\s\u00a0]+\(([A-Z])\)")


def with_its_letter(entity: Entity, text: str) -> str | None:
    """"Ligue musulmane du Pakistan (N)" when every time ``text`` writes the organisation's name a
    one-letter tag in parentheses follows it, the same each time. None otherwise."""
    if entity.kind != "organisation" or entity.name.endswith(")"):
        return None
    found = list(re.finditer(rf"(?<![\w\-]){re.escape(entity.name)}(?![\w\-])", text))
    letters = {(_FACTION_LETTER.match(text, match.end()) or [None, None])[1] for match in found}
    return f"{entity.name} ({letters.pop()})" if found and len(letters) == 1 and None not in letters else None


def is_edition_of(entity: Entity, text: str, others: Sequence[Entity]) -> bool:
    """A place the text only writes as the edition of a numbered channel or paper that precedes it:
    "France 3 Hauts-de-France" (the regional channel) says nothing of the region."""
    numbered = {form for other in others if other.kind == "organisation"
                for form in (other.name, *other.forms) if form[-1:].isdigit()}
    found = list(re.finditer(rf"(?<![\w\-]){re.escape(entity.name)}(?![\w\-])", text))
    return entity.kind == "lieu" and bool(numbered) and bool(found) and all(
        any(text[:match.start()].endswith(f"{channel} ") for channel in numbered) for match in found)


# the English words a title or an English name puts before a place ("Life on Mars?", "Journey to Mars",
# "University of Oxford"); lower case: "To" opens a sentence
_ENGLISH_BEFORE = re.compile(r"(?<![\w\-’'])(?:on|to|of|in|from|at|for|the)[\s\u00a0]+$")


def is_inside_english_name(entity: Entity, text: str) -> bool:
    """A place the text only writes after an English word: part of a title or an English name
    ("comme Life on Mars? en 1971": David Bowie's song, not the planet)."""
    found = [match.start() for form in dict.fromkeys((entity.name, *entity.forms))
             for match in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text)]
    return entity.kind == "lieu" and bool(found) and all(
        _ENGLISH_BEFORE.search(text, max(0, start - 6), start) for start in found)


def is_inside_longer_name(entity: Entity, text: str, others: Sequence[Entity]) -> bool:
    """A place the text only writes inside the longer name of another of its entities (``others``:
    people, organisations, places; not a treaty's: "le traité de Lisbonne" cites the city): "Washington"
    of "le Washington Post" is the newspaper's name, not the city."""
    longer = {form for other in others if other is not entity for form in (other.name, *other.forms)
              if len(form) > len(entity.name) and entity.name in form}
    found = list(re.finditer(rf"(?<![\w\-]){re.escape(entity.name)}(?![\w\-])", text))
    return entity.kind == "lieu" and bool(longer) and bool(found) and all(
        any(text.startswith(form, start) for form in longer
            for start in range(max(0, match.end() - len(form)), match.start() + 1)) for match in found)


def admit(text: str, entities: Sequence[Entity], editorial: Editorial | None = None) -> list[Entity]:
    """The entities of ``text`` that get onto the site, named as the site names them. The
    editorial file's entities are taken as they are."""
    editorial = editorial or Editorial.empty()
    named = [entity for entity in entities if editorial.lookup(entity.name) or not is_not_entity(entity, text)]
    kept = [entity if editorial.lookup(entity.name) else whole_name(entity, text) for entity in named
            if editorial.lookup(entity.name) or not (is_edition_of(entity, text, entities)
                                                     or is_inside_longer_name(entity, text, named)
                                                     or is_inside_english_name(entity, text))]
    return name_institutions(text, [entity for entity in kept if entity is not None], editorial)


def name_institutions(text: str, entities: Sequence[Entity], editorial: Editorial) -> list[Entity]:
    """Bare portfolios as ministries, generic institutions with their country, places with the place
    the dispatch says they are in (see the module docstring)."""
    kept = [named for entity in entities for named in state_named_like_a_city(text, entity)]
    country, only_in_lede = country_of(text, kept), lede_country(text, kept)
    places = [entity for entity in kept if entity.kind == "lieu"]
    out: list[Entity] = []
    for entity in kept:
        if entity.kind != "personne" and not editorial.lookup(entity.name):
            entity = facility(text, entity) or entity
        name = entity.name
        if entity.kind == "organisation" and not editorial.lookup(name):
            name = slashed_name(text, entity) or with_its_letter(entity, text) or name
        if entity.kind == "lieu" and not editorial.lookup(name):
            name = with_its_article(entity, text) or name
        if entity.kind == "lieu" and is_qualifiable(name) and not editorial.lookup(name):
            where = place_qualifier(text, entity, places)
            if where:
                name = f"{name} ({where})"
        elif entity.kind == "lieu" and not editorial.lookup(name) and (state := state_of_another_country(text, entity)):
            name = f"{name} ({state})"  # "Géorgie (États-Unis)": not the country
        if entity.kind == "organisation" and not editorial.lookup(name):
            portfolio, portfolio_country = without_adjective(name)  # "Intérieur français"
            name = ministry(portfolio) or name
            if is_generic_institution(without_adjective(name)[0]):
                name, named = without_adjective(name)  # the country is told once, as for every country
                if norm_key(name) in LEGISLATURES:
                    name = name[0].upper() + name[1:]  # "l'assemblée nationale du Burundi"
                elif found := _MINISTRY_OF.fullmatch(name):  # "Ministère de l'Éducation Nationale"
                    name = ministry(found.group(1)) or name
                # the nearest qualifier wins: in the name, right after it, before a portfolio; then the
                # one country of the lede, the one country of the mention's sentence, the country the
                # dispatch cites most
                where = named or (portfolio_country if ministry(portfolio) else None) \
                    or _country_after(text, (entity.name, *entity.forms)) \
                    or (_country_before(text, (entity.name, *entity.forms)) if ministry(portfolio) else None) \
                    or only_in_lede or _country_in_sentence(text, (entity.name, *entity.forms), kept) or country
                if where:
                    name = f"{name} ({where})"
        if name != entity.name:
            forms = tuple(dict.fromkeys(form for form in (entity.name, *entity.forms) if form != name))
            entity = Entity(name, entity.kind, forms, entity.description)
        out.append(entity)
    return _one_per_name(out)


def _one_per_name(entities: Sequence[Entity]) -> list[Entity]:
    """Entities named alike once named as the site names them ("GUE" and "NGL" both "GUE/NGL",
    "Atatürk" and "aéroport Atatürk"): one, with the forms of both, where the first was."""
    merged: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        first = merged.get((entity.name, entity.kind))
        if first is None:
            merged[(entity.name, entity.kind)] = entity
        else:
            forms = tuple(dict.fromkeys(form for form in (*first.forms, *entity.forms) if form != entity.name))
            merged[(entity.name, entity.kind)] = Entity(first.name, first.kind, forms, first.description or entity.description)
    return list(merged.values())
