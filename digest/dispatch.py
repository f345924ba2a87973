"""Parse one raw dispatch file into its date and paragraphs.

A dispatch is plain text: the first line is `` date YYYY-MM-DD <lede>`` (the date may carry a time
and an offset), further paragraphs are separated by blank lines, there is no title. Nothing in it
is markup: the text is kept exactly as typed, only whitespace is normalised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

# The one rule for the date line's opening: `` date 2016-03-22`` (a time and an offset may follow),
# then the spaces before the lede.
DATE_PREFIX = r"""[ \t\u00a0]*date[ \t\u00a0]+
    (?P<date>\d{4}-\d{2}-\d{2})
    (?:[T \t](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<offset>Z|[+-]\d{2}:?\d{2})?)?
    (?=[ \t\u00a0]|$)[ \t\u00a0]*"""
_DATE_PREFIX = re.compile(DATE_PREFIX, re.VERBOSE | re.IGNORECASE | re.MULTILINE)
_DATE_LINE = re.compile(rf"^{DATE_PREFIX}(?P<lede>.*)$", re.VERBOSE | re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n")
_SPACES = re.compile(r"[ \t\u00a0\u202f\f\v]+")
# C0 and C1 controls other than tab/newline/carriage return, and Unicode's noncharacters, mean
# the file is not text (C1 controls in UTF-8 are the trace of a file decoded in the wrong encoding).
NONCHARACTERS = "".join(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
_NOT_TEXT = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef{NONCHARACTERS}]")
# Invisible characters that make the same word two words (two entity pages, a search that misses):
# zero-width space, non-joiner, joiner, word joiner, and a BOM inside the text.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

# The largest dispatch read, in bytes: a long report is a few tens of kilobytes; spaCy refuses a
# text over 1 000 000 characters, and a UTF-8 text never has more characters than bytes.
MAX_BYTES = 1_000_000
# Dates a dispatch may carry: a four-digit year (the year is a folder of the site) whose every
# moment has a time in Europe/Paris.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(9998, 12, 31)


class DispatchError(ValueError):
    """A dispatch that cannot become an article; the message says why."""


@dataclass(frozen=True)
class Dispatch:
    date: dt.datetime  # aware, in Europe/Paris
    has_time: bool
    paragraphs: tuple[str, ...]  # paragraphs[0] is the lede
    sha256: str  # of the file's bytes: what the article records as its source version

    @property
    def lede(self) -> str:
        return self.paragraphs[0]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), nothing else: a file in another encoding (Windows-1252, say)
    is refused with the offset of its first byte that is not UTF-8, never guessed at."""
    if not raw.strip():
        raise DispatchError("fichier vide")
    if b"\x00" in raw:
        raise DispatchError("fichier binaire (octets nuls), pas du texte")
    if len(raw) > MAX_BYTES:
        raise DispatchError(f"trop long : plus de {MAX_BYTES:_} octets".replace("_", "\u202f"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        bad = raw[offset : offset + min(error.end - error.start, 4)].hex(" ").upper()
        raise DispatchError(f"pas de l’UTF-8 : octet{'s' if ' ' in bad else ''} {bad} à la position {offset} (enregistrez le fichier en UTF-8)") from error


def parse_date(date: str, time: str | None, offset: str | None) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError as error:
        raise DispatchError(f"date impossible : {date}") from error
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DispatchError(f"date hors limites : {date} (de {FIRST_DAY} à {LAST_DAY})")
    if time is None:
        return dt.datetime.combine(day, dt.time(), PARIS)
    stamp = f"{date}T{time}{offset or ''}".replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError as error:
        raise DispatchError(f"heure impossible : {date} {time}{offset or ''}") from error
    if moment.tzinfo is None:
        return moment.replace(tzinfo=PARIS)
    return moment.astimezone(PARIS)


def date_prefix_length(text: str) -> int:
    """Length of the date line's opening in a dispatch's text (the blank lines before it, the date,
    its time, the spaces before the lede), 0 when the text does not open with one."""
    start = len(text) - len(text.lstrip("\n"))
    found = _DATE_PREFIX.match(text, start)
    return found.end() if found else 0


def parse(raw: bytes) -> Dispatch:
    text = decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    if found := _NOT_TEXT.search(text):
        position = len(text[: found.start()].encode())
        raise DispatchError(f"caractères de contrôle (U+{ord(found[0]):04X} vers l’octet {position}) : pas un fichier texte")
    # One spelling per text: composed accents (NFC), no invisible characters inside words.
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))
    first, _, rest = text.lstrip("\n").partition("\n")
    match = _DATE_LINE.match(first)
    if not match:
        raise DispatchError("première ligne sans « date AAAA-MM-JJ »")
    date = parse_date(match["date"], match["time"], match["offset"])
    body = match["lede"] + "\n" + rest
    paragraphs = tuple(
        cleaned for block in _BLANK_LINES.split(body) if (cleaned := _SPACES.sub(" ", block.replace("\n", " ")).strip())
    )
    if not paragraphs:
        raise DispatchError("date sans texte")
    return Dispatch(
        date=date,
        has_time=match["time"] is not None,
        paragraphs=paragraphs,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def read(path: Path) -> Dispatch:
    """The dispatch in the regular file ``path``; never waits on a FIFO or a device, never reads
    more than ``MAX_BYTES`` and one."""
    try:
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise DispatchError("pas un fichier ordinaire")
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise DispatchError(f"illisible : {error.strerror}") from error
    return parse(raw)
