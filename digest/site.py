"""Build the site aside and put it in place only when the build is complete.

The previous ``output/`` stays untouched until the new site is whole: a build that fails, crashes
or is interrupted leaves the last good site where it was.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


class BuildError(RuntimeError):
    """Pelican reported errors: the site is incomplete and is not published to output/."""


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def staging_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def render(settings_file: Path, destination: Path, overrides: dict | None = None) -> None:
    """Run Pelican into ``destination``; any error it logs fails the build (Pelican itself only logs)."""
    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(destination), **(overrides or {})})
    counter = _ErrorCounter()
    root = logging.getLogger()
    root.addHandler(counter)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(counter)
    if counter.messages:
        raise BuildError("Pelican a signalé des erreurs :\n" + "\n".join(counter.messages))


def swap_in(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames: never a half-written output/."""
    previous = output.with_name(f".{output.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        os.replace(output, previous)
    os.replace(staging, output)
    shutil.rmtree(previous, ignore_errors=True)


def build(settings_file: Path, output: Path, steps_after_render: tuple[Callable[[Path], None], ...] = (), overrides=None) -> None:
    staging = staging_path(output)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        render(settings_file, staging, overrides)
        for step in steps_after_render:
            step(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, output)
