"""Forked process pools for the newsroom's long computations (entity detection and resolution of
a whole archive), and the log of a build's errors (plain module, no Pelican).

``fork`` gives the workers what the function reads for free (no pickling); it is used only where
it is safe: Linux (a worker must die with its parent, through ``PR_SET_PDEATHSIG``: an orphan
must never outlive the build), more than one core, and no other Python thread in the parent (a
fork copies the lock of another thread's half-done write; ``invoke serve`` with its HTTP thread
works in place). Native threads of a library loaded earlier do not count: numpy's OpenBLAS pool
sets itself up again after a fork, and spaCy's NER, which forked workers run, computes with blis,
single-threaded. Elsewhere the work runs in place.

Pelican's own rendering is never forked: entity pages and feeds written by forked children while
Pelican wrote the articles, and the articles read ahead by one process per core, did not measure
10 % faster on this two-core machine (docs/performance.md, 2026-12-07) and were removed.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG, _PR_GET_PDEATHSIG = 1, 2
logger = logging.getLogger(__name__)

def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _prctl():
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _has_death_signal() -> bool:
    prctl = _prctl()
    return prctl is not None and prctl(_PR_GET_PDEATHSIG, ctypes.byref(ctypes.c_int())) == 0


def _die_with_parent(parent: int) -> bool:
    if _prctl()(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        return False
    return os.getppid() == parent  # the parent may have died before prctl took effect


def can_fork() -> bool:
    return sys.platform.startswith("linux") and cores() > 1 and threading.active_count() == 1 and _has_death_signal()


class ErrorLog(logging.Handler):
    """The ERROR messages logged while it is attached (Pelican only logs its errors)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # Pelican logs a file it cannot read as "Could not process <file>", its reason only in
        # the exception being handled (the traceback shown with DEBUG): one line "<file>: <reason>".
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if error is not None and str(error) not in message:
            unreadable = message.removeprefix("Could not process ")
            message = f"{unreadable}: {error}" if unreadable != message else f"{message} : {error}"
        self.messages.append(message)


_mapped: Callable | None = None  # what forked workers call (see imap_forked)


def _call_mapped(index: int):
    return _mapped(index)


def _worker_dies_with(parent: int) -> None:
    # A pool worker orphaned by a killed build would wait on its task queue forever, holding what
    # the build held (its open files; not the site's build lock, a lockf lock no child inherits):
    # it dies with the build instead.
    if not _die_with_parent(parent):
        os._exit(1)


def imap_forked(function: Callable[[int], object], count: int, chunksize: int = 64) -> Iterator:
    """``function(0), ..., function(count - 1)`` computed by one forked worker per core and yielded
    in that order as they arrive, so that the caller uses each result (writes it, reports progress)
    while the workers compute the next. The workers inherit whatever ``function`` reads instead of
    having it pickled; only the results travel back (pickled). In this process, one at a time, when
    forking does not apply. Raises ``concurrent.futures.process.BrokenProcessPool`` if a worker dies
    (killed for memory, say) instead of waiting for it forever. Closing the iterator early cancels
    the items no worker has started."""
    global _mapped
    if not can_fork():
        yield from map(function, range(count))
        return
    _mapped = function
    try:
        with ProcessPoolExecutor(cores(), mp_context=multiprocessing.get_context("fork"), initializer=_worker_dies_with, initargs=(os.getpid(),)) as pool:
            yield from pool.map(_call_mapped, range(count), chunksize=chunksize)
    finally:
        _mapped = None


def map_forked(function: Callable[[int], object], count: int, chunksize: int = 64) -> list:
    """``[function(0), ..., function(count - 1)]``: ``imap_forked``, all results at once."""
    return list(imap_forked(function, count, chunksize))
