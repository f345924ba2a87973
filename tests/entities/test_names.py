"""Name cleaning (digest.entities.names.clean_name), on any text a model span can hold."""
from hypothesis import given, settings, strategies as st

from digest.entities.names import clean_name

_WORDS = st.sampled_from(["le", "la", "l'", "de", "du", "M.", "président", "ministre", "ukrainien", "Mark", "Rutte",
                          "Volodymyr", "Zelensky", "d'Izoard", "Nolan", "L.", "vendredi", "2013", "«", "»", ",", "et",
                          "Intérieur", "l'Intérieur", "Gaulle", "von", "der", "Leyen", "Espagnole", "Caroline"])
_SURFACES = st.lists(st.one_of(_WORDS, st.text(min_size=1, max_size=6)), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_SURFACES, st.sampled_from(["PER", "ORG", "LOC"]))
def test_the_cleaned_name_is_part_of_the_span_and_the_surface_keeps_it(surface, label):
    shown, name = clean_name(surface, label)
    spaced = " ".join(surface.split())
    assert shown in spaced
    # the name is what is left of the span: no word is invented, a final initial keeps its dot
    assert name.removesuffix(".") in spaced
    assert name == name.strip()


def test_titles_determiners_and_trailing_words_come_off():
    assert clean_name("le président ukrainien Volodymyr Zelensky", "PER") == ("président ukrainien Volodymyr Zelensky", "Volodymyr Zelensky")
    assert clean_name("M. Rutte vendredi", "PER")[1] == "Rutte"
    assert clean_name("de Gaulle", "PER")[1] == "de Gaulle"
    assert clean_name("ministre de l'Intérieur", "ORG")[1] == "Intérieur"
    assert clean_name("Agence du service civique de 2013", "ORG")[1] == "Agence du service civique"
    assert clean_name("Nolan L.", "PER")[1] == "Nolan L."
