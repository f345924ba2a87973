"""Place names a dispatch writes whole, read by admission (pure functions, no Pelican): a facility
or a longer place name a name is only written inside ("l'aéroport Atatürk", "la porte de
Vincennes": "Aéroport Atatürk", "Porte de Vincennes", places, not the man or the town), and a
country's name the dispatch writes as an American state ("Atlanta, en Géorgie, dans le sud des
États-Unis": "Géorgie (États-Unis)")."""
from __future__ import annotations

import re

from .countries import US_STATES, is_country, is_state_named_like_a_city, is_us_state
from .keys import word_starts
from .model import Entity
from .words import says_instead_of


# facilities and districts French names after a person or a place, the name right after the head
# ("l'aéroport Atatürk", "le stade Maracana", "le lycée Suger", "le district Sainte-Marie" of
# Montréal, not the Sainte-Marie of La Réunion; "l'aéroport d'Istanbul-Atatürk"); a structure named
# after what it crosses ("le tunnel sous la Manche": not the département)
_FACILITY = re.compile(r"(?<![\w\-])(aéroport|stade|lycée|collège|gare|hôpital|quartier|district|arrondissement"
                       r"|(?:tunnel|pont|viaduc)[\s\u00a0]+(?:sous|sur)[\s\u00a0]+(?:la|le|les))"
                       r"(?:[\s\u00a0]+international)?[\s\u00a0]+(?:d['’][\w\-]+-)?$", re.IGNORECASE)
# a place French names by a head noun and "de" before another name, a place of its own: "la porte de
# Vincennes" (in Paris, not the town), "le col du Soulor", "le pont du Rialto", "l'aéroport de
# Rostov-sur-le-Don"; not "à la place de" (instead of)
_PLACE_OF = re.compile(r"(?<![\w\-])(porte|col|place|rue|pont|gare|aéroport|stade)"
                       r"[\s\u00a0]+(de[\s\u00a0]+la[\s\u00a0]+|de[\s\u00a0]+l['’]|des[\s\u00a0]+|du[\s\u00a0]+|de[\s\u00a0]+|d['’])$",
                       re.IGNORECASE)
# the heads above that make a place; a school or a hospital keeps the kind the model gave it
_PLACE_HEADS = {"aéroport", "stade", "gare", "quartier", "district", "arrondissement", "tunnel", "pont", "viaduc",
                "porte", "col", "place", "rue"}


def facility(text: str, entity: Entity) -> Entity | None:
    """"Aéroport Atatürk" (a place) when every time ``text`` writes the entity's name it follows a
    facility's head noun, "Porte de Vincennes" when it follows the head of a longer place name: that
    facility or place, not the person or place it is named after; its forms are the ones the text
    writes ("aéroport international Atatürk"), not the bare name ("Atatürk" alone is the man). None
    otherwise."""
    if entity.name.split()[0] in _PLACE_HEADS:
        # the model took the whole name, in lower case: a place, capitalised as a page's name, the name as
        # written a form (its sentences are found by it), not the bare name
        forms = (entity.name, *(form for form in entity.forms if not entity.name.endswith(f" {form}")))
        return Entity(entity.name[:1].upper() + entity.name[1:], "lieu", forms, entity.description)
    # "Istanbul-Atatürk": the name may end a hyphenated compound
    names, written, heads = set(), [], set()
    for match in re.finditer(rf"(?<!\w){re.escape(entity.name)}(?![\w\-])", text):
        window = max(0, match.start() - 40)
        head = _FACILITY.search(text, window, match.start())
        if head:
            kind = " ".join(head.group(1).lower().split())
            names.add(f"{kind} {entity.name}")
        else:
            head = _PLACE_OF.search(text, window, match.start())
            if head is None or head.group(1).lower() == "place" and says_instead_of(text, head.start()):
                return None
            kind, of = head.group(1).lower(), " ".join(head.group(2).lower().split())
            names.add(f"{kind} {of}{entity.name}" if of.endswith(("'", "’")) else f"{kind} {of} {entity.name}")
        heads.add(kind.split()[0])
        written.append(text[head.start():match.end()])
    if len(names) != 1:
        return None
    name, place = names.pop(), heads <= _PLACE_HEADS
    name = name[:1].upper() + name[1:] if place else name  # "Aéroport Atatürk"; "ministère", "lycée" as French writes them
    forms = tuple(dict.fromkeys(form for form in written if form != name))
    return Entity(name, "lieu" if place else entity.kind, forms, entity.description)


