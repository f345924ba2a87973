"""French typography for Pelican (Imprimerie nationale rules).

``from french_typography import typeset`` gives the pure HTML → HTML
function; ``register()`` wires the Pelican signals (see ``pelican_glue``).
"""

from .typeset import NBSP, NNBSP, typeset

__all__ = ["typeset", "typeset_file", "register", "NBSP", "NNBSP"]


def typeset_file(path):
    """Typeset a file and return HTML (used by ``invoke typeset FILE``)."""
    from .pelican_glue import typeset_file as _typeset_file

    return _typeset_file(path)


def register():
    """Pelican entry point: connect the signal handlers."""
    from pelican import signals

    from . import pelican_glue

    signals.initialized.connect(pelican_glue.on_initialized)
    signals.readers_init.connect(pelican_glue.on_readers_init)
    signals.content_object_init.connect(pelican_glue.on_content_object_init)
    signals.article_generator_finalized.connect(pelican_glue.on_generator_finalized)
    signals.page_generator_finalized.connect(pelican_glue.on_generator_finalized)
    signals.feed_generated.connect(pelican_glue.on_feed_generated)
