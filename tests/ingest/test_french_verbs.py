"""The verb lexicon headlines conjugate with is the model's lemmatizer tables, read once per process."""

from __future__ import annotations

import pytest
from spacy.lookups import Lookups

from digest import french_model, french_verbs


@pytest.fixture
def fresh_lexicon():
    french_verbs.verb_lexicon.cache_clear()
    yield
    french_verbs.verb_lexicon.cache_clear()


def test_a_loaded_pipeline_gives_the_lexicon_without_reading_its_tables_again(fresh_lexicon, monkeypatch):
    """A +1 dispatch loads the pipeline for its entities and headline parse; the lexicon then
    comes from the lemmatizer already loaded (reading the tables again cost 0.8 s of its ingest)."""
    french_model.french_pipeline()
    reads = []
    real_from_disk = Lookups.from_disk
    monkeypatch.setattr(Lookups, "from_disk", lambda self, *args, **kwargs: reads.append(args) or real_from_disk(self, *args, **kwargs))

    lexicon = french_verbs.verb_lexicon()

    assert reads == []
    assert lexicon.is_form_of("annoncé", "annoncer") and lexicon.is_form_of("connaît", "connaître")


def test_the_lexicon_is_the_same_read_from_the_package_or_taken_from_the_pipeline(fresh_lexicon, monkeypatch):
    french_model.french_pipeline()
    from_pipeline = french_verbs.verb_lexicon()
    french_verbs.verb_lexicon.cache_clear()
    monkeypatch.setattr(french_model, "loaded_pipeline", lambda: None)  # a process where spaCy is not loaded

    from_package = french_verbs.verb_lexicon()

    assert from_package == from_pipeline
    assert len(from_package.infinitives) > 1000 and from_package.suffix_rules
