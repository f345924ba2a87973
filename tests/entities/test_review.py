"""``invoke entities-review``: near-spellings listed with their counts and dispatches, not merged."""

from __future__ import annotations

from digest.entities.editorial import Editorial
from entities.review import review

ARTICLE = "Title: {title}\nDate: 2025-01-0{day}\nPersonnes: {people}\n\n<p>Texte.</p>\n"


def write(folder, name, day, people):
    (folder / name).write_text(ARTICLE.format(title=name, day=day, people=people), encoding="utf-8")


def test_near_spellings_are_listed_with_counts_and_dispatches(tmp_path):
    write(tmp_path, "a.md", 1, "Homer Simpson; Marge Simpson")
    write(tmp_path, "b.md", 2, "Homer Simpson")
    write(tmp_path, "c.md", 3, "Homer Stimpson")
    lines = list(review(tmp_path, Editorial.empty()))
    assert lines[0].startswith("1 paire(s) de noms proches")
    text = "\n".join(lines)
    assert "« Homer Simpson » / « Homer Stimpson » (personne, 1 lettre d’écart)" in text
    assert "  Homer Simpson : 2 dépêches\n    a.md\n    b.md" in text
    assert "  Homer Stimpson : 1 dépêche\n    c.md" in text
    assert "Marge" not in text



def test_a_spelling_only_ever_cited_beside_its_near_spelling_comes_first(tmp_path):
    # the 2016 Ironman dispatches: "Sebastien Kienle" twice, each time beside "Sebastian Kienle"
    write(tmp_path, "a.md", 1, "Jan Frodeno; Jan Frodino")
    write(tmp_path, "b.md", 2, "Jan Frodeno")
    write(tmp_path, "c.md", 3, "Jan Frodino")
    write(tmp_path, "d.md", 4, "Sebastian Kienle; Sebastien Kienle")
    write(tmp_path, "e.md", 5, "Sebastian Kienle; Sebastien Kienle")
    text = "\n".join(review(tmp_path, Editorial.empty()))
    assert text.index("« Sebastian Kienle » / « Sebastien Kienle »") < text.index("« Jan Frodeno » / « Jan Frodino »")
    assert "1 paire(s) d’abord" in text
    assert "« Sebastian Kienle » / « Sebastien Kienle » (personne, 1 lettre d’écart)\n  cités ensemble dans 2 dépêches" in text
