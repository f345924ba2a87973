"""entities.pages: related articles are the ones sharing the rarest entities, nearest in time,
never by a single shared place, as a plain count over every pair of articles would rank them."""

from __future__ import annotations

import datetime as dt
import math
import random

from hypothesis import given
from hypothesis import strategies as st

from digest.entities.editorial import Editorial, EditorialEntry
from entities.pages import build_catalog

NAMES = ["Mark Rutte", "Volodymyr Zelensky", "Emmanuel Macron", "Angela Merkel", "Joe Biden"]
PLACES = ["Kiev", "France", "Paris", "Moscou", "Berlin", "Bruxelles"]


START = dt.datetime(2025, 8, 22)


class FakeArticle:
    def __init__(self, slug, people, places, days_ago=None):
        self.slug = slug
        self.metadata = {"personnes": "; ".join(people), "lieux": "; ".join(places)}
        # newest first, as the site gives them: a day apart unless told
        self.date = START - dt.timedelta(days=int(slug[1:]) if days_ago is None else days_ago)


def expected_related(articles, limit):
    """Every pair of articles compared: the reference ranking, written the obvious way."""
    keys = [{(m.name, m.kind) for m in article.entities} for article in articles]
    counts = {}
    for entities in keys:
        for key in entities:
            counts[key] = counts.get(key, 0) + 1
    related = []
    for number, mine in enumerate(keys):
        ranked = []
        for other_number, theirs in enumerate(keys):
            common = mine & theirs
            one_place = len(common) == 1 and next(iter(common))[1] == "lieu"
            if other_number != number and common and not one_place:
                rarity = sum(math.log((len(articles) + 1) / counts[key]) for key in common)
                days = abs((articles[number].date - articles[other_number].date).days)
                ranked.append((-round(rarity / (1 + days / 30), 9), other_number))
        related.append([articles[i].slug for *_, i in sorted(ranked)[:limit]])
    return related


def test_related_articles_match_a_pairwise_count():
    rng = random.Random(7)
    articles = [
        FakeArticle(f"a{n}", rng.sample(NAMES, rng.randint(0, 3)), rng.sample(PLACES, rng.randint(0, 3)))
        for n in range(120)
    ]
    build_catalog(articles, Editorial.empty(), {"ENTITY_RELATED_ARTICLES": 5})
    assert [[other.slug for other in article.related] for article in articles] == expected_related(articles, 5)
    lonely = next(article for article in articles if not article.entities)
    assert lonely.related == [] and lonely.related_shared == {}
    busy = max(articles, key=lambda article: len(article.entities))
    assert all(1 <= shared <= len(busy.entities) for shared in busy.related_shared.values())


def test_related_articles_match_a_pairwise_count_when_few_share_much():
    """A larger archive where a few entities are everywhere and most are rare: only the articles
    sharing as much as the fifth best are ranked, ties on one common entity included."""
    rng = random.Random(11)
    people = [f"Personne {n}" for n in range(60)]
    places = ["France", "Paris"] + [f"Ville {n}" for n in range(40)]
    weights = [1 / (rank + 1) for rank in range(len(places))]  # "France" in most, "Ville 39" in few
    articles = []
    for n in range(300):
        chosen_places = {rng.choices(places, weights)[0] for _ in range(rng.randint(0, 4))}
        articles.append(FakeArticle(f"a{n}", rng.sample(people, rng.randint(0, 2)), sorted(chosen_places)))
    build_catalog(articles, Editorial.empty(), {"ENTITY_RELATED_ARTICLES": 5})
    assert [[other.slug for other in article.related] for article in articles] == expected_related(articles, 5)
    assert any(len(article.entities) == 1 and len(article.related) == 5 for article in articles)


def test_a_single_shared_place_never_relates_two_stories():
    shooting = FakeArticle("a0", ["Omar Mateen"], ["Orlando", "Floride"])
    orca = FakeArticle("a1", ["Tilikum"], ["Orlando"])
    sequel = FakeArticle("a2", ["Omar Mateen"], ["États-Unis"])
    build_catalog([shooting, orca, sequel], Editorial.empty(), {"ENTITY_RELATED_ARTICLES": 5})
    assert shooting.related == [sequel]
    assert orca.related == []


