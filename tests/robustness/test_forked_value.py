"""digest.forked_value: the build waiting for its ingest child, interrupted (Ctrl-C)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from digest import aside

# In a process of its own: forking applies only to a process with one thread (aside.can_fork), and a
# test runner's worker may hold another test's thread at any moment.
WAIT_INTERRUPTED = textwrap.dedent("""
    import os, signal, time
    from digest import forked_value

    child = forked_value.start(lambda: time.sleep(30) or "report", "ingestion")

    def interrupt(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        child.result()  # Ctrl-C while the build waits for ingest
        print("waited to the end")
    except KeyboardInterrupt:
        child.stop()  # what digest.pipeline.build does on its way out
        print("interrupted")
    signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        os.waitpid(child.pid, os.WNOHANG)
        print("child left")
    except ChildProcessError:
        print("child reaped")
""")


@pytest.mark.skipif(not sys.platform.startswith("linux") or aside.cores() < 2, reason="forking does not apply here")
def test_an_interrupted_wait_stops_the_child_and_raises_the_interrupt_itself():
    run = subprocess.run([sys.executable, "-c", WAIT_INTERRUPTED], capture_output=True, text=True, timeout=60)
    assert run.stdout.splitlines() == ["interrupted", "child reaped"], run.stdout + run.stderr
    assert run.stderr == ""
