"""Mention finding: editorial names found in a text (``editorial_matches``) and the model's spans
turned into mentions (``_model_mentions``: split, cut around editorial names, cleaned, typed),
minus what context says is no name (``not_names``); the person cues live in ``person_cues``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .editorial import Editorial, EditorialEntry, norm_key
from .words import (KIND_LABEL, LABEL_KIND, LEGISLATURES, Span, _ADMIN_HEAD_PLACE, _CLUB_MARKERS, _DEMONYM_WORDS,
                    _HEAD_BEFORE, _LOWER_HEAD_PLACE, _LOWER_ORG_KEEP_PLACE, _PUNCT_STRIP, _UPPER, head_kind, looks_like_demonym,
                    says_instead_of)
from .countries import is_country, is_country_or_capital, is_qualifiable
from .names import _PARTICLES, clean_name
from .not_names import _NOT_NAME, _drop_capital_determiner, _is_opening_participle
from .person_cues import _looks_like_full_name, _person_cue_before


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    name: str
    label: str  # PER / ORG / LOC
    entry: EditorialEntry | None = None
    link: "Mention | None" = None  # acronym occurrence -> its long form
    weak: bool = False  # label guessed (remainder of a cut span)


_WORD = r"[\w\-]"


def _form_pattern(form: str) -> str:
    """A surface form as a pattern: any apostrophe, a hyphen or a space for a hyphen, any run of
    spaces or hyphens for a space. Character by character, so a form's pattern is its first
    character's followed by the rest's."""
    pat = re.sub("['’]", "['’]", re.escape(form))  # one pass: the class itself holds a ’
    return pat.replace(r"\-", r"[\-‐‑ ]").replace(r"\ ", r"[\s\-‐‑]+")


def _alternation(forms: list[str]) -> str:
    """``form1|form2|...`` (first that matches wins: ``forms`` come longest first), grouped by
    first character: the regex engine tries the forms of one letter at each word, not the
    thousands of the file, and it matches what the flat alternation would (two forms with
    different first characters never match at the same place). Forms that start with a
    character a pattern widens (apostrophe, hyphen, space) stay alone, in their order."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        key = form[0] if form[0].isalnum() else ""
        groups.setdefault(key, []).append(form)
    alternatives = [_form_pattern(form) for form in groups.pop("", [])]
    for first, group in groups.items():
        rests = [_form_pattern(form[1:]) for form in group]
        alternatives.append(re.escape(first) + ("(?:" + "|".join(rests) + ")" if len(rests) > 1 else rests[0]))
    return "|".join(alternatives)


def _editorial_regex(editorial: Editorial) -> re.Pattern | None:
    """The pattern finding the editorial file's names in a text (``Editorial.names_pattern`` keeps it)."""
    pairs = editorial.surface_forms()
    if not pairs:
        return None
    return re.compile(r"(?<![\w\-])(?:" + _alternation([form for form, _ in pairs]) + r")(?![\w\-]|['’]\w)")


# "RN 79", "A 8", "RER B": an acronym followed by a number is a road, a line or a model,
# not the party or company the acronym also names
_NUMBER_AFTER = re.compile(r"[ \t]?\d")


def _is_numbered_code(text: str, m: re.Match) -> bool:
    return m.group(0).isupper() and _NUMBER_AFTER.match(text, m.end()) is not None


def editorial_matches(text: str, editorial: Editorial) -> list[Mention]:
    rx = editorial.names_pattern
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        entry = editorial.lookup(m.group(0))
        if entry is None or _is_numbered_code(text, m):
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), entry.name,
                           KIND_LABEL[entry.kind], entry=entry))
    return out


# one capitalised word after a first name ("France" + " Gall")
_SURNAME_AFTER = re.compile(r"[ \t\u00a0]+[A-ZÀ-ÖØ-ÞŒ][\w\-’']+")
# "en Somalie", "au Mali": where an organisation works, after its name
_PLACE_AFTER = re.compile(r"[\s\u00a0]+(?:en|au|aux)[\s\u00a0]+(?=[A-ZÀ-ÖØ-ÞŒ])")
_CONNECTOR_BEFORE = re.compile(r"(?:\b(?:de|du|des|de la|d|l|la|le|les|et|pour|sur|en|à|au|aux)['’\s]*)$", re.I)