# what says a name shared by a country and a state of the United States is the state: "l'État de
# Géorgie", "l'État américain de Géorgie"; "à Atlanta, en Géorgie, dans le sud des États-Unis", "la
# Géorgie (États-Unis)"; another state beside it in a list ("la Floride, la Géorgie et l'Alabama")
_STATE_BEFORE = re.compile(r"(?<![\w\-])[ÉEé]tat(?:[\s\u00a0]+américain)?[\s\u00a0]+(?:de[\s\u00a0]+(?:la[\s\u00a0]+)?|d['’])$")
_US_AFTER = re.compile(r"[\s\u00a0]*(?:\([\s\u00a0]*|,[\s\u00a0]+(?:aux|(?:dans[\s\u00a0]+l[ea']|à[\s\u00a0]+l['’]|au)"
                       r"[\s\u00a0]*[\w\-]+[\s\u00a0]+des)[\s\u00a0]+)(?:[ÉE]tats-Unis|USA)(?![\w\-])")
_LIST_GLUE = r"(?:,[\s\u00a0]+|[\s\u00a0]+(?:et|ou)[\s\u00a0]+)(?:(?:la|le|les|l['’]|en|au|dans[\s\u00a0]+l[ae]|dans[\s\u00a0]+l['’])[\s\u00a0]*)?"
_OTHER_STATES = "|".join(re.escape(state) for state in US_STATES if not is_country(state))
_STATE_IN_LIST = re.compile(rf"(?<![\w\-])(?:{_OTHER_STATES}){_LIST_GLUE}$")
_LIST_OF_STATES = re.compile(rf"{_LIST_GLUE}(?:{_OTHER_STATES})(?![\w\-])")


def state_of_another_country(text: str, place: Entity) -> str | None:
    """"États-Unis" for a country's name that ``text`` writes each time as the American state of that
    name (see above: "Atlanta, en Géorgie, dans le sud des États-Unis"); None otherwise: the country."""
    if not (is_country(place.name) and is_us_state(place.name)):
        return None
    found = [match for form in (place.name, *place.forms)
             for match in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text)]
    says_state = [_STATE_BEFORE.search(text, max(0, match.start() - 30), match.start())
                  or _US_AFTER.match(text, match.end()) or _LIST_OF_STATES.match(text, match.end())
                  or _STATE_IN_LIST.search(text, max(0, match.start() - 60), match.start()) for match in found]
    return "États-Unis" if found and all(says_state) else None


# the name inside a longer capitalised name, not the city: "le New York Times", "le Washington Post",
# "l'université George Washington"
_IN_LONGER_NAME_BEFORE = re.compile(r"(?<![\w\-])[A-ZÀ-ÖØ-ÞŒ][\w\-]*[\s\u00a0]+$")
_IN_LONGER_NAME_AFTER = re.compile(r"[\s\u00a0]+[A-ZÀ-ÖØ-ÞŒ]")


def state_named_like_a_city(text: str, place: Entity) -> tuple[Entity, ...]:
    """"État de Washington" for a place whose name a state shares with a city ("Washington", "New York")
    where ``text`` writes it after "l'État de": the state, a place of its own, named so that no page of
    the city takes it; the city too when the text also writes the name alone, not inside a longer name
    ("le New York Times"). The place itself otherwise."""
    if place.kind != "lieu" or not is_state_named_like_a_city(place.name):
        return (place,)
    found = [(start, start + len(form)) for form in dict.fromkeys((place.name, *place.forms)) for start in word_starts(text, form)]
    states = [(start, end) for start, end in found if _STATE_BEFORE.search(text, max(0, start - 30), start)]
    if not states:
        return (place,)
    cities = [(start, end) for start, end in found if (start, end) not in states
              and not _IN_LONGER_NAME_BEFORE.search(text, max(0, start - 40), start)
              and not _IN_LONGER_NAME_AFTER.match(text, end)]
    state = Entity(f"État de {place.name}", "lieu")
    return (place, state) if cities else (state,)
