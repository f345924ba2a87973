"""The whole pipeline as one function, the way ``invoke build`` and the tests run it:
dispatches -> ingest -> Pelican (plugins, theme) -> output/ swapped in -> search index swapped in."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import gc
import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from digest import aside, forked_value, french_model, headline, search, site, uptodate
from digest.ingest import RULES_FILE, Listed, Report, ingest, list_inputs
from digest.settings import setting


@dataclass(frozen=True)
class Paths:
    content: Path
    output: Path
    cache: Path
    settings: Path

    @property
    def dispatches(self) -> Path:
        return self.content / "dispatches"

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    @property
    def editorial(self) -> Path:
        return self.content / "entities.toml"

    @property
    def lock(self) -> Path:
        return self.cache.with_name(".build.lock")


@functools.lru_cache(maxsize=None)
def _finder(editorial: Path, cache: Path):
    # One finder per site and process: `invoke serve` rebuilds keep spaCy loaded between builds
    # (the finder rereads the editorial file when it changes).
    from digest.entities.finder import EntityFinder

    step = 1 if sys.stderr.isatty() else 100

    def progress(done: int, total: int) -> None:
        if done == total or done % step == 0:
            end = "\n" if done == total or step > 1 else ""
            print(f"\rentités : {done}/{total} dépêches analysées", end=end, file=sys.stderr, flush=True)

    return EntityFinder(editorial, cache, progress=progress)


@functools.lru_cache(maxsize=None)
def _headline_deriver(cache: Path) -> headline.HeadlineDeriver:
    return headline.HeadlineDeriver(cache)  # spaCy's parser stays loaded between `invoke serve` builds


def entity_finder(paths: Paths):
    """Front-matter fields for each text, from the entities plugin's finder. The finder (which reads
    and checks the editorial and slug files, then spaCy when a text is not cached) is made at the
    first call: ingest calls only when a dispatch changed, so a build with nothing to do reads
    neither (the ingest stamp holds the editorial file's bytes, so an edit is still seen)."""

    def find(texts):
        from digest.entities.model import to_front_matter

        return [to_front_matter(found) for found in _finder(paths.editorial, paths.cache / "ner").find(texts)]

    return find


def ingest_rules(paths: Paths) -> bytes:
    """What an article's generated text depends on besides its dispatch: the editorial file and the
    code of this package (entity detection included, in digest/entities/), the whole folder, so
    that no module can be added or split without being counted. When it changes, untouched
    articles are derived again (and written only where the result differs)."""
    rules = [paths.editorial] if paths.editorial.exists() else []
    rules += uptodate.code_files(Path(__file__).parent)
    return b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in rules)


_held: set[Path] = set()  # locks this process holds: a build runs ingest inside its own lock


@contextlib.contextmanager
def one_at_a_time(paths: Paths):
    """One ingest, build or clean of a site at a time, the others waiting their turn: two would
    write the same articles and the same staging folder, and one could publish a site the other
    half-emptied. The lock is a POSIX record lock (``lockf``), which belongs to this process alone:
    never inherited by the children it forks (digest/aside.py) or starts, so none of them can keep
    the site locked once the build is over or killed. Its file is beside the cache, not in it: a
    cache deleted during a build would take the lock with it. The file is opened only here (a
    process closing any descriptor of it would drop the lock)."""
    lock = paths.lock.resolve()
    if lock in _held:
        yield
        return
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            print("une autre construction de ce site est en cours : attente de sa fin…", file=sys.stderr, flush=True)
            fcntl.lockf(handle, fcntl.LOCK_EX)
        _held.add(lock)
        try:
            yield
        finally:
            _held.discard(lock)


def list_ingest_inputs(paths: Paths) -> Listed:
    """The dispatches and articles listed, and whether ingest has anything to do (``Listed``)."""
    return list_inputs(paths.dispatches, paths.articles, ingest_rules(paths), paths.cache)


def run_ingest(paths: Paths, listed: Listed | None = None) -> Report:
    """Ingest; ``listed``: what ``list_ingest_inputs`` found moments ago (None: listed here)."""
    with one_at_a_time(paths):
        listed = listed or list_ingest_inputs(paths)
        report = ingest(
            paths.dispatches,
            paths.articles,
            entity_finder(paths),
            rules=listed.rules,
            # made at the first lede to derive: a build with nothing to ingest never asks for the
            # model's version (importlib.metadata, a tenth of a rebuild with nothing changed)
            derive_headlines=lambda ledes: _headline_deriver(paths.cache / "headlines")(ledes),
            cache_dir=paths.cache,
            listed=listed,
        )
    for line in report.lines():
        print(line, file=sys.stderr)
    return report


@dataclass(frozen=True)
class Outcome:
    report: Report  # what ingest did
    rebuilt: bool  # False: output/ was already the site of these inputs, nothing was done
    put_in_place: bool = True  # False: rendered and checked aside, output/ left as it was
    search_problem: str | None = None  # the pages are live but the search index was not updated


def special_files(content: Path, skipped: Path) -> list[Path]:
    """Entries of ``content`` (outside ``skipped``) that are neither folders nor regular files
    (a FIFO, a socket, a device, a broken link): Pelican would block on a FIFO or fail on the
    others. They are reported and left out of the build."""
    found, folders, seen = [], [str(content)], set()
    while folders:
        folder = folders.pop()
        status = os.stat(folder)
        if (status.st_dev, status.st_ino) in seen:  # a link back to a folder above: walked once
            continue
        seen.add((status.st_dev, status.st_ino))
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.path == str(skipped) or entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    folders.append(entry.path)
                elif not entry.is_file():
                    found.append(Path(entry.path))
    return sorted(found)


