"""Ingest: every dispatch in content/dispatches/ becomes an article in content/articles/.

Idempotent: an article is rewritten only when what ingest would write differs from the file, and
never when an editor has changed it (its checksum no longer matches). A dispatch that cannot be
read is reported with its reason and left where it is; the others are still ingested.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest.atomic_files import write_atomically
from digest import article_file as article_file_module
from digest import dispatch as dispatch_module
from digest import uptodate
from digest.article_file import ArticleFile, is_pristine, read_article, read_metadata
from digest.dispatch_folder import ATTRIBUTION_FILE, Attribution, dispatch_problem, load_attributions, shown, source_field
from digest.file_memo import FileMemo
from digest.headline import Headline, cut_headlines
from digest.kicker import derive_kicker, split_supplied
from digest.slugs import make_slug
from digest.teaser import teaser

# The digest of the rules (code and editorial file) the articles were derived with, kept beside
# them and committed with them: when the rules change, every article no editor has touched is
# derived again, and written only where the result differs. No code digest goes into articles.
RULES_FILE = ".ingest-rules"
STAMP_FILE = "ingest-stamp.json"
MEMO_FILE = "ingest-files.json"  # what was read of each dispatch and article (digest/file_memo.py)

FindEntities = Callable[[Sequence[str]], list[dict[str, str]]]
DeriveHeadlines = Callable[[Sequence[str]], list[Headline]]


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    cut_headlines: list[Path] = field(default_factory=list)  # headlines cut from the lede: no rewriting was good enough

    @property
    def ok(self) -> bool:
        return not self.rejected

    def lines(self) -> list[str]:
        lines = [f"{shown(path)}: {reason}" for path, reason in self.warnings]
        lines += [f"{shown(path)}: REJETÉE — {reason}" for path, reason in self.rejected]
        lines += [f"{shown(path)}: titre coupé dans l'attaque (aucune reformulation satisfaisante)" for path in self.cut_headlines]
        lines.append(
            f"ingestion : {len(self.written)} article(s) écrit(s), {self.unchanged} inchangé(s), "
            f"{len(self.rejected)} dépêche(s) rejetée(s)"
        )
        return lines


def _front_matter_date(moment: dt.datetime, has_time: bool) -> str:
    return moment.isoformat(sep=" ") if has_time else moment.date().isoformat()


@dataclass
class _Existing:
    path: Path
    metadata: dict[str, str]  # the front-matter fields ingest compares: slug, source, source_sha256
    pristine: bool  # exactly as ingest wrote it: no editor has touched it


_COMPARED_FIELDS = ("slug", "source", "source_sha256")


def _facts_of_article(metadata: dict[str, str], pristine: bool) -> dict:
    return {"metadata": {key: metadata[key] for key in _COMPARED_FIELDS if key in metadata}, "pristine": pristine}


def _article_facts(path: Path) -> dict:
    try:
        text, metadata = read_article(path)
    except (OSError, UnicodeError):  # Pelican, which reads it too, names it and fails the build
        return _facts_of_article({}, pristine=False)
    return _facts_of_article(metadata, is_pristine(text))


def _index_articles(article_dir: Path, memo: FileMemo) -> tuple[dict[str, _Existing], set[str]]:
    by_source: dict[str, _Existing] = {}
    slugs: set[str] = set()
    for path in sorted(article_dir.rglob("*.md")):
        if not path.is_file():  # a FIFO would block the build; Pelican is told to skip it too
            continue
        facts = memo.get(path, _article_facts)
        metadata = facts["metadata"]
        slugs.add(metadata.get("slug", ""))
        if source := metadata.get("source"):
            by_source[source] = _Existing(path, metadata, facts["pristine"])
    return by_source, slugs


def _facts_of_dispatch(parsed: dispatch_module.Dispatch) -> dict:
    """What ingest needs of a dispatch to know whether its article is current."""
    return {
        "day": parsed.date.date().isoformat(),
        "sha256": parsed.sha256,
        "text_sha256": hashlib.sha256(parsed.text.encode()).hexdigest(),
    }


def _memo_version() -> str:
    """The memo holds what this module keeps of what dispatch.py and article_file.py read: the
    three modules' code is its version."""
    modules = (__file__, dispatch_module.__file__, article_file_module.__file__)
    return hashlib.sha256(b"".join(Path(module).read_bytes() for module in modules)).hexdigest()


