"""The site as readers meet it, in headless Chromium: a journey from the home page to a feed,
search, screenshots at phone and desktop widths, and axe-core on the main kinds of page."""

from __future__ import annotations

import json
import re

import pytest

from tests.site.sitekit import SEED_PATH

AXE_PAGES = {
    "accueil": "/",
    "article": f"/{SEED_PATH}",
    "entite": "/personnes/mark-rutte/",
    "index-entites": "/entites/",
    "recherche": "/recherche/?q=Rutte",
    "archives-jour": "/2025/08/22/",
    "archives-mois": "/2016/06/",
    "archives-annee": "/2016/",
    "a-propos": "/a-propos/",
}


def load_axe():
    """axe_playwright_python reads axe.min.js with the locale's encoding at import time: under a
    C/POSIX locale that is ASCII and the import fails, so the file is read as UTF-8 here."""
    import pathlib

    original = pathlib.Path.read_text

    def read_utf8(self, encoding=None, errors=None, **kwargs):
        return original(self, encoding or "utf-8", errors, **kwargs)

    pathlib.Path.read_text = read_utf8
    try:
        from axe_playwright_python.sync_playwright import Axe
    finally:
        pathlib.Path.read_text = original
    return Axe


@pytest.fixture
def browse(browser):
    """A fresh page with a given viewport and colour scheme."""
    contexts = []

    def open_page(width=1280, height=900, scheme="light"):
        context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        # No request ever leaves 127.0.0.1: fail loudly if the site asks for another host.
        page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_home_to_article_to_entity_to_feed(site_url, browse, site):
    page = browse()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "/")
    lead = page.locator("section.lead")
    assert lead.locator("h2").text_content() == "À la une"
    lead.get_by_role("link", name=re.compile("Mark Rutte appelle")).click()
    page.wait_for_url(f"**/{SEED_PATH}")
    assert "Mark Rutte appelle" in page.locator("h1").inner_text()
    assert page.locator("time").first.get_attribute("datetime").startswith("2025-08-22")
    page.locator(".mentions").get_by_role("link", name="Mark Rutte", exact=True).click()
    page.wait_for_url("**/personnes/mark-rutte/")
    assert page.locator("h1").inner_text() == "Mark Rutte"
    feed = page.locator("link[rel=alternate][type='application/rss+xml']")
    hrefs = [feed.nth(i).get_attribute("href") for i in range(feed.count())]
    assert "/personnes/mark-rutte/rss.xml" in hrefs and "/rss.xml" in hrefs
    assert page.locator("a.feed").get_attribute("href") == "/personnes/mark-rutte/rss.xml"
    if (site / "personnes/mark-rutte/rss.xml").exists():  # written by the feeds plugin
        response = page.request.get(site_url + "/personnes/mark-rutte/rss.xml")
        assert response.ok and "<rss" in response.text()
    assert all(url.startswith(site_url) for url in requests), [u for u in requests if not u.startswith(site_url)]


RESULT_LINKS = "#depeches-trouvees li a"
ENTITY_LINKS = "#entites-trouvees li a"


def test_search_finds_the_seed(site_url, browse):
    page = browse()
    page.goto(site_url + "/recherche/")
    page.get_by_label("Rechercher dans les dépêches").fill("Rutte")
    result = page.locator(RESULT_LINKS, has_text="Mark Rutte appelle")
    result.first.wait_for(timeout=10_000)
    result.first.click()
    page.wait_for_url(f"**/{SEED_PATH}")


def test_search_from_a_query_string(site_url, browse):
    page = browse()
    page.goto(site_url + "/recherche/?q=Zelensky")
    page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    assert page.locator(RESULT_LINKS, has_text="Mark Rutte appelle").count() >= 1
    assert page.get_by_label("Rechercher dans les dépêches").input_value() == "Zelensky"
    status = page.locator("#recherche-etat").text_content()
    assert re.fullmatch(r"\d+\u00a0dépêches? pour «\u00a0Zelensky\u00a0»", status), status


