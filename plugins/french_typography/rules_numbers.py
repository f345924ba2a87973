"""Typography rules on numbers, pure ``str -> str`` functions on a run of text (see
``typeset.RULES`` for their order): thousands, units, numéros, clock times, the abbreviations that
announce a number, dates, ordinals and their superscripts."""

from __future__ import annotations

import re

from .chars import L, NBSP, NNBSP, SP, TAG, UP, has_digit

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
    if not has_digit(s):
        return s
    s = _UNIT_SPACE.sub("\\1" + NBSP, s)
    if "%" in s or "‰" in s or "€" in s or "£" in s:
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
    return _CLOCK.sub(_clock_repl, s) if "h" in s and has_digit(s) else s


# Abbreviations that announce a number: "p. 12", "art. 3", "art. L. 121", "§ 4", "vol. 2".
# Not glued to a word, also across a tag ("5<sup>e</sup>§ 4" is the "e§" of the first pass).
_ABBREVIATION = re.compile(
    f"(?<![{L}.])(?<![{L}.]{TAG})(pp?\\.|art\\.|chap\\.|vol\\.|fig\\.|§)[ \\t]*(?=\\d|[{UP}]\\.?[ \\t{NBSP}]?\\d)"
)


def abbreviations(s: str) -> str:
    """``p. 12``, ``art. 3``, ``§ 4``: the abbreviation never ends a line."""
    # its pattern tried at every character (it starts with look-behinds): first what it needs
    if "p." not in s and "art." not in s and "vol." not in s and "fig." not in s and "§" not in s:  # "chap." has "p."
        return s
    return _ABBREVIATION.sub(lambda m: m.group(1) + NBSP, s)


_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_DATE = re.compile(f"(\\d(?<!\\w\\d)\\d?(?:er|{TAG}er{TAG})?)[ \t]+(?=(?:{_MONTHS})(?![\\w]))", re.I)


def dates(s: str) -> str:
    """``22 août`` / ``1er mai``: no break between day and month."""
    return _DATE.sub(lambda m: m.group(1) + NBSP, s)


_ORDINAL = re.compile(
    "\\d(?<![\\w.,]\\d)\\d*(?:(?<=(?<!\\d)1)(ers?|res?|ères?|eres?)|(e|es|ème|èmes|eme|emes|è|nde?s?))(?![\\w'’])"
)
_ORD_NORM = {
    "er": "er", "ers": "ers", "re": "re", "res": "res", "ère": "re", "ères": "res",
    "ere": "re", "eres": "res", "e": "e", "es": "es", "ème": "e", "èmes": "es",
    "eme": "e", "emes": "es", "è": "e", "nd": "nd", "nds": "nds", "nde": "de", "ndes": "des",
}
_ROMAN = "(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
# a lone L, C, D or M is never an ordinal (``_roman_ordinal``): left out here, "Le", "De", "Ce"
# would each call ``_roman_repl`` for nothing
_ROMAN_ORD = re.compile("([IVXLCDM](?<![\\w-][IVXLCDM])(?:(?<=[IVX])|(?=[IVXLCDM]))[IVXLCDM]*)(e|es|ème|èmes|eme|er)(?![\\w'’])")
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
    if has_digit(s):
        s = _ORDINAL_SPACED.sub(
            lambda m: m.group(1) + m.group(2) if _arabic_ordinal(m.group(1), m.group(2)) else m.group(0), s)
    s = _ROMAN_SPACED.sub(
        lambda m: m.group(1) + m.group(2)
        if _roman_ordinal(m.group(1), m.group(2), m.string, m.start(), m.end()) else m.group(0), s)
    return s


_DIGIT_THEN_SUFFIX = re.compile("\\d[eèrn]").search  # what every suffix of ``_ORDINAL`` starts with


def superscripts(s: str) -> str:
    """``1er``, ``2e``, ``XXe siècle`` → superscript suffixes (``<sup>``)."""
    if _DIGIT_THEN_SUFFIX(s):
        s = _ORDINAL.sub(_ordinal_repl, s)
    if "e" in s:
        s = _ROMAN_ORD.sub(_roman_repl, s)
    return s