# A build makes millions of objects that live until it ends (every article Pelican reads, the
# pages' context, spaCy's tables). Python's collector walks all of them again each time the heap
# has grown by a quarter: 8 full passes, 2.2 to 3.9 s of a +1 dispatch at 5 000 articles (gc.callbacks,
# load 5 to 9; process CPU 12.4 s against 10.4 to 11.4 s without them, peak RSS the same 607 MB).
# During a build, young objects are still collected (every 100 000 allocations instead of 700);
# the full passes wait for its end.
BUILD_GC_THRESHOLDS = (100_000, 50, 100)


@contextlib.contextmanager
def fewer_collections():
    """The collector's thresholds of a build (``BUILD_GC_THRESHOLDS``), then the process's again
    (``invoke serve`` builds many times in one process)."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def ingest_beside(paths: Paths, overrides: dict, listed: Listed) -> forked_value.Returning | None:
    """Ingest in a forked child, so that Pelican starts and reads the articles already there on the
    other core while it runs (a new dispatch loads spaCy: seconds); None where it runs in place:
    ingest has nothing to do (``listed``: the fork would cost more than the listing it overlaps),
    the archive is small (``INGEST_BESIDE_MIN_DISPATCHES``), forking does not apply or is turned
    off (``WRITE_ASIDE``), or spaCy is loaded here already (``invoke serve``'s next builds: in
    place, it costs nothing)."""
    if listed.unchanged is not None or listed.dispatches < setting(overrides, "INGEST_BESIDE_MIN_DISPATCHES"):
        return None
    if not aside.enabled(overrides) or french_model.loaded_pipeline() is not None:
        return None
    return forked_value.start(lambda: run_ingest(paths, listed), "ingestion")


def build(paths: Paths, overrides: dict | None = None, refuse_rejected: bool = False) -> Outcome:
    """Ingest then build; raises site.BuildError, output/ left as it was. The pages and feeds are
    swapped into output/ as soon as they are rendered, keeping the search bundle in place; the
    search index of the new site follows, swapped into output/pagefind/ on its own: a failure
    there leaves the previous index, is returned as ``search_problem``, and the next build indexes
    again. Rejected dispatches do not stop the build: the report lists them; with
    ``refuse_rejected`` (publishing) the site is then rendered and checked aside but output/ is
    left as it was. Ingest runs beside Pelican's start where it can (``ingest_beside``)."""
    overrides = overrides or {}
    with one_at_a_time(paths), fewer_collections():
        listed = list_ingest_inputs(paths)
        ingesting = ingest_beside(paths, overrides, listed)
        try:
            return _build_site(paths, overrides, refuse_rejected, listed, ingesting)
        except BaseException:
            if ingesting is not None:
                ingesting.stop()
            raise


def _build_site(paths: Paths, overrides: dict, refuse_rejected: bool, listed: Listed, ingesting: forked_value.Returning | None) -> Outcome:
    report = run_ingest(paths, listed) if ingesting is None else None
    special = special_files(paths.content, paths.dispatches)
    rejected = [(path, "pas un fichier ordinaire : laissé hors du site") for path in special]
    for path in special:
        print(f"{path}: REJETÉ — pas un fichier ordinaire : laissé hors du site", file=sys.stderr)

    def ingested() -> list[Path]:
        """Wait for the ingest child (once); its rejections go first."""
        nonlocal report
        if report is None:
            report = ingesting.result()
            rejected[:0] = report.rejected
        return [*report.written, paths.articles / RULES_FILE]

    if ingesting is None:
        rejected[:0] = report.rejected
    ignored = {}
    if special:
        from pelican.settings import DEFAULT_CONFIG  # here: importing the newsroom side never loads Pelican

        ignored = {"IGNORE_FILES": [*DEFAULT_CONFIG["IGNORE_FILES"], *(glob.escape(path.name) for path in special)]}
    settings_overrides = {"PATH": str(paths.content), "CACHE_PATH": str(paths.cache / "pelican"), **ignored, **overrides}

    def render(being_written) -> tuple[bool, str | None]:
        try:
            return site.build(
                paths.settings,
                paths.output,
                steps_before_render=(functools.partial(search.keep_previous_bundle, paths.output),),
                steps_after_swap=(search.update,),
                overrides=settings_overrides,
                stamp=paths.cache / uptodate.STAMP_FILE,
                rejected=rejected,  # and the articles Pelican's plugins leave out
                refuse_rejected=refuse_rejected,
                being_written=being_written,
                # nothing written since ingest listed them: the stamp's listing takes its folders as they are
                listed_already=listed.folders if listed.unchanged is not None else None,
            ), None
        except search.SearchIndexError as error:  # raised after the swap only: the pages are live
            return True, str(error)

    rebuilt, problem = render(ingested if ingesting is not None else None)
    if ingesting is not None and ingested()[:-1] and not rebuilt:
        rebuilt, problem = render(None)  # output/ was current before the child wrote: built with what it wrote
    report.rejected = rejected
    return Outcome(report, rebuilt, put_in_place=not (refuse_rejected and report.rejected), search_problem=problem)
