"""EntityFinder: cached spaCy NER (fr_core_news_md) + editorial resolution, cached too."""
from __future__ import annotations

import hashlib
import json
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Iterator, Sequence

from digest import aside, interruption
from digest.atomic_files import write_atomically
from digest.dispatch import date_prefix_length
from digest.french_model import model_id, ner_pipeline
from digest.uptodate import code_digest, code_files

from . import slugfile, training
from .editorial import Editorial, load_editorial, norm_key
from .model import Entity
from .resolve import Span, resolve

# The shipped NER (invoke train-entities): fr_core_news_md's ner component trained on the corpus's
# annotations, loaded into fr_core_news_md (its vectors). Ingest never falls back to the stock model:
# a missing or damaged folder stops it by name (training.ModelError); the stock model is used only
# when asked for (model_dir=None: eval-entities --stock, the bench, training's base).
SHIPPED_MODEL = Path(__file__).resolve().parents[2] / "models" / "fr_le_fil_ner"
BATCH_SIZE = 32
# From this many texts missing from the cache (a cold archive), NER runs in spaCy's own worker
# processes, one per core (nlp.pipe(n_process=...), forked: they inherit the loaded model); below,
# in this process. Measured on 2 cores with the project's former pool of forked workers (corpus
# dispatches, ~100 texts/s in one process): starting the workers and collecting cost ~60 ms; 32
# texts take 0.29 s in this process and 0.35 s forked, 48 0.43/0.36 s, 64 0.55/0.37 s, 400 3.9/2.1 s.
# spaCy's workers matched that pool (docs/performance.md, "NER through spaCy's worker processes").
NER_PARALLEL_MIN_TEXTS = 2 * BATCH_SIZE

def resolution_code() -> list[Path]:
    """The code that decides the entities of a text, besides the editorial file: the whole package
    folder, so that a module added or split is counted. A change makes every cached resolution
    stale (digest/pipeline.py's ingest rules too)."""
    return code_files(Path(__file__).parent)


def _model_spans(nlp, texts: Sequence[str], n_process: int = 1) -> Iterator[list[Span]]:
    """Raw spans of each text (offsets into the whole text) found by ``nlp`` in its body, in order."""
    offsets = [date_prefix_length(t) for t in texts]
    docs = nlp.pipe((t[o:] for t, o in zip(texts, offsets)), batch_size=BATCH_SIZE, n_process=n_process)
    for off, doc in zip(offsets, docs, strict=True):  # strict: spaCy's workers are let go once all is read
        interruption.raise_if_interrupted()  # a Ctrl-C that came while spaCy forked its workers
        yield [(e.start_char + off, e.end_char + off, e.label_) for e in doc.ents]


def _model_spans_in_workers(nlp, texts: Sequence[str]) -> Iterator[list[Span]]:
    """``_model_spans`` by spaCy's worker processes, one per core. A worker that dies (killed for
    memory, say) fails NER with ``aside.ChildDied`` instead of leaving it waiting forever."""
    with aside.watched_children("détection des entités") as workers, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W127\]")  # spaCy's "a worker failed": ChildDied says which
        spans = _model_spans(nlp, texts, n_process=aside.cores())
        read_to_the_end = False
        try:
            for found in spans:
                yield found
            read_to_the_end = True
        finally:
            if not read_to_the_end:  # else closing spaCy's generator waits for workers blocked on a full pipe
                workers.stop()
            spans.close()


