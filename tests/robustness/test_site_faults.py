"""The whole pipeline on small sites meets faults and hostile inputs: the published site is always
the previous or the new complete one, and every failure is named."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from digest import pipeline, search, site, swap
from digest.slugs import ENTITY_MAX_LENGTH as MAX_SLUG
from digest.slugs import entity_slug
from tests.conftest import new_site, require
from tests.robustness.conftest import SEED, site_files

OTHER = " date 2025-08-23 Le Parlement a adopté le budget de la culture.\n".encode()


def article_pages(output: Path) -> list[Path]:
    return sorted(output.glob(search.INDEXED_PAGES))


def test_pagefind_leaving_empty_files_keeps_the_previous_index_and_the_next_build_indexes(tmp_path, fake_ner, monkeypatch):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    before = site_files(paths.output / search.BUNDLE)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    run = subprocess.run

    def full_disk(command, **kwargs):  # what Pagefind did on a full disk: exit 0, every file empty
        result = run(command, **kwargs)
        for path in Path(command[command.index("--output-path") + 1]).rglob("*"):
            if path.is_file():
                path.write_bytes(b"")
        return result

    monkeypatch.setattr(search.subprocess, "run", full_disk)
    problem = pipeline.build(paths).search_problem
    assert re.search("fichier vide|illisible", problem) and "l'index précédent reste en place" in problem
    assert len(article_pages(paths.output)) == 2  # the pages are published
    assert site_files(paths.output / search.BUNDLE) == before  # the search, as it was
    monkeypatch.setattr(search.subprocess, "run", run)
    assert pipeline.build(paths).rebuilt  # not "site à jour" with a stale search
    assert search.bundle_problem(paths.output / search.BUNDLE, 2) is None


@pytest.mark.parametrize("damage", ["empty", "truncated", "entry"])
def test_a_bundle_with_a_damaged_file_is_found(tmp_path, fake_ner, damage):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes(), "b.txt": OTHER})
    pipeline.build(paths)
    bundle = paths.output / "pagefind"
    assert search.bundle_problem(bundle, 2) is None
    assert "page(s) indexée(s)" in search.bundle_problem(bundle, 3)
    victim = {"empty": next(bundle.glob("fragment/*")), "truncated": next(bundle.glob("index/*.pf_index")), "entry": bundle / "pagefind-entry.json"}[damage]
    data = victim.read_bytes()
    victim.unlink()  # a link to the staging folder's file: not written through
    victim.write_bytes(b"" if damage == "empty" else data[: len(data) // 2])
    assert search.bundle_problem(bundle, 2) is not None


def test_a_site_with_a_bad_file_name_and_a_long_person_name_builds_the_rest(tmp_path, fake_ner):
    long_name = " ".join(["Jean"] + ["Dupontel"] * 40)  # the fake model takes it as one person (320 characters)
    paths = new_site(
        tmp_path,
        {
            b"caf\xe9.txt": SEED.read_bytes(),
            "a.txt": SEED.read_bytes(),
            # Twice: an entity gets a page from its second dispatch on (ENTITY_MIN_ARTICLES).
            "nom.txt": f" date 2025-08-23 {long_name} a parlé.\n".encode(),
            "nom-2.txt": f" date 2025-08-24 {long_name} a encore parlé.\n".encode(),
        },
    )
    outcome = pipeline.build(paths)  # UnicodeEncodeError, then OSError: File name too long
    assert [path.name for path, _ in outcome.report.rejected] == ["caf\udce9.txt"]
    assert len(article_pages(paths.output)) == 3
    [folder] = [path for path in (paths.output / "personnes").iterdir() if path.name.startswith("jean-dupontel")]
    assert len(folder.name) <= MAX_SLUG and (folder / "index.html").is_file()


def test_an_entity_slug_is_bounded_and_long_names_stay_apart():
    first, second = "Jean " + "Dupontel " * 40 + "Aîné", "Jean " + "Dupontel " * 40 + "Cadet"
    assert entity_slug("Emmanuel Macron") == "emmanuel-macron"
    for name in (first, second, "A" * 300, "Conseil national pour la défense de la démocratie–Forces de défense de la démocratie"):
        assert 0 < len(entity_slug(name)) <= MAX_SLUG
    assert entity_slug(first) != entity_slug(second)
    # Names under the bound keep the slug they had: their pages keep their URLs.
    assert entity_slug("Conseil national pour la défense de la démocratie–Forces de défense de la démocratie") == (
        "conseil-national-pour-la-defense-de-la-democratie-forces-de-defense-de-la-democratie"
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("Slug", "../../../personnes/emmanuel-macron"), ("Slug", "un/deux"), ("Slug", ".."), ("Date", "0001-01-01"), ("Save_as", "index.html"), ("Save_as", ""), ("Slug", "a\x01b"), ("Slug", "a\ufffeb")],
)
def test_an_article_whose_path_leaves_its_section_is_left_out_by_name_and_the_others_build(tmp_path, fake_ner, field, value):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    before = site_files(paths.output)
    article = paths.articles / "2025" / "08" / "edite.md"
    fields = {"Title": "Éditée", "Date": "2025-08-20", "Slug": "editee", field: value}
    article.write_text("".join(f"{key}: {text}\n" for key, text in fields.items()) + "\n<p>Texte.</p>\n", encoding="utf-8")
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    outcome = pipeline.build(paths)
    [(path, reason)] = outcome.report.rejected
    assert path == article and "chemin de sortie" in reason
    # The other new article is published; no page was overwritten (an entity page was, and the
    # article left search), and nothing links to the article left out.
    assert len(article_pages(paths.output)) == 2
    after = site_files(paths.output)
    assert {name for name in before if "pagefind" not in name} <= set(after)  # nothing replaced by the article
    assert not any(b"editee" in data or "Éditée".encode() in data for data in after.values())
    assert not pipeline.build(paths, refuse_rejected=True).put_in_place  # publishing refuses


def test_two_articles_at_one_address_are_both_left_out_and_named(tmp_path, fake_ner):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    for name in ("un", "deux"):
        (paths.articles / f"{name}.md").write_text(f"Title: {name}\nDate: 2025-08-20\nSlug: meme\n\n<p>{name}</p>\n", encoding="utf-8")
    outcome = pipeline.build(paths)  # a raw FileOverwriteFailedError before
    assert sorted(path.name for path, _ in outcome.report.rejected) == ["deux.md", "un.md"]
    assert all("même chemin de sortie" in reason for _, reason in outcome.report.rejected)
    assert len(article_pages(paths.output)) == 1 and not (paths.output / "2025" / "08" / "20").exists()
    assert pipeline.build(paths).rebuilt  # not "site à jour": the next build says it again
    (paths.articles / "deux.md").unlink()
    assert not pipeline.build(paths).report.rejected and (paths.output / "2025" / "08" / "20" / "meme" / "index.html").is_file()


def test_a_fifo_among_the_articles_is_named_and_left_out(tmp_path, fake_ner, deadline):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    (paths.articles / "2025").mkdir()
    os.mkfifo(paths.articles / "2025" / "tube.md")
    outcome = pipeline.build(paths)  # blocked forever before, holding the build lock
    assert [path.name for path, _ in outcome.report.rejected] == ["tube.md"]
    assert len(article_pages(paths.output)) == 1


def test_a_credit_url_an_editor_made_javascript_is_not_linked(tmp_path, fake_ner):
    paths = new_site(tmp_path, {})
    (paths.articles / "a.md").write_text(
        "Title: Éditée\nDate: 2025-08-20\nSlug: editee\nCredit: Agence\nCredit_url: javascript:alert(7)//https://x\n\n<p>Texte.</p>\n",
        encoding="utf-8",
    )
    pipeline.build(paths)
    page = (paths.output / "2025" / "08" / "20" / "editee" / "index.html").read_text(encoding="utf-8")
    assert "Agence" in page and "javascript:" not in page.lower()
    feeds = [path for path in paths.output.iterdir() if path.suffix in (".xml", ".json")]
    assert any("Agence" in path.read_text(encoding="utf-8") for path in feeds)  # the feeds carry the source line
    assert not any("javascript:" in path.read_text(encoding="utf-8").lower() for path in feeds)


def test_publish_with_a_rejected_dispatch_renders_aside_and_leaves_output_as_it_was(tmp_path, fake_ner):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    before = site_files(paths.output)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    (paths.dispatches / "vide.txt").write_bytes(b"")
    outcome = pipeline.build(paths, refuse_rejected=True)
    assert not outcome.put_in_place and site_files(paths.output) == before
    assert not site.staging_path(paths.output).exists()
    assert pipeline.build(paths).put_in_place and len(article_pages(paths.output)) == 2


def test_one_name_in_nfc_nfd_or_with_invisible_characters_has_one_entity_page(tmp_path, fake_ner):
    name = "Hélène Dupré"
    paths = new_site(
        tmp_path,
        {
            "nfc.txt": f" date 2025-08-20 {name} arrive.\n".encode(),
            "nfd.txt": unicodedata.normalize("NFD", f" date 2025-08-21 {name} repart.\n").encode(),
            "zw.txt": f" date 2025-08-22 Hé\u200blène Du\u2060pré revient.\n".encode(),
        },
    )
    pipeline.build(paths)
    assert [path.name for path in (paths.output / "personnes").iterdir() if path.name.startswith("helene")] == ["helene-dupre"]
    page = (paths.output / "personnes" / "helene-dupre" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'href="/2025/08/2[012]/', page)) == 3  # the three dispatches on one page
    for day in ("20", "21", "22"):
        [article] = (paths.output / "2025" / "08" / day).glob("*/index.html")
        assert name in article.read_text(encoding="utf-8")


def test_damaged_caches_are_discarded_with_a_warning_and_the_build_goes_on(tmp_path, fake_ner, caplog, capsys):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    damaged = [*paths.cache.glob("pelican/*/*-Readers"), paths.cache / "site-stamp.json", paths.cache / "ingest-stamp.json"]
    assert len(damaged) == 4
    for path in damaged:
        path.write_bytes(b"")  # EOFError, JSONDecodeError before
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    assert pipeline.build(paths).rebuilt
    assert len(article_pages(paths.output)) == 2
    warned = capsys.readouterr().err + caplog.text
    for path in damaged:
        assert f"{path}: cache endommagé" in warned


def test_output_that_cannot_be_replaced_is_one_named_failure_and_stays(tmp_path, fake_ner, monkeypatch):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    before = site_files(paths.output)
    (paths.dispatches / "b.txt").write_bytes(OTHER)

    def immutable(*_):
        raise PermissionError(1, "Opération non permise", str(paths.output))

    monkeypatch.setattr(swap, "exchange", immutable)
    with pytest.raises(site.BuildError, match=rf"{re.escape(str(paths.output))}: impossible de remplacer le site"):
        pipeline.build(paths)
    assert site_files(paths.output) == before
    assert not site.staging_path(paths.output).exists()


def test_the_swap_exchanges_the_two_folders_in_one_step(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    (first / "nouveau").touch(), (second / "ancien").touch()
    if not swap.exchange(first, second):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not offered here")
    assert [path.name for path in second.iterdir()] == ["nouveau"] and [path.name for path in first.iterdir()] == ["ancien"]


CRASH_BETWEEN_RENAMES = """
import os, sys
from pathlib import Path
from digest import swap
staging, output = Path(sys.argv[1]), Path(sys.argv[2])
swap.exchange = lambda first, second: False  # the fallback: a system without RENAME_EXCHANGE
replace = os.replace
def replace_then_die(source, target):
    replace(source, target)
    if Path(source) == output:
        os._exit(9)  # killed between the two renames
