"""The measured children of bench/run.py: each measurement runs in a fresh interpreter, as

    python bench/children.py KIND SPEC_JSON

with the code under test (``LEFIL_BENCH_TREE``, a snapshot of the tree or another tree for
bench/compare.py) first on PYTHONPATH. Run by its path, never imported by the code measured; it
prints its result as one line after ``MARKER``, which the parent (``run.run_child``) reads.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

TREE = Path(os.environ.get("LEFIL_BENCH_TREE", Path(__file__).resolve().parents[1]))
SETTINGS = TREE / "pelicanconf.py"
MARKER = "BENCH-RESULT "


def _rss_self_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_with_children() -> float:
    """CPU seconds of this process and of the children it has waited for."""
    import resource

    return sum(usage.ru_utime + usage.ru_stime for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def _inodes(folder: Path) -> dict[str, int]:
    """{path: inode} of the files of a built site: a file written again gets a new inode."""
    found = {}
    for directory, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            found[path] = os.stat(path).st_ino
    return found


def _time_phases(timings: dict) -> list[float]:
    """Wrap (not change) ingest, entity detection, the first swap and the search index so that
    their times go into ``timings``; returns the cell the build's start time goes in."""
    from digest import pipeline, search

    real_ingest, real_index = pipeline.run_ingest, search.index

    def timed_ingest(*args, **kwargs):  # (paths), and what ingest listed in newer trees
        start = time.perf_counter()
        report = real_ingest(*args, **kwargs)
        timings["ingest"] = time.perf_counter() - start
        return report

    def timed_index(*args, **kwargs):  # its CPU seconds too: Pagefind's (a waited-for child) and ours
        start, cpu = time.perf_counter(), _cpu_with_children()
        real_index(*args, **kwargs)
        timings["search"] = time.perf_counter() - start
        timings["search_cpu"] = _cpu_with_children() - cpu

    pipeline.run_ingest, search.index = timed_ingest, timed_index
    try:
        finder_module = _finder_module()
        real_find = finder_module.EntityFinder.find

        def timed_find(self, texts):
            start = time.perf_counter()
            texts = list(texts)
            out = real_find(self, texts)
            timings["ner"] += time.perf_counter() - start
            timings["ner_texts"] += len(texts)
            timings["model_loads"] = self.model_loads
            return out

        finder_module.EntityFinder.find = timed_find
    except ImportError:
        pass
    # "Live": from the build's start to the end of its first swap, when the new pages and feeds are
    # served (a tree that indexes before swapping: the whole build; this one: before Pagefind).
    try:  # the swap's own module; a tree under test from before digest/swap.py has it in digest/site.py
        from digest import swap as swap_module
    except ImportError:
        from digest import site as swap_module

    real_swap, started = swap_module.swap_in, [0.0]

    def timed_swap(*args, **kwargs):
        kept = real_swap(*args, **kwargs)  # what the caller deletes later, in trees that defer it
        timings.setdefault("live", time.perf_counter() - started[0])
        return kept

    swap_module.swap_in = timed_swap
    return started


def child_ours(spec: dict) -> dict:
    """digest.pipeline.build on spec['site'], timing its phases by wrapping (not changing) them."""
    t_import = time.perf_counter()
    from digest import pipeline, search

    timings: dict[str, float] = {"ner": 0.0, "ner_texts": 0}
    started = _time_phases(timings)
    timings["imports"] = time.perf_counter() - t_import
    site = Path(spec["site"])
    paths = pipeline.Paths(content=site / "content", output=site / "output", cache=site / "cache", settings=SETTINGS)
    before = _inodes(paths.output)
    start = started[0] = time.perf_counter()
    outcome = pipeline.build(paths, overrides=spec.get("overrides"))
    timings["build"] = time.perf_counter() - start
    timings.setdefault("live", timings["build"])  # nothing swapped in: nothing changed
    report = outcome.report
    timings["search"] = timings.get("search", 0.0)
    timings["render"] = timings["build"] - timings.get("ingest", 0.0) - timings["search"]
    after = _inodes(paths.output)
    # Pages and feeds apart from the search bundle, which Pagefind writes anew whole at each index.
    # (a tree older than digest.search.BUNDLE, measured as "before", names it "pagefind" too)
    bundle = os.path.join(str(paths.output), getattr(search, "BUNDLE", "pagefind")) + os.sep
    rewritten = [path for path, inode in after.items() if before.get(path) != inode]
    timings["files"] = sum(1 for path in after if not path.startswith(bundle))
    timings["rewritten"] = sum(1 for path in rewritten if not path.startswith(bundle))
    timings["search_files"] = len(after) - timings["files"]
    timings["search_rewritten"] = len(rewritten) - timings["rewritten"]
    timings["rebuilt"] = outcome.rebuilt
    timings["ingest_without_ner"] = timings.get("ingest", 0.0) - timings["ner"]
    from pelican.settings import read_settings

    settings = read_settings(str(SETTINGS))
    return {
        **timings,
        "written": len(report.written),
        "unchanged": report.unchanged,
        "rejected": len(report.rejected),
        "warnings": len(report.warnings),
        "plugins": [str(plugin) for plugin in settings.get("PLUGINS") or []],
        "rss_self_mb": _rss_self_mb(),
    }


