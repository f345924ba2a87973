"""Reuse what the previous build wrote when what it shows has not changed.

* ``incremental.keys``         -- the key of each article page, entity page and feed, period page (plain);
* ``incremental.reuse``        -- the manifest of keys and the linking of unchanged files (plain);
* ``incremental.pelican_glue`` -- sources fingerprinted by the readers, keys computed on
  ``all_generators_finalized``, a writer that reuses and checks each path
  (``incremental.output_paths``), articles out of their place left out on
  ``article_generator_pretaxonomy``;
* ``incremental.upstream``     -- damaged Pelican caches discarded (the private API relied on);
* ``incremental.templates``    -- compiled templates kept in the cache, on ``generator_init``.

This module only registers the plugin.
"""


def register():
    from pelican import signals

    from . import pelican_glue, templates, upstream

    upstream.load_caches_leniently()
    signals.readers_init.connect(pelican_glue.on_readers_init)
    signals.article_generator_pretaxonomy.connect(pelican_glue.leave_out_misplaced_articles)
    signals.all_generators_finalized.connect(pelican_glue.on_all_generators_finalized)
    signals.get_writer.connect(pelican_glue.get_writer)
    signals.generator_init.connect(templates.keep_compiled_templates)
