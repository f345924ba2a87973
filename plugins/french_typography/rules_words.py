"""Typography rules on words, pure ``str -> str`` functions on a run of text (see
``typeset.RULES`` for their order): inverted subjects, civilities, accented capitals."""

from __future__ import annotations

import re

from .chars import L, LOW, NBSP, SP, TAG, UP, gap_start

# A verb and its inverted subject pronoun: "a-t-il", "va-t-elle", "dit-il", "peut-on".
_INVERSION = re.compile(f"(?<![{L}\\-‑])([{L}]+)-(t-)?(il|elle|on|ils|elles)(?![{L}\\-‑])")


def inversions(s: str) -> str:
    """``a-t-il`` never breaks at a line end: its hyphens become U+2011 (non-breaking hyphen)."""
    if "-il" not in s and "-elle" not in s and "-on" not in s:
        return s
    return _INVERSION.sub(lambda m: m.group(1) + "‑" + ("t‑" if m.group(2) else "") + m.group(3), s)


_CIVILITY = re.compile(
    f"([MDP])(?<![\\w.][MDP])(M?\\.|mes?|lles?|e|gr|r\\.?)[ \t]+(?=[{TAG}]?[{UP}])"
)
_CIVILITY_OK = frozenset("M. MM. Mme Mmes Mlle Mlles Me Mgr Dr Dr. Pr Pr.".split())


def _civility_repl(m: re.Match) -> str:
    title = m.group(1) + m.group(2)
    return title + NBSP if title in _CIVILITY_OK else m.group(0)


def civilities(s: str) -> str:
    """``M. Rutte``: the title never ends a line (capitalised name only)."""
    return _CIVILITY.sub(_civility_repl, s)


_ACCENTED = {
    "Etat": "État", "Etats": "États", "Ecole": "École", "Ecoles": "Écoles",
    "Egypte": "Égypte", "Egyptien": "Égyptien", "Egyptiens": "Égyptiens",
    "Egyptienne": "Égyptienne", "Eglise": "Église", "Eglises": "Églises",
    "Elysée": "Élysée", "Elysées": "Élysées", "Election": "Élection", "Elections": "Élections",
    "Equateur": "Équateur", "Ethiopie": "Éthiopie", "Erythrée": "Érythrée",
    "Emirats": "Émirats", "Edimbourg": "Édimbourg", "Ecosse": "Écosse",
    "Economie": "Économie", "Education": "Éducation", "Energie": "Énergie",
    "Equipe": "Équipe", "Etudiants": "Étudiants", "Etude": "Étude",
    "Ete": "Été", "Etre": "Être", "Evidemment": "Évidemment",
    "Egalement": "Également", "Egalité": "Égalité", "Evénement": "Événement",
    "Evenement": "Événement", "Episode": "Épisode", "Epoque": "Époque",
    "Etienne": "Étienne", "Eric": "Éric", "Edouard": "Édouard", "Emile": "Émile",
    "Elodie": "Élodie", "Evry": "Évry", "Epinal": "Épinal", "Etampes": "Étampes",
    "Evian": "Évian", "Elisée": "Élisée", "Ecologie": "Écologie",
}
_ACCENT_WORDS = re.compile(
    "E(?<![\\w]E)(" + "|".join(sorted((w[1:] for w in _ACCENTED), key=len, reverse=True))
    + ")(?![\\w’])"
)
# À / Ça: sentence start + a lower-case word that is not a letter-name context.
_A_START = re.compile(f"([AC])(?<![\\w’'-][AC])(a?)(?=[ \t]+[{TAG}]?([{LOW}]+))")
_SENTENCE_END = frozenset(".!?…:«—–(]\n")
_A_NOT = frozenset(
    "et ou est était sera serait sont a plus moins vaut égale priori posteriori "
    "fortiori contrario minima maxima cappella capella".split()
)


def accented_capitals(s: str) -> str:
    """``Etats-Unis`` → ``États-Unis``, ``A ses côtés`` → ``À ses côtés``."""
    if "E" in s:
        s = _ACCENT_WORDS.sub(lambda m: _ACCENTED["E" + m.group(1)], s)
    if "A " in s or "Ca " in s or "A\t" in s:
        s = _A_START.sub(_a_repl, s)
    return s


def _a_repl(m: re.Match) -> str:
    word = m.group(1) + m.group(2)
    if word not in ("A", "Ca") or m.group(3) in _A_NOT:
        return word
    s = m.string
    i = m.start()
    g = gap_start(s, i)
    if g > 0:
        if g == i and s[g - 1] != "\n":
            return word  # glued to what precedes: not a sentence start
        if s[g - 1] not in _SENTENCE_END and "\n" not in s[g:i]:
            return word
    return "À" if word == "A" else "Ça"


# words opening a name whose h is mute: "d'Haïti", "d'Hervé Morin" (most h of names are aspirated:
# "de Hongrie", "de Hollande")
_MUTE_H = ("Haïti", "Hélène", "Henri", "Hervé", "Hugo", "Hubert", "Hugues", "Hôtel", "Hôpital", "Hérault")
_CONTRACTED = {"Le": "du", "Les": "des"}


def of_name(name: str) -> str:
    """``name`` after "de" as French writes it: elided before a vowel or a mute h ("d'Assemblée
    nationale", "d'Haïti"), contracted with the name's own article ("du Monde", "des Républicains"),
    else "de Paris", "de La Haye". Plain text (the apostrophe is typeset later)."""
    first, _, rest = name.partition(" ")
    if first in _CONTRACTED and rest:
        return f"{_CONTRACTED[first]} {rest}"
    if name[:1].lower() in "aeiouàâäéèêëîïôöùûü" or first.rstrip(",") in _MUTE_H:
        return f"d'{name}"
    return f"de {name}"
