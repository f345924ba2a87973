"""The entity index's address is one setting (ENTITIES_INDEX_URL, digest/settings.py), which the
templates read from the context: the menu and the search page follow it."""

from __future__ import annotations

import re

from tests.conftest import new_site


def test_the_menu_and_the_search_page_link_the_entity_index_where_the_setting_puts_it(tmp_path, fake_ner):
    from digest.pipeline import build

    paths = new_site(tmp_path, {
        "a.txt": " date 2025-08-20 Emmanuel Macron a reçu Olaf Scholz à Paris.\n",
        "b.txt": " date 2025-08-21 Emmanuel Macron et Olaf Scholz ont parlé de l’Europe.\n",
    })
    build(paths, overrides={"ENTITIES_INDEX_URL": "qui-quoi/", "ENTITIES_INDEX_SAVE_AS": "qui-quoi/index.html",
                            "ENTITIES_NAMES_SAVE_AS": "qui-quoi/noms.json"})
    index = (paths.output / "qui-quoi" / "index.html").read_text(encoding="utf-8")
    assert (paths.output / "qui-quoi" / "noms.json").is_file()
    assert re.search(r'<a href="[^"]*/qui-quoi/" aria-current="page">Entités</a>', index)
    front = (paths.output / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]*/qui-quoi/">Entités</a>', front)
    search = (paths.output / "recherche" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-names="[^"]*/qui-quoi/noms\.json"', search)