def test_closeness_in_time_and_rarity_rank_related_articles():
    """A rare person shared a week later outranks a common one (in ten articles) shared the next
    day; the same rare person two years before falls behind both."""
    story = FakeArticle("a0", ["Mark Rutte", "Emmanuel Macron"], ["France"], days_ago=0)
    follow_up = FakeArticle("a1", ["Mark Rutte"], ["France"], days_ago=7)
    common = FakeArticle("a2", ["Emmanuel Macron"], ["France"], days_ago=1)
    others = [FakeArticle(f"a{n}", ["Emmanuel Macron"], ["France"], days_ago=n) for n in range(3, 11)]
    old_story = FakeArticle("a11", ["Mark Rutte"], ["France"], days_ago=700)
    build_catalog([story, follow_up, common, *others, old_story], Editorial.empty(), {"ENTITY_RELATED_ARTICLES": 3})
    assert [article.slug for article in story.related] == ["a1", "a2", "a3"]


def test_the_names_the_search_page_matches_are_every_entity_most_cited_first():
    articles = [FakeArticle("a1", ["Mark Rutte | Rutte", "Émile Zola"], ["Kiev"]),
                FakeArticle("a2", ["Mark Rutte | M. Rutte"], ["Kiev", "Paris"]),
                FakeArticle("a3", ["Mark Rutte", "Angela Merkel"], ["Paris", "Kiev"])]
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [
        ["Kiev", "lieu", "lieux/kiev/", 3, []],
        ["Mark Rutte", "personne", "personnes/mark-rutte/", 3, ["Rutte", "M. Rutte"]],
        ["Paris", "lieu", "lieux/paris/", 2, []],
        ["Angela Merkel", "personne", "personnes/angela-merkel/", 1, []],
        ["Émile Zola", "personne", "personnes/emile-zola/", 1, []],
    ] == build_catalog(articles, Editorial.empty(), {"ENTITY_MIN_ARTICLES": 1}).names()
    # by default a page (and a name the search page finds) needs two dispatches
    assert [name for name, *_ in catalog.names()] == ["Kiev", "Mark Rutte", "Paris"]


def test_an_entity_cited_once_is_named_without_a_page_unless_editorial():
    articles = [FakeArticle("a1", ["Mark Rutte", "Émile Zola", "Angela Merkel"], ["Kiev"]),
                FakeArticle("a2", ["Mark Rutte"], ["Kiev", "Paris"])]
    editorial = Editorial([EditorialEntry("Angela Merkel", "personne")])
    catalog = build_catalog(articles, editorial, {})
    assert [page.name for page in catalog.all()] == ["Angela Merkel", "Mark Rutte", "Kiev"]
    shown = {mention.name: mention.url for mention in articles[0].entities}
    assert shown == {"Mark Rutte": "personnes/mark-rutte/", "Émile Zola": "", "Angela Merkel": "personnes/angela-merkel/",
                     "Kiev": "lieux/kiev/"}
    assert catalog.slug_records["personne"] == {"mark-rutte": "Mark Rutte", "angela-merkel": "Angela Merkel"}
    rutte = catalog.get_entity("Mark Rutte", "personne")
    assert [other.name for other, _ in rutte.related] == ["Kiev", "Angela Merkel"]  # no link to a page not written


def test_a_generic_institution_with_no_country_gets_no_page():
    articles = [FakeArticle("a1", [], ["Paris"]), FakeArticle("a2", [], ["Paris"])]
    for article in articles:
        article.metadata["organisations"] = "Parlement; Sénat (France)"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [page.name for page in catalog["organisation"]] == ["Sénat (France)"]
    assert {mention.name: mention.url for mention in articles[0].entities if mention.kind == "organisation"} == \
        {"Parlement": "", "Sénat (France)": "organisations/senat-france/"}


