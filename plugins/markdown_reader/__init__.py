"""Pelican's Markdown reader with one converter per build instead of one per file.

``markdown_reader.reader`` holds the reader; this module only registers it, on ``initialized``,
for the Markdown extensions a site has not given another reader (``READERS``).
"""


def register():
    from pelican import signals

    from .reader import read_markdown_with_one_converter

    signals.initialized.connect(read_markdown_with_one_converter)
