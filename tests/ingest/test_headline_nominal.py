"""The nominal form of an event in derived headlines (digest/headline_nominal.py): on real ledes of the dev
split, and as a property of headlines made of sentences drawn from French news in general."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.headline import MAX_LENGTH

DANGLING = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "à", "et", "ou", "en", "par",
            "pour", "sur", "dans", "avec"}


@pytest.mark.parametrize(("lede", "opening", "kept"), [
    # an intransitive verb of the table: its noun, "de" and its subject (the near past "vient de" said by the noun too)
    ("Michael Flynn, le conseiller à la sécurité nationale du président américain Donald Trump, vient de démissionner "
     "ce lundi soir.", "Démission de Michael Flynn", ()),
    ("À l'heure fixée par le règlement, 19h00, les 10 228 bureaux de votes pour la primaire de la droite et du centre "
     "organisée pour l'élection présidentielle française de 2017 ont fermé.", "Fermeture des 10 228 bureaux de votes", ()),
    # a reflexive verb: without its pronoun ("se sont effondrés" elided to "s'effondrent" once)
    ("Plusieurs bâtiments se sont effondrés à Tainan en République de Chine lorsqu'à 4:00 heure locale (20:00 GMT), "
     "un séisme de magnitude 6,4 est survenu.", "Effondrement de plusieurs bâtiments", ("Tainan",)),
    ("Vendredi, la course aux parrainages pour l'élection présidentielle française s'est achevée à 18 heures.",
     "Fin de la course aux parrainages", ()),
    # an event said to have happened: the event, without its article and the verb that only says so
    ("Une série d'attaques terroristes a eu lieu à Londres dans la nuit du samedi 3 au dimanche 4 juin. Un van blanc a "
     "foncé sur la foule sur le London Bridge, un pont de Londres.", "Série d'attaques terroristes", ("Londres",)),
    # an event announced by someone the lede does not name: the event
    ("L'hôpital de Barcelone a annoncé la naissance d'un bébé atteint de microcéphalie, une malformation du crane et "
     "du cerveau, liée au virus Zika. Il s'agit d'une première en Europe.", "Naissance d'un bébé", ("microcéphalie",)),
    # someone not named opened fire: a shooting, where
    ("Un homme armé a ouvert le feu dans un cinéma de la ville de Viernheim, située dans l'ouest du pays, au sud de "
     "Francfort.", "Fusillade dans un cinéma", ("Viernheim",)),
])
def test_an_event_is_titled_by_its_noun(derive, lede, opening, kept):
    [headline] = derive([lede])
    assert headline.rewritten and headline.text.startswith(opening), headline.text
    assert all(word in headline.text for word in kept), headline.text
    assert len(headline.text) <= MAX_LENGTH


@pytest.mark.parametrize(("lede", "verbal"), [
    # a verb with an object keeps its doer first: "Visite du camp par le pape François" reads stiffer
    ("Le pape François, comme Jean-Paul II et Benoît XVI avant lui, a visité le camp de la mort d'Auschwitz ce matin.",
     "Le pape François visite"),
    # the conditional says the news is reported: a noun would assert it
    ("Deux géologues australiens auraient fait la découverte de la plus ancienne trace de vie sur Terre dans les "
     "ceintures de roches vertes du Groenland.", "Deux géologues australiens"),
    # who announces is named, and does it: the news is theirs
    ("La multinationale fabricante d'éoliennes Siemens - Gamesa a annoncé la suppression de 6 000 emplois sur les "
     "27 000 que comptent le groupe, dans 24 pays différents.", "Siemens"),
    # a verb of ending without its pronoun says a rank, not an end
    ("Le club de Chambéry termine à la première place du classement grâce à sa victoire.", "Le club de Chambéry termine"),
    ("Le pilote français termine sur le podium du Grand Prix de Monaco.", "Le pilote français termine"),
    # a short passive is a desk's form already
    ("Deux journalistes ont été arrêtés mardi à Bujumbura.", "Deux journalistes arrêtés"),
])
def test_the_verbal_form_stays_where_the_noun_would_read_worse(derive, lede, verbal):
    [headline] = derive([lede])
    assert verbal in headline.text, headline.text


@pytest.mark.parametrize(("lede", "wrong"), [
    # a reflexive verb whose noun is another sense's: "s'échouer" runs aground (no "échec"), "se manifester" comes
    # forward (no "manifestation")
    ("Le pétrolier libérien s'est échoué mardi au large des côtes bretonnes, provoquant une importante marée noire sur "
     "plusieurs plages du Finistère.", "Échec"),
    ("Le chalutier breton s'est échoué dans la nuit sur les rochers de l'île de Sein, sans faire de victime.", "Échec"),
    ("Le suspect s'est manifesté lundi auprès de la gendarmerie de Quimper, trois jours après la disparition de la "
     "jeune femme.", "Manifestation"),
])
def test_a_reflexive_verb_is_not_titled_by_the_noun_of_another_sense(derive, lede, wrong):
    [headline] = derive([lede])
    assert not headline.text.startswith(wrong), headline.text


@pytest.mark.parametrize(("lede", "kept"), [
    # "se produire" said of performers is to perform, not to happen: the verb that says so stays
    ("Un groupe de rock britannique s'est produit samedi soir au Stade de France devant 80 000 spectateurs "
     "enthousiastes.", "produi"),
    ("Une chanteuse française s'est produite samedi devant 20 000 personnes au Zénith de Paris.", "produi"),
    # who opened fire, when the lede says who, is the news: no "Fusillade" without them
    ("Un policier a ouvert le feu sur un adolescent de 17 ans lors d'un contrôle routier mardi à Nanterre.", "policier"),
    ("Un soldat israélien a ouvert le feu mercredi sur des manifestants palestiniens près de la frontière, selon des "
     "témoins.", "soldat"),
    # a party's announcement (a group the NER tags as no organisation) stays its claim
    ("Le groupe État islamique a annoncé l'exécution d'un otage japonais dans une vidéo diffusée samedi sur internet.",
     "État islamique"),
])
def test_who_does_or_claims_the_event_stays_when_they_are_the_news(derive, lede, kept):
    [headline] = derive([lede])
    assert kept in headline.text, headline.text


_EVENTS = ["une explosion", "un incendie", "un séisme de magnitude 5,2", "une fusillade", "un accident de car",
           "une violente tempête", "un glissement de terrain", "une attaque au couteau"]
_HAPPENED = ["a eu lieu", "s'est produit", "a éclaté", "est survenu"]
_PLACES = ["dans une usine de Lyon", "au centre de Nairobi", "près de la gare de Bâle", "dans le nord du Chili",
           "sur l'autoroute A7", "à Montréal"]
_CLOSED = ["Le musée du Louvre", "La frontière entre les deux pays", "Les écoles de la région", "Les bureaux de vote",
           "L'aéroport d'Orly", "Un hôpital de campagne"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_EVENTS), st.sampled_from(_HAPPENED), st.sampled_from(_PLACES), st.sampled_from(_CLOSED),
       st.sampled_from(["a fermé", "a ouvert", "a été fermé", "a rouvert"]))
def test_nominal_headlines_are_headlines(derive, event, happened, place, closed, verb):
    ledes = [f"Jeudi, {event} {happened} {place}.", f"{closed} {verb} {place} ce matin."]
    for lede, headline, again in zip(ledes, derive(ledes), derive(ledes), strict=True):
        text = headline.text
        assert text == again.text and 0 < len(text) <= MAX_LENGTH, text
        assert re.sub(r"[^\w'’-]", "", text.rsplit(" ", 1)[-1]).lower().rstrip("'’") not in DANGLING, text
        # "de" as French writes it before an article or a vowel
        assert not re.search(r"\bde (?:le|les|des)\b|\bde (?=[aeiouyàâéèêëîïôœ])", text, re.IGNORECASE), text
        assert not re.search(r"\bd'(?:le|la|les)\b", text), text


def test_the_ab_bench_lists_what_the_nominal_form_changed():
    # bench/headline_nominal.py on two real dev dispatches: one the nominal form changes, one it leaves verbal
    from bench.headline_nominal import compare

    rows = [{"lede": "Michael Flynn, le conseiller à la sécurité nationale du président américain Donald Trump, vient de "
                     "démissionner ce lundi soir.", "real": "Démission du conseiller de Trump à la sécurité nationale"},
            {"lede": "Le pape François, comme Jean-Paul II et Benoît XVI avant lui, a visité le camp de la mort "
                     "d'Auschwitz ce matin.", "real": "Visite du pape François à Auschwitz"}]
    lines, changed = compare(rows)
    assert [(before, after) for _, before, after in changed] == [("Michael Flynn démissionne", "Démission de Michael Flynn")]
    assert lines[1] == "headlines changed 1: ROUGE-L up 1, down 0, equal 0", lines


_PERFORMERS = ["Un groupe de rock britannique", "Une chanteuse française", "Un orchestre symphonique", "Une troupe de danse",
               "Un humoriste belge", "Un pianiste russe"]
_SHOOTERS = ["Un policier", "Un soldat israélien", "Un gendarme", "Un agent de sécurité", "Un militaire français"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_PERFORMERS), st.sampled_from(["samedi soir", "vendredi", "hier"]), st.sampled_from(_PLACES))
def test_performers_keep_the_verb_that_says_they_performed(derive, performer, day, place):
    agreed = "produite" if performer.startswith("Une ") else "produit"
    [headline] = derive([f"{performer} s'est {agreed} {day} {place} devant des milliers de spectateurs."])
    assert "produi" in headline.text, headline.text


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_SHOOTERS), st.sampled_from(["mardi", "dans la nuit"]), st.sampled_from(_PLACES))
def test_a_shooter_the_lede_names_is_kept(derive, shooter, day, place):
    [headline] = derive([f"{shooter} a ouvert le feu {day} sur un automobiliste {place}."])
    assert shooter.split()[1] in headline.text, headline.text