def _load_stamp(path: Path) -> dict | None:
    """The record of the last run, or None; a damaged one is discarded with a warning (the run
    then does all its checks)."""
    try:
        record = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        record = None
    try:
        if isinstance(record["stamp"], str) and isinstance(record["unchanged"], int) and all(
            isinstance(where, str) and isinstance(reason, str) for key in ("rejected", "warnings") for where, reason in record[key]
        ):
            return record
    except (ValueError, TypeError, KeyError):
        pass
    print(f"{path}: cache endommagé, ignoré (il est refait)", file=sys.stderr)
    return None


def _stamp(inputs: dict[str, tuple[int, int]], rules: bytes) -> str:
    """Everything ingest's output depends on (``inputs``: the listing of the dispatches and the
    articles): when it is unchanged, ingest has no work to do."""
    return uptodate.digest(inputs, {"rules": hashlib.sha256(rules).hexdigest()})


@dataclass
class Listed:
    """What ingest lists before it reads anything: the size and time of every dispatch and article
    (``files``), and the last run's report when neither they nor the rules changed since it
    (``unchanged``: ingest has nothing to do). The build asks first, in its own process, and forks
    no ingest child when there is nothing to do (digest/pipeline.py)."""

    folders: dict[str, dict[str, tuple[int, int]]]  # each folder's listing, by its path (``uptodate.listing``'s ``known``)
    files: dict[str, tuple[int, int]]  # both
    dispatches: int  # files in the dispatch folder
    rules: bytes
    unchanged: Report | None


def list_inputs(dispatch_dir: Path, article_dir: Path, rules: bytes, cache_dir: Path | None) -> Listed:
    article_dir.mkdir(parents=True, exist_ok=True)
    dispatches, articles = uptodate.listing([dispatch_dir]), uptodate.listing([article_dir])
    folders = {str(Path(dispatch_dir).resolve()): dispatches, str(Path(article_dir).resolve()): articles}
    stamp_path = cache_dir / STAMP_FILE if cache_dir else None
    previous = _load_stamp(stamp_path) if stamp_path else None
    # Nothing changed since the last run: replay what it reported, so that warnings stay visible.
    # Never a rejection: a file made readable (chmod) keeps its size and time, and is read again.
    files = {**dispatches, **articles}
    unchanged = previous and previous["stamp"] == _stamp(files, rules) and not previous["rejected"]
    return Listed(folders, files, len(dispatches), rules, _replayed(previous) if unchanged else None)


