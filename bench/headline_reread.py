"""What reading each headline candidate again changes (issue #20, round 12): A/B on one split.

Usage::

    .venv/bin/python -m bench.headline_reread [--split dev|heldout] [--only CHECK] [--list]

Every dispatch of the split gets its headline derived twice from the cached parses: without the reading again
(``HeadlineDeriver.reread`` off) and with it (each candidate's own parse compared with what it means,
``headline_reread.misreading``; ``--only`` keeps one of its checks: ``names``, ``list``, ``subject``). Prints
the ROUGE-L F1 of each against the real titles, the fallbacks, the headlines changed, the CPU time of each
derivation, and with ``--list`` each change (before, after, real title): the list the reading was made of.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--only", choices=sorted(CHECKS), help="only this check of the reading again")
    ap.add_argument("--list", action="store_true", help="each changed headline, before and after")
    args = ap.parse_args(argv)
    rows = [row for row in load(CORPUS) if row["split"] == args.split]
    ledes = [row["lede"] for row in rows]
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
