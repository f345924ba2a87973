"""What context says is no name, or not this name: a participle opening a sentence, sports pools,
a sentence-initial capital determiner ("La France"), places inside event names, demonyms before a
person, a place's name as a coalition's nickname ("coalition Jamaïque"), a daily's name where the text
means the common noun ("champion du Monde", "à la Libération"), a maker's name used for its product, a
type designation ("A320neo", "Antonov An-26")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from digest.dispatch import DATE_PREFIX

from .editorial import Editorial

if TYPE_CHECKING:
    from .mentions import Mention


# "Transportée à l'hôpital, la chanteuse...", "Interrogé par l'AFP, il...": a participle
# opening a sentence and followed by a preposition is no name (the model reads it as
# one); "Vendée, le ..." or "Lomé a ..." (no preposition) are left alone
_PARTICIPLE = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ]{4,}(?:é|ée|és|ées)")


_SENTENCE_START = re.compile(rf"(?:^|[.!?»:]\s+|\n\s*|{DATE_PREFIX})$", re.VERBOSE | re.IGNORECASE)


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
    r"(?<![\w\-])(?:championnats?(?: du monde| national| nationaux)?|coupe(?: du monde)?|tour|open|jeux(?: olympiques| paralympiques)?"
    r"|grand prix|rallye|marathon|semi-marathon|ironman|festival|masters|trophée|mondial|euro|gp)"
    r"\s+(?:de la |de l['’]|de |d['’]|du |des )?$", re.I)


# a daily named by a common noun, where the text means the noun: "les champions du Monde", "le record du
# Monde", "le reste du Monde" (sports pages' capital; the daily is "au Monde", "journaliste du Monde");
# "décoré à la Libération", the Liberation of 1944 (the daily takes no article: "dans Libération");
# "des cochons d'Inde", the guinea pig, no country
_COMMON_NOUN_BEFORE = {
    "Monde": re.compile(r"(?<![\w\-])(?:vice-)?(?:champion(?:ne)?s?|championnats?|coupe|records?|tour|titre|reste|bout|fin)"
                        r"\s+du\s+$", re.I),
    "Libération": re.compile(r"(?<![\w\-])la[\s\u00a0]+$", re.I),
    "Inde": re.compile(r"(?<![\w\-])cochons?[\s\u00a0]+d['’]$", re.I),
}


# "une coalition dite « Jamaïque »", "le scénario Jamaïque": a place's name as the nickname of a
# coalition or a plan (the colours of its flag), no place; "la coalition en Syrie" has its preposition
_NICKNAME_BEFORE = re.compile(
    r"(?<![\w\-])(?:coalition|alliance|majorité|scénario|option|formule|hypothèse|modèle)s?"
    r"(?:[\s\u00a0]+dite?s?)?[\s\u00a0]+(?:«[\s\u00a0]*|\"|“)?$", re.I)


_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:le|la|l['’]|du|au|un|une|les|des|aux)\s*$", re.I)


def _drop_contextual(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places inside event names ("Tour de France", "championnat d'Europe", "Jeux de
    Londres") and demonyms before a person ("le Suisse Rudy Wild") are not entities."""
    starts = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        if m.label == "LOC":
            before = text[max(0, m.start - 40):m.start]
            if _EVENT_BEFORE.search(before) or _NICKNAME_BEFORE.search(before):
                continue
            after = re.match(r"[ \t]+", text[m.end:m.end + 3])
            nxt = starts.get(m.end + after.end()) if after else None
            if (nxt is not None and nxt.label == "PER" and " " not in m.name
                    and _ARTICLE_BEFORE.search(before)):
                continue
        if (noun_before := _COMMON_NOUN_BEFORE.get(m.name)) and noun_before.search(text[max(0, m.start - 40):m.start]):
            continue
        if m.label == "ORG" and _is_product(text, m) or _TYPE_DESIGNATION.search(m.name) and (
                m.label != "LOC" or "-" in m.name):  # "la N118", "l'A104": three-digit roads are places
            continue
        out.append(m)
    return out


# "un Airbus A321", "le Boeing 737-500", "114 Airbus": a maker's name used for its product
_MODEL_AFTER = re.compile(r"[ \t]+[A-Z]{0,3}-?\d{3}(?:-\d{1,4})?(?![\w\-])")


# an aircraft's or a machine's type, alone or after its maker: "l'A320neo", "un Antonov An-26", "des
# Canadair CL-415", "Tu-154"; a road ("A86", "N118") has no hyphen, and the model reads it as a place
_TYPE_DESIGNATION = re.compile(r"(?:^|[ \t])(?:[A-Z][A-Za-z]{0,2}-\d{2,4}|[A-Z]\d{3}[A-Za-z]{0,3})$")


_COUNT_BEFORE = re.compile(r"(?<![\w,.\-/:])(?<![Vv]ol )(?<![Nn]°)\d+[ \t]+$")


def _is_product(text: str, m: Mention) -> bool:
    return (_MODEL_AFTER.match(text, m.end) is not None
            or _COUNT_BEFORE.search(text[max(0, m.start - 12):m.start]) is not None)
