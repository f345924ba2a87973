"""The dev fallbacks and why no candidate passed (issue #20).

Usage::

    .venv/bin/python -m bench.headline_fallbacks [--split dev] [--shown 6] [--speed N]

For each dispatch of the split whose derived headline is a fallback (no rewriting good enough): its first two
sentences, the fallback, the real title, and for each clause of the first sentence (``headline_choice.candidate_pool``'s
heads) what stopped it: no noun phrase for subject, a pronoun subject, the tense that cannot be made present, or the
candidates the generator tried with the first check each one failed (``complete``, the strict reader's fault in its
own words, …), the longest ones first. Held-out is for counting only: ``--split heldout`` prints no lede.
``--speed N``: instead, the CPU milliseconds per dispatch of deriving N ledes with nothing cached (the model loaded
beforehand), with and without the word order said plainly (``headline_cleft``, ``headline_inversion``) and the shorter
sentences (``headline_retry.shorter_sentences``), interleaved
by chunks of 20, each first in every other chunk (``headline_reread.interleaved_cpu_ms``).
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from unittest import mock

from bench.eval_headlines import CORPUS, load
from bench.headline_choice import BUDGETS, CACHE
from bench.headline_reread import interleaved_cpu_ms
from digest import headline_candidates, headline_retry, headline_rewrite
from digest.headline import HeadlineDeriver, nth_sentence
from digest.headline_parse import SentenceParser
from digest.headline_sentence import Sentence
from digest.headline_subject import is_pronoun_subject, main_verb

# The checks ``generate_candidates`` calls on each candidate, in its order, and whether each refuses on a true
# result (a fault found) or a false one (a property missing): the first that refuses is the one recorded.
_CHECKS = {"complete": False, "has_relative_day": True, "_whole_constituents": False, "splits_a_span": True,
           "_gap_in_subject": True, "reader_fault": True}


@contextmanager
def refusals(record: list[tuple[str, str]]):
    """While active, each candidate text the generator refuses is added to ``record`` with the check that refused it."""
    rendered: list[str] = []
    real_render = headline_candidates.render

    def render(*args, **kwargs):
        text = real_render(*args, **kwargs)
        rendered.append(text)
        return text

    def traced(name, check):
        def call(*args, **kwargs):
            result = check(*args, **kwargs)
            refused = bool(result) == _CHECKS[name]
            if refused and rendered:
                record.append((rendered[-1], name if name != "reader_fault" else f"reader_fault: {result}"))
            return result
        return call

    patches = [mock.patch.object(headline_candidates, name, traced(name, getattr(headline_candidates, name))) for name in _CHECKS]
    patches.append(mock.patch.object(headline_candidates, "render", render))
    for patch in patches:
        patch.start()
    try:
        yield
    finally:
        for patch in reversed(patches):
            patch.stop()


def clause_report(tokens, shown: int) -> list[str]:
    """Why each clause of the parsed sentence gave no candidate."""
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    if verb is None:
        return ["  no main verb (root " + ", ".join(f"{t.text}/{t.pos}" for t in tokens if t.dep == "ROOT") + ")"]
    main = headline_rewrite._main_clause_of_subordinate(sentence, verb)
    heads = list(dict.fromkeys(h for h in (main, verb, *headline_rewrite._other_clauses(sentence, verb)) if h is not None))
    lines = []
    for head in heads:
        label = f"  clause « {tokens[head].text} » ({tokens[head].pos}, {tokens[head].dep})"
        if (resolved := headline_rewrite.resolved_subject(sentence, head)) is None:
            lines.append(label + ": no noun phrase for subject")
            continue
        subject, subject_tokens, written, name = resolved
        said = " ".join(tokens[i].text for i in sorted(subject_tokens))
        if is_pronoun_subject(sentence, subject_tokens):
            lines.append(label + f": a pronoun for subject « {said} »")
            continue
        kept, replaced = headline_rewrite.predicate(sentence, head, subject, subject_tokens, min(written | {subject}))
        if kept is None:
            lines.append(label + f": subject « {said} », the tense cannot be made present")
            continue
        record: list[tuple[str, str]] = []
        with refusals(record):
            passed = [c.text for budget in BUDGETS
                      for c in headline_candidates.generate_candidates(sentence, head, subject_tokens, kept, replaced, budget)]
        lines.append(label + f": subject « {said} », {len(passed)} passed the generator's checks"
                     + (" (refused after: the reread, the nominal form or the clause's own checks)" if passed else ""))
        for text, why in sorted(set(record), key=lambda item: -len(item[0]))[:shown]:
            lines.append(f"    [{why}] {text}")
    return lines


def report(split: str, shown: int) -> list[str]:
    rows = [row for row in load(CORPUS) if row["split"] == split]
    headlines = HeadlineDeriver(CACHE)([row["lede"] for row in rows])
    fallbacks = [(row, h) for row, h in zip(rows, headlines, strict=True) if not h.rewritten]
    lines = [f"{split}: {len(fallbacks)} fallbacks of {len(rows)} ({len(fallbacks) / max(1, len(rows)):.1%})"]
    if split != "dev":
        return lines
    firsts = [nth_sentence(row["lede"], 0) for row, _ in fallbacks]
    for number, ((row, headline), first, tokens) in enumerate(zip(fallbacks, firsts, SentenceParser(CACHE).parse(firsts), strict=True), 1):
        lines += ["", f"## {number}. {row['file']}", f"first:    {first}", f"second:   {nth_sentence(row['lede'], 1)}",
                  f"fallback: {headline.text}", f"real:     {row['real']}", *clause_report(tokens, shown)]
    return lines


def speed(ledes: list[str]) -> tuple[float, float]:
    """CPU ms per dispatch of a cold derivation of ``ledes`` without and with the word order said plainly and the shorter
    sentences, interleaved."""
    without, with_ = HeadlineDeriver(None), HeadlineDeriver(None)
    without.parser._nlp = with_.parser.nlp  # one model, loaded outside the timing

    def derive_without(chunk: list[str]) -> None:
        with mock.patch.object(headline_retry, "plain_cleft", lambda *_: ""), \
                mock.patch.object(headline_retry, "subject_first", lambda *_: ""), \
                mock.patch.object(headline_retry, "shorter_sentences", lambda *_: []):
            without(chunk)

    return interleaved_cpu_ms(ledes, derive_without, with_)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--shown", type=int, default=6, help="refused candidates shown for each clause")
    ap.add_argument("--speed", type=int, metavar="N", help="CPU time of N cold derivations, with and without")
    args = ap.parse_args(argv)
    if args.speed:
        ledes = [row["lede"] for row in load(CORPUS) if row["split"] == args.split][:args.speed]
        before_ms, after_ms = speed(ledes)
        print(f"{len(ledes)} ledes ({args.split}), nothing cached: {before_ms:.1f} -> {after_ms:.1f} CPU ms per dispatch")
        return 0
    print("\n".join(report(args.split, args.shown)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
