"""The countries and French divisions of French news (data, no rule): which name is a country, the
country a capital or a nationality adjective stands for, which places one name only ever means.
Read by admission (a place's qualifier), dispatch_country (an institution's country) and the site-wide merge."""
from __future__ import annotations

import re

from .editorial import norm_key

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
    "Géorgie": "géorgien",
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
_CAPITAL_KEYS = {norm_key(city) for city in _CAPITALS}
_ADJECTIVE = {norm_key(adjective): country for country, adjective in COUNTRIES.items()}
_COUNTRY_KEYS = {norm_key(country): country for country in COUNTRIES}
# French regions and départements: names no other place of French news shares, never qualified
# (not Paris nor Vienne: towns share them)
# ("Alpes-Maritimes (Sud-Est de la France)" is the one Alpes-Maritimes)
FRENCH_DIVISIONS = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
    "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur", "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Réunion", "Mayotte",
    "Ain", "Aisne", "Allier", "Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes", "Ardèche", "Ardennes",
    "Ariège", "Aube", "Aude", "Aveyron", "Bouches-du-Rhône", "Calvados", "Cantal", "Charente", "Charente-Maritime",
    "Cher", "Corrèze", "Corse-du-Sud", "Haute-Corse", "Côte-d'Or", "Côtes-d'Armor", "Creuse", "Dordogne", "Doubs",
    "Drôme", "Eure", "Eure-et-Loir", "Finistère", "Gard", "Haute-Garonne", "Gers", "Gironde", "Hérault",
    "Ille-et-Vilaine", "Indre", "Indre-et-Loire", "Isère", "Jura", "Landes", "Loir-et-Cher", "Loire",
    "Haute-Loire", "Loire-Atlantique", "Loiret", "Lot", "Lot-et-Garonne", "Lozère", "Maine-et-Loire", "Manche",
    "Marne", "Haute-Marne", "Mayenne", "Meurthe-et-Moselle", "Meuse", "Morbihan", "Moselle", "Nièvre", "Nord",
    "Oise", "Orne", "Pas-de-Calais", "Puy-de-Dôme", "Pyrénées-Atlantiques", "Hautes-Pyrénées",
    "Pyrénées-Orientales", "Bas-Rhin", "Haut-Rhin", "Rhône", "Haute-Saône", "Saône-et-Loire", "Sarthe", "Savoie",
    "Haute-Savoie", "Seine-Maritime", "Seine-et-Marne", "Yvelines", "Deux-Sèvres", "Somme", "Tarn",
    "Tarn-et-Garonne", "Var", "Vaucluse", "Vendée", "Haute-Vienne", "Vosges", "Yonne",
    "Territoire de Belfort", "Essonne", "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise")
_UNIQUE_DIVISIONS = {norm_key(name) for name in FRENCH_DIVISIONS}
# the states of the United States as French writes them: one shares a country's name ("la Géorgie"),
# a dispatch says which (``admission.state_of_another_country``)
US_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "Californie", "Caroline du Nord", "Caroline du Sud", "Colorado",
    "Connecticut", "Dakota du Nord", "Dakota du Sud", "Delaware", "Floride", "Géorgie", "Hawaï", "Idaho", "Illinois",
    "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiane", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "Nouveau-Mexique", "New York", "Ohio", "Oklahoma", "Oregon", "Pennsylvanie", "Rhode Island", "Tennessee",
    "Texas", "Utah", "Vermont", "Virginie", "Virginie-Occidentale", "Washington", "Wisconsin", "Wyoming")
_US_STATE_KEYS = {norm_key(name) for name in US_STATES}
# states (of a federation) that share their name with a city French news cites for itself: "l'État de
# Washington" is not the capital, "l'État de New York" not the city (``place_names.state_named_like_a_city``);
# the state's country still tells a dispatch's country ("un juge de l'État de Washington": American)
STATES_NAMED_LIKE_A_CITY = {"Washington": "États-Unis", "New York": "États-Unis", "Mexico": "Mexique",
                            "Rio de Janeiro": "Brésil", "São Paulo": "Brésil", "Lagos": "Nigeria", "Kano": "Nigeria",
                            "Victoria": "Australie"}
_CITY_STATE_KEYS = {norm_key(name) for name in STATES_NAMED_LIKE_A_CITY}
STATE_COUNTRY_OF = {norm_key(f"État de {name}"): country for name, country in STATES_NAMED_LIKE_A_CITY.items()}
# how these places are officially written: a page takes this spelling over a variant ("Côte d'Or")
OFFICIAL_PLACE_NAMES = (*COUNTRIES, *FRENCH_DIVISIONS)


def adjective_country(word: str) -> str | None:
    """The country a nationality adjective names, in any gender and number ("turque", "russes")."""
    word = norm_key(word)
    return _ADJECTIVE.get(word) or _ADJECTIVE.get(re.sub(r"(?:e|s|es)$", "", word)) \
        or _ADJECTIVE.get(re.sub(r"(?:ne|nes)$", "", word))  # "ivoirienne", "égyptiennes"


def is_country(name: str) -> bool:
    return norm_key(name) in _COUNTRY_KEYS


def is_country_or_capital(name: str) -> bool:
    return norm_key(name) in _COUNTRY_OF


def is_qualifiable(name: str) -> bool:
    """False for a name only one place has: a country, a French region or département."""
    return not is_country(name) and norm_key(name) not in _UNIQUE_DIVISIONS


def is_us_state(name: str) -> bool:
    return norm_key(name) in _US_STATE_KEYS


def is_state_named_like_a_city(name: str) -> bool:
    return norm_key(name) in _CITY_STATE_KEYS
