"""French typography for HTML fragments: ``typeset(html) -> html``.

Pure module: it knows nothing of Pelican. Why one module of about 900 lines: the rules below
share one tokenizer and one pass over the text nodes, and their order matters (quotes before
spaces, spaces before ordinals and units); in one file the order is the order of reading, and the
gold cases in tests/typography pin each rule. Splitting the word lists out (titles, abbreviations,
units) is the seam to take if it grows again. It sets text the way the *Lexique
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
   functions applied in order to each run.

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
from typing import Callable

__all__ = ["typeset", "typeset_text", "RULES", "NBSP", "NNBSP"]

NBSP = "\u00a0"
NNBSP = "\u202f"

# Private-use characters: never produced by real text (input containing one
# is processed node by node, see _process_run).
TAG = "\ue000"      # one group of inline tags between two text nodes
OPAQUE = "\ue001"   # an inline verbatim element (<code>…</code>) — word-like
ENT = "\ue002"      # a reference that must stay escaped (&amp; &lt; &gt;)
PROT = "\ue003"     # a protected token (URL, e-mail)
_PRIVATE = re.compile("[\ue000-\ue003]")

# ---------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    <(?:
      (?P<comment>!--.*?(?:-->|$))
    | (?P<raw>(?P<rawname>script|style|textarea|title)\b[^>]*>.*?(?:</(?P=rawname)\s*>|$))
    | (?P<decl>![^>]*>|\?.*?>)
    | (?P<tag>/?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>)
    )
    """,
    re.S | re.I | re.X,
)

