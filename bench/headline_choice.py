"""Is the limit of derived headlines the candidates generated or the choice among them? (issue #20)

Usage::

    .venv/bin/python -m bench.headline_choice [--split dev|heldout] [--folds 5]

For each dispatch of the split, the candidates the generator makes of the lede's first sentence
(every clause with a noun phrase for subject, both budgets, the subject as written and as its name:
``candidate_pool``) and, against the real title (ROUGE-L F1, as ``invoke eval-headlines`` counts it):

* the derived headline (the choice, as ingest makes it);
* the oracle: the candidate nearest the real title, an upper bound for any scorer of these candidates;
* the lede's first sentence whole (without its opener);
* where the real titles' content words are (``title_word_origins``): what no choice can reach;
* length policies: every headline within 55, 65, 75 characters (the rewriting budgets lowered);
* a linear ranker of the candidates of the chosen clause, learned on dev (ridge regression of each
  candidate's ROUGE-L on features known without the real title, both centred per dispatch), its
  figure on dev by k-fold cross-validation; on ``--split heldout``, trained on all of dev, scored once.

``--words``: only the real titles' content words the derived headline lacks, by class (a place, a person, a
noun, a number, a toll or death word…) and where they are in the lede (``missing_word_classes``).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics

import numpy as np

from bench.eval_headlines import CORPUS, ROOT, load, rouge_l, words
from digest import headline_rewrite
from digest.headline import HeadlineDeriver, nth_sentence
from digest.headline_candidates import Candidate, finish
from digest.headline_parse import SentenceParser
# The generator's own steps, called one by one to see every candidate best_candidate chooses among.
from digest.headline_rewrite import _candidates_with, _main_clause_of_subordinate, _nominal, _other_clauses
from digest.headline_sentence import Sentence
from digest.headline_subject import is_pronoun_subject, main_verb

BUDGETS = (headline_rewrite.BUDGET, 100)
LENGTH_POLICIES = (55, 65, 75)
CACHE = ROOT / ".cache" / "headlines"
# Dependencies of what a candidate dropped that the ranker counts, one feature each.
_DROPPED_DEPS = ("obl:mod", "obl", "advcl", "acl", "acl:relcl", "nmod", "amod", "appos", "conj", "obl:agent", "advmod")
_SCORE = 16  # the column of ``features`` that holds the generator's own score; the last one: chosen by it
PENALTIES = (10.0, 100.0, 1000.0)  # ridge penalties on standardised features, chosen among by cross-validation


def candidate_pool(tokens) -> list[tuple[int, Candidate]]:
    """Every candidate of the sentence, with the rank of the clause it was made of (0: the main one)."""
    sentence = Sentence(tokens)
    verb = main_verb(sentence)
    if verb is None:
        return [(0, found) for budget in BUDGETS if (found := _nominal(sentence, budget)) is not None]
    main = _main_clause_of_subordinate(sentence, verb)
    heads = list(dict.fromkeys(h for h in (main, verb, *_other_clauses(sentence, verb)) if h is not None))
    pool = []
    for rank, head in enumerate(heads):
        if (resolved := headline_rewrite.resolved_subject(sentence, head)) is None:
            continue
        subject, subject_tokens, written, name = resolved
        if is_pronoun_subject(sentence, subject_tokens):
            continue
        for simplified in ([set(name)] if name else []) + [subject_tokens]:
            for budget in BUDGETS:
                pool += [(rank, found) for found in _candidates_with(sentence, head, subject, simplified, written, budget)]
    return pool


def features(tokens, candidate: Candidate, rank: int, clause: set[int], chosen: bool) -> list[float]:
    """What a candidate keeps and drops of its clause, known without the real title."""
    kept, text = set(candidate.kept), finish(candidate.text)
    content = {i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")}
    entities = {t.text.lower() for t in tokens if t.entity}
    dropped = clause - kept
    dropped_heads = [i for i in dropped if tokens[i].head not in dropped]
    return [
        len(text) / 10, (len(text) / 10) ** 2, len(text.split()), float(len(text) < 40), float(len(text) > 80),
        len(kept & content) / max(1, len(content)),
        len({tokens[i].text.lower() for i in kept if tokens[i].entity}) / max(1, len(entities)),
        sum(tokens[i].pos == "NUM" for i in kept), sum(tokens[i].pos == "NUM" for i in dropped),
        sum(tokens[i].entity == "LOC" for i in kept), sum(tokens[i].entity == "LOC" for i in dropped),
        sum(tokens[i].entity == "PER" for i in kept), sum(tokens[i].entity == "PER" for i in dropped),
        float(candidate.whole), float(rank > 0), float("«" in text), candidate.score, len(dropped),
        *(sum(tokens[i].dep == dep for i in dropped_heads) for dep in _DROPPED_DEPS),
        float(chosen),
    ]


def ranking_groups(rows: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each dispatch whose chosen headline is a candidate of the pool: the features and ROUGE-L of
    the distinct candidates of the clause it was made of (what ``_clause_candidate`` chooses among)."""
    groups = []
    for row in rows:
        made_of = [rank for rank, c in row["pool"] if finish(c.text) == row["chosen"]]
        if not made_of:
            continue
        distinct = {finish(c.text): c for rank, c in row["pool"] if rank == made_of[0]}
        clause = set().union(*(c.kept for c in distinct.values()))
        matrix = [features(row["tokens"], c, made_of[0], clause, text == row["chosen"]) for text, c in distinct.items()]
        groups.append((np.array(matrix, dtype=float), np.array([rouge_l(text, row["real"]) for text in distinct])))
    return groups


