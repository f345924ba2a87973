"""Read the articles Pelican's content cache lacks with one forked process per core
(``pelican_glue``), and the articles already there while ingest writes new ones in a forked child
(``beside_ingest``), both when the articles generator is made; this module only registers them
(the second first: the articles ingest writes are then there for the first)."""


def register():
    from pelican import signals

    from .beside_ingest import read_beside_ingest
    from .pelican_glue import read_ahead

    signals.article_generator_init.connect(read_beside_ingest)
    signals.article_generator_init.connect(read_ahead)