def ingest(
    dispatch_dir: Path,
    article_dir: Path,
    find_entities: FindEntities,
    *,
    rules: bytes = b"",
    derive_headlines: DeriveHeadlines = cut_headlines,
    cache_dir: Path | None = None,
    today: dt.date | None = None,
    listed: Listed | None = None,
) -> Report:
    """Steps: replay the last run when nothing changed (``listed``: ``list_inputs``' answer, when
    the caller asked already); list the readable dispatches; keep those whose article is missing or
    stale; find their entities and headlines and write the articles; record the rules and the stamp."""
    # Listed once, before anything is read: at the end, only the articles written are listed again.
    listed = listed or list_inputs(dispatch_dir, article_dir, rules, cache_dir)
    if listed.unchanged is not None:
        return listed.unchanged
    inputs, stamp_path = listed.files, cache_dir / STAMP_FILE if cache_dir else None

    report = Report()
    attributions = load_attributions(dispatch_dir, report)
    memo = FileMemo(cache_dir / MEMO_FILE if cache_dir else None, _memo_version())
    existing, taken_slugs = _index_articles(article_dir, memo)
    read_now: dict[Path, dispatch_module.Dispatch] = {}  # the dispatches the memo did not know, parsed once
    dispatches = _readable_dispatches(dispatch_dir, memo, read_now, report, today or dt.date.today())

    rules_file = article_dir / RULES_FILE
    rules_digest = hashlib.sha256(rules).hexdigest()
    same_rules = rules_file.exists() and rules_file.read_text(encoding="utf-8").split() == ["sha256", rules_digest]
    to_write = _stale_dispatches(dispatches, dispatch_dir, existing, same_rules, memo, read_now, report)
    entities = find_entities([parsed.text for _, parsed, _ in to_write]) if to_write else []
    unsupplied = [parsed.lede for path, parsed, _ in to_write if not attributions.get(path.name, Attribution()).headline]
    derived = iter(derive_headlines(unsupplied) if unsupplied else [])
    for (path, parsed, article), entity_fields in zip(to_write, entities, strict=True):
        credit = attributions.get(path.name, Attribution())
        metadata = _article_metadata(path, parsed, article, credit, entity_fields, derived, dispatch_dir, taken_slugs, report)
        text = ArticleFile(metadata, parsed.paragraphs).render()
        target = article.path if article else article_dir / f"{parsed.date:%Y}" / f"{parsed.date:%m}" / f"{metadata['Slug']}.md"
        if article and article.path.read_text(encoding="utf-8") == text:
            report.unchanged += 1
            continue
        write_atomically(target, text)
        memo.record(target, _facts_of_article(read_metadata(text), pristine=True))  # as ingest just wrote it
        report.written.append(target)

    memo.save()
    if not same_rules:
        write_atomically(rules_file, f"sha256 {rules_digest}\n")
    if stamp_path:
        uptodate.restat(inputs, article_dir, [*report.written, rules_file])  # else the next run would do all its checks again
        _save_stamp(stamp_path, _stamp(inputs, rules), report)
    return report


def _replayed(previous: dict) -> Report:
    """The report of the last run, recorded in its stamp."""
    return Report(
        unchanged=previous["unchanged"],
        warnings=[(Path(path), reason) for path, reason in previous["warnings"]],
        cut_headlines=[Path(path) for path in previous.get("cut_headlines", [])],
    )


def _save_stamp(stamp_path: Path, stamp: str, report: Report) -> None:
    record = {
        "stamp": stamp,
        "unchanged": report.unchanged + len(report.written),
        "rejected": [(str(path), reason) for path, reason in report.rejected],
        "warnings": [(str(path), reason) for path, reason in report.warnings],
        "cut_headlines": [str(path) for path in report.cut_headlines],
    }
    write_atomically(stamp_path, json.dumps(record))  # escaped: a path may hold any byte


def _reject(report: Report, memo: FileMemo, path: Path, reason: str) -> None:
    report.rejected.append((path, reason))
    memo.forget(path)  # an error is never remembered: the file is read again next time


def _readable_dispatches(
    dispatch_dir: Path, memo: FileMemo, read_now: dict[Path, dispatch_module.Dispatch], report: Report, today: dt.date
) -> list[tuple[Path, dict]]:
    """(path, facts) of every dispatch that reads, in name order, one per text; the others are
    rejected or warned about. A dispatch the memo does not know is parsed into ``read_now``."""

    def read_dispatch(path: Path) -> dict:
        try:
            read_now[path] = dispatch_module.read(path)
        except dispatch_module.DispatchError as error:
            return {"error": str(error)}
        return _facts_of_dispatch(read_now[path])

    dispatches: list[tuple[Path, dict]] = []
    seen_text: dict[str, Path] = {}
    for path in sorted(dispatch_dir.iterdir()):
        if path.name.startswith(".") or path.name == ATTRIBUTION_FILE:
            continue
        if problem := dispatch_problem(path, dispatch_dir):
            _reject(report, memo, path, problem)
            continue
        facts = memo.get(path, read_dispatch)
        if "error" in facts:
            _reject(report, memo, path, facts["error"])
            continue
        if dt.date.fromisoformat(facts["day"]) > today:
            report.warnings.append((path, f"date future ({facts['day']})"))
        if facts["text_sha256"] in seen_text:
            report.warnings.append((path, f"doublon de {seen_text[facts['text_sha256']].name} : un seul article"))
            continue
        seen_text[facts["text_sha256"]] = path
        dispatches.append((path, facts))
    return dispatches


