"""digest.forked_value: the build waiting for its ingest child, interrupted (Ctrl-C)."""
from __future__ import annotations

import os
import signal
import time

import pytest

from digest import aside, forked_value


@pytest.mark.skipif(not aside.can_fork(), reason="forking does not apply here")
def test_an_interrupted_wait_stops_the_child_and_raises_the_interrupt_itself():
    child = forked_value.start(lambda: time.sleep(30) or "report", "ingestion")

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            try:
                child.result()  # Ctrl-C while the build waits for ingest
            except BaseException:
                child.stop()  # what digest.pipeline.build does on its way out
                raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    with pytest.raises(ChildProcessError):  # reaped: no zombie left
        os.waitpid(child.pid, os.WNOHANG)
