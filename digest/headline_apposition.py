"""The name a headline's subject gives beside itself (pure functions): a person's name set off by commas after a
title ("Le Premier ministre du Canada, Justin Trudeau"), or an organisation's acronym in parentheses after a
description of it ("Le groupe français producteur d'énergie Électricité de France (EDF)" -> EDF).
"""

from __future__ import annotations

from digest.headline_sentence import Sentence


def name_in_apposition(sentence: Sentence, subject: int) -> list[int] | None:
    """"Le Premier ministre du Canada, Justin Trudeau, a annoncé": the person's name between commas; "Le groupe
    … Électricité de France (EDF) a annoncé": the acronym a description gives in parentheses."""
    for child in sentence.children[subject]:
        token = sentence.tokens[child]
        if (name := _abridged_name(sentence, subject, child)) is not None:
            return _with_article(sentence, subject, name, child)
        # a name with a preposition is the title's complement ("la mort de Mark Zuckerberg"), not its apposition
        if token.dep in ("appos", "flat:name", "nmod") and token.entity == "PER" and token.pos == "PROPN" \
                and not any(sentence.tokens[c].dep == "case" for c in sentence.children[child]):
            run = sorted(i for i in sentence.subtree(child) if sentence.tokens[i].entity == "PER")
            if run and run == list(range(run[0], run[-1] + 1)):
                return run
    return None


def _abridged_name(sentence: Sentence, subject: int, child: int) -> int | None:
    """The first word of the name ``child`` abridges when it is an organisation's acronym in parentheses after a
    common noun that describes it ("Le groupe … Électricité de France (EDF)": Électricité)."""
    tokens = sentence.tokens
    if not (tokens[child].dep == "appos" and tokens[child].pos == "PROPN" and tokens[child].entity == "ORG"
            and len(tokens[child].text) > 1 and tokens[child].text.isupper() and tokens[subject].pos == "NOUN"
            and not tokens[subject].entity and 1 < child < len(tokens) - 1 and tokens[child - 1].text == "("
            and tokens[child + 1].text == ")" and tokens[child - 2].entity == "ORG"):
        return None
    name = child - 2  # the name it abridges is the subject's apposition: "(BATA)" of "la cérémonie des … Awards" is not
    while name > subject + 1 and tokens[name - 1].entity == "ORG":
        name -= 1
    return name if tokens[name].head == subject and not any(tokens[c].dep == "case" for c in sentence.children[name]) else None


def _with_article(sentence: Sentence, subject: int, name: int, acronym: int) -> list[int]:
    """The acronym with the description's definite article when the name begins with the description's own noun:
    "La fédération Fédération française de football (FFF)" -> "La FFF", as French says it; "Le groupe … Électricité
    de France (EDF)" -> "EDF", a name without one."""
    tokens = sentence.tokens
    articles = [c for c in sentence.children[subject] if tokens[c].dep == "det" and c < subject
                and tokens[c].text.lower().rstrip("'’") in ("le", "la", "les", "l")]
    if articles and tokens[name].text.lower() == tokens[subject].text.lower():
        return [articles[0], acronym]
    return [acronym]

