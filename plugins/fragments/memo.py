"""Render a macro once per object and page context, reuse the HTML everywhere else.

A teaser of an article appears on the home page, on its day and on the page of every entity
it cites: rendering it once per build instead of once per listing is most of the cost of the
entity pages. No Pelican import: the memo is a plain callable for Jinja's globals.
"""

from __future__ import annotations

import datetime as dt

from jinja2 import pass_context

# Immutable values, reused by value: each article page asks for the breadcrumbs of its own day,
# as a new date object each time.
_VALUES = (dt.date, str, int)


class FragmentMemo:
    """``memo(macro, obj, **options)`` in a template: ``macro(obj, **options)``, rendered the
    first time and reused afterwards for the same macro, object, options and ``SITEURL``.

    An object is the same by identity (an article, an entity), or by value for a date, a string or
    a number. The memo keeps a reference to each object so that its ``id`` cannot be reused by
    another object while the memo lives; make one memo per build."""

    def __init__(self) -> None:
        self._fragments: dict[tuple, tuple[object, str]] = {}

    @pass_context
    def __call__(self, context, macro, obj, **options):
        # SITEURL is in the key: with RELATIVE_URLS each page has its own.
        same = (type(obj), obj) if isinstance(obj, _VALUES) else id(obj)
        key = (macro.name, same, tuple(sorted(options.items())), context.get("SITEURL"))
        found = self._fragments.get(key)
        if found is None:
            found = self._fragments[key] = (obj, macro(obj, **options))
        return found[1]

    def __len__(self) -> int:
        return len(self._fragments)
