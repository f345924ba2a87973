"""digest.entities.sitewide: one entity, one page across the site."""

from __future__ import annotations

import unicodedata

from hypothesis import given, strategies as st

from digest.entities.editorial import Editorial, EditorialEntry
from digest.entities.keys import split_qualifier
from digest.entities.sitewide import fold_key, form_key, is_full_person_name, merge_site
from digest.entities.spellings import near_spellings


def site(*articles):
    """Articles as ``meanings.resolve_article`` gives them, from ``[(name, kind), ...]`` each."""
    return [[(name, kind, "", []) for name, kind in article] for article in articles]


def names_of(merge, article):
    return sorted(entity.name for entity, _ in merge.mentions[article])


def test_spellings_that_differ_by_case_accents_hyphens_apostrophes_or_unicode_are_one_entity():
    merge = merge_site(site(
        [("Penelope Fillon", "personne"), ("Villeneuve d'Ascq", "lieu")],
        [("Pénélope Fillon", "personne"), ("Villeneuve-d’Ascq", "lieu")],
        [(unicodedata.normalize("NFD", "Pénélope Fillon"), "personne"), ("Villeneuve\u200b-d’Ascq", "lieu")],
        [("Marine le Pen", "personne")],
        [("Marine Le Pen", "personne")],
        [("Marine Le Pen", "personne")],
    ))
    assert sorted((e.name, e.articles) for e in merge.entities) == [
        ("Marine Le Pen", 3), ("Pénélope Fillon", 3), ("Villeneuve-d’Ascq", 3)]
    assert merge.mentions[0][0][1] == ["Penelope Fillon"]  # the article's own spelling stays a form
    # the invisible character is gone, from the name and from the forms
    assert [forms for _, forms in merge.mentions[2]] == [[], []]


def test_the_most_cited_spelling_names_the_entity_not_the_first_seen():
    merge = merge_site(site([("Elysée", "lieu")], [("Élysée", "lieu")], [("Élysée", "lieu")]))
    assert [e.name for e in merge.entities] == ["Élysée"]


def test_a_department_or_country_takes_its_official_spelling_and_a_tie_the_hyphenated_one():
    # winer 2017: "en Côte d'Or" in one dispatch, "la Côte-d'Or" in another; the département is hyphenated
    merge = merge_site(site([("Côte d'Or", "lieu")], [("Côte d'Or", "lieu")], [("Côte-d’Or", "lieu")]))
    assert [(e.name, e.articles) for e in merge.entities] == [("Côte-d’Or", 3)]
    merge = merge_site(site([("Etats Unis", "lieu")], [("Etats Unis", "lieu")], [("États-Unis", "lieu")]))
    assert [e.name for e in merge.entities] == ["États-Unis"]
    # no official spelling known: the most cited, and on a tie the hyphenated one
    merge = merge_site(site([("Villeneuve d'Ascq", "lieu")], [("Villeneuve-d'Ascq", "lieu")]))
    assert [e.name for e in merge.entities] == ["Villeneuve-d'Ascq"]
    merge = merge_site(site([("Villeneuve d'Ascq", "lieu")], [("Villeneuve d'Ascq", "lieu")], [("Villeneuve-d'Ascq", "lieu")]))
    assert [e.name for e in merge.entities] == ["Villeneuve d'Ascq"]


def test_the_editorial_name_and_kind_win():
    editorial = Editorial([EditorialEntry("OTAN", "organisation", ("Otan",), "Alliance.")])
    merge = merge_site(site([("Otan", "lieu")], [("Otan", "lieu")], [("OTAN", "organisation")]), editorial)
    [otan] = merge.entities
    assert (otan.name, otan.kind, otan.description, otan.articles) == ("OTAN", "organisation", "Alliance.", 3)


def test_one_name_is_one_entity_of_its_most_cited_kind():
    merge = merge_site(site([("Irak", "lieu")], [("Irak", "lieu")], [("Irak", "personne")]))
    assert [(e.name, e.kind, e.articles) for e in merge.entities] == [("Irak", "lieu", 3)]


