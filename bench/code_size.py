"""Size of a tree of this project, for issue #19's before/after table (docs/architecture.md):
lines of production code, modules, functions over 60 lines, modules over 400 lines, and
``sys.path`` edits (tests included). Usage: ``python3 bench/code_size.py TREE``."""

import ast
import pathlib
import re
import sys

PRODUCTION = ("digest", "plugins", "bench", "tasks.py", "pelicanconf.py", "publishconf.py")


def measure(root: pathlib.Path) -> dict:
    files = [path for part in PRODUCTION for path in ([root / part] if (root / part).is_file() else sorted((root / part).rglob("*.py")))]
    sizes = {str(path.relative_to(root)): path.read_text(encoding="utf-8").count("\n") for path in files}
    long_functions = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60:
                long_functions.append((node.end_lineno - node.lineno + 1, f"{path.relative_to(root)}:{node.name}"))
    tests = sorted((root / "tests").rglob("*.py"))
    return {
        "lines": sum(sizes.values()),
        "modules": len(files),
        "modules over 400 lines": sorted(((n, name) for name, n in sizes.items() if n > 400), reverse=True),
        "functions over 60 lines": sorted(long_functions, reverse=True),
        "sys.path edits": sum(len(re.findall(r"sys\.path\.(?:insert|append|extend)\(|sys\.path(?:\[[^]]*\])?\s*\+?=[^=]", path.read_text(encoding="utf-8"))) for path in files + tests),
    }


if __name__ == "__main__":
    for key, value in measure(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")).items():
        print(f"{key}: {value}")
