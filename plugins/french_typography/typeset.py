"""French typography for HTML fragments: ``typeset(html) -> html``.

Pure module: it knows nothing of Pelican. ``RULES`` below is the one pipeline, in order (quotes
before spaces, spaces before ordinals and units); the rules live in ``rules_punctuation``,
``rules_numbers`` and ``rules_words``, the HTML walker in ``html_runs``, the shared characters in
``chars``; the gold cases in tests/typography pin each rule. It sets text the way the *Lexique
des règles typographiques en usage à l'Imprimerie nationale* asks, and
leaves everything that is not French prose alone.

Design (chosen for speed: no DOM tree is built)
------------------------------------------------
1. A light tokenizer (one compiled regex) splits the fragment into tags,
   comments, raw-text elements (``script``, ``style``, ``textarea``, copied
   whole) and text.  A stack of open elements tracks two things: "inside a
   verbatim element" (``pre code kbd samp var`` and friends) and the
   inherited ``lang`` (only ``fr…`` or no ``lang`` at all is French).
2. Text separated only by *inline* tags (``em strong a span …``) forms one
   *run*.  The run is joined into one string where each group of tags
   between two text nodes becomes one private-use marker character
   (``TAG``); a verbatim inline element (``<code>…</code>``) becomes
   ``OPAQUE``.  Rules see ``<em>Voici</em>: x`` as ``Voici␀: x`` and can
   decide across the tag; afterwards the string is split on the markers and
   the tags are put back in order.  Rules never create nor delete a marker,
   so the tag sequence cannot change (a count check falls back to
   per-node processing if that invariant were ever broken).
3. ``&amp; &lt; &gt;`` (and any reference standing for ``& < >``) are
   swapped for a placeholder before the rules run and restored verbatim
   after; every other character reference is written as the Unicode
   character.  URLs and e-mail addresses are swapped for placeholders too,
   so no rule can touch them.
4. ``RULES`` is the visible pipeline: a tuple of pure ``str -> str``
   functions applied in order to each run; those of ``NEED_A_DIGIT`` are
   skipped in a run without a digit, where they could change nothing.

Every rule only ever produces text that it (and every other rule) accepts
as already correct, which is what makes ``typeset`` idempotent; the
property tests in ``tests/typography`` check it.

Heuristics worth knowing (documented here because they are choices)
--------------------------------------------------------------------
* Spaces: U+00A0 before ``:`` and inside « »; U+202F before ``; ! ?``
  (only the first mark of ``?!``).  A missing space is inserted only when
  the mark ends a word *and* is followed by a space, the end of the run, a
  tag boundary or closing punctuation: so ``12:30``, ``16:9``, IPv6,
  ``http://``, ``?id=`` are never touched.
* Dashes: `` -- `` / ``--`` between letters / a hyphen with a space on each
  side becomes an em dash with *ordinary* spaces around it (as polytypo and
  most French presses on the web do): deciding which dash opens an
  incise and which closes it needs sentence parsing, and a wrong no-break
  space is worse than none.  ``3 - 2`` (digits on both sides) is left.
* Thousands: only numbers *already written with a space* are joined,
  with U+202F, and only when the first group has 1–3 digits (not preceded
  by a digit, a comma or a point) and every following group exactly 3
  digits (not followed by a digit).  ``en 2014 15 personnes`` and
  ``2014 2015`` are therefore never joined.  Spaces are never inserted
  into ``10000``.
* Units: U+00A0 replaces the space between a number and a unit symbol
  from a closed list (``km kg m h °C km/h Mo Go …``); the space is inserted
  only for ``% ‰ €  £`` (unambiguous French usage: ``50%`` → ``50 %``).
  ``12 h 30`` gets two no-break spaces; ``n° 5``; ``22 août``.
* Civilities ``M. MM. Mme Mmes Mlle Mlles Dr Pr Me Mgr`` bind to a
  following *capitalised* word only.
* Abbreviations that announce a number (``p. pp. art. chap. vol. fig. §``,
  ``n° nº``) bind to it with U+00A0: ``p. 12``, ``art. L. 121``.
* Clock times: ``16h10``, ``20h 13``, ``21h`` → ``16 h 10``, ``20 h 13``,
  ``21 h`` (U+00A0), for hours 0–24 and minutes 00–59 only; ``24h/24``,
  ``1h57min`` stay.
* Inverted subjects (``a-t-il``, ``dit-elle``, ``peut-on``): their hyphens
  become U+2011 (non-breaking hyphen), lower-case pronouns only.
* Brackets: spaces just inside ``( )`` and ``[ ]`` are dropped (an empty
  ``[ ]`` stays).
* Ordinals: ``1er 1re 1ère 2e 2ème 2eme 2nd 2nde`` (and plurals) become
  superscripts.  Roman numerals: two letters or more (``XXe``, ``IIIe``,
  ``XIXème``) are always ordinals; a single ``I``/``V``/``X`` needs a
  following context word (``siècle``, ``République``, ``arrondissement``…),
  ``Ier`` needs a preceding capitalised name (``François Ier``); single
  ``L C D M`` are never touched (``Le``, ``Ce``, ``De``, ``Me`` are words).
  ``Louis XIV`` has no suffix and is left alone.  An ordinal typed apart (``5 e``, ``1 er``,
  ``XIX e``: often a superscript lost on the way) is joined first under the
  same conditions, with suffixes that are no French word only (``es`` and
  ``è`` stay apart), never before a digit (``1 e 2``).
* Accented capitals come from an explicit word list (``Etat``, ``Ecole``,
  ``Egypte``…).  ``A`` → ``À`` only at the start of a sentence and before
  a lower-case word that is not a verb/conjunction a letter name could take
  (``A est``) nor Latin (``a priori``); ``Groupe A``, ``note A``, ``A380``
  never match.  Same for ``Ca`` → ``Ça``.
* Quotes: straight ``"`` are paired on a stack (opening after a space or at
  the start, closing before a space/punctuation/end); depth 0 gives « »,
  nested pairs give “ ”.  A typed top-level “ ” pair becomes « ».
  Unpaired quotes are left straight rather than guessed at (``2'33"``).
* Verbatim: ``pre code kbd samp var tt script style textarea svg math``,
  comments, attributes, any element whose ``lang`` does not start with
  ``fr`` (``lang=""`` counts as not French).
"""