def fit_ranker(groups: list[tuple[np.ndarray, np.ndarray]], penalty: float) -> np.ndarray:
    """Ridge weights on features and ROUGE-L centred per dispatch: only differences within one
    dispatch's candidates count, which is all a choice among them can use."""
    x = np.vstack([m - m.mean(axis=0) for m, _ in groups])
    y = np.concatenate([r - r.mean() for _, r in groups])
    scale = np.vstack([m for m, _ in groups]).std(axis=0) + 1e-9
    z = x / scale
    return np.linalg.solve(z.T @ z + penalty * np.eye(z.shape[1]), z.T @ y) / scale


def chosen_rouge(groups, weights: np.ndarray) -> list[float]:
    return [float(rouges[np.argmax(matrix @ weights)]) for matrix, rouges in groups]


def cross_validated(groups, folds: int, penalty: float, seed: int = 11) -> float:
    """Mean ROUGE-L of the ranker's choice, each fold scored by weights learned on the others."""
    order = list(range(len(groups)))
    random.Random(seed).shuffle(order)
    scores = []
    for k in range(folds):
        held = set(order[k::folds])
        weights = fit_ranker([g for n, g in enumerate(groups) if n not in held], penalty)
        scores += chosen_rouge([groups[n] for n in sorted(held)], weights)
    return statistics.mean(scores)


def with_budget(rows: list[dict], budget: int) -> tuple[float, float]:
    """Mean ROUGE-L and median length of the headlines derived with every rewriting budget lowered to ``budget``."""
    saved = headline_rewrite.BUDGET, headline_rewrite.WHOLE_BUDGET
    headline_rewrite.BUDGET = headline_rewrite.WHOLE_BUDGET = budget
    try:
        deriver = HeadlineDeriver(CACHE)
        deriver.derived_dir = None  # derived again, not read from (nor written to) the cache
        headlines = deriver([row["lede"] for row in rows])
    finally:
        headline_rewrite.BUDGET, headline_rewrite.WHOLE_BUDGET = saved
    return (statistics.mean(rouge_l(h.text, row["real"]) for h, row in zip(headlines, rows, strict=True)),
            statistics.median(len(h.text) for h in headlines))


def prepared(split: str) -> list[dict]:
    """The split's rows with their derived headline, first sentence, its parse, the generator's choice
    of it (``chosen``) and its candidate pool."""
    rows = [row for row in load(CORPUS) if row["split"] == split]
    for row, headline in zip(rows, HeadlineDeriver(CACHE)([row["lede"] for row in rows]), strict=True):
        row["derived"] = headline.text
    firsts = [nth_sentence(row["lede"], 0) for row in rows]
    for row, first, tokens in zip(rows, firsts, SentenceParser(CACHE).parse(firsts), strict=True):
        best = headline_rewrite.best_candidate(tokens, *BUDGETS)
        row.update(first=first, tokens=tokens, chosen=best.text if best else None, pool=candidate_pool(tokens))
    return rows


# Words a title is made with that say nothing by themselves: not counted where the title's words come from.
_FUNCTION_WORDS = frozenset("le la les l un une des du de d au aux à a et en par pour sur dans avec se s ne n qui que qu est sont ont".split())


def title_word_origins(rows: list[dict]) -> dict[str, float]:
    """Where the real titles' content words are: in the derived headline, in another candidate, in the
    first sentence but no candidate, in a later sentence of the lede, in the lede in another form (the
    same first five letters: "décès" for "décédé"), or nowhere in the lede (shares of all such words)."""
    counts = dict.fromkeys(("derived headline", "another candidate", "first sentence, no candidate",
                            "later sentence", "another form", "nowhere in the lede"), 0)
    for row in rows:
        candidates = set(words(" ".join(c.text for _, c in row["pool"])))
        derived, first, lede = set(words(row["derived"])), set(words(row["first"])), set(words(row["lede"]))
        for word in (w for w in words(row["real"]) if w not in _FUNCTION_WORDS):
            counts[next(name for name, found in (
                ("derived headline", word in derived), ("another candidate", word in candidates),
                ("first sentence, no candidate", word in first), ("later sentence", word in lede),
                ("another form", len(word) >= 5 and any(other[:5] == word[:5] for other in lede)),
                ("nowhere in the lede", True)) if found)] += 1
    total = sum(counts.values()) or 1
    return {name: count / total for name, count in counts.items()}