def test_search_finds_articles_of_every_year_and_entities_by_name(site_url, browse):
    page = browse()
    page.goto(site_url + "/recherche/?q=panorthodoxe")
    page.locator(RESULT_LINKS, has_text="Concile panorthodoxe").first.wait_for(timeout=10_000)
    page.goto(site_url + "/recherche/?q=Zelensky")
    entity = page.locator(ENTITY_LINKS, has_text="Volodymyr Zelensky")
    entity.first.wait_for(timeout=10_000)
    assert entity.first.get_attribute("href") == "/personnes/volodymyr-zelensky/"
    # the search index holds the articles only: no entity page among the dispatches found
    page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    assert not [href for href in page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.getAttribute('href'))")
                if not re.match(r"/\d{4}/\d\d/\d\d/", href)]


def test_search_names_entities_by_their_other_forms_whatever_the_accents(site_url, browse):
    page = browse()
    box = page.get_by_label("Rechercher dans les dépêches")
    page.goto(site_url + "/recherche/")
    for typed, name, href in (("Otan", "OTAN", "/organisations/otan/"), ("etats-unis", "États-Unis", "/lieux/etats-unis/"),
                              ("rutt", "Mark Rutte", "/personnes/mark-rutte/")):
        box.fill(typed)
        first = page.locator(ENTITY_LINKS).first
        first.wait_for(timeout=10_000)
        page.wait_for_function("([selector, name]) => document.querySelector(selector)?.textContent === name",
                               arg=[ENTITY_LINKS, name], timeout=10_000)
        assert first.get_attribute("href") == href
        assert re.fullmatch(r"(personne|organisation|lieu), \d+\u00a0dépêches?", page.locator("#entites-trouvees li .count").first.text_content())
    box.fill("zzqxwv")
    page.wait_for_function("document.getElementById('recherche-etat').textContent.startsWith('Aucune')", timeout=10_000)
    assert page.locator("#recherche-etat").text_content() == "Aucune dépêche pour «\u00a0zzqxwv\u00a0»"
    assert page.locator("#entites-trouvees").is_hidden() and page.locator("#depeches-trouvees").is_hidden()


def test_search_finds_a_word_after_an_elision_and_only_it(site_url, browse):
    """Pagefind indexes "l’Otan" as one word: "otan" alone must still find it, and not Pagefind's
    nearest words ("France Ô") while real matches exist."""
    page = browse()
    page.goto(site_url + "/recherche/?q=otan")
    page.locator(RESULT_LINKS, has_text="Mark Rutte appelle").first.wait_for(timeout=10_000)
    marks = page.locator("#depeches-trouvees mark").all_text_contents()
    assert marks and all("otan" in mark.lower() for mark in marks), marks


def test_search_shows_entity_names_as_text(site_url, browse):
    """Names come from dispatches: a name that looks like markup is shown as written."""
    hostile = '<img src=x onerror="window.pwned=1">Mallory & <b>Cie</b>'
    page = browse()
    page.route("**/entites/noms.json", lambda route: route.fulfill(
        content_type="application/json", body=json.dumps({"entites": [[hostile, "organisation", "organisations/mallory/", 2, ["Mallory"]]]})))
    page.goto(site_url + "/recherche/?q=mallory")
    link = page.locator(ENTITY_LINKS).first
    link.wait_for(timeout=10_000)
    assert link.text_content() == hostile
    assert page.locator("#entites-trouvees img, #entites-trouvees b").count() == 0
    assert page.evaluate("window.pwned") is None


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(site_url, browse, artifacts, width):
    for scheme in ("light", "dark"):
        page = browse(width=width, scheme=scheme)
        for name, path in (("accueil", "/"), ("article", f"/{SEED_PATH}"), ("entite", "/personnes/mark-rutte/")):
            page.goto(site_url + path)
            page.screenshot(path=str(artifacts / f"{name}-{width}-{scheme}.png"))
            # Nothing is wider than the screen (responsive down to 320 px and up).
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways at {width}px"


def test_narrowest_screen_does_not_scroll_sideways(site_url, browse):
    page = browse(width=320)
    for path in AXE_PAGES.values():
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path


def test_skip_link_and_visible_focus(site_url, browse):
    page = browse()
    page.goto(site_url + f"/{SEED_PATH}")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent, getComputedStyle(document.activeElement).outlineStyle]")
    assert focused[0] == "Aller au contenu" and focused[1] != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenu"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_violation(site_url, browse, scheme):
    axe = load_axe()()
    page = browse(scheme=scheme)
    failures = {}
    # Dark mode changes colours only: its contrast is checked on the pages with the most kinds of
    # element (the entity index, ~4500 links, takes axe half a minute per run).
    pages = AXE_PAGES if scheme == "light" else {k: AXE_PAGES[k] for k in ("accueil", "article", "entite", "recherche")}
    for name, path in pages.items():
        page.goto(site_url + path)
        if "recherche" in path:
            page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
            page.locator(ENTITY_LINKS).first.wait_for(timeout=10_000)
        results = axe.run(page)
        if results.violations_count:
            failures[name] = results.generate_report()
    assert not failures, "\n".join(f"{name}:\n{report}" for name, report in failures.items())


