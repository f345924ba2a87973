"""RSS 2.0 and Atom 1.0 feeds as bytes, with feedgen: plain data in, deterministic bytes out.

Pure module: it knows nothing of Pelican (``pelican_glue`` turns articles into ``Item``\\ s).

Rules it guarantees
-------------------
* Same input, same bytes: no clock is read (RSS ``lastBuildDate`` and Atom ``updated`` are the
  newest item's date), items are sorted newest first and items published at the same moment keep
  the order they are given in (the site's order: a feed lists a day's dispatches as its pages do).
* Credit: ``Item.author`` (the source organisation) is RSS ``dc:creator`` and Atom ``author``;
  ``Item.rights`` Atom entry ``rights``; ``Channel.rights`` RSS ``copyright`` and Atom ``rights``.
  Categories are written in the order given (the caller ranks them), each once.
* ``title`` is plain text and is written as text: ``<``, ``&``, quotes and ``{{ }}`` stay
  literal characters for feed readers (XML-escaped once, never markup).
* ``summary_html`` (RSS ``description``, Atom ``summary type="html"``) and ``content_html``
  (RSS ``content:encoded``, Atom ``content type="html"``) are HTML; their relative
  ``href``/``src``/``srcset``/... are made absolute against the item's link.
* Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, lone surrogates,
  U+FFFE/U+FFFF) are dropped instead of failing the build.
* Dates must be time-zone aware; they are written with their own offset
  (``Fri, 22 Aug 2025 00:00:00 +0200`` in RSS, ``2025-08-22T00:00:00+02:00`` in Atom).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin

from xml.etree import ElementTree

from digest.atomic_files import write_atomically
from digest.html_text import plain_text
from feedgen.feed import FeedGenerator

from .entries import ReusedEntry, with_dublin_core

__all__ = ["Category", "Item", "Channel", "rss", "atom", "json_feed", "opml", "absolutize", "stable_id", "write_if_changed", "EPOCH"]

# Date of an empty feed: a feed without items has no "newest item" and must not read the clock.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
GENERATOR = "Le Fil (python-feedgen)"
UNTITLED = "Sans titre"  # Atom needs a title: an item whose title is empty (or unwritable) gets this


@dataclass(frozen=True)
class Category:
    """An item's category: ``term`` is the text (RSS) / term and label (Atom); ``scheme`` an
    absolute URI naming the taxonomy (RSS ``domain``, Atom ``scheme``), optional."""

    term: str
    scheme: str = ""


@dataclass(frozen=True)
class Item:
    id: str  # stable, never derived from the date or URL: RSS guid (isPermaLink="false"), Atom id
    title: str  # plain text
    link: str  # absolute URL of the article
    published: datetime  # time-zone aware
    summary_html: str = ""  # the lede, HTML
    content_html: str = ""  # the full text, HTML
    categories: tuple[Category, ...] = ()  # most salient first: written in this order
    updated: datetime | None = None  # Atom <updated>; defaults to ``published``
    author: str = ""  # who wrote it (the source organisation): RSS dc:creator, Atom author
    rights: str = ""  # its licence, plain text: Atom entry rights

    @property
    def last_change(self) -> datetime:
        return self.updated or self.published


@dataclass(frozen=True)
class Channel:
    id: str  # Atom feed id (stable)
    title: str  # plain text
    link: str  # absolute URL of the HTML page the feed follows
    description: str  # plain text (RSS description, Atom subtitle)
    language: str = "fr"
    author: str = ""  # Atom feed author (entries inherit it)
    rights: str = ""  # plain text: RSS copyright, Atom rights
    rss_url: str = ""  # absolute URL of the RSS file (its atom:link rel="self")
    atom_url: str = ""  # absolute URL of the Atom file (its link rel="self")
    json_url: str = ""  # absolute URL of the JSON Feed file (its feed_url)
    extra_links: tuple[tuple[str, str, str], ...] = field(default=())  # (rel, href, type) Atom only


# --- text helpers -------------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (lxml refuses them)."""
    return _XML_INVALID.sub("", text)


def stable_id(prefix: str, key: str) -> str:
    """An id for feeds from a stable key (e.g. the dispatch's path), as a valid URI.

    ``stable_id("tag:lefil.example,2025:", "dispatches/000 x.txt")``
    -> ``"tag:lefil.example,2025:dispatches/000%20x.txt"``.
    """
    key = unicodedata.normalize("NFC", key.strip())
    return prefix + quote(key, safe="/:@!$'()*+,;=-._~")


# --- absolute URLs in HTML ----------------------------------------------------------------------

_URL_ATTRIBUTES = {"href", "src", "poster", "cite", "action", "data", "formaction", "longdesc", "background"}


