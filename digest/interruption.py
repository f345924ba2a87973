"""A Ctrl-C during a build (plain module, no Pelican).

The terminal sends SIGINT to every process of its group: the build's process and the children it
forked (ingest, the pools of digest/aside.py, spaCy's NER workers). The build's process alone tells the user, in one line and with exit status 130
(``tasks.guarded``), after removing the site it was rendering aside and stopping its children: a
traceback from each child, interleaved with the others' progress lines, was all a user saw.

SIGINT is blocked while a process forks: an interrupt raised inside an at-fork hook (logging's,
threading's, run by ``os.fork``) is printed and lost, and the build went on without it. A child
keeps it blocked: the workers of a pool or of spaCy never see it (their pool, interrupted in the
parent, stops them; they die with their parent in any case, ``PR_SET_PDEATHSIG``), and a child of
``aside.fork_child`` takes it once its own work starts (``take_interrupts``), unwinding without a
word (its atomic writes remove their temporaries). The parent takes one that came during the fork
when its own code runs again (``raise_if_interrupted``: after ``aside.fork_child``, with each result of
``aside.map_forked``'s pool and of spaCy's workers).
"""

from __future__ import annotations

import os
import signal

INTERRUPTED = 128 + signal.SIGINT
"""The exit status of a process a Ctrl-C ended, as a shell gives it (130)."""

_CTRL_C = {signal.SIGINT}
_came_during_fork = False


def _before_fork() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, _CTRL_C)


def _after_fork_in_parent() -> None:
    global _came_during_fork
    # Taken by sigtimedwait (a builtin), not delivered: its handler would raise in this hook.
    if signal.sigtimedwait(_CTRL_C, 0) is not None:
        _came_during_fork = True
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _CTRL_C)


os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent)


def take_interrupts() -> None:
    """In a child just forked: a Ctrl-C raises KeyboardInterrupt from here on."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _CTRL_C)


def raise_if_interrupted() -> None:
    """In the parent, once a fork is done: the Ctrl-C that came while it forked, if one did."""
    global _came_during_fork
    if _came_during_fork:
        _came_during_fork = False
        raise KeyboardInterrupt