# Characters a line holds in each long paragraph or list item of the page: its width over the
# average width of its own characters, in its own font.
CHARACTERS_PER_LINE = """() => {
  const context = document.createElement("canvas").getContext("2d");
  const found = [];
  for (const element of document.querySelectorAll("main p, main li")) {
    const text = element.textContent.replace(/\\s+/g, " ").trim();
    if (text.length < 100 || element.querySelector("p, li")) continue;
    const style = getComputedStyle(element);
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    found.push([element.className || element.tagName, Math.round(width / (context.measureText(text).width / text.length))]);
  }
  return found;
}"""


def test_every_page_keeps_one_readable_measure_on_a_wide_screen(site_url, browse):
    """60-75 characters a line on every kind of page at 1280 px (the day page ran ~130)."""
    page = browse(width=1280)
    measured = {}
    for path in ("/", "/2016/06/12/", f"/{SEED_PATH}", "/personnes/mark-rutte/", "/a-propos/"):
        page.goto(site_url + path)
        measured[path] = page.evaluate(CHARACTERS_PER_LINE)
        assert measured[path], f"{path}: no long paragraph measured"
    outside = {path: [m for m in found if not 60 <= m[1] <= 75] for path, found in measured.items()}
    assert not any(outside.values()), outside


def test_wide_article_puts_its_entities_beside_the_text(site_url, browse):
    page = browse(width=1280)
    page.goto(site_url + f"/{SEED_PATH}")
    body, mentions = (page.locator(selector).bounding_box() for selector in (".article .body", ".mentions"))
    assert mentions["x"] > body["x"] + body["width"] and mentions["y"] < body["y"] + body["height"]
    phone = browse(width=375)
    phone.goto(site_url + f"/{SEED_PATH}")
    body, mentions = (phone.locator(selector).bounding_box() for selector in (".article .body", ".mentions"))
    assert mentions["y"] > body["y"] + body["height"]  # under the text on a phone


STATUS = "#recherche-etat"


def wait_for_status(page, start):
    page.wait_for_function("start => document.getElementById('recherche-etat').textContent.startsWith(start)", arg=start, timeout=10_000)
    return page.locator(STATUS).text_content()


def test_search_lives_in_the_address_and_back_restores_it(site_url, browse):
    page = browse()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "/recherche/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if url.endswith("noms.json")], "the names file waits for the first input"
    box = page.get_by_label("Rechercher dans les dépêches")
    box.fill("Ukraine")
    page.wait_for_url("**/recherche/?q=Ukraine", timeout=10_000)  # typing: replaced, not added
    page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    assert [url for url in requests if url.endswith("noms.json")]
    box.fill("Zelensky")
    box.press("Enter")
    page.wait_for_url("**/recherche/?q=Zelensky", timeout=10_000)
    page.locator(RESULT_LINKS, has_text="Mark Rutte appelle").first.wait_for(timeout=10_000)
    page.go_back()
    page.wait_for_url("**/recherche/?q=Ukraine", timeout=10_000)
    page.wait_for_function("document.getElementById('q').value === 'Ukraine'", timeout=10_000)
    page.wait_for_function("document.getElementById('recherche-etat').textContent.includes('Ukraine')", timeout=10_000)


def test_search_results_show_their_date_and_sort_by_date(site_url, browse):
    page = browse()
    page.goto(site_url + "/recherche/?q=Ukraine&tri=date")
    page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    assert page.locator("input[name=tri][value=date]").is_checked()
    dates = page.locator("#depeches-trouvees li time").evaluate_all("times => times.map(t => t.dateTime)")
    assert len(dates) == page.locator("#depeches-trouvees li").count() > 1
    assert dates == sorted(dates, reverse=True)
    assert re.fullmatch(r"\d{1,2}(er)?\u00a0\w+ \d{4}", page.locator("#depeches-trouvees li time").first.text_content())
    page.locator("input[name=tri][value=pertinence]").check()
    page.wait_for_url("**/recherche/?q=Ukraine", timeout=10_000)
    page.wait_for_function("!document.getElementById('recherche-etat').textContent.includes('récentes')", timeout=10_000)


