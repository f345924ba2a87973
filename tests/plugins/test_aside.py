"""digest/aside.py: a piece of the build run by a forked child, whose failure fails the build."""

from __future__ import annotations

import logging
import os
import threading
import time

import pytest

from digest import aside


def test_the_child_does_the_work_and_succeeds(forking, tmp_path):
    target = tmp_path / "page.html"
    child = aside.start(lambda: target.write_text("écrit par l'enfant", encoding="utf-8"), "pages")
    assert child is not None and child.wait()
    assert target.read_text(encoding="utf-8") == "écrit par l'enfant"


@pytest.mark.parametrize(
    "work",
    [lambda: logging.getLogger("entities").error("modèle introuvable"), lambda: 1 / 0],
    ids=["logged-error", "exception"],
)
def test_an_error_in_the_child_fails_the_wait_with_a_message(forking, caplog, work):
    child = aside.start(work, "pages des entités")
    with caplog.at_level(logging.ERROR):
        assert not child.wait()
    assert "pages des entités" in caplog.text and str(child.pid) in caplog.text


def test_a_child_left_running_is_stopped_and_waiting_for_it_is_then_harmless(forking, caplog):
    child = aside.start(lambda: threading.Event().wait(), "pages")
    aside.stop_all()
    with pytest.raises(ProcessLookupError):  # killed and reaped: not even a zombie left
        os.kill(child.pid, 0)
    with caplog.at_level(logging.ERROR):
        assert child.wait() is False  # a later build's `finalized` may still call it
    assert not caplog.text


def test_no_fork_while_other_threads_run():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not aside.can_fork()
        assert aside.start(lambda: None, "pages") is None
    finally:
        stop.set()
        thread.join()


def test_start_until_waits_for_the_child_when_the_signal_is_sent_once(forking, tmp_path, caplog):
    from blinker import Signal

    done = Signal()
    target = tmp_path / "flux.xml"
    assert aside.start_until(done, lambda: target.write_text("<rss/>"), "flux")
    done.send(None)
    assert target.read_text() == "<rss/>"  # written and reaped when `done` returns
    assert not done.receivers  # a later build's signal does not wait for it again


def test_start_until_reports_a_failed_child_when_the_signal_is_sent(forking, caplog):
    from blinker import Signal

    done = Signal()
    assert aside.start_until(done, lambda: 1 / 0, "flux")
    with caplog.at_level(logging.ERROR):
        done.send(None)
    assert "flux" in caplog.text


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


def test_upstream_contract_pelican_calls_the_hook_once_every_context_is_final_and_before_writing(tmp_path):
    """What ``aside.WritesAside`` relies on: Pelican calls ``refresh_metadata_intersite_links``
    on a plugin's generator after ``all_generators_finalized`` and before it makes the writer and
    writes the articles. If this fails, Pelican changed its order: move the fork."""
    from pelican import Pelican, signals
    from pelican.generators import Generator
    from pelican.settings import read_settings

    calls: list[str] = []

    class Probe(Generator):
        def generate_context(self):
            calls.append("context")

        def refresh_metadata_intersite_links(self):
            calls.append("hook")

        def generate_output(self, writer):
            calls.append("output")

    receivers = {
        signals.get_generators: lambda sender: Probe,
        signals.all_generators_finalized: lambda generators: calls.append("contexts final"),
        signals.get_writer: lambda sender: calls.append("writer"),  # gives no class: Pelican's own writer
        signals.article_writer_finalized: lambda generator, writer: calls.append("articles written"),
    }
    for signal, receiver in receivers.items():
        signal.connect(receiver)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("Title: A\nDate: 2025-01-01\n\nTexte.\n", encoding="utf-8")
    try:
        Pelican(read_settings(None, override={"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"),
                                             "CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [],
                                             "SITE_ORIGIN": "http://127.0.0.1:8000"})).run()  # receivers other tests left connected
    finally:
        for signal, receiver in receivers.items():
            signal.disconnect(receiver)
    assert calls == ["context", "contexts final", "hook", "writer", "articles written", "output"]
    assert (tmp_path / "out" / "a.html").exists()


def test_a_generator_writes_aside_from_the_hook_or_else_in_place(forking, tmp_path):

    class Feeds(aside.WritesAside):
        settings = {}
        aside_label = "flux"

        def write_aside(self):
            (tmp_path / "rss.xml").write_text(str(os.getpid()), encoding="utf-8")

    generator = Feeds()
    assert not generator.written_aside  # Pelican never called the hook: generate_output writes
    generator.refresh_metadata_intersite_links()
    assert generator.written_aside
    from pelican import signals

    signals.finalized.send(None)  # the child is waited for
    assert int((tmp_path / "rss.xml").read_text(encoding="utf-8")) != os.getpid()


def test_turns_give_every_index_once_in_one_process():
    for count in (0, 1, 7, 100_003):  # more batches than a pipe holds records: larger batches
        assert list(aside.Turns(count)) == list(range(count))


def test_the_build_takes_its_share_of_the_child_work_once_its_own_is_done(forking, tmp_path):
    """The entity pages' child and the build's process share the pages (``shares``, ``turns``):
    each page written once, by whichever process took it, and both took some."""
    pieces = 40

    class Pages(aside.WritesAside):
        settings = {}
        aside_label = "pages"

        def shares(self):
            return pieces

        def write_aside(self):
            self.write_share()

        def write_share(self):
            for index in self.turns:
                with open(tmp_path / f"page-{index}", "x", encoding="utf-8") as page:  # "x": never twice
                    page.write(str(os.getpid()))
                time.sleep(0.02)

    generator = Pages()
    generator.refresh_metadata_intersite_links()
    assert generator.written_aside and generator.turns is not None
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("page-*")) and time.monotonic() < deadline:
        time.sleep(0.005)  # the child has taken its first pages
    generator.write_share()  # the build's own work done, as in EntitiesGenerator.generate_output
    from pelican import signals

    signals.finalized.send(None)
    writers = [(tmp_path / f"page-{index}").read_text(encoding="utf-8") for index in range(pieces)]
    assert str(os.getpid()) in writers and set(writers) - {str(os.getpid())}
