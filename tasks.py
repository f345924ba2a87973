"""Daily tasks: ``invoke build``, ``invoke serve``, ``invoke test``... (``invoke --list``).

``build`` is the product's pipeline, step by step:
dispatches -> ingest -> Pelican with the plugins (typography, entities, feeds) -> theme -> output/ -> search index.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

CONTENT = ROOT / "content"
DISPATCHES = CONTENT / "dispatches"
ARTICLES = CONTENT / "articles"
EDITORIAL = CONTENT / "entities.toml"
CACHE = ROOT / ".cache"
OUTPUT = ROOT / "output"
SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


def _logging() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")


def _find_entities():
    from entities.finder import EntityFinder
    from entities.model import to_front_matter

    def progress(done: int, total: int) -> None:
        print(f"\rentités : {done}/{total} dépêches analysées", end="\n" if done == total else "", file=sys.stderr)

    finder = EntityFinder(EDITORIAL, CACHE / "ner", progress=progress)

    def find(texts):
        return [to_front_matter(found) for found in finder.find(texts)]

    return find


def run_ingest():
    from digest.ingest import ingest as ingest_dispatches

    report = ingest_dispatches(
        DISPATCHES,
        ARTICLES,
        _find_entities(),
        editorial=EDITORIAL.read_bytes() if EDITORIAL.exists() else b"",
        cache_dir=CACHE,
    )
    for line in report.lines():
        print(line, file=sys.stderr)
    return report


def run_build(settings: Path) -> None:
    from digest import search, site

    _logging()
    report = run_ingest()
    try:
        site.build(settings, OUTPUT, steps_after_render=(search.index,))
    except (site.BuildError, search.SearchIndexError) as error:
        raise Exit(f"échec de la construction, output/ inchangé : {error}", code=1) from error
    print(f"site construit dans {OUTPUT.relative_to(ROOT)}/", file=sys.stderr)
    if not report.ok:
        rejected = "\n".join(f"  {path.name} : {reason}" for path, reason in report.rejected)
        raise Exit(f"site construit, mais {len(report.rejected)} dépêche(s) rejetée(s) :\n{rejected}", code=1)


@task
def ingest(c):
    """Turn new or changed dispatches into articles (content/articles/)."""
    _logging()
    if not run_ingest().ok:
        raise Exit(code=1)


@task
def build(c):
    """Ingest, build the site into output/ and index it for search."""
    run_build(SETTINGS)


@task
def publish(c, force=False):
    """Build with the public URLs of publishconf.py; refuses when a dispatch was rejected, unless --force."""
    try:
        run_build(PUBLISH_SETTINGS)
    except Exit:
        if not force:
            raise
        print("publication forcée malgré les dépêches rejetées", file=sys.stderr)


@task
def clean(c):
    """Remove the built site and the caches (articles and dispatches are kept)."""
    import shutil

    from digest.site import staging_path

    for path in (OUTPUT, staging_path(OUTPUT), CACHE):
        shutil.rmtree(path, ignore_errors=True)


@task
def serve(c, port=8000):
    """Serve output/ on 127.0.0.1 and rebuild when content, theme, plugins or settings change."""
    from digest.serve import serve_and_rebuild

    serve_and_rebuild(
        OUTPUT,
        port=int(port),
        watched=[CONTENT, ROOT / "theme", ROOT / "plugins", ROOT / "digest", SETTINGS],
        rebuild=lambda: run_build(SETTINGS),
    )


@task
def test(c):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest", pty=False)
