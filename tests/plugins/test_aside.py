"""digest/aside.py: forked processes of a build (a pool, the watch over spaCy's workers), and when it forks."""

from __future__ import annotations

import os
import threading
import time

import pytest

from digest import aside


def test_no_fork_while_other_threads_run():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not aside.can_fork()
        assert aside.fork_child(lambda: 0) is None
    finally:
        stop.set()
        thread.join()


def test_map_forked_gives_results_in_order_and_reports_a_dead_worker(forking):
    import signal as signals
    from concurrent.futures.process import BrokenProcessPool

    parent = os.getpid()
    squares = aside.map_forked(lambda index: (index * index, os.getpid() != parent), 300, chunksize=16)
    assert [square for square, _ in squares] == [index * index for index in range(300)]
    assert all(in_worker for _, in_worker in squares)

    def dies_at_five(index):
        if index == 5:
            os.kill(os.getpid(), signals.SIGKILL)  # as the out-of-memory killer would
        return index

    started = time.monotonic()
    with pytest.raises(BrokenProcessPool):
        aside.map_forked(dies_at_five, 300, chunksize=4)
    assert time.monotonic() - started < 60  # reported, not waited for forever


def test_without_fork_the_work_runs_here_in_order(monkeypatch):
    monkeypatch.setattr(aside, "can_fork", lambda: False)
    parent = os.getpid()
    assert aside.map_forked(lambda index: (index, os.getpid()), 5) == [(index, parent) for index in range(5)]


def _started(target, *args):
    import multiprocessing

    child = multiprocessing.Process(target=target, args=args)
    child.start()
    return child


def test_a_watched_child_that_fails_fails_the_watch_with_its_exit_code(forking):
    deadline = time.monotonic() + 60
    with pytest.raises(aside.ChildDied) as failure:
        with aside.watched_children("essai") as watch:
            child = _started(os._exit, 3)
            while watch.died is None and time.monotonic() < deadline:  # the parent's own work, until told
                time.sleep(0.01)
    assert str(failure.value) == f"essai : le processus {child.pid} s'est arrêté (code 3), relancez la construction"


def test_a_child_of_earlier_work_left_unreaped_does_not_hide_a_watched_child_that_fails(forking):
    earlier = os.fork()  # ended well before the watch, never waited for (as a finished writer may be)
    if earlier == 0:
        os._exit(0)
    while not os.waitid(os.P_PID, earlier, os.WEXITED | os.WNOHANG | os.WNOWAIT):
        time.sleep(0.01)
    deadline = time.monotonic() + 60
    try:
        with pytest.raises(aside.ChildDied) as failure:
            with aside.watched_children("essai") as watch:
                child = _started(os._exit, 3)
                while watch.died is None and time.monotonic() < deadline:
                    time.sleep(0.01)
        assert str(failure.value) == f"essai : le processus {child.pid} s'est arrêté (code 3), relancez la construction"
    finally:
        os.waitpid(earlier, 0)


def test_watched_children_that_succeed_leave_the_watch_quiet(forking):
    with aside.watched_children("essai"):
        children = [_started(time.sleep, 0.1) for _ in range(2)]
        for child in children:
            child.join()
    assert [child.exitcode for child in children] == [0, 0]
