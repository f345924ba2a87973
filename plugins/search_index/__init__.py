"""The search index (Pagefind), made while Pelican writes the site.

* ``search_index.pagefind``     -- which pages are indexed, and Pagefind run on a site or on pages (plain);
* ``search_index.pelican_glue`` -- the pages rendered and indexed aside once the contexts are final
  (``pagefind.ensure_bundle``, the build's step after the render, indexes the site otherwise).

This module only registers the plugin.
"""


def register():
    from pelican import signals

    from . import pelican_glue

    signals.all_generators_finalized.connect(pelican_glue.on_all_generators_finalized)
