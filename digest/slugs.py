"""ASCII, readable, unique slugs: a slug is a URL segment and a folder name, never a path."""

from __future__ import annotations

from collections.abc import Container

from slugify import slugify

MAX_LENGTH = 80


def make_slug(title: str, taken: Container[str], fallback: str) -> str:
    """``title`` slugified; ``-2``, ``-3``... appended when another article already has it."""
    base = slugify(title, max_length=MAX_LENGTH, word_boundary=True, save_order=True) or slugify(fallback) or "depeche"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
