"""french_typography's reliance on Pelican: the one private field (``upstream.py``) and the public
paths that replaced the others (the summary Pelican keeps, the done flag)."""

from french_typography import pelican_glue, upstream
from tests.conftest import cached_readers

NB, NN = "\u00a0", "\u202f"


def test_upstream_contract_pelican_reads_the_body_from_the_private_field():
    """If this fails, Pelican no longer keeps the body in ``_content``: adapt upstream.py."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    article = Article("<p>lu</p>", metadata={"title": "T"}, settings=dict(DEFAULT_CONFIG))
    assert upstream.body(article) == "<p>lu</p>"
    upstream.replace_body(article, "<p>typographié</p>")
    assert article.content == "<p>typographié</p>"


def test_without_the_private_field_a_body_is_left_as_it_was():
    class Made:
        pass

    made = Made()
    upstream.replace_body(made, "<p>x</p>")
    assert upstream.body(made) is None and not hasattr(made, upstream.BODY)


def test_a_formatted_summary_stays_typeset_after_pelican_refreshes_its_links(tmp_path):
    """Pelican copies its own field of the summary back into the metadata when ``summary`` is a
    formatted field: the reader gives that field typeset, so the page keeps the typeset summary."""
    (tmp_path / "a.md").write_text("Title: T\nSummary: *Voici* : x !\n\nTexte.\n", encoding="utf-8")
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init, FORMATTED_FIELDS=["summary"])
    article = readers.read_file(str(tmp_path), "a.md")
    pelican_glue.typeset_content_object(article)
    article.refresh_metadata_intersite_links()
    assert article.summary == f"<p><em>Voici</em>{NB}: x{NN}!</p>"


def test_a_front_matter_cannot_say_the_article_is_typeset_already(tmp_path):
    (tmp_path / "a.md").write_text('Title: Le "sommet"\nFrench_typeset: oui\n\nTexte : fin.\n', encoding="utf-8")
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    article = readers.read_file(str(tmp_path), "a.md")
    pelican_glue.typeset_content_object(article)
    assert article.title == f"Le «{NB}sommet{NB}»" and article.french_typeset is True
