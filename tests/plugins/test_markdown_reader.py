"""plugins/markdown_reader: one Markdown converter for a whole build reads every file exactly as
Pelican's reader (a new converter per file) does; nothing of one file shows in the next."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from markdown import Markdown
from pelican.readers import MarkdownReader as PelicanMarkdownReader
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from markdown_reader.reader import MarkdownReader, read_markdown_with_one_converter

ROOT = Path(__file__).resolve().parents[2]

# Each file leaves state a careless reuse would carry into the next one: front matter, footnotes,
# abbreviations, reference links, attribute lists, raw HTML blocks.
FILES = {
    "a.md": "Title: Sommet de l'Otan\nDate: 2024-07-10\n\n"
            "Le sommet de l'OTAN[^1] s'ouvre à [Washington][dc].\n\n*[OTAN]: Organisation du traité de l'Atlantique nord\n\n"
            "[^1]: Organisation du traité de l'Atlantique nord.\n\n[dc]: https://example.org/dc\n",
    "b.md": "Le secrétaire général de l'OTAN parle à [Washington][dc] et cite une note[^1].\n",
    "c.md": "Title: Deuxième\nTags: otan, sommet\n\n<div markdown=\"1\">*Bloc* brut</div>\n\n"
            "| pays | voix |\n|---|---|\n| France | 1 |\n\n## Intertitre {: #suite }\n",
    "d.md": "Title: Avec résumé\nSummary: Les alliés *à* Washington.\n\nUn texte *simple*.\n",
}


def settings():
    config = copy.deepcopy(DEFAULT_CONFIG)
    config["MARKDOWN"] = {
        "extension_configs": {"markdown.extensions.meta": {}, "markdown.extensions.extra": {}},
        "output_format": "html5",
    }
    config["FORMATTED_FIELDS"] = ["summary"]  # exercises the path that deregisters ``meta``
    return config


def read_all(reader_class, paths):
    reader = reader_class(settings())
    return [reader.read(str(path)) for path in paths]


@pytest.fixture
def crafted(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [tmp_path / name for name in FILES]


def test_crafted_files_read_as_by_pelican(crafted):
    order = crafted + crafted[::-1]  # each kind of state followed by each other
    assert read_all(MarkdownReader, order) == read_all(PelicanMarkdownReader, order)


def test_no_state_leaks_into_the_next_file(crafted):
    (content_a, meta_a), (content_b, meta_b), *_ = read_all(MarkdownReader, crafted)
    assert 'class="footnote"' in content_a and "<abbr" in content_a
    assert meta_a["title"] == "Sommet de l'Otan"
    assert meta_b == {}  # no front matter: nothing carried over from a.md
    assert "<abbr" not in content_b and "footnote" not in content_b
    assert "[Washington][dc]" in content_b  # the reference was a.md's only


def test_the_repositorys_articles_read_as_by_pelican():
    paths = sorted((ROOT / "content" / "articles").rglob("*.md"))[:300]
    assert paths, "content/articles holds the ingested dispatches"
    assert read_all(MarkdownReader, paths) == read_all(PelicanMarkdownReader, paths)


def test_meta_preprocessor_is_back_in_its_place(crafted):
    reader = MarkdownReader(settings())
    for path in crafted:
        reader.read(str(path))  # each read ends with Pelican's _parse_metadata removing "meta"
    converter = reader._reset_converter()
    fresh = Markdown(**reader.settings["MARKDOWN"])
    assert list(converter.preprocessors) and [type(p) for p in converter.preprocessors] == [type(p) for p in fresh.preprocessors]


def test_pelican_reads_markdown_with_it_and_other_plugins_wrap_it(crafted):
    from french_typography.pelican_glue import on_readers_init

    class Site:
        settings = settings()

    read_markdown_with_one_converter(Site)
    readers = Readers(Site.settings)
    assert all(isinstance(readers.readers[ext], MarkdownReader) for ext in MarkdownReader.file_extensions)
    on_readers_init(readers)  # french_typography's typesetting reader wraps the class in place
    reader = readers.reader_classes["md"](Site.settings)
    assert isinstance(reader, MarkdownReader)
    content, _ = reader.read(str(crafted[1]))
    assert "de l’OTAN" in content and "[Washington][dc]" in content  # typeset, and read alone
    readers.readers["md"] = reader
    page = readers.read_file(str(crafted[0].parent), crafted[0].name)
    assert page.metadata["reader"] == "markdown"  # as with Pelican's own reader


def test_a_site_s_own_markdown_reader_is_kept():
    class Own(PelicanMarkdownReader):
        pass

    class Site:
        settings = {**settings(), "READERS": {"md": Own}}

    read_markdown_with_one_converter(Site)
    assert Site.settings["READERS"]["md"] is Own and Site.settings["READERS"]["markdown"] is MarkdownReader


def test_upstream_contract_parse_metadata_reads_md_and_removes_meta(crafted):
    """The private API this reader relies on (markdown_reader/reader.py): Pelican's reader still
    turns front matter into metadata with ``_parse_metadata``, reading the converter from ``_md``,
    and still takes ``meta`` out of that converter. If this fails, Pelican changed: drop or adapt
    the reader (the plugin already stands aside when ``_parse_metadata`` is gone)."""
    from markdown_reader.reader import has_upstream_contract

    assert has_upstream_contract()
    pelican_reader = PelicanMarkdownReader(settings())
    pelican_reader._md = Markdown(**pelican_reader.settings["MARKDOWN"])
    pelican_reader._md.convert(crafted[3].read_text(encoding="utf-8"))
    assert "meta" in pelican_reader._md.preprocessors
    metadata = pelican_reader._parse_metadata(pelican_reader._md.Meta)
    assert metadata["title"] == "Avec résumé" and "<em>à</em>" in metadata["summary"]
    assert "meta" not in pelican_reader._md.preprocessors


def test_without_the_upstream_contract_pelicans_own_reader_stays(monkeypatch):
    monkeypatch.delattr(PelicanMarkdownReader, "_parse_metadata")

    class Site:
        settings = settings()

    read_markdown_with_one_converter(Site)
    assert "md" not in Site.settings.get("READERS", {})
