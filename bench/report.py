"""The benchmark's report: medians and spreads of the measured runs, as the Markdown table of
bench/results/latest.md. Only the parent reads it (bench/run.py's measured children never do), so
it stays out of the module the children run as a script."""

from __future__ import annotations

import statistics


def spread(values: list[float], digits: int = 2) -> str:
    if not values:
        return "—"
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def field(runs: list[dict] | None, key: str) -> list[float]:
    return [run[key] for run in runs or [] if key in run]


def med(runs, key) -> float | None:
    values = field(runs, key)
    return statistics.median(values) if values else None


def render_report(results: dict) -> str:
    table = _Table(results["sizes"])
    _build_rows(table)
    _rebuild_rows(table)
    lines = _header(results) + table.lines + [""] + table.footnotes()
    if results.get("ner"):
        lines += _ner_section(results["ner"])
    return "\n".join(lines + _typography_section(results.get("typography"))) + "\n"


def _header(results: dict) -> list[str]:
    sizes = results["sizes"]
    machine = results["machine"]
    heads = [f"N = {entry['size']:,}".replace(",", "\u202f") + (f" ({entry['run']})" if entry.get("run") else "") for entry in sizes]
    return [
        "# Le Fil — build benchmark",
        "",
        f"{results['date']} · nproc {machine['nproc']} · {machine['cpu']} · {machine['memory']} RAM · "
        f"Python {machine['python']} · "
        + " · ".join(f"{name} {v}" for name, v in machine["versions"].items())
        + f" · git {machine.get('git', '?')}, files {machine.get('tree', '?')}",
        "",
        f"Machine load (1-min load average when each child started): median {results['load_median']:.1f}, max {results['load_max']:.1f} "
        "— other work on the machine inflates wall times; CPU seconds (user+system, incl. Pagefind) are given for the main builds.",
        f"`{results['command']}` — medians of {results['repeat']} runs (min–max), seconds unless stated; "
        "each build in its own process; peak RSS from wait4 (includes Pagefind, run as a child).",
        "",
        "| Measurement | " + " | ".join(heads) + " |",
        "|---|" + "---|" * len(sizes),
    ]


class _Table:
    """The rows of the table, one column per size, and the scenarios flagged in them."""

    expected_writes = {"rebuild": 0, "rebuild_cache": 0, "plus_one": 1, "plus_one_cache": 1}

    def __init__(self, sizes: list[dict]) -> None:
        self.sizes = sizes
        self.lines: list[str] = []
        self.flagged: list[str] = []
        self.cache_experiment = any(entry.get("rebuild_cache") for entry in sizes)

    def row(self, label: str, cell) -> None:
        self.lines.append(f"| {label} | " + " | ".join(cell(entry) for entry in self.sizes) + " |")

    def mark(self, entry, key: str) -> str:
        """† when a rebuild rewrote more articles than it should (the code under test changed between runs)."""
        runs = entry.get(key) or []
        if key in self.expected_writes and any(run.get("written") != self.expected_writes[key] for run in runs):
            self.flagged.append(key)
            return " †"
        return ""

    def phases(self, key: str, phase: str, digits: int = 2):
        return lambda entry: (spread(field(entry.get(key), phase), digits) + self.mark(entry, key)) if entry.get(key) else "not run"

    def footnotes(self) -> list[str]:
        lines = []
        if self.cache_experiment:
            lines.append(
                "¹ Experiment: `CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True` passed as overrides to `pipeline.build` "
                "(pelicanconf.py does not set them today)."
            )
        if self.flagged:
            lines.append(
                "† Some of these runs rewrote every article: the code ingest depends on (headline, article_file, the "
                "entities plugin, entities.toml) changed between runs — run without --live-tree to benchmark a snapshot."
            )
        for entry in self.sizes:
            if entry.get("warmup"):
                w = entry["warmup"]
                lines.append(f"NER cache warm-up for N={entry['size']}: {w['texts']} texts looked up, NER run on the missing ones in {w['seconds']:.1f} s.")
        return lines