os.replace = replace_then_die
swap.swap_in(staging, output)
"""


def test_the_fallback_swap_killed_between_its_renames_has_the_site_put_back(tmp_path, fake_ner):
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    before = site_files(paths.output)
    staging = site.staging_path(paths.output)
    staging.mkdir()
    (staging / "index.html").write_text("nouveau", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", CRASH_BETWEEN_RENAMES, str(staging), str(paths.output)])
    assert killed.returncode == 9 and not paths.output.exists()
    swap.restore_missing(paths.output)  # what the next build does first
    assert site_files(paths.output) == before
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    assert pipeline.build(paths).rebuilt and len(article_pages(paths.output)) == 2


def test_the_fallback_swap_replaces_the_site(tmp_path, fake_ner, monkeypatch):
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    paths = new_site(tmp_path, {"a.txt": SEED.read_bytes()})
    pipeline.build(paths)
    (paths.dispatches / "b.txt").write_bytes(OTHER)
    assert pipeline.build(paths).rebuilt and len(article_pages(paths.output)) == 2
    assert not swap.previous_path(paths.output).exists()


FAKE_PAGEFIND = """
import os, pathlib, sys, time
held = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd") if os.path.islink(f"/proc/self/fd/{fd}")]
pathlib.Path(os.environ["PAGEFIND_FILES"]).write_text("\\n".join(held))
pathlib.Path(os.environ["PAGEFIND_PID_FILE"]).write_text(str(os.getpid()))
time.sleep(600)
"""

# Indexes a site while holding its build lock, as a build does.
INDEX_A_SITE = """
import sys
from pathlib import Path
from digest import search
from digest.pipeline import Paths, one_at_a_time
site = Path(sys.argv[1])
with one_at_a_time(Paths(content=site / "content", output=site / "output", cache=site / "cache", settings=site / "pelicanconf.py")):
    search.index(site)
