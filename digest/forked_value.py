"""A forked child computing a value the build waits for later (``digest.pipeline``: ingest, while
Pelican starts and reads the articles already there). Forks only where ``digest.aside`` allows it
(Linux, two cores, no other thread, the child dying with this process); the value comes back
pickled through a pipe, and so does an exception, raised here as if the work had run here. Before
its value, the child can tell the build what it has done so far (``tell``: ingest, each article
as it is in place), which the build takes as it comes (``Returning.told``)."""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
from collections.abc import Callable

from digest import aside

# Each message on the pipe: its kind (b"t": told, b"v": the value) and its length, then the pickle.
_HEADER = struct.Struct(">cI")
Tell = Callable[[object], None]


class Returning:
    """The child running ``work``: ``told()`` gives what it told so far, ``result()`` waits for it
    and returns its value, or raises what it raised (``aside.ChildDied`` when it died without
    answering: killed, out of memory)."""

    def __init__(self, pid: int, answer: int | None, what: str) -> None:
        self.pid, self.answer, self.what = pid, answer, what
        self.outcome: tuple[bool, object] | None = None  # (raised, value), once waited for
        self._received, self._told, self._value = bytearray(), [], None

    def told(self, wait: bool = False) -> list | None:
        """What the child told since the last call, in order; with ``wait``, waits until it tells
        something. None once it has ended (all it told given): ``result()`` then waits no more."""
        while not self._told and self.answer is not None:
            if not (wait or select.select([self.answer], [], [], 0)[0]):
                break
            self._receive()
        if not self._told and self.answer is None:
            return None
        told, self._told = self._told, []
        return told

    def _receive(self) -> None:
        """Read what the pipe holds (waiting for something), the pipe closed at its end."""
        data = os.read(self.answer, 1 << 16)
        if not data:
            os.close(self.answer)
            self.answer = None
            return
        self._received += data
        while len(self._received) >= _HEADER.size:
            kind, length = _HEADER.unpack_from(self._received)
            if len(self._received) < _HEADER.size + length:
                break
            message = bytes(self._received[_HEADER.size:_HEADER.size + length])
            del self._received[:_HEADER.size + length]
            if kind == b"t":
                self._told.append(pickle.loads(message))
            else:
                self._value = message

    def result(self):
        if self.outcome is None:
            while self.answer is not None:  # what it told and not taken is dropped: the value says it all
                self._receive()
            _, status = os.waitpid(self.pid, 0)
            self.outcome = pickle.loads(self._value) if self._value else (True, aside.ChildDied(self._death(status)))
        raised, value = self.outcome
        if raised:
            raise value
        return value

    def _death(self, status: int) -> str:
        code = os.waitstatus_to_exitcode(status)
        how = f"a été tué par le signal {signal.Signals(-code).name}" if code < 0 else f"s'est arrêté (code {code})"
        return f"{self.what} : le processus {self.pid} {how}, relancez la construction"

    def stop(self) -> None:
        """Kill the child (the build failed before waiting for it)."""
        if self.outcome is None:
            os.kill(self.pid, signal.SIGKILL)
            if self.answer is not None:
                os.close(self.answer)
                self.answer = None
            os.waitpid(self.pid, 0)
            self.outcome = (True, aside.ChildDied(f"{self.what} : arrêté"))


def _pickles(value) -> bool:
    try:
        pickle.loads(pickle.dumps(value))
    except Exception:
        return False
    return True


def _answer(work: Callable[[Tell], object], tell: Tell) -> bytes:
    try:
        return pickle.dumps((False, work(tell)))
    except Exception as error:  # raised by the parent; by its message if it does not pickle
        return pickle.dumps((True, error if _pickles(error) else RuntimeError(f"{type(error).__name__}: {error}")))


def start(work: Callable[[Tell], object], what: str) -> Returning | None:
    """Run ``work(tell)`` in a forked child; None when forking does not apply (the caller runs it)."""
    if not aside.can_fork():
        return None
    answer, sent = os.pipe()

    def answered() -> int:
        os.close(answer)
        with os.fdopen(sent, "wb") as pipe:

            def send(kind: bytes, message: bytes) -> None:
                pipe.write(_HEADER.pack(kind, len(message)) + message)
                pipe.flush()  # the build takes each as it comes

            send(b"v", _answer(work, lambda told: send(b"t", pickle.dumps(told))))
        return 0

    pid = aside.fork_child(answered)
    os.close(sent)
    if pid is None:
        os.close(answer)
        return None
    return Returning(pid, answer, what)
