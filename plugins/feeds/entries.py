"""feedgen's entries, each item's RSS element built once for every feed that lists it (pure module).

An article is an item of the site's feeds and of each of its entities' feeds: at 5 000 articles,
29 895 RSS items for 4 918 articles. feedgen builds an item's XML element again for each feed
(``FeedEntry.rss_entry``, called by ``FeedGenerator.rss_str``): 23 % of the time of writing the
3 878 feeds (py-spy, 2026-12-07). ``ReusedEntry`` builds it once and gives each feed a copy (lxml copies the element
whole, in C), so each feed is still made and written by feedgen, byte for byte as before
(``tests/feeds/test_entries.py``).

The Dublin Core extension (``dc:creator``) is registered by its classes (``register_extension``):
``load_extension("dc")`` first tries to import a module feedgen does not have
(``feedgen.ext.dc_entry``), a search of the import path for each feed and each entry.
"""

from __future__ import annotations

import copy

from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension, DcExtension
from feedgen.feed import FeedGenerator


class ReusedEntry(FeedEntry):
    """A ``FeedEntry`` whose RSS element is built at the first feed that lists it; every feed gets
    a copy (an element has one parent)."""

    def __init__(self) -> None:
        super().__init__()
        self._rss_elements: dict[bool, object] = {}

    def rss_entry(self, extensions=True):
        if extensions not in self._rss_elements:
            self._rss_elements[extensions] = super().rss_entry(extensions)
        return copy.deepcopy(self._rss_elements[extensions])


def with_dublin_core(target: FeedGenerator | FeedEntry, atom: bool = False, rss: bool = True) -> None:
    """``target.load_extension("dc", atom, rss)``, without its failed import."""
    if isinstance(target, FeedGenerator):
        target.register_extension("dc", DcExtension, DcEntryExtension, atom=atom, rss=rss)
    else:
        target.register_extension("dc", DcEntryExtension, atom=atom, rss=rss)
