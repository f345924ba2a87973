"""plugins/incremental: the keys of the reusable files and their reuse from the previous build."""

from __future__ import annotations

import os
from datetime import datetime
from types import SimpleNamespace

import pytest

from incremental import keys, reuse


def article(n, day, entities=()):
    return SimpleNamespace(
        url=f"2025/08/{day:02d}/a-{n}/", save_as=f"2025/08/{day:02d}/a-{n}/index.html", date=datetime(2025, 8, day), modified=None,
        entities=list(entities), related=[], newer=None, older=None, source=f"Title: Titre {n}\n\nTexte {n}".encode(),
    )


def entity_page(name, articles, related=()):
    slug = name.lower()
    return SimpleNamespace(
        name=name, kind="personne", url=f"personnes/{slug}/", save_as=f"personnes/{slug}/index.html",
        feed_url=f"personnes/{slug}/rss.xml", feed_save_as=f"personnes/{slug}/rss.xml",
        description="", forms=[], articles=list(articles), related=list(related),
    )


@pytest.fixture
def site():
    first, second, third = article(1, 1), article(2, 2), article(3, 3)
    first.newer, second.older, second.newer, third.older = second, first, third, second
    third.related = [first]
    rutte = entity_page("Rutte", [third, first])
    for item in (first, third):
        item.entities = [SimpleNamespace(name="Rutte", kind="personne", url=rutte.url)]
    return SimpleNamespace(articles=[third, second, first], pages=[rutte], first=first, second=second, third=third, rutte=rutte)


def site_keys(site):
    return keys.site_keys(site.articles, site.pages, lambda item: keys.source_fingerprint(item.source))


def changed(before, after):
    return {path for path in after if before.get(path) != after[path]}


def test_every_article_page_entity_page_and_entity_feed_has_a_key(site):
    assert set(site_keys(site)) == {a.save_as for a in site.articles} | {"personnes/rutte/index.html", "personnes/rutte/rss.xml"}


def test_an_edited_article_changes_the_pages_that_show_it_and_only_those(site):
    before = site_keys(site)
    site.first.source += b" (corrige)"
    # its page, its newer neighbour's, the article that lists it as related, its entity's page and feed
    assert changed(before, site_keys(site)) == {
        site.first.save_as, site.second.save_as, site.third.save_as, "personnes/rutte/index.html", "personnes/rutte/rss.xml",
    }


def test_an_entity_that_moves_to_another_url_changes_the_pages_of_its_articles(site):
    before = site_keys(site)
    site.first.entities = [SimpleNamespace(name="Rutte", kind="personne", url="personnes/rutte-2/")]
    assert site.first.save_as in changed(before, site_keys(site))


def test_a_new_article_on_an_entity_changes_its_page_and_feed(site):
    before = site_keys(site)
    site.rutte.articles.insert(0, site.second)
    assert changed(before, site_keys(site)) == {"personnes/rutte/index.html", "personnes/rutte/rss.xml"}


def test_a_new_day_changes_the_page_of_the_day_before_it_and_not_the_others(site):
    from period_archives.periods import periods

    urls = {"day": "{date:%Y}/{date:%m}/{date:%d}/"}
    save_as = {"day": urls["day"] + "index.html"}

    def day_keys(articles):
        days = periods(sorted(articles, key=lambda item: item.date, reverse=True), articles, save_as, urls)
        return keys.site_keys([], [], lambda item: keys.source_fingerprint(item.source), days)

    before = day_keys(site.articles)
    after = day_keys([article(4, 5), *site.articles])  # the 5th: after the 3rd, the newest day so far
    # the new day's page, and the 3rd's, which now leads to it
    assert changed(before, after) == {"2025/08/05/index.html", "2025/08/03/index.html"}


def test_an_article_linking_other_content_by_its_file_is_never_reused(site):
    # Its page shows the other article's URL, which its key does not follow.
    site.first.source += b"\n\nVoir [la suite]({filename}suite.md)."
    assert site.first.save_as in changed(site_keys(site), site_keys(site))


def test_the_description_of_an_entity_is_in_its_page_key(site):
    before = site_keys(site)
    site.rutte.description = "Secrétaire général de l'OTAN."
    assert "personnes/rutte/index.html" in changed(before, site_keys(site))


@pytest.fixture
def previous(tmp_path):
    output = tmp_path / "output"
    for name in ("a/index.html", "a/page/2/index.html", "b/index.html"):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(f"ancien {name}", encoding="utf-8")
    return output


def test_an_unchanged_key_links_every_file_of_the_page(previous, tmp_path):
    staging = tmp_path / "staging"
    reused = reuse.Reuse(previous, {"a/index.html": "k1", "b/index.html": "k2"}, {"a/index.html": "k1", "b/index.html": "nouveau"}, staging)
    assert reused("a/index.html", ["a/page/2/index.html"])
    assert os.path.samefile(staging / "a/page/2/index.html", previous / "a/page/2/index.html")
    assert not reused("b/index.html") and not (staging / "b/index.html").exists()  # its key changed
    assert not reused("c/index.html")  # no key: always rendered


