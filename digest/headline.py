"""Headlines of dispatches that come without one.

``HeadlineDeriver`` rewrites the lede's first sentence the way a news desk titles it
(digest/headline_rewrite.py, on spaCy's parse of that sentence, digest/headline_parse.py). When no
rewriting is good enough (no verb, a pronoun for subject, a parse that makes no sense), the headline
is the lede cut at a clause boundary (``cut_headline``): never inside a word or inside « », never
on a comma or a dangling article or preposition, without a full stop.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

from digest.atomic_files import write_atomically
from digest.headline_openers import DAYS, MONTHS, without_opener, without_reference_marks
from digest.uptodate import code_digest, code_files

MAX_LENGTH = 100
# The lede's first sentence whole reads better than any cut, up to a little over a headline's length.
WHOLE_SENTENCE_LENGTH = 110

_SENTENCE_END = re.compile(r"(?<=[^\s.]{2}[.!?])\s+(?=[«\"A-ZÀ-ÖØ-Þ])")
# An incise between commas right after the subject ("X, en visite à Kiev, a appelé"): dropped first.
_INCISE = re.compile(r",\s[^,«»\"]{2,80}?,\s(?=(?:a|ont|est|sont|va|vont|avait|avaient|sera|seront|doit|doivent)\s)")
# Words after which a clause may be cut: the cut happens *before* them.
_BREAK_WORDS = (
    "pour", "afin", "après", "avant", "alors", "lors", "depuis", "dans", "selon", "malgré", "sans",
    "qui", "que", "dont", "où", "car", "mais", "tandis", "tout", "avec", "en", "sur", "contre",
    "et", "à", "au", "aux", "par", "entre", "vers", "pendant", "parmi",
)
_BREAK = re.compile(r"[,;:]\s|\s\((?=.)|\s(?=(?:" + "|".join(_BREAK_WORDS) + r")\s)")
_DANGLING = frozenset(  # words a headline must not end on
    "le la les l un une des du de d au aux à a et ou en par pour sur dans avec sans son sa ses leur leurs "
    "ce cet cette ces qui que qu dont où mais ni car se s ne n y très plus moins "
    "a ont est sont était étaient avait avaient sera seront été être avoir fait c'est c’est".split()
)
_TRAILING_JUNK = re.compile(r"[\s,;:.\-–—(]+$")
_WHEN = (
    rf"(?:(?:ce|cette|le|la|hier|aujourd'hui|avant-hier|dans la nuit de|en fin de|en début de|tôt|tard)\s)*"
    rf"(?:(?:{DAYS}|matin|soir|après-midi|nuit|semaine|week-end)\b[\s,]*)*"
    rf"(?:(?:\d{{1,2}}(?:er)?\s)?(?:{MONTHS})(?:\s\d{{4}})?)?"
)
# Time phrases say when, and the page's date says it already: ", ce vendredi 20 janvier," goes.
_TIME_INCISE = re.compile(rf",\s(?=\S){_WHEN}(?<=\w),\s", re.IGNORECASE)
# A sentence opening on where/when ("Jeudi 19 janvier, à 20h30, ...", "Dans la nuit de samedi à
# dimanche, ...") leads with its least newsworthy part.
_FRONTED = re.compile(
    rf"^(?:(?:{DAYS}|ce|cette|dans|le soir|le matin|hier|en|depuis|lors|à|au|aux|après|avant|\d)"
    r"[^,«»\"()]{0,45},\s)+",
    re.IGNORECASE,
)


def _balanced(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0 and text.count("(") == text.count(")")


def _trim_dangling(text: str) -> str:
    while True:
        text = _TRAILING_JUNK.sub("", text)
        head, _, last = text.rpartition(" ")
        bare = last.lower().rstrip("'’")
        if not head or (bare not in _DANGLING and not last.endswith(("'", "’"))):
            return text
        text = head


# "ce vendredi 20 janvier", "hier soir", "cette nuit": the page's date says when ("de demain": the future).
_RELATIVE_DAY = re.compile(
    rf"(?<!\bde)(?<!\bde\s),?\s*\b(?:(?:(?:ce|cette|cet|dès|depuis|le|à|de(?!\s+demain)|du|dans la nuit de|dans la nuit du)\s+)?(?:hier|aujourd'hui|aujourd’hui|demain|avant-hier|{DAYS})\b"
    rf"(?:\s+(?:matin|soir|après-midi|midi|dernier|prochain))?(?:\s+\d{{1,2}}(?:er)?(?:\s+(?:{MONTHS}))?(?:\s+\d{{4}})?)?"
    # "ce matin", "cette nuit", but not "une boîte de nuit"
    r"|(?:ce|cette|cet)\s+(?:matin|soir|nuit|après-midi)\b)(?=[\s,.;:!?]|$),?",
    re.IGNORECASE,
)


# Where a day went with the comma after it, mid-sentence, that comma opened an incise: its closing one goes too
# ("a adopté mardi soir, après de longs débats, la réforme" -> "a adopté après de longs débats la réforme").
_INCISE_OPENED = "\x00"
_INCISE_LEFT_OPEN = re.compile(_INCISE_OPENED + r"([^,;:«»()\x00]{1,60}),")


def _day_gone(match: re.Match) -> str:
    said = match.group()
    opened_an_incise = match.start() > 0 and said.endswith(",") and not said.lstrip().startswith(",")
    return " " + _INCISE_OPENED if opened_an_incise else " "


def without_relative_days(headline: str) -> str:
    """A cut headline without the relative days it kept ("… a annoncé vendredi soir que…")."""
    unclosed = _RELATIVE_DAY.sub(_day_gone, headline)
    scrubbed = _trim_dangling(" ".join(_INCISE_LEFT_OPEN.sub(r"\1", unclosed).replace(_INCISE_OPENED, "").split()))
    return scrubbed[:1].upper() + scrubbed[1:] if len(scrubbed) >= 20 else headline


def first_sentence(lede: str) -> str:
    return without_reference_marks(_SENTENCE_END.split(lede.strip(), maxsplit=1)[0])


@dataclass(frozen=True)
class Headline:
    text: str
    rewritten: bool  # False: the lede cut at a clause boundary, no rewriting was good enough
    death: bool = False  # the nominal form of a death ("Mort de X"): its kicker is "Nécrologie"


def derivation_code() -> list[Path]:
    """The code that derives a headline: the whole package folder (the rewriting modules among the others in digest/)."""
    return code_files(Path(__file__).parent)


class HeadlineDeriver:
    """Headlines for ledes, their first sentences parsed by spaCy (cached in ``cache_dir``). Each
    headline derived is kept there too (``derived/``, one JSON file per lede) under the digest of the
    derivation code and of the model (``derivation_code()``): a site rebuilt from its dispatches
    derives nothing again, and a change of either derives every headline again from the cached
    parses."""

    def __init__(self, cache_dir: Path | None):
        from digest.headline_parse import SentenceParser

        self.parser = SentenceParser(cache_dir)
        self.derived_dir = cache_dir / "derived" if cache_dir else None
        self.rules = code_digest(derivation_code(), self.parser.model_id)

    def __call__(self, ledes: Sequence[str]) -> list[Headline]:
        known = [self._cached(lede) for lede in ledes]
        missing = list(dict.fromkeys(lede for lede, headline in zip(ledes, known) if headline is None))
        fresh = dict(zip(missing, self._derive(missing), strict=True)) if missing else {}
        for lede, headline in fresh.items():
            if (path := self._path(lede)) is not None:
                write_atomically(path, json.dumps({"rules": self.rules, **asdict(headline)}, ensure_ascii=False))
        return [headline if headline is not None else fresh[lede] for lede, headline in zip(ledes, known)]

    def reread(self, text: str) -> list:
        """A candidate headline's own parse (cached like the sentences')."""
        return self.parser.parse([text])[0]

    def _path(self, lede: str) -> Path | None:
        if self.derived_dir is None:
            return None
        return self.derived_dir / (hashlib.sha256(lede.encode()).hexdigest() + ".json")

    def _cached(self, lede: str) -> Headline | None:
        """The headline kept for ``lede`` under these rules; None when there is none (or a damaged one)."""
        if (path := self._path(lede)) is None:
            return None
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            if record["rules"] != self.rules:
                return None
            headline = Headline(record["text"], record["rewritten"], record["death"])
        except (OSError, ValueError, TypeError, KeyError):  # missing or damaged: derived again
            return None
        valid = isinstance(headline.text, str) and headline.text.strip() and isinstance(headline.rewritten, bool) \
            and isinstance(headline.death, bool)
        return headline if valid else None

    def _derive(self, ledes: Sequence[str]) -> list[Headline]:
        from digest.headline_desk import counted_toll, death_as_told
        from digest.headline_news import with_toll
        from digest.headline_place import with_place
        from digest.headline_repair import repaired
        from digest.headline_event import says_news, says_nothing, sets_the_scene
        from digest.headline_rewrite import BUDGET, rewrite

        rewrite = partial(rewrite, reparse=self.reread)  # a candidate its own parse reads otherwise is refused
        headlines: list[Headline | None] = [None] * len(ledes)
        parsed: list[list[tuple[str, list]]] = [[] for _ in ledes]  # each lede's sentences tried, with their parse
        # The first sentence says the news; the next ones are parsed only for the ledes it gives no
        # headline to ("Bonsoir à tous.", a sentence the parser cannot read).
        for rank in range(_SENTENCES_TRIED):
            pending = [(n, sentence) for n, lede in enumerate(ledes) if headlines[n] is None
                       and (sentence := nth_sentence(lede, rank))]
            if not pending:
                break
            for (n, sentence), tokens in zip(pending, self.parser.parse([s for _, s in pending]), strict=True):
                parsed[n].append((sentence, tokens))
                # within the budget, else as long as a cut lede may be: whole phrases beat a cut
                if text := rewrite(tokens, BUDGET, MAX_LENGTH, follows=rank > 0):
                    headlines[n] = _rewritten(text)
        # A first sentence that only sets the scene ("Les coureurs sont arrivés au bout de l'étape") gives
        # way to the next one when that one says what happened ("Le vainqueur de l'étape est…").
        scenes = [n for n, tried in enumerate(parsed) if headlines[n] is not None and len(tried) == 1 and sets_the_scene(tried[0][1])
                  and nth_sentence(ledes[n], 1)]
        second = [nth_sentence(ledes[n], 1) for n in scenes]
        for n, sentence, tokens in zip(scenes, second, self.parser.parse(second) if second else [], strict=True):
            if (says_news(tokens) or says_nothing(parsed[n][0][1])) and (text := rewrite(tokens, BUDGET, MAX_LENGTH, follows=True)):
                headlines[n] = _rewritten(text)
        # No sentence gave one within a headline's length: the first sentence rewritten a little longer
        # (a reader prefers the whole news to any cut of it), else a later sentence whose subject only
        # refers back ("La cérémonie se déroule…") rather than a fallback.
        for n, tried in enumerate(parsed):
            if headlines[n] is None and tried and (text := rewrite(tried[0][1], WHOLE_SENTENCE_LENGTH)
                                                   or next(filter(None, (rewrite(tokens, BUDGET, MAX_LENGTH) for _, tokens in tried[1:])), None)):
                headlines[n] = _rewritten(text)
        # Still none: the first sentence's bare statement (subject, verb, what it needs) rather than a fallback.
        for n, tried in enumerate(parsed):
            if headlines[n] is None and tried and (text := repaired(tried[0][1], MAX_LENGTH)):
                headlines[n] = Headline(text, True)
        self._said_more_simply(headlines, parsed)
        # The toll of an event is its news: said after a headline that leaves it out, counted as a desk counts it; a
        # short headline says where; an obituary takes the lede's word for the death.
        for n, headline in enumerate(headlines):
            if headline is not None and headline.death:
                headlines[n] = Headline(death_as_told(headline.text, nth_sentence(ledes[n], 0)), True, True)
            elif headline is not None:
                toll_sentences = [nth_sentence(ledes[n], rank) for rank in range(_TOLL_SENTENCES)]
                # placed before the toll is counted: the place is looked for in the words of the first sentence
                placed = with_place(with_toll(headline.text, toll_sentences, MAX_LENGTH), parsed[n][0][1])
                headlines[n] = Headline(counted_toll(placed), True)
        self._toll_with_its_event(headlines, ledes)
        return [headline or Headline(_fallback(lede, parsed[n]), False) for n, (headline, lede) in enumerate(zip(headlines, ledes, strict=True))]

    def _toll_with_its_event(self, headlines: list[Headline | None], ledes: Sequence[str]) -> None:
        """A headline saying only a toll ("Au moins deux morts") says what happened, from the clause of the first
        sentence that tells it ("lorsqu'un viaduc s'est effondré") or the next sentence, the toll after it as a desk
        writes it ("Un immeuble s'effondre à Nairobi : au moins un mort")."""
        from digest.headline_desk import counted_toll, event_clause, only_a_toll
        from digest.headline_event import sets_the_scene
        from digest.headline_news import with_toll
        from digest.headline_rewrite import BUDGET, rewrite

        alone = [(n, told) for n, h in enumerate(headlines) if h and only_a_toll(h.text)
                 for told in (event_clause(nth_sentence(ledes[n], 0)), nth_sentence(ledes[n], 1)) if told]
        for (n, told), tokens in zip(alone, self.parser.parse([s for _, s in alone]) if alone else [], strict=True):
            event = None if sets_the_scene(tokens) or not only_a_toll(headlines[n].text) else rewrite(
                tokens, BUDGET, follows=True, reparse=self.reread)
            if event and not only_a_toll(event):
                headlines[n] = Headline(counted_toll(with_toll(event, [nth_sentence(ledes[n], r) for r in (0, 1)], MAX_LENGTH)), True)

    def _said_more_simply(self, headlines: list[Headline | None], parsed: list[list[tuple[str, list]]]) -> None:
        """For the ledes still without a headline, the first sentence said more simply (``headline_retry``: without a relative
        incise or parentheses, as the clause it reports) and parsed again; else its statement as said; else its beginning alone."""
        from digest.headline_retry import retried, shorter_sentences, simpler_sentences
        from digest.headline_rewrite import rewrite
        from digest.headline_said import said_headlines

        rewrite = partial(rewrite, reparse=self.reread)
        retried(headlines, parsed, simpler_sentences, self.parser.parse, rewrite, _rewritten)
        said_headlines(headlines, [tried[0][1] if tried else None for tried in parsed], self.parser.parse, rewrite, _rewritten)
        retried(headlines, parsed, shorter_sentences, self.parser.parse, rewrite, _rewritten)


def _rewritten(text: str) -> Headline:
    """A headline rewritten from the lede; one in the nominal form of a death is an obituary."""
    return Headline(text, True, text.startswith(("Mort de ", "Mort du ", "Mort d'", "Mort des ")))


# How many of a lede's sentences a headline may be rewritten from, the first first.
_SENTENCES_TRIED = 3
# How many of a lede's sentences may give the toll a headline adds (a later one may tell another event's).
_TOLL_SENTENCES = 2


def nth_sentence(lede: str, rank: int) -> str:
    """The lede's sentence of that rank, without its opener ("" when it has fewer)."""
    sentences = _SENTENCE_END.split(lede.strip(), maxsplit=rank + 1)
    return without_opener(without_reference_marks(sentences[rank].strip())) if rank < len(sentences) and sentences[rank].strip() else ""