from __future__ import annotations

import html as _html
import re
from html.entities import html5 as _HTML5
from typing import Callable

from .chars import ENT, NBSP, NNBSP, PRIVATE, PROT, has_digit
from .html_runs import transform_runs
from .rules_numbers import abbreviations, clock_times, dates, numero, ordinal_spaces, superscripts, thousands, units
from .rules_punctuation import (
    apostrophes,
    bracket_spaces,
    dashes,
    ellipsis,
    guillemet_spaces,
    high_punctuation,
    no_space_before_comma,
    quotes,
)
from .rules_words import accented_capitals, civilities, inversions

__all__ = ["typeset", "typeset_text", "RULES", "NBSP", "NNBSP"]

# The pipeline, in the order it runs on each run of text (quotes before spaces, spaces before
# ordinals and units): every rule is a pure ``str -> str`` function of ``rules_punctuation``,
# ``rules_numbers`` or ``rules_words``.
RULES: tuple[Callable[[str], str], ...] = (
    ellipsis,
    dashes,
    quotes,
    apostrophes,
    guillemet_spaces,
    bracket_spaces,
    no_space_before_comma,
    high_punctuation,
    thousands,
    ordinal_spaces,
    clock_times,
    units,
    numero,
    abbreviations,
    inversions,
    dates,
    civilities,
    accented_capitals,
    superscripts,  # last: it writes markup into the run
)

# The rules that change nothing in a run without a digit (each one's pattern needs one; no rule
# writes a digit): skipped there, where most of an entity page's sentences and half the paragraphs
# are (at 5 000 articles, a fifth of the rules' CPU). tests/typography/test_properties.py checks
# each leaves such a run alone.
NEED_A_DIGIT = frozenset({thousands, clock_times, units, numero, abbreviations, dates})
_RULES_WITHOUT_DIGIT = tuple(rule for rule in RULES if rule not in NEED_A_DIGIT)

# ---------------------------------------------------------------------------
# Protection of URLs / e-mails, and of & < > references
# ---------------------------------------------------------------------------

_PROTECT = re.compile(
    r"(?:(?:https?|ftp)://|mailto:|www\.)[^\s<>\"«»\ue000-\uf8ff]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_TRAILING = ".,;:!?)]'’…"
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")



def _protect(text: str, store: list[str]) -> str:
    def repl(m: re.Match) -> str:
        tok = m.group()
        tail = ""
        while tok and tok[-1] in _TRAILING:
            tail = tok[-1] + tail
            tok = tok[:-1]
        store.append(tok)
        return PROT + tail

    return _PROTECT.sub(repl, text)


def _decode_entities(text: str, store: list[str]) -> str:
    """Write references as characters, except those standing for & < >."""

    def repl(m: re.Match) -> str:
        ref = m.group()
        if ref[1] == "#":
            ch = _html.unescape(ref)
        else:
            ch = _HTML5.get(ref[1:])
            if ch is None:
                return ref  # unknown name: leave it as typed
        if ch in ("&", "<", ">"):
            store.append(ref)
            return ENT
        if PRIVATE.search(ch):
            return ref  # our marker characters must stay ours
        return ch

    return _ENTITY.sub(repl, text)


def _restore(text: str, marker: str, store: list[str]) -> str:
    if not store:
        return text
    it = iter(store)
    return re.sub(marker, lambda _m: next(it), text)


def typeset_text(text: str) -> str:
    """Apply the pipeline to one run of HTML text (no tags, markers allowed)."""
    ents: list[str] = []
    prot: list[str] = []
    if "&" in text:
        text = _decode_entities(text, ents)
    if "://" in text or "www." in text or "@" in text or "mailto:" in text:
        text = _protect(text, prot)
    for rule in RULES if has_digit(text) else _RULES_WITHOUT_DIGIT:
        text = rule(text)
    text = _restore(text, PROT, prot)
    return _restore(text, ENT, ents)


def typeset(fragment: str) -> str:
    """Typeset an HTML fragment the French way; see the module docstring."""
    if not fragment:
        return fragment
    # a str subclass (Jinja's Markup: an entity page's sentence) as the str it is: each piece
    # sliced from a Markup is a Markup again, made through its own methods
    return transform_runs(str(fragment), typeset_text)