def _only_a_place_after(text: str, ed: Mention, end: int, inside: list[Mention]) -> bool:
    """Whether the rest of a span after an editorial match is "en/au/aux" and only a place: a country,
    a capital or another editorial name ending the span ("l'Union africaine en Somalie", "Saint-Siège
    aux Nations unies"), not the rest of the organisation's own name ("Al-Qaïda au Maghreb islamique",
    "État islamique en Irak et au Levant")."""
    link = _PLACE_AFTER.match(text, ed.end, end)
    if link is None:
        return False
    return is_country_or_capital(text[link.end():end]) or any((other.start, other.end) == (link.end(), end)
                                                               for other in inside)


def _keep_whole(text: str, span: Span, ed: Mention, inside: list[Mention]) -> bool:
    """Should a model span that strictly contains an editorial match (one of ``inside``) be kept whole?"""
    s, e, label = span
    before = text[s:ed.start]
    after = text[ed.end:e]
    kind = ed.entry.kind if ed.entry else LABEL_KIND[ed.label]
    if before.strip() and _CONNECTOR_BEFORE.search(before):
        return True  # "Banque de France", "Grande Mosquée de Valence"
    if label == "PER" and kind == "personne" and before.strip() and not after.strip():
        return True  # "Brigitte Macron" vs editorial "Macron"
    if label == "PER" and kind == "lieu" and not before.strip() and _SURNAME_AFTER.fullmatch(after):
        return True  # "France Gall", "Florence Foresti": a first name a place also bears
    if label == "ORG" and kind == "organisation" and not before.strip() and norm_key(after) in _CLUB_MARKERS:
        return True  # "PSG Handball": the club's section, not "Handball" beside the editorial "PSG"
    if label == "ORG" and kind == "organisation" and _UPPER.match(before.strip()) and not after.strip():
        return True  # "Nouveau Parti socialiste" vs editorial "Parti socialiste" (not "syndicat CGT")
    if label == "ORG" and kind == "lieu":
        return True  # "Paris Saint-Germain", "Real Madrid"
    if after.strip() and re.match(r"^[\s\-]*[a-zà-ÿ]", after) and kind != "personne":
        # "Union européenne" containing "Union"? lowercase continuation; not a place after it ("l'Union
        # africaine en Somalie" is the Union and the country: only a mission takes it, ``_extend_orgs``)
        return not _only_a_place_after(text, ed, e, inside)
    return False


_COORDINATION = re.compile(r"\s*(?:,|et|ou)\s*")


def _coordinated(text: str, eds: list[Mention]) -> bool:
    """Two editorial names inside one model span joined by "et", "ou" or a comma: two entities
    ("la Dares et Pôle emploi"), not one longer name."""
    ordered = sorted(eds, key=lambda m: m.start)
    return any(_COORDINATION.fullmatch(text, a.end, b.start) for a, b in zip(ordered, ordered[1:]))


_SPAN_BREAK = re.compile(r"\s*\n\s*|\s+[-–—]\s+|\s*[–—«»]\s*")


# where an organisation's name has ended and the sentence goes on inside a model span: a verb ("de
# tenter", "de la valider", "visant", "soient"), a relative or a conjunction ("... que l'Église"), a
# date ("de 2013 à 2016"), "dans", "sous" ("ministre de l'Équipement sous de Gaulle"), the country the
# sentence already named ("la Cour suprême du pays": the generic institution, told apart by its country)
_RUN_ON = re.compile(r"\s+(?:(?:de|d['’]|à)\s+(?:la\s+|le\s+|les\s+|l['’])?[a-zéèêîô]+(?:er|ir|re)(?=\s|$)"
                     r"|[a-zéèêîô]{3,}ant(?=\s|$)|(?:soit|soient|est|sont|a|ont|était|étaient)(?=\s|$)"
                     r"|(?P<relative>(?:que|qui|dont|où|lorsque|quand|afin)(?=\s)|qu['’])"
                     r"|(?:de|en|à)\s+\d|(?:dans|sous)(?=\s)|(?:du|de\s+ce)\s+pays(?![\w\-]))")


