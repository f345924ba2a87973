"""Name cleaning: a model span's surface text -> the name a page shows (``clean_name``: punctuation,
determiners, titles and functions stripped; particles and initials kept)."""
from __future__ import annotations

import re

from .editorial import norm_key
from .words import _DEMONYM_WORDS, _DETERMINERS, _INSTITUTIONS, _PUNCT_STRIP, _TITLES, _UPPER, looks_like_demonym


_NAME_PARTICLES = {"de", "van", "von", "der", "den", "di", "da", "del", "dos", "ter", "ten"}


_PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "da",
              "di", "dos", "das", "del", "della", "y", "al", "el", "ben", "bin", "ibn", "ter",
              "ou", "zu", "af", "st", "bint", "abu", "abou"}


def _strip_punct(s: str, start: int) -> tuple[str, int]:
    """Strip surrounding punctuation, keeping a final "." of an initial/abbreviation."""
    left = len(s) - len(s.lstrip(_PUNCT_STRIP))
    s2 = s[left:]
    r = s2.rstrip(_PUNCT_STRIP)
    # keep closing parenthesis/quote balance simple: names rarely end with them
    return r, start + left


def _is_title(tok: str) -> bool:
    k = norm_key(tok)
    return k in _TITLES or k.rstrip(".") in _TITLES


_TRAIL_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                "hier", "aujourd'hui", "demain", "matin", "soir"}


def clean_name(surface: str, label: str) -> tuple[str, str]:
    """Return (surface, name): ``surface`` without punctuation/determiners (titles kept,
    e.g. "M. Rutte"), ``name`` without titles/functions either ("Rutte")."""
    s = _without_leading_determiners(" ".join(surface.split()).strip(_PUNCT_STRIP), label).strip(_PUNCT_STRIP)
    surface_out = s
    toks = s.split(" ")
    if label == "PER":
        toks = _person_tokens(toks)
    else:
        toks = _trailing_words_off(_functions_off(toks))
    name = " ".join(toks).strip(_PUNCT_STRIP)
    # possessive/elided tails
    name = re.sub(r"['’]s$", "", name)
    if label == "PER":
        raw = " ".join(surface.split())
        name = _keep_initial_dot(name, raw)
        surface_out = _keep_initial_dot(surface_out, raw)
    return surface_out, name


def _without_leading_determiners(s: str, label: str) -> str:
    """Leading lowercase determiners and elisions off ("l'Otan", "la France", "jusqu'à")."""
    changed = True
    while changed and s:
        changed = False
        m = re.match(r"^(l['’]|d['’]|qu['’]|jusqu['’])(?=\w)", s)
        if m:
            s = s[m.end():]
            changed = True
            continue
        first, _, rest = s.partition(" ")
        if rest and first in _DETERMINERS and not _is_particle_name(first, rest, label):
            s = rest
            changed = True
    return s


def _person_tokens(toks: list[str]) -> list[str]:
    """A person's name tokens without titles, functions and the lowercase words that follow them
    ("président ukrainien Volodymyr Zelensky", "ministre des Affaires étrangères X"), a demonym
    before the name, or lowercase words after it ("Rutte vendredi")."""
    i = 0
    while i < len(toks) and (_is_title(toks[i]) or not _UPPER.match(toks[i][:1] or "x")
                             or re.match(r"^[dl]['’]$", toks[i], re.I)):
        i += 1
    # a function followed by a capitalised institution ("ministre de l'Intérieur X"):
    # keep the last run of capitalised tokens when a title was seen
    # "président de la République Emmanuel Macron", "ministre de l'Intérieur X"
    if 0 < i < len(toks) - 1 and any(_is_title(t) for t in toks[:i]) \
            and norm_key(toks[i]) in _INSTITUTIONS:
        i += 1
        while i < len(toks) - 1 and not _UPPER.match(toks[i][:1]):
            i += 1
    if 0 < i < len(toks):
        j = i
        while j > 0 and toks[j - 1] in _NAME_PARTICLES:
            j -= 1
            if not (j > 0 and toks[j - 1] in _NAME_PARTICLES):
                break
        # keep "de"/"von der" directly before the name only after a title or at the start
        if j < i and (j == 0 or _is_title(toks[j - 1])):
            i = j
        toks = toks[i:]
    elif i == len(toks):
        toks = []
    # "l'Espagnole Caroline Routier", "le Suisse Rudy Wild"
    while len(toks) > 2 and (looks_like_demonym(toks[0]) or norm_key(toks[0]) in _DEMONYM_WORDS):
        toks = toks[1:]
    # remove trailing lowercase words ("Rutte vendredi")
    while toks and not _UPPER.search(toks[-1]) and norm_key(toks[-1]) not in _PARTICLES:
        toks.pop()
    while toks and norm_key(toks[-1]) in _PARTICLES:
        toks.pop()
    return toks


def _functions_off(toks: list[str]) -> list[str]:
    """"ministre de l'Intérieur" -> "Intérieur" (function + determiner, repeatedly)."""
    changed = True
    while changed and toks:
        changed = False
        if len(toks) > 1 and _is_title(toks[0]) and toks[0][:1].islower():
            toks = toks[1:]
            changed = True
        elif len(toks) > 1 and toks[0] in _DETERMINERS:
            toks = toks[1:]
            changed = True
        elif re.match(r"^[ld]['’]\w", toks[0]):
            toks[0] = toks[0][2:]
            changed = True
    return toks


def _trailing_words_off(toks: list[str]) -> list[str]:
    """A trailing weekday, year or dangling word off: "Associated Press vendredi", "Agence du
    service civique de 2013"."""
    while len(toks) > 1 and (norm_key(toks[-1]) in _TRAIL_WORDS or (
            re.fullmatch(r"\d{4}", toks[-1]) and norm_key(toks[-2]) in ("de", "en"))):
        toks = toks[:-2] if re.fullmatch(r"\d{4}", toks[-1]) else toks[:-1]
    while len(toks) > 1 and norm_key(toks[-1]) in ("des", "et", "«", "»"):
        toks = toks[:-1]
    return toks


def _is_particle_name(first: str, rest: str, label: str) -> bool:
    """"de Gaulle", "de Villepin": a person's surname with its particle (one capitalised
    word after "de") keeps it; "de François Fillon" is a preposition."""
    return label == "PER" and first == "de" and bool(re.fullmatch(r"[A-ZÀ-ÖØ-ÞŒ][\w\-’']+", rest))


def _keep_initial_dot(name: str, raw: str) -> str:
    """"Nolan L." keeps the dot of its final initial (stripped with the punctuation)."""
    if re.search(r"\s[A-ZÀ-ÖØ-ÞŒ]$", name) and (name + ".") in raw:
        return name + "."
    return name


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", norm_key(name)) if t]