def test_a_person_known_only_by_a_surname_is_named_without_a_page():
    # the team sheets of two handball dispatches (winer-2016_03_12-001, winer-2016_03_13-003):
    # "Dolenec (3/6)", "Karabatic L.", "Diego Simonet"; no full name owns Dolenec on the site
    articles = [FakeArticle("a1", ["Dolenec", "Karabatic L.", "Diego Simonet", "de Gaulle"], ["Montpellier"]),
                FakeArticle("a2", ["Dolenec", "Karabatic L.", "Diego Simonet | Simonet", "de Gaulle"], ["Montpellier"])]
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [page.name for page in catalog.all()] == ["Diego Simonet", "Montpellier"]
    assert {mention.name: mention.url for mention in articles[0].entities if mention.kind == "personne"} == \
        {"Dolenec": "", "Karabatic L.": "", "Diego Simonet": "personnes/diego-simonet/", "de Gaulle": ""}
    # a full name on the site, cited with the same teammate, owns the surname: one page, under the full name
    articles.append(FakeArticle("a3", ["Jure Dolenec", "Diego Simonet"], ["Montpellier"]))
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert sorted(page.name for page in catalog["personne"]) == ["Diego Simonet", "Jure Dolenec"]
    assert catalog.get_entity("Jure Dolenec", "personne").count == 3
    # the editorial file may give a single-named person a page
    catalog = build_catalog(articles[:2], Editorial([EditorialEntry("Dolenec", "personne")]), {})
    assert "Dolenec" in [page.name for page in catalog["personne"]]


def test_a_bare_kind_of_organisation_gets_no_page():
    # "Selon L'Union" (the Reims daily), "le sauveur de l'Union" (Lincoln), "le HBC Nantes" cut to "HBC"
    articles = [FakeArticle("a1", [], ["Reims"]), FakeArticle("a2", [], ["Reims"])]
    for article in articles:
        article.metadata["organisations"] = "Union; HBC; Union africaine; Montpellier Handball; Haute Autorité"
    catalog = build_catalog(articles, Editorial.empty(), {})
    # "la Haute Autorité [pour la transparence de la vie publique]", "la Haute autorité de la primaire"
    assert sorted(page.name for page in catalog["organisation"]) == ["Montpellier Handball", "Union africaine"]
    assert {mention.name: mention.url for mention in articles[0].entities if mention.kind == "organisation"} == \
        {"Union": "", "HBC": "", "Union africaine": "organisations/union-africaine/",
         "Montpellier Handball": "organisations/montpellier-handball/", "Haute Autorité": ""}


def test_aussi_ecrit_lists_names_not_the_common_word_a_dispatch_used():
    # winer-2017_03_22 (Saint-Denis) and the Grasse shooting: "ministre de l'Éducation", "l'Éducation nationale"
    articles = [FakeArticle("a1", [], ["Saint-Denis"]), FakeArticle("a2", [], ["Grasse"])]
    articles[0].metadata["organisations"] = "ministère de l'Éducation (France) | Éducation; Union africaine | Union"
    articles[1].metadata["organisations"] = "ministère de l'Éducation (France) | Éducation nationale; Union africaine | UA"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert catalog.get_entity("ministère de l'Éducation (France)", "organisation").forms == ["Éducation nationale"]
    assert catalog.get_entity("Union africaine", "organisation").forms == ["UA"]
    # the dispatch's own sentence still marks the word it used
    assert "Éducation" in catalog.get_entity("ministère de l'Éducation (France)", "organisation").forms_in(articles[0])


def test_aussi_ecrit_leaves_out_a_portfolio_cut_with_its_countrys_adjective():
    # corpus site: "le ministre de l'Intérieur français", "le ministre des Affaires étrangères français"
    # gave "Aussi écrit : Intérieur français" (audit 7: a fragment) beside the ministry's own forms
    articles = [FakeArticle("a1", [], ["Paris"]), FakeArticle("a2", [], ["Paris"])]
    articles[0].metadata["organisations"] = ("ministère de l'Intérieur (France) | Intérieur français; "
                                             "ministère des Finances (France) | Finances françaises")
    articles[1].metadata["organisations"] = ("ministère de l'Intérieur (France) | Ministère de l'Intérieur (France); "
                                             "ministère des Finances (France) | Finances")
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert catalog.get_entity("ministère de l'Intérieur (France)", "organisation").forms == ["Ministère de l'Intérieur (France)"]
    assert catalog.get_entity("ministère des Finances (France)", "organisation").forms == []
    assert "Intérieur français" in catalog.get_entity("ministère de l'Intérieur (France)", "organisation").forms_in(articles[0])


