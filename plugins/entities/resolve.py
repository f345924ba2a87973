"""Per-article resolution: raw NER spans + editorial file -> entities (no spaCy import).

Pipeline for one text (all deterministic, a pure function of (text, spans, editorial)):

1. editorial matching: every name/alias of the editorial file found in the text
   (case-sensitive, word boundaries, typographic apostrophes/hyphens tolerated) is a
   *strong* mention -- it beats the model;
2. model spans: MISC dropped; a span overlapping an editorial match is either kept
   whole (it is a longer name that embeds the alias: "Banque de France", "Brigitte
   Macron", an ORG containing a place like "Paris Saint-Germain") or cut around the match
   ("Otan Mark Rutte" -> OTAN + "Mark Rutte");
3. clean-up: punctuation, determiners, titles/functions ("M.", "président", "ministre
   des Affaires étrangères"...) stripped; spans without a capital letter dropped; stop
   list applied; a cleaned span equal to an editorial alias becomes that entity;
4. acronyms: "Forces démocratiques syriennes (FDS)" (or "FDS (Forces ...)") makes the
   acronym an alias of the long name in that article; every occurrence is a mention;
5. merging: case/accent variants merge; a person's surname ("Rutte", "M. Rutte") merges
   into the full name seen in the same article ("Mark Rutte"); the type of a cluster is
   the editorial type, else the majority label of its mentions;
6. canonical name: editorial name, else the longest (most tokens) form, then the most
   frequent, then the first seen.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .editorial import Editorial, EditorialEntry, norm_key
from .model import Entity

LABEL_KIND = {"PER": "personne", "ORG": "organisation", "LOC": "lieu"}
KIND_LABEL = {v: k for k, v in LABEL_KIND.items()}

Span = tuple[int, int, str]

# --------------------------------------------------------------------------- clean-up
_TITLE_WORDS = [
    # honorifics
    "m.", "mm.", "mme", "mme.", "mmes", "mlle", "mlles", "me", "dr", "dr.", "pr", "pr.",
    "mgr", "monseigneur", "monsieur", "madame", "mademoiselle", "messieurs", "sir", "lord",
    "lady", "dame", "feu", "saint-père",
    # functions
    "président", "présidente", "vice-président", "vice-présidente", "premier", "première",
    "ministre", "ministres", "secrétaire", "général", "générale", "colonel", "commandant",
    "capitaine", "lieutenant", "lieutenant-colonel", "maréchal", "amiral", "sergent",
    "caporal", "soldat", "sénateur", "sénatrice", "député", "députée", "maire", "juge",
    "procureur", "procureure", "professeur", "professeure", "docteur", "maître", "pape",
    "roi", "reine", "prince", "princesse", "empereur", "impératrice", "cheikh", "émir",
    "imam", "rabbin", "abbé", "cardinal", "archevêque", "évêque", "ayatollah", "chancelier",
    "chancelière", "gouverneur", "gouverneure", "ambassadeur", "ambassadrice", "porte-parole",
    "directeur", "directrice", "patron", "patronne", "pdg", "ceo", "entraîneur", "sélectionneur",
    "candidat", "candidate", "ancien", "ancienne", "ex", "l'ancien", "l'ancienne",
    "leader", "chef", "cheffe", "coach", "président-directeur", "préfet", "préfète",
    "commissaire", "inspecteur", "agent", "officier", "sieur", "frère", "sœur", "père",
]
_TITLES = {norm_key(t) for t in _TITLE_WORDS}
_DETERMINERS = {"le", "la", "les", "l'", "l’", "du", "des", "de", "d'", "d’", "au", "aux",
                "un", "une", "à", "a", "en", "et", "par", "pour", "sur", "avec", "chez", "selon"}
_PUNCT_STRIP = " \t\n\r«»\"“”„‘’'`.,;:!?()[]{}–—-/*•·…"
_TOKEN = re.compile(r"\S+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞŒ]")
_PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "da",
              "di", "dos", "das", "del", "della", "y", "al", "el", "ben", "bin", "ibn", "ter",
              "ou", "zu", "af", "st", "bint", "abu", "abou"}


def _strip_punct(s: str, start: int) -> tuple[str, int]:
    """Strip surrounding punctuation, keeping a final "." of an initial/abbreviation."""
    left = len(s) - len(s.lstrip(_PUNCT_STRIP))
    s2 = s[left:]
    r = s2.rstrip(_PUNCT_STRIP)
    # keep closing parenthesis/quote balance simple: names rarely end with them
    return r, start + left


def _is_title(tok: str) -> bool:
    k = norm_key(tok)
    return k in _TITLES or k.rstrip(".") in _TITLES


def clean_name(surface: str, label: str) -> tuple[str, str]:
    """Return (surface, name): ``surface`` without punctuation/determiners (titles kept,
    e.g. "M. Rutte"), ``name`` without titles/functions either ("Rutte")."""
    s = " ".join(surface.split())
    s = s.strip(_PUNCT_STRIP)
    # leading lowercase determiners ("l'Otan", "la France")
    changed = True
    while changed and s:
        changed = False
        m = re.match(r"^(l['’]|d['’]|qu['’]|jusqu['’])(?=\w)", s)
        if m:
            s = s[m.end():]
            changed = True
            continue
        first, _, rest = s.partition(" ")
        if rest and first in _DETERMINERS:
            s = rest
            changed = True
    s = s.strip(_PUNCT_STRIP)
    surface_out = s
    toks = s.split(" ")
    # strip titles / functions and the lowercase words that follow them
    # ("président ukrainien Volodymyr Zelensky", "ministre des Affaires étrangères X")
    if label == "PER":
        i = 0
        while i < len(toks) and (_is_title(toks[i]) or not _UPPER.match(toks[i][:1] or "x")
                                 or re.match(r"^[dl]['’]$", toks[i], re.I)):
            i += 1
        # a function followed by a capitalised institution ("ministre de l'Intérieur X"):
        # keep the last run of capitalised tokens when a title was seen
        if 0 < i < len(toks):
            toks = toks[i:]
        elif i == len(toks):
            toks = []
        # remove trailing lowercase words ("Rutte vendredi")
        while toks and not _UPPER.search(toks[-1]) and norm_key(toks[-1]) not in _PARTICLES:
            toks.pop()
        while toks and norm_key(toks[-1]) in _PARTICLES:
            toks.pop()
    else:
        while toks and _is_title(toks[0]) and len(toks) > 1 and toks[0][:1].islower():
            toks = toks[1:]
    name = " ".join(toks).strip(_PUNCT_STRIP)
    # possessive/elided tails
    name = re.sub(r"['’]s$", "", name)
    return surface_out, name


# --------------------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    surface: str
    name: str
    label: str  # PER / ORG / LOC
    entry: EditorialEntry | None = None
    acronym_of: int | None = None  # index of the long-name mention
    weak: bool = False  # label guessed (remainder of a cut span)


_WORD = r"[\w\-]"


def _editorial_regex(editorial: Editorial) -> re.Pattern | None:
    cached = getattr(editorial, "_regex_cache", None)
    if cached is not None:
        return cached[0]
    pairs = editorial.surface_forms()
    if not pairs:
        editorial._regex_cache = (None, {})  # type: ignore[attr-defined]
        return None
    alts = []
    for form, _ in pairs:
        pat = re.escape(form)
        pat = pat.replace("'", "['’]").replace("’", "['’]")
        pat = pat.replace(r"\-", r"[\-‐‑ ]").replace(r"\ ", r"[\s\-‐‑]+")
        alts.append(pat)
    rx = re.compile(r"(?<![\w\-])(?:" + "|".join(alts) + r")(?![\w\-]|['’]\w)")
    editorial._regex_cache = (rx, {})  # type: ignore[attr-defined]
    return rx


def editorial_matches(text: str, editorial: Editorial) -> list[Mention]:
    rx = _editorial_regex(editorial)
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        entry = editorial.lookup(m.group(0))
        if entry is None:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), entry.name,
                           KIND_LABEL[entry.kind], entry=entry))
    return out


_CONNECTOR_BEFORE = re.compile(r"(?:\b(?:de|du|des|de la|d|l|la|le|les|et|pour|sur|en|à|au|aux)['’\s]*)$", re.I)


def _keep_whole(text: str, span: Span, ed: Mention) -> bool:
    """Should a model span that strictly contains an editorial match be kept whole?"""
    s, e, label = span
    before = text[s:ed.start]
    after = text[ed.end:e]
    kind = ed.entry.kind if ed.entry else LABEL_KIND[ed.label]
    if before.strip() and _CONNECTOR_BEFORE.search(before):
        return True  # "Banque de France", "Grande Mosquée de Valence"
    if label == "PER" and kind == "personne" and before.strip() and not after.strip():
        return True  # "Brigitte Macron" vs editorial "Macron"
    if label == "ORG" and kind == "lieu":
        return True  # "Paris Saint-Germain", "Real Madrid"
    if after.strip() and re.match(r"^[\s\-]*[a-zà-ÿ]", after) and kind != "personne":
        return True  # "Union européenne" containing "Union"? lowercase continuation
    return False


def _model_mentions(text: str, spans: Iterable[Span], eds: list[Mention],
                    editorial: Editorial) -> tuple[list[Mention], set[int]]:
    """Model mentions (cut around editorial matches); returns indices of editorial
    matches overridden by a longer model span."""
    out: list[Mention] = []
    dropped: set[int] = set()
    for s, e, label in sorted(spans):
        if label not in LABEL_KIND:
            continue
        pieces = [(s, e)]
        weak = False
        overl = [i for i, m in enumerate(eds) if m.start < e and m.end > s]
        if overl:
            if all(eds[i].start >= s and eds[i].end <= e and (eds[i].start, eds[i].end) != (s, e)
                   for i in overl) and all(_keep_whole(text, (s, e, label), eds[i]) for i in overl):
                dropped.update(overl)
            else:
                pieces = []
                cur = s
                for i in sorted(overl, key=lambda i: eds[i].start):
                    if eds[i].start > cur:
                        pieces.append((cur, eds[i].start))
                    cur = max(cur, eds[i].end)
                if cur < e:
                    pieces.append((cur, e))
                weak = True
        for ps, pe in pieces:
            raw = text[ps:pe]
            surface, name = clean_name(raw, label)
            if not name or not _UPPER.search(name) or len(norm_key(name)) < 2:
                continue
            if editorial.is_stopped(name) or editorial.is_stopped(surface):
                continue
            off = raw.find(surface) if surface else 0
            ms = ps + max(off, 0)
            entry = editorial.lookup(name)
            if entry is not None:
                out.append(Mention(ms, ms + len(surface), surface, entry.name,
                                   KIND_LABEL[entry.kind], entry=entry))
            else:
                out.append(Mention(ms, ms + len(surface), surface, name, label, weak=weak))
    return out, dropped


# --------------------------------------------------------------------------- acronyms
_ACRO = re.compile(r"^[A-Z0-9][A-Za-z0-9&\-\.]{1,11}$")


def _is_acronym(s: str) -> bool:
    return bool(_ACRO.match(s)) and sum(c.isupper() for c in s) >= 2 and " " not in s


def _initials_ok(acr: str, long: str) -> bool:
    a = norm_key(acr).replace(".", "").replace("-", "").replace(" ", "")
    words = [w for w in re.split(r"[\s\-'’]+", norm_key(long)) if w]
    return bool(a) and bool(words) and a[0] == words[0][0] and len(words) >= 2


def _acronym_links(text: str, mentions: list[Mention]) -> list[Mention]:
    """Detect "Long Name (ACR)" / "ACR (Long Name)"; add every occurrence of the acronym
    as a mention linked to the long name."""
    new: list[Mention] = []
    by_start = {m.start: i for i, m in enumerate(mentions)}
    links: dict[str, int] = {}
    for i, m in enumerate(mentions):
        tail = text[m.end:m.end + 20]
        pm = re.match(r"\s*\(\s*([^()\s]{2,12})\s*\)", tail)
        if pm and _is_acronym(pm.group(1)) and not _is_acronym(m.name) and _initials_ok(pm.group(1), m.name):
            links.setdefault(pm.group(1), i)
            continue
        if _is_acronym(m.name):
            pm = re.match(r"\s*\(\s*", tail)
            if pm:
                j = by_start.get(m.end + pm.end())
                if j is not None and not _is_acronym(mentions[j].name) and _initials_ok(m.name, mentions[j].name):
                    links.setdefault(m.name, j)
    for acr, i in links.items():
        long = mentions[i]
        for am in re.finditer(r"(?<![\w\-])" + re.escape(acr) + r"(?![\w\-])", text):
            new.append(Mention(am.start(), am.end(), acr, acr, long.label,
                               entry=long.entry, acronym_of=i))
    return new


# --------------------------------------------------------------------------- merging
class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", norm_key(name)) if t]


def collect_mentions(text: str, spans: Iterable[Span], editorial: Editorial) -> list[Mention]:
    eds = editorial_matches(text, editorial)
    model, dropped = _model_mentions(text, spans, eds, editorial)
    eds = [m for i, m in enumerate(eds) if i not in dropped]
    # editorial matches win over model mentions they overlap
    occupied = [(m.start, m.end) for m in eds]
    mentions = list(eds)
    for m in model:
        if any(m.start < e and m.end > s for s, e in occupied):
            continue
        mentions.append(m)
    mentions.sort(key=lambda m: (m.start, -m.end))
    acr = _acronym_links(text, mentions)
    if acr:
        taken = [(m.start, m.end) for m in mentions]
        keep = []
        for a in acr:
            # replace a model mention of the bare acronym; skip if inside a longer mention
            inside = [k for k, (s, e) in enumerate(taken) if s < a.end and e > a.start]
            if inside and any((taken[k][1] - taken[k][0]) > (a.end - a.start) for k in inside):
                continue
            for k in inside:
                mentions[k] = None  # type: ignore[call-overload]
            keep.append(a)
        # rebuild with stable indices for acronym_of
        longs = {id(mentions[a.acronym_of]): a.acronym_of for a in keep if a.acronym_of is not None
                 and mentions[a.acronym_of] is not None}
        base = [m for m in mentions if m is not None]
        index = {id(m): k for k, m in enumerate(base)}
        for a in keep:
            lm = mentions[a.acronym_of] if a.acronym_of is not None else None
            a.acronym_of = index.get(id(lm)) if lm is not None else None
        mentions = base + keep
        del longs
    return mentions


def resolve_mentions(mentions: Sequence[Mention]) -> list[Entity]:
    n = len(mentions)
    if not n:
        return []
    uf = _UF(n)
    key_first: dict[tuple, int] = {}
    for i, m in enumerate(mentions):
        k = ("ed", m.entry.name) if m.entry is not None else ("n", norm_key(m.name))
        if k in key_first:
            uf.union(key_first[k], i)
        else:
            key_first[k] = i
        if m.acronym_of is not None:
            uf.union(i, m.acronym_of)
    # an unlinked name equal to an editorial canonical name/alias was already mapped.
    # surname resolution: a short PER-ish name that is the tail of a longer person name
    person_names: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "PER":
            toks = _tokens(m.name)
            if len(toks) >= 2:
                person_names.setdefault(" ".join(toks), []).append(i)
    longs = sorted(person_names.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    for i, m in enumerate(mentions):
        if m.entry is not None and m.entry.kind != "personne":
            continue
        toks = _tokens(m.name)
        if not toks or (m.label != "PER" and len(toks) > 1):
            continue
        if m.label != "PER" and m.entry is not None:
            continue
        cands = []
        for full, idxs in longs:
            ft = full.split(" ")
            if len(ft) > len(toks) and ft[-len(toks):] == toks:
                cands.append(idxs[0])
        if cands:
            # the most mentioned full name (then the first seen); ambiguity is rare
            uf.union(cands[0], i)
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(uf.find(i), []).append(i)

    entities: list[tuple[int, Entity]] = []
    for root, idxs in clusters.items():
        ms = [mentions[i] for i in idxs]
        entry = next((m.entry for m in sorted(ms, key=lambda m: m.start) if m.entry is not None), None)
        if entry is not None:
            kind, name, desc = entry.kind, entry.name, entry.description
        else:
            votes = Counter()
            for m in ms:
                votes[m.label] += 0.5 if m.weak else 1.0
            # a merged surname-only mention counts for the full name's label
            best = max(votes.values())
            first_best = next(m.label for m in sorted(ms, key=lambda m: m.start) if votes[m.label] == best)
            kind = LABEL_KIND[first_best]
            counts = Counter(m.name for m in ms)
            firsts: dict[str, int] = {}
            for m in sorted(ms, key=lambda m: m.start):
                firsts.setdefault(m.name, m.start)
            def rank(nm: str) -> tuple:
                acr = 1 if any(m.acronym_of is not None and m.name == nm for m in ms) else 0
                return (acr, -len(_tokens(nm)), -counts[nm], firsts[nm], nm)
            name = min(counts, key=rank)
            desc = ""
        forms: list[str] = []
        for m in sorted(ms, key=lambda m: m.start):
            for f in (m.name, m.surface):
                f = " ".join(f.split())
                if f and f != name and f not in forms and not f.startswith(("MM.", "MM ")):
                    forms.append(f)
        first = min(m.start for m in ms)
        entities.append((first, Entity(name=name, kind=kind, forms=tuple(forms), description=desc)))
    # two clusters may end up with the same canonical name (e.g. editorial entry reached
    # through two unlinked routes): merge them
    merged: dict[tuple[str, str], tuple[int, Entity]] = {}
    for first, e in sorted(entities, key=lambda t: t[0]):
        k = (e.name, e.kind)
        if k in merged:
            f0, e0 = merged[k]
            forms = tuple(dict.fromkeys(e0.forms + e.forms))
            merged[k] = (f0, Entity(e0.name, e0.kind, forms, e0.description or e.description))
        else:
            merged[k] = (first, e)
    return [e for _, e in sorted(merged.values(), key=lambda t: t[0])]


def resolve(text: str, spans: Iterable[Span], editorial: Editorial | None = None) -> list[Entity]:
    """Entities of one text from raw model spans (``(start, end, label)``, offsets into
    ``text``; labels PER/ORG/LOC, anything else ignored)."""
    editorial = editorial or Editorial.empty()
    return resolve_mentions(collect_mentions(text, spans, editorial))
