"""Typography rules on punctuation, pure ``str -> str`` functions on a run of text (see
``typeset.RULES`` for their order): ellipses, dashes, quotes and apostrophes, the spaces around
guillemets, brackets, commas and the high marks ``: ; ! ?``."""

from __future__ import annotations

import re

from .chars import GAP, L, NBSP, NNBSP, SP, TAG, UP, gap_start, markers_kept

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


def guillemet_spaces(s: str) -> str:
    """U+00A0 after « and before », whatever space (or none) was typed."""
    if "«" in s:
        s = _GUILL_OPEN.sub(lambda m: "«" + NBSP + markers_kept(m.group(1)), s)
    if "»" in s:
        parts = []
        last = 0
        i = s.find("»")
        while i != -1:
            g = gap_start(s, i)
            if g > 0 and s[g - 1] != "«" and s[g:i] != NBSP:
                parts.append(s[last:g])
                parts.append(markers_kept(s[g:i]) + NBSP)
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
        g = gap_start(s, i)
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
        want = markers_kept(gap) + space
        if gap == want:
            continue
        parts.append(s[last:g])
        parts.append(want)
        last = i
    if not parts:
        return s
    parts.append(s[last:])
    return "".join(parts)


_BRACKET_OPEN = re.compile(f"([(\\[])[ \\t]+(?=[{TAG}]*[^{SP}{TAG})\\]])")
_BRACKET_CLOSE = re.compile(f"(?<=[^{SP}(\\[])[ \\t]+(?=[{TAG}]*[)\\]])")


def bracket_spaces(s: str) -> str:
    """``( texte )``, ``[ 1 ]`` → ``(texte)``, ``[1]`` (``- [ ] case`` stays)."""
    if ("(" in s or "[" in s) and ("( " in s or "[ " in s or "\t" in s):
        s = _BRACKET_OPEN.sub("\\1", s)
    # a space or tab, then the closing bracket or the tags before it
    if (")" in s or "]" in s) and (" )" in s or " ]" in s or _SPACE_TAG in s or "\t" in s):
        s = _BRACKET_CLOSE.sub("", s)
    return s


_SPACE_TAG = " " + TAG
