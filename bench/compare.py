"""Before and after in one run: the build scenarios of bench/run.py on two trees, interleaved.

    .venv/bin/python -m bench.compare --before /tmp/before --sizes 1000 5000 --repeat 2

Both trees are snapshotted when the run starts (bench/under_test.py's SNAPSHOT; "after" is this
working tree). For each size, each tree gets its own site and its own warm NER cache (the trees
may store entities differently), then each measurement alternates between the trees, the order reversed at
every repeat (AB BA AB...), so that a drift of the machine's speed weighs on both alike:

* full build, model caches warm (as bench/run.py): the site's articles, Pelican cache and stamps
  gone, the caches of what the model's output gives (bench/sites.MODEL_CACHES) kept, what a rebuild
  of an archive with warm caches costs;
* rebuild, nothing changed;
* rebuild, +1 dispatch (the same new dispatch on both sites): its total, and "live", from the
  build's start to the end of its first swap, when the new pages and feeds are served (a tree
  that indexes before swapping: the whole build).

Then, once, on the "after" tree: NER throughput, EntityFinder (spaCy's worker processes for a
cold archive) against spaCy's nlp.pipe and nlp.pipe(n_process=2). The 1-minute load average is recorded at each
child's start: other people's work shares the machine. Results: bench/results/compare-latest.md
and .json (--output).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from bench import report, run, under_test

SCENARIOS = (  # (key, label, field)
    ("cached", "Full build, model caches warm", "build"),
    ("rebuild", "Rebuild, nothing changed", "build"),
    ("plus_one", "**+1 dispatch, total** (index included)", "build"),
    ("plus_one", "**+1 dispatch, live** (pages and feeds served)", "live"),
    ("plus_one", "&nbsp;&nbsp;of which search index", "search"),
)


# The CPU seconds of each measurement (the child and its children), the kernel's part, and those the
# machine's other processes took while it ran: a run's CPU seconds grow with what runs beside it.
CPU_ROWS = (
    ("cached", "CPU s, full build", "cpu"),
    ("cached", "&nbsp;&nbsp;of which the kernel's (system)", "system_cpu"),
    ("cached", "&nbsp;&nbsp;other processes' CPU s meanwhile", "others_cpu"),
    ("plus_one", "CPU s, +1 dispatch", "cpu"),
    ("plus_one", "&nbsp;&nbsp;of which search index (Pagefind's and ours)", "search_cpu"),
    ("plus_one", "&nbsp;&nbsp;other processes' CPU s meanwhile", "others_cpu"),
)


def alternating(trees: dict[str, Path], number: int) -> list[tuple[str, Path]]:
    order = list(trees.items())
    return order if number % 2 == 0 else order[::-1]


def compare_size(args, size: int, trees: dict[str, Path], work: Path, log: Path) -> dict:
    dispatches = run.dispatch_set(work, size, args.seed)
    texts_file = work / f"texts-{size}.json"  # the NER comparison's sample is drawn from it
    texts_file.write_text(json.dumps(run.dispatch_texts(dispatches), ensure_ascii=False), encoding="utf-8")
    results: dict = {"size": size, **{label: {"cached": [], "rebuild": [], "plus_one": []} for label in trees}}
    # One untimed cold build per tree: the caches a build of these dispatches leaves (the model's
    # entities, the parsed headlines of the tree that parses them), given to each measured build.
    warm = {label: work / f"sites-{size}" / f"warm-{label}" for label in trees}
    for label, tree in trees.items():
        # A warm site of an earlier run, even one interrupted, is built again (its caches are keyed
        # by content: only what is missing or this tree's code makes differently is made again).
        if not (warm[label] / "content").is_dir():
            run.make_site(dispatches, warm[label], tree=tree)
        else:
            run.take_tree_inputs(warm[label], tree)
        result = run.run_child("ours", {"site": str(warm[label])}, log, tree)
        run.say(f"N={size} {label}: caches warmed by a build ({result['build']:.1f} s)")
    sites = {label: work / f"sites-{size}" / f"cached-{label}" for label in trees}

    def fresh_site(label: str, tree: Path) -> None:
        run.make_site(dispatches, sites[label], model_caches=warm[label] / "cache", tree=tree)

    def measure(key: str, number: int, prepare) -> None:
        for label, tree in alternating(trees, number):
            prepare(label, tree)
            result = run.run_child("ours", {"site": str(sites[label])}, log, tree)
            results[label][key].append(result)
            run.say(f"N={size} {key} {label} #{number + 1}: {result['build']:.2f} s (live {result['live']:.2f} s), load {result['load']:.1f}")

    for number in range(args.repeat):
        measure("cached", number, fresh_site)
    for number in range(args.repeat):
        measure("rebuild", number, lambda label, tree: None)
    for number in range(args.repeat):
        measure("plus_one", number, lambda label, tree: run.add_dispatch(sites[label], run.extra_dispatch(work, args.seed, number)))
    return results


def thin(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def render(results: dict) -> str:
    labels = results["labels"]
    lines = [
        "# Le Fil — before and after, one run",
        "",
        f"{results['date']} · `{results['command']}` · "
        + " · ".join(f"{label}: {results['trees'][label]}" for label in labels),
        "",
        f"Machine load (1-min load average when each child started): median {results['load_median']:.1f}, "
        f"max {results['load_max']:.1f} — the machine is shared with other engineers' work: wall times are inflated "
        "by it, both trees alike (interleaved). Medians of "
        f"{results['repeat']} runs (min–max), seconds; CPU seconds include Pagefind.",
        "",
        "Full build, model caches warm: a site rebuilt from its dispatches alone (no articles, no Pelican "
        "cache, no stamps) with the caches of what the model's output gives copied from a build of the same "
        "dispatches by the same tree (`.cache/ner`: spans and resolved entities; `.cache/headlines`: parses, "
        "and derived headlines where the tree keeps them): what a rebuild of an archive with warm caches "
        "costs, in both trees.",
        "",
        "| N | Measurement | " + " | ".join(labels) + " | after / before |",
        "|---|---|" + "---|" * (len(labels) + 1),
    ]
    for entry in results["sizes"]:
        for key, label, field in SCENARIOS:
            values = [report.field(entry[tree][key], field) for tree in labels]
            change = ""
            if all(values) and statistics.median(values[0]):
                change = f"{statistics.median(values[-1]) / statistics.median(values[0]):.2f}×"
            lines.append(f"| {thin(entry['size'])} | {label} | " + " | ".join(report.spread(v) for v in values) + f" | {change} |")
        for key, label, field in CPU_ROWS:
            values = [report.field(entry[tree][key], field) for tree in labels]
            ratio = field != "others_cpu" and all(values) and statistics.median(values[0])
            change = f"{statistics.median(values[-1]) / statistics.median(values[0]):.2f}×" if ratio else ""
            lines.append(f"| {thin(entry['size'])} | {label} | " + " | ".join(report.spread(v) for v in values) + f" | {change} |")
        peaks = [max(report.field(entry[tree]["cached"] + entry[tree]["plus_one"], "rss_mb")) for tree in labels]
        lines.append(f"| {thin(entry['size'])} | Peak RSS MB (full build, +1) | " + " | ".join(f"{peak:.0f}" for peak in peaks) + f" | {peaks[-1] / peaks[0]:.2f}× |")
    ner = results.get("ner")
    if ner:
        rates = {key: [one["texts"] / one["seconds"] for one in ner[key]] for key in ("finder", "spacy", "spacy_mp") if ner.get(key)}
        lines += [
            "",
            f"## NER throughput, after tree ({ner['sample']} texts of the N={thin(ner['size'])} set, cold cache, model loaded beforehand)",
            "",
            "| | texts/s |",
            "|---|---|",
            *(f"| {name} | {report.spread(values, 1)} |" for name, values in (
                ("EntityFinder.find (spaCy's worker processes from 64 texts on; cache writes, resolution)", rates["finder"]),
                ("spaCy nlp.pipe, same pipeline", rates["spacy"]),
                ("model spans only, spaCy nlp.pipe(n_process=2)", rates.get("spacy_mp", [])),
            )),
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/compare.py", description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the tree to compare with (a worktree of an older commit)")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--ner-sample", type=int, default=400)
    parser.add_argument("--no-ner", action="store_true")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/lefil-compare"))
    parser.add_argument("--output", type=Path, default=run.RESULTS / "compare-latest.md")
    args = parser.parse_args(argv)
    work = args.work_dir
    work.mkdir(parents=True, exist_ok=True)
    log = work / "children.log"
    log.write_text("")
    trees, hashes = {}, {}
    for label, source in (("before", args.before), ("after", run.ROOT)):
        trees[label], hashes[label] = under_test.snapshot_tree(work, source, f"tree-{label}")
    run.TREE = trees["after"]  # the NER comparison's children
    run.say(f"trees: {hashes}; sizes {args.sizes}, repeat {args.repeat}; children's logs in {log}")
    started = time.perf_counter()
    results: dict = {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "command": "bench/compare.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "labels": list(trees),
        "trees": {label: f"{source} (files sha256 {hashes[label]})" for label, source in (("before", args.before), ("after", run.ROOT))},
        "repeat": args.repeat,
        "machine": under_test.machine_info(run.TREE),
        "sizes": [],
    }
    if run.empty_trash(work):
        time.sleep(35)  # what an interrupted run left: its freed inodes must age first (run.set_aside)
    for size in args.sizes:
        results["sizes"].append(compare_size(args, size, trees, work, log))
    if not args.no_ner:
        ner_args = argparse.Namespace(ner_sample=args.ner_sample, repeat=args.repeat, no_multiprocess=False)
        results["ner"] = {"size": args.sizes[0], **run.bench_ner(ner_args, work, args.sizes[0], log)}
    loads = [one["load"] for one in report.all_runs(results)]
    results["load_median"], results["load_max"] = statistics.median(loads), max(loads)
    results["seconds"] = time.perf_counter() - started
    run.empty_trash(work)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.with_suffix(".json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    table = render(results)
    args.output.write_text(table, encoding="utf-8")
    print(table)
    run.say(f"done in {results['seconds'] / 60:.1f} min; written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
