"""Merging the mentions of one text into entities: same name, surname -> full name, initials ->
full name, the first words of an organisation -> the only longer one; type vote; canonical name."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from .admission import is_generic_institution
from .editorial import norm_key
from .model import Entity
from .words import LABEL_KIND, head_kind
from .mentions import Mention
from .names import _tokens


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


_ARTICLES = {"le", "la", "les"}


def _article_length(tokens: Sequence[str]) -> int:
    """1 for a name opening on an article ("le canard enchaine"), else 0."""
    return 1 if len(tokens) > 1 and tokens[0] in _ARTICLES else 0


def _merge_short_orgs(mentions: Sequence[Mention], uf: _UF) -> None:
    """"la Commission" after "la Commission européenne", "le Haut-Conseil" after "le
    Haut-Conseil électoral": an organisation named by the first words of a longer
    organisation name of the same article is that organisation (the way a surname is the
    person). Only when exactly one longer name starts with those words: "le Conseil"
    next to "Conseil de sécurité" and "Conseil d'État" stays apart. A generic institution every
    country has joins only when the text wrote the longer name first: "une réforme du Parlement",
    then "les règles du Parlement européen", is the French parliament, then the European one (but
    "la société 2F", then "2F Conseil", is one company). A leading article counts for nothing:
    "le « Canard »" after "Le Canard enchaîné"."""
    longer: dict[tuple[str, ...], set[str]] = {}
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.label != "ORG":
            continue
        toks = tuple(_tokens(m.name))
        if " ".join(toks) not in first or m.start < mentions[first[" ".join(toks)]].start:
            first[" ".join(toks)] = i
        for start in {0, _article_length(toks)}:
            for k in range(start + 1, len(toks)):
                longer.setdefault(toks[start:k], set()).add(" ".join(toks))
    for i, m in enumerate(mentions):
        if m.label != "ORG" or m.entry is not None or m.link is not None:
            continue
        cands = longer.get(tuple(_tokens(m.name)))
        if cands is not None and len(cands) == 1:
            named_first = mentions[first[" ".join(_tokens(m.name))]].start
            if not is_generic_institution(m.name) or mentions[first[next(iter(cands))]].start < named_first:
                uf.union(first[next(iter(cands))], i)


def resolve_mentions(mentions: Sequence[Mention]) -> list[Entity]:
    """The entities of one text's mentions, in the order they first appear (see the module docstring)."""
    n = len(mentions)
    if not n:
        return []
    uf = _UF(n)
    index = {id(m): i for i, m in enumerate(mentions)}
    key_first: dict[tuple, int] = {}
    for i, m in enumerate(mentions):
        k = ("ed", m.entry.name) if m.entry is not None else ("n", norm_key(m.name))
        if k in key_first:
            uf.union(key_first[k], i)
        else:
            key_first[k] = i
        if m.link is not None and id(m.link) in index:
            uf.union(i, index[id(m.link)])
    # an unlinked name equal to an editorial canonical name/alias was already mapped.
    _join_surnames(mentions, uf)
    _merge_short_orgs(mentions, uf)
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(uf.find(i), []).append(i)
    entities = [(min(mentions[i].start for i in idxs), _entity_of([mentions[i] for i in idxs]))
                for idxs in clusters.values()]
    return _merge_same_names(entities)


def _join_surnames(mentions: Sequence[Mention], uf: _UF) -> None:
    """A short person-like name that is the tail of a longer person name of the text joins it
    ("Rutte" -> "Mark Rutte"): the most mentioned full name, then the first seen."""
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
        words = m.name.split()
        for full, idxs in longs:
            ft = full.split(" ")
            # whole words of the full name: "Saint-Denis" is no surname of "Seine-Saint-Denis"
            if len(ft) > len(toks) and ft[-len(toks):] == toks and \
                    norm_key(" ".join(mentions[idxs[0]].name.split()[-len(words):])) == norm_key(m.name):
                cands.append(idxs[0])
        if cands:
            # the most mentioned full name (then the first seen); ambiguity is rare
            uf.union(cands[0], i)


def _entity_of(ms: list[Mention]) -> Entity:
    """One cluster's entity: the editorial one, else its kind by vote of the mentions' labels (or its
    head noun) and its longest name; forms are the other names (see the module docstring)."""
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
            acr = 1 if any(m.link is not None and m.name == nm for m in ms) else 0
            return (acr, -len(_tokens(nm)), -counts[nm], firsts[nm], nm)
        name = min(counts, key=rank)
        desc = ""
        hk = head_kind(name)
        if hk is not None:  # "Cour suprême", "Université de X", "place Tahrir"
            kind = hk
    forms: list[str] = []
    for m in sorted(ms, key=lambda m: m.start):
        # the surface text is a form of the name only when it is an editorial alias: a model's
        # span keeps titles and neighbours ("Président Trump", "ONU lundi")
        alias = m.entry is not None and norm_key(m.surface) in {norm_key(f) for f in m.entry.surface_forms}
        for f in ((m.name, m.surface) if alias else (m.name,)):
            f = " ".join(f.split())
            if f and f != name and f not in forms and not f.startswith(("MM.", "MM ")):
                forms.append(f)
    return Entity(name=name, kind=kind, forms=tuple(forms), description=desc)


def _merge_same_names(entities: list[tuple[int, Entity]]) -> list[Entity]:
    """Two clusters may end up with the same canonical name (e.g. an editorial entry reached
    through two unlinked routes): one entity, at the first one's place."""
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
