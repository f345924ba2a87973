"""Person cues: the words that announce a person's name before a span ("l'entraîneur parisien,
Staffan Olsson") and what a full name looks like."""
from __future__ import annotations

import re

from .editorial import Editorial, norm_key
from .names import _PARTICLES, _is_title
from .words import _DETERMINERS, _TITLES, head_kind, looks_like_demonym


# words that announce a person's name right after them ("l'ex vice-président Riek
# Machar", "l'entraîneur parisien, Staffan Olsson", "sa compagne indonésienne, Endah C.")
_PERSON_NOUNS = _TITLES | {norm_key(w) for w in (
    "entraineur", "vice-président", "vice-présidente", "joueur", "joueuse", "coéquipier",
    "coéquipière", "coéquipiers", "coéquipières", "chanteur", "chanteuse", "acteur", "actrice",
    "compagne", "compagnon", "épouse", "mari", "veuve", "fils", "fille", "écrivain",
    "écrivaine", "journaliste", "athlète", "militant", "militante", "opposant", "opposante",
    "réalisateur", "réalisatrice", "championne", "champion", "romancier", "romancière")}


_POSSESSIVES = {"sa", "son", "ses", "leur", "leurs", "notre", "votre", "ce", "cette"}


_WORD_ONLY = re.compile(r"[\w\-’']+")


def _person_cue_before(text: str, start: int) -> bool:
    """Is the span at ``start`` introduced by a person noun or a demonym ("la Chinoise",
    "l'américaine"), possibly followed by an adjective ("l'entraîneur parisien,")?"""
    raw = text[max(0, start - 60):start].rstrip().rstrip(",").split()[-2:]
    if not raw or not _WORD_ONLY.fullmatch(raw[-1]):
        return False
    if len(raw) == 2 and not _WORD_ONLY.fullmatch(raw[0]):
        raw = raw[1:]
    elided = re.match(r"^[lsd]['’]", raw[-1], re.I) is not None
    words = [re.sub(r"^[lsd]['’]", "", w, flags=re.I) for w in raw]
    last, prev = words[-1], (words[0] if len(words) == 2 else "")

    def cue(w: str) -> bool:
        return _is_title(w) or norm_key(w) in _PERSON_NOUNS or looks_like_demonym(w[:1].upper() + w[1:])

    if norm_key(last) in _DETERMINERS or norm_key(last) in _PARTICLES:
        return False  # "porte-parole de Projet Montréal", "maire de Les Pieux"
    if cue(last):
        if last.islower() and not elided and not (_is_title(last) or norm_key(last) in _PERSON_NOUNS):
            # a lowercase demonym is an adjective: "la française X" but not "le
            # quotidien britannique The Independent", "le laboratoire français X"
            k = norm_key(prev)
            return k in _DETERMINERS or k in _POSSESSIVES or _is_title(prev) or k in _PERSON_NOUNS
        return True
    return bool(prev) and last.islower() and cue(prev)


def _looks_like_full_name(toks: list[str], editorial: Editorial) -> bool:
    """2-3 capitalised words, none an acronym, an organisation or place head, a club
    marker or a known name: "Staffan Olsson", not "Deutsche Bank" (known) or "FC Nantes"."""
    if not 2 <= len(toks) <= 3:
        return False
    if not all(re.fullmatch(r"[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ\-’']+", t) for t in toks):
        return False
    if norm_key(toks[0]) in ("the", "le", "la", "les", "el", "al", "der", "die", "das"):
        return False  # "The Independent", "Le Parisien": a title, not a first name
    name = " ".join(toks)
    return head_kind(name) is None and editorial.lookup(name) is None \
        and not any(editorial.lookup(t) is not None for t in toks)