PLAIN_OVERRIDES = {
    "FEED_ALL_ATOM": None,
    "FEED_ALL_RSS": None,
    "CATEGORY_FEED_ATOM": None,
    "CATEGORY_FEED_RSS": None,
    "TAG_FEED_ATOM": None,
    "TAG_FEED_RSS": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "TRANSLATION_FEED_ATOM": None,
    "TRANSLATION_FEED_RSS": None,
}


def child_plain(spec: dict) -> dict:
    """Plain Pelican: default settings (theme notmyidea, no plugins) but paths, timezone, feeds off."""
    t_import = time.perf_counter()
    from pelican import Pelican
    from pelican.settings import read_settings

    imports = time.perf_counter() - t_import
    site = Path(spec["site"])
    start = time.perf_counter()
    settings = read_settings(
        None,
        override={
            "PATH": str(site / "content"),
            "OUTPUT_PATH": str(site / "output"),
            "TIMEZONE": "Europe/Paris",
            **PLAIN_OVERRIDES,
            **(spec.get("overrides") or {}),
        },
    )
    Pelican(settings).run()
    build = time.perf_counter() - start
    return {"build": build, "render": build, "imports": imports, "theme": Path(settings["THEME"]).name, "rss_self_mb": _rss_self_mb()}


def _texts(spec: dict) -> list[str]:
    return json.loads(Path(spec["texts"]).read_text(encoding="utf-8"))


def _finder_module():
    """The entity finder of the tree under test: digest.entities, or the plugin of an older tree
    (bench/compare.py runs this script on one)."""
    try:
        from digest.entities import finder
    except ImportError:
        from entities import finder
    return finder


def child_warm(spec: dict) -> dict:
    """Fill the model-output caches (``spec["cache"]``: ner/, headlines/) for the texts as a build
    leaves them: EntityFinder.find (the model's spans and the entities resolved from them) and the
    headlines derived from the ledes of ``spec["dispatches"]``, the caches ingest reads."""
    from digest import dispatch as dispatch_module
    from digest.headline import HeadlineDeriver

    texts = _texts(spec)
    finder = _finder_module().EntityFinder(Path(spec["editorial"]), Path(spec["cache"]) / "ner")
    start = time.perf_counter()
    finder.find(texts)
    ledes = [dispatch_module.read(path).lede for path in sorted(Path(spec["dispatches"]).glob("*.txt"))]
    HeadlineDeriver(Path(spec["cache"]) / "headlines")(ledes)
    return {"seconds": time.perf_counter() - start, "texts": len(texts), "model_loads": finder.model_loads}


def child_ner_finder(spec: dict) -> dict:
    """EntityFinder.find on texts with an empty cache; the model is loaded first, outside the timing."""
    from digest.entities.finder import EntityFinder

    texts = _texts(spec)
    finder = EntityFinder(Path(spec["editorial"]), Path(spec["cache"]))
    start = time.perf_counter()
    nlp = finder.nlp
    load = time.perf_counter() - start
    start = time.perf_counter()
    finder.find(texts)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "model_load": load, "texts": len(texts), "pipes": list(nlp.pipe_names), "rss_self_mb": _rss_self_mb()}


def child_ner_spacy(spec: dict) -> dict:
    """spaCy's own nlp.pipe, on the pipeline EntityFinder loads (same components enabled/disabled),
    the same texts (the same date-prefix stripping) and the same batch size."""
    from digest.dispatch import date_prefix_length
    from digest.entities import finder as finder_module

    texts = _texts(spec)
    finder = finder_module.EntityFinder(Path(spec["editorial"]), Path(spec["cache"]))
    start = time.perf_counter()
    nlp = finder.nlp
    load = time.perf_counter() - start
    bodies = [text[date_prefix_length(text) :] for text in texts]
    n_process = spec.get("n_process", 1)
    start = time.perf_counter()
    docs = list(nlp.pipe(bodies, batch_size=finder_module.BATCH_SIZE, n_process=n_process))
    seconds = time.perf_counter() - start
    entities = sum(len(doc.ents) for doc in docs)
    return {
        "seconds": seconds,
        "model_load": load,  # not "load": run_child records the machine's load average under that name
        "texts": len(texts),
        "entities": entities,
        "pipes": list(nlp.pipe_names),
        "batch_size": finder_module.BATCH_SIZE,
        "n_process": n_process,
        "rss_self_mb": _rss_self_mb(),
    }


def child_typography(spec: dict) -> dict:
    try:
        from french_typography import typeset
    except Exception as error:  # noqa: BLE001 - any import failure means "not available yet"
        return {"skipped": f"french_typography not importable: {type(error).__name__}: {error}"}
    if not callable(typeset):  # a module of the same name, not the function
        typeset = getattr(typeset, "typeset", None)
        if not callable(typeset):
            return {"skipped": "french_typography.typeset is not a function"}
    bodies = _texts(spec)
    start = time.perf_counter()
    characters = sum(len(typeset(body)) for body in bodies)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(bodies), "characters": characters, "rss_self_mb": _rss_self_mb()}


CHILDREN = {
    "ours": child_ours,
    "plain": child_plain,
    "warm": child_warm,
    "ner_finder": child_ner_finder,
    "ner_spacy": child_ner_spacy,
    "typography": child_typography,
}


if __name__ == "__main__":
    result = CHILDREN[sys.argv[1]](json.loads(sys.argv[2]))
    print(MARKER + json.dumps(result), flush=True)
