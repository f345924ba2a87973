"""digest/settings.py: every setting the site's code reads is declared there, with its default and
a docstring (or is Pelican's own, with its default in Pelican), and no code gives a default of its
own."""

from __future__ import annotations

import ast
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG

from digest import settings as site_settings

ROOT = Path(__file__).resolve().parents[1]
CODE = [*sorted((ROOT / "digest").rglob("*.py")), *sorted((ROOT / "plugins").rglob("*.py"))]


def settings_read(tree: ast.AST) -> dict[str, bool]:
    """Each setting name read in ``tree`` (``settings.get("X"...)``, ``settings["X"]``,
    ``setting(settings, "X")``), and whether a default was given on the spot."""
    found: dict[str, bool] = {}

    def is_settings(node) -> bool:
        return (isinstance(node, ast.Name) and node.id == "settings") or (isinstance(node, ast.Attribute) and node.attr == "settings")

    for node in ast.walk(tree):
        name, default = None, False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and is_settings(node.func.value) \
                and node.args and isinstance(node.args[0], ast.Constant):
            name, default = node.args[0].value, len(node.args) > 1
        elif isinstance(node, ast.Subscript) and is_settings(node.value) and isinstance(node.slice, ast.Constant):
            name = node.slice.value
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"setting", "site_setting"} and len(node.args) == 2 \
                and isinstance(node.args[1], ast.Constant):
            name = node.args[1].value
        if isinstance(name, str) and name.isupper():
            found[name] = found.get(name, False) or default
    return found


def declared_with_docstring() -> set[str]:
    body = ast.parse((ROOT / "digest" / "settings.py").read_text(encoding="utf-8")).body
    names = set()
    for statement, following in zip(body, body[1:]):
        target = statement.targets[0] if isinstance(statement, ast.Assign) else getattr(statement, "target", None)
        if isinstance(target, ast.Name) and target.id.isupper() and isinstance(following, ast.Expr) \
                and isinstance(following.value, ast.Constant) and isinstance(following.value.value, str) and following.value.value.strip():
            names.add(target.id)
    return names


def test_every_setting_read_is_declared_with_a_docstring_or_is_pelicans():
    read: dict[str, list[str]] = {}
    for path in CODE:
        for name in settings_read(ast.parse(path.read_text(encoding="utf-8"))):
            read.setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    ours = set(site_settings.DEFAULTS)
    assert declared_with_docstring() >= ours - {"DEFAULTS", "CONTEXT_KEYS"}
    pelicans = set(DEFAULT_CONFIG) | set(site_settings.PELICAN_WITHOUT_DEFAULT)
    undeclared = {name: where for name, where in read.items() if name not in ours and name not in pelicans}
    assert undeclared == {}
    assert not ours & set(DEFAULT_CONFIG), "a setting of Pelican's own keeps its default in Pelican"


def test_no_code_gives_a_default_of_its_own_to_a_declared_setting():
    own_defaults = {}
    for path in CODE:
        for name, default in settings_read(ast.parse(path.read_text(encoding="utf-8"))).items():
            if default and name in site_settings.DEFAULTS:
                own_defaults.setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    assert own_defaults == {}


def test_the_scan_sees_settings_read_every_way():
    tree = ast.parse('a = settings.get("A_X", 1)\nb = self.settings["B_X"]\nc = setting(settings, "C_X")\n')
    assert settings_read(tree) == {"A_X": True, "B_X": False, "C_X": False}


def test_the_entities_folder_is_written_once():
    text = "\n".join(path.read_text(encoding="utf-8") for path in CODE)
    assert text.count('"entites/"') == 1  # digest/settings.py; every other address derives from it


def test_a_site_value_wins_over_the_default():
    assert site_settings.setting({"FEEDS_MAX_ITEMS": 3}, "FEEDS_MAX_ITEMS") == 3
    assert site_settings.setting({}, "FEEDS_MAX_ITEMS") == site_settings.FEEDS_MAX_ITEMS


def shared_context_keys(tree: ast.AST) -> set[str]:
    """Keys written into Pelican's shared context: ``self.context["X"] = ...``, and the value of a
    module constant named ``CONTEXT_KEY`` (plugins/incremental writes through it)."""
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute) and target.value.attr == "context" \
                        and isinstance(target.slice, ast.Constant):
                    keys.add(target.slice.value)
                if isinstance(target, ast.Name) and target.id == "CONTEXT_KEY" and isinstance(node.value, ast.Constant):
                    keys.add(node.value.value)
    return keys


def test_every_key_a_plugin_shares_in_the_context_is_listed_once():
    written = set()
    for path in CODE:
        written |= shared_context_keys(ast.parse(path.read_text(encoding="utf-8")))
    assert written == set(site_settings.CONTEXT_KEYS)
