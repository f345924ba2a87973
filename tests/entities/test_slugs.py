from entities.model import Entity
from entities.slugs import assign_slugs, entity_slug


def test_slugs_are_ascii_and_readable():
    assert entity_slug("États-Unis", "lieu") == "etats-unis"
    assert entity_slug("Côte d'Ivoire", "lieu") == "cote-d-ivoire"
    assert entity_slug("Ngô Đình Diệm", "personne") == "ngo-dinh-diem"
    assert entity_slug("Œuvre d’Orient", "organisation") == "oeuvre-d-orient"
    s = entity_slug("東京", "lieu")
    assert s.isascii() and s


def test_names_that_slug_alike_never_collide():
    ents = [Entity("Géorgie", "lieu"), Entity("Georgie", "personne"), Entity("AC/DC", "organisation"),
            Entity("AC DC", "organisation"), Entity('"AC" DC', "organisation"), Entity("ac-dc-2", "lieu"),
            Entity("Géorgie", "personne")]
    slugs = assign_slugs(ents)
    assert len(slugs) == len({(e.name, e.kind) for e in ents})
    assert len(set(slugs.values())) == len(slugs)
    assert all(s.isascii() and "/" not in s and '"' not in s for s in slugs.values())
    # deterministic, independent of the input order
    assert assign_slugs(list(reversed(ents))) == slugs
    assert slugs[("ac-dc-2", "lieu")] == "ac-dc-2"