# Elements whose content is code or otherwise not prose.
_VERBATIM = frozenset(
    "pre code kbd samp var tt script style textarea svg math template".split()
)
# Inline elements: text on both sides of them belongs to one run.
_INLINE = frozenset(
    """a abbr b bdi bdo cite data del dfn em font i ins mark q s small span
    strong sub sup time u""".split()
)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_LANG = re.compile(r"""(?:^|[\s"'])(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)


def _lang_of(tag: str) -> str | None:
    if "lang" not in tag and "LANG" not in tag:
        return None
    m = _LANG.search(tag)
    if m is None:
        return None
    return next(g for g in m.groups() if g is not None).strip().lower()


# ---------------------------------------------------------------------------
# Character classes used by the rules
# ---------------------------------------------------------------------------

L = "A-Za-zÀ-ÖØ-öø-ÿŒœ"            # letters (Latin-1 + œ)
UP = "A-ZÀ-ÖØ-ÞŒ"
LOW = "a-zß-öø-ÿœ"
SP = " \t\n\r" + NBSP + NNBSP + "\u2009"  # spaces we may rewrite
GAP = f"[{SP}{TAG}]*"                      # spaces and tag boundaries
_HAS_DIGIT = re.compile(r"\d").search


def _markers(gap: str) -> str:
    """Keep the tag markers of a matched gap, drop its spaces."""
    return gap.replace(" ", "").replace("\t", "").replace("\n", "").replace(
        "\r", "").replace(NBSP, "").replace(NNBSP, "").replace("\u2009", "") if gap else ""


# ---------------------------------------------------------------------------
# Rules: pure str -> str functions on a run
# ---------------------------------------------------------------------------

_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")


def ellipsis(s: str) -> str:
    """``...`` → ``…`` (exactly three points: ``..`` and ``../`` stay)."""
    return _ELLIPSIS.sub("…", s) if "..." in s else s


_DASH_DOUBLE = re.compile(f"(?<=[{L}{TAG}]) *--(?!-) *(?=[{L}{TAG}])")
# A spaced hyphen between words; never next to another dash ("-- --" is no incise, and turning
# half of it into "—" would make the other half match on the next pass).
_DASH_SPACED = re.compile(f"(?<=[^{SP}{TAG}\\-—–])([{TAG}]?)[ \t]+-{{1,2}}[ \t]+([{TAG}]?)(?=[^{SP}{TAG}\\-—–])")


def _dash_repl(m: re.Match) -> str:
    s = m.string
    before = s[m.start() - 1]
    after = s[m.end()] if m.end() < len(s) else ""
    if before.isdigit() and after.isdigit():
        return m.group(0)  # arithmetic: 3 - 2
    if before in "«“([" or after in "»”)]":
        return m.group(0)  # a quoted or bracketed hyphen: « - »
    if after.isupper() and _CAPITALISED_TAIL.search(s, 0, m.start()):
        # "Angleterre - Russie", "Chen Aisen - Lin Yue": a relation between
        # names (match, route, duo), not an incise: no safe guess, leave it.
        return m.group(0)
    return m.group(1) + " — " + m.group(2)


_CAPITALISED_TAIL = re.compile(f"(?:^|[^{L}])[{UP}][{L}{TAG}]*$")  # tags inside too: "XX<sup>e</sup>"


def dashes(s: str) -> str:
    """Incises: `` -- ``, ``a--b`` and spaced hyphens → `` — ``."""
    if "-" not in s:
        return s
    if "--" in s:
        s = _DASH_DOUBLE.sub(" — ", s)
    if " -" in s or "\t-" in s:
        s = _DASH_SPACED.sub(_dash_repl, s)
    return s


_OPENERS = set(f"([{{«“‘—–-/'’{SP}")
_CLOSERS = set(".,;:!?)]}»”’…" + SP)
_QUOTE_CHARS = re.compile('["«»“”]')


def _neighbour(s: str, i: int, step: int) -> str:
    """Nearest character that is not a tag marker ('' at the edges)."""
    i += step
    while 0 <= i < len(s) and s[i] == TAG:
        i += step
    return s[i] if 0 <= i < len(s) else ""


def quotes(s: str) -> str:
    """Pair ``"`` on a stack: depth 0 → « », nested → “ ”.

    Typed « » and “ ” take part in the nesting; a top-level “ ” pair is
    turned into « ».  Unpaired marks stay as typed.
    """
    if '"' not in s and "“" not in s:
        return s
    chars = list(s)
    stack: list[tuple[int, str]] = []  # (index, kind) kind in '"', '«', '“'
    pairs: list[tuple[int, int, int]] = []  # (open, close, depth)
    for m in _QUOTE_CHARS.finditer(s):
        i, c = m.start(), m.group()
        if c == "«" or c == "“":
            stack.append((i, c))
        elif c == "»" or c == "”":
            want = "«" if c == "»" else "“"
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == want:
                    if want == "“":
                        pairs.append((stack[k][0], i, k))
                    del stack[k:]
                    break
        else:
            prev, nxt = _neighbour(s, i, -1), _neighbour(s, i, 1)
            open_ctx = prev == "" or prev in _OPENERS
            close_ctx = nxt == "" or nxt in _CLOSERS or nxt == '"'
            has_open = bool(stack) and stack[-1][1] == '"'
            if open_ctx and close_ctx:
                # spaced on both sides (" bouclier fiscal "): close an open
                # quote, else open one
                can_close = has_open and prev != ""
                can_open = not can_close and nxt != ""
            else:
                can_close = close_ctx and prev != ""
                can_open = open_ctx and nxt != ""
            if can_close and has_open:
                k = len(stack) - 1
                pairs.append((stack[k][0], i, k))
                stack.pop()
            elif can_open:
                stack.append((i, '"'))
    for o, c, depth in pairs:
        if depth == 0:
            chars[o], chars[c] = "«", "»"
        else:
            chars[o], chars[c] = "“", "”"
    return "".join(chars)


# Patterns start with a literal or a character class (not a look-behind)
# so that the regex engine can skip quickly to candidate positions.
_APOS = re.compile(f"'(?<=[{L}]')(?=[{TAG}]?[{L}«\"“])")
_APOS_TAG = re.compile(f"(?<=[{L}]{TAG})'(?=[{TAG}]?[{L}«\"“])")


def apostrophes(s: str) -> str:
    """``'`` between letters (elision, aujourd'hui, l'Otan) → ’."""
    if "'" not in s:
        return s
    s = _APOS.sub("’", s)
    if TAG in s:
        s = _APOS_TAG.sub("’", s)
    return s


_GUILL_OPEN = re.compile(f"«({GAP})(?=[^{SP}{TAG}])")
_GAP_CHARS = frozenset(SP + TAG)


def _gap_start(s: str, i: int) -> int:
    """Index where the run of spaces/tag markers ending at ``i`` starts."""
    while i > 0 and s[i - 1] in _GAP_CHARS:
        i -= 1
    return i


def guillemet_spaces(s: str) -> str:
    """U+00A0 after « and before », whatever space (or none) was typed."""
    if "«" in s:
        s = _GUILL_OPEN.sub(lambda m: "«" + NBSP + _markers(m.group(1)), s)
    if "»" in s:
        parts = []
        last = 0
        i = s.find("»")
        while i != -1:
            g = _gap_start(s, i)
            if g > 0 and s[g - 1] != "«" and s[g:i] != NBSP:
                parts.append(s[last:g])
                parts.append(_markers(s[g:i]) + NBSP)
                last = i
            i = s.find("»", i + 1)
        if parts:
            parts.append(s[last:])
            s = "".join(parts)
    return s


# Not after a point: ". . ." is a spaced ellipsis, joined it would become "…" on the next pass.
_BEFORE_COMMA = re.compile(f"(?<=[^{SP}«(.])[ \t]+(?=({TAG}?)(?:,(?!\\d)|\\.(?![.\\w])))")


def no_space_before_comma(s: str) -> str:
    """No space before ``,`` or a sentence-ending ``.`` (``.5``, ``.htaccess``, ``..`` stay)."""
    if " ," in s or " ." in s or "\t," in s or "\t." in s:
        return _BEFORE_COMMA.sub("", s)
    return s


# A mark followed by a space, the end, a tag or closing punctuation.
_HIGH_MARK = re.compile(f"[:;!?](?=[{SP}{TAG}»”\"')\\]}}…!?.,;:]|$)")
_ENTITY_TAIL = re.compile(r"&#?\w+$")
_BRANDS = ("Yahoo",)


def high_punctuation(s: str) -> str:
    """U+00A0 before ``:``, U+202F before ``; ! ?`` (inserted if missing)."""
    if not (":" in s or ";" in s or "!" in s or "?" in s):
        return s
    parts = []
    last = 0
    for m in _HIGH_MARK.finditer(s):
        i = m.start()
        mark = s[i]
        g = _gap_start(s, i)
        if g == 0:
            continue  # nothing before the mark in this run
        pre = s[g - 1]
        gap = s[g:i]
        if pre in "([{«“/:;!?" or pre in "-–—" and not gap:
            continue  # after an opening mark, or second mark of ?! / ::
        if not gap and mark == ";" and _ENTITY_TAIL.search(s, 0, i):
            continue  # &foo; is a character reference, not a semicolon
        if not gap and mark == "!" and s.endswith(_BRANDS, 0, i):
            continue
        if mark == ":" and s.startswith(":", i + 1):
            continue  # IPv6 fdda:23::1f, C++ a::b
        space = NBSP if mark == ":" else NNBSP
        want = _markers(gap) + space
        if gap == want:
            continue
        parts.append(s[last:g])
        parts.append(want)
        last = i
    if not parts:
        return s
    parts.append(s[last:])
    return "".join(parts)


_THOUSANDS = re.compile(f"\\d(?<![\\d.,]\\d)\\d{{0,2}}(?:[ {NBSP}{NNBSP}]\\d{{3}})+(?![\\d]|[.,]\\d{{3}})")
_THOUSANDS_SEP = re.compile(f"[ {NBSP}]")


def thousands(s: str) -> str:
    """``10 000`` → ``10 000`` (U+202F), only for numbers written with a space."""
    return _THOUSANDS.sub(lambda m: _THOUSANDS_SEP.sub(NNBSP, m.group()), s)


_UNITS = (
    "km/h|km²|km2|km|kg|mg|µg|g|cm|mm|µm|nm|m²|m³|m|ha|cl|ml|mL|hl|hL|"
    "°C|°F|°|K|kWh|MWh|GWh|TWh|kW|MW|GW|W|kV|V|Hz|kHz|MHz|GHz|"
    "Ko|Mo|Go|To|kB|MB|GB|TB|kt|Mt|min|h|ms|s|"
    "Mds|Md|M€|Md€|Mds€|k€|€|\\$|£|¥|%|‰|CHF"
)
_UNIT_SPACE = re.compile(f"(\\d)[ \t]+(?=(?:{_UNITS})(?![\\w'’²³/]))")
_UNIT_GLUED = re.compile("(\\d)(?=[%‰€£](?![\\w]))")
_HOUR = re.compile(f"(\\d)[ {NBSP}]h[ {NBSP}](?=\\d\\d(?!\\d))")


def units(s: str) -> str:
    """U+00A0 between a number and its unit; ``12 h 30``."""
    if not _HAS_DIGIT(s):
        return s
    s = _UNIT_SPACE.sub("\\1" + NBSP, s)
    s = _UNIT_GLUED.sub("\\1" + NBSP, s)
    if " h" in s or NBSP + "h" in s:
        s = _HOUR.sub("\\1" + NBSP + "h" + NBSP, s)
    return s


_NUMERO = re.compile("(?<![\\w])([nN][°º]|[nN]os?\\.)[ \t]*(?=\\d)")


def numero(s: str) -> str:
    """``n° 5`` / ``no. 5`` bind to their number."""
    return _NUMERO.sub(lambda m: m.group(1) + NBSP, s) if "°" in s or "º" in s or "o." in s else s


_CLOCK = re.compile(f"(?<![\\w.,:])(\\d{{1,2}})[ {NBSP}]?h(?:[ {NBSP}]?(\\d\\d))?(?![\\w/'’])")


def _clock_repl(m: re.Match) -> str:
    hour, minutes = m.group(1), m.group(2)
    if int(hour) > 24 or minutes is not None and int(minutes) > 59:
        return m.group(0)
    return hour + NBSP + "h" + (NBSP + minutes if minutes else "")


def clock_times(s: str) -> str:
    """``16h10``, ``20h 13``, ``21h`` → ``16 h 10``, ``20 h 13``, ``21 h`` (no-break spaces).

    An hour of 0–24 and minutes of 00–59 only; ``24h/24``, ``1h57min``, ``4x4h`` stay."""
    return _CLOCK.sub(_clock_repl, s) if "h" in s and _HAS_DIGIT(s) else s


# A verb and its inverted subject pronoun: "a-t-il", "va-t-elle", "dit-il", "peut-on".
_INVERSION = re.compile(f"(?<![{L}\\-‑])([{L}]+)-(t-)?(il|elle|on|ils|elles)(?![{L}\\-‑])")


def inversions(s: str) -> str:
    """``a-t-il`` never breaks at a line end: its hyphens become U+2011 (non-breaking hyphen)."""
    if "-il" not in s and "-elle" not in s and "-on" not in s:
        return s
    return _INVERSION.sub(lambda m: m.group(1) + "‑" + ("t‑" if m.group(2) else "") + m.group(3), s)


# Abbreviations that announce a number: "p. 12", "art. 3", "art. L. 121", "§ 4", "vol. 2".
_ABBREVIATION = re.compile(
    f"(?<![{L}.])(pp?\\.|art\\.|chap\\.|vol\\.|fig\\.|§)[ \\t]*(?=\\d|[{UP}]\\.?[ \\t{NBSP}]?\\d)"
)


def abbreviations(s: str) -> str:
    """``p. 12``, ``art. 3``, ``§ 4``: the abbreviation never ends a line."""
    if "." not in s and "§" not in s:
        return s
    return _ABBREVIATION.sub(lambda m: m.group(1) + NBSP, s)


_BRACKET_OPEN = re.compile(f"([(\\[])[ \\t]+(?=[{TAG}]*[^{SP}{TAG})\\]])")
_BRACKET_CLOSE = re.compile(f"(?<=[^{SP}(\\[])[ \\t]+(?=[{TAG}]*[)\\]])")


def bracket_spaces(s: str) -> str:
    """``( texte )``, ``[ 1 ]`` → ``(texte)``, ``[1]`` (``- [ ] case`` stays)."""
    if "(" in s or "[" in s:
        s = _BRACKET_OPEN.sub("\\1", s)
    if ")" in s or "]" in s:
        s = _BRACKET_CLOSE.sub("", s)
    return s


_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_DATE = re.compile(f"(\\d(?<!\\w\\d)\\d?(?:er|{TAG}er{TAG})?)[ \t]+(?=(?:{_MONTHS})(?![\\w]))", re.I)


def dates(s: str) -> str:
    """``22 août`` / ``1er mai``: no break between day and month."""
    return _DATE.sub(lambda m: m.group(1) + NBSP, s)


_CIVILITY = re.compile(
    f"([MDP])(?<![\\w.][MDP])(M?\\.|mes?|lles?|e|gr|r\\.?)[ \t]+(?=[{TAG}]?[{UP}])"
)
_CIVILITY_OK = frozenset("M. MM. Mme Mmes Mlle Mlles Me Mgr Dr Dr. Pr Pr.".split())


def _civility_repl(m: re.Match) -> str:
    title = m.group(1) + m.group(2)
    return title + NBSP if title in _CIVILITY_OK else m.group(0)


def civilities(s: str) -> str:
    """``M. Rutte``: the title never ends a line (capitalised name only)."""
    return _CIVILITY.sub(_civility_repl, s)


_ACCENTED = {
    "Etat": "État", "Etats": "États", "Ecole": "École", "Ecoles": "Écoles",
    "Egypte": "Égypte", "Egyptien": "Égyptien", "Egyptiens": "Égyptiens",
    "Egyptienne": "Égyptienne", "Eglise": "Église", "Eglises": "Églises",
    "Elysée": "Élysée", "Elysées": "Élysées", "Election": "Élection", "Elections": "Élections",
    "Equateur": "Équateur", "Ethiopie": "Éthiopie", "Erythrée": "Érythrée",
    "Emirats": "Émirats", "Edimbourg": "Édimbourg", "Ecosse": "Écosse",
    "Economie": "Économie", "Education": "Éducation", "Energie": "Énergie",
    "Equipe": "Équipe", "Etudiants": "Étudiants", "Etude": "Étude",
    "Ete": "Été", "Etre": "Être", "Evidemment": "Évidemment",
    "Egalement": "Également", "Egalité": "Égalité", "Evénement": "Événement",
    "Evenement": "Événement", "Episode": "Épisode", "Epoque": "Époque",
    "Etienne": "Étienne", "Eric": "Éric", "Edouard": "Édouard", "Emile": "Émile",
    "Elodie": "Élodie", "Evry": "Évry", "Epinal": "Épinal", "Etampes": "Étampes",
    "Evian": "Évian", "Elisée": "Élisée", "Ecologie": "Écologie",
}
_ACCENT_WORDS = re.compile(
    "E(?<![\\w]E)(" + "|".join(sorted((w[1:] for w in _ACCENTED), key=len, reverse=True))
    + ")(?![\\w’])"
)
# À / Ça: sentence start + a lower-case word that is not a letter-name context.
_A_START = re.compile(f"([AC])(?<![\\w’'-][AC])(a?)(?=[ \t]+[{TAG}]?([{LOW}]+))")
_SENTENCE_END = frozenset(".!?…:«—–(]\n")
_A_NOT = frozenset(
    "et ou est était sera serait sont a plus moins vaut égale priori posteriori "
    "fortiori contrario minima maxima cappella capella".split()
)


def accented_capitals(s: str) -> str:
    """``Etats-Unis`` → ``États-Unis``, ``A ses côtés`` → ``À ses côtés``."""
    if "E" in s:
        s = _ACCENT_WORDS.sub(lambda m: _ACCENTED["E" + m.group(1)], s)
    if "A " in s or "Ca " in s or "A\t" in s:
        s = _A_START.sub(_a_repl, s)
    return s


def _a_repl(m: re.Match) -> str:
    word = m.group(1) + m.group(2)
    if word not in ("A", "Ca") or m.group(3) in _A_NOT:
        return word
    s = m.string
    i = m.start()
    g = _gap_start(s, i)
    if g > 0:
        if g == i and s[g - 1] != "\n":
            return word  # glued to what precedes: not a sentence start
        if s[g - 1] not in _SENTENCE_END and "\n" not in s[g:i]:
            return word
    return "À" if word == "A" else "Ça"


_ORDINAL = re.compile(
    "\\d(?<![\\w.,]\\d)\\d*(?:(?<=(?<!\\d)1)(ers?|res?|ères?|eres?)|(e|es|ème|èmes|eme|emes|è|nde?s?))(?![\\w'’])"
)
_ORD_NORM = {
    "er": "er", "ers": "ers", "re": "re", "res": "res", "ère": "re", "ères": "res",
    "ere": "re", "eres": "res", "e": "e", "es": "es", "ème": "e", "èmes": "es",
    "eme": "e", "emes": "es", "è": "e", "nd": "nd", "nds": "nds", "nde": "de", "ndes": "des",
}
_ROMAN = "(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_ROMAN_ORD = re.compile("([IVXLCDM](?<![\\w-][IVXLCDM])[IVXLCDM]*)(e|es|ème|èmes|eme|er)(?![\\w'’])")
_ROMAN_FULL = re.compile(_ROMAN)
_ROMAN_CONTEXT = re.compile(
    f"[ \t{NBSP}]+(?:siècles?|millénaires?|République|Empire|Reich|arrondissement|"
    "législature|Internationale|dynastie|congrès|Congrès|concile|Concile|Plan|plan|"
    "Sommet|sommet|Festival|festival|édition|et|-|–|au|à)(?![\\w])"
)
_CAPITALISED_BEFORE = re.compile(f"[{UP}][{L}]+[ \t{NBSP}]$")


def _arabic_ordinal(num: str, suf: str) -> bool:
    """Is ``num`` + ``suf`` (``1er``, ``2e``, ``2nde``) an ordinal we may set?"""
    if suf in _ORD_FIRST:
        return num == "1"
    if num == "1" and suf in ("e", "es", "è", "ème", "eme"):
        return False  # 1e is a typo with no safe reading
    return not suf.startswith("nd") or num == "2"


def _roman_ordinal(num: str, suf: str, s: str, start: int, end: int) -> bool:
    """Is the Roman ``num`` + ``suf`` at ``s[start:end]`` an ordinal (``XXe``, ``François Ier``)?"""
    if not _ROMAN_FULL.fullmatch(num):
        return False
    if suf == "er":
        # Ier: François Ier, Napoléon Ier — only after a capitalised name.
        return num == "I" and bool(_CAPITALISED_BEFORE.search(s, max(0, start - 40), start))
    return len(num) > 1 or (num in "IVX" and bool(_ROMAN_CONTEXT.match(s, end)))


_ORD_FIRST = frozenset("er ers re res ère ères ere eres".split())


def _ordinal_repl(m: re.Match) -> str:
    suf = m.group(1) or m.group(2)
    num = m.group(0)[: len(m.group(0)) - len(suf)]
    if not _arabic_ordinal(num, suf):
        return m.group(0)
    return f"{num}<sup>{_ORD_NORM[suf]}</sup>"


def _roman_repl(m: re.Match) -> str:
    num, suf = m.group(1), m.group(2)
    if not _roman_ordinal(num, suf, m.string, m.start(), m.end()):
        return m.group(0)
    return f"{num}<sup>{_ORD_NORM[suf]}</sup>"


# "5 e", "1 er", "XIX e": an ordinal whose suffix was typed apart (often a superscript lost on the
# way). Only suffixes that are no French word: "es" (tu es) and "è" stay apart; never before a digit
# ("1 e 2" is Italian); never the last group of a spaced number ("2 000 e").
_ORDINAL_SPACED = re.compile(
    f"(\\d(?<![\\w.,{NNBSP}]\\d)\\d*)[ {NBSP}](ers?|res?|ères?|e|ème|èmes|eme|emes)(?![\\w'’\\-]|[ {NBSP}]\\d)"
)
_ROMAN_SPACED = re.compile(
    f"([IVXLCDM](?<![\\w\\-][IVXLCDM])[IVXLCDM]*)[ {NBSP}](e|ème|èmes|eme|er)(?![\\w'’\\-]|[ {NBSP}]\\d)"
)


def ordinal_spaces(s: str) -> str:
    """``5 e``, ``1 er``, ``XIX e`` → ``5e``, ``1er``, ``XIXe`` (set as superscripts by ``superscripts``).

    Joined early so that the rules between see the ordinal as one word (``1er mai`` binds to
    its month); joined only when ``superscripts`` will accept the result.
    """
    if " e" not in s and " è" not in s and " r" not in s and NBSP not in s:
        return s
    if _HAS_DIGIT(s):
        s = _ORDINAL_SPACED.sub(
            lambda m: m.group(1) + m.group(2) if _arabic_ordinal(m.group(1), m.group(2)) else m.group(0), s)
    s = _ROMAN_SPACED.sub(
        lambda m: m.group(1) + m.group(2)
        if _roman_ordinal(m.group(1), m.group(2), m.string, m.start(), m.end()) else m.group(0), s)
    return s


def superscripts(s: str) -> str:
    """``1er``, ``2e``, ``XXe siècle`` → superscript suffixes (``<sup>``)."""
    if _HAS_DIGIT(s):
        s = _ORDINAL.sub(_ordinal_repl, s)
    if "e" in s:
        s = _ROMAN_ORD.sub(_roman_repl, s)
    return s


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

# ---------------------------------------------------------------------------
# Protection of URLs / e-mails, and of & < > references
# ---------------------------------------------------------------------------

_PROTECT = re.compile(
    r"(?:(?:https?|ftp)://|mailto:|www\.)[^\s<>\"«»\ue000-\uf8ff]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_TRAILING = ".,;:!?)]'’…"
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


from html.entities import html5 as _HTML5  # noqa: E402

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
        if _PRIVATE.search(ch):
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
    for rule in RULES:
        text = rule(text)
    text = _restore(text, PROT, prot)
    return _restore(text, ENT, ents)


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

# Start tags that implicitly close an open element of the same family.
_IMPLIED_CLOSE = {"p": ("p",), "li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"),
                  "tr": ("tr",), "td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}


class _Run:
    """Text nodes and marker groups between two block boundaries."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        # ["text"] or [marker_kind, raw_token, raw_token, ...]
        self.items: list[list[str]] = []

    def text(self, t: str) -> None:
        if self.items and self.items[-1][0] == "t":
            self.items[-1][1] += t
        else:
            self.items.append(["t", t])

    def marker(self, tok: str, opaque: bool = False) -> None:
        kind = OPAQUE if opaque else TAG
        if self.items and self.items[-1][0] != "t":
            last = self.items[-1]
            last.append(tok)
            if opaque:
                last[0] = OPAQUE
        else:
            self.items.append([kind, tok])

    def raw(self, tok: str) -> None:
        """Content of an inline verbatim element: part of the current marker."""
        self.items[-1].append(tok)

    def render(self) -> str:
        items = self.items
        texts = [it[1] for it in items if it[0] == "t"]
        if not texts or not any(t.strip() for t in texts):
            return "".join("".join(it[1:]) for it in items)
        if len(items) == 1:
            return typeset_text(texts[0]) if not _PRIVATE.search(texts[0]) else texts[0]
        joined = "".join(it[1] if it[0] == "t" else it[0] for it in items)
        markers = [it for it in items if it[0] != "t"]
        if not any(_PRIVATE.search(t) for t in texts):
            pieces = _SPLIT.split(typeset_text(joined))
            if len(pieces) == len(markers) + 1:
                res = [pieces[0]]
                for mk, piece in zip(markers, pieces[1:]):
                    res.append("".join(mk[1:]))
                    res.append(piece)
                return "".join(res)
        # Fallback (private-use characters in the input): node by node.
        return "".join(
            (it[1] if _PRIVATE.search(it[1]) else typeset_text(it[1])) if it[0] == "t"
            else "".join(it[1:])
            for it in items
        )


_SPLIT = re.compile(f"[{TAG}{OPAQUE}]")


def typeset(fragment: str) -> str:
    """Typeset an HTML fragment the French way; see the module docstring."""
    if not fragment:
        return fragment
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (element name, skipping)
    skipping = False
    opaque_level = 0  # >0: inside an inline verbatim element of the run
    run = _Run()

    def flush() -> None:
        nonlocal run
        if run.items:
            out.append(run.render())
            run = _Run()

    def pop_to(name: str) -> None:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                del stack[k:]
                return

    def emit_text(text: str) -> None:
        if opaque_level:
            run.raw(text)
        elif skipping:
            out.append(text)
        else:
            run.text(text)

    pos = 0
    for m in _TOKEN.finditer(fragment):
        start = m.start()
        if start > pos:
            emit_text(fragment[pos:start])
        pos = m.end()
        tok = m.group()
        if m.group("tag") is None:
            # comment, declaration, or raw-text element copied whole
            if opaque_level:
                run.raw(tok)
            elif skipping:
                out.append(tok)
            elif m.group("raw") is not None:
                flush()
                out.append(tok)
            else:
                run.marker(tok)
            continue
        name = m.group("name").lower()
        closing = tok[1] == "/"
        if opaque_level:
            run.raw(tok)
            if closing:
                pop_to(name)
                if len(stack) < opaque_level:
                    opaque_level = 0
            elif name not in _VOID and not tok.endswith("/>"):
                stack.append((name, True))
            skipping = stack[-1][1] if stack else False
            continue
        inline = name in _INLINE or name in _INLINE_VERBATIM
        if closing:
            pop_to(name)
            if skipping:
                out.append(tok)
            elif inline:
                run.marker(tok)
            else:
                flush()
                out.append(tok)
            skipping = stack[-1][1] if stack else False
            continue
        # start tag
        for implied in _IMPLIED_CLOSE.get(name, ()):
            if stack and stack[-1][0] == implied:
                stack.pop()
        void = name in _VOID or tok.endswith("/>")
        lang = _lang_of(tok) if not void else None
        parent_skip = stack[-1][1] if stack else False
        if lang is not None:
            new_skip = not lang.startswith("fr") or name in _VERBATIM
            # a French element inside a verbatim one stays verbatim
            if not new_skip and any(n in _VERBATIM for n, _s in stack):
                new_skip = True
        else:
            new_skip = parent_skip or name in _VERBATIM
        if skipping:
            out.append(tok)
            if not void:
                stack.append((name, new_skip))
                skipping = new_skip
            continue
        if void:
            if name == "wbr":
                run.marker(tok)
            elif name != "br" and (inline or name in _WORDLIKE_VOID):
                run.marker(tok, opaque=True)  # an image reads like a word
            else:
                flush()
                out.append(tok)
            continue
        if inline:
            run.marker(tok, opaque=new_skip)
            stack.append((name, new_skip))
            if new_skip:
                opaque_level = len(stack)
        else:
            flush()
            out.append(tok)
            stack.append((name, new_skip))
        skipping = new_skip
    if pos < len(fragment):
        emit_text(fragment[pos:])
    flush()
    return "".join(out)


_WORDLIKE_VOID = frozenset("img input embed".split())
_INLINE_VERBATIM = frozenset("code kbd samp var tt".split())
