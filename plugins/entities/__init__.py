"""Entity detection for the news digest (people, organisations, places).

Pure detection modules live here:

* ``entities.model``     -- the ``Entity`` dataclass and the front-matter format;
* ``entities.editorial`` -- loading/validating ``content/entities.toml``;
* ``entities.resolve``   -- turning raw spans into per-article entities (titles, aliases,
  stop list, surname resolution, acronym expansion, type voting);
* ``entities.slugs``     -- ASCII slugs, unique per site;
* ``entities.finder``    -- ``EntityFinder``: cached spaCy NER + editorial resolution.

Pelican glue (entity pages): ``entities.pages`` (the catalog, pure) and
``entities.generator`` (the Generator); ``register()`` below only wires them.

Nothing here imports spaCy or Pelican at import time.
"""


def register():
    """Pelican entry point: the entity pages' generator (see entities/README.md)."""
    from pelican import signals

    from .generator import add_filters, get_generators

    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)
