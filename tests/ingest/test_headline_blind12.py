"""The classes of fault a blind reader found in round 12's derived headlines, each reproduced on general French news
sentences written for it (the reader's held-out items were not read) and mended: an age or number without its noun,
one place of several, a place after a comma, a verb without the infinitive it governs, a reference digit, a toll
without its event."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _fault(sentence: str, dropped: set[str]):
    """The reader's fault of ``sentence`` said without the words ``dropped`` (and its full stop)."""
    from digest.headline_candidates import render
    from digest.headline_parse import SentenceParser
    from digest.headline_sentence import Sentence
    from digest.headline_strict import reader_fault
    from digest.headline_subject import main_verb

    parsed = Sentence(SentenceParser(None).parse([sentence])[0])
    verb = main_verb(parsed)
    subject = {i for i, t in enumerate(parsed.tokens) if t.dep in ("nsubj", "nsubj:pass") and t.head == verb}
    kept = {i for i, t in enumerate(parsed.tokens) if t.text not in dropped and t.text != "."}
    return reader_fault(parsed, kept, {}, render(parsed, kept, {}), verb, subject)


def test_an_age_set_off_by_commas_stays_with_its_name(derive):
    lede = ("L'Italien Daniele Garozzo a créé la surprise en battant en finale le champion du monde, Alexander Massialas, "
            "22 ans, à Rio. Il remporte ainsi son premier titre olympique.")
    text = derive([lede])[0].text
    assert "Massialas" in text or not re.search(r"\b22 ans\b", text), text


@pytest.mark.parametrize("lede", [
    "Une soixantaine de personnes sont mortes mardi lors de deux attentats, à Kaboul et dans le sud du pays. "
    "Les talibans ont revendiqué l'un d'eux.",
])
def test_a_headline_never_says_one_place_of_several(derive, lede):
    text = derive([lede])[0].text
    assert "Kaboul" not in text or "sud" in text, text
    assert not re.search(r", (?:à|en|au|aux) [A-ZÀ-Ö]\S*$", text), text


def test_a_place_after_the_name_of_a_bigger_place_is_kept(derive):
    """"Istanbul, en Turquie": the second place says where the first is, not a second event's place."""
    lede = ("Des explosions ont eu lieu mardi soir à l'aéroport international Atatürk d'Istanbul, en Turquie. "
            "Les secours sont sur place.")
    assert "Istanbul" in derive([lede])[0].text


@pytest.mark.parametrize(("sentence", "headline"), [
    ("Deux attentats ont fait au moins trente morts mardi à Kaboul et à Kandahar.", "Deux attentats font au moins trente morts"),
    ("Un avion parti de Lyon s'est écrasé lundi à Marseille.", "Un avion s'écrase"),
])
def test_no_place_is_added_when_the_sentence_names_several(sentence, headline):
    """Which of them the news happened in, the first one named does not say."""
    from digest.headline_parse import SentenceParser
    from digest.headline_place import with_place

    assert with_place(headline, SentenceParser(None).parse([sentence])[0]) == headline


def test_a_place_and_the_bigger_one_it_is_in_still_give_the_place():
    from digest.headline_parse import SentenceParser
    from digest.headline_place import with_place

    tokens = SentenceParser(None).parse(["Un camion a foncé jeudi soir sur la foule à Nice, dans les Alpes-Maritimes."])[0]
    assert with_place("Un camion fonce sur la foule", tokens) == "Un camion fonce sur la foule à Nice"


def test_a_reference_mark_after_a_word_is_not_said(derive):
    lede = ("Le triste anniversaire des cent jours 1 illustre la difficulté du nouveau gouvernement à tenir ses "
            "promesses. Les sondages sont en baisse.")
    text = derive([lede])[0].text
    assert "jours" in text and not re.search(r"jours 1\b", text), text


@given(st.integers(0, 99), st.sampled_from(["sont", "ont", "personnes", "buts", "juillet", "à", "et"]),
       st.sampled_from(["les", "des", "seuls", "dans", "plus de", "après"]))
@settings(max_examples=60, deadline=None)
def test_a_counted_number_stays(number, word, before):
    """A number after an article, a quantifier or a preposition, or before what it counts, is text."""
    from digest.headline import first_sentence

    sentence = f"Au total, {before} {number} {word} restent en course"
    assert first_sentence(sentence) == sentence


def test_a_toll_alone_takes_what_happened_from_the_next_sentence(derive):
    lede = ("Au moins une personne est morte et vingt-deux autres ont été blessées mercredi. Un immeuble de six étages "
            "s'est effondré à Nairobi, la capitale du Kenya.")
    text = derive([lede])[0].text
    assert "immeuble" in text and "mort" in text, text


@pytest.mark.parametrize(("headline", "alone"), [
    ("Au moins une personne est morte et vingt-deux autres ont été blessées", True),
    ("Environ 18 morts et une centaine de blessés", True),
    ("Au moins deux morts à Chester", False),
    ("Un séisme fait au moins 241 morts", False),
    ("Mort de Leonard Cohen", False),
])
def test_a_toll_alone_is_told_from_a_toll_with_its_event_or_place(headline, alone):
    from digest.headline_desk import only_a_toll

    assert only_a_toll(headline) is alone


def test_a_verb_that_governs_an_infinitive_never_ends_a_cut_without_it(derive):
    """"permettre à X de …": the cut that stops at X says nothing was permitted; it goes on, or says it goes on."""
    lede = ("L'étude de dents fossilisées de requins aura permis au paléontologue Kenshu Shimada, de l'Université DePaul "
            "à Chicago, de déterminer la taille réelle du mégalodon. Il mesurait quinze mètres.")
    text = derive([lede])[0].text
    assert not text.endswith("Shimada"), text


def test_a_toll_alone_takes_what_happened_from_its_own_when_clause(derive):
    lede = ("Au moins douze personnes sont mortes et une trentaine ont été blessées lorsqu'un autobus est tombé dans un "
            "ravin près de Cuzco, dans le sud du Pérou. La structure a écrasé des piétons.")
    text = derive([lede])[0].text
    assert "autobus" in text and "mort" in text, text


def test_the_injured_are_counted_with_a_round_number_and_its_de():
    """The count the toll's headline keeps, as before the event was added to it."""
    from digest.headline_desk import counted_toll

    assert counted_toll("Environ 18 personnes sont mortes et une centaine ont été blessées") == \
        "Environ 18 morts et une centaine de blessés"