def test_initials_join_the_one_full_name_they_abbreviate():
    merge = merge_site(site([("Adama Barrow", "personne")], [("A. Barrow", "personne")],
                            [("Jean-Pierre Raffarin", "personne")], [("J.-P. Raffarin", "personne")]))
    assert names_of(merge, 1) == ["Adama Barrow"] and names_of(merge, 3) == ["Jean-Pierre Raffarin"]
    ambiguous = merge_site(site([("Adama Barrow", "personne")], [("Anna Barrow", "personne")], [("A. Barrow", "personne")]))
    assert names_of(ambiguous, 2) == ["A. Barrow"]


def test_a_surname_or_first_name_alone_joins_the_full_name_that_owns_it():
    merge = merge_site(site(
        [("Rachel Lambert", "personne"), ("Rachel", "personne")],  # the same dispatch says who
        [("Rachel Green", "personne")],
        [("Rachel", "personne")],  # two Rachels on the site: left alone
        [("Vincent Lambert", "personne")],
        [("Hollande", "personne"), ("Manuel Valls", "personne"), ("Paris", "lieu")],
        [("François Hollande", "personne"), ("Manuel Valls", "personne")],
        # winer-2016_03_13-003 (handball team sheet) and winer-2016_07_10-001 (Tour de France)
        [("Costa", "personne"), ("Montpellier Handball", "organisation"), ("Paris", "lieu")],
        [("Rui Costa", "personne"), ("Christopher Froome", "personne"), ("Paris", "lieu")],
    ))
    assert names_of(merge, 0) == ["Rachel Lambert"]
    assert names_of(merge, 2) == ["Rachel"]
    assert names_of(merge, 4) == ["François Hollande", "Manuel Valls", "Paris"]  # the only Hollande, cited with Valls
    assert not any(e.name == "Hollande" for e in merge.entities)
    # the only Costa of the site, but the dispatches share no one (a shared place says nothing)
    assert names_of(merge, 6) == ["Costa", "Montpellier Handball", "Paris"]
    lambert = next(e for e in merge.entities if e.name == "Rachel Lambert")
    assert "rachel" in lambert.keys  # the URL "rachel" had can redirect here


def test_a_name_with_the_next_et_glued_on_is_the_name():
    # Tour de France 2016 dispatches: "porté par Adam Yateset le cycliste qui est élu le plus combatif"
    merge = merge_site(site(
        [("Adam Yates", "personne"), ("Adam Yateset", "personne")],  # one dispatch, both spellings
        [("Adam Yateset", "personne"), ("Christopher Froome", "personne")],  # only the glued one
        [("Adam Yates", "personne")],
        [("Benoît Hamonet", "personne")],  # a surname ending in "et" with no shorter twin stays
    ))
    assert names_of(merge, 0) == ["Adam Yates"] and names_of(merge, 1) == ["Adam Yates", "Christopher Froome"]
    assert next(e for e in merge.entities if e.name == "Adam Yates").articles == 3
    assert not any(e.name == "Adam Yateset" for e in merge.entities)
    assert names_of(merge, 3) == ["Benoît Hamonet"]


def test_a_place_is_never_taken_for_a_surname():
    merge = merge_site(site([("François Hollande", "personne")], [("Hollande", "lieu")]))
    assert names_of(merge, 1) == ["Hollande"]


def test_near_spellings_are_listed_not_merged():
    merge = merge_site(site([("Stimpson", "personne")], [("Simpson", "personne")], [("Simpson", "personne")],
                            [("Iran", "lieu")], [("Irak", "lieu")], [("Ukraine", "lieu")]))
    assert len(merge.entities) == 5
    pairs = {(frozenset((a.name, b.name)), distance) for a, b, distance in near_spellings(merge.entities)}
    assert pairs == {(frozenset({"Simpson", "Stimpson"}), 1), (frozenset({"Irak", "Iran"}), 1)}


