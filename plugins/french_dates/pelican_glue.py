"""Each article's ``date`` settled as it is made (``content_object_init``, before any generator
sorts, groups or writes it): a date-only front matter gets ``DATE_ONLY_TIME``; ``has_time`` tells
templates whether to show a time."""

from __future__ import annotations

import datetime as dt
import functools
import logging

from digest.settings import DEFAULTS, setting

from .publication import parse_clock, publication_moment

logger = logging.getLogger(__name__)

DEFAULT_DATE_ONLY_TIME = DEFAULTS["DATE_ONLY_TIME"]


@functools.lru_cache(maxsize=8)
def _clock(text: str) -> dt.time:
    # Once per value, not once per article: a wrong setting is one line (and a failed build, since
    # the build fails on any error logged), the articles still get the default.
    try:
        return parse_clock(text)
    except ValueError as error:
        logger.error("%s (pelicanconf.py) : %s est utilisé", error, DEFAULT_DATE_ONLY_TIME)
        return parse_clock(DEFAULT_DATE_ONLY_TIME)


def settle_publication(content) -> None:
    metadata = getattr(content, "metadata", None) or {}
    clock = _clock(str(setting(content.settings, "DATE_ONLY_TIME") or DEFAULT_DATE_ONLY_TIME))
    declared = metadata.get("date")
    if isinstance(declared, dt.datetime) and hasattr(content, "date"):
        content.date, content.has_time = publication_moment(declared, content.date, clock)
    declared = metadata.get("modified")  # a date-only correction follows the same convention
    if isinstance(declared, dt.datetime) and getattr(content, "modified", None):
        content.modified = publication_moment(declared, content.modified, clock)[0]
