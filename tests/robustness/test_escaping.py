"""Whatever a dispatch contains is shown as text: never read as Markdown, HTML or a template."""

from __future__ import annotations

import json
import re
import unicodedata

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest import pipeline
from tests.conftest import new_site

HOSTILE = [
    "<script>alert(1)</script>", "<b>gras</b>", "<img src=x onerror=alert(1)>", "[lien](javascript:alert(1))",
    "javascript:alert(1)", "{{ SITENAME }}", "{% include 'base.html' %}", "{filename}/x.md", "*étoile*", "_souligné_",
    "# titre", "1994.", "&amp;", "&", "<!-- commentaire -->", "`code`", "> citation", "---", "|a|b|", "\\*",
    '"guillemets"', "l'Otan", "M. Rutte", "10 000", "...", "Voici: la", "<", ">", "&lt;", "]]>",
]
WORD = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet="abcdeéèàçôABCÉÀ0123456789<>&\"'*_#[](){}!?:;.,-/=`|~\\", min_size=1, max_size=12),
)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=12).map(" ".join).filter(lambda text: text.strip())


def comparable(text: str) -> str:
    """Text with what typography may change folded away: spaces, quote and dash styles, accents."""
    text = unicodedata.normalize("NFD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    for typeset, plain in (("’", "'"), ("…", "..."), ("—", "-"), ("--", "-")):
        text = text.replace(typeset, plain)
    text = re.sub(r"[«»“”\"]", '"', text)
    return re.sub(r"\s+", "", text)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=4))
def test_dispatch_text_is_shown_literally(tmp_path_factory, paragraphs):
    paths = new_site(tmp_path_factory.mktemp("escaping"), {"x.txt": " date 2025-08-22 " + "\n\n".join(paragraphs) + "\n"})
    report = pipeline.build(paths).report  # with the real model: what it finds is linked, never markup
    assert report.ok, report.lines()
    [page] = (paths.output / "2025" / "08" / "22").glob("*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body] .body, .article .body, article .body")
    shown = [p.get_text() for p in body.find_all("p", recursive=False)]
    assert [comparable(text) for text in shown] == [comparable(text) for text in paragraphs]
    # No element came from the text: only paragraphs, and the superscripts typography adds.
    assert {tag.name for tag in body.find_all(True)} <= {"p", "sup"}
    # The only inline scripts are JSON-LD data, and they parse: text in them is a JSON string.
    for script in soup.find_all("script", src=False):
        assert script.get("type") == "application/ld+json"
        json.loads(script.string)
    assert all(not attribute.startswith("on") for tag in soup.find_all(True) for attribute in tag.attrs)