def test_two_edits_only_for_long_names():
    merge = merge_site(site([("Mohamed Morsi", "personne")], [("Mohammed Morsy", "personne")], [("Oman", "lieu")], [("Omsk", "lieu")]))
    assert {frozenset((a.name, b.name)) for a, b, _ in near_spellings(merge.entities)} == {frozenset({"Mohamed Morsi", "Mohammed Morsy"})}


def test_two_transliterations_of_one_name_are_listed_however_many_letters_apart():
    # the corpus's "Racca" / "Raqqa" (2 edits in 5 letters: more than a short name's one), "Abou Dabi" / "Abu Dhabi",
    # "Mossoul" / "Mosul"
    merge = merge_site(site([("Racca", "lieu")], [("Raqqa", "lieu")], [("Abou Dabi", "lieu")], [("Abu Dhabi", "lieu")],
                            [("Mossoul", "lieu")], [("Mosul", "lieu")], [("Tchad", "lieu")], [("Chad", "personne")]))
    pairs = {(frozenset((a.name, b.name)), distance) for a, b, distance in near_spellings(merge.entities)}
    assert pairs == {(frozenset({"Racca", "Raqqa"}), 2), (frozenset({"Abou Dabi", "Abu Dhabi"}), 2),
                     (frozenset({"Mossoul", "Mosul"}), 2)}  # not "Tchad" / "Chad": two kinds


LETTERS = "aàâbcçdeéèêëfiîïoôuùûyAÀBÇEÉÈÊIÎOÔUÛ"
words = st.text(alphabet=LETTERS, min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=4)


@given(names, st.sampled_from([" ", "-", "\u2010", "'", "’"]), st.sampled_from(["", "\u200b", "\u2060", "\ufeff", "\u00ad"]))
def test_fold_key_ignores_case_accents_separators_and_invisible_characters(words_of_name, separator, invisible):
    plain = " ".join(words_of_name)
    variant = unicodedata.normalize("NFD", (separator + invisible).join(w.upper() for w in words_of_name))
    assert fold_key(plain) == fold_key(variant)


@given(st.lists(st.sampled_from(["Côte", "d'Ivoire", "Jean-Yves", "Le", "Drian", "O'Brien"]), min_size=1, max_size=4),
       st.sampled_from(["'", "’", "ʼ"]), st.sampled_from(["-", "\u2010", "\u2011"]), st.sampled_from([" ", "\u00a0", "\u202f", "  "]),
       st.sampled_from(["", "\u200b", "\u2060"]))
def test_a_form_typed_with_other_apostrophes_hyphens_spaces_or_invisible_characters_is_the_same_form(
        words, apostrophe, hyphen, space, invisible):
    plain = " ".join(words)
    typed = space.join(w.replace("'", apostrophe).replace("-", hyphen) + invisible for w in words)
    assert form_key(typed) == form_key(plain)
    assert form_key(plain.upper()) != form_key(plain) or plain.upper() == plain  # case is another spelling
    merge = merge_site([[(plain, "lieu", "", [typed, plain + "s"])]])
    assert merge.mentions[0][0][1] == [plain + "s"]  # listed once: the other spelling only


@given(st.lists(st.tuples(names, st.sampled_from(["personne", "lieu"])), min_size=1, max_size=12))
def test_no_two_site_entities_fold_to_the_same_key(spellings):
    articles = [[(" ".join(ws), kind, "", [])] for ws, kind in spellings]
    articles += [[(unicodedata.normalize("NFD", " ".join(ws)).upper(), kind, "", [])] for ws, kind in spellings]
    keys = [e.key for e in merge_site(articles).entities]
    assert len(keys) == len(set(keys))


