"""Who the person is, beside the name (pure functions): a desk titles "Mort de l'acteur X", "Décès du chef
cuisinier lyonnais Paul Bocuse", "Le biologiste japonais Yoshinori Ohsumi récompensé…", not the bare name a
reader may not know.

- An obituary keeps the title the lede gives with the name when title and name fit ``OBITUARY_SUBJECT``
  characters; the name alone otherwise. A name the parser hung apart from its title ("L'ancien footballeur
  camerounais Zacharie Noah", the first name read as a verb) is still the title's when it follows it directly.
- A statement keeps a short title before the name among its subjects when the title is a common noun with its
  article and adjectives only ("Le biologiste japonais", "Le Sud-Coréen"), at most ``TITLE`` characters: a title
  with a complement ("Le secrétaire général de l'Otan") is long, and the name alone says it ("Mark Rutte").
"""

from __future__ import annotations

from digest.headline_candidates import Candidate, finish, is_negation, render, splits_a_span
from digest.headline_parse import as_written
from digest.headline_sentence import VOWEL_START, Sentence
from digest.headline_strict import cut_name, text_fault

# Title and name of an obituary ("l'auteur de bande dessinée français Marcel Gottlieb"): chosen on dev among 50
# (the previous limit), 60, 70.
OBITUARY_SUBJECT = 60
# What the lede says the person was, after the name ("l'un des fondateurs du rock'n'roll"): chosen on dev among 40,
# 50, 60.
APPOSITION = 50
# A title kept before a name in a statement ("Le biologiste japonais", 22): chosen on dev among 20, 25, 30.
TITLE = 25
# A headline with the title kept: no longer than a headline's budget, never the whole clause's longer one.
TITLED_HEADLINE = 80
_OF_ARTICLE = {"le": "du ", "la": "de la ", "l'": "de l'", "l’": "de l’", "les": "des "}
# What a short title is made of: its article, its noun and adjectives ("Le banquier et philanthrope américain").
_TITLE_POS = {"DET", "NOUN", "ADJ", "CCONJ"}


def obituary(sentence: Sentence, verb: int, subject_tokens: set[int], name: list[int] | None, budget: int) -> Candidate | None:
    """"Mort du réalisateur Jacques Rivette", or "Mort de Chuck Berry, l'un des fondateurs du rock'n'roll" (the
    name first, then who the lede says he was), or "Mort de Jacques Rivette" when the title is long;
    None when none fits the budget, or when the death is denied ("n'est pas mort": "Mort de" would say it was)."""
    if any(is_negation(sentence, c) for c in sentence.children[verb]):
        return None
    first = sentence.tokens[min(subject_tokens)]
    if first.pos in ("CCONJ", "ADP", "ADV"):
        return None  # "et plus ancien vainqueur du Tour": the end of a title, not a name
    article = first.text.lower()
    if first.pos == "DET" and article not in _OF_ARTICLE:
        return None  # "Mort d'un spectateur": someone the headline does not name is no obituary
    titled_tokens = _with_name_after(subject_tokens, name)
    if first.pos == "DET" and article in _OF_ARTICLE:
        titled = "Mort " + _OF_ARTICLE[article] + render(sentence, titled_tokens - {min(titled_tokens)}, {})
    else:
        titled = _of("Mort", render(sentence, titled_tokens, {}))
    # the title as written when short and whole ("Mort d'interprète" of "auteur-compositeur-interprète" is not)
    whole_title = len(render(sentence, titled_tokens, {})) <= OBITUARY_SUBJECT \
        and not splits_a_span(sentence, titled_tokens, titled_tokens) \
        and (name is None or set(name) <= titled_tokens)  # "Mort de l'auteur-compositeur-interprète": who
    forms = ([(titled, titled_tokens)] if whole_title else []) + ([(_of("Mort", render(sentence, set(name), {})), set(name))] if name else [])
    if forms and (apposition := _apposition_after(sentence, sorted(forms[0][1]), verb)):  # the subject is a name alone
        forms.insert(0, (f"{forms[0][0]}, {apposition[0]}", forms[0][1] | apposition[1]))
    for form, kept in forms:
        if len(form) <= budget and text_fault(form) is None and cut_name(sentence, kept) is None:
            return Candidate(finish(form), 0.0, frozenset(kept))
    return None


