"""Build the site aside and put it in place only when the build is complete.

The previous ``output/`` stays untouched until the new site is whole: a build that fails, crashes
or is interrupted leaves the last good site where it was. Files whose bytes did not change keep
the previous build's file (same inode, same modification time), so a rebuild after one new
dispatch rewrites only what that dispatch changed, and a copy to the server (rsync) sends only
that. When nothing the build reads has changed since the last build, nothing is done at all.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from digest import aside
from digest import swap
from digest import uptodate
from digest.entities.slugfile import site_slug_file
from incremental import output_paths, reuse


class BuildError(RuntimeError):
    """Pelican reported errors: the site is incomplete and is not published to output/."""


def staging_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def spare_path(output: Path) -> Path:
    """The folders of the site ``output`` replaced, emptied of their files
    (``swap.remove_old_sites``): the next build renders into them. Creating a folder costs this file system about 20 times a file
    (0.5–1.4 ms), and a site has one per article and per entity page: 2 to 4 s of every +1 dispatch
    at 5 000 articles, spent making the very folders the previous site had."""
    return output.with_name(f".{output.name}.spare")


def take_spare(output: Path, staging: Path) -> bool:
    """Make ``output``'s spare folders (``spare_path``) the staging folder, if there are; True when
    they were taken (the folders a build then leaves empty are removed: ``remove_empty_folders``)."""
    try:
        os.rename(spare_path(output), staging)
    except OSError:  # none yet (a first build, a spare still being emptied), or a staging folder left
        return False
    return True


def remove_empty_folders(folder: Path) -> None:
    """Remove the folders under ``folder`` that hold nothing once the build has written its files
    (those of pages the site no longer has: a build from nothing leaves no empty folder)."""
    def empty_below(path: str) -> bool:
        with os.scandir(path) as entries:
            found = list(entries)
        empty = True
        for entry in found:
            if entry.is_dir(follow_symlinks=False) and empty_below(entry.path):
                os.rmdir(entry.path)
            else:
                empty = False
        return empty

    empty_below(str(folder))


def _project_code(settings_file: Path, settings: Mapping) -> list[Path]:
    """The settings and the project's code beside them (publishconf.py imports pelicanconf.py),
    the pinned requirements, the plugins (installed with the project, and any PLUGIN_PATHS)."""
    project = Path(settings_file).resolve().parent
    beside = [path for path in project.iterdir() if path.suffix == ".py" or path.name in ("requirements.txt", "pyproject.toml")]
    return [*beside, project / "plugins", *map(Path, settings["PLUGIN_PATHS"])]


def build_inputs(settings_file: Path, settings: Mapping) -> list[Path]:
    """Everything a build reads: content, theme, the project's code, this package, and the entity
    slug file beside the content (an editor may change an entity's address there; listed only
    when it exists, so one made later is seen)."""
    return [Path(settings["PATH"]), Path(settings["THEME"]), *_project_code(settings_file, settings), Path(__file__).parent,
            site_slug_file(settings)]


# The plugin that reads the articles already there while ingest writes new ones in a child, and
# waits for it before Pelican lists them (``ARTICLES_BEING_WRITTEN``).
READS_BESIDE_INGEST = "parallel_read"

CACHE_VERSIONS_KEPT = 2  # `invoke build` and `invoke publish` (other settings) each keep theirs


def versioned_cache_path(settings_file: Path, settings: Mapping, overrides: Mapping) -> Path:
    """The build's cache folder: Pelican's content cache (what its readers made of each file,
    reused while the file is unchanged) and the keys of the published files (plugins/incremental).
    A folder per version of the settings, the theme and the code: what they made is not reused
    under others."""
    version = uptodate.fingerprint([Path(settings["THEME"]), *_project_code(settings_file, settings)], overrides)[:16]
    return Path(settings["CACHE_PATH"]) / version


def prune_cache_versions(current: Path) -> None:
    """After a build was put in place: mark its cache folder as the latest used, remove all but
    the most recently used versions."""
    current.mkdir(parents=True, exist_ok=True)
    os.utime(current)
    versions = sorted((path for path in current.parent.iterdir() if path.is_dir()), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in versions[CACHE_VERSIONS_KEPT:]:
        shutil.rmtree(old, ignore_errors=True)


class _Rejections(logging.Handler):
    """The contents a plugin left out of the site, ``(source file, reason)``, into ``rejected``."""

    def __init__(self, rejected: list[tuple[Path, str]]) -> None:
        super().__init__()
        self.rejected = rejected

    def emit(self, record: logging.LogRecord) -> None:
        source, reason = record.args
        self.rejected.append((Path(source), reason))


def render(settings: dict, rejected: list[tuple[Path, str]]) -> None:
    """Run Pelican; any error it logs fails the build (Pelican itself only logs). The contents
    left out of the site (plugins/incremental: an article out of its place) go to ``rejected``."""
    errors = aside.ErrorLog()
    root = logging.getLogger()
    root.addHandler(errors)
    left_out, rejections = _Rejections(rejected), logging.getLogger(output_paths.REJECTED_LOGGER)
    rejections.addHandler(left_out)
    rejections.propagate = False  # not an error of the build: the root logger's ErrorLog never sees them
    from pelican import Pelican  # here: importing the newsroom side never loads Pelican

    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(errors)
        rejections.removeHandler(left_out)
        rejections.propagate = True
        aside.stop_all()  # children a failed run started and never waited for (digest/aside.py)
    if errors.messages:
        raise BuildError("Pelican a signalé des erreurs :\n" + "\n".join(errors.messages))


def _same_bytes(new: str, size: int, previous: str) -> bool:
    try:
        if os.stat(previous).st_size != size:
            return False
        with open(new, "rb") as a, open(previous, "rb") as b:
            return a.read() == b.read()
    except OSError:  # a file (or a folder in its place) the previous build did not have
        return False


def keep_unchanged(staging: Path, output: Path) -> int:
    """Replace each file of ``staging`` whose bytes equal those of the same file in ``output`` by
    a hard link to the latter. Returns how many files were kept."""
    if not output.is_dir():
        return 0
    kept = 0
    folders = [(str(staging), str(output))]
    while folders:  # os.scandir: a build has tens of thousands of files, Path objects cost seconds
        new_folder, previous_folder = folders.pop()
        with os.scandir(new_folder) as entries:
            for entry in entries:
                previous = os.path.join(previous_folder, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, previous))
                    continue
                found = entry.stat(follow_symlinks=False)
                # Only plugins/incremental makes links in the staging folder (Pelican's
                # STATIC_CREATE_LINKS is off): a file with another link is the previous site's.
                if found.st_nlink > 1:
                    kept += 1
                elif _same_bytes(entry.path, found.st_size, previous):
                    link = os.path.join(new_folder, f".{entry.name}.keep")
                    try:
                        os.link(previous, link)
                    except OSError:  # another file system, protected links: the new copy will do
                        continue
                    os.replace(link, entry.path)
                    kept += 1
    return kept


# What must stay free once the new site is written, for what follows the swap: the stamp, the
# manifest of the published files, the caches. Less, and the build stops before the swap.
MIN_FREE_BYTES = 4 * 1024 * 1024


def check_free_space(folder: Path) -> None:
    status = os.statvfs(folder)
    free = status.f_bavail * status.f_frsize
    if free < MIN_FREE_BYTES:
        raise BuildError(f"{folder}: disque presque plein ({free} octets libres, il en faut {MIN_FREE_BYTES}) : site non remplacé")


def build(
    settings_file: Path,
    output: Path,
    steps_before_render: tuple[Callable[[Path], None], ...] = (),
    steps_after_swap: tuple[Callable[[Path], None], ...] = (),
    overrides: dict | None = None,
    stamp: Path | None = None,
    rejected: list[tuple[Path, str]] | None = None,
    refuse_rejected: bool = False,
    being_written: Callable[[], list[Path]] | None = None,
    listed_already: Mapping[str, Mapping[str, tuple[int, int]]] | None = None,
) -> bool:
    """Run ``steps_before_render`` on a staging folder, render into it, put it in place, then run
    ``steps_after_swap`` on ``output`` (the site is live: their failure propagates, output/ stays
    the new site, and the stamp is recorded only once they are done).

    ``rejected``: the files already rejected (by ingest); the contents Pelican's plugins leave out
    are added to it. With ``refuse_rejected`` and any rejection, the site is rendered and checked,
    then removed: output/ is left as it was. With a ``stamp`` file, a build whose inputs have not
    changed since the stamped one does nothing and returns False (``listed_already``: input folders
    listed moments ago and unchanged since, ``uptodate.listing``'s ``known``). ``being_written``:
    waits for the ingest child writing articles, returns what it wrote (its rejections put into
    ``rejected``); Pelican starts meanwhile (``READS_BESIDE_INGEST``)."""
    rejected, staging = [] if rejected is None else rejected, staging_path(output)
    swap.restore_missing(output)
    variant = {"settings": str(Path(settings_file).resolve()), **(overrides or {})}
    recorded = uptodate.recorded_inputs(stamp) if stamp else None
    # Checked before Pelican is even imported (0.2 s): the inputs the last build recorded, listed again.
    listed = uptodate.listing(recorded, listed_already) if recorded is not None else None
    if listed is not None and uptodate.is_current(stamp, output, uptodate.digest(listed, variant)):
        return False
    from pelican.settings import read_settings  # here: importing the newsroom side never loads Pelican

    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(staging), **(overrides or {})})
    roots = build_inputs(settings_file, settings)
    inputs = listed if recorded == roots else uptodate.listing(roots, listed_already)
    if stamp and recorded != roots and uptodate.is_current(stamp, output, uptodate.digest(inputs, variant)):
        return False
    cache = versioned_cache_path(settings_file, settings, variant)
    settings["CACHE_PATH"] = str(cache)
    settings["REUSE_OUTPUT_FROM"] = str(output.resolve())
    if being_written is not None and READS_BESIDE_INGEST not in settings["PLUGINS"]:
        being_written()  # no plugin waits for it before Pelican lists the articles
    settings["ARTICLES_BEING_WRITTEN"] = being_written
    left_out: list[tuple[Path, str]] = []  # by Pelican's plugins
    rendered = _render_aside(settings, staging, output, cache, (rejected, left_out), steps_before_render, refuse_rejected)
    if being_written is not None:  # listed before ingest wrote them
        uptodate.restat(inputs, Path(settings["PATH"]), being_written())
    if not rendered:
        return True
    _put_in_place(staging, output, cache, steps_after_swap)
    if stamp and not left_out:
        # the build records new entities' slugs in the slug file: as it wrote it, not an edit to build
        slugs = site_slug_file(settings)
        uptodate.restat(inputs, slugs.parent, [slugs])
        uptodate.record(stamp, output, uptodate.digest(inputs, variant), build_inputs(settings_file, settings))
    elif stamp:  # contents left out: the next build renders again, and says so again
        stamp.unlink(missing_ok=True)
    return True


def _render_aside(settings: dict, staging: Path, output: Path, cache: Path,
                  rejections: tuple[list[tuple[Path, str]], list[tuple[Path, str]]],
                  steps_before_render: tuple[Callable[[Path], None], ...], refuse_rejected: bool) -> bool:
    """Run ``steps_before_render`` on ``staging``, then render the site into it; True when it is to
    be put in place. The steps run before Pelican starts: with ingest beside it, in the time Pelican
    would wait for ingest, not after the render (``docs/performance.md``, 2026-12-07 15:20).
    ``rejections``: the build's so far, and where the contents Pelican's plugins leave out go (then
    added to the first). A failure, or a site refused (``refuse_rejected`` and a rejection), removes
    the staging folder and what the cache was to reuse."""
    rejected, left_out = rejections
    shutil.rmtree(staging, ignore_errors=True)
    if staging.exists():  # its files may be links to output/'s: writing into them would change the live site
        raise BuildError(f"{staging}: impossible de vider ce dossier : supprimez-le puis relancez la construction")
    spare_taken = take_spare(output, staging)
    try:
        for step in steps_before_render:
            step(staging)
        render(settings, left_out)
        if settings["ARTICLES_BEING_WRITTEN"] is not None:
            settings["ARTICLES_BEING_WRITTEN"]()  # its rejections, before refusing or not
        rejected.extend(left_out)
        if spare_taken:
            remove_empty_folders(staging)
        keep_unchanged(staging, output)
        put_in_place = not (refuse_rejected and rejected)
        if put_in_place:
            check_free_space(output.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        reuse.discard(cache)
        raise
    if not put_in_place:
        shutil.rmtree(staging, ignore_errors=True)
        reuse.discard(cache)
    return put_in_place


def _put_in_place(staging: Path, output: Path, cache: Path, steps_after_swap: tuple[Callable[[Path], None], ...]) -> None:
    """Swap ``staging`` in as ``output``, then run ``steps_after_swap`` on the live site; the
    cache's manifest is committed after them, whether they succeed or not."""
    reuse.forget(cache)  # killed between the swap and the commit, no manifest must describe output/
    try:
        # The replaced site is deleted once the steps are done: Pagefind indexing the new one
        # meanwhile has the disk and the second core to itself (docs/performance.md, 2026-12-08).
        kept = swap.swap_in(staging, output, spare=spare_path(output), clear_now=not steps_after_swap)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"{output}: impossible de remplacer le site ({error.strerror or error}) : {output.name}/ inchangé") from error
    try:
        for step in steps_after_swap:  # failed or killed, the stamp left is the previous site's: rebuilt next time
            step(output)
    finally:
        if steps_after_swap:
            swap.remove_old_sites(output, keep=kept)
        # After the steps: a search bundle swapped into output/ changes the folder's change time,
        # by which the manifest names the site it describes (plugins/incremental/reuse.py).
        reuse.commit(cache, output)
        prune_cache_versions(cache)
