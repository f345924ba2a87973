"""The HTML walker of ``typeset``: splits a fragment into runs of text (the text between two block
boundaries, across inline tags) and hands each run, its tags replaced by markers, to a transform;
copies everything else (tags, comments, verbatim and non-French elements) as it is. No DOM tree
is built: one compiled regex tokenizes, a stack of open elements tracks what is verbatim."""

from __future__ import annotations

import re
from typing import Callable

from .chars import OPAQUE, PRIVATE, TAG

_TOKEN = re.compile(
    r"""
    <(?:
      (?P<comment>!--.*?(?:-->|$))
    | (?P<raw>(?P<rawname>script|style|textarea|title)\b[^>]*>.*?(?:</(?P=rawname)\s*>|$))
    | (?P<decl>![^>]*>|\?.*?>)
    | (?P<tag>/?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>)
    )
    """,
    re.S | re.I | re.X,
)

# Elements whose content is code or otherwise not prose.
_VERBATIM = frozenset(
    "pre code kbd samp var tt script style textarea svg math template".split()
)
# Inline elements: text on both sides of them belongs to one run.
_INLINE = frozenset(
    """a abbr b bdi bdo cite data del dfn em font i ins mark q s small span
    strong sub sup time u""".split()
)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_LANG = re.compile(r"""(?:^|[\s"'])(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)


def _lang_of(tag: str) -> str | None:
    if "lang" not in tag and "LANG" not in tag:
        return None
    m = _LANG.search(tag)
    if m is None:
        return None
    return next(g for g in m.groups() if g is not None).strip().lower()


# Start tags that implicitly close an open element of the same family.
_IMPLIED_CLOSE = {"p": ("p",), "li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"),
                  "tr": ("tr",), "td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}


class _Run:
    """Text nodes and marker groups between two block boundaries."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        # ["text"] or [marker_kind, raw_token, raw_token, ...]
        self.items: list[list[str]] = []

    def text(self, t: str) -> None:
        if self.items and self.items[-1][0] == "t":
            self.items[-1][1] += t
        else:
            self.items.append(["t", t])

    def marker(self, tok: str, opaque: bool = False) -> None:
        kind = OPAQUE if opaque else TAG
        if self.items and self.items[-1][0] != "t":
            last = self.items[-1]
            last.append(tok)
            if opaque:
                last[0] = OPAQUE
        else:
            self.items.append([kind, tok])

    def raw(self, tok: str) -> None:
        """Content of an inline verbatim element: part of the current marker."""
        self.items[-1].append(tok)

    def render(self, transform: Callable[[str], str]) -> str:
        items = self.items
        texts = [it[1] for it in items if it[0] == "t"]
        text = "".join(texts)  # one search of the run's text for blank or private (one character each)
        if not text or text.isspace():
            return "".join("".join(it[1:]) for it in items)
        private = PRIVATE.search(text) is not None
        if len(items) == 1:
            return text if private else transform(text)
        joined = "".join(it[1] if it[0] == "t" else it[0] for it in items)
        markers = [it for it in items if it[0] != "t"]
        if not private:
            pieces = _SPLIT.split(transform(joined))
            if len(pieces) == len(markers) + 1:
                res = [pieces[0]]
                for mk, piece in zip(markers, pieces[1:]):
                    res.append("".join(mk[1:]))
                    res.append(piece)
                return "".join(res)
        # Fallback (private-use characters in the input): node by node.
        return "".join(
            (it[1] if PRIVATE.search(it[1]) else transform(it[1])) if it[0] == "t"
            else "".join(it[1:])
            for it in items
        )


_SPLIT = re.compile(f"[{TAG}{OPAQUE}]")


def transform_runs(fragment: str, transform: Callable[[str], str]) -> str:
    """``fragment`` with ``transform`` applied to each of its French runs of text: a run is given
    as one string, each group of inline tags in it as one ``TAG`` marker (``OPAQUE`` for an inline
    verbatim element), and ``transform`` must keep every marker; the tags are put back in order."""
    if not fragment:
        return fragment
    walker = _Walker(transform)
    pos = 0
    for m in _TOKEN.finditer(fragment):
        if m.start() > pos:
            walker.text(fragment[pos : m.start()])
        pos = m.end()
        if m.group("tag") is None:
            walker.unparsed(m.group(), is_raw_element=m.group("raw") is not None)
        else:
            walker.tag(m.group(), m.group("name").lower())
    if pos < len(fragment):
        walker.text(fragment[pos:])
    return walker.result()


class _Walker:
    """The state of one walk: what is written, the open elements, the current run."""

    def __init__(self, transform: Callable[[str], str]) -> None:
        self.transform = transform
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (element name, skipping)
        self.skipping = False
        self.opaque_level = 0  # >0: inside an inline verbatim element of the run
        self.run = _Run()

    def result(self) -> str:
        self.flush()
        return "".join(self.out)

    def flush(self) -> None:
        if self.run.items:
            self.out.append(self.run.render(self.transform))
            self.run = _Run()

    def pop_to(self, name: str) -> None:
        stack = self.stack
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                del stack[k:]
                return

    def inherit_skipping(self) -> None:
        self.skipping = self.stack[-1][1] if self.stack else False

    def text(self, text: str) -> None:
        if self.opaque_level:
            self.run.raw(text)
        elif self.skipping:
            self.out.append(text)
        else:
            self.run.text(text)

    def unparsed(self, tok: str, is_raw_element: bool) -> None:
        """A comment, a declaration, or a raw-text element copied whole."""
        if self.opaque_level:
            self.run.raw(tok)
        elif self.skipping:
            self.out.append(tok)
        elif is_raw_element:
            self.flush()
            self.out.append(tok)
        else:
            self.run.marker(tok)

    def tag(self, tok: str, name: str) -> None:
        closing = tok[1] == "/"
        if self.opaque_level:
            self.tag_in_opaque(tok, name, closing)
        elif closing:
            self.end_tag(tok, name)
        else:
            self.start_tag(tok, name)

    def tag_in_opaque(self, tok: str, name: str, closing: bool) -> None:
        self.run.raw(tok)
        if closing:
            self.pop_to(name)
            if len(self.stack) < self.opaque_level:
                self.opaque_level = 0
        elif name not in _VOID and not tok.endswith("/>"):
            self.stack.append((name, True))
        self.inherit_skipping()

    def end_tag(self, tok: str, name: str) -> None:
        self.pop_to(name)
        if self.skipping:
            self.out.append(tok)
        elif name in _INLINE or name in _INLINE_VERBATIM:
            self.run.marker(tok)
        else:
            self.flush()
            self.out.append(tok)
        self.inherit_skipping()

    def start_tag(self, tok: str, name: str) -> None:
        stack = self.stack
        for implied in _IMPLIED_CLOSE.get(name, ()):
            if stack and stack[-1][0] == implied:
                stack.pop()
        void = name in _VOID or tok.endswith("/>")
        new_skip = self.skips(name, None if void else _lang_of(tok))
        if self.skipping:
            self.out.append(tok)
            if not void:
                stack.append((name, new_skip))
                self.skipping = new_skip
            return
        inline = name in _INLINE or name in _INLINE_VERBATIM
        if void:
            if name == "wbr":
                self.run.marker(tok)
            elif name != "br" and (inline or name in _WORDLIKE_VOID):
                self.run.marker(tok, opaque=True)  # an image reads like a word
            else:
                self.flush()
                self.out.append(tok)
            return
        if inline:
            self.run.marker(tok, opaque=new_skip)
            stack.append((name, new_skip))
            if new_skip:
                self.opaque_level = len(stack)
        else:
            self.flush()
            self.out.append(tok)
            stack.append((name, new_skip))
        self.skipping = new_skip

    def skips(self, name: str, lang: str | None) -> bool:
        """Whether the content of a new ``name`` element (its ``lang``, if it has one) is left as
        it is: a verbatim element, a language other than French, or inside a verbatim element."""
        if lang is None:
            return (self.stack[-1][1] if self.stack else False) or name in _VERBATIM
        # a French element inside a verbatim one stays verbatim
        return not lang.startswith("fr") or name in _VERBATIM or any(n in _VERBATIM for n, _s in self.stack)


_WORDLIKE_VOID = frozenset("img input embed".split())
_INLINE_VERBATIM = frozenset("code kbd samp var tt".split())
