"""RSS 2.0 and Atom feeds for Le Fil, written with feedgen (Pelican's own feed writer is off).

* ``feeds.feed``         -- the plain module: ``Item``/``Channel`` -> RSS/Atom bytes (no Pelican);
* ``feeds.pelican_glue`` -- articles -> items, files written on ``finalized``.

This module only registers the plugin.
"""


def register():
    from pelican import signals

    from . import pelican_glue

    signals.article_generator_finalized.connect(pelican_glue.on_article_generator_finalized)
    signals.finalized.connect(pelican_glue.on_finalized)
