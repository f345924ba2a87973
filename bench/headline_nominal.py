"""What one headline rule changes in derived headlines (issue #20, rounds 11 and 12): A/B on one split.

Usage::

    .venv/bin/python -m bench.headline_nominal [--split dev|heldout] [--list] [--rule nominal|toll|death|place]

Every dispatch of the split gets its headline derived twice from the cached parses, with and without the rule
(``RULES``: the nominal form of events, ``headline_nominal.nominal_form``, the one line of
``headline_rewrite._clause_candidate`` that offers it; the toll counted, ``headline_desk.counted_toll``; a death by
the lede's own noun, ``headline_desk.death_as_told``; the place a short headline leaves out,
``headline_place.with_place``), and both are scored against the real title (ROUGE-L F1, as ``invoke eval-headlines`` counts it). Prints the mean of
each, how many headlines changed and in which direction, and with ``--list`` each change (before, after, real
title): the list the reading of headlines-rating.md was made of.
"""

from __future__ import annotations

import argparse
import statistics
from unittest import mock

from bench.eval_headlines import CORPUS, ROOT, load, rouge_l
from digest import headline_desk, headline_place, headline_rewrite
from digest.headline import HeadlineDeriver

CACHE = ROOT / ".cache" / "headlines"
# Each rule: the module attribute that applies it, and what stands for it when it is left out.
RULES = {
    "nominal": (headline_rewrite, "nominal_form", lambda *args: None),
    "toll": (headline_desk, "counted_toll", lambda headline: headline),
    "death": (headline_desk, "death_as_told", lambda headline, first_sentence: headline),
    "place": (headline_place, "with_place", lambda headline, tokens: headline),
}


def derived(ledes: list[str], with_rule: bool, rule: str = "nominal") -> list[str]:
    """The headlines of ``ledes``, with or without ``rule``, derived again (the derived cache not read)."""
    deriver = HeadlineDeriver(CACHE)
    deriver.derived_dir = None
    if with_rule:
        return [h.text for h in deriver(ledes)]
    with mock.patch.object(*RULES[rule]):
        return [h.text for h in deriver(ledes)]


def compare(rows: list[dict], rule: str = "nominal") -> tuple[list[str], list[tuple[dict, str, str]]]:
    """Report lines and the changed headlines (row, before, after) of ``rows`` (each with its lede and real title)."""
    ledes = [row["lede"] for row in rows]
    before, after = derived(ledes, False, rule), derived(ledes, True, rule)
    scores = [(rouge_l(b, row["real"]), rouge_l(a, row["real"])) for row, b, a in zip(rows, before, after, strict=True)]
    changed = [(row, b, a) for row, b, a in zip(rows, before, after, strict=True) if a != b]
    moved = [(b, a) for (b, a), row in zip(scores, rows, strict=True) if b != a]
    lines = [f"ROUGE-L without the rule {rule} {statistics.mean(s[0] for s in scores):.4f}, "
             f"with it {statistics.mean(s[1] for s in scores):.4f} ({len(rows)} dispatches)",
             f"headlines changed {len(changed)}: ROUGE-L up {sum(a > b for b, a in moved)}, "
             f"down {sum(a < b for b, a in moved)}, equal {len(changed) - len(moved)}"]
    return lines, changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--list", action="store_true", help="each changed headline, before and after")
    ap.add_argument("--rule", choices=tuple(RULES), default="nominal")
    args = ap.parse_args(argv)
    lines, changed = compare([row for row in load(CORPUS) if row["split"] == args.split], args.rule)
    print("\n".join(lines))
    for row, before, after in changed if args.list else ():
        print(f"- {before}\n  => {after}\n  real: {row['real']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
