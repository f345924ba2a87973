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
