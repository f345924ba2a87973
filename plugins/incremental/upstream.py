"""The one private part of Pelican this plugin relies on: how ``pelican.cache.FileDataCacher``
loads a cache file (its ``__init__`` arguments, and the ``_cache`` and ``_cache_path`` it sets).

Pelican's content caches are advisory, but Pelican only expects an unreadable file or a pickle
error: an empty or truncated file (a build killed while writing it, a full disk) raises
EOFError, or another error, out of the build. Wrapped here, a damaged, truncated or foreign cache
file is discarded with one warning and made again. It pays in robustness, not speed: without it
such a build stops with a traceback (tests/robustness/test_site_faults.py). When ``__init__``
takes other arguments (another Pelican), Pelican's own loading is left in place; the contract is
checked by ``tests/plugins/test_incremental_upstream.py``, which fails when Pelican changes it.
"""

from __future__ import annotations

import functools
import inspect
import logging
import pickle

logger = logging.getLogger(__name__)

# What FileDataCacher.__init__ takes, in Pelican 4.9 to 4.12.
EXPECTED_PARAMETERS = ["self", "settings", "cache_name", "caching_policy", "load_policy"]
DAMAGED = (EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, pickle.UnpicklingError, MemoryError)


def has_upstream_contract() -> bool:
    from pelican.cache import FileDataCacher

    return list(inspect.signature(FileDataCacher.__init__).parameters) == EXPECTED_PARAMETERS


def load_caches_leniently() -> None:
    """Pelican's content caches load a damaged file as an empty cache, with a warning (once per
    process: the wrapper marks itself)."""
    from pelican import cache as pelican_cache

    load = pelican_cache.FileDataCacher.__init__
    if getattr(load, "lenient", False) or not has_upstream_contract():
        return

    @functools.wraps(load)
    def lenient_init(self, settings, cache_name, caching_policy, load_policy):
        try:
            load(self, settings, cache_name, caching_policy, load_policy)
            damaged = not isinstance(self._cache, dict)
        except DAMAGED:
            damaged = True
        if damaged:
            logger.warning("%s: cache endommagé, ignoré (il est refait)", self._cache_path)
            self._cache = {}

    lenient_init.lenient = True
    pelican_cache.FileDataCacher.__init__ = lenient_init
