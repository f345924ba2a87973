"""Ingest: every dispatch in content/dispatches/ becomes an article in content/articles/.

Idempotent: an article is rewritten only when what ingest would write differs from the file, and
never when an editor has changed it (its checksum no longer matches). A dispatch that cannot be
read is reported with its reason and left where it is; the others are still ingested.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from atomic_files import write_atomically
from digest import dispatch as dispatch_module
from digest import uptodate
from digest.article_file import ArticleFile, is_pristine, read_article
from digest.headline import derive_headline
from digest.slugs import make_slug

# Bump when what ingest writes for the same dispatch changes (format, headline rules): every
# article no editor has touched is then written again.
INGEST_VERSION = "1"
ATTRIBUTION_FILE = "attribution.jsonl"
STAMP_FILE = "ingest-stamp.json"

FindEntities = Callable[[Sequence[str]], list[dict[str, str]]]


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def lines(self) -> list[str]:
        lines = [f"{path}: {reason}" for path, reason in self.warnings]
        lines += [f"{path}: REJETÉE — {reason}" for path, reason in self.rejected]
        lines.append(
            f"ingestion : {len(self.written)} article(s) écrit(s), {self.unchanged} inchangé(s), "
            f"{len(self.rejected)} dépêche(s) rejetée(s)"
        )
        return lines


@dataclass(frozen=True)
class Attribution:
    credit: str = ""
    url: str = ""
    license: str = ""


def load_attributions(dispatch_dir: Path) -> dict[str, Attribution]:
    path = dispatch_dir / ATTRIBUTION_FILE
    if not path.exists():
        return {}
    attributions = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            attributions[entry["file"]] = Attribution(entry.get("credit", ""), entry.get("url", ""), entry.get("license", ""))
    return attributions


def _front_matter_date(moment: dt.datetime, has_time: bool) -> str:
    return moment.isoformat(sep=" ") if has_time else moment.date().isoformat()


@dataclass
class _Existing:
    path: Path
    text: str
    metadata: dict[str, str]


def _index_articles(article_dir: Path) -> tuple[dict[str, _Existing], set[str]]:
    by_source: dict[str, _Existing] = {}
    slugs: set[str] = set()
    for path in sorted(article_dir.rglob("*.md")):
        text, metadata = read_article(path)
        slugs.add(metadata.get("slug", ""))
        if source := metadata.get("source"):
            by_source[source] = _Existing(path, text, metadata)
    return by_source, slugs


def _stamp(dispatch_dir: Path, article_dir: Path, rules: bytes) -> str:
    """Everything ingest's output depends on: when it is unchanged, ingest has no work to do."""
    return uptodate.fingerprint([dispatch_dir, article_dir], {"ingest": INGEST_VERSION, "rules": hashlib.sha256(rules).hexdigest()})


def ingest(
    dispatch_dir: Path,
    article_dir: Path,
    find_entities: FindEntities,
    *,
    rules: bytes = b"",
    cache_dir: Path | None = None,
    today: dt.date | None = None,
) -> Report:
    report = Report()
    article_dir.mkdir(parents=True, exist_ok=True)
    stamp_path = cache_dir / STAMP_FILE if cache_dir else None
    stamp = _stamp(dispatch_dir, article_dir, rules)
    if stamp_path and stamp_path.exists():
        previous = json.loads(stamp_path.read_text(encoding="utf-8"))
        if previous.get("stamp") == stamp:
            # Nothing changed since the last run: replay what it reported, so that problems stay visible.
            report.unchanged = previous["unchanged"]
            report.rejected = [(Path(path), reason) for path, reason in previous["rejected"]]
            report.warnings = [(Path(path), reason) for path, reason in previous["warnings"]]
            return report

    attributions = load_attributions(dispatch_dir)
    existing, taken_slugs = _index_articles(article_dir)
    today = today or dt.date.today()

    dispatches: list[tuple[Path, dispatch_module.Dispatch]] = []
    seen_text: dict[str, Path] = {}
    for path in sorted(dispatch_dir.iterdir()):
        if path.name.startswith(".") or path.name == ATTRIBUTION_FILE:
            continue
        if path.suffix != ".txt" or not path.is_file():
            report.warnings.append((path, "ignoré : une dépêche est un fichier .txt"))
            continue
        try:
            parsed = dispatch_module.read(path)
        except dispatch_module.DispatchError as error:
            report.rejected.append((path, str(error)))
            continue
        report.warnings.extend((path, warning) for warning in parsed.warnings)
        if parsed.date.date() > today:
            report.warnings.append((path, f"date future ({parsed.date.date().isoformat()})"))
        text_key = hashlib.sha256(parsed.text.encode()).hexdigest()
        if text_key in seen_text:
            report.warnings.append((path, f"doublon de {seen_text[text_key].name} : un seul article"))
            continue
        seen_text[text_key] = path
        dispatches.append((path, parsed))

    version = f"{INGEST_VERSION}-{hashlib.sha256(rules).hexdigest()[:8]}"
    to_write: list[tuple[Path, dispatch_module.Dispatch, _Existing | None]] = []
    for path, parsed in dispatches:
        source = f"{dispatch_dir.name}/{path.name}"
        article = existing.get(source)
        if article and not is_pristine(article.text):
            if article.metadata.get("source_sha256") != parsed.sha256:
                report.warnings.append(
                    (path, f"dépêche modifiée mais {article.path} a été modifié par la rédaction : les deux sont laissés tels quels")
                )
            else:
                report.unchanged += 1
            continue
        if article and article.metadata.get("source_sha256") == parsed.sha256 and article.metadata.get("ingest") == version:
            # Same dispatch, same rules: what ingest would write is already there.
            report.unchanged += 1
            continue
        to_write.append((path, parsed, article))

    entities = find_entities([parsed.text for _, parsed, _ in to_write]) if to_write else []
    for (path, parsed, article), entity_fields in zip(to_write, entities, strict=True):
        title = derive_headline(parsed.lede)
        if article:
            slug = article.metadata["slug"]
        else:
            slug = make_slug(title, taken_slugs, fallback=path.stem)
            taken_slugs.add(slug)
        credit = attributions.get(path.name, Attribution())
        metadata = {
            "Title": title,
            "Date": _front_matter_date(parsed.date, parsed.has_time),
            "Slug": slug,
            "Summary": parsed.lede,
            "Lang": "fr",
            "Source": f"{dispatch_dir.name}/{path.name}",
            "Source_sha256": parsed.sha256,
            "Credit": credit.credit,
            "Credit_url": credit.url,
            "License": credit.license,
            **{key.capitalize(): value for key, value in entity_fields.items()},
            "Ingest": version,
        }
        text = ArticleFile(metadata, parsed.paragraphs).render()
        target = article.path if article else article_dir / f"{parsed.date:%Y}" / f"{parsed.date:%m}" / f"{slug}.md"
        if article and article.text == text:
            report.unchanged += 1
            continue
        write_atomically(target, text)
        report.written.append(target)

    if stamp_path:
        record = {
            "stamp": _stamp(dispatch_dir, article_dir, rules),
            "unchanged": report.unchanged + len(report.written),
            "rejected": [(str(path), reason) for path, reason in report.rejected],
            "warnings": [(str(path), reason) for path, reason in report.warnings],
        }
        write_atomically(stamp_path, json.dumps(record, ensure_ascii=False))
    return report
