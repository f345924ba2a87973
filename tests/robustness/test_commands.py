"""The commands a newsroom runs fail in one line naming the file, with exit status 1; the traceback
only with --debug."""

from __future__ import annotations

from tests.robustness.conftest import SEED
from tests.robustness.test_build import invoke, make_project


def test_a_toml_syntax_error_is_one_line_with_its_file_and_line(tmp_path, model_caches):
    project = make_project(tmp_path, {"a.txt": SEED.read_bytes()}, model_caches)
    editorial = project / "content" / "entities.toml"
    editorial.write_text(editorial.read_text(encoding="utf-8") + "\n[[entite]\nnom = \"x\"\n", encoding="utf-8")
    line = len(editorial.read_text(encoding="utf-8").splitlines()) - 1
    result = invoke(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr  # 66 lines of it before, the file:line at their end
    [failure] = [text for text in result.stderr.splitlines() if "entities.toml" in text]
    assert f"{editorial}:{line}: " in failure
    debug = invoke(project, "build", "--debug")
    assert debug.returncode == 1 and "Traceback" in debug.stderr
