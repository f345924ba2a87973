"""Throughput of french_typography.typeset on the dispatch corpus.

Each dispatch's paragraphs are HTML-escaped and wrapped in <p> (the shape
the site's Markdown renderer gives them), then typeset repeatedly on one
core.  Run: .venv/bin/python bench/typography.py [--rounds N]
Target: >= 2,000 articles per second.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from french_typography import typeset
from french_typography.pelican_glue import text_to_html

DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "dispatches")


def load(corpus: str) -> list[str]:
    docs = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            docs.append(text_to_html(fh.read()))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=os.environ.get("DISPATCHES", DEFAULT_CORPUS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--target", type=float, default=2000.0)
    args = ap.parse_args()
    docs = load(args.corpus)
    if not docs:
        print(f"no dispatches in {args.corpus}", file=sys.stderr)
        return 2
    nbytes = sum(len(d.encode()) for d in docs)
    for d in docs[:50]:  # warm the regex caches
        typeset(d)
    best = float("inf")
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for d in docs:
            typeset(d)
        best = min(best, time.perf_counter() - t0)
    rate = len(docs) / best
    print(f"{len(docs)} articles, {nbytes / 1e6:.2f} MB, best of {args.rounds}: "
          f"{best:.3f} s -> {rate:,.0f} articles/s, {nbytes / best / 1e6:.2f} MB/s "
          f"(target {args.target:,.0f}: {'OK' if rate >= args.target else 'BELOW'})")
    return 0 if rate >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
