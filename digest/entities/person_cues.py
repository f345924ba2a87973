"""Person cues: the words that announce a person's name before a span ("l'entraîneur parisien,
Staffan Olsson"), what a full name looks like, and the person behind a title, a demonym or a prize
in a span the model read as one name ("Premier ministre David Cameron")."""
from __future__ import annotations

import re

from .editorial import Editorial, norm_key
from .names import _PARTICLES, _is_title
from .words import _DEMONYM_WORDS, _DETERMINERS, _INSTITUTIONS, _PUNCT_STRIP, _TITLES, _UPPER, head_kind, looks_like_demonym


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



# words before a person's name that the model read as part of a "MISC" name
# ("Prix Peter Mackler", "prix Nobel Carlo Rubbia")
_PRIZE_WORDS = {"prix", "nobel"}


_HYPHENATED_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][^\W\d_]+(?:-[A-ZÀ-ÖØ-ÞŒ][^\W\d_]+)+")



def _person_behind_prefix(raw: str, editorial: Editorial) -> str | None:
    """"Premier ministre David Cameron" -> "David Cameron": the capitalised words left
    after titles, demonyms, prize words and known names; None if nothing was stripped
    or what is left does not look like a name."""
    toks = raw.strip(_PUNCT_STRIP).split()
    if toks and re.match(r"^[lL]['’]", toks[0]):
        toks[0] = toks[0][2:]
    i, single_ok = 0, False
    while i < len(toks):
        k = norm_key(toks[i])
        if looks_like_demonym(toks[i]) or k in _DEMONYM_WORDS:
            single_ok = True  # "la Japonaise Miyake"
        elif k in _PRIZE_WORDS:
            # "prix Jean-Perrin": a prize named after a person, hyphenated
            single_ok = single_ok or _HYPHENATED_NAME.fullmatch(toks[-1]) is not None
        elif not (_is_title(toks[i]) or k in _INSTITUTIONS or editorial.lookup(toks[i]) is not None):
            break
        i += 1
    rest = toks[i:]
    if not i or not rest or len(rest) > 4 or (len(rest) == 1 and not single_ok):
        return None
    if not all(_UPPER.match(t) or norm_key(t) in _PARTICLES for t in rest) \
            or not _UPPER.match(rest[0]) or not _UPPER.match(rest[-1]) or len(rest[0]) < 2:
        return None
    if any(re.search(r"\d", t) for t in rest):
        return None
    return " ".join(rest)
