"""Acronyms: "Long Name (ACR)" / "ACR (Long Name)" links, and long forms read before "(ACR)"."""
from __future__ import annotations

import re

from .editorial import norm_key
from .mentions import Mention
from .words import ORG_HEADS


_ACRO = re.compile(r"^[A-Z0-9][A-Za-z0-9&\-\.]{1,11}$")
# capitalised words joined by hyphens: a compound name ("Saint-Denis", "Jean-Marc"), no acronym
_COMPOUND = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)+")


def _is_acronym(s: str) -> bool:
    return bool(_ACRO.match(s)) and sum(c.isupper() for c in s) >= 2 and " " not in s and not _COMPOUND.fullmatch(s)


def _initials_ok(acr: str, long: str) -> bool:
    a = norm_key(acr).replace(".", "").replace("-", "").replace(" ", "")
    words = [w for w in re.split(r"[\s\-'’]+", norm_key(long)) if w]
    return bool(a) and bool(words) and a[0] == words[0][0] and len(words) >= 2


def _initials_match_strict(acr: str, long: str) -> bool:
    """Letters of the acronym appear, in order, among the initials of the long form."""
    a = [c for c in norm_key(acr) if c.isalnum()]
    initials = [w[0] for w in re.split(r"[\s\-'’]+", norm_key(long)) if w and w[0].isalnum()]
    k = 0
    for c in initials:
        if k < len(a) and c == a[k]:
            k += 1
    return k == len(a)


def _spelled_by(acr: str, long: str) -> bool:
    """The initials of the long form's words, link words ("de", "la") left out, are the acronym; no
    list of common nouns ("CVC (chauffage, ventilation et climatisation)", a trade)."""
    if "," in long:
        return False
    letters = [c for c in norm_key(acr) if c.isalpha()]
    words = [w for w in _WORD_RUN.findall(norm_key(long)) if w not in _LINK_WORDS]
    return len(letters) >= 2 and [w[0] for w in words] == letters


def _named_in_another_language(acr: str, long: "Mention") -> bool:
    """An organisation's full name right before its acronym in parentheses, the acronym of its name
    in its own language: "l'Autorité des technologies de communication et d'information (BTK)"
    (Bilgi Teknolojileri ve İletişim Kurumu). A name of three words or more, the acronym in capitals:
    a party's label after a person or a town ("(LR)") is no organisation's other name."""
    return long.label == "ORG" and acr.isalpha() and acr.isupper() and len(_WORD_RUN.findall(long.name)) >= 3


_LINK_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "dans", "à", "au",
               "aux", "sur", "of", "the", "and", "for"}


_WORD_RUN = re.compile(r"[^\W\d_][\w]*")


def _long_form_before(text: str, acr: str, end: int) -> tuple[int, int] | None:
    """"conseil national de la communication (CNC)": the words right before ``end``
    whose initials (link words such as "de", "la" skipped) spell the acronym, when the
    model found the acronym but not its long form. Returns the long form's span."""
    letters = [c for c in norm_key(acr) if c.isalpha()]
    if len(letters) < 2 or len(letters) != len([c for c in acr if c.isalnum()]):
        return None
    window_start = max(0, end - 160)
    stop = max((text.rfind(c, window_start, end) for c in ".;:!?«»()\n"), default=-1)
    words = list(_WORD_RUN.finditer(text, max(window_start, stop + 1), end))
    content = [w for w in words if norm_key(w.group()) not in _LINK_WORDS]
    if len(content) < len(letters) or text[words[-1].end():end].strip():
        return None
    tail = content[-len(letters):]
    if [norm_key(w.group())[0] for w in tail] != letters:
        return None
    if len(content) > len(letters) and norm_key(content[-len(letters) - 1].group())[0] == letters[0] \
            and content[-len(letters) - 1].group()[:1].isupper():
        return None  # one more matching capitalised word before: ambiguous start
    return tail[0].start(), tail[-1].end()


# a determiner before an organisation described in lower case ("l'agence spatiale japonaise")
_DETERMINER_BEFORE = re.compile(r"(?<![\w\-])(?:[lL]['’]|(?:[lL]es|[lL]e|[lL]a|[dD]u|[dD]es|[aA]ux|[aA]u)[ \t]+)")
_LOWER_WORDS = re.compile(r"[a-zà-öø-ÿœæ][a-zà-öø-ÿœæ'’\-]*(?:[ \t]+[a-zà-öø-ÿœæ][a-zà-öø-ÿœæ'’\-]*){2,7}")


def _described_before(text: str, acr: str, end: int) -> tuple[int, int] | None:
    """"l'agence spatiale japonaise (JAXA)", "l'institut géologique américain (USGS)": an organisation
    described in French, in lower case, before the acronym of its name in its own language, which the
    French words do not spell. An organisation's head noun first ("agence", "institut", "services"),
    three to eight words ("la fédération internationale (ITU)" says too little to name a page),
    nothing else between the determiner and the parenthesis; the acronym in
    capital letters only ("(CNDD-FDD)" after "le mouvement jeunesse du parti au pouvoir" is the
    party's label). Returns the description's span."""
    if not (acr.isalpha() and acr.isupper()):
        return None
    window_start = max(0, end - 120)
    before = text[window_start:end].rstrip()
    for determiner in _DETERMINER_BEFORE.finditer(before):  # the longest description first
        words = _LOWER_WORDS.fullmatch(before, determiner.end())
        head = norm_key(words.group().split()[0]) if words else ""
        if head in ORG_HEADS or head.removesuffix("s") in ORG_HEADS:
            return window_start + determiner.end(), window_start + words.end()
    return None


