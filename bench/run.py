"""Build-speed benchmark of Le Fil against plain Pelican, at the sizes a digest reaches.

    .venv/bin/python bench/run.py                       # N=1000, 3 repeats
    .venv/bin/python bench/run.py --sizes 1000 5000 --repeat 3 --ner-sample 500
    invoke bench --sizes 1000                           # calls main(argv)

For each size N it generates N dispatches (bench/generate.py: real corpus paragraphs recombined,
names swapped, dates over N/14 days; deterministic), then measures, each --repeat times and every
one in a fresh subprocess (so that peak RSS, from wait4, is the build's own):

* plain Pelican (default theme, no plugins, default settings but PATH/OUTPUT_PATH/TIMEZONE, feeds
  off) on the very Markdown articles our ingest wrote;
* our cold build: digest.pipeline.build on a fresh copy of the site, no cache at all (spaCy runs on
  every dispatch) — only for N <= --cold-ner-max, above that it is estimated from the NER rate;
* our full build with the model caches already warm, as a build of the same dispatches leaves
  them (bench/sites.MODEL_CACHES: the model's spans and the entities resolved from them, the
  headline parses and the headlines; no articles, no Pelican cache, no ingest stamp: everything
  else is done again): what a rebuild of an archive with warm caches costs, the figure to hold
  against plain Pelican (target <= 1.3x);
* a rebuild with nothing changed, and a rebuild after one new dispatch;
* the same two rebuilds with Pelican's content cache on (CACHE_CONTENT + LOAD_CONTENT_CACHE passed
  as overrides: an experiment, the project's settings are not changed);

and once per run: NER throughput of EntityFinder.find (empty cache) against spaCy's nlp.pipe on
the same pipeline, texts and batch size; french_typography.typeset throughput if importable.

Results: a Markdown table printed and written to bench/results/latest.md, raw numbers to
bench/results/latest.json. Work files (generated sites, warm NER cache) go to --work-dir. Each
measurement is a child of its own (bench/children.py); the report is rendered by bench/report.py.

The code under test is a snapshot of digest/, plugins/, theme/, the settings and content/pages +
entities.toml, copied into --work-dir when the run starts (--live-tree to use the working tree):
a rebuild must not see the code ingest depends on change between two runs (bench/under_test.py,
which also describes the machine).
``--report-only a.json b.json`` renders several runs' results side by side (sizes as columns).
CPU seconds (user+system of the build and its children) are reported beside wall times: they
hold up better when other work shares the machine (the 1-minute load average is recorded), not
entirely: each result also keeps the kernel's part (``system_cpu``) and the CPU seconds the machine's
other processes took while it ran (``others_cpu``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.children import MARKER
from bench.sites import (add_dispatch, article_bodies, dispatch_set, dispatch_texts, editorial_file, empty_trash, extra_dispatch,
                         make_site, merge_cache, say, set_aside, take_tree_inputs)
from bench.under_test import machine_info, snapshot_tree

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
# The code under test: a snapshot of the tree taken when the run starts (other people edit the
# working tree meanwhile; a rebuild must not see the code change between two runs), or the live tree.
TREE = Path(os.environ.get("LEFIL_BENCH_TREE", ROOT))
SETTINGS = TREE / "pelicanconf.py"


def machine_busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since it booted (every core, every process:
    /proc/stat's user, nice, system, irq and softirq), None where the system does not say."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:8]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq = ticks
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run_child(kind: str, spec: dict, log: Path, tree: Path | None = None) -> dict:
    """Run one measurement in a fresh interpreter on the code of ``tree`` (by default the tree
    under test); returns its result plus wall time and peak RSS."""
    tree = TREE if tree is None else tree
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as err, tempfile.TemporaryFile() as out:
        err.write(f"\n===== {kind} {json.dumps(spec)}\n".encode())
        err.flush()
        load, busy = os.getloadavg()[0], machine_busy_seconds()
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(BENCH / "children.py"), kind, json.dumps(spec)],
            stdout=out,
            stderr=err,
            cwd=str(ROOT),
            # The child imports the code under test (TREE) before the installed project.
            env={**os.environ, "PYTHONHASHSEED": "0", "LEFIL_BENCH_TREE": str(tree), "PYTHONPATH": os.pathsep.join([str(tree), str(tree / "plugins")])},
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        busy_after = machine_busy_seconds()
        out.seek(0)
        lines = [line for line in out.read().decode(errors="replace").splitlines() if line.startswith(MARKER)]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark child {kind} failed (exit {process.returncode}); see {log}")
    result = json.loads(lines[-1][len(MARKER) :])
    # ru_maxrss of a waited-for child: its peak, or the peak of a descendant it waited for (Pagefind).
    # CPU seconds (user + system, the child's and its reaped children's) resist other load on the machine.
    result.update(wall=wall, rss_mb=usage.ru_maxrss / 1024, cpu=usage.ru_utime + usage.ru_stime, system_cpu=usage.ru_stime, load=load)
    # The same build's CPU seconds spread by a fifth from one run to the next on this shared
    # machine, its own work unchanged (same page faults; the kernel's part tripled in the slow run):
    # what the other processes took meanwhile is reported beside it (docs/performance.md, 2026-12-07 21:00).
    if busy is not None and busy_after is not None:
        result["others_cpu"] = max(0.0, busy_after - busy - result["cpu"])
    return result


# --------------------------------------------------------------------------------------------
# Parent: sites, scenarios, report.
# --------------------------------------------------------------------------------------------


def repeat(times: int, label: str, once) -> list[dict]:
    runs = []
    for number in range(times):
        result = once(number)
        runs.append(result)
        say(f"{label} #{number + 1}: {result.get('build', result.get('seconds', 0)):.2f} s, {result['rss_mb']:.0f} MB")
    return runs


def bench_size(args, size: int, work: Path, store: Path, log: Path) -> dict:
    results: dict = {"size": size}
    dispatches = dispatch_set(work, size, args.seed)
    sites = work / f"sites-{size}"
    results["cold"] = _cold_builds(args, size, dispatches, sites, store, log) if size <= args.cold_ner_max else None
    warm = _warm_store(size, dispatches, work, store, log)
    if warm["model_loads"]:
        say(f"N={size}: warmed the model caches: {warm['texts']} texts checked, NER ran in {warm['seconds']:.1f} s")
        results["warmup"] = warm

    # 2. Full build, model caches warm: everything but what the model's output gives is done again.
    def cached(number):
        site = make_site(dispatches, sites / "cached", TREE, model_caches=store)
        return run_child("ours", {"site": str(site)}, log)

    results["cached"] = repeat(args.repeat, f"N={size} full build, entities cached", cached)
    built = sites / "cached"
    results["plain"] = _plain_builds(args, size, built, sites, log)
    results.update(_rebuilds(args, size, built, work, log))
    return results


def _cold_builds(args, size: int, dispatches: Path, sites: Path, store: Path, log: Path) -> list[dict]:
    """1. Cold build: nothing cached, spaCy runs on every dispatch (its spans go to the store)."""

    def cold(number):
        site = make_site(dispatches, sites / "cold", TREE)
        result = run_child("ours", {"site": str(site)}, log)
        merge_cache(site / "cache" / "ner", store / "ner")
        return result

    return repeat(args.repeat, f"N={size} cold build", cold)


def _warm_store(size: int, dispatches: Path, work: Path, store: Path, log: Path) -> dict:
    """The warm store (NER spans and entities, headline parses and headlines) must hold every text of
    the set, derived under the current rules (files
    of earlier runs may lack them, or hold those of other rules)."""
    texts_file = work / f"texts-{size}.json"
    texts_file.write_text(json.dumps(dispatch_texts(dispatches), ensure_ascii=False), encoding="utf-8")
    return run_child("warm", {"texts": str(texts_file), "editorial": str(editorial_file(work, TREE)), "cache": str(store), "dispatches": str(dispatches)}, log)


def _plain_builds(args, size: int, built: Path, sites: Path, log: Path) -> list[dict]:
    """3. Plain Pelican on the Markdown our ingest wrote."""
    plain_content = sites / "plain-articles"
    shutil.rmtree(plain_content, ignore_errors=True)
    shutil.copytree(built / "content" / "articles", plain_content)

    def plain(number):
        site = sites / "plain"
        set_aside(site)
        shutil.copytree(plain_content, site / "content")
        return run_child("plain", {"site": str(site)}, log)

    return repeat(args.repeat, f"N={size} plain Pelican", plain)


def _rebuilds(args, size: int, built: Path, work: Path, log: Path) -> dict:
    """4. Rebuilds of the site just built (all caches as a real build leaves them); 5. experiment:
    the same rebuilds with Pelican's content cache on (settings passed as overrides)."""
    results = {"rebuild": repeat(args.repeat, f"N={size} rebuild, nothing changed", lambda n: run_child("ours", {"site": str(built)}, log))}

    def plus_one(number, overrides=None, offset=0):
        add_dispatch(built, extra_dispatch(work, args.seed, offset + number))
        return run_child("ours", {"site": str(built), "overrides": overrides}, log)

    results["plus_one"] = repeat(args.repeat, f"N={size} rebuild, +1 dispatch", plus_one)
    if not args.no_cache_experiment:
        overrides = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
        results["cache_fill"] = run_child("ours", {"site": str(built), "overrides": overrides}, log)
        say(f"N={size} filling Pelican's content cache: {results['cache_fill']['build']:.2f} s")
        results["rebuild_cache"] = repeat(
            args.repeat, f"N={size} rebuild + content cache", lambda n: run_child("ours", {"site": str(built), "overrides": overrides}, log)
        )
        results["plus_one_cache"] = repeat(
            args.repeat, f"N={size} +1 dispatch + content cache", lambda n: plus_one(n, overrides, offset=100)
        )
    return results


