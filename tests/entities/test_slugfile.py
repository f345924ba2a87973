"""digest.entities.slugfile: an entity's URL, once published, never changes nor passes to another entity."""

from __future__ import annotations

import pytest

from digest.entities import slugfile
from digest.entities.sitewide import merge_site


def site(*articles):
    return merge_site([[(name, kind, "", []) for name, kind in article] for article in articles])


def slugs_of(merge, records=None):
    assigned = slugfile.assign(merge.entities, records or {})
    return {entity.name: assigned.of[id(entity)] for entity in merge.entities}, assigned


def test_a_new_entity_takes_the_slug_of_its_most_cited_spelling():
    names, assigned = slugs_of(site([("Elysée", "lieu")], [("Élysée", "lieu")], [("Élysée", "lieu")]))
    assert names == {"Élysée": "elysee"}
    assert assigned.records == {"personne": {}, "organisation": {}, "lieu": {"elysee": "Élysée"}}


def test_a_recorded_slug_stays_with_its_entity_whatever_the_spelling_now_cited():
    names, _ = slugs_of(site([("ELYSÉE", "lieu")]), {"lieu": {"palais-elysee": "Elysée"}})
    assert names == {"ELYSÉE": "palais-elysee"}


def test_a_slug_never_passes_to_another_entity():
    # the two Saint-Denis: the one recorded keeps its URL even when it is gone from the site
    recorded = {"lieu": {"saint-denis": "Saint-Denis (La Réunion)", "saint-denis-2": "Saint-Denis (Seine-Saint-Denis)"}}
    names, assigned = slugs_of(site([("Saint-Denis", "lieu")], [("Saint-Denis", "lieu")]), recorded)
    assert names == {"Saint-Denis": "saint-denis-3"}
    assert assigned.records["lieu"] == {**recorded["lieu"], "saint-denis-3": "Saint-Denis"}
    assert assigned.redirects == []


def test_slugs_that_clash_go_to_the_most_cited_first_whatever_the_order_seen():
    first = site([("AC DC", "organisation")], [("AC/DC", "organisation")], [("AC/DC", "organisation")])
    again = site([("AC/DC", "organisation")], [("AC/DC", "organisation")], [("AC DC", "organisation")])
    assert slugs_of(first)[0] == slugs_of(again)[0] == {"AC/DC": "ac-dc", "AC DC": "ac-dc-2"}


def test_a_merged_entity_leaves_its_former_slug_leading_to_the_page():
    merge = site([("Rachel Lambert", "personne"), ("Rachel", "personne")], [("Rachel Lambert", "personne")])
    names, assigned = slugs_of(merge, {"personne": {"rachel": "Rachel"}})
    assert names == {"Rachel Lambert": "rachel-lambert"}
    assert [(kind, old, entity.name) for kind, old, entity in assigned.redirects] == [("personne", "rachel", "Rachel Lambert")]
    assert assigned.records["personne"] == {"rachel": "Rachel", "rachel-lambert": "Rachel Lambert"}


def test_the_file_reads_back_what_it_wrote(tmp_path):
    records = {"personne": {"mark-rutte": "Mark Rutte", "o-brien": 'Conan « O\'Brien » "\\"'}, "organisation": {}, "lieu": {"kiev": "Kiev"}}
    path = tmp_path / "entity-slugs.toml"
    path.write_text(slugfile.dumps(records), encoding="utf-8")
    assert slugfile.load(path) == {"personne": records["personne"], "lieu": records["lieu"]}
    assert path.read_text(encoding="utf-8").startswith("# Adresses des pages")


@pytest.mark.parametrize("text, line, reason", [
    ('[lieux]\nkiev = "Kiev\n', 2, "TOML syntax error"),
    ('[lieux]\nkiev = "Kiev"\n\n[villes]\nparis = "Paris"\n', 4, "unknown table 'villes'"),
    ('[lieux]\nkiev = "Kiev"\n"Kyiv Ville" = "Kyiv"\n', 3, "'Kyiv Ville' is not a slug"),
    ('[personnes]\nrutte = 3\n', 2, "personnes.rutte: the name must be a non-empty string"),
    ('[lieux]\nkiev = "Kiev"\nkiev-2 = "KIEV"\n', 3, "'KIEV' has two slugs in [lieux]: 'kiev' and 'kiev-2'"),
])
def test_a_malformed_file_is_reported_with_its_line(tmp_path, text, line, reason):
    path = tmp_path / "entity-slugs.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(slugfile.SlugFileError) as error:
        slugfile.load(path)
    assert str(error.value).startswith(f"{path}:{line}: {reason}")
