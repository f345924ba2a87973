"""Organisation rules chosen from the cross-validation's errors (folds 1-2), on real dispatch
sentences with hand-made model spans (no spaCy)."""
from hypothesis import given, strategies as st

from digest.entities.countries import COUNTRIES
from digest.entities.editorial import Editorial
from digest.entities.resolve import resolve
from tests.entities.test_resolve import by_name, spans_of


def test_an_organisation_described_in_lower_case_before_its_foreign_acronym_is_named_by_it():
    text = ("Le 5 décembre 2015, les ingénieurs de l'agence spatiale japonaise (JAXA) ont réussi à replacer "
            "la sonde sur le droit chemin. La JAXA a confirmé. Il a été élu député à l'assemblée législative "
            "est-africaine (EALA).")
    spans = spans_of(text, ("JAXA", "ORG"), ("JAXA", "ORG", 1), ("EALA", "ORG"))
    ents = by_name(resolve(text, spans, Editorial.empty()))
    assert ents["Agence spatiale japonaise (JAXA)"].kind == "organisation"
    assert "JAXA" in ents["Agence spatiale japonaise (JAXA)"].forms
    assert "Assemblée législative est-africaine (EALA)" in ents
    assert "JAXA" not in ents and "EALA" not in ents


def test_a_description_without_an_organisation_head_or_a_party_label_names_no_acronym():
    text = ("Il a signé un contrat à durée indéterminée (CDI). Il a défendu le mouvement jeunesse du parti "
            "au pouvoir (CNDD-FDD). Il mène le classement de la fédération internationale (ITU).")
    spans = spans_of(text, ("CDI", "ORG"), ("CNDD-FDD", "ORG"), ("ITU", "ORG"))
    assert set(by_name(resolve(text, spans, Editorial.empty()))) == {"CDI", "CNDD-FDD", "ITU"}


def test_a_name_that_runs_on_into_a_clause_ends_where_the_clause_begins():
    text = ("Les primats ont voté pour suspendre l'Église épiscopale des États-Unis de la communion pour une "
            "période de trois ans suite à des décisions unilatérales que l'Église épiscopale des États-Unis a "
            "prises. Il accuse l'Église catholique de tenter de convaincre les institutions internationales.")
    long_span = "Église épiscopale des États-Unis de la communion pour une période de trois ans suite à des " \
                "décisions unilatérales que l'Église"
    spans = spans_of(text, (long_span, "ORG"), ("Église épiscopale des États-Unis", "ORG", 1),
                     ("Église catholique de tenter de convaincre les institutions internationales", "ORG"))
    names = set(by_name(resolve(text, spans, Editorial.empty())))
    assert names == {"Église épiscopale des États-Unis", "Église catholique"}


def test_long_names_without_a_clause_stay_whole():
    text = ("La Haute Autorité pour la transparence de la vie publique a saisi la justice, comme l'Association "
            "nationale pour l'étude de la neige et des avalanches.")
    spans = spans_of(text, ("Haute Autorité pour la transparence de la vie publique", "ORG"),
                     ("Association nationale pour l'étude de la neige et des avalanches", "ORG"))
    assert set(by_name(resolve(text, spans, Editorial.empty()))) == {
        "Haute Autorité pour la transparence de la vie publique",
        "Association nationale pour l'étude de la neige et des avalanches"}


def test_lower_case_words_after_et_that_run_into_the_acronym_belong_to_the_name():
    text = ("Selon l'Agence américaine océanique et atmosphérique (NOAA), le dernier ouragan de janvier remonte "
            "à 1938. La NOAA surveille la tempête. Google et Facebook (GAFA) ont réagi.")
    spans = spans_of(text, ("Agence américaine océanique", "ORG"), ("NOAA", "ORG"), ("NOAA", "ORG", 1),
                     ("Google", "ORG"), ("Facebook", "ORG"))
    ents = by_name(resolve(text, spans, Editorial.empty()))
    assert "NOAA" in ents["Agence américaine océanique et atmosphérique"].forms
    assert {"Google", "Facebook"} <= set(ents) and "Agence américaine océanique" not in ents and "NOAA" not in ents


def test_a_type_designation_is_a_product_not_an_organisation_person_or_place():
    text = ("Snecma doit livrer les moteurs destinés à équiper l'A320neo. Un des Canadair CL-415 a rompu son train "
            "d'atterrissage. Ce Tupolev Tu-154 embarquait 92 personnes. Le bouchon s'étend sur l'A86 et l'autoroute E40 "
            "vers Rue89.")
    spans = spans_of(text, ("Snecma", "ORG"), ("A320neo", "ORG"), ("Canadair CL-415", "ORG"),
                     ("Tupolev Tu-154", "PER"), ("A86", "LOC"), ("E40", "LOC"), ("Rue89", "ORG"))
    assert set(by_name(resolve(text, spans, Editorial.empty()))) == {"Snecma", "A86", "E40", "Rue89"}


@given(letter=st.sampled_from("ABDEMN"), number=st.integers(min_value=1, max_value=99))
def test_a_road_number_stays_a_place(letter, number):
    road = f"{letter}{number}"
    text = f"Un accident a bloqué l'autoroute {road} ce matin."
    assert set(by_name(resolve(text, spans_of(text, (road, "LOC")), Editorial.empty()))) == {road}