def bench_ner(args, work: Path, size: int, log: Path) -> dict:
    texts = json.loads((work / f"texts-{size}.json").read_text(encoding="utf-8"))
    step = max(1, len(texts) // args.ner_sample)
    sample = texts[::step][: args.ner_sample]
    sample_file = work / "ner-sample.json"
    sample_file.write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    editorial = str(editorial_file(work, TREE))
    results: dict = {"sample": len(sample)}

    def fresh_cache() -> str:
        cache = work / "ner-empty-cache"
        shutil.rmtree(cache, ignore_errors=True)
        return str(cache)

    results["finder"] = repeat(
        args.repeat, "NER EntityFinder.find", lambda n: run_child("ner_finder", {"texts": str(sample_file), "editorial": editorial, "cache": fresh_cache()}, log)
    )
    results["spacy"] = repeat(
        args.repeat, "NER spaCy nlp.pipe", lambda n: run_child("ner_spacy", {"texts": str(sample_file), "editorial": editorial, "cache": fresh_cache()}, log)
    )
    if (os.cpu_count() or 1) > 1 and not args.no_multiprocess:
        results["spacy_mp"] = repeat(
            args.repeat,
            "NER spaCy nlp.pipe n_process=2",
            lambda n: run_child("ner_spacy", {"texts": str(sample_file), "editorial": editorial, "cache": fresh_cache(), "n_process": 2}, log),
        )
    return results


def bench_typography(args, work: Path, size: int, log: Path) -> dict:
    bodies = article_bodies(work / f"sites-{size}" / "cached" / "content" / "articles")[: args.typo_sample]
    bodies_file = work / "typography-bodies.json"
    bodies_file.write_text(json.dumps(bodies, ensure_ascii=False), encoding="utf-8")
    first = run_child("typography", {"texts": str(bodies_file)}, log)
    if "skipped" in first:
        say(first["skipped"])
        return {"skipped": first["skipped"]}
    say(f"typography #1: {first['seconds']:.2f} s")
    runs = [first] + repeat(args.repeat - 1, "typography", lambda n: run_child("typography", {"texts": str(bodies_file)}, log))
    return {"runs": runs}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="bench/run.py", description="Le Fil build benchmark (see the module docstring).")
    parser.add_argument("--sizes", nargs="+", default=["1000"], help="numbers of dispatches (space or comma separated); default 1000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--ner-sample", type=int, default=500, help="texts for the NER throughput comparison (default 500)")
    parser.add_argument("--typo-sample", type=int, default=5000, help="article bodies for typography throughput (default 5000)")
    parser.add_argument("--cold-ner-max", type=int, default=1000, help="largest N whose cold build (NER on every text) is run; above, it is estimated")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work-dir", type=Path, default=Path(tempfile.gettempdir()) / "lefil-bench", help="generated sets, sites and the warm NER cache (kept between runs)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.md")
    parser.add_argument("--report-only", type=Path, nargs="+", metavar="JSON", help="only render --output from results JSON written earlier (several: their sizes side by side)")
    parser.add_argument("--live-tree", action="store_true", help="run the working tree as it is at each step, not a snapshot taken at start")
    parser.add_argument("--no-ner", action="store_true", help="skip the NER throughput comparison")
    parser.add_argument("--no-typography", action="store_true")
    parser.add_argument("--no-cache-experiment", action="store_true", help="skip the CACHE_CONTENT rebuilds")
    parser.add_argument("--no-multiprocess", action="store_true", help="skip spaCy n_process=2")
    args = parser.parse_args(argv)
    parts = [part for value in args.sizes for part in str(value).replace(",", " ").split()]
    if not all(part.isdigit() for part in parts):
        parser.error(f"--sizes: numbers of dispatches, separated by spaces or commas, not {' '.join(args.sizes)!r}")
    args.sizes = sorted({int(part) for part in parts})
    if args.repeat < 1 or not args.sizes or min(args.sizes) < 1:
        parser.error("--repeat and --sizes must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from bench.report import merge_results  # the parent's only

    args = parse_args(argv)
    if args.report_only:
        merged = merge_results([json.loads(path.read_text(encoding="utf-8")) for path in args.report_only])
        write_report(args.output, merged, raw=len(args.report_only) > 1)
        return 0
    results = measure(args, argv)
    write_report(args.output, results, raw=True)
    say(f"done in {results['seconds'] / 60:.1f} min; written {args.output}")
    return 0


def measure(args, argv: list[str]) -> dict:
    """Every measurement the arguments ask for, on a snapshot of the tree (or the live tree)."""
    from bench.report import all_runs, summarise  # the parent's only

    work = args.work_dir
    work.mkdir(parents=True, exist_ok=True)
    store = work / f"model-caches-seed{args.seed}"  # caches keyed by text: shared by every size
    log = work / "children.log"
    log.write_text("")
    global TREE, SETTINGS
    tree_hash = "live tree"
    if not args.live_tree:
        TREE, tree_hash = snapshot_tree(work)
        SETTINGS = TREE / "pelicanconf.py"
        os.environ["LEFIL_BENCH_TREE"] = str(TREE)
        say(f"code under test: snapshot {TREE} (files sha256 {tree_hash})")
    say(f"sizes {args.sizes}, repeat {args.repeat}; work dir {work}; children's logs in {log}")
    started = time.perf_counter()
    results: dict = {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": {**machine_info(TREE), "tree": tree_hash},
        "repeat": args.repeat,
        "command": "bench/run.py " + " ".join(argv),
        "sizes": [],
    }
    if empty_trash(work):  # what an interrupted run left: its freed inodes must age first (set_aside)
        time.sleep(35)
    for size in args.sizes:
        results["sizes"].append(bench_size(args, size, work, store, log))
        results["plugins"] = results["sizes"][-1]["cached"][0].get("plugins")
    if not args.no_ner:
        results["ner"] = {"size": args.sizes[0], **bench_ner(args, work, args.sizes[0], log)}
    if not args.no_typography:
        results["typography"] = bench_typography(args, work, args.sizes[-1], log)
    ner_rate = None
    if results.get("ner"):
        ner_rate = statistics.median(run["texts"] / run["seconds"] for run in results["ner"]["finder"])
    for entry in results["sizes"]:
        summarise(entry, ner_rate)
    loads = [run["load"] for run in all_runs(results)]
    results["load_median"], results["load_max"] = statistics.median(loads), max(loads)
    results["seconds"] = time.perf_counter() - started
    empty_trash(work)
    return results


def write_report(output: Path, results: dict, raw: bool) -> None:
    """The Markdown report into ``output``, and printed; with ``raw``, the results beside it (.json)."""
    from bench.report import render_report  # the parent's only

    output.parent.mkdir(parents=True, exist_ok=True)
    if raw:
        output.with_suffix(".json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    report = render_report(results)
    output.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    sys.exit(main())
