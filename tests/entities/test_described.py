"""digest.entities.described: what an organisation's own dispatches say it is."""

from __future__ import annotations

from hypothesis import given, strategies as st

from digest.entities.described import first_halves, is_facility, is_second_half, names_no_organisation, organisation_uses
from tests.entities.conftest import kept_as_json

# the health-care dispatches of 2017
MEDICAID = ["Cette deuxième version diminue le financement du programme d'assurance santé pour les foyers "
            "modestes, appelé Medicaid et aboli l'amende prévue en cas de non-souscription.",
            "La Chambre a voté l'abrogation de l'« Obamacare », qui avait étendu les systèmes Medicaid et "
            "Medicare, permettant à des personnes pauvres ou âgées de s'assurer."]


def test_a_name_every_dispatch_gives_a_programme_or_a_law_is_no_organisation():
    assert names_no_organisation("Medicaid", MEDICAID)
    # once named for itself: an organisation after all
    assert not names_no_organisation("Medicaid", MEDICAID + ["Medicaid a publié ses comptes lundi."])
    # "a appelé" is "called on": Amnesty is no law's name
    assert not names_no_organisation("Amnesty International", [
        "La loi a été votée malgré les critiques. Le gouvernement a appelé Amnesty International à témoigner."])
    assert not names_no_organisation("Pôle emploi", ["Selon Pôle emploi, le plan de formation touche 500 000 chômeurs."])


def test_a_product_or_the_end_of_a_longer_name_is_no_organisation():
    # the Hérault dispatches of 2017, the Burundi ones of 2016
    assert names_no_organisation("Telegram", [
        "Ils avaient été identifiés grâce à leur activité sur les médias sociaux, en particulier Telegram, "
        "messagerie chiffrée appréciée des terroristes islamistes.", "Il échangeait sur Telegram avec un djihadiste."])
    assert names_no_organisation("Nations unies aux droits de l'homme", [
        "les propos de Zeid Ra'ad Zeid Al-Hussein, Haut-Commissaire des Nations unies aux droits de l'homme, dès 2015",
        "En 2015, Zeid Ra'ad Zeid Al-Hussein, Haut-Commissaire des Nations unies aux droits de l'homme, s'alarmait."])
    # once written on its own, or after a word opening the sentence: a name of its own
    assert not names_no_organisation("Human Rights Watch", [
        "le rapport de Human Rights Watch", "Selon Human Rights Watch, la répression continue."])
    assert not names_no_organisation("Union européenne", ["Le Parlement de l'Union européenne a voté.",
                                                          "L'Union européenne a sanctionné Minsk."])


def test_a_building_or_a_site_is_told_by_its_head_noun_or_an_apposition():
    assert is_facility("observatoire de Parkes", [])
    assert is_facility("Plaza Live", ["Elle venait d'achever son concert au Plaza Live d'Orlando, en Floride."])
    assert not is_facility("Boston Globe", ["selon le Boston Globe"])
    assert is_facility("Ericsson Globe", [
        "Le concours se tient à Stockholm en Suède à l’Ericsson Globe, salle qui avait déjà accueilli le concours en 2000."])
    # organisations named after what they watch, a company's headquarters
    assert not is_facility("Observatoire syrien des droits de l’homme", ["selon l’Observatoire syrien des droits de l’homme, ONG basée à Londres"])
    assert not is_facility("Observatoire des inégalités", [])
    assert not is_facility("Google", ["Le siège de Google, situé à Mountain View, a été évacué."])


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàç", min_size=2, max_size=9)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(lambda words: " ".join(word.capitalize() for word in words))


@given(_NAME, st.sampled_from(["Selon {}, la réforme est prête.", "{} a annoncé lundi un plan social.",
                               "Le porte-parole de {} a démenti.", "Les salariés de {} ont voté la grève."]))
def test_a_name_a_dispatch_writes_for_itself_is_never_a_programme_nor_a_building(name, sentence):
    texts = [sentence.format(name), f"Le programme appelé {name} a été supprimé."]
    assert not names_no_organisation(name, texts)
    assert not is_facility(name, texts)


def test_a_place_only_ever_written_as_the_second_half_of_a_name_of_two_is_no_place():
    # June 2016: Jo Cox, "députée de la circonscription de Batley et Spen"; the Tour de France's stages
    assert is_second_half("Spen", ["Âgée de 41 ans, Jo Cox est la députée de la circonscription de Batley et Spen depuis 2015.",
                                   "Avant d’être élue députée de Batley et Spen en 2015, Jo Cox avait travaillé avec Oxfam."])
    assert not is_second_half("Ordino-Arcalis", ["Après plus de 184,5 kilomètres entre Vielha et Ordino-Arcalis, les coureurs"])
    assert not is_second_half("Birstall", ["Jo Cox a été blessée par balle à Birstall (près de Leeds)."])
    assert not is_second_half("Croatie", ["la Slovénie et Croatie", "Slovénie et Croatie"])  # a country


def test_an_organisation_a_player_or_spokesman_belongs_to_is_no_cut_off_name():
    # "Alexandre Lacazette de l'Olympique lyonnais": a person before "de", not a title cut off its name
    lyon = ["L'attaquant Alexandre Lacazette de l'Olympique lyonnais a marqué deux buts samedi.",
            "Le défenseur Samuel Umtiti de l'Olympique lyonnais est forfait pour la finale."]
    assert not names_no_organisation("Olympique lyonnais", lyon)
    assert not names_no_organisation("ONU", ["Le porte-parole Stéphane Dujarric de l'ONU a démenti."])


SAID = st.sampled_from(["le", "programme", "appelé", "Medicaid", "Batley", "et", "Spen", ",", "salle", "messagerie",
                        "Telegram", "observatoire", "de", "Parkes", "selon", "Haut-Commissaire", "des", "Nations", "unies"])


@given(st.lists(st.lists(SAID, max_size=14).map(" ".join), max_size=4))
def test_the_answers_of_each_text_kept_decide_as_the_texts_read_again(texts):
    # what the catalog keeps per article (``entities.readings``), gone through JSON, decides as reading every text again
    for name in ("Medicaid", "Telegram", "Spen", "Parkes", "Nations unies"):
        assert names_no_organisation(name, texts, kept_as_json(organisation_uses)) == names_no_organisation(name, texts)
        assert is_facility(name, texts, kept_as_json(organisation_uses)) == is_facility(name, texts)
        assert is_second_half(name, texts, kept_as_json(first_halves)) == is_second_half(name, texts)
