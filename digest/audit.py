"""``invoke audit``: Lighthouse on the built site, in Debian's Chromium, against the reader's
targets: performance >= 95 on mobile and desktop, cumulative layout shift <= 0.05, on the search
page with a query, the home page and an article.

Lighthouse comes from npm, at the pinned version, installed once into the cache folder (npm is its
ordinary client); output/ is served on 127.0.0.1 on a free port; the JSON reports are kept in
test-artifacts/lighthouse/ for people to read.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
MIN_PERFORMANCE = 95
MAX_LAYOUT_SHIFT = 0.05
PRESETS = ("mobile", "desktop")


class AuditError(Exception):
    """A tool is missing or Lighthouse could not run (one line, said to the user)."""


@dataclass
class Score:
    path: str
    preset: str
    performance: int
    layout_shift: float

    @property
    def ok(self) -> bool:
        return self.performance >= MIN_PERFORMANCE and self.layout_shift <= MAX_LAYOUT_SHIFT

    def __str__(self) -> str:
        verdict = "ok" if self.ok else "ÉCHEC"
        return f"{verdict:5} {self.preset:7} performance {self.performance:3}  CLS {self.layout_shift:.3f}  {self.path}"


def lighthouse_binary(cache: Path) -> Path:
    """Lighthouse's command, installed into ``cache`` the first time."""
    prefix = cache / "lighthouse"
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            raise AuditError("npm est introuvable : installez nodejs et npm pour lancer Lighthouse")
        done = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", LIGHTHOUSE],
                              capture_output=True, text=True)
        if done.returncode or not binary.exists():
            raise AuditError(f"l’installation de {LIGHTHOUSE} a échoué : {done.stderr.strip().splitlines()[-1:]}")
    return binary


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Runs of each page and preset; the median is kept.
RUNS = 3
# Chromium as the tests start it: no request leaves the machine (no updates, sync or QUIC probes).
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic"


def _run(binary: Path, url: str, preset: str, report: Path) -> tuple[int, float]:
    """One Lighthouse run: (performance score, cumulative layout shift)."""
    command = [str(binary), url, "--quiet", "--only-categories=performance", "--output=json",
               f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if done.returncode or not report.exists():
        raise AuditError(f"Lighthouse a échoué sur {url} ({preset}) : {done.stderr.strip()[-300:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return round(data["categories"]["performance"]["score"] * 100), data["audits"]["cumulative-layout-shift"]["numericValue"]


def audit(site: Path, paths: list[str], cache: Path, reports: Path) -> list[Score]:
    """Each of ``paths`` of the built ``site`` through Lighthouse, mobile and desktop."""
    if not Path(CHROMIUM).exists():
        raise AuditError(f"Chromium est introuvable ({CHROMIUM}) : apt-get install chromium")
    if not (site / "index.html").exists():
        raise AuditError(f"aucun site construit dans {site} : lancez d’abord invoke build")
    binary = lighthouse_binary(cache)
    reports.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    scores = []
    try:
        for path in paths:
            for preset in PRESETS:
                name = "".join(c if c.isalnum() else "-" for c in path).strip("-") or "accueil"
                runs = [_run(binary, base + path, preset, reports / f"{name}-{preset}-{run}.json") for run in range(1, RUNS + 1)]
                # The median run, as Lighthouse's own docs advise: one run's score varies by a few points.
                performance, shift = sorted(runs)[len(runs) // 2]
                scores.append(Score(path, preset, performance, shift))
    finally:
        server.shutdown()
    return scores
