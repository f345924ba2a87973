"""A Ctrl-C during a build (plain module, no Pelican).

The terminal sends SIGINT to every process of its group: the build's process and the children it
forked (ingest, the entity pages' and feeds' writers, the pools of digest/aside.py, spaCy's NER
workers). The build's process alone tells the user, in one line and with exit status 130
(``tasks.guarded``), after removing the site it was rendering aside and stopping its children: a
traceback from each child, interleaved with the others' progress lines, was all a user saw.

SIGINT is blocked while a process forks, so that a child starts with it blocked: the workers of a
pool or of spaCy never see it (their pool, interrupted in the parent, stops them; they die with
their parent in any case, ``PR_SET_PDEATHSIG``), and a child of ``aside.fork_child`` takes it once
its own work starts (``take_interrupts``), unwinding without a word (its atomic writes remove their
temporaries). In the parent, a KeyboardInterrupt raised inside an at-fork hook (ours, or one run
between our before and after hooks: logging's, threading's, those registered before ours) was
printed as ignored and lost, and the build went on without it; blocking SIGINT does not prevent that
(``_keep_a_lost_ctrl_c`` says why), so such an interrupt is kept instead, without a word, and the
parent raises it when its own code runs again (``raise_if_interrupted``: after ``aside.fork_child``,
with each result of ``aside.map_forked``'s pool and of spaCy's workers).
"""

from __future__ import annotations

import os
import signal
import sys

INTERRUPTED = 128 + signal.SIGINT
"""The exit status of a process a Ctrl-C ended, as a shell gives it (130)."""

_CTRL_C = {signal.SIGINT}
_ctrl_c_kept = False
_forking = False


def _before_fork() -> None:
    global _forking
    _forking = True
    signal.pthread_sigmask(signal.SIG_BLOCK, _CTRL_C)


def _after_fork_in_parent() -> None:
    global _forking
    # One that came while blocked is delivered here, and its KeyboardInterrupt goes where any
    # other raised in a hook goes: to _keep_a_lost_ctrl_c.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _CTRL_C)
    _forking = False


os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent)
_report_unraisable = sys.unraisablehook


def _keep_a_lost_ctrl_c(unraisable) -> None:
    # Blocking SIGINT cannot keep its handler out of every hook: the handler runs in whatever Python
    # code the main thread runs next, and that can be a hook before ours blocks SIGINT (or at its
    # first line), one after ours unblocks it, another library's hook, or any hook at all when
    # another thread took the signal while this one had it blocked. os.fork reports what a hook
    # raised to sys.unraisablehook and goes on: the one place each of those Ctrl-C passes. Only
    # those of a fork are kept, for the code that forked to raise (raise_if_interrupted): one
    # dropped elsewhere (a finaliser's) is reported as Python reports it, never swallowed, and
    # none stays pending for a later, unrelated fork.
    global _ctrl_c_kept
    if issubclass(unraisable.exc_type, KeyboardInterrupt) and (_forking or unraisable.object in _OUR_HOOKS):
        _ctrl_c_kept = True
    else:
        _report_unraisable(unraisable)


_OUR_HOOKS = (_before_fork, _after_fork_in_parent)  # raised at their first line or on their return
sys.unraisablehook = _keep_a_lost_ctrl_c


def take_interrupts() -> None:
    """In a child just forked: a Ctrl-C raises KeyboardInterrupt from here on."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _CTRL_C)


def raise_if_interrupted() -> None:
    """In the parent, once a fork is done: the Ctrl-C that came while it forked, if one did."""
    global _ctrl_c_kept
    if _ctrl_c_kept:
        _ctrl_c_kept = False
        raise KeyboardInterrupt
