"""Ingest's NER throughput, stock fr_core_news_md against the shipped model, in one run.

Usage::

    OMP_NUM_THREADS=1 .venv/bin/python -m bench.ner_throughput [--texts 400] [--rounds 3]

Both models read the same corpus dispatches (``../shared/corpus/dispatches``, the first ``--texts``
by name) exactly as a cold ingest does (``finder._model_spans``: the body after the date line, in
batches, one process), the models taking turns round after round so that a busy machine slows both
alike. Each model is loaded before its clock starts. Printed per model: dispatches per CPU-second of
this process (the figure the shared machine's load changes least) and per wall-clock second, the
best round of each, and the trained model's difference to the stock one.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from digest.entities import finder as finder_module
from digest.entities.finder import EntityFinder

ROOT = Path(__file__).resolve().parents[1]
DISPATCHES = ROOT.parent / "shared" / "corpus" / "dispatches"


def rates(nlp, texts: list[str]) -> tuple[float, float]:
    """Dispatches per CPU-second of this process and per wall-clock second, ``texts`` read once."""
    cpu, wall = time.process_time(), time.perf_counter()
    for _spans in finder_module._model_spans(nlp, texts):
        pass
    return len(texts) / (time.process_time() - cpu), len(texts) / (time.perf_counter() - wall)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dispatches", type=Path, default=DISPATCHES)
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "entities")
    args = ap.parse_args(argv)
    texts = [path.read_text(encoding="utf-8") for path in sorted(args.dispatches.glob("*.txt"))[: args.texts]]
    editorial = ROOT / "content" / "entities.toml"
    models = {"stock": EntityFinder(editorial, args.cache, model_dir=None).nlp,
              "trained": EntityFinder(editorial, args.cache).nlp}
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in models}
    for turn in range(args.rounds):  # one round each, in turns (the order swapped each round)
        for name in (list(models) if turn % 2 == 0 else list(models)[::-1]):
            measured[name].append(rates(models[name], texts))
    best = {name: (max(cpu for cpu, _ in found), max(wall for _, wall in found)) for name, found in measured.items()}
    for name, (cpu, wall) in best.items():
        print(f"{name:<8} {cpu:6.1f} dispatches per CPU-second, {wall:6.1f} per second ({len(texts)} dispatches, best of {args.rounds})")
    change = best["trained"][0] / best["stock"][0] - 1
    print(f"trained vs stock: {change:+.1%} per CPU-second, {best['trained'][1] / best['stock'][1] - 1:+.1%} per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
