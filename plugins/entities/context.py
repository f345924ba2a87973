"""Context for readers (pure, no Pelican): the sentence of a dispatch that names an entity, and the
role the dispatches give a person in apposition ("Mark Rutte, secrétaire général de l'OTAN")."""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterable, Sequence

from markupsafe import Markup, escape

from digest.entities.editorial import norm_key
from digest.entities.words import _TITLES
from digest.html_text import plain_text

MAX_SENTENCE = 320  # characters shown around the name in a longer sentence
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\u00a0\u202f»]+(?=[«\"“A-ZÀ-ÖØ-ÞŒ0-9])")
_SPACE = r"[\s\u00a0\u202f]+"


@functools.lru_cache(maxsize=2048)
def _plain(html: str) -> str:
    return plain_text(html, lines=True)


def article_text(article) -> str:
    """The article's text, plain (its typeset HTML content without tags)."""
    return _plain(getattr(article, "content", "") or "")


@functools.lru_cache(maxsize=4096)
def _name_pattern(forms: tuple[str, ...]) -> re.Pattern | None:
    """The forms of a name as typeset text writes them: any space, straight or curly apostrophe."""
    parts = []
    for form in sorted({f for f in forms if f.strip()}, key=len, reverse=True):
        words = ["['’]".join(re.escape(part) for part in re.split(r"['’]", word)) for word in form.split()]
        parts.append(_SPACE.join(words))
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])") if parts else None


_ABBREVIATION = re.compile(r"(?<![\w\-])(?:M|MM|Mme|Mmes|Mgr|Dr|Pr|St|Ste|av|J\.-C|[A-ZÀ-ÖØ-Þ])\.$")


@functools.lru_cache(maxsize=4096)
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


def _own_matches(pattern: re.Pattern, others: re.Pattern | None, sentence: str) -> list[re.Match]:
    """Where ``pattern`` finds the name in ``sentence``, not inside another entity's longer name
    ("Washington" in "du Washington Post" is the newspaper's, not the place's)."""
    taken = [(found.start(), found.end()) for found in others.finditer(sentence)] if others else []
    return [found for found in pattern.finditer(sentence)
            if not any(start <= found.start() and found.end() <= end and end - start > found.end() - found.start()
                       for start, end in taken)]


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
    longer = _name_pattern(tuple(others))
    said = sentences(text)
    chosen = next((sentence for sentence in said if named is not None and _own_matches(named, longer, sentence)), None)
    for sentence in ([chosen] if chosen else said):
        own = _own_matches(pattern, longer, sentence)
        if not own:
            continue
        start, end = 0, len(sentence)
        if len(sentence) > MAX_SENTENCE:
            start = max(0, own[0].start() - MAX_SENTENCE // 2)
            end = min(len(sentence), start + MAX_SENTENCE)
        out, at = [], start
        for found in own:
            if found.start() < start or found.end() > end:
                continue  # outside the part shown of a long sentence
            out += [escape(sentence[at:found.start()]), Markup("<mark>"), escape(found.group()), Markup("</mark>")]
            at = found.end()
        out.append(escape(sentence[at:end]))
        return Markup("…" if start else "") + Markup("").join(out) + Markup("…" if end < len(sentence) else "")
    return None


_ROLE_WORDS = r"[\w’'\-]+"
_ROLE_AFTER = r",[\s\u00a0\u202f]+((?:l['’]|le |la |les )?(?:{w}[\s\u00a0\u202f]+){{0,7}}?{w})[\s\u00a0\u202f]*[,.;)]"
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
    after = re.compile(_ROLE_AFTER.format(w=_ROLE_WORDS))
    for found in pattern.finditer(text):
        apposition = after.match(text, found.end())
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