def _build_rows(table: _Table) -> None:
    """Plain Pelican, the cold build and the full build with the model caches warm, and their ratios."""
    row, phases = table.row, table.phases
    row("Plugins of the tree measured (PLUGINS)", lambda e: ", ".join(e["cached"][0].get("plugins") or []) or "(none)")
    row("**Plain Pelican** (notmyidea, no plugins)", phases("plain", "build"))
    row("**Le Fil cold build** (no cache at all)", lambda e: spread(field(e["cold"], "build")) if e["cold"] else (f"est. {e['cold_estimate']:.0f} (not run)" if e["cold_estimate"] == e["cold_estimate"] else "not run"))
    row("&nbsp;&nbsp;ingest, of which NER", lambda e: spread(field(e["cold"], "ingest")) + " / " + spread(field(e["cold"], "ner")) if e["cold"] else "—")
    row("&nbsp;&nbsp;Pelican render (with plugins)", phases("cold", "render"))
    row("&nbsp;&nbsp;Pagefind index", phases("cold", "search"))
    row("**Le Fil full build, model caches warm**", phases("cached", "build"))
    row("&nbsp;&nbsp;ingest, of which NER (cache reads)", lambda e: spread(field(e["cached"], "ingest")) + " / " + spread(field(e["cached"], "ner")))
    row("&nbsp;&nbsp;Pelican render (with plugins)", phases("cached", "render"))
    row("&nbsp;&nbsp;Pagefind index", phases("cached", "search"))
    row("Ratio cold / plain", lambda e: f"{e['ratio_cold']:.1f}×" if e.get("ratio_cold") else (f"est. {e['ratio_cold_estimate']:.0f}×" if e.get("ratio_cold_estimate") else "—"))
    row("**Ratio model caches warm / plain** (target ≤ 1.3×)", lambda e: f"**{e['ratio_cached']:.2f}×**")
    row("&nbsp;&nbsp;same without Pagefind", lambda e: f"{e['ratio_cached_no_search']:.2f}×")
    row("&nbsp;&nbsp;render only / plain", lambda e: f"{e['ratio_render']:.2f}×")
    row("CPU s: plain / cold / model caches warm", lambda e: " / ".join(spread(field(e.get(k), "cpu")) if e.get(k) else "—" for k in ("plain", "cold", "cached")))
    row("Ratio model caches warm / plain, by CPU time", lambda e: f"{e['ratio_cached_cpu']:.2f}×")
    row("ms per article: plain / model caches warm", lambda e: f"{e['ms_plain']:.2f} / {e['ms_cached']:.2f}")


def _rebuild_rows(table: _Table) -> None:
    """The rebuilds (nothing changed, +1 dispatch), the cache experiment, wall time, memory, articles."""
    row, phases = table.row, table.phases
    row("**Rebuild, nothing changed**", phases("rebuild", "build"))
    row("&nbsp;&nbsp;ingest / render / Pagefind", lambda e: " / ".join(spread(field(e["rebuild"], k)) for k in ("ingest", "render", "search")))
    row("&nbsp;&nbsp;site skipped as up to date", lambda e: f"{sum(not run.get('rebuilt', True) for run in e['rebuild'])} of {len(e['rebuild'])} runs")
    row("**Rebuild, +1 dispatch**", phases("plus_one", "build"))
    row("&nbsp;&nbsp;live: its pages and feeds swapped in", phases("plus_one", "live"))
    row("&nbsp;&nbsp;pages and feeds written again / of the site", lambda e: f"{med(e['plus_one'], 'rewritten'):.0f} / {med(e['plus_one'], 'files'):.0f}" if med(e["plus_one"], "files") else "—")
    row("&nbsp;&nbsp;search bundle files written again / of the bundle",
        lambda e: f"{med(e['plus_one'], 'search_rewritten'):.0f} / {med(e['plus_one'], 'search_files'):.0f}" if med(e["plus_one"], "search_files") else "—")
    row("&nbsp;&nbsp;ingest (NER incl. model load) / render / Pagefind", lambda e: " / ".join(spread(field(e["plus_one"], k)) for k in ("ingest", "render", "search")))
    row("&nbsp;&nbsp;of which NER (1 text + spaCy load)", phases("plus_one", "ner"))
    if table.cache_experiment:
        row("Rebuild, nothing changed + Pelican content cache¹", phases("rebuild_cache", "build"))
        row("&nbsp;&nbsp;render only", lambda e: spread(field(e.get("rebuild_cache"), "render")) if e.get("rebuild_cache") else "—")
        row("Rebuild, +1 dispatch + Pelican content cache¹", phases("plus_one_cache", "build"))
    row("Wall time per process: plain / cached / rebuild", lambda e: " / ".join(f"{med(e[k], 'wall'):.2f}" for k in ("plain", "cached", "rebuild")))
    row("Peak RSS MB: plain / cold / cached / rebuild / +1", lambda e: " / ".join(
        f"{max(field(e[k], 'rss_mb')):.0f}" if e.get(k) else "—" for k in ("plain", "cold", "cached", "rebuild", "plus_one")))
    row("Articles written (cold or cached build) / rejected / warnings", lambda e: "{} / {} / {}".format(
        *(int(med(e["cached"], k)) for k in ("written", "rejected", "warnings"))))


