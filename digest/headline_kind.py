"""Adjectives that name a kind of their noun (pure functions): "la médaille olympique", "l'élection
présidentielle", "le programme nucléaire", "l'aide humanitaire". Without them the noun names another thing
("la première médaille de son histoire", "l'élection française"), so a headline keeps them; an adjective that
only describes ("les alliés occidentaux", "une victoire historique") may go.

French relational adjectives, made from a noun, mostly end in -ique, -iel(le) or -aire; the evaluative ones with
those endings are listed apart. Chosen from French grammar, not from any corpus's titles.
"""

from __future__ import annotations

import re

from digest.headline_parse import Token

# What dropping one costs a candidate (a describing adjective costs 1.5, a place 6, an entity 4): chosen on dev
# among 3, 4.5, 6.
KIND_COST = 4.5
_RELATIONAL_ENDING = re.compile(r"(?:[iï]que|iel|aire)s?$")  # "ïque": "laïque", "héroïque"
# Same endings, but they judge or describe rather than say what kind: these may go.
_EVALUATIVE = frozenset(
    "historique magnifique fantastique spectaculaire extraordinaire tragique dramatique unique pacifique critique "
    "sympathique énergique héroïque symbolique pratique classique typique logique chaotique catastrophique "
    "emblématique mythique authentique nécessaire précaire temporaire ordinaire exemplaire "
    "populaire impopulaire similaire contraire sommaire essentiel potentiel officiel partiel "
    "supplémentaire complémentaire majoritaire minoritaire secondaire prioritaire archaïque".split()
)


def names_a_kind(token: Token) -> bool:
    """Whether the adjective ``token`` names a kind of its noun ("olympique", "présidentielle", "nucléaire")."""
    lemma = token.lemma.lower()
    return token.pos == "ADJ" and bool(_RELATIONAL_ENDING.search(lemma)) and lemma not in _EVALUATIVE
