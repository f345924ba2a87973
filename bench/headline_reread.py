"""What reading each headline candidate again changes (issue #20, round 12): A/B on one split.

Usage::

    .venv/bin/python -m bench.headline_reread [--split dev|heldout] [--only CHECK] [--list] [--speed N]

Every dispatch of the split gets its headline derived twice from the cached parses: without the reading again
(``HeadlineDeriver.reread`` off) and with it (each candidate's own parse compared with what it means,
``headline_reread.misreading``; ``--only`` keeps one of its checks: ``names``, ``list``, ``subject``). Prints
the ROUGE-L F1 of each against the real titles, the fallbacks, the headlines changed, the CPU time of each
derivation, and with ``--list`` each change (before, after, real title): the list the reading was made of.
``--speed N``: instead, the CPU milliseconds per dispatch of deriving N ledes with nothing cached (each sentence and
candidate parsed by the model, loaded beforehand), with and without the reading again, interleaved by chunks of 20,
each first in every other chunk.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from unittest import mock

from bench.eval_headlines import CORPUS, ROOT, load, rouge_l
from digest import headline_reread
from digest.headline import HeadlineDeriver

CACHE = ROOT / ".cache" / "headlines"
CHECKS = {"names": "_names_glued", "list": "_list_read_as_complements", "subject": "_subject_swapped"}


def derived(ledes: list[str], reread: bool) -> tuple[list, float]:
    """The headlines of ``ledes`` derived again (the derived cache not read), and the CPU seconds it took."""
    deriver = HeadlineDeriver(CACHE)
    deriver.derived_dir = None
    if not reread:
        deriver.reread = None
    started = time.process_time()
    headlines = deriver(ledes)
    return headlines, time.process_time() - started


def speed(ledes: list[str]) -> tuple[float, float]:
    """CPU ms per dispatch of a cold derivation of ``ledes`` without and with the reading again, interleaved."""
    without, with_ = HeadlineDeriver(None), HeadlineDeriver(None)
    without.reread = None
    without.parser._nlp = with_.parser.nlp  # one model, loaded outside the timing
    return interleaved_cpu_ms(ledes, without, with_)


def interleaved_cpu_ms(ledes: list[str], before, after) -> tuple[float, float]:
    """CPU ms per lede of two derivations (callables on a list of ledes), by chunks of 20, each first in every other
    chunk: what one run leaves warm does not favour the other."""
    spent = [0.0, 0.0]
    for start in range(0, len(ledes), 20):
        for n, derive in ((0, before), (1, after)) if start % 40 else ((1, after), (0, before)):
            started = time.process_time()
            derive(ledes[start:start + 20])
            spent[n] += time.process_time() - started
    return 1000 * spent[0] / len(ledes), 1000 * spent[1] / len(ledes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--only", choices=sorted(CHECKS), help="only this check of the reading again")
    ap.add_argument("--list", action="store_true", help="each changed headline, before and after")
    ap.add_argument("--speed", type=int, metavar="N", help="CPU time of N cold derivations, with and without")
    args = ap.parse_args(argv)
    rows = [row for row in load(CORPUS) if row["split"] == args.split]
    ledes = [row["lede"] for row in rows]
    if args.speed:
        before_ms, after_ms = speed(ledes[:args.speed])
        print(f"{args.speed} ledes ({args.split}), nothing cached: {before_ms:.1f} -> {after_ms:.1f} CPU ms per dispatch")
        return 0
    before, cpu_before = derived(ledes, reread=False)
    off = {f: (lambda *a: None) for name, f in CHECKS.items() if args.only and name != args.only}
    with mock.patch.multiple(headline_reread, **off) if off else contextlib.nullcontext():
        after, cpu_after = derived(ledes, reread=True)
    scores = [(rouge_l(b.text, r["real"]), rouge_l(a.text, r["real"])) for r, b, a in zip(rows, before, after, strict=True)]
    changed = [(r, b, a) for r, b, a in zip(rows, before, after, strict=True) if a.text != b.text]
    print(f"{len(rows)} dispatches ({args.split}); ROUGE-L without {statistics.mean(s[0] for s in scores):.4f}, "
          f"with {statistics.mean(s[1] for s in scores):.4f}")
    print(f"fallbacks without {sum(not h.rewritten for h in before)}, with {sum(not h.rewritten for h in after)}")
    print(f"changed {len(changed)}; CPU {1000 * cpu_before / len(rows):.2f} -> {1000 * cpu_after / len(rows):.2f} ms per dispatch")
    for row, b, a in changed if args.list else ():
        print(f"- {b.text}{'' if b.rewritten else ' (fallback)'}\n  => {a.text}{'' if a.rewritten else ' (fallback)'}\n"
              f"  real: {row['real']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
