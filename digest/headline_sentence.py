"""A lede's first sentence as spaCy parsed it, for rewriting into a headline (pure functions): its
dependency tree, its quotations, and which of its phrases only say when (the page's date says it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.headline_parse import Token

DAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
MONTHS = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
}
# Heads of phrases that only say when: the page's date says it already.
_TIME_WORDS = DAYS | MONTHS | {
    "hier", "aujourd'hui", "demain", "avant-hier", "matin", "soir", "soirée", "nuit", "après-midi", "matinée",
    "week-end", "veille", "lendemain", "heure", "h", "utc", "midi", "minuit", "dernièrement", "récemment",
}
# Nouns of a time that, after "ce", says when from the day it was written: "ces derniers jours".
_DEICTIC_SPANS = {"jour", "weekend", "week-end", "semaine", "mois", "année", "an", "saison", "été", "hiver", "printemps",
                  "automne", "période", "moment", "instant", "fois"}
# Nouns of a span of time: "en fin de matinée", "au mois de juillet" go whole.
SPANS = {"fin", "début", "milieu", "cours", "courant", "mois", "semaine", "année", "nuit", "journée"}
_RELATIVE_TIME = re.compile(
    r"\b(?:hier|aujourd'hui|demain|ce matin|ce soir|cette nuit|cet après-midi|" + "|".join(sorted(DAYS)) + r")\b",
    re.IGNORECASE,
)
# A clock time or a year: "19h00", "20 h 30", "2016".
CLOCK = re.compile(r"^\d{1,2}(?:h\d{0,2}|:\d\d)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
VOWEL_START = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœæh]", re.IGNORECASE)


# What a comma sets off that a headline keeps set off: a list's next item, an apposition, a complement.
_SET_OFF = {"appos", "nmod", "obl", "obl:mod", "obl:arg", "acl:relcl", "amod"}


# Locutions the parser reads as separate words ("dans peu de temps" as "dans peu" + "de temps", "du
# côté français du tunnel"): a headline keeps or drops each whole.
_LOCUTIONS = re.compile(
    r"\b(?:dans peu de temps|d'ici peu|il y a peu|peu de temps|du côté(?: \w+)? (?:de|du|des|d')|de part et d'autre (?:de|du|des|d')"
    r"|(?:à cause|en raison|au cours|à l'issue|au sein|à la suite|à partir|en présence|en vue|à l'occasion|aux côtés|au large"
    r"|au (?:nord|sud|est|ouest)|près|loin|lors|en dépit|au-delà|en faveur|au profit|à l'égard|en matière|au moment) (?:de|du|des|d')"
    r"|(?:grâce|face|jusqu'|quant|suite|par rapport) (?:à|au|aux)|(?:tant|ainsi|bien|alors|afin|parce|pendant|tandis|dès|avant|après) (?:que|qu')|afin de"
    r"|\d+ (?:e|er|ère|re|ème|es|ers)|m w"  # "la 14 e édition", written with a space; a magnitude "6,4 M w"
    # the name of a charge, whose complement the parser may hang on the verb: "condamné pour crime" says another
    r"|crimes? (?:contre l' ?humanité|de guerre|de génocide))(?= |$)"
)
# A date or a clock time as the parser splits it ("ce vendredi 1 er juillet", "vers 3 h 00"): whole or not at all.
_DATE = re.compile(
    rf"\b(?:(?:le|ce|dès|vers|à|du|au) )?(?:(?:{'|'.join(sorted(DAYS))}) )?(?:(?:\d{{1,2}}|premier)(?: (?:er|e|ère))? "
    rf"(?:{'|'.join(sorted(MONTHS))})(?: \d{{4}})?|\d{{1,2}} h(?: \d{{2}})?)(?= |$)"
)


def morphology(token: Token) -> dict[str, str]:
    return dict(part.split("=", 1) for part in token.morph.split("|") if "=" in part)


@dataclass
class Sentence:
    tokens: Sequence[Token]

    def __post_init__(self):
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, token in enumerate(self.tokens):
            if token.head != i:
                self.children[token.head].append(i)
        self.quote_of = self._quotes()
        self.front: set[int] = set()  # a subject that follows its verb, rendered first
        self.secondary: set[int] | None = None  # relative and adverbial clauses (_secondary)

    def glued_words(self) -> list[set[int]]:
        """Runs of tokens written as one word, without spaces: "19"78", "Bâton-Rouge", "I-Télé", and an
        elision inside a hyphenated name ("Goutte-d'Or"), not one that opens a word ("l'armée")."""
        tokens, spans = self.tokens, []
        for i in range(1, len(tokens)):
            left, right = tokens[i - 1].text, tokens[i].text
            inside = bool(spans) and i - 1 in spans[-1]
            # "Churyumov–Gerasimenko", "km/h" (not "GBU-43/B", a name and its variant)
            slash = right == "/" and left[-1:].isalpha() or left == "/" and inside
            glued = not tokens[i - 1].space and (left[-1:].isalnum() or left[-1:] in "-–\"" or inside and left[-1:] in "'’" or slash) \
                and (right[:1].isalnum() or right[:1] in "-–\"" or slash) and (inside or not left.endswith(("'", "’")))
            if glued and spans and i - 1 in spans[-1]:
                spans[-1].add(i)
            elif glued:
                spans.append({i - 1, i})
        return spans

    def held_by_its_word(self, kept: set[int], i: int) -> bool:
        """Whether ``i`` is part of a word written as one ("Bâton-Rouge", "Goutte-d'Or"), all kept, another
        part of which hangs on a kept word: the parser may hang the parts apart."""
        return any(i in span and span <= kept and any(self.tokens[j].head in kept for j in span - {i})
                   for span in self.glued_words())

    def locutions(self) -> list[set[int]]:
        """Locutions the parser may read as separate words ("dans peu de temps", "du côté français du"), and
        dates ("le 1 er juillet")."""
        return self._spans(_LOCUTIONS) + self._spans(_DATE)

    def broken_dates(self, kept: set[int]) -> set[int]:
        """What ``kept`` has left of dates and clock times it lost a word of ("le 1 er [juillet]", "3 [h] 00")."""
        return set().union(*(span & kept for span in self._spans(_DATE) if not span <= kept))

    def _spans(self, pattern: re.Pattern) -> list[set[int]]:
        starts, text = [], ""
        for token in self.tokens:
            starts.append(len(text))
            text += token.text.lower().replace("’", "'") + " "
        spans = [{i for i, start in enumerate(starts) if match.start() <= start < match.end()} for match in pattern.finditer(text)]
        return [span for span in spans if len(span) > 1]

    def incise_commas(self, kept: set[int]) -> set[int]:
        """The commas a headline made of ``kept`` writes: the one before a list's item, an apposition or a
        complement that the lede sets off ("à Bagdad, en Irak", "de l'Allemagne, de la France", "François
        Fillon, le candidat LR"), the word on either side kept, and the one that closes it when the
        headline goes on after it. Without them the phrases run into one ("Mort de Mitterrand Claude Estier")."""
        commas = set()
        for i in range(1, len(self.tokens) - 1):  # the comma itself may hang on a word that went
            if self.tokens[i].text != "," or i - 1 not in kept or i + 1 not in kept or i in self.quote_of:
                continue
            following = self.tokens[i + 1]
            if following.pos == "AUX" or following.pos == "PRON" and "PronType=Rel" not in following.morph:
                continue  # "Armand Gatti, figure du théâtre, s'est éteint": the comma before a verb's own words
            phrase = self._opened_by(i)
            if self.tokens[phrase].dep == "conj":
                commas.add(i)  # a list's item: "X, Y et Z"
                continue
            head = self.tokens[phrase].head  # a second object after a comma is an apposition: "reprendre al-Bab, dernier bastion"
            second_object = self.tokens[phrase].dep == "obj" and any(self.tokens[c].dep == "obj" and c < phrase for c in self.children[head])
            if self.tokens[phrase].dep not in _SET_OFF and not second_object or any(
                    self.tokens[c].dep.startswith("nsubj") for c in self.children[phrase] if c in kept):
                continue  # nor between a subject and its verb: "L'ambassadeur en Turquie, Andreï Karlov (a été) tué"
            end = max(j for j in self.subtree(phrase) & kept if self.tokens[j].pos != "PUNCT")
            after = [j for j in kept if j > end and self.tokens[j].pos != "PUNCT"]
            closing = next((j for j in range(end + 1, min(after, default=end + 1)) if self.tokens[j].text == ","), None)
            if after and closing is None:
                continue  # "Le ministre, Emmanuel Macron devrait": an incise the headline would not close
            commas.add(i)
            if after:
                commas.add(closing)
        return commas - self._unopened_closings(kept)

    def _opened_by(self, comma: int) -> int:
        """The constituent ``comma`` opens: the highest one that starts right after it."""
        phrase = comma + 1
        while self.tokens[phrase].head != phrase and min(self.subtree(self.tokens[phrase].head) - {comma}) == comma + 1:
            phrase = self.tokens[phrase].head
        return phrase

    def _lacks_its_object(self, verb: int) -> bool:
        """Whether ``verb`` is an active verb without an object: "a adopté" (what?), not "a été tué"."""
        return self.tokens[verb].pos == "VERB" and not any(
            self.tokens[c].dep in ("obj", "aux:pass", "nsubj:pass", "expl:pass") for c in self.children[verb])

    def _unopened_closings(self, kept: set[int]) -> set[int]:
        """The commas that close an incise whose opening comma went with the word before it ("a adopté [mercredi],
        à une large majorité, la directive"): alone, one would part the verb from its object. An incise is set
        inside its clause, after the word it depends on; a clause's opener ("Selon la police, Paris, Lyon et
        Marseille") is none, nor a list's first item ("mardi, Paris, Lyon et Marseille"), whose list has its "et";
        the closing comma goes only before a noun phrase the verb lacks as its object (the parser took it for an
        apposition or a list's item), a complement set off keeps its comma ("jeudi, à Las Vegas, au Nevada")."""
        closings = set()
        for opening in range(1, len(self.tokens) - 1):
            if self.tokens[opening].text != "," or opening - 1 in kept or opening + 1 not in kept:
                continue
            phrase = self._opened_by(opening)
            verb = self.tokens[phrase].head
            closing = next((j for j in range(opening + 1, len(self.tokens)) if self.tokens[j].text == ","), None)
            if verb < opening and closing is not None and closing - 1 in kept and closing + 1 in kept \
                    and self.tokens[closing + 1].pos == "DET" and self._lacks_its_object(verb) \
                    and not any(self.tokens[c].dep == "cc" for c in self.subtree(phrase)):
                closings.add(closing)
        return closings

    def closed_quotes(self, kept: set[int]) -> set[int]:
        """The rest of each quotation ``kept`` opens after a kept word: "le « modèle Uber »", whose last word
        the parser made a root of its own (not one after a colon, a clause the headline may go without)."""
        return {j for i in kept if self.tokens[i].text in ("«", "“") and i in self.quote_of and i - 1 in kept
                and self.tokens[i - 1].pos != "PUNCT" for j in range(i, self.quote_of[i][1] + 1)}

    def subtree(self, i: int) -> set[int]:
        found, todo = set(), [i]
        while todo:
            j = todo.pop()
            if j not in found:
                found.add(j)
                todo.extend(self.children[j])
        return found

    def _quotes(self) -> dict[int, tuple[int, int]]:
        """The « » span (opening, closing index) each token is inside of, the marks included."""
        spans: dict[int, tuple[int, int]] = {}
        opening = None
        for i, token in enumerate(self.tokens):
            if token.text in ("«", "“") and opening is None:
                opening = i
            elif token.text in ("»", "”") and opening is not None:
                for j in range(opening, i + 1):
                    spans[j] = (opening, i)
                opening = None
        return spans

    def is_clause(self, i: int) -> bool:
        """Whether ``i`` heads a clause: a verb, or a noun or adjective with a copula or auxiliary."""
        return self.tokens[i].pos in ("VERB", "AUX") or any(
            self.tokens[c].dep in ("cop", "aux:tense", "aux:pass") for c in self.children[i])

    def is_reflexive(self, verb: int) -> bool:
        """Whether ``verb`` has its reflexive pronoun ("se", "s'"): "s'échoue", "se présente"."""
        return any(self.tokens[c].text.lower() in ("se", "s'", "s’") for c in self.children[verb])

    def is_time(self, i: int) -> bool:
        """Whether the phrase headed by ``i`` only says when ("vendredi", "ce matin", "le 2 décembre", "en 2016")."""
        token = self.tokens[i]
        words = [self.tokens[j] for j in sorted(self.subtree(i))]
        if len(words) > 7:
            return False
        if self.is_kind(i):
            return False
        if (token.lemma.lower() in _DEICTIC_SPANS or token.pos == "NUM") and any(
                self.tokens[c].dep == "det" and "PronType=Dem" in self.tokens[c].morph for c in self.children[i]):
            return True  # "ces derniers jours", "ce week-end", "ce 20": when, from the writer's day
        if self.is_time_word(i):
            # "mercredi au Sénégal", as parsed: the place stays (time_words takes the day alone)
            return not any(w.entity == "LOC" for w in words if w is not token)
        # "le 2 décembre": a number heading a date
        return token.pos == "NUM" and any(w.text.lower() in MONTHS or w.text.lower() in DAYS for w in words) and not any(
            w.entity for w in words
        )

    def is_kind(self, i: int) -> bool:
        """"une boîte de nuit", "l'équipe de nuit": a "de" complement says what the thing is, not when."""
        token = self.tokens[i]
        if self.tokens[token.head].lemma in SPANS or self.is_time_word(token.head):
            return False  # "en fin d'après-midi", "dans la nuit du mercredi"
        return token.dep == "nmod" and token.pos == "NOUN" and any(
            self.tokens[c].dep == "case" and self.tokens[c].text.lower() in ("de", "d'", "d’") for c in self.children[i])

    def is_time_word(self, i: int) -> bool:
        token = self.tokens[i]
        if token.text.lower() == "h" and not (i and self.tokens[i - 1].pos == "NUM"):
            return False  # "20 h 30" says when; the "h" of "Le Cléac'h" is part of a name
        return token.lemma.lower() in _TIME_WORDS or token.text.lower() in _TIME_WORDS or bool(CLOCK.match(token.text)) \
            or token.text.upper().startswith("UTC") \
            or self.is_year(i) or self.is_period(i)

    def is_period(self, i: int) -> bool:
        """"la semaine prochaine", "le mois dernier", "cette année"."""
        token = self.tokens[i]
        if token.lemma.lower() not in ("semaine", "mois", "année", "an", "saison", "été", "hiver", "printemps", "automne"):
            return False
        return any(self.tokens[c].lemma.lower() in ("prochain", "dernier", "passé", "ce", "cet", "cette") for c in self.children[i])

    def is_year(self, i: int) -> bool:
        """"en 2016", "mai 2016": a year that dates; "l'Eurovision 2016" names."""
        token = self.tokens[i]
        if not _YEAR.match(token.text):
            return False
        before = self.tokens[i - 1].text.lower() if i else ""
        cases = [self.tokens[c].text.lower() for c in self.children[i] if self.tokens[c].dep == "case"]
        if cases and all(case in ("de", "d'", "d’") for case in cases) and token.dep == "nmod":
            return False  # "les Jeux olympiques de 2016", "l'élection de 2017": which one
        return before in MONTHS or bool(cases)

    def time_words(self, i: int) -> set[int]:
        """A time word heading more than a time phrase ("depuis vendredi dans les Alpes", as parsed):
        the word and what only goes with it (its article, preposition, numbers, other time words)."""
        found, todo = set(), [i]
        while todo:
            j = todo.pop()
            found.add(j)
            for child in self.children[j]:
                token = self.tokens[child]
                if token.dep in ("det", "case", "amod", "nummod", "fixed", "flat", "advmod", "punct") or self.is_time_word(child) \
                        or token.pos == "NUM" or token.text.lower() in MONTHS:
                    todo.append(child)
        return found


def has_relative_day(text: str) -> bool:
    return bool(_RELATIVE_TIME.search(text))
