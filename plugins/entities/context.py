"""Context for readers (pure, no Pelican): the sentence of a dispatch that names an entity, and the
role the dispatches give a person in apposition ("Mark Rutte, secrétaire général de l'OTAN")."""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import Iterable, Iterator, Sequence

from markupsafe import Markup, escape

from digest.entities.editorial import norm_key
from digest.entities.words import _TITLES
from digest.html_text import plain_text

MAX_SENTENCE = 320  # characters shown around the name in a longer sentence
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\u00a0\u202f»]+(?=[«\"“A-ZÀ-ÖØ-ÞŒ0-9])")
_SPACE = r"[\s\u00a0\u202f]+"


# The caches below hold what a build asks for again and again: an article's text and sentences on
# the page of each entity it cites and for each person's role, a name's pattern on each of its
# entity's dispatches. They are keyed by content (never stale) and unbounded: an entity page goes
# through its dispatches in its own order, and an LRU of a few thousand entries, at 5 000 articles,
# had dropped most of them before their next use (13 525 patterns compiled for 36 740 sentences,
# 44 s of a profiled 302 s build). ``forget`` empties them when a build starts.


@functools.cache
def _plain(html: str) -> str:
    return plain_text(html, lines=True)


def article_text(article) -> str:
    """The article's text, plain (its typeset HTML content without tags)."""
    return _plain(getattr(article, "content", "") or "")


@functools.cache
def _form_pattern(form: str) -> re.Pattern:
    """One form of a name as typeset text writes it: any space, straight or curly apostrophe; not
    inside a word. The check of what precedes comes after the first word (a look-behind of the same
    width as that word, plus one): a pattern that starts with the name's letters is searched for
    them first, where one that starts with a look-behind is tried at every character (at 5 000
    articles, every entity page's sentence and role found in 3.4 CPU s instead of 5.0)."""
    words = ["['’]".join(re.escape(part) for part in re.split(r"['’]", word)) for word in form.split()]
    first = words[0]
    return re.compile(first + r"(?<![\w\-]" + first + ")" + "".join(_SPACE + word for word in words[1:]) + r"(?![\w\-])")


class NamePattern:
    """The forms of a name, found as the alternation of their patterns would find them (the leftmost
    match; where several forms match, the first in order: the longest, ties by text), with one
    pattern per form. A form comes back in many sets (every article's forms of an entity, every
    dispatch's names): compiled once, where each set's alternation was compiled anew (2.4 million
    characters of patterns at 5 000 articles)."""

    __slots__ = ("forms", "_patterns")

    def __init__(self, forms: tuple[str, ...]) -> None:
        self.forms = forms
        self._patterns = tuple(_form_pattern(form) for form in forms)

    def search(self, text: str) -> re.Match | None:
        if len(self._patterns) == 1:  # most names have one form: its own search, no list to sort
            return self._patterns[0].search(text)
        return _leftmost([pattern.search(text) for pattern in self._patterns])

    def finditer(self, text: str) -> Iterator[re.Match]:
        if len(self._patterns) == 1:
            return self._patterns[0].finditer(text)
        return self._finditer(text)

    def _finditer(self, text: str) -> Iterator[re.Match]:
        # each form's next match is searched again only once a match found ends after its start
        following = [pattern.search(text) for pattern in self._patterns]
        while (found := _leftmost(following)) is not None:
            yield found
            at = found.end()
            following = [match if match is None or match.start() >= at else pattern.search(text, at)
                         for pattern, match in zip(self._patterns, following)]


def _leftmost(matches: list[re.Match | None]) -> re.Match | None:
    """The match that starts first, the first in the list of those starting there."""
    best = None
    for match in matches:
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best


@functools.cache
def _name_pattern(forms: tuple[str, ...]) -> NamePattern | None:
    """The forms of a name as typeset text writes them, longest first."""
    ordered = tuple(sorted({f for f in forms if f.strip()}, key=lambda f: (-len(f), f)))  # ties by text: a set's order changes with the process
    return NamePattern(ordered) if ordered else None


_ABBREVIATION = re.compile(r"(?<![\w\-])(?:M|MM|Mme|Mmes|Mgr|Dr|Pr|St|Ste|av|J\.-C|[A-ZÀ-ÖØ-Þ])\.$")


@functools.cache
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a plain text, paragraph by paragraph ("M. Rutte" and "A. Barrow" do not end one)."""
    out = []
    for paragraph in text.split("\n"):
        start = 0
        for end in _SENTENCE_END.finditer(paragraph):
            if not _ABBREVIATION.search(paragraph, 0, end.start()):
                out.append(paragraph[start:end.start()].strip())
                start = end.end()
        out.append(paragraph[start:].strip())
    return tuple(sentence for sentence in out if sentence)


# A name as ``_name_pattern`` matches it, reduced to what any of its matches keeps: no white space,
# every apostrophe straight.
_LOOSE = str.maketrans({"’": "'"})


def _loose(text: str) -> str:
    return "".join(text.translate(_LOOSE).split())


class LongerNames:
    """The names of a dispatch's entities, to tell whether a form found in a sentence is inside
    another entity's longer name. They are searched (``NamePattern``: one search per name) only
    in a sentence where a longer name could hold what was found: a match inside a longer one
    reads, without white space and with straight apostrophes, inside that name's form, and is
    shorter, unless the form can start or end on a "]" (``_edge_may_differ``)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self._loose = [(_loose(name), _edge_may_differ(name)) for name in {name for name in names if name.strip()}]

    def may_hold(self, found: str) -> bool:
        key = _loose(found)
        return any(key in name and (name != key or edge) for name, edge in self._loose)

    @functools.cached_property
    def pattern(self) -> NamePattern | None:
        return _name_pattern(self.names)


def _edge_may_differ(name: str) -> bool:
    # a match of a form ending with a straight apostrophe ends with "]" (see _name_pattern)
    words = name.split()
    return words[0].startswith("]") or words[-1].endswith(("]", "'"))


@functools.cache
def _longer_names(names: tuple[str, ...]) -> LongerNames:
    return LongerNames(names)


def _own_matches(pattern: NamePattern, others: LongerNames, sentence: str) -> list[re.Match]:
    """Where ``pattern`` finds the name in ``sentence``, not inside another entity's longer name
    ("Washington" in "du Washington Post" is the newspaper's, not the place's)."""
    found = list(pattern.finditer(sentence))
    if not any(others.may_hold(match.group()) for match in found):
        return found
    longer = others.pattern
    taken = [(match.start(), match.end()) for match in longer.finditer(sentence)] if longer else []
    return [match for match in found
            if not any(start <= match.start() and match.end() <= end and end - start > match.end() - match.start()
                       for start, end in taken)]


@functools.cache
def names_in(article) -> tuple[str, ...]:
    """Every name ``article``'s entities go by there (a name inside a longer one is the longer's),
    asked for each entity the article cites: kept per article (by identity) until the next build."""
    return tuple(form for mention in getattr(article, "entities", ()) for form in (mention.name, *mention.forms))


def forget(_sender=None) -> None:
    """Empty the caches of the build before (they grow with the site; their keys are content, or
    an article of that build). Connected to the signal a build starts with, whose sender it ignores."""
    for cached in (_plain, _form_pattern, _name_pattern, sentences, _sentence_ends, _longer_names, names_in):
        cached.cache_clear()


@functools.cache
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Where each of ``sentences(text)`` ends in ``text`` (what lies between two sentences is white
    space and "»", which no sentence starts with but a paragraph's first)."""
    ends, at = [], 0
    for sentence in sentences(text):
        at = text.index(sentence, at) + len(sentence)
        ends.append(at)
    return tuple(ends)


def _first_naming(text: str, pattern: NamePattern, longer: LongerNames) -> tuple[str, list[re.Match]] | None:
    """The first sentence of ``text`` where ``pattern`` finds a form of its own, with those matches
    (``_own_matches``). Those that end before its first match in the whole text are not searched: a
    match in a sentence is one in the text, the sentence being a piece of it between spaces."""
    first = pattern.search(text)
    if first is None:
        return None
    for sentence in sentences(text)[bisect.bisect_right(_sentence_ends(text), first.start()):]:
        if own := _own_matches(pattern, longer, sentence):
            return sentence, own
    return None


def sentence_naming(text: str, forms: Sequence[str], others: Sequence[str] = ()) -> Markup | None:
    """The first sentence of ``text`` (plain) naming the first of ``forms`` (the page's name), else
    the first naming one of the others ("au Parlement" may be another parliament than the "Parlement
    européen" the dispatch names further on), escaped, every form found in it marked (``<mark>``); a
    long sentence is cut around the first one. A form inside a longer one of ``others`` (the names
    of the dispatch's entities) is not this entity's: "Washington" in "du Washington Post"."""
    pattern = _name_pattern(tuple(forms))
    if pattern is None:
        return None
    named = _name_pattern(tuple(forms[:1]))
    longer = _longer_names(tuple(others))
    # the sentence naming the page's own name (forms[0]), else the first naming any form; a sentence
    # chosen for the page's name where every form found is inside a longer name shows nothing
    found = _first_naming(text, named, longer) if named is not None else None
    if found is None and named is not pattern:
        found = _first_naming(text, pattern, longer)
    if found is None:
        return None
    sentence, own = found
    if named is not pattern:  # chosen for the page's name, marked for every form
        own = _own_matches(pattern, longer, sentence)
        if not own:
            return None
    start, end = 0, len(sentence)
    if len(sentence) > MAX_SENTENCE:
        start = max(0, own[0].start() - MAX_SENTENCE // 2)
        end = min(len(sentence), start + MAX_SENTENCE)
    # joined as plain strings, made Markup once: 36 000 sentences at 5 000 articles, each piece a
    # Markup that Markup's own join and "+" escaped again (a fifth of the sentences' CPU)
    out, at = ["…" if start else ""], start
    for found in own:
        if found.start() < start or found.end() > end:
            continue  # outside the part shown of a long sentence
        out += [escape(sentence[at:found.start()]), "<mark>", escape(found.group()), "</mark>"]
        at = found.end()
    out += [escape(sentence[at:end]), "…" if end < len(sentence) else ""]
    return Markup("".join(out))


_ROLE_WORDS = r"[\w’'\-]+"
_ROLE_AFTER = re.compile(r",[\s\u00a0\u202f]+((?:l['’]|le |la |les )?(?:{w}[\s\u00a0\u202f]+){{0,7}}?{w})[\s\u00a0\u202f]*[,.;)]"
                         .format(w=_ROLE_WORDS))
# "le secrétaire général de l'Otan Mark Rutte", "le Premier ministre Bernard Cazeneuve": from a determiner
# to the name, no punctuation between
_ROLE_BEFORE = re.compile(r"(?:(?<![\w\-])(?:[Ll]e|[Ll]a|[Dd]u|[Aa]u)[\s\u00a0\u202f]+|(?<![\w\-])[Ll]['’])(?=((?:[a-zà-öø-ÿ]|[A-ZÀ-ÖØ-Þ](?=[a-zà-öø-ÿ]+[\s\u00a0\u202f]+[a-zà-öø-ÿ]))[^,.;:!?«»()\n]{2,90}?)[\s\u00a0\u202f]+$)")
# words that end a role: a relative, a verb, a conjunction; "par", "fois", "avec", "contre" tie the
# name to an event, not to a function ("remporté pour la première fois par l'Espagnol Emilio Martin")
_ROLE_STOP = {"qui", "que", "dont", "a", "est", "avait", "était", "sera", "serait", "fut", "sont", "devient",
              "reste", "selon", "et", "mais", "il", "elle", "par", "fois", "avec", "contre"}
# words that open a function but say none alone: "le premier tour", "la première française", "l'ancien"
_ROLE_OPENERS = {norm_key(word) for word in ("premier", "première", "ancien", "ancienne", "ex", "général", "générale")}
# a role before the name that ends on a preposition is a relation to the name, the role of someone
# else: "Daniel Dion, le frère aîné de Céline Dion" says what Daniel is, not what Céline Dion is
_RELATION_END = {"de", "d", "du", "des", "a", "au", "aux", "pour", "chez"}


def _is_lowercase_role(role: str) -> bool:
    """A function as written in running text: lowercase, or a title French capitalises before a
    lowercase word ("Premier ministre"); not a name ("Président Trump")."""
    words = role.split()
    return role[:1].islower() or (len(words) > 1 and words[1][:1].islower())


def roles(text: str, forms: Sequence[str]) -> Iterable[str]:
    """The appositions after a name in ``text`` that start with a function ("Mark Rutte, secrétaire
    général de l'OTAN,"), lowercase as written."""
    pattern = _name_pattern(tuple(forms))
    if pattern is None:
        return
    for found in pattern.finditer(text):
        apposition = _ROLE_AFTER.match(text, found.end())
        candidates = [apposition.group(1)] if apposition else []
        window = text[max(0, found.start() - 100):found.start()]
        candidates += [m.group(1) for m in _ROLE_BEFORE.finditer(window)
                       if norm_key(re.split(r"[\s'’]+", m.group(1).rstrip("'’ "))[-1]) not in _RELATION_END
                       and not m.group(1).endswith(("'", "’"))]
        for role in candidates:
            role = " ".join(role.split())
            words = [norm_key(word) for word in re.split(r"[\s'’]+", role) if word]
            if words and words[0] in {"l", "le", "la", "les", "du", "au"}:
                words, role = words[1:], role.split(" ", 1)[-1] if not role.startswith(("l'", "l’")) else role[2:]
            # a function and what it is of ("président burundais"): "président" alone says little
            if len(words) > 1 and words[0] in _TITLES and _is_lowercase_role(role) and not _ROLE_STOP & set(words) \
                    and (words[0] not in _ROLE_OPENERS or any(word in _TITLES - _ROLE_OPENERS for word in words[1:])):
                yield role
                break


def most_given_role(texts_and_forms: Iterable[tuple[str, Sequence[str]]]) -> str:
    """The role the most dispatches give (ties: the longer, then the first in alphabetical order)."""
    counts: Counter = Counter()
    for text, forms in texts_and_forms:
        counts.update(set(roles(text, forms)))
    if not counts:
        return ""
    return min(counts, key=lambda role: (-counts[role], -len(role), role))
