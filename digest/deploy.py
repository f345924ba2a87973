"""Send the published site (output/) to where it is served, sending only what changed.

A target is named by ``DEPLOY_TARGET`` (publishconf.py):

* ``rsync:<destination>`` -- ``rsync:lefil@web.example:/srv/lefil/www/`` (over SSH) or a local
  folder ``rsync:/var/www/lefil/``. rsync compares contents (``--checksum``), sends the files that
  changed, deletes those the site no longer has, and leaves the others untouched, dates included:
  a file that did not change keeps its Last-Modified and ETag on the server, so feed readers'
  conditional GETs still get 304 after a rebuild.
* ``git:<repository>#<branch>`` -- ``git:git@forge.example:lefil/site.git#pages`` or a local
  bare repository, for static hosts that publish a branch. Each deploy is one commit on top of the
  branch's tip with the site as its whole tree; a push sends only the objects of changed files.

Either way ``deploy/_headers`` (the host headers file) goes at the root. A deploy is refused when
the last build rejected a dispatch (as ``invoke publish`` is), and when output/ was built for
another address than the published one (a local build links to 127.0.0.1).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from digest.ingest import STAMP_FILE

GIT_AUTHOR = ("Le Fil", "publication@lefil.invalid")


class DeployError(Exception):
    """A deploy that cannot or must not happen; the message says why, in French."""


@dataclass(frozen=True)
class Target:
    kind: str  # "rsync" or "git"
    location: str  # rsync destination, or git repository
    branch: str = ""


@dataclass(frozen=True)
class Sent:
    changed: tuple[str, ...]  # paths sent (new or changed), relative to the site's root
    deleted: tuple[str, ...]  # paths removed from the target

    def summary(self) -> str:
        if not self.changed and not self.deleted:
            return "rien à envoyer : la cible est déjà à jour"
        return f"{len(self.changed)} fichier(s) envoyé(s), {len(self.deleted)} supprimé(s)"


def parse_target(text: str) -> Target:
    text = (text or "").strip()
    kind, _, rest = text.partition(":")
    if kind == "rsync" and rest:
        return Target("rsync", rest)
    if kind == "git" and rest:
        location, _, branch = rest.rpartition("#") if "#" in rest else (rest, "", "gh-pages")
        if location and branch:
            return Target("git", location, branch)
    raise DeployError(f"DEPLOY_TARGET « {text} » : attendu « rsync:<destination> » ou « git:<dépôt>#<branche> »")


def check_last_build(cache: Path) -> None:
    """Refuse when the last build rejected a dispatch, or when there was none."""
    record_path = Path(cache) / STAMP_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeployError("aucune construction trouvée : lancez d'abord « invoke publish »") from None
    except (OSError, ValueError) as error:
        raise DeployError(f"{record_path} illisible ({error}) : lancez « invoke publish »") from None
    rejected = record.get("rejected") or []
    if rejected:
        names = ", ".join(Path(path).name for path, _ in rejected)
        raise DeployError(f"la dernière construction a rejeté {len(rejected)} dépêche(s) ({names}) : corrigez-les, relancez « invoke publish », ou forcez avec --force")


def built_origin(output: Path) -> str:
    """The address output/ was built for, as its robots.txt names its sitemap."""
    try:
        robots = (Path(output) / "robots.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DeployError(f"{output} ne contient pas de site construit (pas de robots.txt) : lancez « invoke publish »") from None
    match = re.search(r"^Sitemap:\s*(https?://[^/\s]+)", robots, re.M)
    return match.group(1) if match else ""


def check_origin(output: Path, expected_base: str) -> None:
    expected = re.match(r"https?://[^/]+", expected_base)
    found = built_origin(output)
    if expected and found != expected.group(0):
        raise DeployError(f"{output} a été construit pour {found or 'une adresse inconnue'}, pas pour {expected.group(0)} : lancez « invoke publish »")


def deploy(output: Path, target: Target, headers: Path | None = None, work: Path | None = None) -> Sent:
    """Send ``output`` (and ``headers`` as ``_headers``) to ``target``; ``work`` keeps the git
    deploy's repository between deploys (a temporary one otherwise)."""
    output = Path(output)
    if not output.is_dir():
        raise DeployError(f"{output} n'existe pas : lancez « invoke publish »")
    if target.kind == "rsync":
        return _rsync(output, target.location, headers)
    if work is None:
        with tempfile.TemporaryDirectory() as temporary:
            return _git(output, target, headers, Path(temporary))
    return _git(output, target, headers, Path(work))


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)
    except FileNotFoundError:
        raise DeployError(f"{command[0]} est introuvable : installez-le (paquet Debian « {command[0]} »)") from None
    except subprocess.CalledProcessError as error:
        raise DeployError(f"« {' '.join(command[:2])} » a échoué : {(error.stderr or error.stdout).strip()}") from None


