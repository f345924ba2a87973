"""news_layout: the teaser's summary, the day's lead, the topics of the moment."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from news_layout.front import lead_dispatch, topics
from digest.html_text import plain_text
from news_layout.summary import LIMIT, teaser_summary

WORDS = ["Le", "président", "a", "dit", "l’Otan", "18\u00a0h\u00a030", "«\u00a0non\u00a0»", "Kiev", "(AFP)",
         "vendredi", ",", ".", ";", ":", "?", "!", "—", "1<sup>er</sup>", "&amp;", "après-midi", "mais"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(sentences, st.lists(sentences, min_size=1, max_size=4))
def test_a_summary_is_short_cut_cleanly_and_never_the_title(title, paragraphs):
    content = "".join(f"<p>{p}</p>" for p in paragraphs)
    summary = teaser_summary(title, content)
    text = plain_text(content)
    assert len(summary) <= LIMIT + 1
    assert summary.rstrip(" .!?…").casefold() != plain_text(title).rstrip(" .!?…").casefold() or not summary
    assert "<" not in summary and "&amp;" not in summary
    if summary and not text.endswith(summary):  # cut short: at a sentence's end, else with "…"
        assert summary.endswith(("…", ".", "!", "?", "»", ")"))
    assert summary.rstrip("…") in text


def test_a_summary_skips_the_title_the_lede_begins_with():
    title = "Mark Rutte a appelé les alliés occidentaux"
    content = ("<p>Mark Rutte a appelé les alliés occidentaux. Il était à Kiev vendredi, où il a rencontré "
               "Volodymyr Zelensky, puis il est reparti pour Bruxelles.</p>")
    assert teaser_summary(title, content) == ("Il était à Kiev vendredi, où il a rencontré Volodymyr Zelensky, "
                                              "puis il est reparti pour Bruxelles.")
    assert teaser_summary(title, f"<p>{title}.</p>") == ""
    assert teaser_summary("Le", "<p>Lecture publique à Kiev.</p>") == "Lecture publique à Kiev."  # a word, not a prefix


def test_a_long_summary_stops_at_a_sentence_else_a_clause():
    first = "Un séisme a frappé l’ouest de l’Indonésie mardi, faisant au moins cent morts."
    rest = " Les secours, venus de Banda Aceh, fouillent les décombres" + ", encore" * 30 + "."
    assert teaser_summary("Titre", f"<p>{first}{rest}</p>") == first
    clause = teaser_summary("Titre", "<p>" + "Les secours fouillent les décombres, " * 8 + "</p>")
    assert clause.endswith("décombres…") and len(clause) <= LIMIT + 1


def article(day, pages, words=10):
    return SimpleNamespace(date=dt.datetime(2025, 8, day, 12), content="<p>" + "mot " * words + "</p>",
                           entities=[SimpleNamespace(page=page) for page in pages])


def page(name):
    return SimpleNamespace(name=name, url=f"personnes/{name.lower().replace(' ', '-')}/")


def test_the_lead_is_the_dispatch_the_day_s_others_cite_most_then_the_longest():
    rutte, kiev, paris, nice = page("Mark Rutte"), page("Kiev"), page("Paris"), page("Nice")
    long_aside = article(22, [nice], words=900)
    lead = article(22, [rutte, kiev], words=50)
    followers = [article(22, [rutte]), article(22, [kiev, paris])]
    assert lead_dispatch([long_aside, *followers, lead]) is lead
    alone = [article(22, [nice], words=20), article(22, [paris], words=40)]
    assert lead_dispatch(alone) is alone[1]  # nobody shares: the longest


def test_topics_count_dispatches_over_the_last_days_of_the_archive():
    rutte, kiev, paris = page("Mark Rutte"), page("Kiev"), page("Paris")
    newest_first = [article(22, [rutte, kiev]), article(20, [rutte]), article(10, [paris, kiev]), article(1, [paris])]
    assert topics(newest_first, 7) == [(rutte, 2), (kiev, 1)]
    assert topics(newest_first, 30) == [(kiev, 2), (rutte, 2), (paris, 2)]  # ties by name
    assert topics(newest_first, 30, limit=1) == [(kiev, 2)]
    assert topics([], 7) == []
