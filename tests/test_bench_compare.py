"""The before/after report of bench/compare.py: beside each run's CPU seconds, the kernel's part and
the CPU seconds the machine's other processes took meanwhile (a run's CPU seconds grow with them on a
shared machine, docs/performance.md 2026-12-07 21:00)."""

from __future__ import annotations

import os
import sys

import pytest

from bench import compare, run


def _run(cpu: float, system: float, others: float) -> dict:
    return {"build": 30.0, "live": 25.0, "search": 5.0, "cpu": cpu, "system_cpu": system, "others_cpu": others, "rss_mb": 500.0}


def _results() -> dict:
    before = {"cached": [_run(34.7, 3.1, 12.5)], "rebuild": [_run(1.0, 0.1, 0.2)], "plus_one": [_run(18.0, 1.0, 4.0)]}
    after = {"cached": [_run(50.9, 4.2, 31.0), _run(61.0, 9.6, 44.0)], "rebuild": [_run(1.0, 0.1, 0.2)],
             "plus_one": [_run(17.0, 1.0, 6.5)]}
    return {"date": "2026-12-07 21:00 UTC", "command": "bench/compare.py", "labels": ["before", "after"],
            "trees": {"before": "a", "after": "b"}, "load_median": 1.8, "load_max": 2.0, "repeat": 2,
            "sizes": [{"size": 5000, "before": before, "after": after}]}


def test_the_report_gives_the_kernels_part_and_what_other_processes_took():
    rows = [line.split(" | ") for line in compare.render(_results()).splitlines() if line.startswith("| 5")]
    full = next(index for index, row in enumerate(rows) if row[1] == "CPU s, full build")
    kernel, others = rows[full + 1], rows[full + 2]
    assert kernel[1:4] == ["&nbsp;&nbsp;of which the kernel's (system)", "3.10", "6.90 (4.20–9.60)"]
    assert others[1:4] == ["&nbsp;&nbsp;other processes' CPU s meanwhile", "12.50", "37.50 (31.00–44.00)"]
    assert "×" not in others[4]  # no ratio: the other processes are no tree's


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/stat")
def test_the_machines_busy_seconds_grow_while_a_process_works():
    before = run.machine_busy_seconds()
    spent = os.times()
    while os.times().user - spent.user < 0.2:
        pass
    assert run.machine_busy_seconds() - before >= 0.15
