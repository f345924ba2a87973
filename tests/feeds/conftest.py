"""Fixtures of the feeds tests: the small site (see ``feeds_support``) built twice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.feeds.feeds_support import build_small, make_content


@pytest.fixture(scope="session")
def small_sites(tmp_path_factory):
    """The same small site built twice in two folders: (first output, second output)."""
    outputs = []
    for name in ("a", "b"):
        workdir = tmp_path_factory.mktemp(f"feeds-{name}")
        make_content(workdir)
        outputs.append(build_small(workdir))
    return tuple(outputs)


@pytest.fixture(scope="session")
def small_site(small_sites) -> Path:
    return small_sites[0]


