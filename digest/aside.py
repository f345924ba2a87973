"""Run one piece of a build in a child process while the build goes on (plain module, no Pelican).

A site build is one Python process: on a machine with two cores, the entity pages and the feeds
can be written by forked children while the parent writes the articles. ``fork`` gives the child
the whole build context for free (no pickling); it is used only where it is safe and pays:
Linux (the child must die with its parent, through ``PR_SET_PDEATHSIG``: an orphan must never
write into the next build's folder), more than one core, and no other Python thread in the parent
(a fork copies the lock of another thread's half-done write; ``invoke serve`` with its HTTP thread
builds in place). Native threads of a library loaded earlier do not count: numpy's OpenBLAS pool
sets itself up again after a fork, and spaCy's NER, which forked workers run too, computes with
blis, single-threaded. Every child, pool workers included, dies with the build. Elsewhere the work
runs in place.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from digest.settings import setting

_PR_SET_PDEATHSIG, _PR_GET_PDEATHSIG = 1, 2
logger = logging.getLogger(__name__)

def enabled(settings) -> bool:
    return bool(setting(settings, "WRITE_ASIDE"))


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


class Aside:
    """The child running ``work``; ``wait()`` returns True when it finished without an error."""

    def __init__(self, pid: int, what: str) -> None:
        self.pid, self.what = pid, what
        self.succeeded: bool | None = None  # None while running
        _running.add(self)

    def wait(self) -> bool:
        if self.succeeded is None:
            _running.discard(self)
            _, status = os.waitpid(self.pid, 0)
            code = os.waitstatus_to_exitcode(status)
            self.succeeded = code == 0
            if code != 0:
                logger.error("%s : le processus %d a échoué (code %d), voir ses erreurs ci-dessus", self.what, self.pid, code)
        return self.succeeded

    def stop(self) -> None:
        if self.succeeded is None:
            _running.discard(self)
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.succeeded = False


_running: set[Aside] = set()


def stop_all() -> None:
    """Kill the children nobody waited for: the build that started them failed before it could
    (a long-lived process such as ``invoke serve`` goes on to the next build)."""
    for child in list(_running):
        child.stop()


def start(work: Callable[[], None], what: str) -> Aside | None:
    """Run ``work`` in a forked child; None when forking does not apply (the caller runs it).
    Errors the child logs or raises make its exit status, and so ``Aside.wait()``, fail."""
    if not can_fork():
        return None
    parent = os.getpid()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid:
        return Aside(pid, what)
    status = 1
    try:
        if _die_with_parent(parent):
            errors = ErrorLog()
            logging.getLogger().addHandler(errors)
            work()
            status = 1 if errors.messages else 0
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(status)  # no atexit handlers, no parent's buffers flushed twice


def start_until(done, work: Callable[[], None], what: str) -> bool:
    """``start(work, what)``, the child waited for when the signal ``done`` (a blinker signal, such
    as Pelican's ``finalized``) is next sent: connected now, after the receivers connected before.
    False when forking does not apply: the caller runs ``work`` itself."""
    child = start(work, what)
    if child is None:
        return False

    def wait(sender) -> None:
        # Disconnected on the first call, even from a later build's signal when this build failed
        # before sending its own (its child was stopped then: waiting is a no-op).
        done.disconnect(wait)
        child.wait()

    done.connect(wait, weak=False)  # a weak reference to this closure would vanish at once
    return True


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


class WritesAside:
    """Mixin for a Pelican generator whose output a forked child can write while Pelican writes
    the articles: ``write_aside`` (the work) and ``aside_label`` (its name in messages) are given by
    the generator, which writes in place, in ``generate_output``, when ``written_aside`` is False.

    The one reliance on Pelican's call order, here only: Pelican calls each generator's
    ``refresh_metadata_intersite_links`` once every context is final (after
    ``all_generators_finalized``, so plugins/incremental's reuse is in the context) and before it
    makes the writer and writes anything. No public signal is sent there for every plugin's
    receivers to have run. ``tests/plugins/test_aside.py`` checks that order against the Pelican
    installed; if Pelican stops calling it, ``generate_output`` writes in place."""

    written_aside = False
    aside_label = "écriture à part"

    def write_aside(self) -> None:
        raise NotImplementedError

    def refresh_metadata_intersite_links(self) -> None:
        from pelican import signals

        if enabled(self.settings):
            self.written_aside = start_until(signals.finalized, self.write_aside, self.aside_label)
