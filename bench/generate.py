"""Generate N realistic dispatches for the benchmark, from the real corpus in ../shared/corpus.

Each generated dispatch starts from one real Wikinews dispatch (its lede stays its lede), with
some named entities swapped for other names of the same type (taken from the hand-annotated
mentions of the whole corpus and from a short built-in list), its body paragraphs sometimes
reordered, trimmed or extended with a paragraph of another dispatch. Dates run backwards from
END at about 14 dispatches a day (5,000 dispatches = a year), some with a time and an offset.

Deterministic: dispatch ``i`` depends only on the seed and on ``i`` (and on the dispatches before
it, to keep every text unique), so the first 1,000 of a 5,000 set are the 1,000 set, and a NER
cache warmed for the large set serves the small one.

    python bench/generate.py OUT_DIR --count 1000 [--seed 42]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "1"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
END = dt.date(2025, 8, 22)
PER_DAY = 13.7  # 5,000 dispatches a year
LABELS = ("PER", "ORG", "LOC")

# Names added to the corpus' own mentions, so that substitutions also bring names the corpus
# never had (recent people, bodies, places: what a 2020s digest talks about).
EXTRA_NAMES = {
    "PER": [
        "Emmanuel Macron", "Élisabeth Borne", "Gabriel Attal", "Michel Barnier", "François Bayrou",
        "Marine Le Pen", "Jean-Luc Mélenchon", "Anne Hidalgo", "Volodymyr Zelensky", "Vladimir Poutine",
        "Olaf Scholz", "Giorgia Meloni", "Pedro Sánchez", "Ursula von der Leyen", "Mark Rutte",
        "Joe Biden", "Kamala Harris", "Donald Trump", "Xi Jinping", "Narendra Modi", "Luiz Inácio Lula da Silva",
        "Cyril Ramaphosa", "Recep Tayyip Erdoğan", "Benyamin Netanyahou", "Antonio Guterres",
        "Christine Lagarde", "Kylian Mbappé", "Aya Nakamura", "Thomas Pesquet", "Annie Ernaux",
    ],
    "ORG": [
        "OTAN", "Union européenne", "ONU", "OMS", "Banque centrale européenne", "FMI", "Assemblée nationale",
        "Sénat", "Conseil constitutionnel", "SNCF", "EDF", "Airbus", "Renault", "TotalEnergies", "CNRS",
        "Météo-France", "Médecins sans frontières", "Croix-Rouge", "CGT", "Parlement européen",
        "Cour pénale internationale", "UNESCO", "Agence spatiale européenne", "Interpol", "Greenpeace",
    ],
    "LOC": [
        "Paris", "Marseille", "Lyon", "Toulouse", "Nantes", "Strasbourg", "Lille", "Bordeaux", "Rennes",
        "Montpellier", "Kiev", "Moscou", "Bruxelles", "Berlin", "Madrid", "Rome", "Washington", "Pékin",
        "Tokyo", "New Delhi", "Dakar", "Abidjan", "Montréal", "Genève", "Gaza", "Ukraine", "Bretagne",
        "Corse", "Nouvelle-Calédonie", "Guadeloupe", "Sahel", "Méditerranée",
    ],
}


@dataclass(frozen=True)
class Source:
    file: str
    text: str
    entities: tuple[tuple[int, int, str], ...]
    url: str


def load_corpus(corpus: Path = CORPUS) -> tuple[list[Source], dict[str, list[str]]]:
    urls = {}
    for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            urls[entry["file"]] = entry.get("url", "")
    sources: list[Source] = []
    pools: dict[str, set[str]] = {label: set(names) for label, names in EXTRA_NAMES.items()}
    for line in (corpus / "ner_gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        text = entry["text"]
        spans = []
        for start, end, label in sorted(entry["entities"]):
            if label not in LABELS or (spans and start < spans[-1][1]):
                continue
            surface = text[start:end]
            if "\n" in surface or not 2 <= len(surface) <= 40:
                continue
            spans.append((start, end, label))
            pools[label].add(surface)
        sources.append(Source(entry["file"], text, tuple(spans), urls.get(entry["file"], "")))
    sources.sort(key=lambda source: source.file)
    return sources, {label: sorted(names) for label, names in pools.items()}


def _substitute(source: Source, pools: dict[str, list[str]], rng: random.Random) -> str:
    """The source text with one to three of its names replaced everywhere by other names of the same type."""
    surfaces = sorted({(source.text[s:e], label) for s, e, label in source.entities})
    if not surfaces:
        return source.text
    chosen = rng.sample(surfaces, k=min(len(surfaces), rng.randint(1, 3)))
    replacement = {}
    for surface, label in chosen:
        name = rng.choice(pools[label])
        if name != surface:
            replacement[(surface, label)] = name
    text = source.text
    for start, end, label in sorted(source.entities, reverse=True):
        new = replacement.get((text[start:end], label))
        if new:
            text = text[:start] + new + text[end:]
    return text


def _paragraphs(text: str) -> list[str]:
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def _sentences(paragraph: str) -> list[str]:
    out, current = [], []
    for word in paragraph.split(" "):
        current.append(word)
        if word.endswith((".", "!", "?")) and len(current) > 3:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def _date_line(index: int, rng: random.Random) -> str:
    day = END - dt.timedelta(days=int(index / PER_DAY))
    if rng.random() < 0.45:
        return f" date {day.isoformat()}"
    hour, minute = rng.randint(5, 23), rng.choice((0, 5, 12, 15, 30, 42, 45, 58))
    offset = rng.choice(("", "+02:00", "+01:00", "Z")) if rng.random() < 0.5 else ""
    return f" date {day.isoformat()}T{hour:02d}:{minute:02d}{offset}"


def compose(index: int, sources: list[Source], pools: dict[str, list[str]], seed: int, salt: int = 0) -> tuple[str, Source]:
    """Text of dispatch ``index`` (without its date line) and the source it comes from."""
    rng = random.Random(f"{seed}:{index}:{salt}")
    cycle, position = divmod(index, len(sources))
    order = list(range(len(sources)))
    random.Random(f"{seed}:cycle:{cycle}").shuffle(order)
    source = sources[order[position]]
    paragraphs = _paragraphs(_substitute(source, pools, rng))
    lede, body = paragraphs[0], paragraphs[1:]
    if len(body) >= 2 and rng.random() < 0.3:
        rng.shuffle(body)
    if len(body) >= 3 and rng.random() < 0.25:
        del body[rng.randrange(len(body))]
    if rng.random() < 0.3 or salt:
        donor = sources[rng.randrange(len(sources))]
        donor_paragraphs = _paragraphs(donor.text)[1:] or _paragraphs(donor.text)
        sentences = _sentences(rng.choice(donor_paragraphs))
        start = rng.randrange(len(sentences))
        body.append(" ".join(sentences[start : start + rng.randint(1, 3)]))
    if body and rng.random() < 0.2:
        # A sentence of the body moved into another paragraph: the same facts, told in another order.
        target = rng.randrange(len(body))
        sentences = _sentences(body[target])
        if len(sentences) >= 2:
            rng.shuffle(sentences)
            body[target] = " ".join(sentences)
    return "\n\n".join([lede, *body]), source


def generate(out: Path, count: int, seed: int = 42, start: int = 0, prefix: str = "bench", newest: bool = False) -> list[Path]:
    """Write dispatches ``start`` .. ``start+count-1`` into ``out`` (plus attribution.jsonl); returns their paths.

    ``newest`` dates them all on END with a time (a dispatch that arrives today)."""
    sources, pools = load_corpus()
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    paths, attributions = [], []
    # Every dispatch before ``start`` counts for uniqueness, so that a slice is the same as in the whole set.
    for index in range(start + count):
        salt = 0 if prefix == "bench" else 1  # extras always differ from the set (a foreign sentence)
        while True:
            text, source = compose(index, sources, pools, seed if prefix == "bench" else seed + 7919, salt)
            key = hashlib.sha256(text.encode()).hexdigest()
            if key not in seen:
                seen.add(key)
                break
            salt += 1
        if index < start:
            continue
        rng = random.Random(f"{seed}:date:{index}")
        date_line = f" date {END.isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}" if newest else _date_line(index, rng)
        day = date_line.split()[1][:10].replace("-", "_")
        path = out / f"{prefix}-{day}-{index:06d}.txt"
        path.write_text(f"{date_line} {text}\n", encoding="utf-8")
        paths.append(path)
        attributions.append(
            {"file": path.name, "credit": "Wikinews", "url": source.url, "license": "CC BY 2.5"}
        )
    with (out / "attribution.jsonl").open("a", encoding="utf-8") as handle:
        for entry in attributions:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.seed)
    print(f"{len(paths)} dispatches written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
