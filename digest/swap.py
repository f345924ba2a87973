"""Put a folder in place of another, never leaving the name missing or half-written, and delete
the replaced one in the background.

One exchange where Linux offers it (``renameat2(RENAME_EXCHANGE)``); elsewhere two renames, the
replaced folder set aside under a fixed name first, so that a process killed between them has it
put back (``restore_missing``). Used for the whole site (``site.build``) and for the search bundle
inside it (``search.update``).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _libc_renameat2():
    try:
        return ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or a libc older than glibc 2.28
        return None


def exchange(first: Path, second: Path) -> bool:
    """Swap the two folders ``first`` and ``second`` in one step (Linux's
    ``renameat2(RENAME_EXCHANGE)``): at every instant each name holds a whole site. False when the
    system or the file system does not offer it."""
    renameat2 = _libc_renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def previous_path(output: Path, trash: Path | None = None) -> Path:
    """Where the fallback swap keeps the published site between its two renames (in ``trash``, by
    default beside it)."""
    return (output.parent if trash is None else trash) / f".{output.name}.previous"


def restore_missing(output: Path, trash: Path | None = None) -> bool:
    """A build killed between the two renames of the fallback swap left no ``output``: the site it
    was replacing is put back. True when it was."""
    previous = previous_path(output, trash)
    if output.exists() or not previous.is_dir():
        return False
    os.replace(previous, output)
    print(f"{output}: le site précédent, laissé de côté par une construction interrompue, est remis en place", file=sys.stderr)
    return True


def swap_in(staging: Path, output: Path, trash: Path | None = None, spare: Path | None = None,
            clear_now: bool = True) -> tuple[Path, Path, Path | None] | None:
    """Replace ``output`` by ``staging``, never leaving ``output`` missing or half-written: one
    exchange where Linux offers it; elsewhere two renames, the published site set aside under a
    fixed name first, so that a build killed between them has it put back (``restore_missing``).
    The previous site is moved into ``trash`` (by default beside ``output``: the search bundle's,
    inside output/, must not be published meanwhile) and deleted by a background process (tens
    of thousands of files take seconds); with ``spare``, its folders are kept there, emptied.
    With ``clear_now`` false, that process is left to the caller: ``remove_old_sites(output, trash,
    kept)`` with what this returns, once the work that must not share the disk with it is done
    (the search index of the new site); a build killed meanwhile leaves it to the next one."""
    trash = output.parent if trash is None else trash
    if output.exists() and exchange(staging, output):
        old = staging  # now holds the previous site
    else:
        old = previous_path(output, trash)
        if output.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(output, old)
        try:
            os.replace(staging, output)
        except OSError:
            if old.exists():
                os.replace(old, output)
            raise
    # The new site is in place: what follows only clears the previous one away.
    keep = None
    try:
        if old.exists():
            moved = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=trash))  # empty: a name no other build uses
            os.replace(old, moved)
            keep = (moved, spare, None) if spare else None
        elif spare:  # a first build: the spare gets the new site's folders, made in the background
            keep = (Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=trash)), spare, output)
    except OSError:
        shutil.rmtree(old, ignore_errors=True)
    if clear_now:
        remove_old_sites(output, trash, keep)
    return keep


# Deletes the folders given (after the spare's path and a site to mirror, "" for none), even those
# a user made read-only: each folder is made writable (and readable) before it is listed, then the
# tree is removed. The first one, with a spare path and no spare there, has its files removed only
# (or, empty, is given the folders of the site to mirror), then becomes the spare (renamed once
# ready: a build takes the spare whole, never while it is being made).
_REMOVE_FOLDERS = """
import os, shutil, sys
try:  # idle priority: the next build and the rest of the machine come first (it runs after Pagefind)
    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
except (AttributeError, OSError):
    os.nice(19)
def open_up(folder):
    try:
        os.chmod(folder, 0o700)
    except OSError:
        pass
def files_removed(path):
    for root, folders, files in os.walk(path):
        for name in files:
            try:
                os.unlink(os.path.join(root, name))
            except OSError:
                return False
        for name in folders:  # a link to a folder elsewhere is a file here
            if os.path.islink(os.path.join(root, name)):
                try:
                    os.unlink(os.path.join(root, name))
                except OSError:
                    return False
    return True
spare, mirror, old = sys.argv[1], sys.argv[2], sys.argv[3:]
if mirror and not os.path.exists(spare):  # the first one is empty: give it the folders of ``mirror``
    try:  # top down: each folder's parent is made first (never a parent that was removed meanwhile)
        for root, folders, _ in os.walk(mirror):
            for folder in folders:
                os.mkdir(os.path.join(old[0], os.path.relpath(os.path.join(root, folder), mirror)))
    except OSError:  # the site replaced or removed meanwhile: what was made still serves
        pass
for number, path in enumerate(old):
    if number == 0 and spare and not os.path.exists(spare) and files_removed(path):
        try:  # the folders as the build made them (their modes kept: the site is served from them)
            os.rename(path, spare)
            continue
        except OSError:
            pass
    open_up(path)
    for root, folders, _ in os.walk(path):
        for folder in folders:
            if not os.path.islink(os.path.join(root, folder)):  # never a folder elsewhere
                open_up(os.path.join(root, folder))
    shutil.rmtree(path, ignore_errors=True)
"""


def remove_old_sites(output: Path, trash: Path | None = None, keep: tuple[Path, Path, Path | None] | None = None) -> None:
    """Delete, in the background, the sites that ``output`` replaced, moved into ``trash`` (by
    default beside it; a deletion cut short by a crash or a reboot is taken up again). ``keep``:
    (one of them, the spare, a site to mirror or None): that one's folders are kept as the spare
    (see ``site.spare_path``); when it is an empty folder, it gets those of the site to mirror first."""
    old = [str(path) for path in (output.parent if trash is None else trash).glob(f".{output.name}.old-*")]
    if keep:
        old = [str(keep[0]), *(path for path in old if path != str(keep[0]))]
    if old:
        spare, mirror = (str(keep[1]), str(keep[2] or "")) if keep else ("", "")
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE_FOLDERS, spare, mirror, *old],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
