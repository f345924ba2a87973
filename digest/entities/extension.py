"""Extension: mentions the model missed or cut short (organisation heads, ministerial portfolios,
full institutional names, places named in lower case, particle names, team sheets)."""
from __future__ import annotations

import re

from .editorial import Editorial, norm_key
from .words import KIND_LABEL, _PUNCT_STRIP, head_kind, looks_like_demonym
from .mentions import Mention
from .names import _tokens


# WiNER: in "ministre de l'Intérieur", "ministre des Affaires étrangères", the portfolio
# ("Intérieur", "Affaires étrangères") is an organisation (the ministry)
_CAPW = r"[A-ZÉÈÀÂÎÔ][\w\-]+"


_PORTFOLIO = re.compile(
    r"(?<![\w\-])(?:[Ee]x-)?(?:[Mm]inistres?|[Mm]inistère|[Ss]ecrétaires? d['’][ÉE]tat)"
    r"(?:\s+(?!(?:de|des|du|aux?|à|et|en)\b)[a-zéèêëïô]+){0,2}"
    r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|aux\s+|à\s+la\s+|au\s+)"
    r"(" + _CAPW + r"(?:\s+(?:étrangères|nationale|publique|extérieur|intérieure|numérique|solidaires|sociales|d['’]urgence))?"
    r"(?:\s+(?:et(?:\s+(?:des|de\s+la|de\s+l['’]|du))?|des|de\s+la|de\s+l['’]|du)\s*" + _CAPW + r")?)(?![\w\-])")


_NOT_PORTFOLIO = {norm_key(w) for w in ("France", "Europe", "État", "Etat", "République", "Union")}


# "le quotidien Libération", "la compagnie Aerogaviota", "le groupe terroriste Boko Haram":
# the capitalised name after such a head noun is an organisation
_ORG_INTRO = re.compile(
    r"(?<![\w\-])(?:[lL]['’]\s*|[lL]e\s+|[lL]a\s+|[dD]u\s+|[aA]u\s+|[dD]e\s+la\s+|[dD]e\s+l['’]\s*)"
    r"(?:organisation|groupe|journal|compagnie|quotidien|entreprise|société|magazine|revue|collectif|"
    r"mouvement|agence|banque|site|constructeur|firme|opérateur|hebdomadaire|mensuel|chaîne|ONG|"
    r"start-up|startup|multinationale|enseigne|label|éditeur|syndicat|parti)"
    r"(?:\s+(?!(?:de|des|du|d|à|au|aux|en|et|le|la|les|qui|que|dont|a|est)\b)[a-zéèêëïôç\-]+)?\s+(?=[A-ZÀ-ÖØ-ÞŒ])")


_CAP_RUN = re.compile(
    r"[A-ZÀ-ÖØ-ÞŒ][\w\-&'’.+]*(?:[ \t]+(?:(?:de|du|des|d['’]|la|&|and|of|the)[ \t]+)?[A-ZÀ-ÖØ-ÞŒ0-9][\w\-&'’.+]*)*")


# places whose name is written in lower case: "le désert syrien", "la zone euro" (annotated places)
_NAMED_IN_LOWER_CASE = re.compile(
    r"(?<![\w\-])(?:désert[ \t]+[a-zéèï]+(?:ien|ienne|ain|aine|ais|aise|ois|oise|ique|an|ane)|zone[ \t]+euro)(?![\w\-])")


def _places_in_lower_case(text: str, mentions: list[Mention]) -> list[Mention]:
    """"le désert syrien", "la zone euro": places the model may read, but whose reading the rule "no
    capital, no name" drops."""
    return [Mention(m.start(), m.end(), m.group(0), m.group(0), "LOC") for m in _NAMED_IN_LOWER_CASE.finditer(text)
            if not _overlaps(mentions, m.start(), m.end())]


def _overlaps(mentions: list[Mention], s: int, e: int) -> bool:
    return any(m.start < e and m.end > s for m in mentions)


