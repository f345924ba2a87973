"""The fallback's text, when no rewriting is good enough: it never opens on a verb, keeps no opener's local
time, and drops a relative day with its "de" and no "c'est" left dangling. Real dev ledes of the corpus."""

from __future__ import annotations

from digest.headline import without_opener, without_relative_days


def test_a_cleft_on_a_complement_is_not_undone_into_a_verb_first(derive):
    # "C'est à une mort tragique qu'a eu droit X": "à une mort" is what he had, not when or where
    lede = "C'est à une mort tragique et peu courante qu'a eu droit Colin Nathaniel Scott, 23 ans, mardi dernier."
    assert not without_opener(lede).startswith("A eu droit")
    [headline] = derive([lede])
    assert not headline.text.startswith("A eu"), headline.text
    assert "Colin Nathaniel Scott" in headline.text, headline.text


def test_the_local_time_goes_with_the_opener_it_follows(derive):
    lede = ("Peu après 14 heures, heure locale, un homme âgé de 27 ans, armé d'un couteau, a mis le feu dans un train "
            "de la Südostbahn près de la gare de Salez-Sennwald blessant 7 personnes dont l'auteur.")
    assert without_opener(lede).startswith("Un homme âgé de 27 ans")
    [headline] = derive([lede])
    assert headline.rewritten, headline.text
    assert headline.text.startswith("Un homme"), headline.text


def test_a_relative_day_goes_with_its_de_and_leaves_no_cest_dangling():
    cut = without_relative_days("Au lendemain de l'attentat du Parlement de Westminster de mercredi, c'est")
    assert cut == "Au lendemain de l'attentat du Parlement de Westminster"


def test_tomorrow_after_de_is_the_future_not_a_day():
    assert without_relative_days("Les métiers de demain recrutent toujours plus de jeunes diplômés") == (
        "Les métiers de demain recrutent toujours plus de jeunes diplômés")
    assert without_relative_days("La réunion de mercredi est annulée") == "La réunion est annulée"