_POINTING_BACK = re.compile(r"(?:celui|celle|ceux|celles)(?:-ci|-là)?\b|(?:ce|cette|ces) derni", re.IGNORECASE)


def _whole_sentence(parsed: list[tuple[str, list]]) -> str:
    """The first of the sentences tried that says something whole (a subject and its verb) within a
    headline's length (the first one a little longer), none a reader would call bad: the fallback
    never stops mid-sentence when a sentence fits."""
    from digest.headline_strict import text_fault

    for rank, (sentence, tokens) in enumerate(parsed):
        text = without_relative_days(sentence.strip().rstrip(".").strip())
        if _POINTING_BACK.match(text):
            continue  # "Celui-ci aura fait une victime": who, the reader has not read
        longest = WHOLE_SENTENCE_LENGTH if rank == 0 else MAX_LENGTH
        if len(text) <= longest and _balanced(text) and _states(tokens, pronoun=rank == 0) and text_fault(text) is None:
            return text[:1].upper() + text[1:]
    return ""


def _states(tokens, pronoun: bool) -> bool:
    """Whether a parsed sentence has a subject with a finite verb or a participle with its auxiliary;
    a pronoun for subject only when ``pronoun`` (a later sentence's "il" is someone the first named)."""
    for token in tokens:
        head = tokens[token.head]
        if token.dep in ("nsubj", "nsubj:pass") and token.pos not in ("PRON", "DET") or token.dep in ("nsubj", "nsubj:pass") \
                and pronoun and token.text.lower() in ("il", "elle", "ils", "elles"):
            if "VerbForm=Fin" in head.morph or any(t.head == token.head and t.dep in ("aux:tense", "aux:pass", "cop") for t in tokens):
                return True
    return False