# a capitalised word after a link word, where a long form may start inside a longer span
_INNER_START = re.compile(r"(?:[ \t](?:de[ \t]+la|de|du|des)[ \t]+|[ \t]d['’]|[ \t]de[ \t]+l['’])(?=[A-ZÀ-ÖØ-ÞŒ])")


def _start_where_spelled(text: str, mention: Mention, acr: str) -> None:
    """"le bureau Afrique de la Fédération internationale des ligues des droits de l'homme (FIDH)": an
    organisation span before its acronym that the acronym's letters do not spell from its first word,
    but do from a capitalised word further in, starts there (the words before are no part of the name)."""
    name = text[mention.start:mention.end]
    if _initials_match_strict(acr, name) and _initials_ok(acr, name):
        return
    for inner in _INNER_START.finditer(name):
        rest = name[inner.end():]
        if _initials_ok(acr, rest) and _initials_match_strict(acr, rest):
            mention.start += inner.end()
            mention.surface = mention.name = rest
            return


def _acronym_links(text: str, mentions: list[Mention]) -> list[Mention]:
    """Detect "Long Name (ACR)" / "ACR (Long Name)"; return new mentions: every occurrence
    of the acronym, linked (``link``) to the long form, and long forms read inside
    parentheses when the model did not find them ("ONUB (Opération des Nations unies au
    Burundi)")."""
    new: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    links: dict[str, Mention] = {}
    for m in mentions:
        tail = text[m.end:m.end + 20]
        pm = re.match(r"\s*\(\s*([^()\s]{2,12})\s*\)", tail)
        if pm and m.entry is None and m.label == "ORG" and _is_acronym(pm.group(1)):
            _start_where_spelled(text, m, pm.group(1))
        if pm and _is_acronym(pm.group(1)) and not _is_acronym(m.name) \
                and (_initials_ok(pm.group(1), m.name) or _named_in_another_language(pm.group(1), m)) \
                and (m.label != "PER" or _initials_match_strict(pm.group(1), m.name)):
            # "Laurent Wauquiez (LR)" is a party label, "Dominique Strauss-Kahn (DSK)" a nickname
            links.setdefault(pm.group(1), m)
            continue
        if not _is_acronym(m.name) or m.name in links:
            continue
        pm = re.match(r"\s*\(\s*", tail)
        if not pm:
            po = re.search(r"\(\s*$", text[max(0, m.start - 3):m.start])
            paren = m.start - len(po.group()) if po else -1
            if po and re.match(r"\s*\)", tail) and not _ends_at(mentions, paren - 2, paren):
                spelled = _long_form_before(text, m.name, paren)
                span = spelled or _described_before(text, m.name, paren)
                if span is not None:
                    surface = text[span[0]:span[1]]
                    # a description named as a page is written as a name, its acronym after it:
                    # "l'agence de presse officielle" is IRNA here and SANA there, two pages
                    name = surface if spelled else f"{surface[0].upper()}{surface[1:]} ({m.name})"
                    long = Mention(span[0], span[1], surface, name, "LOC" if m.label == "LOC" else "ORG")
                    new.append(long)
                    links[m.name] = long
            continue
        other = by_start.get(m.end + pm.end())
        if other is not None and not _is_acronym(other.name) and _initials_ok(m.name, other.name):
            links[m.name] = other
            continue
        pl = re.match(r"\s*\(\s*([^()\W\d_][^()\n]{3,120}?)\s*\)", text[m.end:m.end + 130])
        # a lowercase long form ("SNR (service national de renseignement)") only when its words
        # spell the acronym exactly: "(lire : ...)", "(selon la police)" are no long forms
        if pl and len(pl.group(1).split()) <= 12 and _initials_ok(m.name, pl.group(1)) \
                and _initials_match_strict(m.name, pl.group(1)) \
                and (pl.group(1)[:1].isupper() or _spelled_by(m.name, pl.group(1))):
            ls, le = m.end + pl.start(1), m.end + pl.end(1)
            long = Mention(ls, le, pl.group(1), pl.group(1), m.label, entry=None)
            new.append(long)
            links[m.name] = long
    for acr, long in links.items():
        for am in re.finditer(r"(?<![\w\-])" + re.escape(acr) + r"(?![\w\-])", text):
            if long.start <= am.start() < long.end:
                continue
            new.append(Mention(am.start(), am.end(), acr, acr, long.label,
                               entry=long.entry, link=long))
    return new


def _ends_at(mentions: list[Mention], lo: int, hi: int) -> bool:
    """Does a mention end in [lo, hi]? (a long form already found before "(ACR)")"""
    return any(lo <= m.end <= hi for m in mentions)
