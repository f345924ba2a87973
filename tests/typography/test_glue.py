"""Pelican glue without a build: content objects, filters, typeset_file."""

import html

import pytest

from french_typography import pelican_glue
from digest.html_text import plain_text
from french_typography.pelican_glue import typeset_content_object, typeset_file
from tests.conftest import cached_readers

NB, NN = "\u00a0", "\u202f"


class FakeContent:
    def __init__(self, title, content, summary=None, formatted=()):
        self.title = title
        self._content = content
        self.metadata = {"title": title}
        if summary is not None:
            self.metadata["summary"] = summary
        self.settings = {"FORMATTED_FIELDS": list(formatted)}


@pytest.fixture
def typeset_calls(monkeypatch) -> list[str]:
    """What the glue gives ``typeset`` from now on (it still typesets)."""
    calls, real = [], pelican_glue.typeset
    monkeypatch.setattr(pelican_glue, "typeset", lambda text: calls.append(text) or real(text))
    return calls



def test_content_object_contract():
    obj = FakeContent('Les "garanties" du XXe siècle & <b> : quoi ?', "<p>Voici : x</p>",
                      summary='Le 1er mai, "garanties" & <rien>')
    typeset_content_object(obj)
    assert obj._content == f"<p>Voici{NB}: x</p>"
    assert obj.title_html == f"Les «{NB}garanties{NB}» du XX<sup>e</sup> siècle &amp; &lt;b&gt;{NB}: quoi{NN}?"
    assert obj.title == f"Les «{NB}garanties{NB}» du XXe siècle & <b>{NB}: quoi{NN}?"
    assert obj.metadata["title"] == obj.title
    expected_summary = f"Le 1<sup>er</sup>{NB}mai, «{NB}garanties{NB}» &amp; &lt;rien&gt;"
    assert obj.metadata["summary"] == expected_summary
    assert obj.summary_plain == html.unescape(expected_summary.replace("<sup>", "").replace("</sup>", ""))
    # a second pass changes nothing (no double escaping)
    typeset_content_object(obj)
    assert obj.metadata["summary"] == expected_summary
    assert obj.title_html.count("&amp;") == 1


def test_no_summary_leaves_pelican_alone():
    obj = FakeContent("Titre", "<p>x</p>")
    typeset_content_object(obj)
    assert "summary" not in obj.metadata
    assert not hasattr(obj, "summary_plain")


def test_formatted_summary_is_html():
    obj = FakeContent("T", "", summary="<em>Voici</em>: x", formatted=["summary"])
    typeset_content_object(obj)
    assert obj.metadata["summary"] == f"<em>Voici</em>{NB}: x"


def test_initialized_registers_filters():
    class P:
        settings = {"JINJA_FILTERS": {"other": str}}

    pelican_glue.on_initialized(P)
    assert P.settings["JINJA_FILTERS"]["plaintext"] is plain_text
    assert P.settings["JINJA_FILTERS"]["other"] is str
    assert "typeset" in P.settings["JINJA_FILTERS"]


