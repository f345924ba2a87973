"""The articles already there read while ingest writes the new ones in a forked child
(``digest.pipeline``, ``ARTICLES_BEING_WRITTEN``): a +1 dispatch loads spaCy for seconds, and
Pelican, started meanwhile, makes the Content object of every other article (the content cache's
check of its bytes, its URLs, its typesetting) on the other core.

On ``article_generator_init``, each article file is read as the articles generator would read it
(``Readers.read_file``, same arguments), then ingest is waited for; the generator's ``read_file``
then hands out the article read ahead for every file ingest did not write, and reads the others
itself. What reading a file ahead logged is logged when the generator takes it; a file whose
reading raises is left to the generator, which reports it as before. The one reliance on
Pelican here: ``generate_context`` reads each article through its generator's
``readers.read_file`` with these arguments (``tests/plugins/test_beside_ingest.py`` fails when
it stops doing so: every file would then be read twice).
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.contents import Article

from digest.settings import setting


def _reading(generator, name: str) -> dict:
    """``read_file``'s arguments as ``ArticlesGenerator.generate_context`` gives them."""
    return {
        "base_path": generator.path, "path": name, "content_class": Article, "context": generator.context,
        "preread_signal": signals.article_generator_preread, "preread_sender": generator,
        "context_signal": signals.article_generator_context, "context_sender": generator,
    }


class _Kept(logging.Handler):
    """The records logged while reading ahead, given to the build's handlers when the article is
    taken (Pelican's loggers drop a message they have logged once: read again, it would be lost)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        for handler in logging.getLogger().handlers:
            if record.levelno >= handler.level:
                handler.handle(record)


def _read_ahead(generator, name: str):
    """(the article of ``name``, what reading it logged, what the reader would put in the content
    cache), or None when it raises (Pelican reads the file again itself, and reports why). Nothing
    goes into the cache yet: ingest may be replacing the file while it is read, and the cache would
    keep the old text under the new file's stamp; it goes in once ingest said which files it wrote."""
    readers, root = generator.readers, logging.getLogger()
    made, cache_data = [], readers.cache_data
    kept, handlers = _Kept(), root.handlers[:]
    readers.cache_data, root.handlers = (lambda path, data: made.append((path, data))), [kept]
    try:
        article = readers.read_file(**_reading(generator, name))
    except Exception:
        return None
    finally:
        readers.cache_data, root.handlers = cache_data, handlers
    return article, kept.records, made


def read_beside_ingest(generator) -> None:
    wait = setting(generator.settings, "ARTICLES_BEING_WRITTEN")
    if wait is None:
        return
    settings = generator.settings
    ahead = {}
    for name in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]):
        read = _read_ahead(generator, name)
        if read is not None:
            ahead[os.path.abspath(os.path.join(generator.path, name))] = read
    for path in wait():
        ahead.pop(os.path.abspath(path), None)
    readers, read_file = generator.readers, generator.readers.read_file
    for _article, _logged, made in ahead.values():  # files ingest left alone: what was read is theirs
        for path, data in made:
            readers.cache_data(path, data)

    def read_or_take(base_path, path, content_class=Article, **rest):
        taken = ahead.pop(os.path.abspath(os.path.join(base_path, path)), None) if content_class is Article else None
        if taken is None:
            return read_file(base_path, path, content_class=content_class, **rest)
        article, logged, _made = taken
        _replay(logged)
        return article

    readers.read_file = read_or_take