class EntityFinder:
    """Find the people, organisations and places of texts.

    NER results (raw spans) are cached per text in ``cache_dir`` (one JSON file named by
    the sha256 of model name/version + text); the model is loaded only when some text
    misses the cache. From ``ner_parallel_min_texts`` texts missing it (a cold archive), NER
    runs in spaCy's worker processes, one per core, forked with the loaded model; this process
    writes the cache. The entities resolved from those spans are kept in the same file under the digest
    of the editorial file and of the resolution code (``resolution_code()``): editing either
    resolves again, without re-running NER. The site-wide type vote runs on every call.
    """

    def __init__(self, editorial_path: Path, cache_dir: Path,
                 progress: Callable[[int, int], None] | None = None,
                 *, site_vote: bool = True, ner_parallel_min_texts: int = NER_PARALLEL_MIN_TEXTS,
                 model_dir: Path | None | str = "shipped"):
        self.editorial_path = Path(editorial_path)
        self.cache_dir = Path(cache_dir)
        self.progress = progress
        self.site_vote = site_vote
        self.ner_parallel_min_texts = ner_parallel_min_texts
        # "shipped": SHIPPED_MODEL; None: the stock model; else that folder (each must be there)
        if model_dir == "shipped":
            model_dir = SHIPPED_MODEL
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.model_id = model_id()
        if self.model_dir is not None:  # checked now: a damaged model stops ingest before it writes
            self.model_id += "+" + training.model_digest(self.model_dir)
        self._nlp = None
        self.model_loads = 0  # how many times the spaCy model was loaded (for tests/logs)
        # validate early: a broken editorial or slug file stops the build before any NER or article
        self.editorial: Editorial = load_editorial(self.editorial_path)
        slugfile.load(self.slug_path)
        self._editorial_mtime = self._mtime()
        self._code_sha256 = code_digest(resolution_code())

    # ------------------------------------------------------------------ model / cache
    def _mtime(self) -> float | None:
        try:
            return self.editorial_path.stat().st_mtime_ns
        except OSError:
            return None

    def _load_model(self):
        self.model_loads += 1
        # spaCy's French tokenizer compiles a 1.45 MB pattern as the model loads: 2 s of every load
        # that is a read of milliseconds once stored (see compiled_patterns.py). The model is
        # loaded once per process, shared with the headline parse (digest/french_model.py).
        nlp = ner_pipeline(self.cache_dir / "compiled-patterns")
        if self.model_dir is not None:
            training.load_ner_into(nlp, self.model_dir)
        return nlp

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = self._load_model()
        return self._nlp

    def cache_key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_id}\0{text}".encode("utf-8")).hexdigest()

    def _cache_path(self, text: str) -> Path:
        return self.cache_dir / f"{self.cache_key(text)}.json"

    def _read_cache(self, text: str) -> dict | None:
        """The cache file of ``text`` (``spans``, maybe ``resolved``), if the model that made it is this one."""
        try:
            data = json.loads(self._cache_path(text).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("model") == self.model_id else None

    def _write_cache(self, text: str, spans: list[Span], resolved: dict | None = None) -> None:
        record = {"model": self.model_id, "spans": spans, **({"resolved": resolved} if resolved else {})}
        # atomic: parallel builds never see half a file
        write_atomically(self._cache_path(text), json.dumps(record, ensure_ascii=False))

    def _ner(self, texts: list[str]) -> Iterator[list[Span]]:
        """Model spans of each text, in order, as they come: from spaCy's worker processes when
        there are enough texts for them to pay (see NER_PARALLEL_MIN_TEXTS), else from this process."""
        nlp = self.nlp  # loaded before forking: the workers share this copy instead of each loading one
        if len(texts) < self.ner_parallel_min_texts or not aside.can_fork():
            return _model_spans(nlp, texts)
        return _model_spans_in_workers(nlp, texts)

    def spans(self, texts: Sequence[str]) -> list[list[Span]]:
        """Raw model spans for each text (offsets into the text), from cache or NER."""
        return self._spans([self._read_cache(t) for t in texts], texts)

    def _spans(self, cached: list[dict | None], texts: Sequence[str]) -> list[list[Span]]:
        out = [_cached_spans(record) for record in cached]
        missing = [i for i, s in enumerate(out) if s is None]
        # identical texts are processed once
        todo: dict[str, list[int]] = defaultdict(list)
        for i in missing:
            todo[texts[i]].append(i)
        total = len(todo)
        if total:
            if self.progress:
                self.progress(0, total)
            uniq = list(todo)
            for n, (text, spans) in enumerate(zip(uniq, self._ner(uniq), strict=True), 1):
                self._write_cache(text, spans)
                for i in todo[text]:
                    out[i] = spans
                if self.progress:
                    self.progress(n, total)
        return out  # type: ignore[return-value]

    # ------------------------------------------------------------------ resolution
    @property
    def slug_path(self) -> Path:
        """The entity slugs recorded beside the content folder (digest.entities.slugfile): checked, not used here."""
        return self.editorial_path.resolve().parent.parent / slugfile.SLUG_FILE

    def _editorial(self) -> Editorial:
        slugfile.load(self.slug_path)  # edited since: a malformed file stops ingest before it writes
        m = self._mtime()
        if m != self._editorial_mtime:  # edited since: reload (and re-validate)
            self.editorial = load_editorial(self.editorial_path)
            self._editorial_mtime = m
        return self.editorial

    def find(self, texts: Sequence[str]) -> list[list[Entity]]:
        """One list of entities per text (same order)."""
        texts = list(texts)
        editorial = self._editorial()
        # what resolution depends on besides a text and its spans: the editorial text parsed, the code
        rules = hashlib.sha256(f"{editorial.source_sha256}\0{self._code_sha256}".encode()).hexdigest()
        cached = [self._read_cache(t) for t in texts]
        spans = self._spans(cached, texts)
        first: dict[str, int] = {}  # identical texts are resolved once
        for i, text in enumerate(texts):
            first.setdefault(text, i)
        found: dict[str, list[Entity]] = {}
        for text, i in first.items():
            if (entities := _cached_entities(cached[i], rules)) is not None:
                found[text] = entities
        stale = [i for text, i in first.items() if text not in found]
        fresh = resolve_all([texts[i] for i in stale], [spans[i] for i in stale], editorial)
        for i, entities in zip(stale, fresh, strict=True):
            found[texts[i]] = entities
            # a new text's spans were written as NER gave them (a long cold run keeps what it did);
            # its file is written again here, with what was resolved from them
            self._write_cache(texts[i], spans[i], {"rules": rules, "entities": _encode(entities)})
        results = [found[text] for text in texts]
        if self.site_vote and len(texts) > 1:
            results = site_type_vote(results, editorial)
        return results


def _cached_spans(record: dict | None) -> list[Span] | None:
    """The model spans a cache file keeps; None when it keeps none (or keeps them damaged)."""
    if record is None:
        return None
    try:
        return [(int(start), int(end), str(label)) for start, end, label in record.get("spans", [])]
    except (TypeError, ValueError):
        return None


def _encode(entities: list[Entity]) -> list[list]:
    """Entities as JSON rows: name, kind, forms, description."""
    return [[e.name, e.kind, list(e.forms), e.description] for e in entities]


def _cached_entities(record: dict | None, rules: str) -> list[Entity] | None:
    """The entities a cache file keeps for ``rules``; None when it keeps none (or keeps them damaged)."""
    resolved = record.get("resolved") if record else None
    if not isinstance(resolved, dict) or resolved.get("rules") != rules:
        return None
    entities = []
    try:
        for name, kind, forms, description in resolved["entities"]:
            if not (isinstance(name, str) and isinstance(description, str) and isinstance(forms, list)
                    and all(isinstance(form, str) for form in forms)):
                return None
            entities.append(Entity(name, kind, tuple(forms), description))  # checks the kind
    except (KeyError, TypeError, ValueError):
        return None
    return entities


_SURNAME_PARTICLES = {"de", "du", "des", "d'", "van", "von", "der", "da", "di", "del", "la", "le"}


def _surname(name: str) -> str | None:
    """Last word of a full person name ("François Hollande" -> "hollande"), folded."""
    toks = norm_key(name).split(" ")
    if len(toks) < 2 or toks[-2] in _SURNAME_PARTICLES:
        return None
    return toks[-1]


# Below this many texts, starting worker processes costs more than resolving them in one.
PARALLEL_MIN_TEXTS = 400


def resolve_all(texts: Sequence[str], spans: Sequence[list[Span]], editorial: Editorial) -> list[list[Entity]]:
    """``resolve`` on every text; a whole archive (a rule changed, a new site) is resolved by one
    forked process per core, which inherit the texts and the editorial file instead of pickling
    them (see digest/aside.py for when forking is safe)."""
    if len(texts) < PARALLEL_MIN_TEXTS:
        return [resolve(text, found, editorial) for text, found in zip(texts, spans)]
    return aside.map_forked(lambda index: resolve(texts[index], spans[index], editorial), len(texts))


def site_type_vote(results: list[list[Entity]], editorial: Editorial | None = None) -> list[list[Entity]]:
    """Across the site one name has one type: for a (non-editorial) name found with
    several types in different texts, the majority type (by number of texts, ties ->
    order of first seen) wins everywhere. A one-word name also gets a "personne" vote
    from every text naming a person with that surname ("Hollande" after "François
    Hollande" in other texts)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    first: dict[tuple[str, str], int] = {}
    # texts naming a person in full ("François Hollande") vote "personne" for the bare
    # surname elsewhere ("Hollande" read as the country); not after a particle ("Andre
    # De Grasse" says nothing about the town of Grasse)
    surname_texts: Counter = Counter()
    for d, ents in enumerate(results):
        for e in ents:
            if editorial is not None and editorial.lookup(e.name):  # fixed type
                continue
            votes[norm_key(e.name)][e.kind] += 1
            first.setdefault((norm_key(e.name), e.kind), d)
        surname_texts.update({_surname(e.name) for e in ents if e.kind == "personne"} - {None})
    for k, c in votes.items():
        if " " not in k and surname_texts[k]:
            c["personne"] += surname_texts[k]
            first.setdefault((k, "personne"), len(results))
    winner: dict[str, str] = {}
    for k, c in votes.items():
        if len(c) > 1:
            best = max(c.values())
            winner[k] = min((kind for kind, v in c.items() if v == best),
                            key=lambda kind: first[(k, kind)])
    if not winner:
        return results
    out = []
    for ents in results:
        new = []
        for e in ents:
            w = winner.get(norm_key(e.name))
            if w and w != e.kind and not (editorial is not None and editorial.lookup(e.name)):
                e = Entity(e.name, w, e.forms, e.description)
            new.append(e)
        # the same name may now appear twice with one type: merge forms
        seen: dict[tuple[str, str], int] = {}
        merged: list[Entity] = []
        for e in new:
            k = (e.name, e.kind)
            if k in seen:
                j = seen[k]
                merged[j] = Entity(e.name, e.kind, tuple(dict.fromkeys(merged[j].forms + e.forms)),
                                   merged[j].description)
            else:
                seen[k] = len(merged)
                merged.append(e)
        out.append(merged)
    return out
