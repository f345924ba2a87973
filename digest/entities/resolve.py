"""Per-article resolution: raw NER spans + editorial file -> entities (no spaCy import).

Pipeline for one text (all deterministic, a pure function of (text, spans, editorial)):

1. editorial matching: every name/alias of the editorial file found in the text
   (case-sensitive, word boundaries, typographic apostrophes/hyphens tolerated) is a
   *strong* mention -- it beats the model;
2. model spans (PER, ORG, LOC; a MISC span, which the shipped model never gives, is no entity): a span
   overlapping an editorial match is either kept whole (it is a longer name that
   embeds the alias: "Banque de France", "Brigitte Macron", an ORG containing a place
   like "Paris Saint-Germain") or cut around the match ("Otan Mark Rutte" -> OTAN +
   "Mark Rutte"; "Dares et Pôle emploi", two editorial names joined by "et", are two);
3. clean-up: punctuation, determiners, titles/functions ("M.", "président", "ministre
   des Affaires étrangères"...) stripped; spans without a capital letter dropped; stop
   list applied; a cleaned span equal to an editorial alias becomes that entity;
   person names keep a particle alone with the surname ("de Gaulle") and the dot of a
   final initial ("Nolan L."); first names such as "François" are not demonyms; a
   country, French region or département is a place whatever the model's label ("Grand Est");
3b. model spans are split at line breaks and, for places/organisations, at spaced dashes
   ("Autriche - Hongrie") and at any dash between countries or capitals ("Téhéran-Bagdad-Damas");
   an organisation span running on into a clause ends before it ("... que l'Église"), at a part
   the text names elsewhere; a name right after "la ville de" is a place; a type designation
   ("A320neo", "Antonov An-26") is a product, no entity; "aéroport de X"/"parquet de X" and administrative divisions
   ("comté de X", "province du X") and churches ("église Saint-Marc") keep only the
   place X; a maker's name used for its product ("Airbus A321", "114 Airbus") is dropped;
   a demonym + capitalised name read as a place is a person ("l'Espagnole Caroline R.");
3c. extra organisations: the name after an organisation head noun ("le quotidien X",
   "la compagnie X") and ministerial portfolios ("ministre de l'Intérieur" -> Intérieur);
   organisation names extended to the full institutional name ("Mission de l'" + Union
   africaine + " en Somalie", "... aux droits de l'homme", "Brigade de Recherche" + " et
   d'Intervention", "Parlement" + " de Westminster" the model did not read); head nouns, sports-club
   markers (FC, Handball...) and Arabic group heads (Jaysh, Ahrar...) type organisations;
   "Marc Ladreit" + " de " + "Lacharrière" is one person; a country after an organisation
   ("... en Somalie") joins the name only for missions and embassies; English names with
   their head last ("Turkish Airlines", "Splendid Hotel") are organisations; a name the
   model labelled ORG/LOC right after a function or a demonym ("l'entraîneur parisien,
   Staffan Olsson", "la Chinoise Yin Junhua") is a person; a participle opening a
   sentence ("Transportée à l'hôpital, ...") is no name; an acronym alias followed by a
   number ("RN 79") is a road, not the party; the one-name lines of a team sheet
   ("Melić (4 buts sur 5 tirs)", "Accambray") are players;
4. acronyms: "Forces démocratiques syriennes (FDS)" (or "FDS (Forces ...)") makes the
   acronym an alias of the long name in that article; every occurrence is a mention;
   when the model found only the acronym, the words before "(CNC)" whose initials spell
   it become the long form ("conseil national de la communication"), and so does an organisation
   described in lower case before a foreign acronym ("l'agence spatiale japonaise (JAXA)"); a long
   form starts where the acronym spells it ("bureau Afrique de la Fédération ... (FIDH)") and takes
   lower-case words after "et" that run into "(NOAA)"; a lowercase long form
   in parentheses after the acronym names it when its words spell it exactly ("SNR (service
   national de renseignement)");
5. merging: case/accent variants merge; a person's surname ("Rutte", "M. Rutte") merges
   into the full name seen in the same article ("Mark Rutte"); likewise the first words
   of an organisation name ("la Commission", "le Haut-Conseil") merge into the only
   longer organisation of the article starting with them; a party label in parentheses
   after a person ("Laurent Wauquiez (LR)") is not that person's acronym; the type of a cluster is
   the editorial type, else the majority label of its mentions;
6. canonical name: editorial name, else the longest (most tokens) form, then the most
   frequent, then the first seen.
"""
from __future__ import annotations

from typing import Iterable

from .editorial import Editorial
from .model import Entity
from .words import KIND_LABEL, LABEL_KIND, Span
from .mentions import Mention, _model_mentions, editorial_matches
from .not_names import _drop_contextual
from .extension import _extend_orgs, _extra_mentions, _join_particle_names, _lineup_players
from .acronyms import _acronym_links
from .admission import admit
from .merging import resolve_mentions

__all__ = ["LABEL_KIND", "KIND_LABEL", "Mention", "Span", "collect_mentions", "resolve", "resolve_mentions"]


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
    mentions = _drop_contextual(text, mentions)
    mentions = _extra_mentions(text, mentions, editorial)
    mentions = _extend_orgs(text, mentions, editorial)
    mentions = _join_particle_names(text, mentions)
    mentions = _lineup_players(text, mentions, editorial)
    for a in _acronym_links(text, mentions):
        over = [m for m in mentions if m.start < a.end and m.end > a.start and m is not a.link]
        if a.link is None:  # a long form read inside parentheses replaces what is inside
            if any(m.start < a.start or m.end > a.end for m in over):
                continue
        elif any(m.end - m.start > a.end - a.start for m in over):
            continue  # acronym inside a longer name
        if any(m.link is not None and m.link in over for m in mentions):
            continue
        ids = {id(m) for m in over}
        mentions = [m for m in mentions if id(m) not in ids]
        mentions.append(a)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def resolve(text: str, spans: Iterable[Span], editorial: Editorial | None = None) -> list[Entity]:
    """Entities of one text from raw model spans (``(start, end, label)``, offsets into
    ``text``; labels PER/ORG/LOC, anything else ignored)."""
    editorial = editorial or Editorial.empty()
    return admit(text, resolve_mentions(collect_mentions(text, spans, editorial)), editorial)
