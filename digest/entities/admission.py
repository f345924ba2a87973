"""Admission: which of a text's entities get onto the site, and under which name.

``admit(text, entities)`` runs last on every text (and on the annotations ``invoke eval-entities``
scores against, so that both are named alike):

* only people, organisations and places: a name whose head says law, treaty, war, competition or
  festival ("loi Travail", "traité de Lisbonne", "Coupe du monde") is dropped;
* a name made of one capitalised common word opening a sentence ("Valorisé", "Elle") is dropped
  when the text uses the same word in lower case, or when it is a pronoun;
* a bare ministerial portfolio ("Intérieur", from "ministre de l'Intérieur") becomes the ministry:
  "ministère de l'Intérieur";
* a generic institution ("Sénat", "Assemblée nationale", "Parlement", "Cour suprême", a ministry)
  is told apart by the country of the dispatch: the country its adjective names ("le Sénat
  américain"), else the country the text cites most; "Sénat (États-Unis)".
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from .editorial import Editorial, norm_key
from .model import Entity
from .words import ORG_HEADS, _CLUB_MARKERS, _ENGLISH_ORG_TAILS

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
}
_GENERIC = {"senat", "assemblee nationale", "parlement", "cour supreme", "conseil constitutionnel",
            "chambre des representants", "chambre des deputes", "gouvernement", "cour constitutionnelle"}

# country -> adjectives that name it after an institution ("le Sénat américain"); the most cited
# countries of French news (a country absent here is still found by name among the text's places)
COUNTRIES = {
    "France": "français", "États-Unis": "américain", "Royaume-Uni": "britannique", "Allemagne": "allemand",
    "Espagne": "espagnol", "Italie": "italien", "Russie": "russe", "Ukraine": "ukrainien", "Chine": "chinois",
    "Japon": "japonais", "Inde": "indien", "Brésil": "brésilien", "Argentine": "argentin", "Mexique": "mexicain",
    "Canada": "canadien", "Belgique": "belge", "Suisse": "suisse", "Pays-Bas": "néerlandais", "Pologne": "polonais",
    "Portugal": "portugais", "Grèce": "grec", "Turquie": "turc", "Iran": "iranien", "Irak": "irakien",
    "Syrie": "syrien", "Israël": "israélien", "Égypte": "égyptien", "Maroc": "marocain", "Algérie": "algérien",
    "Tunisie": "tunisien", "Libye": "libyen", "Sénégal": "sénégalais", "Mali": "malien", "Nigeria": "nigérian",
    "Afrique du Sud": "sud-africain", "Australie": "australien", "Corée du Sud": "sud-coréen", "Venezuela": "vénézuélien",
    "Colombie": "colombien", "Chili": "chilien", "Pérou": "péruvien", "Autriche": "autrichien", "Hongrie": "hongrois",
    "Roumanie": "roumain", "Suède": "suédois", "Norvège": "norvégien", "Danemark": "danois", "Finlande": "finlandais",
    "Irlande": "irlandais", "Pakistan": "pakistanais", "Afghanistan": "afghan", "Liban": "libanais",
    "Arabie saoudite": "saoudien", "Philippines": "philippin", "Indonésie": "indonésien", "Thaïlande": "thaïlandais",
    "Taïwan": "taïwanais", "Kenya": "kényan", "Éthiopie": "éthiopien", "Côte d'Ivoire": "ivoirien",
    "Cameroun": "camerounais", "Gabon": "gabonais", "Haïti": "haïtien", "Cuba": "cubain", "Serbie": "serbe",
    "Croatie": "croate", "Bulgarie": "bulgare", "République tchèque": "tchèque", "Slovaquie": "slovaque",
    "Québec": "québécois", "Luxembourg": "luxembourgeois", "Madagascar": "malgache", "Burundi": "burundais",
    "Congo": "congolais", "République démocratique du Congo": "congolais", "Gambie": "gambien",
}
# capitals stand for their country ("Moscou" in a dispatch about the Douma)
_CAPITALS = {
    "Paris": "France", "Moscou": "Russie", "Washington": "États-Unis", "Londres": "Royaume-Uni", "Berlin": "Allemagne",
    "Madrid": "Espagne", "Rome": "Italie", "Kiev": "Ukraine", "Pékin": "Chine", "Tokyo": "Japon", "Ankara": "Turquie",
    "Téhéran": "Iran", "Bagdad": "Irak", "Damas": "Syrie", "Le Caire": "Égypte", "Bruxelles": "Belgique", "Ottawa": "Canada",
    "Bujumbura": "Burundi", "Kinshasa": "République démocratique du Congo", "Dakar": "Sénégal", "Alger": "Algérie",
    "Rabat": "Maroc", "Tunis": "Tunisie", "Athènes": "Grèce", "Varsovie": "Pologne", "Lisbonne": "Portugal",
    "Budapest": "Hongrie", "Vienne": "Autriche", "Berne": "Suisse", "Brasilia": "Brésil", "Caracas": "Venezuela",
    "New Delhi": "Inde", "Séoul": "Corée du Sud", "Canberra": "Australie", "Mexico": "Mexique", "Buenos Aires": "Argentine",
}
_COUNTRY_OF = {norm_key(country): country for country in COUNTRIES} | {norm_key(city): country for city, country in _CAPITALS.items()} \
    | {"usa": "États-Unis", "etats unis d amerique": "États-Unis"}
_ADJECTIVE = {norm_key(adjective): country for country, adjective in COUNTRIES.items()}
_ADJECTIVE_AFTER = re.compile(r"\s+([a-zà-ÿ\-]+)")
_COUNTRY_NAMED_AFTER = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])([A-ZÀ-ÖØ-Þ][\w\-’' ]{1,40}?)(?=[\s,.;:)]|$)")


_LEADING = {"le", "la", "les", "l", "premiere", "seconde", "deuxieme", "troisieme", "grande", "grand", "nouvelle"}


def _first_words(name: str) -> str:
    """The name from its head noun: articles and leading adjectives off ("la Seconde Guerre mondiale")."""
    words = norm_key(name).replace("'", " ").split()
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


def is_not_entity(entity: Entity, text: str) -> bool:
    """A law, treaty, war, competition or festival; a pronoun; a capitalised common word."""
    words = _first_words(entity.name).split()
    if not words:
        return True
    if words[0] in _NOT_ENTITY_HEADS or " ".join(words[:2]) in _NOT_ENTITY_HEADS or words[0] in _PRONOUNS:
        return True
    if len(words) == 1 and entity.name[:1].isupper() and re.search(
            rf"(?<![\w\-’']){re.escape(entity.name[:1].lower() + entity.name[1:])}(?![\w\-])", text):
        return True  # "Valorisé" opening a sentence, "valorisé" elsewhere
    return False


def ministry(name: str) -> str | None:
    """"Intérieur" -> "ministère de l'Intérieur"; None when ``name`` is no bare portfolio."""
    key = norm_key(name)
    article = _PORTFOLIO_ARTICLES.get(key)
    return f"ministère {article}{name}" if article else None


def country_of(text: str, entities: Sequence[Entity]) -> str | None:
    """The country a text is about: the country its places cite most (first cited on a tie)."""
    cited: Counter = Counter()
    for entity in entities:
        if entity.kind == "lieu":
            country = _COUNTRY_OF.get(norm_key(entity.name))
            if country:
                cited[country] += 1 + len(entity.forms)
    return max(cited, key=cited.get) if cited else None


def _country_after(text: str, forms: Sequence[str]) -> str | None:
    """The country named right after one of ``forms`` in ``text``: an adjective ("Sénat américain")
    or the country itself ("Chambre des représentants des États-Unis")."""
    for form in forms:
        for found in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text):
            named = _COUNTRY_NAMED_AFTER.match(text, found.end())
            if named and norm_key(named.group(1)) in _COUNTRY_OF:
                return _COUNTRY_OF[norm_key(named.group(1))]
            adjective = _ADJECTIVE_AFTER.match(text, found.end())
            if adjective:
                word = norm_key(adjective.group(1))
                country = _ADJECTIVE.get(word) or _ADJECTIVE.get(re.sub(r"(?:e|s|es)$", "", word))
                if country:
                    return country
    return None


def is_generic_without_country(name: str) -> bool:
    """"Sénat", "Parlement", "ministère de l'Intérieur" with no country: pages would mix countries."""
    return not name.endswith(")") and (_first_words(name) in _GENERIC or norm_key(name).startswith("ministere "))


def is_bare_kind_word(name: str) -> bool:
    """"Union", "HBC", "Commission", "Tribunal": a word that says what kind of organisation a name is,
    standing alone where the dispatch cut the name ("HBC Nantes", "L'Union", "Commission européenne").
    One page for it would mix every union or club the dispatches mean: named, not given a page."""
    words = _first_words(name).split()
    return len(words) == 1 and (words[0] in ORG_HEADS or words[0] in _CLUB_MARKERS or words[0] in _ENGLISH_ORG_TAILS)


def admit(text: str, entities: Sequence[Entity], editorial: Editorial | None = None) -> list[Entity]:
    """The entities of ``text`` that get onto the site, named as the site names them. The
    editorial file's entities are taken as they are."""
    editorial = editorial or Editorial.empty()
    kept = [entity for entity in entities if editorial.lookup(entity.name) or not is_not_entity(entity, text)]
    return name_institutions(text, kept, editorial)


def name_institutions(text: str, entities: Sequence[Entity], editorial: Editorial) -> list[Entity]:
    """Bare portfolios as ministries, generic institutions with their country (see the module docstring)."""
    kept = list(entities)
    country = country_of(text, kept)
    out: list[Entity] = []
    for entity in kept:
        name = entity.name
        if entity.kind == "organisation" and not editorial.lookup(name):
            name = ministry(name) or name
            if _first_words(name) in _GENERIC or norm_key(name).startswith("ministere "):
                where = _country_after(text, (entity.name, *entity.forms)) or country
                if where:
                    name = f"{name} ({where})"
        if name != entity.name:
            forms = tuple(dict.fromkeys(form for form in (entity.name, *entity.forms) if form != name))
            entity = Entity(name, entity.kind, forms, entity.description)
        out.append(entity)
    return out
