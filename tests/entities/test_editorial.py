from pathlib import Path

import pytest

from digest.entities.editorial import EditorialError, load_editorial


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "entities.toml"
    p.write_text(body, encoding="utf-8")
    return p


def test_loads_the_repository_file(repo):
    ed = load_editorial(repo / "content" / "entities.toml")
    assert ed.lookup("Otan").name == "OTAN"
    assert ed.lookup("Etats-Unis").name == "États-Unis"
    assert ed.is_stopped("Français")


def test_valid_file(editorial_file):
    ed = load_editorial(editorial_file)
    assert ed.lookup("otan").kind == "organisation"
    assert ed.lookup("USA").name == "États-Unis"
    assert ed.lookup("OTAN").description == "Alliance atlantique."
    assert ed.is_stopped("SECONDE GUERRE MONDIALE")


@pytest.mark.parametrize("body, line, reason", [
    ('stop = ["a"\n\n[[entite]]\nnom = "X"\n', 3, "syntax"),
    ('[[entite]]\nnom = "X"\ntype = "lieu"\n\n[[entite]]\nnom = = "Y"\n', 6, "syntax"),
    ('[[entite]]\nnom = "Kiev"\ntype = "ville"\n', 3, "unknown type"),
    ('[[entite]]\nnom = "Kiev"\ntype = "lieu"\n\n[[entite]]\ntype = "lieu"\nalias = ["Kyiv"]\n', 5, "name"),
    ('[[entite]]\nnom = ""\ntype = "lieu"\n', 2, "name"),
    ('[[entite]]\nnom = "OTAN"\ntype = "organisation"\nalias = ["Otan"]\n\n'
     '[[entite]]\nnom = "Organisation"\ntype = "organisation"\nalias = ["Alliance", "OTAN"]\n', 9, "claimed by two"),
    ('[[entite]]\nnom = "Kiev"\ntype = "lieu"\n\n[[entite]]\nnom = "Kiev"\ntype = "lieu"\n', 6, "claimed by two"),
])
def test_errors_name_file_line_and_reason(tmp_path, body, line, reason):
    p = write(tmp_path, body)
    with pytest.raises(EditorialError) as exc:
        load_editorial(p)
    msg = str(exc.value)
    assert str(p) in msg
    assert f":{line}:" in msg
    assert reason in msg.lower()
    assert exc.value.line == line


def test_error_is_a_value_error_subclass(tmp_path):
    # the integrator maps it to a failing exit; it must not be swallowed as a warning
    p = write(tmp_path, '[[entite]]\nnom = "X"\ntype = "chose"\n')
    with pytest.raises(ValueError):
        load_editorial(p)


def test_the_repository_file_names_every_generic_institution_with_its_country(repo):
    # a bare "Sénat" entry kept every country's Senate on one page (France, Burundi, Haïti, Italie)
    from digest.entities.admission import is_generic_without_country

    ed = load_editorial(repo / "content" / "entities.toml")
    assert [entry.name for entry in ed.entries if is_generic_without_country(entry.name)] == []
    assert ed.lookup("Sénat (France)").description
