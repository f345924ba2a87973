"""The classes of fault a blind reader found in round 13's derived headlines (A), each reproduced on general French
news sentences written for it (the reader's held-out items were not read) and mended: a participle left alone by the
time phrase it said ("l'attaque survenue [hier]"), a first sentence whose copula says nothing ("est au cœur de
l'attention") before the news."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(("lede", "participle"), [
    ("L'incendie survenu hier soir a détruit trois maisons du village. Les pompiers sont restés sur place.", "survenu"),
    ("Le bilan de l'accident survenu hier s'est alourdi à trois morts. Deux blessés restent hospitalisés.", "survenu"),
    ("Le bilan de l'attaque au couteau survenue en ce début d'après-midi s'est alourdi. La gare a été évacuée.", "survenue"),
])
def test_a_participle_that_only_said_when_goes_with_its_time(derive, lede, participle):
    """"Le bilan de l'accident survenu s'est alourdi": the participle said when, and alone says nothing."""
    text = derive([lede])[0].text
    assert not re.search(rf"\b{participle}\b", text), text


# what the next sentence says, and the lede
@pytest.mark.parametrize(("news", "lede"), [
    ("interdire", "Le phénomène des trottinettes électriques est au cœur de l'attention. La mairie de Paris a décidé "
                  "d'interdire les trottinettes en libre-service dès le mois de septembre."),
    ("Sénat", "Le vote des étrangers aux élections locales est de nouveau au cœur des débats. Le Sénat a rejeté mardi "
              "une proposition de loi du groupe écologiste."),
    ("menace", "La petite commune de Saint-Aubin est le théâtre de faits de plus en plus inquiétants. Un homme armé a "
               "menacé samedi des passants devant la mairie."),
])
def test_a_copula_that_says_nothing_gives_way_to_the_news_after_it(derive, news, lede):
    """"X est au cœur de l'attention": where the news is, not what; the next sentence says it."""
    text = derive([lede])[0].text
    assert news in text and not re.search(r"au cœur d|le théâtre d", text), text


def test_a_copula_that_says_nothing_stays_when_the_next_sentence_names_nothing(derive):
    """"Il a annoncé…": the next sentence only points back, and a headline of it would say nothing either."""
    lede = "Le chanteur Paul Durand fait parler de lui. Il a annoncé une tournée d'adieu de quarante dates."
    assert "Paul Durand" in derive([lede])[0].text


# the infinitive, and a lede whose list after it the parser hung on the main verb
@pytest.mark.parametrize(("infinitive", "lede"), [
    ("renouveler", "Ce mardi, les Américains sont appelés aux urnes pour renouveler un tiers du Sénat, l'ensemble de "
                   "la Chambre des représentants et plusieurs gouverneurs. Le scrutin est serré."),
    ("désigner", "Les Espagnols votent ce dimanche pour désigner leurs députés, la moitié du Sénat et les présidents "
                 "de plusieurs régions. Le scrutin est serré."),
])
def test_an_infinitive_never_leaves_the_rest_of_its_list_behind(derive, infinitive, lede):
    """"Les Américains appelés aux urnes l'ensemble de la Chambre": the infinitive and its marker dropped, the next
    item of what it governed kept (the parser hung it on the main verb)."""
    text = derive([lede])[0].text
    words = text.split()
    assert infinitive in words and words[words.index(infinitive) - 1] in ("pour", "de") or not re.search(r"ensemble|moitié", text), text
