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
# after its object, it agrees no more ("ont annoncé une hausse"), its feminine or plural ending taken off.
_AGREED = re.compile(r"(?<=[éeu])s$|(?<=[éiuts])e$")
_AVOIR = frozenset("a ont avait avaient aura auront".split())


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
    if auxiliary.lower() in _AVOIR:
        participle = _AGREED.sub("", _AGREED.sub("", participle))
    verb = " ".join([auxiliary, participle, *locution])
    plain = " ".join(part for part in (subject, verb, cleft["focus"], rest) if part)
    return plain[0].upper() + plain[1:] + "."


def _inverted(words: list[str]) -> tuple[str, str, str] | None:
    """(subject, verb, rest) of a clause written verb first: "a découvert le guide Grover Marquina le 19 juin";
    the verb is the auxiliary, its participle and a noun of its locution ("a eu droit"), the subject the noun phrase
    after it up to a comma or what says where or when, an incise after it kept with it ("Colin Scott, 23 ans,")."""
    start = 2
    while start < min(len(words), 4) and words[start].islower() and words[start].lower() not in _DETERMINERS | _AFTER_SUBJECT:
        start += 1
    if start >= len(words) or not (words[start].lower() in _DETERMINERS or words[start][:1].isupper()):
        return None
    end = start + 1
    while end < len(words) and not words[end - 1].endswith(",") and words[end].lower() not in _AFTER_SUBJECT \
            and not _DATE.match(" ".join(words[end:end + 2])):
        end += 1
    subject, rest = words[start:end], words[end:]
    if subject[-1].endswith(",") and (closing := next((n for n, w in enumerate(rest) if w.endswith(",")), None)) is not None:
        subject, rest = subject + rest[:closing + 1], rest[closing + 1:]  # the incise set off after the subject goes with it
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


def _turn(sentence: str) -> str:
    """"c'est au tour de X de faire…" -> "X fait…", the infinitive in the present agreeing with X."""
    if not (turn := _TURN.search(sentence)):
        return ""
    who = turn["who"].strip().rstrip(",") + ("," if "," in turn["who"] else "")  # an incise closed
    article = _OF_AS_ARTICLE.get(turn["of"].strip().lower())
    if not who[:1].isalpha():
        return ""  # no noun phrase whose turn it is
    who = f"{article} {who}" if article else who
    plural = who.split()[0].lower() in ("les", "des", "ces") or " et " in who
    verb = {"être": ("est", "sont"), "avoir": ("a", "ont")}.get(turn["act"], (None, None))[plural] \
        or present_third(turn["act"], plural)
    if verb is None:
        return ""
    plain = f"{who} {verb}{turn['rest']}".strip()
    return plain[0].upper() + plain[1:] + "."
