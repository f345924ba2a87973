"""Clefts said plainly, as a desk writes them (pure functions), for a first sentence whose parse gave no headline.

``headline_openers.without_opener`` undoes the subject's cleft ("C'est X qui a remporté…" -> "X a remporté…") and
the one that fronts a circumstance. Two more are undone here, the sentence then parsed again like the other
simpler sentences of ``headline_retry``:

* the complement's: "C'est une empreinte de dinosaure qu'a découvert le guide Grover Marquina à 50 kilomètres de
  Sucre" -> "Le guide Grover Marquina a découvert une empreinte de dinosaure à 50 kilomètres de Sucre", the subject
  written after its verb or before it ("C'est Paris que le CIO a choisi…");
* a turn: "…, c'est au tour de la ville d'Anvers d'être visée par…" -> "La ville d'Anvers est visée par…".
"""

from __future__ import annotations

import re

from digest.conjugate import present_third
from digest.headline_strict import PLURAL_DETERMINERS

_CLEFT = re.compile(r"^(?:C['’]est|Ce sont)\s+(?P<focus>[^;:«»]{3,120}?)\s+(?:que\s+|qu['’])(?P<clause>[^«»;:]+?)[.!]?$",
                    re.IGNORECASE)
# The auxiliaries a cleft's clause opens on, its verb written before its subject ("qu'a découvert le guide").
_AUXILIARIES = frozenset("a ont avait avaient aura auront est sont était étaient sera seront".split())
_DETERMINERS = frozenset("le la les l' l’ un une des du ce cet cette ces son sa ses leur leurs".split())
# Where an inverted subject ends: what says where, when or how after it ("le guide … [le 19 juin] [à 50 km]").
_AFTER_SUBJECT = frozenset(
    "à au aux en dans lors pour sur sous près après avant depuis pendant par avec entre vers hier ce cette cet "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split())
_DATE = re.compile(r"(?:(?:le|la)\s+|l['’])?\d")
# A participle the cleft's complement made agree, before it, with "avoir" ("qu'ont annoncée les syndicats"): written
# after its object, it agrees no more ("ont annoncé une hausse"), its feminine or plural ending taken off; only
# where that is certain: "-s" alone after "i" or "u" may be the masculine's own ("pris", "inclus"), and "due",
# "mue", "crue" lose their "e" for a circumflex ("dû").
_AGREED = re.compile(r"(?:(?<=é)e?s|(?<=[éiuts])es?|(?<=t)s)$")
_AMBIGUOUS_AGREED = re.compile(r"(?:[iu]s|^(?:du|mu|cru)es?)$", re.IGNORECASE)
_AVOIR = frozenset("a ont avait avaient aura auront".split())
# What opens a focus that says where, when or how ("C'est au Japon qu'a été construit…"): its clause's subject
# cannot be told from a complement after the participle, save the noun of a locution that takes it ("a eu droit à").
_PREPOSITIONS = frozenset(
    "à au aux en dans chez sur sous par pour avec sans depuis pendant lors près après avant vers entre contre parmi "
    "grâce".split())
# What may stand between a participle and its inverted subject: the noun of a locution ("a eu droit"), never a
# preposition, whose group would be taken for the subject ("qu'a sauvée de la noyade un maître-nageur").
_NOT_LOCUTION = _PREPOSITIONS | {"de", "du", "des"}


def plain_cleft(sentence: str) -> str:
    """``sentence`` with its complement's cleft or its turn said plainly ("" when it has neither)."""
    return _complement_cleft(sentence.strip()) or _turn(sentence.strip())


def _complement_cleft(sentence: str) -> str:
    if not (cleft := _CLEFT.match(sentence)) or cleft["focus"].lower().startswith(("pourquoi", "dire", "ainsi")):
        return ""
    words = cleft["clause"].split()
    if not words:
        return ""
    if words[0].lower() in _AUXILIARIES:
        found = _inverted(words)
    else:
        found = _in_order(words)
    if found is None:
        return ""
    subject, verb, rest = found
    auxiliary, participle, *locution = verb.split()
    locution_noun = locution and participle.lower() != "été"  # "a été construit": a passive, no locution
    if (cleft["focus"].split() or [""])[0].lower() in _PREPOSITIONS and not locution_noun:
        return ""  # a focus saying where or how: which group after the verb is its subject is not sure
    if auxiliary.lower() in _AVOIR:
        if _AMBIGUOUS_AGREED.search(participle):
            return ""
        participle = _AGREED.sub("", participle)
    verb = " ".join([auxiliary, participle, *locution])
    plain = " ".join(part for part in (subject, verb, cleft["focus"], rest) if part)
    return plain[0].upper() + plain[1:] + "."