def _fallback(lede: str, tried: list[tuple[str, list]]) -> str:
    """The headline when no rewriting is good enough: a whole sentence, else a whole clause that begins the
    first, else its cut when that says something, else a later one's whole clause, else the cut anyway."""
    from digest.headline_rewrite import whole_clause

    first = tried[0][1] if tried else []  # a lede of blanks has no sentence
    if found := _whole_sentence(tried) or whole_clause(first, MAX_LENGTH):
        return found
    cut = _cut(lede, first)
    if _states_in(cut, first):
        return cut
    return next(filter(None, (whole_clause(tokens, MAX_LENGTH) for _, tokens in tried[1:])), cut)


def _states_in(cut: str, tokens) -> bool:
    """Whether ``cut``, a beginning of the parsed sentence, says something: no fault a reader would find, the
    main verb with its subject inside ("Des scientifiques principalement rattachés" does not)."""
    from digest.headline_check import cut_says_nothing
    from digest.headline_sentence import Sentence
    from digest.headline_strict import text_fault
    from digest.headline_subject import main_verb, subject_of

    if text_fault(cut) is not None or not tokens:
        return False
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    subject = subject_of(sentence, verb) if verb is not None else None
    if subject is None or tokens[verb].pos not in ("VERB", "AUX") and not any(
            tokens[c].dep == "cop" for c in sentence.children[verb]):
        return False
    said = set(re.findall(r"[\w'’-]+", cut))
    return tokens[verb].text in said and tokens[subject].text in said and not cut_says_nothing(sentence, verb, cut)