def _absolute_srcset(value: str, base: str) -> str:
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(None, 1)
        if not parts:
            continue
        parts[0] = urljoin(base, parts[0])
        candidates.append(" ".join(parts))
    return ", ".join(candidates)


class _Absolutizer(HTMLParser):
    """Copies an HTML fragment through, rewriting URL attributes only (the rest byte for byte)."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=False)
        self.base = base
        self.out: list[str] = []

    def _tag(self, tag, attrs, closing: bool) -> None:
        raw = self.get_starttag_text() or ""
        changed = False
        rewritten = []
        for name, value in attrs:
            if value is not None and name in _URL_ATTRIBUTES:
                new = urljoin(self.base, value.strip())
            elif value is not None and name == "srcset":
                new = _absolute_srcset(value, self.base)
            else:
                new = value
            changed |= new != value
            rewritten.append((name, new))
        if not changed:
            self.out.append(raw)
            return
        text = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"' for name, value in rewritten
        )
        self.out.append(f"<{tag}{text}{' /' if closing else ''}>")

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, closing=False)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, closing=True)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


# A "<![" of no keyword Python's parser knows (an editor's "<![0", "<![x") makes Python 3.11's parser
# raise AssertionError: shown as text in the feed; Word's "<![if !supportLists]>" stays markup.
_UNNAMED_MARKED_SECTION = re.compile(r"<!\[(?!(?:cdata|temp|ignore|include|rcdata)\[|(?:if|else|endif)\b)", re.I)


def absolutize(fragment: str, base: str) -> str:
    """``fragment`` with every relative URL attribute resolved against ``base`` (an absolute
    URL): ``href="/personnes/x/"`` -> ``href="https://site/personnes/x/"``, ``#a`` ->
    ``base#a``. Absolute URLs (``https:``, ``mailto:``) are left as they are."""
    if not fragment:
        return ""
    parser = _Absolutizer(base)
    parser.feed(_UNNAMED_MARKED_SECTION.sub("&lt;![", fragment))
    parser.close()
    return "".join(parser.out)


# --- feeds --------------------------------------------------------------------------------------


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what}: a feed date needs a time zone ({moment!r})")
    return moment


def _ordered(items, limit: int | None) -> list[Item]:
    # Stable: equal moments keep the caller's order (e.g. the dispatches of one day, dated at
    # DATE_ONLY_TIME, in the order the site's pages show them).
    ordered = sorted(items, key=lambda item: -_aware(item.published, item.id).timestamp())
    ids = [item.id for item in ordered]
    if len(set(ids)) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"two feed items share an id: {duplicates}")
    return ordered[:limit] if limit is not None else ordered


def _newest(items: list[Item]) -> datetime:
    return max((item.last_change for item in items), default=EPOCH)


def _generator(channel: Channel, items: list[Item], self_url: str, self_type: str, entries: dict | None) -> FeedGenerator:
    entries = {} if entries is None else entries
    fg = FeedGenerator()
    fg.id(xml_safe(channel.id))
    fg.title(xml_safe(channel.title))
    fg.description(xml_safe(channel.description) or xml_safe(channel.title))
    fg.subtitle(xml_safe(channel.description) or xml_safe(channel.title))
    fg.language(channel.language)
    fg.generator(GENERATOR)
    with_dublin_core(fg)  # dc:creator: RSS's <author> must be an e-mail
    if channel.rights:
        fg.rights(xml_safe(channel.rights))  # RSS <copyright> too
    if channel.author:
        fg.author({"name": xml_safe(channel.author)})
    if self_url:
        fg.link(href=self_url, rel="self", type=self_type)
    for rel, href, mime in channel.extra_links:
        fg.link(href=href, rel=rel, type=mime)
    fg.link(href=channel.link, rel="alternate", type="text/html")  # last: feedgen's RSS <link>
    fg.lastBuildDate(_newest(items))  # also Atom <updated>: never the clock

    for item in items:
        if id(item) not in entries:  # keyed by identity: equal dates in two time zones are equal
            entries[id(item)] = (item, _entry(item))  # the item is kept: its id stays its own
        fg.add_entry(entries[id(item)][1], order="append")
    return fg