def test_a_long_form_starts_where_its_acronym_spells_it():
    text = ("Synthèse de l'interview de Florent Geel, directeur du bureau Afrique de la Fédération internationale "
            "des ligues des droits de l'homme (FIDH). La FIDH dénonce les exécutions. Le Fonds des Nations unies "
            "pour l'enfance (UNICEF) s'inquiète.")
    spans = spans_of(text, ("Florent Geel", "PER"),
                     ("Afrique de la Fédération internationale des ligues des droits de l'homme", "ORG"),
                     ("FIDH", "ORG", 1), ("Fonds des Nations unies pour l'enfance", "ORG"))
    ents = by_name(resolve(text, spans, Editorial.empty()))
    assert "FIDH" in ents["Fédération internationale des ligues des droits de l'homme"].forms
    assert "Fonds des Nations unies pour l'enfance" in ents
    assert not any(name.startswith("Afrique") for name in ents)


def test_countries_or_capitals_joined_by_dashes_are_each_a_place():
    text = ("La reconquête de cette zone signifierait la continuité de l'axe Téhéran-Bagdad-Damas. Le match "
            "Espagne - République tchèque a lieu ce soir. Il est né en Guinée-Bissau et vit à Boulogne-Billancourt.")
    spans = spans_of(text, ("Téhéran-Bagdad-Damas", "LOC"), ("Espagne - République tchèque", "ORG"),
                     ("Guinée-Bissau", "LOC"), ("Boulogne-Billancourt", "LOC"))
    ents = by_name(resolve(text, spans, Editorial.empty()))
    assert {name for name, entity in ents.items() if entity.kind == "lieu"} == {
        "Téhéran", "Bagdad", "Damas", "Espagne", "République tchèque", "Guinée-Bissau", "Boulogne-Billancourt"}


@given(pair=st.lists(st.sampled_from(sorted(COUNTRIES)), min_size=2, max_size=2, unique=True),
       dash=st.sampled_from(["-", " - ", " -", "- ", "–", " – "]))
def test_two_countries_joined_by_any_dash_are_two_places(pair, dash):
    joined = dash.join(pair)
    text = f"Le match {joined} a lieu ce soir."
    ents = by_name(resolve(text, spans_of(text, (joined, "LOC")), Editorial.empty()))
    assert set(ents) == set(pair) and all(entity.kind == "lieu" for entity in ents.values())


def test_a_name_read_as_a_person_after_a_town_noun_is_a_place():
    text = ("Dans la ville de Hilla, située au sud de Bagdad, la mosquée a été attaquée. Un conflit a éclaté "
            "dans la commune de Chechar. Le maire Jean Moulin a réagi.")
    spans = spans_of(text, ("Hilla", "PER"), ("Bagdad", "LOC"), ("Chechar", "PER"), ("Jean Moulin", "PER"))
    ents = by_name(resolve(text, spans, Editorial.empty()))
    assert {name: entity.kind for name, entity in ents.items()} == {
        "Hilla": "lieu", "Bagdad": "lieu", "Chechar": "lieu", "Jean Moulin": "personne"}


def test_the_world_written_with_a_capital_in_a_sports_idiom_is_not_the_daily():
    idioms = "L'Irlande a battu les champions du Monde néo-zélandais, qui détenaient le record du Monde."
    assert resolve(idioms, spans_of(idioms, ("Monde", "ORG"), ("Monde", "ORG", 1)), Editorial.empty()) == []
    daily = "Un journaliste du Monde l'a raconté, puis le Monde l'a publié."
    assert set(by_name(resolve(daily, spans_of(daily, ("Monde", "ORG"), ("Monde", "ORG", 1)), Editorial.empty()))) == {"Monde"}


def test_two_acronyms_described_alike_are_two_names():
    """A description is no name of its own: "l'agence de presse officielle" is IRNA in Tehran and SANA
    in Damascus, and one page for both mixed two agencies."""
    names = set()
    for text, acronym in (("Selon l'agence de presse officielle (IRNA), Téhéran a riposté.", "IRNA"),
                          ("Selon l'agence de presse officielle (SANA), Damas a riposté.", "SANA")):
        names |= set(by_name(resolve(text, spans_of(text, (acronym, "ORG")), Editorial.empty())))
    assert names == {"Agence de presse officielle (IRNA)", "Agence de presse officielle (SANA)"}


def test_a_person_after_the_town_he_runs_stays_a_person_and_roads_stay_places():
    for text, span, label, kind in (("Béziers, la ville de Robert Ménard, a voté le budget.", "Robert Ménard", "PER", "personne"),
                                    ("Les crèches de la ville d'Anne Hidalgo ferment.", "Anne Hidalgo", "PER", "personne"),
                                    ("Un bouchon s'est formé sur la N118 à Vélizy.", "N118", "LOC", "lieu"),
                                    ("Un accident sur l'A104 bloque la circulation.", "A104", "LOC", "lieu")):
        assert [(e.name, e.kind) for e in resolve(text, spans_of(text, (span, label)), Editorial.empty())] == [(span, kind)]


def test_two_names_joined_by_one_hyphen_stay_one_name():
    """"Paris-Dakar" is a rally, "Congo-Kinshasa" a country: only spaced dashes or three names and
    more ("l'axe Téhéran-Bagdad-Damas") are split."""
    for text, span in (("Le Paris-Dakar part de Lisbonne.", "Paris-Dakar"), ("Le Congo-Kinshasa vote.", "Congo-Kinshasa")):
        assert [e.name for e in resolve(text, spans_of(text, (span, "LOC")), Editorial.empty())] == [span]
