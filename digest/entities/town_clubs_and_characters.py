"""Names a dispatch gives to something else than the entity they name, read by the site's pages
(``plugins/entities/meanings.py``), not at ingest: the annotations, like the model, call these
towns places and these characters people.

``characters``: a person a dispatch only names as a role an actor plays ("incarner l'espion
britannique James Bond", "le rôle de Severus Rogue"), as a work ("la saga Harry Potter"), as words
shouted ("crié « Allah Akbar »") or in the plural ("des James Bond", the films) is no one a reader
can follow: "James Bond (personnage)", with no page.

``town_clubs``: in a league dispatch ("la cinquième journée de D1... Sélestat chute lourdement...
classement"), the towns are clubs. A reader of the town's page wants the town: the site names them
"Sélestat (club)", an organisation, with no page (which sport, which club, the dispatch does not
always say).
"""
from __future__ import annotations

import re
from typing import Sequence

from .countries import is_country, is_qualifiable
from .keys import word_starts


# what a league dispatch says (at least three of them): a round of matches, a table, scores
_LEAGUE_SIGNS = re.compile(r"(?<![\w\-])(journée|championnat|classement|promu|lanterne rouge|relégation|"
                           r"matchs? nuls?|mi-temps|buts|coupe de la ligue|coupe de france|demi-finale|finale|"
                           r"ouvre le score|bas de tableau|\d{1,3} ?[-–] ?\d{1,3})(?![\w\-])", re.IGNORECASE)
_S = r"[\s\u00a0\u202f]+"
_A = r"['’]"
# a team's result as its subject: "Sélestat chute", "Saint-Raphaël a battu Montpellier"
_CLUB_VERBS = (rf"(?:bat|battent|a{_S}battu|s{_A}impose|s{_A}est{_S}imposée?|l{_A}emporte|l{_A}a{_S}emporté|"
               rf"s{_A}incline|s{_A}est{_S}inclinée?|chute|a{_S}chuté|remporte|a{_S}remporté|concède|a{_S}concédé|"
               rf"domine|a{_S}dominé|écrase|a{_S}écrasé|reçoit|accueille|se{_S}déplace|a{_S}fait{_S}match{_S}nul|"
               rf"fait{_S}match{_S}nul|a{_S}été{_S}battue?|s{_A}est{_S}fait{_S}distancer|mène|menait|"
               rf"s{_A}imposant|ouvre{_S}le{_S}score|parvient|résiste|encaisse|se{_S}rassure)(?![\w\-])")
# a team as the other side of a result: "victoire face à Créteil", "une victoire aisée chez Sélestat"
_CLUB_BEFORE = (rf"(?:(?:victoire|défaite|match{_S}nul|succès|revers|rencontre|match)(?:{_S}[\w’']+){{0,3}}?{_S}"
                rf"(?:chez|face{_S}à|contre|devant|sur|de|d{_A})|chez|face{_S}à|contre|affronte|battre|battant|éliminé|"
                rf"promu|lanterne{_S}rouge){_S}?(?:,{_S})?")
_SCORE = rf"{_S}\(?\d{{1,3}}{_S}?[-–]{_S}?\d{{1,3}}(?!\d)"


# What comes after a team's name in a result, and what ends just before it: compiled once, matched
# where ``word_starts`` finds the name (a pattern per name compiled for each of a site's towns,
# 1 CPU s of the entity catalog at 5 000 articles, Python's cache of 512 patterns evicting them)
_CLUB_VERB_AFTER = re.compile(rf"(?:,{_S}(?:qui{_S})?|(?:,[^,.;]{{2,60}},)?{_S}){_CLUB_VERBS}")
_CLUB_BEFORE_END = re.compile(rf"(?<![\w\-]){_CLUB_BEFORE}\Z")
_SCORE_AFTER = re.compile(_SCORE)


def _in_club_position(text: str, form: str) -> bool:
    """Whether ``text`` writes ``form`` as a team in a result: "Sélestat chute", "victoire face à
    Créteil", "Toulouse 16 - 16"."""
    return any(_CLUB_VERB_AFTER.match(text, start + len(form)) or _SCORE_AFTER.match(text, start + len(form))
               or _CLUB_BEFORE_END.search(text, 0, start) for start in word_starts(text, form))


def _reads_like_league(text: str) -> bool:
    """Three signs of a league dispatch (a round, a table, a score) in ``text``."""
    return len({sign.lower() for sign in _LEAGUE_SIGNS.findall(text)}) >= 3


