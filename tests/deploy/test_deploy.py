"""`invoke deploy`: the built site sent to a local rsync destination and to a branch of a local bare
git repository, only what changed; refused after a build that rejected a dispatch, or for a build
made for another address."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from invoke import Context, Exit

from digest import deploy as deploying
from tests.conftest import ROOT, require
from tests.feeds.feeds_support import PLUGINS, build_small, make_content

HEADERS = ROOT / "deploy" / "_headers"
WITH_SITEMAP = {"PLUGINS": [*PLUGINS, "sitemap"]}  # robots.txt names the address the site was built for


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and ".git" not in p.parts}


@pytest.fixture(scope="module")
def small_built(tmp_path_factory):
    """The feeds tests' small site (not the corpus site of ``built``), built by the real pipeline,
    no dispatch rejected: its workdir (output/, cache/)."""
    workdir = tmp_path_factory.mktemp("deploy-site")
    make_content(workdir)
    build_small(workdir, WITH_SITEMAP)
    return workdir


@pytest.fixture
def output(small_built, tmp_path) -> Path:
    """A copy of the built output that a test may rebuild by hand."""
    copy = tmp_path / "output"
    shutil.copytree(small_built / "output", copy)
    return copy


def rebuild(output: Path) -> None:
    """What the next build does to output/: every file written again (new dates), rss.xml changed,
    one entity gone."""
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)
    (output / "rss.xml").write_bytes((output / "rss.xml").read_bytes().replace(b"</channel>", b"<!-- nouvelle -->\n</channel>"))
    (output / "lieux/paris/rss.xml").unlink()


def test_rsync_sends_only_what_changed(output, tmp_path):
    require(shutil.which("rsync") is not None, "rsync is not installed (apt-get install rsync)")
    destination = tmp_path / "www"
    first = deploying.deploy(output, deploying.parse_target(f"rsync:{destination}"), HEADERS)
    assert files_of(destination) == {**files_of(output), "_headers": HEADERS.read_bytes()}
    assert len(first.changed) == len(files_of(output)) + 1

    dates = {p: p.stat().st_mtime_ns for p in destination.rglob("*") if p.is_file()}
    os.utime(destination / "index.html", ns=(1, 1))  # dated long ago: a changed date alone sends nothing
    dates[destination / "index.html"] = 1
    rebuild(output)
    second = deploying.deploy(output, deploying.parse_target(f"rsync:{destination}/"), HEADERS)
    assert second.changed == ("rss.xml",)
    assert second.deleted == ("lieux/paris/rss.xml",)
    assert files_of(destination) == {**files_of(output), "_headers": HEADERS.read_bytes()}
    for path, date in dates.items():
        if path.name != "rss.xml" or path.parent != destination:
            if path.exists():
                assert path.stat().st_mtime_ns == date, path  # untouched: its Last-Modified and ETag stay
    assert deploying.deploy(output, deploying.parse_target(f"rsync:{destination}"), HEADERS).summary().startswith("rien à envoyer")


def git(*args, cwd=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_git_branch_gets_one_commit_of_the_changes(output, tmp_path):
    require(shutil.which("git") is not None, "git is not installed")
    remote = tmp_path / "site.git"
    git("init", "--quiet", "--bare", str(remote))
    target = deploying.parse_target(f"git:{remote}#pages")
    work = tmp_path / "work"
    deploying.deploy(output, target, HEADERS, work=work)
    clone = tmp_path / "clone"
    git("clone", "--quiet", "--branch", "pages", str(remote), str(clone))
    assert files_of(clone) == {**files_of(output), "_headers": HEADERS.read_bytes(), ".nojekyll": b""}

    rebuild(output)
    sent = deploying.deploy(output, target, HEADERS, work=work)
    assert (sent.changed, sent.deleted) == (("rss.xml",), ("lieux/paris/rss.xml",))
    git("pull", "--quiet", cwd=clone)
    assert git("rev-list", "--count", "HEAD", cwd=clone).strip() == "2"
    assert git("diff", "--name-status", "HEAD~1", "HEAD", cwd=clone).split("\n")[:2] == ["D\tlieux/paris/rss.xml", "M\trss.xml"]
    assert files_of(clone) == {**files_of(output), "_headers": HEADERS.read_bytes(), ".nojekyll": b""}

    # Nothing changed: no commit, also from a machine that kept no deploy repository.
    for kept in (work, tmp_path / "other-work"):
        assert deploying.deploy(output, target, HEADERS, work=kept) == deploying.Sent((), ())
    assert git("rev-list", "--count", "pages", cwd=remote).strip() == "2"


def test_targets():
    assert deploying.parse_target("rsync:lefil@web.example:/srv/www/") == deploying.Target("rsync", "lefil@web.example:/srv/www/")
    assert deploying.parse_target("git:git@forge.example:lefil/site.git#pages") == deploying.Target("git", "git@forge.example:lefil/site.git", "pages")
    assert deploying.parse_target("git:/srv/site.git").branch == "gh-pages"
    for wrong in ("", "ftp://x", "rsync:", "git:#pages"):
        with pytest.raises(deploying.DeployError, match="DEPLOY_TARGET"):
            deploying.parse_target(wrong)


def publish_settings(tmp_path: Path, target: str, origin: str) -> Path:
    settings = tmp_path / "publishconf.py"
    settings.write_text(f"from pelicanconf import *\nSITE_ORIGIN = {origin!r}\nDEPLOY_TARGET = {target!r}\n", encoding="utf-8")
    return settings


def use(monkeypatch, workdir: Path, settings: Path) -> None:
    import tasks

    monkeypatch.setattr(tasks, "OUTPUT", workdir / "output")
    monkeypatch.setattr(tasks, "CACHE", workdir / "cache")
    monkeypatch.setattr(tasks, "CONTENT", workdir / "content")
    monkeypatch.setattr(tasks, "PUBLISH_SETTINGS", settings)


def test_invoke_deploy_sends_the_last_build(small_built, tmp_path, monkeypatch, capsys):
    import tasks

    destination = tmp_path / "www"
    use(monkeypatch, small_built, publish_settings(tmp_path, f"rsync:{destination}", "http://127.0.0.1:8000"))
    tasks.deploy(Context())
    assert (destination / "rss.xml").read_bytes() == (small_built / "output/rss.xml").read_bytes()
    assert "fichier(s) envoyé(s)" in capsys.readouterr().err


def test_invoke_deploy_refuses_a_build_for_another_address(small_built, tmp_path, monkeypatch):
    import tasks

    destination = tmp_path / "www"
    use(monkeypatch, small_built, publish_settings(tmp_path, f"rsync:{destination}", "https://lefil.example"))
    with pytest.raises(Exit, match="construit pour http://127.0.0.1:8000, pas pour https://lefil.example"):
        tasks.deploy(Context())
    assert not destination.exists()


def test_invoke_deploy_refuses_after_a_rejected_dispatch(tmp_path, monkeypatch):
    import tasks

    workdir = tmp_path / "site"
    make_content(workdir)
    (workdir / "content/dispatches/vide.txt").write_text("", encoding="utf-8")
    build_small(workdir, WITH_SITEMAP)
    destination = tmp_path / "www"
    use(monkeypatch, workdir, publish_settings(tmp_path, f"rsync:{destination}", "http://127.0.0.1:8000"))
    with pytest.raises(Exit, match=r"rejeté 1 dépêche\(s\) \(vide.txt\)"):
        tasks.deploy(Context())
    assert not destination.exists()
    tasks.deploy(Context(), force=True)  # as publish --force: the editor's call
    assert (destination / "index.html").exists()


def test_invoke_deploy_without_target(small_built, tmp_path, monkeypatch):
    import tasks

    use(monkeypatch, small_built, publish_settings(tmp_path, "", "http://127.0.0.1:8000"))
    with pytest.raises(Exit, match="DEPLOY_TARGET"):
        tasks.deploy(Context())
