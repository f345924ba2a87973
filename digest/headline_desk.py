"""The words a desk writes where the lede has others (pure functions on a derived headline's text).

A toll is counted, not told: "Au moins 12 personnes ont été tuées à Kaboul" is titled "Au moins 12 morts à
Kaboul", "Un séisme tue au moins 241 personnes" "Un séisme fait au moins 241 morts", "et 300 autres blessées"
"et 300 blessés". Only the plain statement of it: a conditional ("seraient mortes") is the report's hedge and
stays, and so does a toll followed by a clause ("… sont mortes lorsqu'un séisme…"), which reads only verbally.

A death is titled by the lede's own word: "Décès de X" for "X est décédé", "Mort de X" for "X est mort".
"""

from __future__ import annotations

import re

from digest.headline_news import DEGREE, NUMBER, ROUND, ROUND_NUMBER

# "au moins 12 ", "une vingtaine de " (``ROUND`` ends on its "de")
_COUNT = rf"(?P<degree>(?:{DEGREE}) )?(?P<number>{ROUND}|(?:{NUMBER}) )"
_DIED = (r"(?:(?:sont|est|ont été|a été) )?(?:mortes|morte|tuées|tuée|décédées|décédée)"
         r"|(?:ont|a) (?:perdu la vie|trouvé la mort|péri)|(?:perdent|perd) la vie|(?:trouvent|trouve) la mort|périssent|périt")
# ", et 300 autres blessées,", " et une centaine blessées"
_INJURED = (rf",? et (?P<injured>(?:(?:{DEGREE}) )?(?:{NUMBER}|{ROUND_NUMBER}))(?: d(?:e |['’]))?(?: autres)? "
            r"(?:(?:sont|ont été) )?blessée?s\b,?")
# What may follow a counted toll: where, when, in what ("dans une explosion"), or nothing.
_AFTER = r"(?=$| (?:à|au|aux|en|dans|lors|sur|près|après|pendant|:)\s|, )"
# "âgées de 16 à 25 ans": the victims' ages go with the count, as a desk counts ("Treize morts à Rouen")
_AGES = r" âgée?s? de \d+(?: (?:à|et) \d+)? ans"
_AGED = rf"(?:{_AGES})?"
_DEAD_PEOPLE = re.compile(
    rf"(?<![\w'’]){_COUNT}personnes?{_AGED}(?P<late> au moins)? (?:{_DIED})(?!\w)(?:{_INJURED})?{_AFTER}", re.IGNORECASE)
# "tue au moins 241 personnes", "cause la mort de cinq personnes", "blessent 12 personnes"
_KILLS = re.compile(
    rf"(?<![\w'’])(?P<verb>tuent|tue|causent la mort d(?:e |['’])|cause la mort d(?:e |['’])|blessent|blesse) "
    rf"?{_COUNT}personnes(?:{_AFTER}|(?= dont\b))", re.IGNORECASE)
_ONE = frozenset(("un ", "une ", "1 "))


def counted_toll(headline: str) -> str:
    """``headline`` with its toll counted as a desk counts it ("Au moins 12 morts à Kaboul"); unchanged when it
    tells none in a form said above, or when the count would leave nothing but itself of a headline that said more
    ("Quatre personnes âgées de 60 à 80 ans sont mortes" is not "Quatre morts")."""
    counted = _KILLS.sub(_made, _DEAD_PEOPLE.sub(_dead, headline))
    if only_a_toll(counted) and re.search(_AGES, headline, re.IGNORECASE):
        return headline
    return counted[:1].upper() + counted[1:]


def _toll(match: re.Match, noun: str, lower: bool = False) -> str:
    number = match["number"].lower() if lower else match["number"]
    if number.lower() in _ONE:
        return f"{(match['degree'] or '').lower()}un {noun}"
    return f"{(match['degree'] or '').lower()}{number}{noun}s"


def _dead(match: re.Match) -> str:
    before = match.string[:match.start()].rstrip()
    if before and not before.endswith(":"):
        return match[0]  # the toll of a clause ("L'armée affirme que 20 personnes ont été tuées"): it keeps its verb
    late = "au moins " if match["late"] and not match["degree"] else ""
    counted = late + _toll(match, "mort", lower=bool(late))
    if injured := match["injured"]:
        round_number = injured.lower().endswith(("aine", "aines", "ier", "iers"))
        counted += f" et {injured}{' de' if round_number else ''} blessé{'' if injured.lower() in ('un', 'une', '1') else 's'}"
    return counted


def _made(match: re.Match) -> str:
    verb = match["verb"].lower()
    plural = verb.startswith(("tuent", "causent", "blessent"))
    return ("font " if plural else "fait ") + _toll(match, "blessé" if verb.startswith("bless") else "mort")


# The words of a toll ("Au moins une personne est morte et vingt-deux autres ont été blessées", "Quatre morts").
_TOLL_WORDS = frozenset("au moins plus près environ quelque de d des une un et autres personne personnes est sont ont a été "
                        "dizaine dizaines centaine centaines vingtaine trentaine quarantaine cinquantaine douzaine milliers".split())
_NUMBER_WORD = re.compile(rf"\d+|{NUMBER}", re.IGNORECASE)


def only_a_toll(headline: str) -> bool:
    """Whether ``headline`` says a toll and nothing else: neither what happened nor where ("Au moins deux morts",
    "Quatre personnes âgées de 60 à 80 ans sont mortes": the victims' ages are no event)."""
    words = re.findall(r"\w+", re.sub(_AGES, "", headline.lower()))
    tolled = [w for w in words if w.startswith(("mort", "tué", "bless"))]
    return bool(tolled) and all(w in _TOLL_WORDS or w in tolled or _NUMBER_WORD.fullmatch(w) for w in words)


# "… sont mortes lorsqu'un viaduc s'est effondré": the clause that tells what happened, after the toll.
_WHEN = re.compile(r"\b(?:lorsqu['’]|lorsque |quand |alors qu['’]|alors que |après qu['’]|après que )(?P<event>\w.{20,})$")


def event_clause(sentence: str) -> str:
    """The clause of ``sentence`` after "lorsque", "quand", "après que", as a sentence of its own ("" when none)."""
    found = _WHEN.search(sentence)
    return (found["event"][:1].upper() + found["event"][1:]) if found else ""


# A death told with "décéder" is titled by its own noun, "Décès de", as one told with "mourir" by "Mort de".
# "est décédé", "est décédée hier", "décède", "le décès de"; not another's "décédée la veille"
_DECEASED = re.compile(r"\b(?:est|sont|serait|seraient|était|étaient)\s(?:\w+\s)?décédée?s?\b|\bdécèdent?\b|\bdécès\b",
                       re.IGNORECASE)
_DIED_WORDS = re.compile(r"\b(?:mort|morte|morts|mortes|meurt|meurent|mourir|mourant)\b", re.IGNORECASE)


def death_as_told(headline: str, first_sentence: str) -> str:
    """An obituary's "Mort de X" said "Décès de X" when the lede's first sentence tells the death with
    "décéder" (the lede's word, as a desk keeps it) and not with "mourir"."""
    if headline.startswith("Mort d") and _DECEASED.search(first_sentence) and not _DIED_WORDS.search(first_sentence):
        return "Décès" + headline[len("Mort"):]
    return headline