"""


def test_a_killed_build_takes_pagefind_with_it_and_pagefind_never_holds_the_build_lock(tmp_path):
    fake = tmp_path / "pagefind"  # the binary run, as the pagefind package lets one be given
    fake.write_text(f"#!{sys.executable}\n{FAKE_PAGEFIND}")
    fake.chmod(0o755)
    pid_file = tmp_path / "pagefind.pid"
    build = subprocess.Popen(
        [sys.executable, "-c", INDEX_A_SITE, str(tmp_path)],
        env={**os.environ, "PAGEFIND_BINARY_PATH": str(fake), "PAGEFIND_PID_FILE": str(pid_file), "PAGEFIND_FILES": str(tmp_path / "held.txt")},
    )
    deadline = time.monotonic() + 60
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    pagefind = int(pid_file.read_text())
    assert ".build.lock" not in (tmp_path / "held.txt").read_text()  # the build's lock is not the child's
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pagefind}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = Path(f"/proc/{pagefind}/stat").exists() and Path(f"/proc/{pagefind}/stat").read_text().split()[2] != "Z"
    if alive:
        os.kill(pagefind, signal.SIGKILL)
    assert not alive, "Pagefind outlived the build and would write into the next build's staging folder"


def test_the_dev_server_answers_a_nul_byte_with_400(tmp_path):
    import functools
    import http.server
    import threading
    import urllib.error
    import urllib.request

    from digest.serve import SiteHandler

    (tmp_path / "index.html").write_text("ok", encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(tmp_path)))
    server.RequestHandlerClass.log_message = lambda *args: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/%00", timeout=10)  # connection dropped before
        assert answer.value.code == 400
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/", timeout=10) as page:
            assert page.read() == b"ok"
    finally:
        server.shutdown()


def test_the_writer_refuses_paths_out_of_their_place():
    from incremental.output_paths import path_problem, section_problem

    assert path_problem("2025/08/22/titre/index.html") is None
    for bad in ("../index.html", "/etc/x", "a//b", "a/./b", "a\\b", "a/\nb", "x" * 256 + "/index.html"):
        assert path_problem(bad), bad
    section = "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
    assert section_problem("2025/08/22/titre/index.html", section) is None
    for bad in ("1/01/01/titre/index.html", "2025/08/22/un/deux/index.html", "index.html", "personnes/x/index.html"):
        assert section_problem(bad, section), bad


def test_an_entity_page_is_written_in_its_kind_folder_only(tmp_path):
    import logging

    from incremental.pelican_glue import ReusingWriter

    class Entity:
        kind_folder = "lieux"
        name = "Paris"

    writer = ReusingWriter(str(tmp_path), {"ARTICLE_SAVE_AS": "{slug}/index.html"})
    errors = []
    handler = logging.Handler()
    handler.emit = lambda record: errors.append(record.getMessage())
    logging.getLogger("incremental.pelican_glue").addHandler(handler)
    try:
        assert not writer._may_write("personnes/paris/index.html", [], {"entity": Entity()})
        assert writer._may_write("lieux/paris/index.html", [], {"entity": Entity()})
        assert not writer._may_write("lieux/paris/index.html", [], {"entity": Entity()})  # twice
    finally:
        logging.getLogger("incremental.pelican_glue").removeHandler(handler)
    assert "Paris: chemin de sortie 'personnes/paris/index.html' hors du dossier de son genre (lieux/)" in errors
    assert any("même chemin de sortie" in error for error in errors)


def test_a_replaced_site_a_user_made_read_only_is_still_deleted(tmp_path):
    import shutil
    import tempfile

    # The deleting process runs as an ordinary user (root may delete anything), with a Python
    # every user may run (this one may live in root's home).
    python = shutil.which("python3", path="/usr/local/bin:/usr/bin")
    require(shutil.which("setpriv") is not None and os.geteuid() == 0 and python is not None, "setpriv and root needed to act as an ordinary user")
    where = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        os.chmod(where, 0o777)
        old = where / ".output.old-abc"
        for folder in ("2025/08/22/titre", "personnes/x"):
            (old / folder).mkdir(parents=True)
            (old / folder / "index.html").write_text("ancien", encoding="utf-8")
        for path in [old, *old.rglob("*")]:
            os.chown(path, 65534, 65534)
        os.chmod(old / "2025" / "08", 0o555)  # read-only: its entries cannot be removed
        os.chmod(old / "personnes", 0o000)
        subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", python, "-c", swap._REMOVE_FOLDERS, "", "", str(old)], check=True, cwd="/")
        assert not old.exists(), "an undeletable .output.old-* stays"
    finally:
        for path in [where, *where.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                os.chmod(path, 0o700)
        shutil.rmtree(where)
