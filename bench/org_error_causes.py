"""Group the organisation errors of the cross-validation by cause (bench/results/entities.md).

Usage::

    .venv/bin/python -m bench.org_error_causes [--examples FILE]

Reads the folds' cached spans (``invoke eval-entities`` trains them first), runs the whole pipeline
on each fold as ``invoke eval-entities`` does, and puts each false (FP) or missed (FN) organisation
in the first group that fits: the same name predicted or annotated with another kind; another form
of the annotated entity chosen as the page name; a predicted name containing the annotated one or
contained in it (span boundaries); a model span with the annotated name that the rules dropped; a
model span of another extent on an annotated occurrence; no model span at all. A false organisation
the annotations never mark anywhere, or mark elsewhere only, is counted apart. ``--examples`` writes
every error under its group.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from bench.eval_entities import CORPUS, ROOT, gold_entities, scored_name
from digest.entities.editorial import load_editorial
from digest.entities.finder import resolve_all, site_type_vote
from digest.entities.training import GoldReport, Settings, folds_by_date, held_out_spans, read_gold


def _inside(short: str, long: str) -> bool:
    return short != long and re.search(rf"(^| ){re.escape(short)}( |$)", long) is not None


def _missed_cause(name: str, forms: set[str], predicted: dict, model: dict, overlapping: list[str]) -> str:
    if name in predicted:
        return f"FN typed {predicted[name]}"
    if any(predicted.get(form) == "organisation" for form in forms):
        return "FN other form chosen as the name"
    if any(_inside(p, name) or _inside(name, p) for p in predicted):
        return "FN boundary"
    if any(form in model for form in forms):
        return "FN model found it, a rule dropped it"
    if overlapping:
        return "FN model span of another extent"
    return "FN model missed" + (" (acronym)" if re.fullmatch(r"[A-Z0-9\-&.]{2,}", name) else "")


def _false_cause(name: str, annotated: dict, labels_anywhere: Counter) -> str:
    if name in annotated:
        return f"FP typed ORG, annotated {annotated[name]}"
    if any(_inside(g, name) or _inside(name, g) for g in annotated):
        return "FP boundary"
    return "FP annotated elsewhere only" if labels_anywhere else "FP never annotated"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=Path, default=None)
    args = ap.parse_args(argv)
    gold_path = CORPUS / "ner_gold.jsonl"
    docs = read_gold(gold_path, GoldReport())
    raw = {d["id"]: d for d in (json.loads(line) for line in gold_path.open(encoding="utf-8"))}
    spans = held_out_spans(docs, 3, Settings(), ROOT / ".cache" / "entities-cv")
    editorial = load_editorial(ROOT / "content" / "entities.toml")
    labels_of: dict[str, Counter] = defaultdict(Counter)
    for d in raw.values():
        for s, e, label in d["entities"]:
            labels_of[scored_name(d["text"][s:e])][label] += 1
    causes: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for number, fold in enumerate(folds_by_date(docs, 3), 1):
        found = [spans[d.id] for d in fold]
        preds = site_type_vote(resolve_all([d.text for d in fold], found, editorial), editorial)
        for doc, pred, model_spans in zip(fold, preds, found):
            gold = {(scored_name(g.name), g.kind): g for g in gold_entities(raw[doc.id], editorial, 0)}
            predicted = {(scored_name(p.name), p.kind): p for p in pred}
            model: dict[str, set] = defaultdict(set)
            for s, e, label in model_spans:
                model[scored_name(doc.text[s:e])].add(label)
            by_name = {name: kind for name, kind in predicted}
            annotated = {name: kind for name, kind in gold}
            for key in sorted(set(gold) - set(predicted)):
                if key[1] != "organisation":
                    continue
                entity = gold[key]
                forms = {scored_name(f) for f in (entity.name, *entity.forms)}
                at = [(s, e) for s, e, _ in raw[doc.id]["entities"] if scored_name(doc.text[s:e]) in forms]
                overlapping = [doc.text[s:e] for s, e, _ in model_spans for gs, ge in at if s < ge and e > gs]
                cause = _missed_cause(key[0], forms, by_name, model, overlapping)
                causes[cause] += 1
                examples[cause].append(f"{number}\t{entity.name}\t{doc.id}")
            for key in sorted(set(predicted) - set(gold)):
                if key[1] != "organisation":
                    continue
                cause = _false_cause(key[0], annotated, labels_of.get(key[0], Counter()))
                causes[cause] += 1
                examples[cause].append(f"{number}\t{predicted[key].name}\t{doc.id}")
    for cause, count in causes.most_common():
        print(f"{count:5d}  {cause}")
    if args.examples:
        args.examples.write_text("".join(f"## {cause} ({len(lines)})\n" + "\n".join(lines) + "\n\n"
                                         for cause, lines in sorted(examples.items())), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