def test_a_page_missing_one_of_its_files_is_rendered_again(previous, tmp_path):
    same = {"a/index.html": "k1"}
    assert not reuse.Reuse(previous, same, same, tmp_path / "staging")("a/index.html", ["a/page/3/index.html"])
    assert not (tmp_path / "staging" / "a" / "index.html").exists()  # nothing half-linked


def test_release_unlinks_a_reused_file_before_it_is_written(previous, tmp_path):
    staging = tmp_path / "staging"
    same = {"b/index.html": "k2"}
    reused = reuse.Reuse(previous, same, same, staging)
    assert reused("b/index.html")
    reused.release("b/index.html")
    (staging / "b/index.html").write_text("nouveau", encoding="utf-8")
    assert (previous / "b/index.html").read_text(encoding="utf-8") == "ancien b/index.html"  # the published file is intact


def test_the_manifest_counts_only_once_committed_and_only_for_its_output(previous, tmp_path):
    cache = tmp_path / "cache"
    reuse.save_pending(cache, previous, {"a/index.html": "k1"})
    assert reuse.load(cache, previous) == {}  # the build that wrote it is not in place yet
    reuse.commit(cache, previous)
    assert reuse.load(cache, previous) == {"a/index.html": "k1"}
    assert reuse.load(cache, tmp_path / "another-output") == {}
    reuse.save_pending(cache, previous, {"a/index.html": "k2"})
    reuse.discard(cache)  # that build failed
    reuse.commit(cache, previous)
    assert reuse.load(cache, previous) == {"a/index.html": "k1"}


def test_a_site_another_build_put_in_place_since_is_not_described_by_the_manifest(previous, tmp_path):
    cache = tmp_path / "cache"
    reuse.save_pending(cache, previous, {"a/index.html": "k1"})
    reuse.commit(cache, previous)
    other = tmp_path / "other-site"  # e.g. `invoke publish`, other settings, same output folder
    other.mkdir()
    previous.rename(tmp_path / "old")
    other.rename(previous)
    assert reuse.load(cache, previous) == {}


def test_readers_fingerprint_the_source_so_that_keys_need_not_read_it_again(tmp_path):
    """Pelican caches what the reader returns: the fingerprint comes with it, and a rebuild makes
    its keys without reading every source again."""
    from incremental import pelican_glue
    from tests.conftest import cached_readers

    source = tmp_path / "a.md"
    source.write_bytes("Title: L’OTAN\n\nLes alliés se réunissent.\n".encode())
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    article = readers.read_file(str(tmp_path), "a.md")
    readers.save_cache()
    assert article.metadata[pelican_glue.SOURCE_FINGERPRINT] == keys.source_fingerprint(source.read_bytes())

    _, cached = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init).get_cached_data(str(source), (None, None))
    source.unlink()  # what the keys take of it now comes from the cache alone
    assert pelican_glue._fingerprint(SimpleNamespace(metadata=cached, source_path=str(source))) == keys.source_fingerprint(
        "Title: L’OTAN\n\nLes alliés se réunissent.\n".encode()
    )


def test_an_article_no_reader_of_ours_read_is_fingerprinted_from_its_file(tmp_path):
    from incremental import pelican_glue

    source = tmp_path / "a.md"
    source.write_bytes(b"Title: Autre\n\nTexte.\n")
    assert pelican_glue._fingerprint(SimpleNamespace(metadata={}, source_path=str(source))) == keys.source_fingerprint(source.read_bytes())
    assert pelican_glue._fingerprint(SimpleNamespace(metadata={}, source_path=None)) is None  # made by a plugin: always rendered
    source.write_bytes(b"Title: Autre\n\nVoir {filename}b.md.\n")
    assert pelican_glue._fingerprint(SimpleNamespace(metadata={}, source_path=str(source))) is None


def test_a_file_edited_while_the_build_reads_it_is_read_again_by_the_next_build(tmp_path):
    """Pelican's cache would store the old text under the new file's stamp: the page would keep the
    old text until the file's next edit."""
    import os

    from incremental import pelican_glue
    from tests.conftest import cached_readers

    source = tmp_path / "a.md"
    source.write_bytes("Title: A\n\nPremier texte.\n".encode())
    readers = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    reader = readers.readers["md"]
    read = reader.read

    def read_then_edited(path):
        found = read(path)
        source.write_bytes("Title: A\n\nTexte corrigé pendant la lecture.\n".encode())
        modified = source.stat().st_mtime_ns + 2_000_000_000  # whatever the file system's clock grain
        os.utime(source, ns=(modified, modified))
        return found

    reader.read = read_then_edited
    assert "Premier texte" in readers.read_file(str(tmp_path), "a.md").content
    readers.save_cache()
    next_build = cached_readers(tmp_path / "cache", pelican_glue.on_readers_init)
    assert "Texte corrigé pendant la lecture" in next_build.read_file(str(tmp_path), "a.md").content