def _inverted(words: list[str]) -> tuple[str, str, str] | None:
    """(subject, verb, rest) of a clause written verb first: "a découvert le guide Grover Marquina le 19 juin";
    the verb is the auxiliary, its participle and a noun of its locution ("a eu droit"), the subject the noun phrase
    after it up to a comma or what says where or when, an incise after it kept with it ("Colin Scott, 23 ans,")."""
    start = 2
    while start < min(len(words), 4) and words[start].isalpha() and words[start].islower() \
            and words[start].lower() not in _DETERMINERS | _AFTER_SUBJECT | _NOT_LOCUTION:
        start += 1
    opening = words[start].lower() if start < len(words) else ""
    if not opening or opening in ("des", "du") or not (opening in _DETERMINERS or words[start][:1].isupper()):
        return None  # "des", "du" may be "de" and an article: "qu'a sauvés des flammes le pompier"
    end = start + 1
    while end < len(words) and not words[end - 1].endswith(",") and words[end].lower() not in _AFTER_SUBJECT \
            and not _DATE.match(" ".join(words[end:end + 2])):
        end += 1
    subject, rest = words[start:end], words[end:]
    if any(w.lower() in _DETERMINERS and not (words[n - 1].endswith(",") or words[n - 1].lower() in ("de", "et", "ou"))
           for n, w in enumerate(subject[1:], start + 1)):
        return None  # two groups with no link, one a complement: "la noyade un maître-nageur"
    if subject[-1].lower() in ("de", "du", "des", "et", "ou"):
        return None  # a group cut in its middle ("le premier prototype de [ce train]")
    if subject[-1].endswith(",") and (closing := next((n for n, w in enumerate(rest) if w.endswith(",")), None)) is not None:
        subject, rest = subject + rest[:closing + 1], rest[closing + 1:]  # the incise set off after the subject goes with it
    if subject[-1].endswith(",") and rest and not (rest[0].lower() in _AFTER_SUBJECT or _DATE.match(" ".join(rest[:2]))):
        return None  # after the comma, the subject's own complement, not what the sentence says of when or where
    said = " ".join(subject)
    if said.count(",") == 1:
        said = said.rstrip(",")  # a comma ended the subject, no incise
    return said, " ".join(words[:start]), " ".join(rest).strip(", ")


def _in_order(words: list[str]) -> tuple[str, str, str] | None:
    """(subject, verb, rest) of a clause written subject first: "le CIO a choisi pour accueillir les Jeux"."""
    if not (words[0].lower() in _DETERMINERS or words[0][:1].isupper()):
        return None
    auxiliary = next((n for n, w in enumerate(words[:8]) if n and w.lower() in _AUXILIARIES), None)
    if auxiliary is None or auxiliary + 1 >= len(words) or any(w.endswith(",") for w in words[:auxiliary]):
        return None
    return " ".join(words[:auxiliary]), " ".join(words[auxiliary:auxiliary + 2]), " ".join(words[auxiliary + 2:])


_TURN = re.compile(
    r"(?:^|,\s+)(?:c['’]est|ce sera)\s+au\s+tour\s+(?P<of>de\s+|d['’]|du\s+|des\s+)(?P<who>[^«»;:]{2,120}?),?\s+"
    r"(?:de\s+|d['’])(?P<act>(?-i:[a-zà-ÿ]+(?:er|ir|re)))\b(?P<rest>[^«»;:]*?)[.!]?$",
    re.IGNORECASE,
)
_OF_AS_ARTICLE = {"du": "le", "des": "les"}
# What opens a plural subject ("ses coéquipiers", "deux autres ministres", "plusieurs sous-traitants").
_PLURAL_OPENING = PLURAL_DETERMINERS | frozenset(
    "certains certaines nombreux nombreuses deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt "
    "trente quarante cinquante cent mille".split())
# A second "de" in a turn of two ("du Premier ministre et de son gouvernement") the rule cannot undo with certainty:
# the second group may be a complement of the first ("de la ville d'Anvers et de sa banlieue").
_SECOND_OF = re.compile(r"\s(?:et|ou)\s+(?:de\s|d['’]|du\s|des\s)", re.IGNORECASE)


def _turn(sentence: str) -> str:
    """"c'est au tour de X de faire…" -> "X fait…", the infinitive in the present agreeing with X."""
    if not (turn := _TURN.search(sentence)) or _SECOND_OF.search(turn["who"]):
        return ""
    who = turn["who"].strip().rstrip(",") + ("," if "," in turn["who"] else "")  # an incise closed
    article = _OF_AS_ARTICLE.get(turn["of"].strip().lower())
    if not who[:1].isalpha():
        return ""  # no noun phrase whose turn it is
    who = f"{article} {who}" if article else who
    opening = who.split()[0].lower()
    plural = opening in _PLURAL_OPENING or " et " in who
    verb = {"être": ("est", "sont"), "avoir": ("a", "ont")}.get(turn["act"], (None, None))[plural] \
        or present_third(turn["act"], plural)
    if verb is None:
        return ""
    plain = f"{who} {verb}{turn['rest']}".strip()
    return plain[0].upper() + plain[1:] + "."
