"""Headlines a rule or the parse garbled: phrases the lede sets apart run together, a date or a time cut in
pieces, a participle left without what it carries, an infinitive put in the present, a unit's letter left
alone. Real dev ledes of the corpus (bench/garbled_headlines.py lists such headlines)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(("lede", "set_apart", "glued"), [
    ("De nombreux hommages ont été rendus dimanche 22 janvier à l'abbé Pierre, de son vrai nom Henri Grouès, à "
     "l'occasion des dix ans de son décès.", "l'abbé Pierre, de son vrai nom", "Pierre de son vrai nom"),
    ("L’avocat Robert Bourgi a bien réglé les deux costumes Arnys de François Fillon, le candidat LR à la "
     "présidentielle française.", "François Fillon, le candidat", "Fillon le candidat"),
    ("Quatre soldats ont été tués à Jérusalem, en Israël, ce dimanche 8 janvier, dans un attentat au "
     "camion-bélier.", "à Jérusalem, en Israël", "Jérusalem en Israël"),
    ("Nouveau record mondial en ski de vitesse pour Ivan Origone, 29 ans, originaire d'Ayas, qui a atteint sur la "
     "piste Chabrières de Vars la vitesse de 254,958 km/h.", "Ivan Origone, 29 ans, originaire", "29 ans originaire"),
    # an apposition the parser read as a second object
    ("Déjà confrontée à une lente avancée au début de l'offensive lancée contre Daech, la Turquie ne parvient pas à "
     "reprendre al-Bab, dernier bastion de l'organisation dans la zone.", "al-Bab, dernier bastion", "al-Bab dernier"),
])
def test_an_apposition_or_a_place_the_lede_sets_apart_keeps_its_commas(derive, lede, set_apart, glued):
    text = derive([lede])[0].text
    assert glued not in text, text
    assert set_apart in text, text


@pytest.mark.parametrize("lede", [
    # the lede kept whole (no rewriting): the day goes with the comma that opened the incise, and so does its closing one
    "Le Parlement européen a adopté mardi soir, après de longs débats, la réforme des retraites.",
    "Le Parlement européen a adopté ce jeudi, en première lecture, le projet de loi sur le climat.",
])
def test_no_comma_between_a_verb_and_its_object_when_the_day_that_opened_the_incise_goes(derive, lede):
    text = derive([lede])[0].text
    assert ", la réforme" not in text and ", le projet" not in text, text
    assert "débats" in text or "lecture" in text, text


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Le Parlement européen a adopté", "Le Sénat a voté", "L'Assemblée nationale a approuvé"]),
       st.sampled_from(["mercredi", "mardi soir", "ce jeudi"]),
       st.sampled_from(["à une large majorité", "après de longs débats", "en première lecture"]),
       st.sampled_from(["la directive sur le droit d'auteur", "le projet de loi sur le climat", "la réforme des retraites"]))
def test_no_comma_between_a_verb_and_its_object(derive, clause, day, incise, obj):
    """An incise whose opening comma went with the day before it loses its closing one too."""
    text = derive([f"{clause} {day}, {incise}, {obj}."])[0].text
    assert ", " + obj.split()[0] + " " + obj.split()[1] not in text, text


def test_no_comma_between_a_subject_and_its_verb(derive):
    """The commas above stop where the subject ends (no comma was written before them: a guard of their rule)."""
    lede = ("Le ministre de l'économie, Emmanuel Macron, devrait annoncer sa démission du gouvernement ce mardi 30 "
            "août vers 15 heures.")
    text = derive([lede])[0].text
    assert "Macron, devrait" not in text and "Macron devrait" in text, text


@pytest.mark.parametrize("lede", [
    "Un accident de chantier s'est produit ce vendredi 1 er juillet vers 17h00 en Savoie, à Bramans.",
    "La ville de Mocoa (40 000 habitants), dans le sud de la Colombie, a été frappée dans la nuit de vendredi à "
    "samedi 1 er avril, par la crue soudaine et simultanée des trois fleuves surplombant la ville.",
])
def test_a_date_goes_whole(derive, lede):
    text = derive([lede])[0].text
    assert not re.search(r"\b(?:1 er|er)\b", text), text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 23), st.sampled_from(["00", "15", "30", "45"]), st.sampled_from(["Lyon", "Grenoble", "Nantes"]),
       st.sampled_from(["Un homme a été tué", "Un incendie s'est déclaré", "Un camion a percuté un car"]))
def test_a_clock_time_goes_whole(derive, hour, minutes, city, event):
    text = derive([f"{event} ce samedi vers {hour} h {minutes} du matin à {city}."])[0].text
    words = text.split()
    # what is left of the time must not be a number alone: "tué 00 à Lyon"
    assert minutes not in words or "h" in words, text


@pytest.mark.parametrize(("lede", "participle", "carried"), [
    ("Au sud de l'Inde, un train express transportant plus de 600 personnes a déraillé samedi 21, dans la soirée.",
     "transportant", "personnes"),
])
def test_a_participle_keeps_what_it_carries_or_goes(derive, lede, participle, carried):
    text = derive([lede])[0].text
    assert (participle in text) <= (carried in text), text


def test_an_infinitive_is_not_put_in_the_present(derive):
    lede = ("L'armée turque annonce, via un communiqué publié sur le site internet de l'état-major, avoir pris le "
            "pouvoir en Turquie avec pour objectif de « rétablir la démocratie ».")
    text = derive([lede])[0].text
    assert "annonce prend" not in text, text


def test_a_magnitude_keeps_its_unit_whole(derive):
    lede = ("Plusieurs bâtiments se sont effondrés à Tainan en République de Chine lorsqu'à 4:00 heure locale (20:00 "
            "GMT), un séisme de magnitude 6,4 M w est survenu à 46 kilomètres au nord-est du port de Kaohsiung.")
    text = derive([lede])[0].text
    assert not re.search(r"(?<!M )\bw\b", text), text


@pytest.mark.parametrize(("lede", "glued"), [
    ("Le Kosovo, qui participe aux Jeux olympiques pour la première fois, a remporté la première médaille olympique "
     "de son histoire lorsque la judokate Majlinda Kelmendi a battu l'Italienne Odette Giuffrida en finale de la "
     "catégorie des moins de 52 kilos.", "histoire Odette"),
    ("Le 27 janvier dernier, plusieurs équipes de chercheurs ont détecté un trou noir immense dans une galaxie à 900 "
     "millions d'année-lumières de la Terre, BL Lacertae.", "immense BL"),
])
def test_an_apposition_does_not_land_beside_another_word(derive, lede, glued):
    text = derive([lede])[0].text
    assert glued not in text, text


@pytest.mark.parametrize("lede", [
    "L'Église épiscopale des États-Unis n'est pas exclue de la Communion anglicane, mais n'a plus le droit de vote "
    "dans les réunions internationales.",
    # an expletive "ne" without its "avant que" reads as half a negation
    "La 7 e étape des championnats du monde de triathlon 2016 (WTS), qui s'est déroulée à Hambourg en Allemagne le "
    "16 juillet, est aussi la dernière du circuit international de la fédération mondiale, avant que les triathlètes "
    "sélectionnés pour les Jeux olympiques d'été ne s'affrontent sur l'épreuve reine du triathlon courte distance.",
])
def test_a_negation_reads_as_one(derive, lede):
    text = derive([lede])[0].text
    # "ne" with the word that makes it a negation, and a participle with its auxiliary ("ne pas exclue" is no French)
    assert not re.search(r"\bne\b(?!(?: \S+){0,2} (?:pas|plus|jamais|rien)\b)", text), text
    assert not re.search(r"\bne pas \w+(?:é|ée|és|ées|ue|us|ues)\b", text), text


def test_a_unit_written_as_one_word_stays_whole(derive):
    lede = ("Un phénomène exceptionnel s'est produit dans l'océan Atlantique lorsque la tempête tropicale Alex a atteint "
            "la force d'un ouragan avec des vents de 140 km/h.")
    text = derive([lede])[0].text
    assert not re.search(r"\bkm\b(?!/h)", text), text


def test_a_quotation_the_parser_split_in_two_is_kept_whole(derive):
    """Its last word read as a sentence of its own, the clause lost its end and fell back to the lede's cut."""
    lede = ("Le ministre des transports du Québec, Jacques Daoust attaque de front le « modèle Uber » dans son projet de "
            "loi sur l'encadrement de l'industrie du taxi déposé ce matin.")
    [headline] = derive([lede])
    assert headline.rewritten and "« modèle Uber »" in headline.text, headline
