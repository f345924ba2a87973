"""The fingerprint that lets a rebuild with nothing changed do nothing, and the swap that keeps
unchanged files (digest.uptodate, digest.site.keep_unchanged)."""

from __future__ import annotations

import os
import time

from digest import site, swap, uptodate


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fingerprint_changes_with_any_input_and_only_then(tmp_path):
    article = write(tmp_path / "content" / "articles" / "a.md", "Title: A\n\nTexte.\n")
    write(tmp_path / "plugins" / "p" / "__init__.py", "")
    inputs = [tmp_path / "content", tmp_path / "plugins"]
    first = uptodate.fingerprint(inputs, {"PATH": "content"})
    assert uptodate.fingerprint(inputs, {"PATH": "content"}) == first
    write(tmp_path / "plugins" / "p" / "__pycache__" / "x.pyc", "compiled")  # not an input
    assert uptodate.fingerprint(inputs, {"PATH": "content"}) == first
    assert uptodate.fingerprint(inputs, {"PATH": "ailleurs"}) != first

    write(article, "Title: A\n\nTexte corrigé.\n")
    edited = uptodate.fingerprint(inputs, {"PATH": "content"})
    assert edited != first
    added = write(tmp_path / "content" / "articles" / "b.md", "Title: B\n")
    assert uptodate.fingerprint(inputs, {"PATH": "content"}) != edited
    added.unlink()
    assert uptodate.fingerprint(inputs, {"PATH": "content"}) == edited


def test_files_in_a_linked_folder_count_as_the_reader_sees_them(tmp_path):
    shared = write(tmp_path / "ailleurs" / "a.md", "Title: A\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "articles").symlink_to(tmp_path / "ailleurs", target_is_directory=True)
    before = uptodate.fingerprint([tmp_path / "content"], {})
    write(shared, "Title: A corrigé\n")
    assert uptodate.fingerprint([tmp_path / "content"], {}) != before


def test_a_listing_restated_for_the_files_written_is_the_listing_of_the_folder_now(tmp_path):
    root = tmp_path / "articles"
    kept = write(root / "a.md", "A")
    listed = uptodate.listing([root])
    written = [write(root / "2025" / "08" / "b.md", "B"), write(root / "a.md", "A réécrit")]
    uptodate.restat(listed, root, written)
    assert uptodate.digest(listed, {}) == uptodate.fingerprint([root], {})
    write(kept, "édité par quelqu'un d'autre, non relu")
    assert uptodate.digest(listed, {}) != uptodate.fingerprint([root], {})


def test_an_article_listed_while_ingest_writes_it_beside_the_build_is_the_article_written(tmp_path):
    # The build lists its inputs while ingest, in a forked child, may be writing an article: the
    # listing restated for what ingest wrote is the listing of the folder once it is done, so the
    # next build finds the site current (the atomic write's temporary was listed, then gone).
    root = tmp_path / "articles"
    write(root / "a.md", "A")
    temporary = write(root / ".b.md.4242.tmp", "B")  # write_atomically's, halfway
    listed = uptodate.listing([root])
    written = root / "b.md"
    os.replace(temporary, written)
    uptodate.restat(listed, root, [written])
    assert uptodate.digest(listed, {}) == uptodate.fingerprint([root], {})


def test_a_stamp_counts_only_for_its_output_while_it_exists(tmp_path):
    stamp, output = tmp_path / "cache" / uptodate.STAMP_FILE, tmp_path / "output"
    assert not uptodate.is_current(stamp, output, "abc")
    write(output / "index.html", "<!doctype html>")
    uptodate.record(stamp, output, "abc")
    assert uptodate.is_current(stamp, output, "abc")
    assert not uptodate.is_current(stamp, output, "abd")
    assert not uptodate.is_current(stamp, tmp_path / "autre", "abc")
    (output / "index.html").unlink()
    assert not uptodate.is_current(stamp, output, "abc")


def test_files_with_the_same_bytes_keep_the_previous_file(tmp_path):
    output, staging = tmp_path / "output", tmp_path / "staging"
    same = write(output / "a" / "index.html", "pareil")
    write(output / "b.html", "ancien")
    write(output / "c", "un fichier")
    write(staging / "a" / "index.html", "pareil")
    write(staging / "b.html", "nouveau")
    write(staging / "c" / "index.html", "un dossier à la place d'un fichier")
    write(staging / "d.html", "neuf")
    assert site.keep_unchanged(staging, output) == 1
    assert (staging / "a" / "index.html").stat().st_ino == same.stat().st_ino
    assert (staging / "b.html").read_text(encoding="utf-8") == "nouveau"
    assert (staging / "c" / "index.html").read_text(encoding="utf-8") == "un dossier à la place d'un fichier"
    assert not [name for name in os.listdir(staging / "a") if name.startswith(".")]  # no temporary left


def test_the_new_site_is_swapped_in_and_the_old_one_deleted_in_the_background(tmp_path):
    output, staging = tmp_path / "output", tmp_path / ".output.staging"
    write(output / "index.html", "ancien")
    write(staging / "index.html", "nouveau")
    swap.swap_in(staging, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "nouveau" and not staging.exists()
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".output.old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["output"]


def test_the_two_most_recently_used_cache_versions_are_kept(tmp_path):
    root = tmp_path / "pelican"
    for age, version in enumerate(["ancienne", "publication", "locale"]):
        (root / version).mkdir(parents=True)
        os.utime(root / version, (1_000_000 + age, 1_000_000 + age))
    site.prune_cache_versions(root / "publication")  # the build just put in place used it
    assert sorted(path.name for path in root.iterdir()) == ["locale", "publication"]


def test_a_rebuild_with_nothing_changed_reads_neither_settings_nor_entity_files_and_an_edit_still_builds(tmp_path, fake_ner, monkeypatch):
    import pelican.settings

    from digest import aside, pipeline
    from digest.entities import finder, slugfile
    from tests.conftest import new_site
    from tests.robustness.conftest import SEED

    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()}, editorial="")
    assert pipeline.build(paths).rebuilt
    published = {path: path.stat().st_ino for path in paths.output.rglob("*") if path.is_file()}
    reads: list[str] = []

    def counted(name, function):
        def read(*args, **kwargs):
            reads.append(name)
            return function(*args, **kwargs)

        return read

    monkeypatch.setattr(finder, "load_editorial", counted("entities.toml", finder.load_editorial))
    monkeypatch.setattr(slugfile, "load", counted("entity-slugs.toml", slugfile.load))
    monkeypatch.setattr(pelican.settings, "read_settings", counted("settings", pelican.settings.read_settings))
    monkeypatch.setattr(aside, "can_fork", lambda: False)  # reads counted in this process: ingest in place
    pipeline._finder.cache_clear()  # as a new `invoke build` process starts

    assert not pipeline.build(paths).rebuilt
    assert reads == []
    assert {path: path.stat().st_ino for path in paths.output.rglob("*") if path.is_file()} == published

    paths.editorial.write_text('[[entite]]\nnom = "Mark Rutte"\ntype = "personne"\ndescription = "Secrétaire général de l’Otan."\n',
                               encoding="utf-8")
    assert pipeline.build(paths).rebuilt
    assert "entities.toml" in reads and "settings" in reads
    assert "Secrétaire général de l’Otan." in (paths.output / "personnes" / "mark-rutte" / "index.html").read_text(encoding="utf-8")