def test_a_qualified_place_keeps_its_qualifier_only_where_the_site_has_its_name_in_two_places():
    merge = merge_site(site(
        [("Saint-Denis (La Réunion)", "lieu")], [("Saint-Denis (Seine-Saint-Denis)", "lieu")], [("Saint-Denis", "lieu")],
        [("Chambéry (Savoie)", "lieu")], [("Chambéry", "lieu")],
        [("Lyon (France)", "lieu")], [("Lyon (Rhône)", "lieu")], [("Lyon", "lieu")],
        [("Paris (France)", "lieu")], [("Paris (États-Unis)", "lieu")],
        [("Sénat (France)", "organisation")],
        [("Géorgie (États-Unis)", "lieu")], [("Géorgie", "lieu")], [("Géorgie", "lieu")],
    ))
    assert {entity.name: entity.articles for entity in merge.entities} == {
        "Saint-Denis (La Réunion)": 1, "Saint-Denis (Seine-Saint-Denis)": 1, "Saint-Denis": 1,  # two places: apart
        "Chambéry": 2,  # one place
        "Lyon": 3,  # a department and a country: one place
        "Paris (France)": 1, "Paris (États-Unis)": 1,  # two countries: apart
        "Sénat (France)": 1,
        "Géorgie (États-Unis)": 1, "Géorgie": 2}  # a country's name in another country: the state, apart


capitalised = st.text(alphabet="abcdeéèïôz", min_size=2, max_size=8).map(str.capitalize)
initials = st.lists(st.sampled_from(["A.", "J.-P.", "L.", "É."]), max_size=2)


@given(capitalised, capitalised, initials, st.sampled_from(["", "de ", "van der ", "al-"]))
def test_a_full_name_has_two_capitalised_words_besides_initials_and_particles(first, surname, letters, particle):
    assert not is_full_person_name(" ".join([*letters, particle + surname]))  # "J.-P. de Gaulle"
    assert not is_full_person_name(f"{surname} {' '.join(letters)}".strip())  # "Karabatic L."
    assert is_full_person_name(" ".join([first, *letters, particle + surname]))  # "Charles A. de Gaulle"


def test_an_organisation_named_without_its_article_joins_the_one_named_with_it():
    # "journaliste au Monde", "les révélations du « Monde »" and "Le Monde" elsewhere: one newspaper
    merge = merge_site(site([("Monde", "organisation"), ("François Fillon", "personne")],
                            [("Le Monde", "organisation")], [("Le Monde", "organisation")],
                            [("Échos", "organisation")], [("Les Échos", "organisation")]))
    assert sorted((e.name, e.kind, e.articles) for e in merge.entities) == [
        ("François Fillon", "personne", 1), ("Le Monde", "organisation", 3), ("Les Échos", "organisation", 2)]
    assert merge.mentions[0][0][1] == ["Monde"]  # the dispatch's own form stays a form
    # a bare kind of organisation is no short name: "Union" (of the Union africaine, cut) is not L'Union
    merge = merge_site(site([("Union", "organisation")], [("L'Union", "organisation")]))
    assert sorted(e.name for e in merge.entities) == ["L'Union", "Union"]
    # a place: not a newspaper's short name
    merge = merge_site(site([("Caire", "lieu")], [("Le Caire", "organisation")]))
    assert sorted(e.name for e in merge.entities) == ["Caire", "Le Caire"]
    # two organisations with an article: the dispatch did not say which
    merge = merge_site(site([("Union", "organisation")], [("L'Union", "organisation")], [("La Union", "organisation")]))
    assert sorted(e.name for e in merge.entities) == ["L'Union", "La Union", "Union"]


def test_a_full_name_one_surname_short_joins_the_longer_one_it_starts():
    # the triathlon dispatches of 2016-2017: "Francisco Javier Gómez", "Francisco Javier Gómez Noya"
    merge = merge_site(site([("Francisco Javier Gómez", "personne"), ("Mario Mola", "personne")],
                            [("Francisco Javier Gómez Noya", "personne"), ("Mario Mola", "personne")],
                            [("Francisco Javier Gómez Noya", "personne")]))
    assert sorted((e.name, e.articles) for e in merge.entities) == [
        ("Francisco Javier Gómez Noya", 3), ("Mario Mola", 2)]
    # no one in common: maybe another man; words as written: a hyphenated surname is another name
    merge = merge_site(site([("Jean Lambert", "personne"), ("Mario Mola", "personne")],
                            [("Jean Lambert-Wild", "personne"), ("Mario Mola", "personne")],
                            [("Paul Durand", "personne")], [("Paul Durand Martin", "personne")],
                            [("Lionel Messi", "personne"), ("Lionel Messi de Neymar", "personne")]))
    assert sorted(e.name for e in merge.entities) == ["Jean Lambert", "Jean Lambert-Wild", "Lionel Messi",
                                                      "Lionel Messi de Neymar", "Mario Mola", "Paul Durand",
                                                      "Paul Durand Martin"]


