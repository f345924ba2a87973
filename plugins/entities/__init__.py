"""Entity pages and feeds (Pelican glue).

Which people, organisations and places a dispatch is about is decided at ingest, on the newsroom
side (``digest.entities``: the model, the editorial file, resolution, the site-wide merge and the
slug file). This plugin turns that into pages: ``pages`` (the catalog, pure), ``meanings`` (each
article's entities as the site names them), ``former_addresses`` (where a former address leads),
``related`` (an article's related articles, an entity's companions), ``context`` (an article's
text, the sentence naming an entity, its role), ``review`` (``invoke entities-review``) and
``generator`` (the Generator); ``register()`` below only wires them.

Nothing here imports spaCy or Pelican at import time.
"""

def register():
    """Pelican entry point: the entity pages' generator (see entities/README.md)."""
    from pelican import signals

    from .context import forget
    from .generator import add_filters, get_generators, read_inputs_early

    signals.initialized.connect(forget)
    signals.initialized.connect(add_filters)
    signals.initialized.connect(read_inputs_early)
    signals.get_generators.connect(get_generators)