def _cut(lede: str, tokens) -> str:
    """The lede cut, the last resort; when the cut ends on a verb that says nothing without what it
    reports ("Le Conseil d'État a décidé"), the sentence goes on up to the limit and says it goes on."""
    from digest.headline_check import NEEDS_COMPLEMENT, cut_says_nothing
    from digest.headline_sentence import Sentence
    from digest.headline_strict import text_fault
    from digest.headline_subject import main_verb

    # without its opener, unless what is left opens as badly ("[À la veille de la fête,] qui commémore…")
    sentence = without_opener(first_sentence(lede))
    if text_fault(cut_headline(sentence)) and not text_fault(cut_headline(first_sentence(lede))):
        sentence = first_sentence(lede)
    cut = without_relative_days(cut_headline(sentence))
    last = cut.rsplit(" ", 1)[-1]
    verb = main_verb(Sentence(tokens)) if tokens else None
    if (any(t.text == last and t.lemma in NEEDS_COMPLEMENT for t in tokens) or verb is not None and cut_says_nothing(
            Sentence(tokens), verb, cut)) and len(sentence) > MAX_LENGTH:
        words = without_relative_days(sentence)[: MAX_LENGTH - 3].rsplit(" ", 1)[0]
        cut = _trim_dangling(words) + ("… »" if words.count("«") > words.count("»") else "…")
    return cut