def test_a_place_named_short_joins_the_one_longer_place_it_stands_for():
    # corpus: "les Jeux olympiques de Rio" (30 dispatches) and "Rio de Janeiro" (6), the Olympic committee
    # in both; "Champs-Elysées" written beside "avenue des Champs-Élysées" in one dispatch
    merge = merge_site(site(
        [("Rio de Janeiro", "lieu"), ("Comité international olympique", "organisation")],
        [("Rio", "lieu"), ("Comité international olympique", "organisation"), ("Brésil", "lieu")],
        [("Rio", "lieu"), ("Usain Bolt", "personne")],
        [("avenue des Champs-Élysées", "lieu"), ("Champs-Elysées", "lieu"), ("Place de la Concorde", "lieu")],
        [("Champs-Élysées", "lieu")],
        [("avenue des Champs-Élysées", "lieu"), ("Paris", "lieu")],
        [("Soulor", "lieu"), ("Col du Soulor", "lieu"), ("Aubisque", "lieu")],
        # the Tour de France 2017: "l'ascension du Col d'Izoard", "au sommet de l'Izoard"
        [("Col d'Izoard", "lieu"), ("Izoard", "lieu"), ("Briançon", "lieu")],
    ))
    assert names_of(merge, 1) == ["Brésil", "Comité international olympique", "Rio de Janeiro"]
    assert names_of(merge, 2) == ["Rio de Janeiro", "Usain Bolt"]
    rio = next(e for e in merge.entities if e.name == "Rio de Janeiro")
    assert rio.articles == 3 and "rio" in rio.keys  # the URL "Rio" had can redirect here
    assert dict((e.name, forms) for e, forms in merge.mentions[1])["Rio de Janeiro"] == ["Rio"]  # "Aussi écrit"
    assert names_of(merge, 4) == ["avenue des Champs-Élysées"]
    assert names_of(merge, 6) == ["Aubisque", "Col du Soulor"]
    assert names_of(merge, 7) == ["Briançon", "Col d'Izoard"]
    assert not {"Rio", "Champs-Élysées", "Champs-Elysées", "Soulor", "Izoard"} & {e.name for e in merge.entities}


def test_a_place_written_in_another_transliteration_joins_the_one_the_editorial_file_names():
    # corpus: the triathlon series of 2016-2017 at "Abou Dabi", "Abou Dhabi", "Abu Dhabi"; the Syrian war
    # at "Raqqa" and "Racca", Daech in both
    editorial = Editorial([EditorialEntry("Abou Dhabi", "lieu"), EditorialEntry("Raqqa", "lieu")])
    merge = merge_site(site(
        [("Abou Dabi", "lieu"), ("Abou Dhabi", "lieu"), ("Mario Mola", "personne")],
        [("Abou Dhabi", "lieu"), ("Flora Duffy", "personne")], [("Abou Dhabi", "lieu"), ("Mario Mola", "personne")],
        [("Abu Dhabi", "lieu"), ("Flora Duffy", "personne")],
        [("Raqqa", "lieu"), ("État islamique", "organisation")], [("Raqqa", "lieu")],
        [("Racca", "lieu"), ("État islamique", "organisation"), ("Palmyre", "lieu")],
        # two people may share a transliterated name; a place sharing no one may be another place
        [("Mohamed Ali", "personne")], [("Mohammed Ali", "personne")],
        [("Sousse", "lieu"), ("Tunisie", "lieu")], [("Suse", "lieu"), ("Italie", "lieu")],
    ), editorial)
    assert sorted((e.name, e.articles) for e in merge.entities if e.kind == "lieu") == [
        ("Abou Dhabi", 4), ("Italie", 1), ("Palmyre", 1), ("Raqqa", 3), ("Sousse", 1), ("Suse", 1), ("Tunisie", 1)]
    assert {"Mohamed Ali", "Mohammed Ali"} <= {e.name for e in merge.entities}
    assert dict((e.name, forms) for e, forms in merge.mentions[6])["Raqqa"] == ["Racca"]  # "Aussi écrit"