_DANGLING_LINK = re.compile(r"\s+(?:au|aux|du|des|de|de\s+la|en|à|et|pour|sur)(?=\s*$)|\s+(?:de\s+l|d|l)['’]$")


def _split_span(text: str, s: int, e: int, label: str) -> list[tuple[int, int]]:
    """A model span never crosses a line break; a place/organisation span never crosses a
    spaced dash ("Autriche - Hongrie", a fixture, is two places) nor a guillemet (the channel and
    its programme, "TMC « Quotidien »", are two names); an organisation's ends where
    the sentence goes on (``_RUN_ON``: "l'Église catholique de tenter de convaincre...")."""
    if label == "ORG" and (run_on := _RUN_ON.search(text, s, e)):
        e = run_on.start()
    if label in ("ORG", "LOC") and (dangling := _DANGLING_LINK.search(text, s, e)) and dangling.end() == e:
        e = dangling.start()  # "Al-Qaïda au" (Maghreb islamique cut off by the model)
    out = []
    cur = s
    for m in _SPAN_BREAK.finditer(text, s, e):
        if "\n" not in m.group(0) and label == "PER":
            continue
        if m.start() > cur:
            out.append((cur, m.start()))
        cur = m.end()
    if cur < e:
        out.append((cur, e))
    return out if label == "PER" else [part for ps, pe in out for part in _countries_joined(text, ps, pe)]