def _entry(item: Item) -> ReusedEntry:
    entry = ReusedEntry()
    entry.id(xml_safe(item.id))
    entry.guid(xml_safe(item.id), permalink=False)
    entry.title(xml_safe(item.title).strip() or UNTITLED)
    entry.link(href=item.link, rel="alternate", type="text/html")
    entry.published(item.published)
    entry.updated(item.last_change)
    entry.pubDate(item.published)
    if item.author:
        with_dublin_core(entry)
        entry.dc.dc_creator(xml_safe(item.author))
        entry.author({"name": xml_safe(item.author)})
    if item.rights:
        entry.rights(xml_safe(item.rights))
    if item.content_html:
        entry.content(xml_safe(absolutize(item.content_html, item.link)), type="html")
    if item.summary_html:
        entry.summary(xml_safe(absolutize(item.summary_html, item.link)), type="html")
    categories = list(dict.fromkeys(item.categories))  # the order given (most salient first), once each
    if categories:
        entry.category(
            [
                {"term": xml_safe(c.term), "label": xml_safe(c.term), **({"scheme": c.scheme} if c.scheme else {})}
                for c in categories
            ]
        )
    return entry


def rss(channel: Channel, items, limit: int | None = None, entries: dict | None = None) -> bytes:
    """RSS 2.0 document (UTF-8 bytes) of the newest ``limit`` items. ``entries``: a dict shared by
    the calls that write the feeds of one site, so that an item's entry is built once."""
    ordered = _ordered(items, limit)
    fg = _generator(channel, ordered, channel.rss_url, "application/rss+xml", entries)
    return fg.rss_str(pretty=True, encoding="UTF-8")


def atom(channel: Channel, items, limit: int | None = None, entries: dict | None = None) -> bytes:
    """Atom 1.0 document (UTF-8 bytes) of the newest ``limit`` items (``entries``: see ``rss``)."""
    ordered = _ordered(items, limit)
    fg = _generator(channel, ordered, channel.atom_url, "application/atom+xml", entries)
    return fg.atom_str(pretty=True, encoding="UTF-8")


JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def json_feed(channel: Channel, items, limit: int | None = None) -> bytes:
    """JSON Feed 1.1 document (UTF-8 bytes) of the same items as ``rss``/``atom``, with the same
    ids: ``version``, ``title``, ``items`` (each ``id`` and ``content_html``) as the spec requires,
    and what readers show (``home_page_url``, ``feed_url``, dates, ``authors``, ``tags``)."""
    ordered = _ordered(items, limit)
    document = {
        "version": JSON_FEED_VERSION,
        "title": xml_safe(channel.title),
        "home_page_url": channel.link,
        **({"feed_url": channel.json_url} if channel.json_url else {}),
        "description": xml_safe(channel.description) or xml_safe(channel.title),
        "language": channel.language,
        **({"authors": [{"name": xml_safe(channel.author)}]} if channel.author else {}),
        "items": [_json_item(item) for item in ordered],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _json_item(item: Item) -> dict:
    content = absolutize(item.content_html or item.summary_html, item.link)
    data = {
        "id": item.id,
        "url": item.link,
        "title": xml_safe(item.title).strip() or UNTITLED,
        "content_html": xml_safe(content),
    }
    if item.summary_html:
        data["summary"] = plain_text(item.summary_html)
    data["date_published"] = _rfc3339(item.published)
    if item.updated:
        data["date_modified"] = _rfc3339(item.updated)
    if item.author:
        data["authors"] = [{"name": xml_safe(item.author)}]
    if item.categories:
        data["tags"] = list(dict.fromkeys(xml_safe(c.term) for c in item.categories))
    return data


@dataclass(frozen=True)
class Outline:
    """One feed of an OPML list: its name, the feed's URL and the page it follows (absolute)."""

    text: str
    xml_url: str
    html_url: str


def opml(title: str, groups, owner: str = "", updated: datetime | None = None, owner_url: str = "") -> bytes:
    """OPML 2.0 subscription list (UTF-8 bytes): ``groups`` is ``[(label, [Outline, ...])]``, one
    folder per label (empty groups left out), the feeds in the order given."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = xml_safe(title)
    if updated is not None:
        ElementTree.SubElement(head, "dateModified").text = format_datetime(_aware(updated, "OPML"))
    if owner:
        ElementTree.SubElement(head, "ownerName").text = xml_safe(owner)
    if owner_url:
        ElementTree.SubElement(head, "ownerId").text = owner_url
    ElementTree.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ElementTree.SubElement(root, "body")
    for label, outlines in groups:
        outlines = list(outlines)
        if not outlines:
            continue
        folder = ElementTree.SubElement(body, "outline", text=xml_safe(label), title=xml_safe(label))
        for outline in outlines:
            name = xml_safe(outline.text)
            ElementTree.SubElement(folder, "outline", type="rss", text=name, title=name, xmlUrl=outline.xml_url, htmlUrl=outline.html_url)
    ElementTree.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def write_if_changed(path: Path | str, data: bytes) -> bool:
    """Write ``data`` to ``path`` (whole or not at all, ``write_atomically``); False, and the file
    left alone, when it already holds ``data``."""
    try:
        if Path(path).read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomically(path, data)
    return True
