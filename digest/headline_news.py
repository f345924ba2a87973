"""The news a headline must not leave out (pure functions): the toll of an event, "au moins 12
morts" from a lede that says "Au moins 12 personnes ont été tuées", added after the headline the way
a desk writes it ("Un camion fonce sur la foule à Berlin : au moins neuf morts") when the
headline does not say it already; the words that say what happened (a death, a winner, a verdict)
and the verbs that only set the scene ("Les coureurs arrivent au bout de l'étape").
"""

from __future__ import annotations

import re

# Lemmas of the words that say what happened: the dead, the winner, the result ("s'impose", "s'incline"), the verdict.
NEWS_LEMMAS = frozenset(
    "mourir décéder tuer abattre assassiner blesser remporter gagner battre renoncer démissionner élire réélire "
    "condamner acquitter victoire vainqueur gagnant lauréat mort décès blessé victime incliner imposer perdre échouer éliminer".split())
# Main verbs that set the scene (someone arrives, meets, opens, something takes place) while the news
# is told after them; "se tenir", "se dérouler", "se réunir" only with their "se".
SCENE_LEMMAS = frozenset("arriver commencer débuter ouvrir rassembler".split())
REFLEXIVE_SCENE_LEMMAS = frozenset("dérouler tenir réunir retrouver rassembler ouvrir".split())

NUMBER = (r"\d[\d  ]*|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
          r"|dix-sept|dix-huit|dix-neuf|vingt|trente|quarante|cinquante|soixante|cent")
# a round number: "une vingtaine", "des dizaines"; with its "de" ("une vingtaine de")
ROUND_NUMBER = (r"(?:une|des) (?:dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?"
                r"|centaines?|milliers)")
ROUND = ROUND_NUMBER + r" d(?:e |['’])"
DEGREE = r"au moins|au minimum|plus de|près de|environ|quelque"
# "au moins 12 morts", "huit blessés", "Au moins 10 personnes sont mortes", "6 personnes ont été tuées",
# "une vingtaine de blessés", "la mort d'au moins deux personnes"
_TOLL = re.compile(
    rf"\b(?P<death>(?:la mort|le décès) d(?:e |['’]))?(?P<degree>(?:{DEGREE}) )?(?P<number>{ROUND}|(?:{NUMBER}) )"
    r"(?:(?P<noun>morts|mort|blessés|blessé|tués|tué)\b"
    r"|personnes?(?: (?:ont été |a été |sont |est |auraient été |seraient |sont toutes )?(?P<state>tuées|tuée|mortes|morte|blessées|blessée)\b"
    r"|(?<=s)(?=[\s,.;]|$)))",
    re.IGNORECASE,
)
_RECALLED = re.compile(r"\b(?:avait|avaient|avait déjà|avaient déjà|eut|eurent)\b[^.]*$", re.IGNORECASE)
_DEAD = {"morts", "mort", "tués", "tué", "tuées", "tuée", "mortes", "morte"}
# A headline that says a toll or a killing already: "tue 19 personnes", "fait 5 morts", "Trois personnes
# blessées", "Un policier tué" (another toll after it would be another event's).
_SAID = re.compile(rf"(?:\b(?:{NUMBER})\b(?: \w+)? |{ROUND})(?:morts?|blessés?|tués?|victimes?|personnes?)\b|\b(?:tue|tuent|tués?|tuées?|abattue?s?|blesse|blessent|mort de)\b",
                   re.IGNORECASE)


def toll(text: str) -> str | None:
    """The first toll of the dead ``text`` gives, else of the injured, as a desk writes it ("au moins
    12 morts", "huit blessés"); None when it gives none."""
    # not the toll of an earlier event the lede recalls ("les attentats, qui avaient fait 17 morts")
    # nor one in parentheses, an aside ("les attentats de janvier (17 morts)")
    found = [m for m in _TOLL.finditer(text) if not _RECALLED.search(text[max(0, m.start() - 40):m.start()])
             and not text[:m.start()].endswith("(")]
    # "personnes" alone counts only after "la mort de": "trois personnes" may be anyone
    found = [m for m in found if m["noun"] or m["state"] or m["death"]]
    dead = [m for m in found if m["death"] or (m["noun"] or m["state"]).lower() in _DEAD]
    for match in dead[:1] or found[:1]:
        number = " ".join(match["number"].split()).lower()
        singular = number.lower() in ("un", "une", "1")
        kind = "mort" if match in dead else "blessé"
        return f"{(match['degree'] or '').lower()}{'un' if singular else number} {kind}{'' if singular else 's'}"
    return None


def with_toll(headline: str, lede_sentences: list[str], limit: int) -> str:
    """``headline`` followed by the toll its lede's first sentences give (" : au moins 12 morts") when
    it says none and the two fit within ``limit`` characters."""
    if _SAID.search(headline):
        return headline
    found = toll(" ".join(lede_sentences))
    longer = f"{headline} : {found}" if found else headline
    return longer if len(longer) <= limit else headline