def test_a_place_named_short_stays_itself_when_anything_says_it_is_another_place():
    merge = merge_site(site(
        # a place named after a town, country or continent is another place
        [("Paris", "lieu"), ("Porte de Paris", "lieu"), ("Mairie de Paris", "organisation")],
        [("Paris", "lieu"), ("Mairie de Paris", "organisation")],
        [("Vincennes", "lieu"), ("Porte de Vincennes", "lieu")],
        [("France", "lieu"), ("Stade de France", "lieu")],
        [("Paris-Saclay", "lieu"), ("Paris", "lieu")],
        [("Afrique", "lieu"), ("Afrique du Sud", "lieu")],
        [("Amérique", "lieu"), ("Amérique latine", "lieu")],
        # "Saint-Denis" beside a second longer place with its words
        [("Saint-Denis", "lieu"), ("Stade de France", "lieu"), ("Saint-Denis-en-Val", "lieu")],
        [("Saint-Denis-en-Val", "lieu")],
        # corpus: the Azores island and the Portuguese town, the Drôme's Valence and a rugby club's town:
        # their dispatches share no one
        [("Santa Maria", "lieu"), ("NOAA", "organisation")],
        [("Santa Maria da Feira", "lieu"), ("Rui Costa", "personne")],
        [("Valence", "lieu"), ("Drôme", "lieu"), ("Préfecture de la Drôme", "organisation")],
        [("Valence d'Agen", "lieu"), ("Fédération française de rugby", "organisation")],
        # cited by more dispatches than the place named with its head: the district, the opera, not the square
        [("Bastille", "lieu"), ("Opéra de Paris", "organisation")], [("Bastille", "lieu"), ("Opéra de Paris", "organisation")],
        [("place de la Bastille", "lieu"), ("Opéra de Paris", "organisation")],
    ))
    names = {e.name for e in merge.entities}
    assert {"Paris", "Porte de Paris", "Vincennes", "Porte de Vincennes", "France", "Stade de France", "Paris-Saclay",
            "Afrique", "Afrique du Sud", "Amérique", "Amérique latine", "Saint-Denis", "Saint-Denis-en-Val",
            "Santa Maria", "Santa Maria da Feira", "Valence", "Valence d'Agen", "Bastille", "place de la Bastille"} <= names
    assert next(e for e in merge.entities if e.name == "Paris").articles == 3
    # a place in another place ("de la Réunion"), though one dispatch writes both and nothing else is near
    réunion = merge_site(site([("Saint-Denis", "lieu"), ("Saint-Denis de la Réunion", "lieu")],
                              [("Saint-Denis de la Réunion", "lieu")]))
    assert {e.name for e in réunion.entities} == {"Saint-Denis", "Saint-Denis de la Réunion"}


def test_an_organisation_named_short_joins_the_one_a_dispatch_wrote_it_for():
    # Burundi, 2016: "l'Opération des Nations unies au Burundi (ONUB)" once, "le bureau de l'ONUB" elsewhere;
    # the handball championship: "le Fenix Toulouse ... le Fenix" once, "le Fenix" alone in two results
    onub, fenix = ("Opération des Nations unies au Burundi", "organisation", "", ["ONUB"]), \
        ("Fenix Toulouse", "organisation", "", ["Fenix"])
    nkurunziza, canayer = ("Pierre Nkurunziza", "personne", "", []), ("Patrice Canayer", "personne", "", [])
    merge = merge_site([[onub, nkurunziza], [("ONUB", "organisation", "", []), nkurunziza],
                        [fenix, canayer, ("Montpellier Handball", "organisation", "", [])],
                        [("Fenix", "organisation", "", []), ("Montpellier Handball", "organisation", "", [])],
                        [("Fenix", "organisation", "", []), canayer]])
    assert sorted((e.name, e.articles) for e in merge.entities if e.kind == "organisation") == [
        ("Fenix Toulouse", 3), ("Montpellier Handball", 2), ("Opération des Nations unies au Burundi", 2)]
    assert merge.mentions[1][0][1] == ["ONUB"]  # the dispatch's own form stays a form


