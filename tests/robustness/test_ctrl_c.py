"""A Ctrl-C during `invoke build`: one line, exit status 130, no traceback from the build or any of
its children, output/ the previous site whole, and the next build completes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.robustness.test_build import CORPUS, children, invoke, make_project, own_code, tree_digest

# As a terminal runs a command: SIGINT handled by default (a test runner's worker may ignore it,
# and a child inherits that), in a process group of its own, which Ctrl-C signals whole.
WITH_CTRL_C = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"


def test_a_ctrl_c_while_the_children_write_stops_the_build_with_one_line(tmp_path, model_caches):
    dispatches = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("winer-*.txt"))[:60]}
    project = make_project(tmp_path, dispatches, model_caches)
    assert invoke(project, "build").returncode == 0
    previous = tree_digest(project / "output")
    # Built again whole (no stamp, no reuse): the writers' children run a while.
    shutil.rmtree(project / ".cache" / "pelican")
    (project / ".cache" / "site-stamp.json").unlink()
    command = [sys.executable, "-c", WITH_CTRL_C, str(Path(sys.executable).with_name("invoke")), "build"]
    build = subprocess.Popen(command, cwd=project, env=own_code(project), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while len(children(build.pid)) < 2:  # the entity pages' and the feeds' writers, forked
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        time.sleep(0.005)
    os.killpg(build.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    out, err = build.communicate(timeout=120)
    assert build.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.splitlines()[-1] == "interrompu : output/ reste le dernier site construit en entier"
    assert tree_digest(project / "output") == previous
    assert not (project / ".output.staging").exists()
    again = invoke(project, "build")
    assert again.returncode == 0, again.stderr
    assert tree_digest(project / "output") == previous


def test_a_ctrl_c_while_a_pool_forks_stops_the_pool_not_a_later_fork():
    """A Ctrl-C that came while ``map_forked``'s pool forked its workers was taken by the at-fork hook and
    raised only at the next ``fork_child``, long after: the build went on meanwhile."""
    script = textwrap.dedent("""
        import os, signal
        fired = []
        def ctrl_c_during_fork():  # runs while digest.interruption keeps SIGINT blocked
            if not fired:
                fired.append(1)
                os.kill(os.getpid(), signal.SIGINT)
        os.register_at_fork(after_in_parent=ctrl_c_during_fork)
        from digest import aside
        try:
            aside.map_forked(abs, 3)
            print("went on")
        except KeyboardInterrupt:
            print("stopped")
        try:
            aside.fork_child(lambda: 0)
            print("next fork clean")
        except KeyboardInterrupt:
            print("stale interrupt")
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split() == ["stopped", "next", "fork", "clean"], run.stdout + run.stderr


def test_a_ctrl_c_at_any_moment_of_a_fork_stops_the_code_that_forked():
    """SIGINT sent at each call and return the main thread makes from ``os.fork`` to its return (the
    at-fork hooks, ours and logging's, and what they call): each must stop the code that forked,
    either raised by ``os.fork`` itself or by ``raise_if_interrupted`` just after, without a word on
    stderr. One sent just after the hook had looked for it, or just after SIGINT was unblocked, was
    raised inside the hook: printed by os.fork as ignored and lost."""
    script = textwrap.dedent("""
        import os, signal, sys
        from digest import interruption

        def fork_with_ctrl_c_at(moment):
            events = 0
            def ctrl_c_at_the_moment(frame, event, arg):
                nonlocal events
                events += 1
                if events == moment:
                    sys.setprofile(None)
                    os.kill(os.getpid(), signal.SIGINT)
            try:
                sys.setprofile(ctrl_c_at_the_moment)
                try:
                    if os.fork() == 0:
                        os._exit(0)
                finally:
                    sys.setprofile(None)
                interruption.raise_if_interrupted()
                outcome = "went on"
            except KeyboardInterrupt:
                outcome = "stopped"
            try:
                os.wait()
            except ChildProcessError:  # the Ctrl-C came before the fork
                pass
            return outcome, events

        _, moments = fork_with_ctrl_c_at(0)
        for moment in range(1, moments + 1):
            print(moment, fork_with_ctrl_c_at(moment)[0])
        print("then", fork_with_ctrl_c_at(0)[0])
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    *outcomes, then = run.stdout.splitlines()
    assert len(outcomes) > 10, run.stdout  # the hooks' calls were seen
    assert [line for line in outcomes if not line.endswith(" stopped")] == [], run.stdout + run.stderr
    assert then == "then went on"  # no stale interrupt left for the next fork
    assert run.stderr == ""


def test_a_ctrl_c_dropped_outside_a_fork_is_reported_and_not_kept_for_a_later_fork():
    """A KeyboardInterrupt Python could not raise elsewhere (in a finaliser, which the garbage collector
    runs anywhere) is not one of a fork: reported as Python reports it, never swallowed without a word,
    and not raised later by an unrelated fork's ``raise_if_interrupted`` as if just pressed."""
    script = textwrap.dedent("""
        import os, signal
        from digest import interruption

        class Finalised:
            def __del__(self):
                os.kill(os.getpid(), signal.SIGINT)
                sum(range(1000))

        Finalised()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        interruption.raise_if_interrupted()
        print("clean fork")
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.stdout == "clean fork\n", run.stdout + run.stderr
    assert "KeyboardInterrupt" in run.stderr