# a dispatch from the sports desk: the contexts below then read as a club's, not a town's
_SPORT_SIGNS = re.compile(r"(?<![\w\-])(?:football|footballeurs?|rugby|handball|basket(?:-ball)?|volley(?:-ball)?|"
                          r"clubs?|matchs?|ligue{_S}des{_S}champions|ligue{_S}[12]|premier{_S}league|championnat|"
                          r"top{_S}14|pro{_S}d2|s[eé]rie{_S}a|bundesliga|liga|starligue|"
                          r"mercato|transferts?|entraîneur|buts)(?![\w\-])".replace("{_S}", _S), re.IGNORECASE)
# what comes right before a town that a sports dispatch uses as its club: someone of the club ("le
# manager du Liverpool", "l'entraîneur de Monaco", "le club de football de Lille", "les joueurs du
# Loiret"), the club or team itself, named by its town in apposition ("le club français Lille") or
# after "de" ("l'équipe féminine de Wolfsburg", "les équipes de Bobigny, Rouen et Rodez": a list
# after it too), or the other side of a match or a result ("le quart de finale de la Ligue des
# champions contre Monaco", "sa victoire contre Valence d'Agen", "l'équipe lyonnaise opposée à Dijon", "le début
# du championnat, le 13 août, face à Saint-Étienne")
_LISTED = rf"(?:[A-ZÀ-ÖØ-Þ][\w\-’']*(?:{_S}[A-ZÀ-ÖØ-Þ][\w\-’']*)?(?:,{_S}|{_S}et{_S}))*"
_CLUB_CONTEXT = re.compile(
    rf"(?:(?<![\w\-])(?:manager|entraîneur|entraineur|coach|joueur|joueuse|joueurs|attaquant|défenseur|milieu|"
    rf"gardien|capitaine|supporters?|supporteurs?|effectif){_S}(?:de{_S}football{_S})?(?:du|de|d{_A})"
    rf"|(?<![\w\-])(?:clubs?|équipes?)(?:{_S}(?:de{_S}(?:football|rugby|handball|basket|volley)|(?!de(?![\w\-])|du(?![\w\-])|des(?![\w\-]))[a-zà-öø-ÿ][\w\-]+)){{0,2}}"
    rf"(?:{_S}(?:du|de|d{_A}|des))?"
    rf"|(?<![\w\-])(?:match|rencontre|finale|victoire|défaite|succès|revers|équipe[\w\-]*|club|championnat)[^.;!?]{{0,60}}?{_S}"
    rf"(?:contre|face{_S}à|opposée?s?{_S}à))(?:{_S}|(?<={_A})){_LISTED}$")
# what comes right after a town a sports dispatch uses as its club: what the club is, in apposition
# ("Toulon, champion de France du Top 14, ...", "Lille, club de Ligue 1"), or its league in parentheses
# ("Lille (Ligue 1)")
_LEAGUE = rf"(?:Ligue{_S}[12]|Top{_S}14|Pro{_S}D2|Liga|S[eé]rie{_S}A|Bundesliga|Premier{_S}League|Starligue|D[12]|Fédérale{_S}[123])"
_CLUB_AFTER = re.compile(
    rf",{_S}(?:(?:le|la|l{_A}|un|une){_S}?)?(?:club|équipe|formation|champion(?:ne)?|leader|pensionnaire|promu|lanterne{_S}rouge)"
    rf"(?:{_S}[\w\-]+){{0,4}}?{_S}(?:du|de|de{_S}la|des|en){_S}{_LEAGUE}(?![\w\-])"
    rf"|{_S}\({_LEAGUE}\)")
# a town as the side that plays, the subject of a sentence telling the game ("Toulon met peu à peu la
# main sur le ballon mais n'a pu concrétiser ses moments forts qu'avec deux pénalités")
_IN_PLAY = re.compile(r"(?<![\w\-])(?:ballon|pénalités?|essais?|drops?|mêlées?|corners?|coups?{_S}francs?|"
                      r"transformations?|égalise|égalisé|marque|a{_S}marqué|mi-temps|prolongations?|tirs{_S}au{_S}but)(?![\w\-])"
                      .replace("{_S}", _S), re.IGNORECASE)
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?»][\s\u00a0\u202f]+|\n)$")
_SENTENCE_ENDS = re.compile(r"[.!?](?:[\s\u00a0\u202f]|$)")


def _plays(text: str, start: int, end: int) -> bool:
    """The name at ``start``..``end`` opens a sentence that tells the game (``_IN_PLAY``)."""
    if not _SENTENCE_OPENS.search(text, max(0, start - 3), start):
        return False
    stop = _SENTENCE_ENDS.search(text, end)
    return bool(_IN_PLAY.search(text, end, stop.start() if stop else len(text)))