def cut_headlines(ledes: Sequence[str]) -> list[Headline]:
    """Headlines cut from the ledes, with no parser: the fallback, and ingest's default."""
    return [Headline(cut_headline(lede), False) for lede in ledes]


def cut_headline(lede: str, max_length: int = MAX_LENGTH) -> str:
    headline = _main_clause(lede, max_length) or lede.strip() or "Dépêche"
    return headline[:1].upper() + headline[1:]


def _main_clause(lede: str, max_length: int) -> str:
    sentence = first_sentence(lede)
    if len(sentence) > max_length:
        sentence = _TIME_INCISE.sub(" ", sentence)
        unfronted = _FRONTED.sub("", sentence, count=1)
        if unfronted != sentence and len(unfronted) >= 40:
            sentence = unfronted[0].upper() + unfronted[1:]
    sentence = _INCISE.sub(" ", sentence, count=1) if len(sentence) > max_length else sentence
    sentence = sentence.strip().rstrip(".").strip()
    if len(sentence) <= max_length and _balanced(sentence):
        return _trim_dangling(sentence) or sentence
    cuts = [m.start() for m in _BREAK.finditer(sentence) if 20 <= m.start() <= max_length]
    for cut in reversed(cuts):
        candidate = _trim_dangling(sentence[:cut])
        if len(candidate) >= 20 and _balanced(candidate):
            return candidate
    # No clause boundary fits: keep whole words up to the limit, outside quotes.
    words, candidate = sentence.split(" "), ""
    for word in words:
        longer = f"{candidate} {word}".strip()
        if len(longer) > max_length:
            break
        candidate = longer
    balanced = candidate
    while balanced and not _balanced(balanced):
        balanced = balanced.rpartition(" ")[0]
    if len(balanced) >= 20:
        return _trim_dangling(balanced)
    # A quotation longer than a headline: quote its beginning and say it goes on.
    candidate = _trim_dangling(candidate.rsplit(" ", 1)[0]).replace("(", "").replace(")", "")
    return f"{candidate}… »" if candidate.count("«") > candidate.count("»") else f"{candidate}…"
