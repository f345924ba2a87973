import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """The number of workers of each process pool digest/aside.py starts."""
    from digest import aside

    started: list[int] = []
    real_executor = aside.ProcessPoolExecutor
    monkeypatch.setattr(aside, "ProcessPoolExecutor", lambda n, **options: started.append(n) or real_executor(n, **options))
    return started


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def editorial_file(tmp_path: Path) -> Path:
    p = tmp_path / "entities.toml"
    p.write_text(
        '''stop = ["Français", "Seconde Guerre mondiale", "Européens"]

[[entite]]
nom = "OTAN"
type = "organisation"
alias = ["Otan"]
description = "Alliance atlantique."

[[entite]]
nom = "États-Unis"
type = "lieu"
alias = ["Etats-Unis", "USA"]

[[entite]]
nom = "Emmanuel Macron"
type = "personne"
alias = ["Macron"]
''',
        encoding="utf-8",
    )
    return p


def kept_as_json(read):
    """``read``, its answers gone through JSON as the meanings memo keeps them (``entities.readings``: a
    tuple comes back a list)."""
    import json

    return lambda name, text: json.loads(json.dumps(read(name, text)))
