"""Resolution rules, on hand-made model spans (no spaCy)."""
import pytest

from entities.editorial import Editorial, load_editorial
from entities.resolve import resolve


def spans_of(text, *items):
    """items: (surface, label[, occurrence]) -> (start, end, label)."""
    out = []
    for item in items:
        surface, label = item[0], item[1]
        occ = item[2] if len(item) > 2 else 0
        start = -1
        for _ in range(occ + 1):
            start = text.index(surface, start + 1)
        out.append((start, start + len(surface), label))
    return out


def by_name(ents):
    return {e.name: e for e in ents}


@pytest.fixture
def ed(editorial_file):
    return load_editorial(editorial_file)


def test_titles_are_stripped_and_surnames_resolve_to_the_full_name():
    text = ("Le président ukrainien Volodymyr Zelensky a reçu Mark Rutte. Selon M. Rutte, tout va bien. "
            "Rutte est reparti. MM. Rutte et Zelensky ont parlé. Mme Sophie Durand, ministre, a salué Durand.")
    spans = spans_of(text, ("président ukrainien Volodymyr Zelensky", "PER"), ("Mark Rutte", "PER"),
                     ("M. Rutte", "PER"), ("Rutte", "PER", 2), ("MM. Rutte", "PER"), ("Zelensky", "PER", 1),
                     ("Mme Sophie Durand", "PER"), ("Durand", "PER", 1))
    ents = resolve(text, spans, Editorial.empty())
    names = by_name(ents)
    assert set(names) == {"Volodymyr Zelensky", "Mark Rutte", "Sophie Durand"}
    assert all(e.kind == "personne" for e in ents)
    assert "M. Rutte" in names["Mark Rutte"].forms and "Rutte" in names["Mark Rutte"].forms
    assert "Zelensky" in names["Volodymyr Zelensky"].forms


def test_surname_with_wrong_model_label_still_joins_the_person():
    text = "Angela Dupont est arrivée. Dupont a parlé."
    ents = resolve(text, spans_of(text, ("Angela Dupont", "PER"), ("Dupont", "LOC", 1)))
    assert [(e.name, e.kind) for e in ents] == [("Angela Dupont", "personne")]


def test_case_variants_merge_deterministically():
    text = "La Fnac et la FNAC. Encore la FNAC."
    spans = spans_of(text, ("Fnac", "ORG"), ("FNAC", "ORG"), ("FNAC", "ORG", 1))
    ents = resolve(text, spans)
    assert [(e.name, e.kind) for e in ents] == [("FNAC", "organisation")]  # most frequent form
    assert ents[0].forms == ("Fnac",)
    assert resolve(text, list(reversed(spans))) == ents


def test_editorial_canonical_name_beats_variants(ed):
    text = "L'Otan se réunit. L'OTAN a décidé. Les Etats-Unis et les USA approuvent."
    spans = spans_of(text, ("Otan", "ORG"), ("Etats-Unis", "LOC"), ("USA", "ORG"))
    ents = resolve(text, spans, ed)
    assert {(e.name, e.kind) for e in ents} == {("OTAN", "organisation"), ("États-Unis", "lieu")}
    otan = by_name(ents)["OTAN"]
    assert otan.description == "Alliance atlantique."


def test_alias_beats_the_model_even_when_missed_or_mislabelled(ed):
    text = "Macron a parlé à l'Otan Mark Rutte."
    # the model missed "Macron" and glued the organisation to the person
    spans = spans_of(text, ("Otan Mark Rutte", "ORG"))
    ents = by_name(resolve(text, spans, ed))
    assert ents["Emmanuel Macron"].kind == "personne"
    assert ents["OTAN"].kind == "organisation"
    assert ents["Mark Rutte"].kind == "personne"


def test_longer_name_embedding_an_alias_is_kept(ed):
    text = "Brigitte Macron a visité la Banque des Etats-Unis."
    spans = spans_of(text, ("Brigitte Macron", "PER"), ("Banque des Etats-Unis", "ORG"))
    names = {(e.name, e.kind) for e in resolve(text, spans, ed)}
    assert names == {("Brigitte Macron", "personne"), ("Banque des Etats-Unis", "organisation")}


def test_stop_list_and_misc_never_become_entities(ed):
    text = "Les Français et les Européens se souviennent de la Seconde Guerre mondiale à Paris."
    spans = spans_of(text, ("Français", "LOC"), ("Européens", "PER"), ("Seconde Guerre mondiale", "LOC"),
                     ("Paris", "LOC"))
    assert [(e.name, e.kind) for e in resolve(text, spans, ed)] == [("Paris", "lieu")]
    # a MISC span is dropped too
    assert resolve("Le Mondial commence.", [(3, 10, "MISC")]) == []


