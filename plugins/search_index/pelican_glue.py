"""Pelican glue: the search index made while Pelican writes the site.

Pagefind takes seconds per thousand articles and, before, ran after the whole site was written.
Once every context is final (``all_generators_finalized``), the pages it indexes and what they show
are known: the articles and the entities' first pages. A forked child (plugins/aside.py) renders
the part of each that search reads, the template's ``searched`` block (the inside of the page's
``data-pagefind-body`` element), and runs Pagefind on those (``pagefind.index_pages``) while the
parent writes the site; the build waits for it on ``finalized``.

Where that does not apply, the build's step after the render has Pagefind read the written site
(``pagefind.ensure_bundle``): no fork (plugins/aside.py), relative URLs (each page would show its
own), a template without the block, or no indexed page yet. It cannot be a receiver of ``finalized``:
the entity pages' child is waited for there, after the receivers connected before it. A failure aside
is logged as an error: the build fails and publishes nothing.
"""

from __future__ import annotations

import logging
import os

from pelican.generators import ArticlesGenerator
from pelican.plugins import signals

import aside

from . import pagefind

logger = logging.getLogger(__name__)

BLOCK = "searched"


def searched_pages(generators) -> list[tuple[str, object, dict]] | None:
    """``(save_as, template, variables)`` of each page search indexes, rendered by the writer with
    these variables; None when one of them cannot be rendered alone."""
    articles_generator = next((generator for generator in generators if isinstance(generator, ArticlesGenerator)), None)
    if articles_generator is None or articles_generator.settings.get("RELATIVE_URLS"):
        return None
    context = articles_generator.context
    shown = []
    # The articles as ArticlesGenerator.generate_articles writes them, with the same variables.
    for article in (*articles_generator.translations, *articles_generator.articles, *articles_generator.hidden_translations, *articles_generator.hidden_articles):
        if pagefind.is_indexed(article.save_as):
            variables = {"article": article, "category": getattr(article, "category", None), "url": article.url, "blog": True}
            shown.append((article.save_as, articles_generator.get_template(article.template), variables))
    catalog = context.get("entities")
    if catalog is not None:  # plugins/entities: the first page of each entity
        template = articles_generator.get_template("entity")
        for page in catalog.all():
            if pagefind.is_indexed(page.save_as):
                shown.append((page.save_as, template, {"entity": page, "articles": page.articles, "url": page.url}))
    if not shown or any(BLOCK not in template.blocks for _, template, _ in shown):
        return None
    return shown


def render_searched(shown: list[tuple[str, object, dict]], context: dict):
    for save_as, template, variables in shown:
        local = {**context, "output_file": save_as, **variables}
        yield save_as, "".join(template.blocks[BLOCK](template.new_context(local)))


def _index_aside(shown, context: dict, output_path: str) -> None:
    try:
        pagefind.index_pages(render_searched(shown, context), os.path.join(output_path, pagefind.BUNDLE))
    except pagefind.SearchIndexError as error:
        logger.error("%s", error)


def on_all_generators_finalized(generators) -> None:
    settings, context = generators[0].settings, generators[0].context
    shown = searched_pages(generators) if aside.enabled(settings) else None
    if shown is not None:
        output_path = generators[0].output_path
        aside.start_until(signals.finalized, lambda: _index_aside(shown, context, output_path), "index de recherche")
