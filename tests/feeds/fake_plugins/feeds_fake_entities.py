"""Stand-in for the entities plugin in the feeds tests: sets ``article.entities`` (the contract:
name, kind, slug, url, feed_url, forms) from the front matter, without the theme's templates."""

from types import SimpleNamespace

from pelican import signals
from pelican.utils import slugify

FOLDERS = {"personne": "personnes", "organisation": "organisations", "lieu": "lieux"}


def entities_of(metadata):
    from digest.entities.model import from_front_matter

    found = []
    for entity in from_front_matter(metadata):
        slug = slugify(entity.name, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])
        url = f"{FOLDERS[entity.kind]}/{slug}/"
        found.append(SimpleNamespace(name=entity.name, kind=entity.kind, slug=slug, url=url, feed_url=url + "rss.xml", forms=list(entity.forms)))
    return found


def set_entities(generator):
    for article in generator.articles:
        article.entities = entities_of(article.metadata)


def register():
    signals.article_generator_finalized.connect(set_entities)