def test_aussi_ecrit_leaves_out_the_name_cut_from_its_article():
    # corpus site: "Aussi écrit : Caire" on Le Caire's page ("au Caire"), "Monde" on Le Monde's ("au Monde")
    articles = [FakeArticle("a1", [], ["Le Caire | Caire"]), FakeArticle("a2", [], ["Le Caire | Caire"])]
    articles[0].metadata["organisations"] = "Le Monde | Monde; Les Échos | Les Echos"
    articles[1].metadata["organisations"] = "Le Monde; Les Échos | Échos"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert catalog.get_entity("Le Caire", "lieu").forms == [] and catalog.get_entity("Le Monde", "organisation").forms == []
    assert catalog.get_entity("Les Échos", "organisation").forms == ["Les Echos"]
    assert "Monde" in catalog.get_entity("Le Monde", "organisation").forms_in(articles[0])


def test_aussi_ecrit_leaves_out_a_first_name_alone():
    # the triathlon dispatches of 2016: "les frères Brownlee... Alistair s'impose", "Alistair Brownlee"
    articles = [FakeArticle("a1", ["Alistair Brownlee", "Alistair", "Jonathan Brownlee", "Brownlee"], ["Rio"]),
                FakeArticle("a2", ["Alistair Brownlee | Alistair", "Jonathan Brownlee", "A. Brownlee"], ["Rio"])]
    catalog = build_catalog(articles, Editorial.empty(), {})
    alistair = catalog.get_entity("Alistair Brownlee", "personne")
    assert alistair.count == 2 and "Alistair" not in alistair.forms
    # the dispatch's sentence still marks it
    assert "Alistair" in alistair.forms_in(articles[0])


def test_a_league_round_ups_towns_are_clubs_and_the_town_page_does_not_take_them():
    from tests.entities.test_admission import ROUND

    rounds = [FakeArticle("a1", [], ["Paris", "Sélestat", "Créteil"]), FakeArticle("a2", [], ["Sélestat", "Créteil"])]
    for article in rounds:
        article.content = f"<p>{ROUND}</p>"
    towns = [FakeArticle("a3", ["Anne Hidalgo"], ["Paris", "Créteil"]), FakeArticle("a4", ["Anne Hidalgo"], ["Paris"])]
    for article in towns:
        article.content = "<p>Anne Hidalgo a inauguré à Paris une ligne vers Créteil.</p>"
    catalog = build_catalog(rounds + towns, Editorial.empty(), {})
    assert [page.name for page in catalog["lieu"]] == ["Paris"]  # Sélestat the town: no dispatch; Créteil: one
    assert catalog.get_entity("Paris", "lieu").articles == towns
    assert catalog["organisation"] == []  # a club known only by its town gets no page
    clubs = {mention.name: mention.url for mention in rounds[0].entities if mention.kind == "organisation"}
    assert clubs == {"Paris (club)": "", "Sélestat (club)": "", "Créteil (club)": ""}
    # the dispatch's own sentence still marks the town's name it used
    [selestat] = [mention for mention in rounds[0].entities if mention.name == "Sélestat (club)"]
    assert "Sélestat" in selestat.forms


