"""French typography of every word a reader sees on the built site: dispatch text, template
strings, entity names and descriptions, tags (the rules themselves are tested in tests/typography)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

# Text a reader sees: not code, scripts or styles.
HIDDEN = ["script", "style", "code", "pre", "kbd", "samp"]

SLIPS = {
    "breakable space before : ; ! ?": re.compile(r"\S[ \t\n]+[:;!?](?=\s|$)"),
    "breakable space inside « »": re.compile(r"«[ \t\n]|[ \t\n]»"),
    "straight apostrophe": re.compile(r"[^\W\d_]'[^\W\d_]"),
    "ordinal typed apart (5 e, XIX e)": re.compile(r"\b(?:\d+|[IVXLC]{2,}) (?:e|er|re|ème)\b"),
    "clock time without spaces (16h10)": re.compile(r"\b\d{1,2}h ?\d\d\b"),
    "inverted subject that can break (a-t-il)": re.compile(r"\b\w+-t-(?:il|elle|on)\b"),
}


def slips_of(text: str) -> list[tuple[str, str]]:
    page = BeautifulSoup(text, "html.parser")
    for hidden in page(HIDDEN):
        hidden.decompose()
    found = []
    for node in page.find_all(string=True):
        for name, pattern in SLIPS.items():
            match = pattern.search(node)
            if match:
                found.append((name, node[max(0, match.start() - 30): match.end() + 10]))
    for element in page.find_all(True):
        for attribute in ("content", "aria-label", "title", "alt"):
            value = element.get(attribute)
            if isinstance(value, str) and SLIPS["breakable space before : ; ! ?"].search(value):
                found.append((f"{attribute}=", value[:60]))
    return found


def test_no_page_shows_a_typographic_slip(html_pages):
    slips = {path: found for path, text in html_pages.items() if (found := slips_of(text))}
    assert not slips, f"{len(slips)} pages, e.g. {list(slips.items())[:3]}"


@pytest.mark.parametrize("text, slip", [
    ("<p>Source : Wikinews</p>", "breakable space before : ; ! ?"),
    ("<p>Côtes-d'Armor</p>", "straight apostrophe"),
    ("<p>le 18 e arrondissement</p>", "ordinal typed apart (5 e, XIX e)"),
    ("<p>à 16h10</p>", "clock time without spaces (16h10)"),
    ("<p>a-t-il dit</p>", "inverted subject that can break (a-t-il)"),
    ('<meta name="description" content="Lieu : Paris.">', "content="),
])
def test_the_slip_finder_finds_each_slip(text, slip):
    assert slip in [name for name, _ in slips_of(text)]


def test_template_strings_are_typeset(html_pages):
    credited = next(text for text in html_pages.values() if 'class="credit"' in text)
    page = BeautifulSoup(credited, "html.parser")
    assert "Source\u00a0:" in page.select_one(".credit").get_text()
    assert "Suivre\u00a0:" in page.select_one(".site-footer").get_text()
