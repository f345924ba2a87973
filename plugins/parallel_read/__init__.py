"""Read the articles Pelican's content cache lacks with one forked process per core.

``parallel_read.pelican_glue`` does it when the articles generator is made; this module only
registers it.
"""


def register():
    from pelican import signals

    from .pelican_glue import read_ahead

    signals.article_generator_init.connect(read_ahead)