def _countries_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"l'axe Téhéran-Bagdad-Damas", "le match Royaume-Uni - Turquie": countries or capitals joined by
    dashes (two capitals by a spaced one) are each a place (read longest first: "Royaume-Uni" keeps its
    hyphen); a country's own name ("Guinée-Bissau") and a capital joined by one hyphen ("Paris-Dakar",
    "Congo-Kinshasa") stay whole."""
    dashes = [m.span() for m in re.finditer(r"\s*[-–]\s*", text[start:end])]
    if not dashes or is_country(text[start:end]) or (
            len(dashes) == 1 and dashes[0][1] - dashes[0][0] == 1  # "Paris-Dakar", "Congo-Kinshasa": one name
            and not all(is_country(piece) for piece in re.split("[-–]", text[start:end]))):  # "France-Italie": two
        return [(start, end)]
    bounds = [0] + [x for span in dashes for x in span] + [end - start]  # word i: bounds[2i]..bounds[2i+1]
    words = len(dashes) + 1
    parts, first = [], 0
    while first < words:
        last = next((last for last in range(words - 1, first - 1, -1)
                     if is_country_or_capital(text[start + bounds[2 * first]:start + bounds[2 * last + 1]])), None)
        if last is None:
            return [(start, end)]
        parts.append((start + bounds[2 * first], start + bounds[2 * last + 1]))
        first = last + 1
    return parts


def _model_mentions(text: str, spans: Iterable[Span], eds: list[Mention],
                    editorial: Editorial) -> tuple[list[Mention], set[int]]:
    """Model mentions (cut around editorial matches); returns indices of editorial
    matches overridden by a longer model span."""
    spans = list(spans)
    out: list[Mention] = []
    dropped: set[int] = set()
    for s, e, label in sorted(spans):
        if label not in LABEL_KIND:  # MISC (works, events...): the shipped model, trained without it, gives none
            continue
        overlapped = [i for i, m in enumerate(eds) if m.start < e and m.end > s]
        pieces, weak = _cut_around_editorial(text, (s, e, label), eds, overlapped, dropped)
        if label == "ORG":
            pieces = [(ps, _before_clause(text, ps, pe, spans, editorial)) for ps, pe in pieces]
        pieces, label = _split_pieces(text, pieces, label)
        for ps, pe in pieces:
            plabel = _piece_label(text, ps, pe, label, weak, [eds[i] for i in overlapped], editorial)
            mention = _piece_mention(text, ps, pe, plabel, weak, editorial)
            if mention is not None:
                out.append(mention)
    return out, dropped


def _before_clause(text: str, start: int, end: int, spans: list[Span], editorial: Editorial) -> int:
    """Where an organisation span that runs on into a clause ends ("l'Église épiscopale des États-Unis de
    la communion pour une période de trois ans [...] que l'Église"): at the longest part before the
    relative or conjunction that is another span of the text or a name of the editorial file, else
    before it; ``end`` when no clause opens inside (the other run-ons are cut by ``_split_span``)."""
    clause = _RUN_ON.search(text, start, end)
    if clause is None or clause.group("relative") is None:
        return end
    others = {text[s:e].strip(_PUNCT_STRIP) for s, e, _ in spans if (s, e) != (start, end)}
    for word in reversed(list(re.finditer(r"[^\s]+", text[start:clause.start()]))):
        part = text[start:start + word.end()].strip(_PUNCT_STRIP)
        if part in others or editorial.lookup(clean_name(part, "ORG")[1]) is not None:
            return start + word.end()
    return clause.start()


def _cut_around_editorial(text: str, span: Span, eds: list[Mention], overlapped: list[int],
                          dropped: set[int]) -> tuple[list[tuple[int, int]], bool]:
    """The parts of a model span to read, and whether their label is a guess: the whole span when
    it is a longer name embedding the editorial matches it overlaps (their indices then go into
    ``dropped``), else the parts around them ("Otan Mark Rutte" -> "Mark Rutte", weak)."""
    s, e, _ = span
    if not overlapped:
        return [(s, e)], False
    if all(eds[i].start >= s and eds[i].end <= e and (eds[i].start, eds[i].end) != (s, e)
           for i in overlapped) and all(_keep_whole(text, span, eds[i], [eds[j] for j in overlapped]) for i in overlapped) \
            and not _coordinated(text, [eds[i] for i in overlapped]):
        dropped.update(overlapped)
        return [(s, e)], False
    pieces = []
    cur = s
    for i in sorted(overlapped, key=lambda i: eds[i].start):
        if eds[i].start > cur:
            pieces.append((cur, eds[i].start))
        cur = max(cur, eds[i].end)
    if cur < e:
        pieces.append((cur, e))
    return pieces, True


# "le procureur de la République de Chambéry": the prosecutor of the Republic at Chambéry's court;
# the place is Chambéry, there is no "République de Chambéry"
_PROSECUTOR_BEFORE = re.compile(r"(?<![\w\-])[Pp]rocureure?s?[\s\u00a0]+de[\s\u00a0]+la[\s\u00a0]+$")
_REPUBLIC_OF = re.compile(r"République[\s\u00a0]+(?:de[\s\u00a0]+|d['’]|du[\s\u00a0]+)(?=[A-ZÀ-ÖØ-ÞŒ])")


def _split_pieces(text: str, pieces: list[tuple[int, int]], label: str) -> tuple[list[tuple[int, int]], str]:
    """The pieces split at line breaks and dashes (``_split_span``); a single place or organisation
    piece after a lowercase head keeps the place only."""
    pieces = [q for ps, pe in pieces for q in _split_span(text, ps, pe, label)]
    if label in ("ORG", "LOC") and len(pieces) == 1:
        # "aéroport de Rostov", "parquet de Paris" (lowercase head): the place only
        hm = _LOWER_HEAD_PLACE.match(text, pieces[0][0], pieces[0][1])
        if hm is None and label == "LOC":
            hm = _ADMIN_HEAD_PLACE.match(text, pieces[0][0], pieces[0][1])
        if hm is None and _PROSECUTOR_BEFORE.search(text, max(0, pieces[0][0] - 20), pieces[0][0]):
            hm = _REPUBLIC_OF.match(text, pieces[0][0], pieces[0][1])  # "procureur de la République de Chambéry"
        if hm and hm.end() < pieces[0][1]:
            return [(hm.end(), pieces[0][1])], "LOC"
    return pieces, label


def _piece_label(text: str, ps: int, pe: int, label: str, weak: bool, overlapped: list[Mention],
                 editorial: Editorial) -> str:
    """The label of one piece: the model's, or PER for what reads as a person's name."""
    raw = text[ps:pe]
    if weak and label != "PER" and any(LABEL_KIND[label] == ed.entry.kind for ed in overlapped):
        # the model's label is explained by the editorial part ("Otan" in
        # "Otan Mark Rutte"); a remainder made of 2-4 capitalised words is a person
        toks = raw.strip(_PUNCT_STRIP).split()
        if 2 <= len(toks) <= 4 and all(_UPPER.match(t) or norm_key(t) in _PARTICLES for t in toks):
            return "PER"
    if label == "PER":  # one word: "la ville de Robert Ménard" is his town, he stays a person
        return "LOC" if " " not in raw.strip() and _AFTER_PLACE_NOUN.search(text, max(0, ps - 40), ps) else label
    # "l'Espagnole Caroline Routier", "l'Iranien Mojtaba Abedini": a demonym
    # followed by a capitalised name is a person, whatever the model said
    toks = raw.strip(_PUNCT_STRIP).split()
    if toks and re.match(r"^[lL]['’]", toks[0]):
        toks[0] = toks[0][2:]
    if 2 <= len(toks) <= 4 and (looks_like_demonym(toks[0]) or norm_key(toks[0]) in _DEMONYM_WORDS) \
            and all(_UPPER.match(t) for t in toks[1:]) \
            and editorial.lookup(" ".join(toks[1:])) is None \
            and not any(_UPPER.match(t) and looks_like_demonym(t) for t in toks[1:]):
        return "PER"
    if _looks_like_full_name(toks, editorial) and _person_cue_before(text, ps):
        return "PER"  # "l'entraîneur parisien, Staffan Olsson" read as ORG
    return label


# "à Modane", "en Louisiane", "la commune de Modane", "la vallée de la Maurienne": a name ending like a
# demonym ("Valaisanne", "Tarentais") that the sentence puts after a place preposition or a place is a place
_PLACE_NOUN_OF = (r"(?:commune|ville|village|municipalité|vallées?|région|province|wilaya)"
                  r"[\s\u00a0]+(?:de[\s\u00a0]+la|de|du|d['’])")
_PLACE_PREPOSITION = re.compile(r"(?<![\w\-])(?:à|en|" + _PLACE_NOUN_OF + r")[\s\u00a0]*$")
# "dans la ville de Hilla", "la commune de Chechar": what the model reads as a person there is a place
_AFTER_PLACE_NOUN = re.compile(r"(?<![\w\-])" + _PLACE_NOUN_OF + r"[\s\u00a0]*$")


def _piece_mention(text: str, ps: int, pe: int, plabel: str, weak: bool, editorial: Editorial) -> Mention | None:
    """The mention one piece of a model span makes once cleaned, or None when it is no name."""
    raw = text[ps:pe]
    surface, name = clean_name(raw, plabel)
    if plabel == "ORG" and norm_key(name) in LEGISLATURES:
        name = name[0].upper() + name[1:]  # "l'assemblée nationale" is the Assemblée nationale
    if not name or not _UPPER.search(name) or len(norm_key(name)) < 2:
        return None
    if editorial.is_stopped(name) or editorial.is_stopped(surface) or _NOT_NAME.match(name):
        return None
    if _is_opening_participle(text, ps + max(raw.find(name), 0), name) and editorial.lookup(name) is None:
        return None
    if plabel != "PER":
        name = _drop_capital_determiner(text, name, editorial)
        if looks_like_demonym(name) and editorial.lookup(name) is None and not _PLACE_PREPOSITION.search(text, 0, ps):
            return None
    off = raw.find(surface) if surface else 0
    ms = ps + max(off, 0)
    if name == surface:
        hb = _HEAD_BEFORE.search(text, max(0, ms - 40), ms)
        if hb and hb.end() == ms and not (plabel == "LOC" and hb.group(1) in _LOWER_ORG_KEEP_PLACE) \
                and not (plabel == "PER" and hb.group(1).lower() == "place" and says_instead_of(text, hb.start())):
            # the head noun before the name is part of it ("université de X", "association Y")
            surface = name = text[hb.start():ms + len(surface)]
            return Mention(hb.start(), hb.start() + len(surface), surface, name,
                           KIND_LABEL[head_kind(name) or LABEL_KIND[plabel]])
    entry = editorial.lookup(name)
    if entry is not None:
        return Mention(ms, ms + len(surface), surface, entry.name, KIND_LABEL[entry.kind], entry=entry)
    if not is_qualifiable(name):
        plabel = "LOC"  # a country, a French region or département is a place, never its council
    return Mention(ms, ms + len(surface), surface, name, plabel, weak=weak)
