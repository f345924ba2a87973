"""Day, month and year archive pages, grouped in linear time (Pelican's grouping is quadratic).

* ``period_archives.periods``   -- the groups (plain module);
* ``period_archives.generator`` -- the Generator that writes them.

This module only registers the plugin.
"""


def register():
    from pelican import signals

    from .generator import get_generators

    signals.get_generators.connect(get_generators)
