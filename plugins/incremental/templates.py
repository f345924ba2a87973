"""Compiled templates kept between builds (plain module: Jinja, no Pelican).

Each Pelican generator makes its own Jinja environment and compiles every template it renders:
1.2 s of a +1 dispatch at 1 000 articles (16 templates), paid again by every build although the
theme rarely changes. Jinja's own bytecode cache keeps them compiled, checked against each
template's source (a template edited is compiled again). Its folder is named after what the compiled
code also depends on: Jinja's version, the environment's options (``JINJA_ENVIRONMENT``: trim_blocks
changes the code) and the filters and tests known at compile time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .upstream import DAMAGED

FOLDER = "templates"


class LenientBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache, which takes only some kinds of damage for a stale entry (a file cut inside its
    checksum raises a pickle error): any damaged file is a template compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except DAMAGED:
            bucket.reset()


def cache_folder(cache_path: str | Path, environment: jinja2.Environment, options: dict) -> Path:
    said = repr((jinja2.__version__, sorted((key, repr(value)) for key, value in options.items()),
                 sorted(environment.filters), sorted(environment.tests)))
    return Path(cache_path) / FOLDER / hashlib.sha256(said.encode()).hexdigest()[:16]


def keep_compiled_templates(generator) -> None:
    """On ``generator_init``: the generator's environment keeps its compiled templates in the cache."""
    folder = cache_folder(generator.settings["CACHE_PATH"], generator.env, generator.settings["JINJA_ENVIRONMENT"])
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = LenientBytecodeCache(str(folder))
