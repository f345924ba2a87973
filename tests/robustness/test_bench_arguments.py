"""`invoke bench --sizes` as a developer types it: sizes separated by spaces or commas, and a clear
usage error (exit 2, no traceback) for anything else."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from bench.run import parse_args


@given(st.lists(st.integers(1, 50_000), min_size=1, max_size=4), st.sampled_from([" ", ",", ", "]))
def test_sizes_in_one_argument_or_several_give_the_same_sorted_sizes(sizes, separator):
    assert parse_args(["--sizes", separator.join(map(str, sizes))]).sizes == sorted(set(sizes))
    assert parse_args(["--sizes", *map(str, sizes)]).sizes == sorted(set(sizes))


@pytest.mark.parametrize("sizes", ["mille", "1000 5k", "-5", "0"])
def test_sizes_that_are_not_counts_are_a_usage_error(sizes, capsys):
    with pytest.raises(SystemExit) as stop:
        parse_args(["--sizes", sizes])
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "--sizes" in error and "Traceback" not in error
