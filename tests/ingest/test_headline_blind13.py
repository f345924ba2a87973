"""The classes of fault round 13's blind reader found that lose the news (the reader's held-out items were not
read): each reproduced on general French news sentences written for it or a dev lede of the same construction, and
mended: a title kept as the subject without the person's name the lede gives it; the place dropped for a measure's
scale, a passive's participle left bare at the end; a channel ("le compte Twitter de", "dans un communiqué") kept
at the news's cost."""

from __future__ import annotations

import re

import pytest


# The person's name each lede gives its title: a title of two coordinated nouns whose complements list several
# fields, then the name (written); a title set off by commas after a time opener (dev).
TITLED_NAMES = {
    "Caseneuve": "La navigatrice et skippeuse de course au large, de voile olympique et de croisière Anne Caseneuve "
                 "s'est imposée dimanche à Brest, après douze jours de mer.",
    "Mugabe": "Ce mardi, le président du Zimbabwe, Robert Mugabe, s'est retiré du pouvoir, une semaine après que "
              "l'armée eut pris le contrôle de la capitale. Il était président depuis 37 ans et est âgé de 93 ans.",
}


@pytest.mark.parametrize("name", sorted(TITLED_NAMES))
def test_a_title_never_loses_the_name_the_lede_gives_it(derive, name):
    text = derive([TITLED_NAMES[name]])[0].text
    assert name in text, text


def test_a_complement_s_name_is_not_the_subject_s(derive):
    """Guard: "Le cortège de l'ancien président X": the name belongs to the complement; the subject keeps its
    noun and the headline is not refused for it."""
    lede = ("Le cortège de l'ancien président haïtien Jean-Bertrand Aristide a essuyé des tirs hier après-midi dans le "
            "centre-ville de Port-au-Prince.")
    assert derive([lede])[0].text.startswith("Le cortège"), derive([lede])[0].text


def test_a_measure_s_scale_goes_before_the_place(derive):
    """Written: the place is the news, the scale the magnitude is read on a detail a desk drops."""
    lede = ("Un fort séisme de magnitude 7 sur l'échelle du moment a été enregistré dimanche dans les îles Salomon, selon "
            "l'institut américain de géophysique.")
    text = derive([lede])[0].text
    assert "Salomon" in text and "7" in text and "échelle" not in text, text


def test_a_scale_goes_the_number_stays(derive):
    """Dev: a lede without a place; the number read on the scale stays."""
    lede = "Un séisme de magnitude 6,1 sur l'échelle de magnitude de moment a eu lieu à 19 h 18 UTC (21 h 18 heure locale)."
    text = derive([lede])[0].text
    assert "6,1" in text and "échelle" not in text, text


@pytest.mark.parametrize("magnitude", ["6,2", "5,8", "7"])
def test_a_number_after_the_noun_does_not_make_the_participle_plural(derive, magnitude):
    """Written: "magnitude 6,2" counts no earthquakes; "Un séisme … enregistrés" was read as plural."""
    lede = (f"Un séisme de magnitude {magnitude} sur l'échelle de Richter a été enregistré ce matin dans le sud du "
            "Pérou, selon l'institut géophysique.")
    text = derive([lede])[0].text
    assert "enregistré" in text and "enregistrés" not in text, text


def test_a_passive_participle_does_not_end_bare_when_the_lede_says_by_whom(derive):
    """Dev: "… a été interpellé, sans incident, par des membres de la DGSI": not "… interpellé" alone."""
    lede = ("Ce mardi au matin, à Wattignies, en banlieue de Lille, dans le département français du Nord, un jeune homme "
            "de 18 ans soupçonné de vouloir commettre un attentat a été interpellé, sans incident, par des membres de la "
            "DGSI en provenance de Paris et assistés du Raid, selon des sources policières.")
    text = derive([lede])[0].text
    assert not text.endswith("interpellé"), text


@pytest.mark.parametrize("lede", [  # written: a channel for subject, said by its owner
    "Le compte Twitter de la présidence du Sénégal a annoncé mardi la promulgation de la loi sur la parité dans les "
    "conseils municipaux.",
    "Un communiqué du ministère de la Santé a annoncé jeudi la fermeture de toutes les écoles de la capitale pour "
    "enrayer l'épidémie de choléra.",
    "Le site internet du gouvernement japonais a annoncé lundi la démission du ministre de la Défense, mis en cause "
    "dans un scandale de corruption.",
])
def test_the_owner_of_a_channel_says_the_news(derive, lede):
    owner = re.search(r"\b(?:de la|du) (\w+)", lede).group(1)  # the owner's noun, after the channel
    text = derive([lede])[0].text
    assert text.split()[1] == owner, text


def test_where_the_speaker_said_it_goes_first(derive):
    """Dev: "a annoncé hier sur son compte Twitter sa volonté de…": the channel is no news."""
    lede = ("Donald Trump a annoncé hier sur son compte Twitter sa volonté de renforcer la capacité nucléaire de son pays : "
            "« les Etats-Unis doivent grandement renforcer et accroître leur capacité nucléaire ».")
    text = derive([lede])[0].text
    assert "Twitter" not in text and "volonté" in text, text
