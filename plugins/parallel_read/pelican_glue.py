"""Pelican reads its articles one after the other, and reading (Markdown, typography) is most of a
build that starts without a content cache: 20 000 articles take half a minute on one core. When the
articles generator is made, the files the cache lacks are read by one forked process per core
(``aside.map_forked``) and their (content, metadata) put into the cache, which is exactly what
Pelican's ``Readers.read_file`` would put there; its own loop then finds every file cached.

A file whose reading raises or logs anything is left out: Pelican reads it again itself, so that
its errors and warnings are reported by the build as before.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures.process import BrokenProcessPool

from pelican.utils import file_suffix

from digest import aside

logger = logging.getLogger(__name__)

# Below this many files to read, starting the workers costs more than they save.
READ_AHEAD_MIN = 200


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG + 1)  # Pelican's debug chatter does not count
        self.records = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1


def _no_content(**fields) -> None:
    """The content class given to ``read_file``: a worker only wants what Pelican caches."""


def _read_quietly(readers, path: str):
    """What Pelican's ``Readers.read_file`` caches for ``path`` (what its reader gives, as Pelican
    filters it), or None when reading it raises or logs."""
    root = logging.getLogger()
    logged, handlers = _Logged(), root.handlers[:]
    cached, cache_data = [], readers.cache_data
    root.handlers = [logged]  # a worker's own copy of the logging setup
    readers.cache_data = lambda filename, data: cached.append(data)
    try:
        readers.read_file(os.path.dirname(path), path, content_class=_no_content)
    except Exception:
        return None
    finally:
        root.handlers = handlers
        readers.cache_data = cache_data
    return None if logged.records or not cached else cached[0]


def read_ahead(generator) -> None:
    settings = generator.settings
    cached_by_reader = settings.get("CACHE_CONTENT") and settings.get("CONTENT_CACHING_LAYER") == "reader"
    if not (cached_by_reader and aside.enabled(settings) and aside.can_fork()):
        return
    readers = generator.readers
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    paths = (os.path.abspath(os.path.join(generator.path, name)) for name in files)  # read_file's keys
    todo = [path for path in paths if file_suffix(path) in readers.readers and readers.get_cached_data(path) is None]
    if len(todo) < READ_AHEAD_MIN:
        return
    try:
        read = aside.map_forked(lambda index: _read_quietly(readers, todo[index]), len(todo))
    except BrokenProcessPool:  # a worker died (memory?): Pelican reads every file itself
        logger.warning("lecture parallèle interrompue (un processus est mort) : Pelican lit les articles lui-même")
        return
    for path, found in zip(todo, read):
        if found is not None:
            readers.cache_data(path, found)