def test_determiners_and_punctuation_are_trimmed():
    text = "Il a vu « la Société Générale », puis l'Unédic."
    spans = spans_of(text, ("« la Société Générale »", "ORG"), ("l'Unédic", "ORG"))
    assert {e.name for e in resolve(text, spans)} == {"Société Générale", "Unédic"}


def test_acronym_in_parentheses_is_one_entity():
    text = ("Les Forces démocratiques syriennes (FDS) avancent. Les FDS ont pris la ville. "
            "Le HCR (Haut Commissariat aux réfugiés) alerte.")
    spans = spans_of(text, ("Forces démocratiques syriennes", "ORG"), ("FDS", "ORG", 1),
                     ("HCR", "ORG"), ("Haut Commissariat aux réfugiés", "ORG"))
    ents = resolve(text, spans)
    assert {(e.name, e.kind) for e in ents} == {
        ("Forces démocratiques syriennes", "organisation"), ("Haut Commissariat aux réfugiés", "organisation")}
    assert "FDS" in by_name(ents)["Forces démocratiques syriennes"].forms


def test_resolution_is_deterministic_and_pure(ed):
    text = "Mark Rutte et Rutte. L'Otan, l'OTAN."
    spans = spans_of(text, ("Mark Rutte", "PER"), ("Rutte", "PER", 1), ("Otan", "ORG"))
    assert resolve(text, spans, ed) == resolve(text, spans, ed)


def _kinds(ents):
    return {(e.name, e.kind) for e in ents}


def test_institutional_names_are_extended():
    text = ("La Mission de l'Union africaine en Somalie a été renforcée. Le Haut-Commissariat des "
            "Nations unies aux droits de l'homme proteste. Il est soigné à l'hôpital Pasteur de Nice.")
    spans = spans_of(text, ("Union africaine", "ORG"), ("Somalie", "LOC"),
                     ("Haut-Commissariat des Nations unies", "ORG"), ("Pasteur", "PER"), ("Nice", "LOC"))
    got = _kinds(resolve(text, spans, Editorial.empty()))
    assert ("Mission de l'Union africaine en Somalie", "organisation") in got
    assert ("Haut-Commissariat des Nations unies aux droits de l'homme", "organisation") in got
    assert ("hôpital Pasteur de Nice", "organisation") in got
    assert ("Somalie", "lieu") not in got


def test_head_nouns_type_organisations():
    text = ("Selon le quotidien Hürriyet, la compagnie Aerogaviota a annulé ses vols. "
            "Le ministre de l'Intérieur Bruno Le Roux s'est exprimé. Le Montpellier Handball a gagné. "
            "Le groupe Jaysh al-Islam a revendiqué l'attaque.")
    spans = spans_of(text, ("Hürriyet", "PER"), ("Aerogaviota", "PER"),
                     ("ministre de l'Intérieur Bruno Le Roux", "PER"), ("Montpellier Handball", "LOC"),
                     ("Jaysh al-Islam", "LOC"))
    got = _kinds(resolve(text, spans, Editorial.empty()))
    assert {("Hürriyet", "organisation"), ("Aerogaviota", "organisation"), ("Intérieur", "organisation"),
            ("Bruno Le Roux", "personne"), ("Montpellier Handball", "organisation"),
            ("Jaysh al-Islam", "organisation")} <= got


def test_places_split_and_cleaned():
    text = ("Groupe F : Autriche - Hongrie, à 18h à Bordeaux\n\nGroupe A : France - Roumanie. "
            "L'Espagnole Caroline Routier a gagné. Il a été transporté vers l'aéroport de Rostov. "
            "Le Japon vote ; le Japon est un pays. Marc Ladreit de Lacharrière est cité.")
    spans = spans_of(text, ("Groupe F", "ORG"), ("Autriche - Hongrie", "LOC"), ("Bordeaux\n\nGroupe A", "LOC"),
                     ("Espagnole Caroline Routier", "LOC"), ("aéroport de Rostov", "ORG"), ("Le Japon", "LOC"),
                     ("Japon", "LOC", 1), ("Marc Ladreit", "PER"), ("Lacharrière", "LOC"))
    got = _kinds(resolve(text, spans, Editorial.empty()))
    assert {("Autriche", "lieu"), ("Hongrie", "lieu"), ("Bordeaux", "lieu"), ("Caroline Routier", "personne"),
            ("Rostov", "lieu"), ("Japon", "lieu"), ("Marc Ladreit de Lacharrière", "personne")} <= got
    assert not any(n.startswith(("Groupe", "Le Japon", "aéroport")) for n, _ in got)
