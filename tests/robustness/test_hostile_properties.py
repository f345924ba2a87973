"""Generated hostile inputs through ingest and build: file names of arbitrary bytes, dispatch bodies
of arbitrary Unicode (controls, surrogates, invalid UTF-8), editors' front-matter values. Each build
either publishes the dispatch with its text literal, or rejects it by name; it never crashes,
hangs, writes outside output/ or lets markup through."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from digest import pipeline, site
from digest.dispatch import DispatchError, parse
from tests.conftest import new_site
from tests.robustness.test_escaping import HOSTILE, comparable

# Names as a file system takes them: any bytes but "/" and NUL, not hidden (a name starting with
# "." is an editor's temporary file, skipped by convention).
FILE_NAME = (
    st.binary(min_size=1, max_size=60)
    .map(lambda raw: raw.replace(b"/", b"_").replace(b"\0", b"_"))
    .filter(lambda raw: not raw.startswith(b"."))
    .flatmap(lambda raw: st.sampled_from([raw + b".txt", raw + b".TXT", raw]))
)
TEXT = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=()), max_size=80),  # surrogates, controls, noncharacters...
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=6).map(" ".join),
)
BODY = st.one_of(
    st.lists(TEXT, min_size=1, max_size=3).map(lambda paragraphs: (" date 2025-08-22 " + "\n\n".join(paragraphs)).encode("utf-8", "surrogatepass")),
    st.binary(max_size=120).map(lambda raw: b" date 2025-08-22 " + raw),
)
FRONT_MATTER = st.fixed_dictionaries(
    {},
    optional={key: TEXT for key in ("Title", "Summary", "Slug", "Credit", "Credit_url", "Date", "Personnes", "Lieux", "Save_as")},
)

HOSTILE_SETTINGS = settings(max_examples=15, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate], suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


# Written by every build beside content/: the lock, and the entity slugs on record (digest.entities.slugfile).
BUILD_WRITES_BESIDE = {".build.lock", "entity-slugs.toml"}


def everything_outside(where: Path) -> set[str]:
    """The files of ``where`` a build may not touch: all but output/, its staging and old copies,
    the cache, the articles and what a build writes beside content/."""
    kept = set()
    for root, folders, files in os.walk(where):
        relative = os.path.relpath(root, where)
        if relative.split(os.sep)[0] in ("output", "cache") or relative.startswith(("content/articles", ".output")):
            continue
        kept.update(os.path.normpath(os.path.join(relative, name)) for name in files if name not in BUILD_WRITES_BESIDE)
    return kept


def assert_no_markup_from_outside(output: Path) -> None:
    for page in output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src", "").startswith("/theme/") or script.get("type") == "application/ld+json", page
            if not script.get("src"):
                json.loads(script.string)
        for tag in soup.find_all(True):
            assert not any(attribute.startswith("on") for attribute in tag.attrs), (page, tag)
            for attribute in ("href", "src", "action"):
                url = str(tag.get(attribute, "")).strip().lower()
                assert url == "data:," or not url.startswith(("javascript:", "data:", "vbscript:")), (page, tag)  # data:, the theme's empty icon


@HOSTILE_SETTINGS
@given(name=FILE_NAME, body=BODY)
def test_any_dispatch_is_published_literally_or_rejected_by_name(tmp_path_factory, fake_ner, name, body):
    where = tmp_path_factory.mktemp("hostile")
    paths = new_site(where, {name: body})
    outside = everything_outside(where)
    outcome = pipeline.build(paths)
    assert everything_outside(where) == outside
    assert_no_markup_from_outside(paths.output)
    [entry] = paths.dispatches.iterdir()
    if outcome.report.rejected:
        assert [path for path, _ in outcome.report.rejected] == [entry]
        assert not list(paths.output.glob("2025/08/22/*/index.html"))
        return
    expected = parse(body)  # what ingest read: the file was neither rejected nor skipped
    [page] = paths.output.glob("2025/08/22/*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    shown = [paragraph.get_text() for paragraph in soup.select_one("article .body").find_all("p", recursive=False)]
    assert [comparable(text) for text in shown] == [comparable(text) for text in expected.paragraphs]


def test_rejections_the_property_relies_on_are_real():
    for raw in (b" date 2025-08-22 caf\xe9", " date 2025-08-22 \ud800".encode("utf-8", "surrogatepass"), b" date 2025-08-22 \x85"):
        try:
            parse(raw)
        except DispatchError:
            continue
        raise AssertionError(raw)


@HOSTILE_SETTINGS
@given(fields=FRONT_MATTER, text=TEXT)
def test_any_front_matter_an_editor_writes_is_shown_as_text_or_rejected_by_name(tmp_path_factory, fake_ner, fields, text):
    where = tmp_path_factory.mktemp("editor")
    paths = new_site(where, {})
    values = {"Title": "Titre", "Date": "2025-08-20", "Slug": "editee", **fields}
    header = "".join(f"{key}: {' '.join(str(value).split())}\n" for key, value in values.items())
    article = paths.articles / "edite.md"
    article.write_bytes((header + "\n<p>" + text.replace("<", "&lt;") + "</p>\n").encode("utf-8", "surrogatepass"))
    outside = everything_outside(where)
    try:
        outcome = pipeline.build(paths)
    except site.BuildError as error:
        assert f"{article.relative_to(paths.content)}: " in str(error) or f"{article}: " in str(error)
        assert not paths.output.exists()
        return
    finally:
        assert everything_outside(where) == outside
        assert not site.staging_path(paths.output).exists()
    assert [path for path, _ in outcome.report.rejected] in ([], [article])  # left out by name, or published
    assert_no_markup_from_outside(paths.output)