# The classes of a real title's word that the derived headline lacks, by the first sentence's parse of it.
_CLASS_OF_ENTITY = {"LOC": "place", "PER": "person", "ORG": "organisation", "MISC": "other name"}
_CLASS_OF_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "NUM": "number", "PROPN": "other name"}
# Words of a toll or a death a desk writes that ledes say otherwise ("4 personnes tuées", "est décédé").
_TOLL_WORDS = frozenset("morts mort blessés blessé décès victimes tués tué meurt".split())


def missing_word_classes(rows: list[dict]) -> dict[tuple[str, str], int]:
    """The real titles' content words the derived headline lacks, counted by (class, where in the lede): the class
    the first sentence's parse gives the word (a place, a person, a noun, a number…; toll and death words apart),
    else a capitalised or numeric word's; where: the first sentence, a later one, or nowhere."""
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        derived, first, lede = set(words(row["derived"])), set(words(row["first"])), set(words(row["lede"]))
        classes = {}
        for token in row["tokens"]:
            for word in words(token.text):
                classes.setdefault(word, _CLASS_OF_ENTITY.get(token.entity) or _CLASS_OF_POS.get(token.pos, "other"))
        for word in (w for w in words(row["real"]) if w not in _FUNCTION_WORDS and w not in derived):
            where = "first sentence" if word in first else "later sentence" if word in lede else "nowhere in the lede"
            kind = "toll or death word" if word in _TOLL_WORDS else classes.get(word) or (
                "number" if word.isdigit() else "capitalised" if re.search(rf"\b{word.capitalize()}\b", row["real"]) else "other")
            counts[kind, where] = counts.get((kind, where), 0) + 1
    return counts


def word_report(split: str) -> list[str]:
    """What the real titles say that the derived headlines do not, by class and where it is (``--words``)."""
    rows = [row for row in load(CORPUS) if row["split"] == split]
    for row, headline in zip(rows, HeadlineDeriver(CACHE)([row["lede"] for row in rows]), strict=True):
        row["derived"] = headline.text
    firsts = [nth_sentence(row["lede"], 0) for row in rows]
    for row, first, tokens in zip(rows, firsts, SentenceParser(CACHE).parse(firsts), strict=True):
        row.update(first=first, tokens=tokens)
    counts = missing_word_classes(rows)
    total = sum(len([w for w in words(row["real"]) if w not in _FUNCTION_WORDS]) for row in rows)
    lines = [f"{split}: {len(rows)} dispatches, {total} content words in the real titles, "
             f"{sum(counts.values())} of them not in the derived headline; by class and where (share of all):"]
    return lines + [f"  {kind:20} {where:20} {count:5} {count / total:6.1%}"
                    for (kind, where), count in sorted(counts.items(), key=lambda item: -item[1])]


def report(split: str, folds: int) -> list[str]:
    rows = prepared(split)
    mean = statistics.mean
    derived = [rouge_l(row["derived"], row["real"]) for row in rows]
    oracle = [max([rouge_l(c.text, row["real"]) for _, c in row["pool"]] + [d]) for row, d in zip(rows, derived, strict=True)]
    sizes = [len({c.text for _, c in row["pool"]}) for row in rows]
    lines = [f"{split}: {len(rows)} dispatches, {mean(sizes):.1f} distinct candidates each (median {statistics.median(sizes):g})",
             f"derived (the choice)            {mean(derived):.3f} (median length {statistics.median(len(row['derived']) for row in rows):g})",
             f"oracle (best of pool, derived)  {mean(oracle):.3f}",
             f"first sentence whole            {mean(rouge_l(row['first'], row['real']) for row in rows):.3f}"]
    lines.append("real titles' content words: " + ", ".join(f"{name} {share:.1%}" for name, share in title_word_origins(rows).items()))
    lines += [f"every budget {budget}                {rouge:.3f} (median length {length:g})"
              for budget in LENGTH_POLICIES for rouge, length in [with_budget(rows, budget)]]
    dev_groups = ranking_groups(rows if split == "dev" else prepared("dev"))
    groups = ranking_groups(rows) if split != "dev" else dev_groups
    lines.append(f"chosen clause ({len(groups)} dispatches): choice {mean(r[np.argmax(m[:, -1])] for m, r in groups):.3f}, "
                 f"oracle {mean(r.max() for _, r in groups):.3f}, highest _score {mean(r[np.argmax(m[:, _SCORE])] for m, r in groups):.3f}")
    validated = {penalty: cross_validated(dev_groups, folds, penalty) for penalty in PENALTIES}
    lines += [f"learned ranker, {folds}-fold CV on dev, penalty {penalty:g}: {score:.3f}" for penalty, score in validated.items()]
    if split != "dev":
        penalty = max(validated, key=validated.get)
        lines.append(f"learned ranker, trained on dev (penalty {penalty:g}), scored once: {mean(chosen_rouge(groups, fit_ranker(dev_groups, penalty))):.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--words", action="store_true", help="only what the real titles say that the headlines do not")
    args = ap.parse_args(argv)
    print("\n".join(word_report(args.split) if args.words else report(args.split, args.folds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