def test_folders_listed_already_are_taken_as_listed_and_the_rest_walked(tmp_path):
    write(tmp_path / "content" / "dispatches" / "a.txt", "dépêche")
    write(tmp_path / "content" / "articles" / "2025" / "a.md", "Title: A\n")
    write(tmp_path / "content" / "pages" / "p.md", "Title: P\n")
    write(tmp_path / "theme" / "base.html", "<html>")
    inputs = [tmp_path / "content", tmp_path / "theme"]
    dispatches, articles = (str((tmp_path / "content" / name).resolve()) for name in ("dispatches", "articles"))
    known = {dispatches: uptodate.listing([tmp_path / "content" / "dispatches"]),
             articles: uptodate.listing([tmp_path / "content" / "articles"])}
    assert uptodate.listing(inputs, known) == uptodate.listing(inputs)
    # What ingest listed is not listed again: a file it did not see is not there.
    write(tmp_path / "content" / "articles" / "2025" / "b.md", "Title: B\n")
    assert uptodate.listing(inputs, known) == {path: found for path, found in uptodate.listing(inputs).items() if not path.endswith("b.md")}


def test_a_rebuild_with_nothing_changed_forks_no_ingest_child(tmp_path, fake_ner, forking, monkeypatch):
    from digest import forked_value, french_model, pipeline, settings
    from tests.conftest import new_site
    from tests.robustness.test_build import CORPUS

    first, second = sorted(CORPUS.glob("winer-*.txt"))[:2]
    monkeypatch.setitem(settings.DEFAULTS, "INGEST_BESIDE_MIN_DISPATCHES", 0)
    monkeypatch.setattr(french_model, "loaded_pipeline", lambda: None)  # a new process: spaCy not loaded (else in place)
    paths = new_site(tmp_path, {first.name: first.read_bytes()}, editorial="")
    assert pipeline.build(paths).rebuilt
    forks: list[str] = []
    real_start = forked_value.start
    monkeypatch.setattr(forked_value, "start", lambda work, what: forks.append(what) or real_start(work, what))
    assert not pipeline.build(paths).rebuilt
    assert forks == []  # the fork cost more than the ingest check it overlapped (docs/performance.md)
    (paths.dispatches / second.name).write_bytes(second.read_bytes())
    assert pipeline.build(paths).rebuilt and forks == ["ingestion"]


def test_the_replaced_site_is_deleted_on_a_core_nothing_else_wants(tmp_path):
    import subprocess
    import sys

    old = write(tmp_path / ".output.old-1" / "2025" / "index.html", "<html>").parents[1]
    # The deleting script, then what it ran at: after the swap, Pagefind indexes the new site meanwhile.
    ran = subprocess.run([sys.executable, "-c", swap._REMOVE_FOLDERS + "\nprint(os.sched_getscheduler(0) == os.SCHED_IDLE)",
                          "", "", str(old)], capture_output=True, text=True, check=True)
    assert ran.stdout.split() == ["True"]
    assert not old.exists()
