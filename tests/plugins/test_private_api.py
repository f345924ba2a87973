"""The private API of Pelican, Python-Markdown and Python the project relies on stays in the
modules that wrap it (each with a fallback and a contract test, see docs/architecture.md): a new
touchpoint anywhere else fails here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = [*sorted((ROOT / "digest").rglob("*.py")), *sorted((ROOT / "plugins").rglob("*.py")), ROOT / "tasks.py", ROOT / "pelicanconf.py"]

# Upstream private attributes that code of ours also sets on itself (so a scan for names defined
# elsewhere would miss them): Pelican's reader, cache and content fields.
UPSTREAM_FIELDS = {"_md", "_source_path", "_parse_metadata", "_cache", "_cache_path", "_content", "_summary", "_written_files", "_get_file_stamp"}

# Where each kept reliance is wrapped (module → the private names it touches).
WRAPPED = {
    "digest/entities/compiled_patterns.py": {"_compiler", "_parser", "_code"},  # Python's regex compiler, cached on disk
    "plugins/markdown_reader/reader.py": {"_md", "_source_path", "_parse_metadata"},  # one Markdown converter per build
    "plugins/incremental/upstream.py": {"_cache", "_cache_path"},  # damaged caches discarded
    "plugins/french_typography/upstream.py": {"_content"},  # a body no reader typeset
}


def private_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        found = []
        if isinstance(node, ast.Attribute):
            found = [node.attr]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found = [alias.name for alias in node.names] + (node.module or "").split(".")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"getattr", "setattr", "hasattr"} and len(node.args) > 1 \
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            found = [node.args[1].value]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in UPSTREAM_FIELDS:
            found = [node.value]  # a name kept in a constant, for getattr
        names.update(name for name in found if name.startswith("_") and not name.startswith("__"))
    return names


def defined_names(trees) -> set[str]:
    """Private names our own code defines (functions, classes, variables, attributes of self)."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and getattr(node.value, "id", "") == "self":
                names.add(node.attr)
    return names - UPSTREAM_FIELDS


def test_upstream_private_api_is_touched_only_where_it_is_wrapped():
    trees = {path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8")) for path in PRODUCTION}
    ours = defined_names(trees.values())
    touched = {}
    for module, tree in trees.items():
        own_functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}  # a method of ours may share a name with Pelican's fields
        if names := private_names(tree) - ours - own_functions - {"_exit"}:  # os._exit is public
            touched[module] = names
    assert touched == WRAPPED


def test_the_scan_sees_a_new_touchpoint():
    tree = ast.parse("from pelican.readers import _filter_discardable_metadata\nwriter._written_files.add(x)\n")
    assert private_names(tree) == {"_filter_discardable_metadata", "_written_files"}