def _stale_dispatches(
    dispatches: list[tuple[Path, dict]],
    dispatch_dir: Path,
    existing: dict[str, _Existing],
    same_rules: bool,
    memo: FileMemo,
    read_now: dict[Path, dispatch_module.Dispatch],
    report: Report,
) -> list[tuple[Path, dispatch_module.Dispatch, _Existing | None]]:
    """The dispatches whose article is missing, or was derived from another version of the
    dispatch or other rules, with their text and article; an article an editor changed is kept."""
    to_write = []
    for path, facts in dispatches:
        article = existing.get(source_field(dispatch_dir, path))
        if article and not article.pristine:
            if article.metadata.get("source_sha256") != facts["sha256"]:
                report.warnings.append(
                    (path, f"dépêche modifiée mais {article.path} a été modifié par la rédaction : les deux sont laissés tels quels")
                )
            else:
                report.unchanged += 1
            continue
        if article and article.metadata.get("source_sha256") == facts["sha256"] and same_rules:
            # Same dispatch, same rules: what ingest would write is already there.
            report.unchanged += 1
            continue
        if path not in read_now:  # the memo knew it: its text is read now
            try:
                read_now[path] = dispatch_module.read(path)
            except dispatch_module.DispatchError as error:  # changed since the memo's facts
                _reject(report, memo, path, str(error))
                continue
        to_write.append((path, read_now[path], article))
    return to_write


def _article_metadata(
    path: Path,
    parsed: dispatch_module.Dispatch,
    article: _Existing | None,
    credit: Attribution,
    entity_fields: dict[str, str],
    derived: Iterator[Headline],
    dispatch_dir: Path,
    taken_slugs: set[str],
    report: Report,
) -> dict[str, str]:
    """The front matter of a dispatch's article: the supplied headline or the next derived one,
    the article's slug (kept, or a new one taken), the teaser, the source and the entities."""
    if credit.headline:
        kicker, title = split_supplied(credit.headline)
    else:
        headline = next(derived)
        title = headline.text
        kicker = derive_kicker(parsed.text, *_places_and_organisations(entity_fields), death=headline.death, headline=title)
        if not headline.rewritten:
            report.cut_headlines.append(path)
    if article:
        slug = article.metadata["slug"]
    else:
        slug = make_slug(title, taken_slugs, fallback=path.stem)
        taken_slugs.add(slug)
    return {
        "Title": title,
        "Kicker": kicker,
        "Date": _front_matter_date(parsed.date, parsed.has_time),
        "Slug": slug,
        "Summary": teaser(parsed.paragraphs, title, from_first_sentence=not credit.headline),
        "Lang": "fr",
        "Source": source_field(dispatch_dir, path),
        "Source_sha256": parsed.sha256,
        "Credit": credit.credit,
        "Credit_url": credit.url,
        "License": credit.license,
        **{key.capitalize(): value for key, value in entity_fields.items()},
    }


def _places_and_organisations(entity_fields: dict[str, str]) -> tuple[list[tuple[str, tuple[str, ...]]], ...]:
    """(name, forms) of the places, and of the organisations, of a dispatch's entity fields."""
    from digest.entities.model import from_front_matter

    found = from_front_matter(entity_fields)
    return tuple([(e.name, e.forms) for e in found if e.kind == kind] for kind in ("lieu", "organisation"))
