"""Credit in every item: the page's source line at the end of each item, the source organisation as
author, the channel's rights; categories are the dispatch's entities, most salient first, capped."""

from __future__ import annotations

import feedparser
from bs4 import BeautifulSoup
from hypothesis import given, strategies as st
from lxml import etree

from tests.feeds.feeds_support import ATOM, CONTENT, SEED_SOURCE, build_small, make_content

from feeds.salience import salience_order

DC = "{http://purl.org/dc/elements/1.1/}"
WINTER_GUID = "tag:lefil.example,2025:dispatches/winer-2016_01_04-001.txt"
SEED_GUID = f"tag:lefil.example,2025:{SEED_SOURCE}"


def words(fragment: str) -> str:
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text().replace("\u00a0", " ").split())


def rss_items(path) -> dict:
    return {item.findtext("guid"): item for item in etree.fromstring(path.read_bytes()).iter("item")}


# --- salience -------------------------------------------------------------------------------------


def test_headline_then_lede_then_mentions():
    names = [("Kiev",), ("Mark Rutte", "Rutte", "M. Rutte"), ("Moscou",), ("Otan",)]
    order = salience_order(
        names,
        headline="Le secrétaire général de l’Otan Mark Rutte à Kiev",
        lede="Mark Rutte, en visite à Kiev vendredi, parle de Moscou.",
        text="Mark Rutte, en visite à Kiev vendredi. M.\u00a0Rutte a dit. Rutte a ajouté. Moscou. Moscou. Moscou. Moscou.",
    )
    # In the headline: Rutte (3 mentions) before Kiev (1), Otan (0, but in the headline); then Moscou.
    assert [names[i][0] for i in order] == ["Mark Rutte", "Kiev", "Otan", "Moscou"]


def test_a_longer_form_is_one_mention():
    names = [("Rutte",), ("Mark Rutte",)]
    # "Mark Rutte" is one mention of the second entity, not also one of "Rutte".
    assert salience_order(names, "", "", "Mark Rutte. Mark Rutte. Rutte.") == [1, 0]


NAMES = ["Kiev", "Otan", "Mark Rutte", "Moscou", "Union européenne", "l’ONU", "C++", "(Paris)"]


@given(
    st.lists(st.sampled_from(NAMES), unique=True, max_size=len(NAMES)),
    st.data(),
    st.lists(st.sampled_from([*NAMES, "et", "à", ".", "Rutte", "Kievien"]), max_size=40),
)
def test_salience_ranks_every_entity_headline_first(names, data, words_of_text):
    in_headline = data.draw(st.lists(st.sampled_from(names), unique=True) if names else st.just([]))
    headline = " et ".join(in_headline)
    order = salience_order([(name,) for name in names], headline, "", " ".join(words_of_text))
    assert sorted(order) == list(range(len(names)))
    ranked = [names[i] for i in order]
    assert set(ranked[: len(in_headline)]) == set(in_headline)


# --- built feeds ----------------------------------------------------------------------------------


def test_each_item_ends_with_the_page_source_line(small_site):
    page = BeautifulSoup((small_site / "2016/01/04/hiver/index.html").read_text(encoding="utf-8"), "html.parser")
    # the page's dateline says "… · Source : …, sous licence … · 2 min de lecture"; the feed's line ends there
    on_page = words(str(page.select_one(".dateline .credit"))) + "."
    assert on_page.startswith("Source : Wikinews") and "CC BY 2.5" in on_page
    item = rss_items(small_site / "rss.xml")[WINTER_GUID]
    for field in (f"{CONTENT}encoded", "description"):
        last = BeautifulSoup(item.findtext(field), "html.parser").find_all("p")[-1]
        assert words(str(last)) == on_page, field
        assert last.find("a", rel="external")["href"].startswith("https://fr.wikinews.org/wiki/France_:_d%C3%A9c%C3%A8s")
        assert last.find("a", rel="license")["href"] == "https://creativecommons.org/licenses/by/2.5/"
    atom = feedparser.parse((small_site / "atom.xml").read_bytes())
    entry = next(e for e in atom.entries if e.id == WINTER_GUID)
    assert words(entry.content[0].value).endswith(on_page)


def test_source_organisation_is_author_and_channel_has_rights(small_site):
    from pelican.settings import read_settings
    from tests.feeds.feeds_support import ROOT

    rights = read_settings(str(ROOT / "pelicanconf.py"))["FEEDS_RIGHTS"]
    channel = etree.fromstring((small_site / "rss.xml").read_bytes()).find("channel")
    assert channel.findtext("copyright") == rights
    items = rss_items(small_site / "rss.xml")
    assert items[WINTER_GUID].findtext(f"{DC}creator") == "Wikinews"
    assert items[SEED_GUID].findtext(f"{DC}creator") == "La rédaction"  # no source named: the newsroom
    for path in ("rss.xml", "personnes/mark-rutte/rss.xml", "lieux/kiev/rss.xml"):
        assert etree.fromstring((small_site / path).read_bytes()).find("channel").findtext("copyright") == rights
    atom = etree.fromstring((small_site / "atom.xml").read_bytes())
    assert atom.findtext(f"{ATOM}rights") == rights
    winter = next(e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == WINTER_GUID)
    assert winter.findtext(f"{ATOM}author/{ATOM}name") == "Wikinews"
    assert winter.findtext(f"{ATOM}rights") == "Wikinews, CC BY 2.5"


def test_categories_most_salient_first(small_site):
    # The kicker comes first; then the seed cites Mark Rutte in its headline, Kiev in its lede only:
    # Rutte before Kiev (alphabetical was Kiev first).
    seed = rss_items(small_site / "rss.xml")[SEED_GUID]
    assert [c.text for c in seed.findall("category")] == ["Ukraine", "Mark Rutte", "Kiev"]


def test_categories_capped(tmp_path):
    make_content(tmp_path)
    output = build_small(tmp_path, {"FEEDS_MAX_CATEGORIES": 1})
    seed = rss_items(output / "rss.xml")[SEED_GUID]
    assert [c.text for c in seed.findall("category")] == ["Ukraine"]  # the kicker counts in the cap


def test_real_site_items_carry_at_most_the_stated_number_of_categories(site):
    from pelican.settings import read_settings
    from tests.feeds.feeds_support import ROOT

    cap = read_settings(str(ROOT / "pelicanconf.py"))["FEEDS_MAX_CATEGORIES"]
    counts = []
    for path in [site / "rss.xml", *sorted(site.glob("lieux/*/rss.xml"))[:200]]:
        counts += [len(item.findall("category")) for item in etree.fromstring(path.read_bytes()).iter("item")]
    assert max(counts) == cap  # some dispatch cites more entities than that, and is cut there
