from digest.entities import slugfile
from digest.entities.sitewide import merge_site
from digest.slugs import entity_slug


def test_slugs_are_ascii_and_readable():
    assert entity_slug("États-Unis", "lieu") == "etats-unis"
    assert entity_slug("Côte d'Ivoire", "lieu") == "cote-d-ivoire"
    assert entity_slug("Ngô Đình Diệm", "personne") == "ngo-dinh-diem"
    assert entity_slug("Œuvre d’Orient", "organisation") == "oeuvre-d-orient"
    s = entity_slug("東京", "lieu")
    assert s.isascii() and s


def test_names_that_slug_alike_never_collide():
    names = [("AC/DC", "organisation"), ("AC DC", "organisation"), ('"AC" DC', "organisation"), ("ac-dc-2", "organisation"),
             ("Géorgie", "lieu"), ("Georgie", "organisation")]
    merge = merge_site([[(name, kind, "", [])] for name, kind in names])
    slugs = slugfile.assign(merge.entities, {})
    by_kind = [(e.kind, slugs.of[id(e)]) for e in merge.entities]
    assert len(set(by_kind)) == len(by_kind) == 5
    assert all(s.isascii() and "/" not in s and '"' not in s for _, s in by_kind)
    assert ("organisation", "ac-dc-2") in by_kind  # its own name's slug, never another's suffix
    assert ("organisation", "georgie") in by_kind  # one name, one entity: "Géorgie" and "Georgie" are one
    # deterministic, independent of the input order
    again = merge_site([[(name, kind, "", [])] for name, kind in reversed(names)])
    assert sorted((e.name, slugfile.assign(again.entities, {}).of[id(e)]) for e in again.entities) == \
        sorted((e.name, slugs.of[id(e)]) for e in merge.entities)
