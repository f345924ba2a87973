"""Forked processes for the long parts of a build (plain module, no Pelican): a forked child
(``fork_child``: ingest beside Pelican's start, digest/forked_value.py), the process pool that
reads the articles Pelican's cache lacks and resolves a whole archive's entities (``map_forked``),
the watch over spaCy's own NER worker processes (``watched_children``), and the log of a build's
errors.

``fork`` gives a child what it reads for free (no pickling); it is used only where it is safe:
Linux (a child must die with its parent, through ``PR_SET_PDEATHSIG``: an orphan must never write
into the next build's folder or outlive the build), more than one core, and no other Python thread
in the parent (a fork copies the lock of another thread's half-done write; ``invoke serve`` with
its HTTP thread builds in place). Native threads of a library loaded earlier do not count: numpy's
OpenBLAS pool sets itself up again after a fork, and spaCy's NER, which forked workers run,
computes with blis, single-threaded. Elsewhere the work runs in place (``WRITE_ASIDE`` turns the
build's forks off). The entity pages and feeds were once written by forked children too: on the
bench they were not 10 % faster (docs/performance.md, 2026-12-07 18:00), and were removed.
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
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from digest import interruption
from digest.settings import setting

_PR_SET_PDEATHSIG, _PR_GET_PDEATHSIG = 1, 2


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


def die_with_parent(parent: int) -> bool:
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


def fork_child(work: Callable[[], int]) -> int | None:
    """Fork a child that dies with this process and runs ``work`` (its exit status), then exits
    without this process's atexit handlers or buffers; its pid, None when forking does not apply."""
    if not can_fork():
        return None
    parent = os.getpid()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid:
        interruption.raise_if_interrupted()  # the child dies with this process
        return pid
    status = 1
    try:
        interruption.take_interrupts()
        if die_with_parent(parent):
            status = work()
    except KeyboardInterrupt:  # a Ctrl-C: the build's process says it (digest/interruption.py)
        status = interruption.INTERRUPTED
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(status)  # no atexit handlers, no parent's buffers flushed twice


_mapped: Callable | None = None  # what forked workers call (see map_forked)


def _call_mapped(index: int):
    return _mapped(index)


def _worker_dies_with(parent: int) -> None:
    # A pool worker orphaned by a killed build would wait on its task queue forever, holding what
    # the build held (its open files; not the site's build lock, a lockf lock no child inherits):
    # it dies with the build instead.
    if not die_with_parent(parent):
        os._exit(1)


def map_forked(function: Callable[[int], object], count: int, chunksize: int = 64) -> list:
    """``[function(0), ..., function(count - 1)]`` computed by one forked worker per core. The
    workers inherit whatever ``function`` reads instead of having it pickled; only the results
    travel back (pickled). In this process when forking does not apply. Raises
    ``concurrent.futures.process.BrokenProcessPool`` if a worker dies (killed for memory, say)
    instead of waiting for it forever."""
    global _mapped
    if not can_fork():
        return [function(index) for index in range(count)]
    _mapped = function
    try:
        with ProcessPoolExecutor(cores(), mp_context=multiprocessing.get_context("fork"), initializer=_worker_dies_with, initargs=(os.getpid(),)) as pool:
            results = pool.map(_call_mapped, range(count), chunksize=chunksize)  # a Ctrl-C while it forked: raised
            return [interruption.raise_if_interrupted() or result for result in results]
    finally:
        _mapped = None


def _child_pids() -> set[int] | None:
    """The pids of this process's children, ended ones not yet reaped included (Linux lists them
    per thread in /proc); None where the system does not."""
    lists = list(Path("/proc/self/task").glob("*/children"))
    if not lists:
        return None
    pids: set[int] = set()
    for children in lists:
        try:
            pids.update(int(pid) for pid in children.read_text().split())
        except OSError:  # a thread that has just ended
            continue
    return pids


class ChildDied(RuntimeError):
    """A process started inside ``watched_children`` ended with an error or was killed."""


class _Watch:
    """The children ``watched_children`` looks after: the ``multiprocessing`` processes started
    since it was entered, and the first of them that ended badly."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.before = set(multiprocessing.active_children())
        self.before_pids = _child_pids()
        self.died: os.waitid_result | None = None
        self.stopping = False

    def children(self) -> list[multiprocessing.Process]:
        return [child for child in multiprocessing.active_children() if child not in self.before]

    def stop(self) -> None:
        """Kill the children still running: whoever waits on their pipes is then told they are
        closed instead of waiting forever."""
        self.stopping = True
        for child in self.children():
            child.kill()

    def on_child_exit(self, signum, frame) -> None:
        if self.stopping:
            return
        for ended in self._ended():
            if not (ended.si_code == os.CLD_EXITED and ended.si_status == 0):
                self.died = ended
                self.stop()
                return

    def _ended(self) -> Iterator[os.waitid_result]:
        """The children started inside the watch that have ended, left to be reaped by their owner.
        Each is asked by its pid: asked for any child, the kernel answers with the same one every
        time, and a child of earlier work that ended well and was never reaped would hide the worker
        killed now (the hang this avoids: its sibling blocked on a full pipe, forever)."""
        pids = _child_pids()
        # without /proc's list of children (another kernel), the first ended child is all there is
        asked = [(os.P_PID, pid) for pid in sorted(pids - self.before_pids)] if pids is not None else [(os.P_ALL, 0)]
        for idtype, pid in asked:
            try:
                ended = os.waitid(idtype, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            except ChildProcessError:  # reaped already: raised here, it would come out of its owner's wait
                continue
            if ended is not None:
                yield ended

    def failure(self) -> str:
        pid, code, status = self.died.si_pid, self.died.si_code, self.died.si_status
        if code == os.CLD_EXITED:
            how = f"s'est arrêté (code {status})"
        else:
            how = f"a été tué par le signal {signal.Signals(status).name}"
            how += " (mémoire insuffisante ?)" if status == signal.SIGKILL else ""  # what the out-of-memory killer sends
        return f"{self.what} : le processus {pid} {how}, relancez la construction"


_watched_parent: int | None = None  # set while watched_children runs: what its forked children die with


def _child_dies_with_watched_parent() -> None:
    global _watched_parent
    parent, _watched_parent = _watched_parent, None  # its own children are not watched
    if parent is not None and not die_with_parent(parent):
        os._exit(1)


os.register_at_fork(after_in_child=_child_dies_with_watched_parent)


@contextmanager
def watched_children(what: str) -> Iterator[_Watch]:
    """For a library that forks workers of its own (spaCy's ``nlp.pipe(n_process=...)``), in this
    process's main thread (``can_fork()``): while inside, every process forked dies with this one
    (an orphan would wait on its queue forever), and a ``multiprocessing`` child that ends with an
    error or a signal (the out-of-memory killer) has the others killed, so that this process,
    waiting on their pipes, finds them closed instead of waiting forever (each worker holds a copy
    of every other's pipe). What the library then raises becomes ``ChildDied``, naming ``what``
    and the process. The watch (``stop()``) kills the children still running."""
    global _watched_parent
    watch = _Watch(what)
    previous = signal.signal(signal.SIGCHLD, watch.on_child_exit)
    _watched_parent = os.getpid()
    try:
        yield watch
    except Exception as error:
        if watch.died is not None:
            raise ChildDied(watch.failure()) from error
        raise
    finally:
        _watched_parent = None
        signal.signal(signal.SIGCHLD, previous)
    if watch.died is not None:
        raise ChildDied(watch.failure())
