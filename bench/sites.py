"""The bench's sites and sets, for bench/run.py and bench/compare.py: generated dispatches, sites
made fresh for a build, the warm NER store, and the folders set aside for deletion once nothing
is measured."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def dispatch_set(work: Path, size: int, seed: int) -> Path:
    """N generated dispatches, generated once per (size, seed, generator version) and kept."""
    from bench import generate

    folder = work / f"dispatches-{size}-seed{seed}-v{generate.GENERATOR_VERSION}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        generate.generate(folder, size, seed)
        (folder / ".complete").write_text("")
        say(f"generated {size} dispatches in {time.perf_counter() - start:.1f} s")
    return folder


def extra_dispatch(work: Path, seed: int, number: int) -> Path:
    """The ``number``-th dispatch "arriving today", never part of any set nor of the warm NER cache."""
    from bench import generate

    folder = work / f"extra-seed{seed}-v{generate.GENERATOR_VERSION}-{number}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate.generate(folder, 1, seed, start=number, prefix="nouvelle", newest=True)
        (folder / ".complete").write_text("")
    return next(folder.glob("*.txt"))


def set_aside(folder: Path) -> None:
    """Move ``folder`` out of the way (same file system); ``empty_trash`` deletes it once nothing is
    measured. Deleting a site's tens of thousands of files just before a measured build slows that
    build's own file creation by seconds (ext4 without a journal skips the inodes freed in the last
    30 s, one by one): the cost of the bench's cleaning, not of the build."""
    if folder.exists():
        trash = folder.parent / ".bench-trash"
        trash.mkdir(exist_ok=True)
        os.replace(folder, Path(tempfile.mkdtemp(dir=trash)) / folder.name)


def empty_trash(work: Path) -> bool:
    """Delete what ``set_aside`` moved; True if there was something."""
    trashes = list(work.glob("*/.bench-trash"))
    for trash in trashes:
        shutil.rmtree(trash, ignore_errors=True)
    return bool(trashes)


# The caches of what the model's output gives (keyed by text, the model and the code deriving from
# it): the NER spans and the entities resolved from them, the headline parses and the headlines.
MODEL_CACHES = ("ner", "headlines")


def make_site(dispatches: Path, into: Path, tree: Path, model_caches: Path | None = None) -> Path:
    """A fresh site as pipeline.build expects it: content/{dispatches,articles,pages,entities.toml}
    (the pages and editorial file of ``tree``, the code under test), with copies of the
    ``MODEL_CACHES`` found in ``model_caches`` (a warm site's cache folder, or the bench's store)."""
    set_aside(into)
    content = into / "content"
    shutil.copytree(dispatches, content / "dispatches", ignore=shutil.ignore_patterns(".complete"))
    (content / "articles").mkdir()
    take_tree_inputs(into, tree)
    for name in MODEL_CACHES if model_caches is not None else ():
        if (model_caches / name).is_dir():
            shutil.copytree(model_caches / name, into / "cache" / name)
    return into


def add_dispatch(site: Path, dispatch: Path) -> None:
    target = site / "content" / "dispatches" / dispatch.name
    shutil.copy2(dispatch, target)
    attribution = dispatch.parent / "attribution.jsonl"
    with (site / "content" / "dispatches" / "attribution.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(attribution.read_text(encoding="utf-8"))


def take_tree_inputs(site: Path, tree: Path) -> None:
    """Give ``site`` the inputs of the code under test that a site holds (``tree``'s pages and
    editorial file). A site kept from an earlier run takes them again: with an older tree's
    editorial file its caches are keyed for that file, and a measured build given them resolves
    every entity again (10.7 s of a 5 000-article full build, 2026-12-07)."""
    content = site / "content"
    shutil.rmtree(content / "pages", ignore_errors=True)
    if (tree / "content" / "pages").exists():
        shutil.copytree(tree / "content" / "pages", content / "pages")
    (content / "entities.toml").unlink(missing_ok=True)
    if (tree / "content" / "entities.toml").exists():
        shutil.copy2(tree / "content" / "entities.toml", content / "entities.toml")


def merge_cache(source: Path, store: Path) -> int:
    """Copy into the store the NER cache files it lacks or holds in another version (a record of
    older code or editorial file, under the same text's name); returns how many."""
    store.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in source.glob("*.json"):
        target = store / path.name
        if not target.exists() or target.read_bytes() != path.read_bytes():
            shutil.copy2(path, target)
            copied += 1
    return copied


def dispatch_texts(dispatches: Path) -> list[str]:
    """The texts ingest hands to the entity finder (Dispatch.text), in file order."""
    from digest import dispatch as dispatch_module

    return [dispatch_module.read(path).text for path in sorted(dispatches.glob("*.txt"))]


def article_bodies(articles: Path) -> list[str]:
    """The HTML body of each article file (after the front matter), what typography sets."""
    bodies = []
    for path in sorted(articles.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        bodies.append(text.split("\n\n", 1)[1] if "\n\n" in text else text)
    return bodies


def editorial_file(work: Path, tree: Path) -> Path:
    """The editorial file of ``tree``, or an empty one."""
    path = tree / "content" / "entities.toml"
    if path.exists():
        return path
    empty = work / "empty-entities.toml"
    empty.write_text("")
    return empty