def _extra_mentions(text: str, mentions: list[Mention], editorial: Editorial) -> list[Mention]:
    """Organisations the model missed or mistyped: names introduced by an organisation
    head noun ("le quotidien X") and ministerial portfolios ("ministre de l'Intérieur")."""
    out = list(mentions)
    by_start = {o.start: o for o in out}
    for m in _ORG_INTRO.finditer(text):
        s2 = m.end()
        o = by_start.get(s2)
        if o is not None:
            if o.entry is None and o.label != "ORG":
                o.label, o.weak = "ORG", False
            continue
        run = _CAP_RUN.match(text, s2)
        if not run:
            continue
        e2 = run.end()
        name = text[s2:e2].strip(_PUNCT_STRIP)
        e2 = s2 + len(name)
        if not name or _overlaps(out, s2, e2) or editorial.is_stopped(name) or looks_like_demonym(name):
            continue
        entry = editorial.lookup(name)
        if entry is not None:
            out.append(Mention(s2, e2, name, entry.name, KIND_LABEL[entry.kind], entry=entry))
        else:
            out.append(Mention(s2, e2, name, name, "ORG"))
    out += _places_in_lower_case(text, out)
    for m in _PORTFOLIO.finditer(text):
        ps, pe = m.start(1), m.end(1)
        name = m.group(1).strip()
        if norm_key(name) in _NOT_PORTFOLIO or editorial.is_stopped(name):
            continue
        over = [o for o in out if o.start < pe and o.end > ps]
        # the model's reading of the portfolio itself ("Outre-mer" as a place, "ministre de
        # l'Économie" named "Économie" before "et des Finances") is replaced
        inside = [o for o in over if o.label != "PER" and text.find(o.name, o.start, o.end) >= ps
                  and o.end <= pe
                  and (o.entry is None or o.entry.kind != "lieu" or o.end - o.start < pe - ps)]
        over = [o for o in over if o not in inside]
        ok = True
        for o in over:
            # "ministre de l'Intérieur Bruno Le Roux": the person starts after the portfolio
            k = text.find(o.name, o.start, o.end) if o.label == "PER" else -1
            if k < pe:
                ok = False
                break
        if not ok:
            continue
        if inside:
            ids = {id(o) for o in inside}
            out = [o for o in out if id(o) not in ids]
        for o in over:
            k = text.find(o.name, o.start, o.end)
            o.start, o.surface = k, text[k:o.end]
        entry = editorial.lookup(name)
        if entry is not None:
            out.append(Mention(ps, pe, name, entry.name, KIND_LABEL[entry.kind], entry=entry))
        else:
            out.append(Mention(ps, pe, name, name, "ORG"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


# capitalised institutional head directly before a known name: "Mission de l'Union
# africaine", "Banque du Vatican", "Haut-Commissariat des Nations unies"
_LEFT_HEAD = re.compile(
    r"(?<![\w\-])((?:Haut[\- ])?(?:Mission|Commissariat|Conseil|Commission|Secrétariat|Bureau|"
    r"Force|Forces|Programme|Fonds|Agence|Office|Comité|Cour|Banque|Assemblée|Ambassade|"
    r"Parlement|Gouvernement|Ministère|Université|Fédération|Association|Institut)"
    r"(?:\s+[a-zéèêàç]+){0,2}\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]))\s*$")


# "... en Somalie", "... de Nice": an organisation name continued by its place
_RIGHT_LINK = re.compile(r"^\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’]|en|au|aux)\s*$")


_HUMAN_RIGHTS = re.compile(r"^\s+(?:aux|des|pour\s+les)\s+[dD]roits\s+de\s+l['’][hH]omme(?![\w\-])")


def _join_particle_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Marc Ladreit" + " de " + "Lacharrière": a person's name continued by a particle
    and one capitalised word the model read as a separate (place) name."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if (m.label == "PER" and m.entry is None and len(m.name.split()) >= 2 and i + 1 < len(ms)):
            n = ms[i + 1]
            gap = text[m.end:n.start]
            if (n.entry is None and n.label in ("LOC", "PER") and " " not in n.name
                    and re.fullmatch(r" (?:de|d['’]|du|von|van) ?", gap)
                    and not re.match(r"[\w\-]", text[n.end:n.end + 1])):
                surface = text[m.start:n.end]
                name = f"{m.name}{gap}{n.name}"
                out.append(Mention(m.start, n.end, surface, name, "PER"))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


# a team sheet: "Melić (4 buts sur 5 tirs)", "Karabatic L. (2/3)", "Accambray", one player a
# line; the model reads these lone surnames as places
_LINEUP_LINE = re.compile(
    r"^[ \t]*([A-ZÀ-ÖØ-ÞŒ][\w'’\-]+(?:[ \t][A-ZÀ-ÖØ-ÞŒ][\w'’\-]+)?(?:[ \t][A-ZÀ-ÖØ-ÞŒ]\.)?)"
    r"([ \t]+\((?:\d+/\d+|\d+ buts?)\b[^()\n]*\))?[ \t]*$", re.M)


_LINEUP_MIN_LINES, _LINEUP_MIN_STATS = 4, 2


def _lineup_players(text: str, mentions: list[Mention], editorial: Editorial) -> list[Mention]:
    """In a run of at least four one-name lines (blank lines between them allowed) of
    which at least two carry a statistic in parentheses, every line is a player."""
    runs: list[list[re.Match]] = []
    for m in _LINEUP_LINE.finditer(text):
        if runs and not text[runs[-1][-1].end():m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    out = list(mentions)
    for run in runs:
        if len(run) < _LINEUP_MIN_LINES or sum(1 for m in run if m.group(2)) < _LINEUP_MIN_STATS:
            continue
        for m in run:
            s, e = m.span(1)
            name = m.group(1)
            if editorial.lookup(name) is not None or editorial.is_stopped(name):
                continue
            out = [o for o in out if not (o.start < e and o.end > s)]
            out.append(Mention(s, e, name, name, "PER"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _extend_orgs(text: str, mentions: list[Mention], editorial: Editorial) -> list[Mention]:
    """Extend organisation names to the full institutional name: a capitalised head
    before a known name ("Mission de l'" + "Union africaine"), a place after an
    organisation ("Mission de l'Union africaine" + " en " + "Somalie", "hôpital Pasteur"
    + " de " + "Nice"), and "... aux droits de l'homme"."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        start, end, label = m.start, m.end, m.label
        changed = False
        prev_end = out[-1].end if out else 0
        lb = _LEFT_HEAD.search(text, max(prev_end, m.start - 80), m.start) \
            if m.label in ("ORG", "LOC") else None
        if lb and (m.label == "ORG" or lb.group(1).split()[0] in ("Mission", "Banque", "Ambassade")) \
                and not re.search(r"[.!?;:«»\n]", text[lb.start(1):m.start]):
            start, label, changed = lb.start(1), "ORG", True
        if label == "ORG" and (changed or head_kind(m.name) == "organisation"):
            # absorb following places ("en Somalie", "de Nice")
            while i + 1 < len(ms):
                n = ms[i + 1]
                gap = text[end:n.start]
                if not gap.strip() and _DANGLING.search(text[start:end]):
                    gap = " de "  # "Cour de magistrats de" + "Maidstone"
                if n.label == "LOC" and gap.strip() and _RIGHT_LINK.match(gap) \
                        and (changed or " " not in n.surface.strip()) \
                        and (not _IN_PLACE.match(gap) or _posted_abroad(text[start:end])):
                    end = n.end
                    changed = True
                    i += 1
                    continue
                break
            place = _UNREAD_PLACE.match(text, end)
            if place and not any(o.start < place.end() and o.end > end for o in ms[i + 1:i + 2]):
                end, changed = place.end(), True  # "Parlement" + " de Westminster", which the model did not read
        if label == "ORG":
            hr = _HUMAN_RIGHTS.match(text[end:end + 40])
            if hr:
                end += hr.end()
                changed = True
            joined = _joined_part(text, start, end, ms[i + 1] if i + 1 < len(ms) else None)
            if joined:
                end = joined
                changed = True
                if i + 1 < len(ms) and ms[i + 1].end <= end:
                    i += 1  # "Cie" of "Oddo et Cie", read apart by the model
        if changed:
            surface = text[start:end]
            name = " ".join(surface.split())
            entry = editorial.lookup(name)
            if entry is not None:
                out.append(Mention(start, end, surface, entry.name, KIND_LABEL[entry.kind], entry=entry))
            else:
                out.append(Mention(start, end, surface, name, "ORG"))
        else:
            out.append(m)
        i += 1
    return out


# the second half of a name joined by "et" that the model cut off: "Brigade de Recherche" + " et
# d'Intervention", "Fondation Culture" + " et Diversité", "Oddo" + " et Cie"
_AND_PART = re.compile(r"[ \t]+(?:et|&)[ \t]+(?:d['’]|de[ \t]+la[ \t]+|de[ \t]+l['’]|des[ \t]+|du[ \t]+)?"
                       r"[A-ZÀ-ÖØ-ÞŒ][\w\-]*(?![\w\-'’])")
_COMPANY_PARTNERS = re.compile(r"[ \t]+(?:et|&)[ \t]+(?:Cie|Fils|Associés)(?![\w\-])")
# "l'Agence américaine océanique" + " et atmosphérique" (NOAA): lower-case words after "et" that run
# straight into the name's acronym in parentheses still belong to the name
_AND_BEFORE_ACRONYM = re.compile(r"[ \t]+et[ \t]+[a-zà-öø-ÿœ][\w\-]*(?:[ \t]+[a-zà-öø-ÿœ][\w\-]*)?"
                                 r"(?=[ \t]*\([ \t]*[A-Z]{2,}[ \t]*\))")


def _joined_part(text: str, start: int, end: int, following: Mention | None) -> int | None:
    """Where an organisation name continued by "et" + a capitalised word ends, if it is one name:
    the name has two words or more (a lone "Google et Facebook" is two companies) and ends with a
    capitalised one, no other name of the text starts at the word (two organisations, "la Banque
    de France et Bercy"), and the word ends the name ("... et Diversité a", not "... et Jean Dupont")."""
    partners = _COMPANY_PARTNERS.match(text, end) or _AND_BEFORE_ACRONYM.match(text, end)
    if partners:
        return partners.end()
    part = _AND_PART.match(text, end)
    words = text[start:end].split()
    # two parallel capitalised parts: "de Recherche et d'Intervention", not "... québécois et SN"
    if part is None or len(words) < 2 or not words[-1][:1].isupper():
        return None
    if following is not None and following.start < part.end():
        return None
    if re.match(r"[ \t]+[A-ZÀ-ÖØ-ÞŒ]", text[part.end():part.end() + 2]):
        return None
    return part.end()


# a one-word place after an institution, not read by the model ("Parlement de Westminster")
_UNREAD_PLACE = re.compile(r"[ \t]+(?:de|du|d['’])[ \t]*[A-ZÀ-ÖØ-ÞŒ][\w\-]+(?![\w\-'’]|[ \t]+[A-ZÀ-ÖØ-ÞŒ])")


# "en Somalie", "au Burundi": the country an organisation works in is part of its name
# only for missions and embassies ("Mission de l'Union africaine en Somalie",
# "Ambassade d'Algérie au Canada"), not for "l'université de Kutch en Inde"
_IN_PLACE = re.compile(r"^\s*(?:en|au|aux)\s*$")


_POSTED_ABROAD = {"mission", "operation", "ambassade", "consulat", "force", "forces",
                  "bureau", "delegation", "representation"}


def _posted_abroad(name: str) -> bool:
    toks = _tokens(name.replace("'", " ").replace("’", " "))
    return bool(toks) and toks[0].split("-")[-1] in _POSTED_ABROAD


_DANGLING = re.compile(r"(?:\s(?:de|du|des|en)|\sd['’]|\sde\s+la|\sde\s+l['’])\s*$")