def test_search_says_when_nothing_holds_the_words_typed(site_url, browse):
    page = browse()
    page.goto(site_url + "/recherche/?q=xyzzy")
    page.wait_for_function("/^Aucun/.test(document.getElementById('recherche-etat').textContent)", timeout=10_000)
    status = page.locator(STATUS).text_content()
    # Decided by the status, which is written first: the near matches' list may still be rendering.
    if status.startswith("Aucun résultat exact"):
        assert status.startswith("Aucun résultat exact pour «\u00a0xyzzy\u00a0». Dépêches approchantes\u00a0: "), status
        page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    else:
        assert status == "Aucune dépêche pour «\u00a0xyzzy\u00a0»"
        assert page.locator(RESULT_LINKS).count() == 0


def test_more_results_move_the_focus_to_the_first_new_one(site_url, browse):
    page = browse()
    page.goto(site_url + "/recherche/?q=France")
    more = page.get_by_role("button", name="Plus de dépêches")
    more.wait_for(timeout=10_000)
    shown = page.locator("#depeches-trouvees li").count()
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('#depeches-trouvees li').length > {shown}", timeout=10_000)
    page.wait_for_function(f"document.activeElement === document.querySelectorAll('#depeches-trouvees li')[{shown}].querySelector('a')", timeout=10_000)


def test_search_page_does_not_jump_as_results_arrive(site_url, browse):
    page = browse(width=1280)
    page.add_init_script("""window.shifts = 0; new PerformanceObserver(list => { for (const entry of list.getEntries())
        if (!entry.hadRecentInput) window.shifts += entry.value; }).observe({type: "layout-shift", buffered: true});""")
    page.goto(site_url + "/recherche/?q=Ukraine")
    page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
    page.locator(ENTITY_LINKS).first.wait_for(timeout=10_000)
    assert page.evaluate("window.shifts") <= 0.05


@pytest.mark.parametrize("width, scheme", [(375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")])
def test_a_reader_s_path(site_url, browse, artifacts, width, scheme):
    """Home → lead → breadcrumb → day → month → year → entity → search from a shared link →
    Back, with a screenshot of each step kept in test-artifacts/."""
    page = browse(width=width, scheme=scheme)

    def step(name):
        page.screenshot(path=str(artifacts / f"parcours-{width}-{scheme}-{name}.png"))
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), name

    page.goto(site_url + "/")
    step("1-accueil")
    page.locator("section.lead .teaser-title a").click()
    page.wait_for_url(f"**/{SEED_PATH}")
    step("2-une")
    page.locator("nav.breadcrumbs").get_by_role("link", name="vendredi 22\u00a0août").click()
    page.wait_for_url("**/2025/08/22/")
    assert page.locator("h1").text_content() == "Vendredi 22\u00a0août 2025"
    step("3-jour")
    page.locator("nav.breadcrumbs").get_by_role("link", name="août").click()
    page.wait_for_url("**/2025/08/")
    step("4-mois")
    page.locator("nav.breadcrumbs").get_by_role("link", name="2025").click()
    page.wait_for_url("**/2025/")
    assert page.locator("table.month caption").all_text_contents() == ["Août 1\u00a0dépêche"]
    step("5-annee")
    page.locator("table.month a[href='/2025/08/22/']").click()
    page.wait_for_url("**/2025/08/22/")
    page.locator("article.teaser .tags").get_by_role("link", name="Mark Rutte", exact=True).click()
    page.wait_for_url("**/personnes/mark-rutte/")
    step("6-entite")
    page.goto(site_url + "/recherche/?q=Rutte")  # a link someone shared
    page.locator(RESULT_LINKS, has_text="Mark Rutte appelle").first.wait_for(timeout=10_000)
    step("7-recherche")
    page.locator(RESULT_LINKS, has_text="Mark Rutte appelle").first.click()
    page.wait_for_url(f"**/{SEED_PATH}")
    page.go_back()
    page.wait_for_url("**/recherche/?q=Rutte")
    page.locator(RESULT_LINKS, has_text="Mark Rutte appelle").first.wait_for(timeout=10_000)
    assert page.get_by_label("Rechercher dans les dépêches").input_value() == "Rutte"
    step("8-retour")
