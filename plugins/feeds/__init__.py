"""RSS 2.0 and Atom feeds for Le Fil, written with feedgen (Pelican's own feed writer is off).

* ``feeds.feed``         -- the plain module: ``Item``/``Channel`` -> RSS/Atom bytes (no Pelican);
* ``feeds.items``        -- one article -> one ``Item`` (no Pelican);
* ``feeds.pelican_glue`` -- the site's feeds from the items, files written by ``FeedsGenerator``.

This module only registers the plugin.
"""


def register():
    from pelican import signals

    from . import pelican_glue

    signals.get_generators.connect(pelican_glue.get_generators)
