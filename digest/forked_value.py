"""A forked child computing a value the build waits for later (``digest.pipeline``: ingest, while
Pelican starts and reads the articles already there). Forks only where ``digest.aside`` allows it
(Linux, two cores, no other thread, the child dying with this process); the value comes back
pickled through a pipe, and so does an exception, raised here as if the work had run here."""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable

from digest import aside


class Returning:
    """The child running ``work``: ``result()`` waits for it and returns its value, or raises what
    it raised (``aside.ChildDied`` when it died without answering: killed, out of memory)."""

    def __init__(self, pid: int, answer: int | None, what: str) -> None:
        self.pid, self.answer, self.what = pid, answer, what
        self.outcome: tuple[bool, object] | None = None  # (raised, value), once waited for

    def result(self):
        if self.outcome is None:
            # the pipe is the file object's from here: an interrupted read leaves stop() nothing to close
            pipe, self.answer = os.fdopen(self.answer, "rb"), None
            with pipe:
                data = pipe.read()
            _, status = os.waitpid(self.pid, 0)
            self.outcome = pickle.loads(data) if data else (True, aside.ChildDied(self._death(status)))
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


def _answer(work: Callable[[], object]) -> bytes:
    try:
        return pickle.dumps((False, work()))
    except Exception as error:  # raised by the parent; by its message if it does not pickle
        return pickle.dumps((True, error if _pickles(error) else RuntimeError(f"{type(error).__name__}: {error}")))


def start(work: Callable[[], object], what: str) -> Returning | None:
    """Run ``work`` in a forked child; None when forking does not apply (the caller runs it)."""
    if not aside.can_fork():
        return None
    answer, sent = os.pipe()

    def answered() -> int:
        os.close(answer)
        with os.fdopen(sent, "wb") as pipe:
            pipe.write(_answer(work))
        return 0

    pid = aside.fork_child(answered)
    os.close(sent)
    if pid is None:
        os.close(answer)
        return None
    return Returning(pid, answer, what)