def test_a_role_says_the_years_of_the_dispatches_that_give_it():
    articles = [FakeArticle("a1", ["Bernard Cazeneuve"], ["Paris"], days_ago=0),
                FakeArticle("a2", ["Bernard Cazeneuve"], ["Paris"], days_ago=400),
                FakeArticle("a3", ["Bernard Cazeneuve"], ["Paris"], days_ago=800)]
    articles[0].content = "<p>Le Premier ministre Bernard Cazeneuve l'a convoqué mardi.</p>"
    articles[1].content = "<p>« Rien », a déclaré le Premier ministre Bernard Cazeneuve, en déplacement.</p>"
    articles[2].content = "<p>Le ministre de l’Intérieur, Bernard Cazeneuve, se rend à Nice.</p>"
    page = build_catalog(articles, Editorial.empty(), {}).get_entity("Bernard Cazeneuve", "personne")
    assert (page.role, page.role_years) == ("Premier ministre", "2024 à 2025")


def test_a_character_is_named_without_a_page_and_the_actor_keeps_his():
    articles = [FakeArticle("a1", ["Roger Moore", "James Bond"], ["Londres"]),
                FakeArticle("a2", ["Ken Adam", "James Bond", "Roger Moore"], ["Londres"])]
    articles[0].content = "<p>Roger Moore a incarné à l'écran l'espion britannique James Bond de 1973 à 1985.</p>"
    articles[1].content = "<p>Ken Adam, décorateur des James Bond, a travaillé avec Roger Moore.</p>"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [page.name for page in catalog["personne"]] == ["Roger Moore"]
    assert {mention.name: mention.url for mention in articles[0].entities if mention.kind == "personne"} == \
        {"Roger Moore": "personnes/roger-moore/", "James Bond (personnage)": ""}


def test_aussi_ecrit_leaves_out_slips_the_page_mends_and_the_name_as_typeset():
    # "Adam Yateset" (a lost space), "GUE" and "NGL" of "GUE/NGL", "Edouard Philippe" (typeset "Édouard")
    articles = [FakeArticle("a1", ["Adam Yates | Adam Yateset", "Édouard Philippe | Edouard Philippe"], ["Paris"]),
                FakeArticle("a2", ["Adam Yates | A. Yates", "Édouard Philippe | Philippe"], ["Paris"])]
    for article in articles:
        article.metadata["organisations"] = "GUE/NGL | GUE | NGL | Gauche unitaire européenne"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert catalog.get_entity("Adam Yates", "personne").forms == ["A. Yates"]
    assert catalog.get_entity("Édouard Philippe", "personne").forms == ["Philippe"]
    assert catalog.get_entity("GUE/NGL", "organisation").forms == ["Gauche unitaire européenne"]


def test_a_name_only_ever_cited_beside_a_more_cited_near_spelling_gets_no_page():
    # the Ironman dispatches of 2016: "Sebastien Kienle" twice, each time beside "Sebastian Kienle"
    articles = [FakeArticle("a1", ["Sebastian Kienle", "Sebastien Kienle", "Jan Frodeno"], ["Francfort"]),
                FakeArticle("a2", ["Sebastian Kienle", "Sebastien Kienle"], ["Hawaï"]),
                FakeArticle("a3", ["Sebastian Kienle", "Jan Frodeno", "Jan Frodino"], ["Hawaï"]),
                FakeArticle("a4", ["Jan Frodino"], ["Hawaï"])]
    catalog = build_catalog(articles, Editorial.empty(), {})
    # Frodino is cited alone once: maybe another man, a page of its own (entities-review lists the pair)
    assert sorted(page.name for page in catalog["personne"]) == ["Jan Frodeno", "Jan Frodino", "Sebastian Kienle"]
    assert {mention.name: mention.url for mention in articles[0].entities if mention.kind == "personne"} == {
        "Sebastian Kienle": "personnes/sebastian-kienle/", "Sebastien Kienle": "", "Jan Frodeno": "personnes/jan-frodeno/"}


def catalog_of(*cited):
    """The articles "a1", "a2"... citing (people, place) each, and their catalog."""
    articles = [FakeArticle(f"a{number}", people, [place]) for number, (people, place) in enumerate(cited, 1)]
    return articles, build_catalog(articles, Editorial.empty(), {})