def _ner_section(ner: dict) -> list[str]:
    finder_rate = [run["texts"] / run["seconds"] for run in ner["finder"]]
    spacy_rate = [run["texts"] / run["seconds"] for run in ner["spacy"]]
    lines = [
        "",
        f"## NER throughput ({ner['sample']} texts from the N={ner['size']:,} set, cold cache, model loaded beforehand)",
        "",
        f"Pipeline: {', '.join(ner['spacy'][0]['pipes'])} enabled; batch size {ner['spacy'][0]['batch_size']}.",
        "",
        "| | texts/s | seconds | model load (s) | peak RSS MB |",
        "|---|---|---|---|---|",
        f"| EntityFinder.find (cache writes, resolution, site vote) | {spread(finder_rate, 1)} | {spread(field(ner['finder'], 'seconds'))} | {spread(field(ner['finder'], 'model_load'))} | {max(field(ner['finder'], 'rss_mb')):.0f} |",
        f"| spaCy nlp.pipe, same pipeline | {spread(spacy_rate, 1)} | {spread(field(ner['spacy'], 'seconds'))} | {spread(field(ner['spacy'], 'model_load'))} | {max(field(ner['spacy'], 'rss_mb')):.0f} |",
    ]
    if ner.get("spacy_mp"):
        mp_rate = [run["texts"] / run["seconds"] for run in ner["spacy_mp"]]
        lines.append(
            f"| spaCy nlp.pipe, n_process=2 | {spread(mp_rate, 1)} | {spread(field(ner['spacy_mp'], 'seconds'))} | {spread(field(ner['spacy_mp'], 'model_load'))} | {max(field(ner['spacy_mp'], 'rss_mb')):.0f} |"
        )
    lines.append("")
    ratios = f"EntityFinder / spaCy: {statistics.median(finder_rate) / statistics.median(spacy_rate):.2f}× the throughput"
    if ner.get("spacy_mp"):
        ratios += f", {statistics.median(finder_rate) / statistics.median(mp_rate):.2f}× that of n_process=2"
    return lines + [ratios + "."]


def _typography_section(typo: dict | None) -> list[str]:
    lines = ["", "## Typography (french_typography.typeset on article bodies)", ""]
    if not typo:
        return lines + ["not run"]
    if "skipped" in typo:
        return lines + [f"Skipped: {typo['skipped']}."]
    runs = typo["runs"]
    rates = [run["articles"] / run["seconds"] for run in runs]
    return lines + [
        "| articles | articles/s | seconds | ms per article |",
        "|---|---|---|---|",
        f"| {runs[0]['articles']} | {spread(rates, 0)} | {spread(field(runs, 'seconds'))} | {1000 / statistics.median(rates):.3f} |",
    ]


def summarise(entry: dict, ner_rate: float | None) -> None:
    plain = med(entry["plain"], "build")
    cached = med(entry["cached"], "build")
    entry["ratio_cached"] = cached / plain
    entry["ratio_cached_no_search"] = (cached - med(entry["cached"], "search")) / plain
    entry["ratio_cached_cpu"] = med(entry["cached"], "cpu") / med(entry["plain"], "cpu")
    entry["ratio_render"] = med(entry["cached"], "render") / plain
    entry["ms_plain"] = 1000 * plain / entry["size"]
    entry["ms_cached"] = 1000 * cached / entry["size"]
    if entry["cold"]:
        entry["ratio_cold"] = med(entry["cold"], "build") / plain
    elif ner_rate:
        # Estimate: the build with the model caches warm, plus NER on every text at the measured rate.
        entry["cold_estimate"] = cached + entry["size"] / ner_rate
        entry["ratio_cold_estimate"] = entry["cold_estimate"] / plain
    else:
        entry["cold_estimate"] = float("nan")


def merge_results(runs: list[dict]) -> dict:
    """Several runs' results as one: sizes side by side; NER and typography from the first run that has them."""
    merged = dict(runs[0])
    letters = "abcdefghij"
    merged["sizes"] = [{**entry, "run": letters[number]} for number, run in enumerate(runs) for entry in run["sizes"]]
    for key in ("ner", "typography"):
        merged[key] = next((run[key] for run in runs if run.get(key)), None)
    merged["command"] = " ; ".join(f"({letters[number]}) {run['command']}" for number, run in enumerate(runs))
    merged["repeat"] = " / ".join(str(run["repeat"]) for run in runs)
    merged["date"] = " / ".join(dict.fromkeys(run["date"] for run in runs))
    loads = [run["load"] for run in all_runs(merged)]
    merged["load_median"], merged["load_max"] = statistics.median(loads), max(loads)
    ner_rate = None
    if merged.get("ner"):
        ner_rate = statistics.median(run["texts"] / run["seconds"] for run in merged["ner"]["finder"])
    for entry in merged["sizes"]:
        summarise(entry, ner_rate)
    return merged


def all_runs(node):
    if isinstance(node, dict):
        if "load" in node and "wall" in node:
            yield node
        for value in node.values():
            yield from all_runs(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_runs(value)

