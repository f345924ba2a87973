"""Where/when openers and clefts taken off a lede's first sentence before it is parsed (pure functions):
"Jeudi 19 janvier, à 20h30, …", "Après plus de 188 kilomètres …, les coureurs …", "C'est X qui …"."""

from __future__ import annotations

import re

DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"

# Openers of any length that the parser would mistake for the subject ("Après plus de 188 kilomètres
# entre Saint-Lô et Cherbourg, les coureurs…"): taken off before the sentence is parsed for a rewrite.
# A number opens one when it dates ("100 ans après leur prédiction…,", "Le 9 février 2016,", "Deux semaines
# après…,"), not when it counts the subject ("Deux hommes, armés…, ont attaqué").
_NUMBER_WORDS = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs"
_OPENER = re.compile(
    rf"^(?:(?:{DAYS}|ce|cette|dans|hier|en|depuis|lors|à|au|aux|après|avant|pour|selon|vers|suite|sur|malgré|peu|comme|"
    r"d'après|d’après|alors|non|face|faute|parmi|outre|grâce|contrairement|\d+"
    rf"|le \d{{1,2}}(?:er)? (?:{MONTHS})|(?:\d+|{_NUMBER_WORDS}) (?:jours?|semaines?|mois|ans|années?|heures?) (?:après|avant|plus tard))"
    r"\b[^«»\"]{0,120}?,\s(?:heure (?:locale|de Paris|française),\s)?)+",
    re.IGNORECASE,
)


# "C'est une élection inhabituelle qui s'apprête…": the cleft undone, the news said plainly.
_CLEFT = re.compile(
    r"^(?:C'est|C’est|Ce sont)\s+(?!(?:à|au|aux|en|dans|pour|lors|après|avant|grâce|par|avec|sur|le \d|ainsi|pourquoi|dire)\b)"
    r"([^;:«»]{3,120}?)\s+qui\s+(?=\S)(.+)$",
    re.IGNORECASE,
)
# "C'est lors d'une soirée organisée le 8 février que le projet a été lancé": when or where goes, the clause stays.
_ADVERBIAL_CLEFT = re.compile(
    r"^(?:C'est|C’est)\s+(?:à|au|aux|en|dans|lors|après|avant|grâce|par|sur|sous|avec|depuis|pendant)\b[^«»]{3,200}?"
    r"\s(?:que\s|qu'|qu’)(?=\S)(.+)$",
    re.IGNORECASE,
)
# "C'est à une mort qu'[a eu droit X]": the verb before its subject, "à une mort" its complement, no adverbial
_INVERTED = re.compile(r"(?:a|ont|est|sont|avait|avaient|sera|seront|fut|furent)\s", re.IGNORECASE)


def without_opener(sentence: str) -> str:
    """``sentence`` without the where/when/why phrases it opens on and a relative clause after them ("À la
    veille de la fête, qui commémore…,"), when enough is left to say the news, and without a cleft ("C'est X qui…")."""
    if cleft := _CLEFT.match(sentence):
        sentence = f"{cleft[1][0].upper()}{cleft[1][1:]} {cleft[2]}"
    elif (cleft := _ADVERBIAL_CLEFT.match(sentence)) and len(cleft[1]) >= 20 and not _INVERTED.match(cleft[1]):
        sentence = cleft[1][0].upper() + cleft[1][1:]
    rest = re.sub(r"^(?:qui|dont|où)\s[^,«»]{3,150},\s", "", _OPENER.sub("", sentence, count=1))
    # The opener must end before the subject: what is left starts like a noun phrase, a name or a number.
    if rest == sentence or len(rest) < 30 or not re.match(r"(?:le|la|les|l'|l’|un|une|des|du|[A-ZÀ-ÖØ-Þ]|\d)", rest):
        return sentence
    return rest[0].upper() + rest[1:]


# A footnote's number after a plural noun, before a word it does not count ("des cent jours 1 illustre"): not text.
_REFERENCE_MARK = re.compile(r"\b(?!(?:les|des|ces|mes|tes|ses|nos|vos|leurs|aux|dans|sous|vers|chez|plus|moins|seuls|seules|tous|toutes|"
                             r"après|depuis)\b)([a-zà-ÿ]{2,}[sx]) \d{1,2}(?= (?!(?:janvier|février|mars|avril|mai|juin|juillet|août|"
                             r"septembre|octobre|novembre|décembre|à|au|aux|et|ou|sur|contre|de|du|des|d|pour|par|h|e|er|ème|"
                             r"min|km|kg|m|an|mois|jour|fois|point|partout|but|set|euro|dollar|million|milliard|mille)\b)(?![a-zà-ÿ]*[sx]\b)[a-zà-ÿ]+\b)")


def without_reference_marks(sentence: str) -> str:
    """``sentence`` without the footnote numbers set after its words."""
    return _REFERENCE_MARK.sub(r"\1", sentence)