def test_two_near_spellings_always_cited_together_as_often_get_no_page_either():
    # the triathlon results of 2016 and 2017: "Jodie Simpson" and "Jodie Stimpson" in the same two tables;
    # "Jean" and "Jeanne Lambert", two letters apart, always together: a couple, not a slip
    articles, catalog = catalog_of((["Jodie Stimpson", "Jodie Simpson", "Flora Duffy"], "Abou Dhabi"),
                                   (["Jodie Simpson", "Jodie Stimpson", "Gwen Jorgensen"], "Gold Coast"),
                                   (["Jean Lambert", "Jeanne Lambert"], "Lyon"), (["Jeanne Lambert", "Jean Lambert"], "Lyon"))
    assert sorted(page.name for page in catalog["personne"]) == ["Jean Lambert", "Jeanne Lambert"]
    assert [mention.url for mention in articles[0].entities if mention.kind == "personne"] == ["", "", ""]


def test_a_name_one_letter_from_a_more_cited_one_beside_it_once_and_among_its_company_gets_no_page():
    # 2016: "Francesco Javier Gomez" in two results of the triathlon series, once beside "Francisco Javier
    # Gómez Noya" (whose short name "Francisco Javier Gómez" it is one letter from), once among his rivals
    noya = [(["Francisco Javier Gómez", "Mario Mola"], "Yokohama"), (["Francisco Javier Gómez Noya", "Mario Mola"], "Leeds"),
            (["Francesco Javier Gomez", "Francisco Javier Gómez Noya", "Alistair Brownlee"], "Gold Coast")]
    _, catalog = catalog_of((["Francesco Javier Gomez", "Alistair Brownlee", "Mario Mola"], "Abou Dhabi"), *noya)
    assert sorted((page.name, page.count) for page in catalog["personne"]) == [
        ("Alistair Brownlee", 2), ("Francisco Javier Gómez Noya", 3), ("Mario Mola", 3)]
    # elsewhere with no one of his: maybe another man
    _, catalog = catalog_of((["Francesco Javier Gomez", "Paul Durand"], "Abou Dhabi"), *noya)
    assert catalog.get_entity("Francesco Javier Gomez", "personne") is not None


def test_aussi_ecrit_leaves_out_a_surname_a_more_cited_person_bears():
    # January 2017: "Fillon" beside "Penelope Fillon" alone meant the candidate, cited more; "Hamon" is his own
    _, catalog = catalog_of((["Penelope Fillon | Fillon"], "Paris"), (["Penelope Fillon"], "Paris"),
                            (["François Fillon | Fillon", "Benoît Hamon | Hamon"], "Paris"),
                            (["François Fillon", "Benoît Hamon"], "Paris"), (["François Fillon"], "Sablé-sur-Sarthe"))
    assert sorted((page.name, page.forms) for page in catalog["personne"]) == [
        ("Benoît Hamon", ["Hamon"]), ("François Fillon", ["Fillon"]), ("Penelope Fillon", [])]


def test_a_programme_gets_no_page_and_a_building_is_a_place():
    # the Eurovision dispatches of 2016, the health-care ones of 2017
    eurovision = ("<p>La demi-finale du concours se tient à Stockholm en Suède à l’Ericsson Globe, salle qui avait "
                  "déjà accueilli le concours en 2000.</p>")
    health = ("<p>Le texte diminue le financement du programme d’assurance santé pour les foyers modestes, "
              "appelé Medicaid.</p><p>Les systèmes Medicaid et Medicare ont été étendus.</p>")
    articles = [FakeArticle("a1", [], ["Stockholm"]), FakeArticle("a2", [], ["Stockholm"]),
                FakeArticle("a3", ["Donald Trump"], []), FakeArticle("a4", ["Donald Trump"], [])]
    for article, content in zip(articles, (eurovision, eurovision, health, health)):
        article.content = content
        article.metadata["organisations"] = "Ericsson Globe; UER" if "Globe" in content else "Medicaid"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [page.name for page in catalog["organisation"]] == ["UER"]
    assert catalog.get_entity("Ericsson Globe", "lieu").url == "lieux/ericsson-globe/"
    assert [(mention.name, mention.kind, mention.url) for mention in articles[2].entities] == [
        ("Donald Trump", "personne", "personnes/donald-trump/"), ("Medicaid", "organisation", "")]


