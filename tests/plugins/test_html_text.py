"""digest/html_text: the one HTML-to-text rule of teasers, feeds, <title> and meta tags."""

from __future__ import annotations

import html
import re

from hypothesis import given, strategies as st

from digest.html_text import plain_text

INLINE = ["a", "abbr", "em", "strong", "sup", "sub", "span", "i", "b", "mark"]
BLOCK = ["p", "br", "div", "li", "h1", "h2", "blockquote", "td", "section"]
HTML_SPACES = re.compile(r"[ \t\n\r\f]+")

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
attributes = st.one_of(st.just(""), texts.map(lambda value: f' title="{html.escape(value)}"'))
tags = st.tuples(st.sampled_from(INLINE + BLOCK), st.booleans(), attributes)
pieces = st.lists(st.one_of(texts.map(lambda text: ("text", text)), tags.map(lambda tag: ("tag", tag))), max_size=12)


def _fragment_and_text(parts) -> tuple[str, str]:
    """The HTML of ``parts`` and the text a reader sees in it (a block boundary is a break)."""
    markup, seen = [], []
    for kind, value in parts:
        if kind == "text":
            markup.append(html.escape(value))
            seen.append(value)
        else:
            name, closing, attribute = value
            markup.append(f"</{name}>" if closing else f"<{name}{attribute}>")
            seen.append("" if name in INLINE else "\n")
    return "".join(markup), "".join(seen)


@given(pieces)
def test_the_text_is_what_a_reader_sees_on_one_line(parts):
    fragment, seen = _fragment_and_text(parts)
    assert plain_text(fragment) == HTML_SPACES.sub(" ", seen).strip()


@given(pieces)
def test_with_lines_each_break_is_one_new_line(parts):
    fragment, seen = _fragment_and_text(parts)
    expected = HTML_SPACES.sub(lambda run: "\n" if re.search("[\n\r]", run[0]) else " ", seen).strip()
    assert plain_text(fragment, lines=True) == expected


def test_block_boundaries_part_words_and_inline_tags_do_not():
    fragment = "<p>Le XX<sup>e</sup>\u00a0siècle &amp; l’<abbr>ONU</abbr>.</p><p>Début&nbsp;: <em>fin</em></p>"
    assert plain_text(fragment) == "Le XXe\u00a0siècle & l’ONU. Début\u00a0: fin"
    assert plain_text(fragment, lines=True) == "Le XXe\u00a0siècle & l’ONU.\nDébut\u00a0: fin"
    assert plain_text("un<br>deux<br/>trois") == "un deux trois"


def test_what_is_never_read_goes_and_a_lone_angle_bracket_stays():
    fragment = "a<!-- note -->b<script>alert('<p>')</script><style>p{}</style>c &lt;b&gt; 3 < 4"
    assert plain_text(fragment) == "abc <b> 3 < 4"
    assert plain_text("<p>x</p><script>never closed") == "x"
    assert plain_text(None) == "" and plain_text("") == ""


def test_an_articles_text_is_converted_once_for_every_ask(monkeypatch):
    # its page's reading time, its feed item, its entities' sentences and its teaser ask for it
    from digest import html_text

    converted = []

    class Counted:
        def sub(self, replace, fragment):
            converted.append(fragment)
            return real.sub(replace, fragment)

    real = html_text._TAG
    monkeypatch.setattr(html_text, "_TAG", Counted())
    article = "<p>Le 1<sup>er</sup> mai,\n à Paris.</p><p>Fin &amp; suite.</p> "  # no other test converts it
    asked = [plain_text(article), plain_text(article, lines=True), plain_text(article)]
    assert asked == ["Le 1er mai, à Paris. Fin & suite.", "Le 1er mai,\nà Paris.\nFin & suite.", "Le 1er mai, à Paris. Fin & suite."]
    assert len(converted) == 1
