"""The blind-rating sheet of `invoke eval-headlines --blind`: held-out dispatches only, three
unlabelled candidates whose key says which is which, and a new draw for a new seed."""

import re

from bench.eval_headlines import blind


def rows():
    return [{"file": f"{n:03}.txt", "split": "heldout" if n % 4 == 0 else "dev", "lede": f"Dépêche {n}.",
             "today": f"coupe {n}", "derived": f"titre {n}", "real": f"vrai {n}"} for n in range(200)]


def test_sheet_holds_held_out_dispatches_and_its_key_names_each_candidate():
    sheet, key = blind(rows(), 10, seed=2026)
    assert key["seed"] == 2026 and len(key["items"]) == 10
    for item in key["items"]:
        number = int(item["file"][:3])
        assert number % 4 == 0  # held out
        section = sheet.split(f"## {item['number']}. {item['file']}")[1].split("## ")[0]
        for letter in "ABC":
            expected = {"today": "coupe", "derived": "titre", "real": "vrai"}[item[letter]]
            assert re.search(rf"- {letter}\. {expected} {number}\b", section), section


def test_a_new_seed_draws_other_dispatches():
    first = {item["file"] for item in blind(rows(), 10, seed=20)[1]["items"]}
    again = {item["file"] for item in blind(rows(), 10, seed=20)[1]["items"]}
    other = {item["file"] for item in blind(rows(), 10, seed=2026)[1]["items"]}
    assert first == again and first != other