def test_typeset_file_txt(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text(" date 2016-01-01 Voici : un <test> & \"fin\".\n\nDeuxième paragraphe !\n", encoding="utf-8")
    assert typeset_file(f) == (f"<p>Voici{NB}: un &lt;test&gt; &amp; «{NB}fin{NB}».</p>\n"
                               f"<p>Deuxième paragraphe{NN}!</p>")


def test_typeset_file_drops_a_date_line_with_its_time(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text(" date 2025-01-15T09:30:00+00:00 Voici la suite.\n", encoding="utf-8")
    assert typeset_file(f) == "<p>Voici la suite.</p>"


def test_typeset_file_html_and_md(tmp_path):
    h = tmp_path / "a.html"
    h.write_text("<p>Voici : <code>a : b</code></p>", encoding="utf-8")
    assert typeset_file(h) == f"<p>Voici{NB}: <code>a : b</code></p>"
    m = tmp_path / "a.md"
    m.write_text("Voici : `a : b`\n\n    code : ici\n", encoding="utf-8")
    out = typeset_file(m)
    assert f"Voici{NB}: <code>a : b</code>" in out
    assert "<pre><code>code : ici" in out


def test_a_new_build_forgets_the_contents_pelican_memoized_for_the_previous_one():
    from types import SimpleNamespace

    from pelican.contents import Content

    previous = object()
    Content.get_content.cache[(previous, "")] = "<p>ancien</p>"
    pelican_glue.on_initialized(SimpleNamespace(settings={}))
    assert (previous, "") not in Content.get_content.cache


def test_readers_typeset_bodies_so_that_the_content_cache_keeps_them_typeset(tmp_path, typeset_calls):
    """Pelican caches what the reader returns: a rebuild must get typeset bodies from the cache
    and a content object must not typeset its body a second time."""
    source = tmp_path / "a.md"
    source.write_text('Title: Le "sommet"\n\nL\'Otan se réunit : "enfin" !\n', encoding="utf-8")
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    article = readers.read_file(str(tmp_path), "a.md")
    expected = f"<p>L’Otan se réunit{NB}: «{NB}enfin{NB}»{NN}!</p>"
    assert article._content == expected
    assert getattr(article, pelican_glue.TYPESET_BODY)
    readers.save_cache()
    again = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    content, metadata = again.get_cached_data(str(source), (None, None))
    assert content == expected and metadata[pelican_glue.TYPESET_BODY]

    obj = FakeContent("Titre", expected)
    setattr(obj, pelican_glue.TYPESET_BODY, True)
    typeset_calls.clear()  # the reader's own calls above
    typeset_content_object(obj)
    assert expected not in typeset_calls and obj._content == expected


def test_readers_typeset_titles_and_summaries_so_that_the_content_cache_keeps_them(tmp_path, typeset_calls):
    """A rebuild gets the typeset title and summary from Pelican's cache: the content object uses
    them without typesetting again, and gives the same result as typesetting them itself."""
    source = tmp_path / "a.md"
    source.write_text('Title: Le "sommet" du XXe siècle & <b>\nSummary: Le 1er mai : "enfin" !\n\nTexte.\n', encoding="utf-8")
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init, FORMATTED_FIELDS=[])
    readers.read_file(str(tmp_path), "a.md")
    readers.save_cache()

    _, metadata = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init, FORMATTED_FIELDS=[]).get_cached_data(str(source), (None, None))
    title, summary = 'Le "sommet" du XXe siècle & <b>', 'Le 1er mai : "enfin" !'
    assert metadata[pelican_glue.TYPESET_TITLE] == (title, f"Le «{NB}sommet{NB}» du XX<sup>e</sup> siècle &amp; &lt;b&gt;")
    assert metadata[pelican_glue.TYPESET_SUMMARY] == (summary, f"Le 1<sup>er</sup>{NB}mai{NB}: «{NB}enfin{NB}»{NN}!")

    from_cache = FakeContent(title, "<p>Texte.</p>", summary=summary)
    from_cache.metadata.update({key: metadata[key] for key in (pelican_glue.TYPESET_TITLE, pelican_glue.TYPESET_SUMMARY)})
    setattr(from_cache, pelican_glue.TYPESET_BODY, True)
    typeset_calls.clear()  # the reader's own calls above
    typeset_content_object(from_cache)
    assert typeset_calls == []
    by_itself = FakeContent(title, "<p>Texte.</p>", summary=summary)
    typeset_content_object(by_itself)
    for field in ("title", "title_html", "summary_plain"):
        assert getattr(from_cache, field) == getattr(by_itself, field), field
    for key in ("title", "summary"):
        assert from_cache.metadata[key] == by_itself.metadata[key], key


def test_a_title_changed_after_reading_is_typeset_from_the_new_text():
    obj = FakeContent('Nouveau "titre"', "<p>x</p>", summary="Nouveau : résumé")
    obj.metadata[pelican_glue.TYPESET_TITLE] = ("Ancien titre", "Ancien titre")
    obj.metadata[pelican_glue.TYPESET_SUMMARY] = ("Ancien résumé", "Ancien résumé")
    typeset_content_object(obj)
    assert obj.title == f"Nouveau «{NB}titre{NB}»"
    assert obj.metadata["summary"] == f"Nouveau{NB}: résumé"


def test_a_front_matter_cannot_give_the_typeset_title_or_summary(tmp_path):
    (tmp_path / "a.md").write_text("Title: Vrai titre\nFrench_typeset_summary: faux\n\nTexte.\n", encoding="utf-8")
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    article = readers.read_file(str(tmp_path), "a.md")
    assert article.metadata[pelican_glue.TYPESET_SUMMARY] is None
    assert article.metadata[pelican_glue.TYPESET_TITLE] == ("Vrai titre", "Vrai titre")


def test_a_summary_in_formatted_fields_is_typeset_by_the_reader_as_html(tmp_path):
    (tmp_path / "a.md").write_text("Title: T\nSummary: *Voici* : x\n\nTexte.\n", encoding="utf-8")
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init, FORMATTED_FIELDS=["summary"])
    article = readers.read_file(str(tmp_path), "a.md")
    read, typeset_html = article.metadata[pelican_glue.TYPESET_SUMMARY]
    assert "<em>Voici</em>" in read and f"<em>Voici</em>{NB}: x" in typeset_html
    by_itself = FakeContent("T", "<p>Texte.</p>", summary=read, formatted=["summary"])
    typeset_content_object(by_itself)
    assert by_itself.metadata["summary"] == typeset_html
