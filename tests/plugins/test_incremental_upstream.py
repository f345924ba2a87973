"""plugins/incremental/upstream.py: the private part of Pelican's cache it relies on, checked
against the Pelican installed (these tests fail when Pelican changes what the wrapper assumes)."""

from __future__ import annotations

import copy
import inspect
import logging
import pickle

import pytest
from pelican import cache as pelican_cache
from pelican.settings import DEFAULT_CONFIG

from incremental import upstream


def settings(tmp_path):
    return {**copy.deepcopy(DEFAULT_CONFIG), "CACHE_PATH": str(tmp_path), "GZIP_CACHE": False}  # as the site


def test_upstream_contract_pelican_alone_fails_on_an_empty_cache_file(tmp_path):
    """The reason for the wrapper: if Pelican stops raising here, it handles damaged caches
    itself and upstream.py can go."""
    assert upstream.has_upstream_contract()
    (tmp_path / "ArticlesGenerator-Readers").write_bytes(b"")
    pelican_init = inspect.unwrap(pelican_cache.FileDataCacher.__init__)
    cacher = pelican_cache.FileDataCacher.__new__(pelican_cache.FileDataCacher)
    with pytest.raises(EOFError):
        pelican_init(cacher, settings(tmp_path), "ArticlesGenerator-Readers", True, True)


# Pelican reports a pickle error itself; these it does not: an empty file (a build killed while
# writing it), a pickle of another thing than a cache.
@pytest.mark.parametrize("damage", [b"", pickle.dumps(1), pickle.dumps(["a.md"])])
def test_a_damaged_cache_is_discarded_with_one_warning(tmp_path, caplog, damage):
    upstream.load_caches_leniently()
    (tmp_path / "ArticlesGenerator-Readers").write_bytes(damage)
    with caplog.at_level(logging.WARNING):
        cacher = pelican_cache.FileDataCacher(settings(tmp_path), "ArticlesGenerator-Readers", True, True)
    assert cacher.get_cached_data("a.md", None) is None
    assert [record.getMessage() for record in caplog.records if "endommagé" in record.getMessage()] == [
        f"{tmp_path / 'ArticlesGenerator-Readers'}: cache endommagé, ignoré (il est refait)"]


def test_another_pelicans_cache_is_left_alone(monkeypatch):
    def other_init(self, settings, cache_name):
        pass

    monkeypatch.setattr(pelican_cache.FileDataCacher, "__init__", other_init)
    upstream.load_caches_leniently()
    assert pelican_cache.FileDataCacher.__init__ is other_init