def test_an_organisation_named_short_stays_itself_when_nothing_says_it_is_the_one():
    triathlon = ("Fédération internationale de triathlon", "organisation", "", ["ITU"])
    portfolio = ("ministère de l'Intérieur (France)", "organisation", "", ["Intérieur"])
    merge = merge_site([[triathlon, ("Vincent Luis", "personne", "", [])],
                        # the telecoms union, no one in common with the triathletes
                        [("ITU", "organisation", "", []), ("Houlin Zhao", "personne", "", [])],
                        [portfolio], [("Intérieur", "organisation", "", [])],
                        [("Union africaine", "organisation", "", ["Union"])], [("Union", "organisation", "", [])]])
    assert sorted(e.name for e in merge.entities if e.kind == "organisation") == [
        "Fédération internationale de triathlon", "ITU", "Intérieur", "Union", "Union africaine",
        "ministère de l'Intérieur (France)"]


def test_an_organisation_written_whole_joins_the_editorial_entity_of_its_short_name():
    fifa = Editorial([EditorialEntry("FIFA", "organisation", ("Fifa",), "Fédération internationale de football.")])
    merge = merge_site([[("Fédération internationale de football association", "organisation", "", ["FIFA"]),
                         ("Human Rights Watch", "organisation", "", [])],
                        [("FIFA", "organisation", "", []), ("UEFA", "organisation", "", [])]], fifa)
    assert [(e.name, e.articles) for e in merge.entities if e.name.startswith("F")] == [("FIFA", 2)]


def test_two_towns_whose_names_transliterate_alike_stay_two_pages_unless_the_editorial_file_says():
    # "Hyères" (Var) and "Yerres" (Essonne) share a transliteration key, and a president visits both:
    # near-spellings are listed for an editor, never merged silently (issue #21)
    merge = merge_site(site(
        [("Hyères", "lieu"), ("Emmanuel Macron", "personne")], [("Hyères", "lieu"), ("Météo-France", "organisation")],
        [("Yerres", "lieu"), ("Emmanuel Macron", "personne")],
    ))
    assert sorted((e.name, e.articles) for e in merge.entities if e.kind == "lieu") == [("Hyères", 2), ("Yerres", 1)]


def test_the_editorial_file_is_asked_once_per_name_not_once_per_mention(monkeypatch):
    # 5 000 articles name the same few hundred entities 40 000 times: each name is looked up once
    asked = []
    editorial = Editorial([EditorialEntry("Emmanuel Macron", "personne", description="Président de la République.")])
    real = editorial.lookup
    monkeypatch.setattr(editorial, "lookup", lambda form: asked.append(form) or real(form))
    merge = merge_site(site(*[[("Emmanuel Macron", "personne"), ("Paris", "lieu"), ("Paris (France)", "lieu")]] * 50), editorial)
    assert [(entity.name, entity.articles, entity.description) for entity in merge.entities] == [
        ("Emmanuel Macron", 50, "Président de la République."), ("Paris", 50, "")]
    assert len(asked) <= 3 * 2  # each name: once for the group, once for its qualifier


_WORDS = st.text(st.characters(blacklist_characters="()", blacklist_categories=("Cs", "Zs", "Cc")), min_size=1)


@given(_WORDS, _WORDS)
def test_a_pages_qualifier_in_parentheses_is_read_alike_everywhere(base, qualifier):
    # review 10: the site's merge, the former addresses and the site checks each had their own pattern
    assert split_qualifier(f"{base} ({qualifier})") == (base, qualifier)
    assert split_qualifier(base) == (base, None)