def _apposition_after(sentence: Sentence, name: list[int], verb: int) -> tuple[str, set[int]] | None:
    """What the lede says the person was, between the commas after the name that opens the sentence and before
    the verb ("Chuck Berry, l'un des fondateurs du rock'n'roll, est décédé"): its first item when it lists
    several, without what follows a parenthesis or "qui"; None when that is longer than ``APPOSITION``, an
    article and a noun only ("un poète"), or no noun phrase: a time ("hier soir"), a participle ("né en 1930 à
    Marseille") or a pronoun ("lui-même ancien ministre") says when or how, not who. Never cut elsewhere:
    "Premier ministre français" without its "de 1988 à 1991" would say the title is still held."""
    tokens = sentence.tokens
    if any(tokens[i].pos != "PROPN" and tokens[i].dep != "flat:name" for i in name):
        return None  # a title, not a name alone
    start, verb_group = max(name) + 1, [verb, *(c for c in sentence.children[verb] if tokens[c].dep.startswith(("aux", "expl")))]
    if min(name) != 0 or start >= len(tokens) - 1 or tokens[start].text != "," or min(verb_group) <= start + 1:
        return None
    words = list(range(start + 1, min(verb_group)))
    for n, i in enumerate(words):
        if tokens[i].text in (",", "(") or tokens[i].lemma.lower() in ("qui", "dont"):
            words = words[:n]
            break
    if not words or len(words) <= 2 and tokens[words[0]].pos == "DET" or not _names_a_role(sentence, words):
        return None
    text = as_written([tokens[i] for i in words])
    return (text, set(words)) if len(text) <= APPOSITION and text_fault(text) is None else None


def _names_a_role(sentence: Sentence, words: list[int]) -> bool:
    """Whether ``words`` open as a noun phrase ("l'un des fondateurs", "ancien ministre", "figure du jazz") whose
    noun is no time ("lundi soir", "la veille"; its complements may hold one: "de 2002 à 2012"); "lui-même", which
    the parser may read as a determiner, is a pronoun."""
    tokens = sentence.tokens
    first = tokens[words[0]]
    nouns = [i for i in words if tokens[i].pos == "NOUN"]
    head = words[:words.index(nouns[0]) + 1] if nouns else words
    if first.text.lower().endswith(("-même", "-mêmes")) or any(sentence.is_time_word(i) for i in head):
        return False
    # a noun the parser reads as a name ("chanteuse et actrice", as parsed) is still a noun phrase
    return first.pos == "DET" or first.pos in ("NOUN", "PROPN", "ADJ") and bool(nouns)


def _with_name_after(subject_tokens: set[int], name: list[int] | None) -> set[int]:
    """The subject with the name that directly follows it, however the parser hung that name."""
    if name and min(name) == max(subject_tokens) + 1:
        return set(subject_tokens) | set(name)
    return set(subject_tokens)


def _of(noun: str, complement: str) -> str:
    return f"{noun} d'{complement}" if VOWEL_START.match(complement) and not complement.lower().startswith("h") else f"{noun} de {complement}"


def short_title(sentence: Sentence, subject_tokens: set[int], name: list[int] | None) -> bool:
    """Whether the subject as written is a short title and then the name ("Le biologiste japonais Yoshinori
    Ohsumi"): a common noun with its article and adjectives, at most ``TITLE`` characters, directly before the name."""
    if not name:
        return False
    title = sorted(set(subject_tokens) - set(name))
    tokens = sentence.tokens
    if not title or title != list(range(title[0], min(name))) or max(subject_tokens) != max(name):
        return False
    return tokens[title[0]].pos == "DET" and all(tokens[i].pos in _TITLE_POS for i in title) \
        and any(tokens[i].pos == "NOUN" for i in title) and len(render(sentence, set(title), {})) <= TITLE


def title_at_no_cost(candidates: list[Candidate], title: set[int]) -> list[Candidate]:
    """``candidates`` without those that keep ``title`` at the news's cost: a titled one stays when it is at most
    ``TITLED_HEADLINE`` characters and keeps everything the best untitled one keeps ("Le président américain Donald
    Trump accuse le programme de la Corée du Nord" loses "nucléaire": the name alone keeps it)."""
    untitled = [c for c in candidates if not c.kept & title]
    if not untitled:
        return candidates  # the name alone gives nothing whole: the subject as written, as before
    news = max(untitled, key=lambda c: c.score).kept
    return [c for c in candidates if not c.kept & title or len(c.text) <= TITLED_HEADLINE and news <= c.kept]