def test_a_club_of_one_name_in_another_sport_is_its_namesake_of_that_sport():
    # 2016-2017: the handball championship's results ("le PSG" of Omeyer) and the football club's transfers
    psg = Editorial([EditorialEntry("Paris Saint-Germain", "organisation", ("PSG",), "Club de football parisien.")])
    articles = [FakeArticle(f"a{n}", [], ["Paris"]) for n in range(5)]
    titles = ["Championnat de France de handball 2016-2017 : les résultats de la huitième journée",
              "Coupe de la Ligue de handball : victoire de Montpellier",
              "Paris Saint-Germain remporte le record du monde pour signer Neymar",
              "Le club de football parisien recrute",
              "L'Olympique lyonnais se qualifie pour la finale de la Ligue des champions féminine"]
    for article, title in zip(articles, titles):
        article.title, article.content = title, "<p>Le PSG l’emporte.</p>"
        article.metadata["organisations"] = "Paris Saint-Germain | PSG"
    # a football match report that names another sport in passing stays with the club
    articles[2].content = "<p>Le PSG bat Lyon au Parc des Princes, près du stade où le Stade français joue au rugby.</p>"
    catalog = build_catalog(articles, psg, {})
    assert [(page.name, page.count, page.description) for page in catalog["organisation"]] == [
        ("Paris Saint-Germain", 3, "Club de football parisien."), ("Paris Saint-Germain (handball)", 2, "")]
    assert [mention.url for mention in articles[0].entities if mention.kind == "organisation"] == [
        "organisations/paris-saint-germain-handball/"]


def test_a_generic_institution_with_its_country_lands_on_the_editorial_page_of_that_name(repo):
    from digest.entities.editorial import load_editorial

    editorial = load_editorial(repo / "content" / "entities.toml")
    articles = [FakeArticle("a1", [], ["Washington"]), FakeArticle("a2", [], ["Washington"])]
    articles[0].metadata["organisations"] = "Congrès (États-Unis) | Congrès"
    articles[1].metadata["organisations"] = "Congrès des États-Unis | Congrès américain"
    catalog = build_catalog(articles, editorial, {})
    assert [(page.name, page.count) for page in catalog["organisation"]] == [("Congrès des États-Unis", 2)]


def test_a_former_page_whose_name_is_now_read_as_one_entity_s_form_leads_to_it():
    # "Canard" had a page; its dispatches now read it as Le Canard enchaîné ("le « Canard »")
    articles = [FakeArticle(f"a{day}", [], ["Paris"]) for day in range(1, 5)]
    articles[0].metadata["organisations"] = "Le Canard enchaîné | Canard; Sénat (France) | Sénat; Union africaine | Union"
    articles[1].metadata["organisations"] = "Le Canard enchaîné; Sénat (Burundi) | Sénat; Union africaine"
    articles[2].metadata["organisations"] = "Sénat (France)"
    articles[3].metadata["organisations"] = "Sénat (Burundi)"
    recorded = {"organisation": {"canard": "Canard", "senat": "Sénat", "union": "Union"}}
    catalog = build_catalog(articles, Editorial.empty(), {}, recorded)
    assert len(catalog["organisation"]) == 4
    # "Sénat": two go by it; "Union": a kind, no one: their former pages lead to the index of organisations
    assert {(redirect.former.url, redirect.target and redirect.target.name, redirect.url) for redirect in catalog.redirects} == {
        ("organisations/canard/", "Le Canard enchaîné", "organisations/le-canard-enchaine/"),
        ("organisations/senat/", None, "entites/organisations/"), ("organisations/union/", None, "entites/organisations/")}


