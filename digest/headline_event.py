"""What a lede's news is, read on its parse (pure functions): a first sentence that only sets the
scene ("Les coureurs sont arrivés au bout de l'étape") while the next one says what happened, and a
winner said by a copula ("Le vainqueur de l'étape est X"), which a desk says "X remporte l'étape".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.headline_candidates import Candidate, finish, render
from digest.headline_news import NEWS_LEMMAS, REFLEXIVE_SCENE_LEMMAS, SCENE_LEMMAS
from digest.headline_parse import Token
from digest.headline_sentence import Sentence
from digest.headline_strict import text_fault
from digest.headline_subject import main_verb


def says_news(tokens: Sequence[Token]) -> bool:
    """Whether a parsed sentence has a word that says what happened: a death, a winner, a verdict."""
    return any(token.lemma.lower() in NEWS_LEMMAS for token in tokens)


# A copula that says where the news is, not what it is: "X est au cœur de l'attention", "La commune est le théâtre de
# faits…", "X fait parler de lui".
_SAYS_NOTHING = re.compile(
    r"\b(?:est|sont|était|étaient|devient|deviennent|reste|restent)(?: (?:à nouveau|de nouveau|encore|une nouvelle fois))?"
    r" (?:au cœur d|le théâtre d|la scène d)|\bfai(?:t|sait|saient|ont) (?:encore |à nouveau |beaucoup )?parler d(?:e lui|'elle|’elle|'eux|’eux)\b",
    re.IGNORECASE)


def says_nothing(tokens: Sequence[Token]) -> bool:
    """Whether a sentence is a copula that says nothing of the news (``_SAYS_NOTHING``): the next one tells it."""
    return bool(_SAYS_NOTHING.search(" ".join(token.text for token in tokens).replace("' ", "'").replace("’ ", "’")))


def sets_the_scene(tokens: Sequence[Token]) -> bool:
    """Whether a sentence's main verb only sets the scene ("Les coureurs sont arrivés au bout de
    l'étape", "La finale s'est tenue à Kiev", not "arrive en tête") and no word of it says what
    happened: the news is told after it."""
    if not tokens or says_news(tokens):
        return False
    if says_nothing(tokens):
        return True
    sentence = Sentence(tokens)
    if (verb := main_verb(sentence)) is None:
        return not any(token.pos == "NUM" for token in tokens)  # "Petite déception pour l'équipe de France": a mood, not a fact
    lemma, children = sentence.tokens[verb].lemma.lower(), [sentence.tokens[c] for c in sentence.children[verb]]
    reflexive = sentence.is_reflexive(verb)
    placed = any(child.lemma.lower() == "tête" for child in children)  # "arrive en tête": a result
    return (lemma in SCENE_LEMMAS or reflexive and lemma in REFLEXIVE_SCENE_LEMMAS) and not placed


# Who won, said by a copula: "Le vainqueur de l'étape est Steve Cummings".
_WINNERS = {"vainqueur", "gagnant", "gagnante", "lauréat", "lauréate"}
_WON_ARTICLE = {"du": "le", "des": "les", "de": "", "d'": "", "d’": ""}


def winner(sentence: Sentence, budget: int) -> Candidate | None:
    """"Le vainqueur de l'étape est Steve Cummings" (or "Steve Cummings est le vainqueur de l'étape"):
    said the way a desk says who won what, "Steve Cummings remporte l'étape"; None without such a
    copula. Read on the words' order, the copula's parse being unsure ("est" read as punctuation)."""
    tokens = sentence.tokens

    def name_run(start: int, step: int) -> set[int]:
        run, i = set(), start
        while 0 <= i < len(tokens) and tokens[i].entity in ("PER", "ORG") and tokens[i].entity == tokens[start].entity \
                and tokens[i].pos != "PUNCT":
            run.add(i)
            i += step
        return run

    for title, token in enumerate(tokens):
        if token.lemma.lower() not in _WINNERS or "Number=Plur" in token.morph:
            continue
        first = min([title] + [c for c in sentence.children[title] if c < title and tokens[c].dep in ("det", "amod")])
        for won in sentence.children[title]:
            cases = [c for c in sentence.children[won] if tokens[c].dep == "case" and tokens[c].text.lower() in _WON_ARTICLE]
            what = sentence.subtree(won)
            if tokens[won].dep != "nmod" or won < title or not cases or min(what) != cases[0] or tokens[first].pos != "DET":
                continue
            last = max(what)
            if last + 2 < len(tokens) and tokens[last + 1].lemma == "être":
                named = name_run(last + 2, 1)  # "Le vainqueur de l'étape est Steve Cummings"
            elif first >= 2 and tokens[first - 1].lemma == "être":
                named = name_run(first - 2, -1)  # "Benoît Hamon est le vainqueur de la primaire"
            else:
                continue
            article = {cases[0]: _WON_ARTICLE[tokens[cases[0]].text.lower()]}
            text = finish(f"{render(sentence, named, {})} remporte {render(sentence, what, article)}")
            if named and len(text) <= budget and text_fault(text) is None:
                return Candidate(text, 0.0, frozenset(named | what))
    return None
