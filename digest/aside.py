"""Forked processes for the long parts of a build (plain module, no Pelican): a child that writes
one piece of the site while the build goes on (``start``, ``WritesAside``: the entity pages and the
feeds while Pelican writes the articles), the process pool that resolves a whole archive's entities
(``map_forked``), the watch over spaCy's own NER worker processes (``watched_children``), and the
log of a build's errors.

``fork`` gives a child what it reads for free (no pickling); it is used only where it is safe:
Linux (a child must die with its parent, through ``PR_SET_PDEATHSIG``: an orphan must never write
into the next build's folder or outlive the build), more than one core, and no other Python thread
in the parent (a fork copies the lock of another thread's half-done write; ``invoke serve`` with
its HTTP thread builds in place). Native threads of a library loaded earlier do not count: numpy's
OpenBLAS pool sets itself up again after a fork, and spaCy's NER, which forked workers run,
computes with blis, single-threaded. Elsewhere the work runs in place. Whether the writers pay is
measured in docs/performance.md (``WRITE_ASIDE`` turns them off).
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import struct
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


def start(work: Callable[[], None], what: str) -> Aside | None:
    """Run ``work`` in a forked child; None when forking does not apply (the caller runs it).
    Errors the child logs or raises make its exit status, and so ``Aside.wait()``, fail."""

    def logged_work() -> int:
        errors = ErrorLog()
        logging.getLogger().addHandler(errors)
        work()
        return 1 if errors.messages else 0

    pid = fork_child(logged_work)
    return None if pid is None else Aside(pid, what)


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
    # The pieces of the child's work the parent takes turns at once its own is done (``shares``);
    # None when there are none or when nothing was forked.
    turns: Turns | None = None

    def write_aside(self) -> None:
        raise NotImplementedError

    def shares(self) -> int:
        """How many pieces of ``write_aside``'s work the parent may share (taken through ``turns``)."""
        return 0

    def refresh_metadata_intersite_links(self) -> None:
        from pelican import signals

        if enabled(self.settings):
            shared = self.shares()
            self.turns = Turns(shared) if shared and can_fork() else None
            self.written_aside = start_until(signals.finalized, self.write_aside, self.aside_label)
            if not self.written_aside and self.turns is not None:
                self.turns.close()
                self.turns = None


class Turns:
    """The indices ``0 … count - 1``, taken a few at a time by every process that iterates them:
    made before a fork, shared by the child and its parent, so that the parent, its own writing
    done, takes a share of the child's instead of waiting for it idle (at 5 000 articles the entity
    pages' child worked alone on one core for the last third of the build). The batches wait in a
    pipe as fixed-size records, each read whole (a pipe's read is atomic): no lock for a killed
    process to hold, and the pipe's end is the work's."""

    RECORD = struct.Struct("=I")
    MAX_RECORDS = 4096  # 16 KiB: written at once into an empty pipe (64 KiB on Linux)
    BATCH = 4  # pages taken at a time: a page is a few milliseconds, a turn a system call

    def __init__(self, count: int) -> None:
        self.count = count
        self.batch = max(self.BATCH, -(-count // self.MAX_RECORDS))
        self._read, write = os.pipe()
        try:
            os.write(write, b"".join(self.RECORD.pack(start) for start in range(0, count, self.batch)))
        finally:
            os.close(write)

    def __iter__(self) -> Iterator[int]:
        while self._read is not None and (record := os.read(self._read, self.RECORD.size)):
            (start,) = self.RECORD.unpack(record)
            yield from range(start, min(start + self.batch, self.count))
        self.close()

    def close(self) -> None:
        if self._read is not None:
            os.close(self._read)
            self._read = None
