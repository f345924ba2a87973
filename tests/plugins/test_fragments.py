"""plugins/fragments: a macro's output for one object is rendered once and reused, never mixed up
between objects, options or site URLs; an article's URL is computed once, and only once it is final."""

from __future__ import annotations

import copy
from datetime import datetime

import jinja2
import pytest
from pelican import signals
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from fragments import freeze_article_url
from fragments.memo import FragmentMemo
from fragments.urls import freeze_url

TEMPLATES = {
    "macros.html": "{% macro teaser(item, heading='h3') %}<{{ heading }}>{{ item.title }} {{ SITEURL }}/{{ count() }}</{{ heading }}>{% endmacro %}",
    "list.html": "{% import 'macros.html' as m with context %}{% for item in items %}{{ memo(m.teaser, item, **options) }}{% endfor %}",
}


class Item:
    def __init__(self, title):
        self.title = title


def environment(memo):
    calls = []
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True)
    env.globals.update(memo=memo, count=lambda: calls.append(1) or len(calls))
    return env, calls


def test_each_object_is_rendered_once_and_reused():
    memo = FragmentMemo()
    env, calls = environment(memo)
    a, b = Item("Kiev <bombardée>"), Item("Moscou")
    first = env.get_template("list.html").render(items=[a, b], options={}, SITEURL="")
    second = env.get_template("list.html").render(items=[b, a], options={}, SITEURL="")
    assert len(calls) == 2
    assert first == "<h3>Kiev &lt;bombardée&gt; /1</h3><h3>Moscou /2</h3>"
    assert second == "<h3>Moscou /2</h3><h3>Kiev &lt;bombardée&gt; /1</h3>"


def test_options_and_site_url_are_part_of_the_key():
    memo = FragmentMemo()
    env, calls = environment(memo)
    a = Item("Kiev")
    template = env.get_template("list.html")
    assert template.render(items=[a], options={}, SITEURL="") == "<h3>Kiev /1</h3>"
    assert template.render(items=[a], options={"heading": "h2"}, SITEURL="") == "<h2>Kiev /2</h2>"
    assert template.render(items=[a], options={}, SITEURL="..") == "<h3>Kiev ../3</h3>"
    assert len(memo) == 3


def test_a_day_is_the_same_object_by_value_and_two_days_are_not_mixed_up():
    from datetime import date

    memo = FragmentMemo()
    env, calls = environment(memo)
    env.loader = jinja2.DictLoader({"macros.html": "{% macro day(moment) %}{{ moment.day }}/{{ count() }}{% endmacro %}"})
    template = env.from_string("{% import 'macros.html' as m with context %}{{ memo(m.day, day) }}")
    pages = [template.render(day=date(2025, 8, day), SITEURL="") for day in (22, 22, 21, 22)]
    assert pages == ["22/1", "22/1", "21/2", "22/1"]  # each article page of a day: one rendering
    assert len(calls) == 2


def test_a_new_memo_renders_again():
    a = Item("Kiev")
    env, calls = environment(FragmentMemo())
    env.get_template("list.html").render(items=[a], options={}, SITEURL="")
    env.globals["memo"] = FragmentMemo()
    env.get_template("list.html").render(items=[a], options={}, SITEURL="")
    assert len(calls) == 2


def article(date: datetime, slug: str, **settings) -> Article:
    """An article as Pelican makes it, under its default settings and ``settings``."""
    return Article("<p>Texte</p>", metadata={"title": slug, "date": date, "slug": slug}, settings={**copy.deepcopy(DEFAULT_CONFIG), **settings})


@pytest.fixture
def freezing():
    """The plugin's receiver connected to content_object_init for one test (a build connects it)."""
    signals.content_object_init.connect(freeze_article_url)
    yield
    signals.content_object_init.disconnect(freeze_article_url)


def test_frozen_urls_are_the_urls_pelican_computes():
    kiev = article(datetime(2025, 8, 22), "kiev", ARTICLE_URL="{date:%Y}/{date:%m}/{slug}/", ARTICLE_SAVE_AS="{date:%Y}/{date:%m}/{slug}/index.html")
    computed = (kiev.url, kiev.save_as)
    freeze_url(kiev)
    assert (kiev.url, kiev.save_as) == computed == ("2025/08/kiev/", "2025/08/kiev/index.html")
    kiev.slug = "ailleurs"  # the URL is not computed again (a build never changes it once read)
    assert kiev.url == "2025/08/kiev/"


def test_an_article_url_is_computed_once_as_pelican_makes_the_article(monkeypatch, freezing):
    formats = []
    url_format = Article.url_format
    monkeypatch.setattr(Article, "url_format", property(lambda self: formats.append(1) or url_format.fget(self)))
    kiev = article(datetime(2025, 8, 22), "kiev", ARTICLE_URL="{date:%Y}/{slug}/", ARTICLE_SAVE_AS="{date:%Y}/{slug}/index.html")
    assert kiev.is_valid()  # Pelican checks save_as as it reads each article
    seen = {(kiev.url, kiev.save_as) for _ in range(3)}
    assert seen == {("2025/kiev/", "2025/kiev/index.html")}
    assert len(formats) == 2  # once for url, once for save_as


def test_a_future_article_made_a_draft_gets_the_draft_url(freezing):
    """With WITH_FUTURE_DATES off, Pelican makes a future article a draft after the signal: frozen
    then, its article URL would publish an embargoed dispatch where drafts are not written."""
    later = article(datetime(2099, 1, 1), "plus-tard", WITH_FUTURE_DATES=False, ARTICLE_SAVE_AS="{slug}/index.html", DRAFT_SAVE_AS="")
    assert later.status == "draft"
    assert later.save_as == ""