def test_a_bare_generic_institution_is_no_other_spelling_of_one_countrys():
    # the Italian referendum dispatches of 2016 write "le Sénat" for Sénat (Italie): the page must not
    # offer "Sénat" as its name, a form every country's senate goes by (the Burundi dispatch's took it)
    articles = [FakeArticle("a1", [], ["Italie"]), FakeArticle("a2", [], ["Italie"])]
    for article in articles:
        article.metadata["organisations"] = "Sénat (Italie) | Sénat | Sénat italien"
    catalog = build_catalog(articles, Editorial.empty(), {})
    senate = catalog.get_entity("Sénat (Italie)", "organisation")
    assert senate.count == 2 and "Sénat" not in senate.forms and "Sénat italien" in senate.forms


@given(st.dictionaries(st.sampled_from(NAMES + PLACES + ["mark rutte", "Émile", "Emile"]), st.integers(1, 6)), st.integers(0, 8))
def test_an_entitys_companions_are_the_most_frequent_ties_by_name(counts, limit):
    from collections import Counter

    from digest.entities.editorial import norm_key
    from entities.pages import EntityPage
    from entities.related import most_frequent

    counter = Counter({EntityPage(name=name, kind="personne"): count for name, count in counts.items()})
    every = sorted(counter.items(), key=lambda item: (-item[1], norm_key(item[0].name), item[0].name))
    assert most_frequent(counter, limit) == every[:limit]


def test_a_capitalised_common_noun_is_named_without_a_page():
    # winer 2017_01_20 and 2017_01_24 write "la Gauche" (a camp), another dispatch "l'aile gauche"; the
    # journal Nature is written bare ("publiée dans Nature")
    texts = ["Manuel Valls, en campagne pour les primaires de la Gauche, a été giflé à Lamballe. Une étude publiée "
             "dans Nature le cite.",
             "Les chiffres du premier tour de la primaire de la Gauche auraient été manipulés, selon la revue Nature.",
             "Le drone est passé sous l'aile gauche de l'appareil, près de Lamballe."]
    articles = [FakeArticle(f"a{day}", [], ["Lamballe"]) for day in range(1, 4)]
    for article, text in zip(articles, texts):
        article.content = f"<p>{text}</p>"
    for article in articles[:2]:
        article.metadata["organisations"] = "Gauche; Nature"
    catalog = build_catalog(articles, Editorial.empty(), {})
    assert [page.name for page in catalog["organisation"]] == ["Nature"]
    gauche = next(mention for mention in articles[0].entities if mention.name == "Gauche")
    assert gauche.url == "" and gauche.page.count == 2  # still named on its dispatches, not linked


def test_a_retired_institution_leads_where_the_country_attribution_took_its_dispatches():
    # "Parlement (Italie)" had a page; its dispatches, which cite Italy, now say "Parlement (Grèce)":
    # its former page leads there. "Sénat": dispatches of two countries, so the index. Each retired
    # address is dated by the newest dispatch still naming it (else the site's newest), none by the build's clock.
    articles = [FakeArticle(f"a{day}", [], places) for day, places in
                enumerate([["Italie", "Athènes"], ["Grèce"], ["Paris"], ["Bujumbura"], ["Rome"]], 1)]
    articles[0].metadata["organisations"] = "Parlement (Grèce) | Parlement; Sénat (France) | Sénat"
    articles[1].metadata["organisations"] = "Parlement (Grèce) | Parlement"
    articles[2].metadata["organisations"] = "Sénat (France) | Sénat"
    articles[3].metadata["organisations"] = "Sénat (Burundi) | Sénat"
    articles[4].metadata["organisations"] = "Sénat (Burundi)"
    recorded = {"organisation": {"parlement-italie": "Parlement (Italie)", "senat": "Sénat", "onu": "ONU"}}
    catalog = build_catalog(articles, Editorial.empty(), {}, recorded)
    leads = {redirect.former.url: (redirect.url, redirect.last_cited) for redirect in catalog.redirects}
    assert leads == {"organisations/parlement-italie/": ("organisations/parlement-grece/", articles[0].date),
                     "organisations/senat/": ("entites/organisations/", articles[0].date),
                     # named by no dispatch: dated by the site's newest dispatch, never the epoch
                     "organisations/onu/": ("entites/organisations/", articles[0].date)}
