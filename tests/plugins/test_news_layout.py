"""news_layout: what a reader is told before reading."""

from news_layout.reading import reading_minutes, word_count


def test_words_are_counted_in_text_not_markup():
    assert word_count('<p class="lede">Aujourd’hui, a‑t‑il dit, <a href="/x/y">l’Otan</a> répond.</p>') == 5


def test_reading_time_rounds_up_and_is_never_zero():
    assert reading_minutes("") == 1
    assert reading_minutes("<p>" + "mot " * 230 + "</p>") == 1
    assert reading_minutes("<p>" + "mot " * 231 + "</p>") == 2