# "le match Lyon - Besiktas": both sides, unless a country plays (national teams: "Angleterre - Russie")
_SIDE = r"[A-ZÀ-ÖØ-Þ][\w\-]*(?:[\s\u00a0][A-ZÀ-ÖØ-Þ][\w\-]*)?"
_MATCH_PAIR = re.compile(rf"(?<![\w\-])match{_S}({_SIDE}){_S}[-–]{_S}({_SIDE})(?![\w\-])")


def _club_mentions_only(text: str, forms: Sequence[str]) -> bool:
    """Whether every time ``text`` writes one of ``forms`` it is in a club's place (see above)."""
    sides = {match.start(side) for match in _MATCH_PAIR.finditer(text)
             if not any(is_country(match.group(other)) for other in (1, 2)) for side in (1, 2)}
    found = [(start, start + len(form)) for form in forms for start in word_starts(text, form)]
    return bool(found) and all(start in sides or _CLUB_CONTEXT.search(text, max(0, start - 90), start)
                               or _CLUB_AFTER.match(text, end) or _plays(text, start, end) for start, end in found)


def town_clubs(text: str, places: Sequence[tuple[str, Sequence[str]]]) -> set[str]:
    """The names of ``places`` (name, forms) that ``text`` uses as sports clubs: every town of a
    league dispatch (three signs of one, and a town in a team's place: "Sélestat chute", "victoire
    face à Créteil", "Toulouse 16-16"); elsewhere, in a dispatch of the sports desk, a town ``text``
    only writes in a club's place ("le manager du Liverpool, Jürgen Klopp", "la Ligue des champions
    contre Monaco"), a French département or region too ("les joueurs du Loiret", a handball club).
    Countries stay places (a national team is named by its country, as readers expect); so do the
    départements and regions of a league dispatch that only writes them as places."""
    named = [(name, forms) for name, forms in places if name[:1].isupper() and not is_country(name)]
    towns = [(name, forms) for name, forms in named if is_qualifiable(name)]
    if not named:
        return set()
    if towns and _reads_like_league(text) and any(_in_club_position(text, form) for name, forms in towns for form in (name, *forms)):
        return {name for name, _ in towns} | {name for name, forms in named if _club_mentions_only(text, (name, *forms))}
    if not _SPORT_SIGNS.search(text):
        return set()
    return {name for name, forms in named if _club_mentions_only(text, (name, *forms))}


def club_name(town: str) -> str:
    """"Sélestat (club)": the club a sports dispatch names by its town."""
    return f"{town} (club)"


def is_town_club(name: str) -> bool:
    return name.endswith(" (club)")


# what comes before a character's name: the role an actor plays ("a incarné l'espion James Bond",
# "le rôle de Severus Rogue"), not who does something ("la ligne incarnée par François Hollande");
# a work ("la saga Harry Potter"); words shouted ("crié « Allah Akbar »"); or a plural ("des James
# Bond": the films)
_PLAYED = re.compile(r"(?<![\w\-])(?:saga|série|film|roman|livre|album|feuilleton)[\s\u00a0]+$"
                     r"|(?<![\w\-])(?:crié|criant|crier|crie|hurlé|hurlant|scandé|scandant)[\s\u00a0]*[«\"“][\s\u00a0]*$"
                     r"|(?:(?<![\w\-])(?:incarn(?:er|e|é|ée|és|ait|a|ant)|interprét(?:er|é|ée|és|ait|a|ant))(?![\w\-])"
                     r"|(?<![\w\-])(?:rôles?|personnages?)[\s\u00a0]+d(?:e|u|es|['’]))"
                     r"(?:[\s\u00a0]+(?!par(?![\w\-]))[^\s\u00a0,.;:!?()]+){0,4}[\s\u00a0]+$"
                     r"|(?<![\w\-])[dl]es[\s\u00a0]+$",
                     re.IGNORECASE)


def characters(text: str, people: Sequence[tuple[str, Sequence[str]]]) -> set[str]:
    """The names of ``people`` (name, forms) that ``text`` only names as a role played or in the
    plural (see the module docstring); a person named once as someone stays a person."""
    out = set()
    for name, forms in people:
        found = [start for form in (name, *forms) for start in word_starts(text, form)]
        if found and all(_PLAYED.search(text, max(0, start - 80), start) for start in found):
            out.add(name)
    return out


def character_name(name: str) -> str:
    """"James Bond (personnage)": a character a dispatch names, not a person."""
    return f"{name} (personnage)"


def is_character(name: str) -> bool:
    return name.endswith(" (personnage)")