def _rsync(output: Path, destination: str, headers: Path | None) -> Sent:
    # No --times: an unchanged file keeps its date on the server (and its ETag); --checksum
    # compares contents, since every build writes every file anew.
    sources = [f"{output}/", *([str(headers)] if headers else [])]
    if ":" not in destination.split("/", 1)[0]:  # a local folder
        Path(destination).mkdir(parents=True, exist_ok=True)
    result = _run(["rsync", "--recursive", "--links", "--checksum", "--delete", "--itemize-changes", "--", *sources, destination.rstrip("/") + "/"])
    changed, deleted = [], []
    for line in result.stdout.splitlines():
        flags, _, path = line.partition(" ")
        if flags == "*deleting":
            deleted.append(path.strip())
        elif flags[:2] in ("<f", ">f"):
            changed.append(path.strip())
    return Sent(tuple(changed), tuple(deleted))


def _git(output: Path, target: Target, headers: Path | None, work: Path) -> Sent:
    repository = work / "deploy.git"
    env = {
        **os.environ,
        "GIT_DIR": str(repository),
        "GIT_WORK_TREE": str(output),
        "GIT_AUTHOR_NAME": GIT_AUTHOR[0], "GIT_AUTHOR_EMAIL": GIT_AUTHOR[1],
        "GIT_COMMITTER_NAME": GIT_AUTHOR[0], "GIT_COMMITTER_EMAIL": GIT_AUTHOR[1],
    }

    def git(*args: str) -> str:
        return _run(["git", *args], env=env).stdout

    if not repository.exists():
        _run(["git", "init", "--quiet", "--bare", str(repository)])
        git("config", "core.bare", "false")  # a work tree (output/) and an index, no checkout
    branch_ref = f"refs/heads/{target.branch}"
    remote = git("ls-remote", "--heads", target.location, branch_ref).strip()
    if remote:
        git("fetch", "--quiet", "--depth", "1", target.location, f"+{branch_ref}:refs/remotes/target")
        git("symbolic-ref", "HEAD", branch_ref)
        git("update-ref", branch_ref, "refs/remotes/target")
        git("read-tree", "refs/remotes/target")  # the index is the branch's tree; output/ is untouched
    else:
        git("symbolic-ref", "HEAD", branch_ref)
        git("read-tree", "--empty")
    git("add", "--all", "--force", ".")
    nojekyll = work / ".nojekyll"  # empty: GitHub Pages then serves files named _… as they are
    nojekyll.touch()
    for name, source in (("_headers", headers), (".nojekyll", nojekyll)):
        if source:
            blob = git("hash-object", "-w", str(source)).strip()
            git("update-index", "--add", "--cacheinfo", f"100644,{blob},{name}")
    if remote:
        status = git("diff", "--cached", "--name-status", "--no-renames", "HEAD")
    else:
        status = "".join(f"A\t{path}\n" for path in git("ls-files", "--cached").splitlines())
    changed, deleted = [], []
    for line in status.splitlines():
        code, _, path = line.partition("\t")
        (deleted if code == "D" else changed).append(path)
    if not changed and not deleted:
        return Sent((), ())
    git("commit", "--quiet", "--no-verify", "-m", f"Publication de Le Fil : {len(changed)} fichier(s) modifié(s), {len(deleted)} supprimé(s)")
    git("push", "--quiet", target.location, f"HEAD:{branch_ref}")
    return Sent(tuple(changed), tuple(deleted))
