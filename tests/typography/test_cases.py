"""Table-driven cases (see cases.py for sources and notation)."""

import pytest

from tests.typography.cases import CASES
from french_typography import typeset


def _id(case):
    src, inp, _out = case
    return f"{src}:{inp[:40]}"


def test_enough_cases():
    assert len(CASES) >= 200
    assert all(src.split(":")[0] in {"rule", "jolitypo", "polytypo", "typographeur", "corpus", "regression"}
               for src, _i, _o in CASES)


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_case(case):
    _src, inp, expected = case
    assert typeset(inp) == expected


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_case_idempotent(case):
    _src, _inp, expected = case
    assert typeset(expected) == expected
