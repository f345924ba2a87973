"""Parse one raw dispatch file into its date and paragraphs.

A dispatch is plain text: the first line is `` date YYYY-MM-DD <lede>`` (the date may carry a time
and an offset), further paragraphs are separated by blank lines, there is no title. Nothing in it
is markup: the text is kept exactly as typed, only whitespace is normalised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

_DATE_LINE = re.compile(
    r"""^[ \t\u00a0]*date[ \t\u00a0]+
        (?P<date>\d{4}-\d{2}-\d{2})
        (?:[T \t](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<offset>Z|[+-]\d{2}:?\d{2})?)?
        (?=[ \t\u00a0]|$)[ \t\u00a0]*(?P<lede>.*)$""",
    re.VERBOSE | re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n")
_SPACES = re.compile(r"[ \t\u00a0\u202f\f\v]+")
# C0 controls other than tab/newline/carriage return mean the file is not text.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")


class DispatchError(ValueError):
    """A dispatch that cannot become an article; the message says why."""


@dataclass(frozen=True)
class Dispatch:
    date: dt.datetime  # aware, in Europe/Paris
    has_time: bool
    paragraphs: tuple[str, ...]  # paragraphs[0] is the lede
    sha256: str  # of the file's bytes: what the article records as its source version
    warnings: tuple[str, ...] = ()

    @property
    def lede(self) -> str:
        return self.paragraphs[0]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def decode(raw: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (with or without BOM); a legacy Windows/Latin-1 file is decoded with a warning."""
    if not raw.strip():
        raise DispatchError("fichier vide")
    if b"\x00" in raw:
        raise DispatchError("fichier binaire (octets nuls), pas du texte")
    try:
        return raw.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text, ("encodage non UTF-8 : lu comme Windows-1252",)


def parse_date(date: str, time: str | None, offset: str | None) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError as error:
        raise DispatchError(f"date impossible : {date}") from error
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


def parse(raw: bytes) -> Dispatch:
    text, warnings = decode(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BINARY.search(text):
        raise DispatchError("caractères de contrôle : pas un fichier texte")
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
        warnings=warnings,
    )


def read(path: Path) -> Dispatch:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DispatchError(f"illisible : {error.strerror}") from error
    return parse(raw)
