"""Entity detection for the news digest (people, organisations, places).

Pure detection modules live here:

* ``entities.model``     -- the ``Entity`` dataclass and the front-matter format;
* ``entities.editorial`` -- loading/validating ``content/entities.toml``;
* ``entities.resolve``   -- turning raw spans into per-article entities (titles, aliases,
  stop list, surname resolution, acronym expansion, type voting);
* ``entities.slugs``     -- ASCII slugs, unique per site;
* ``entities.finder``    -- ``EntityFinder``: cached spaCy NER + editorial resolution.

Nothing here imports spaCy or Pelican at import time.
"""
