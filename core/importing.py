"""Import W3C annotations, or a REFI-QDA project (`.qdpx`), from other tools or other copies of a corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .annotations import Annotation, from_w3c
from .article import load_article
from .corpus import article_files
from .refi_qda import is_zip, read_qdpx
from .safe_read import MAX_IMPORT_BYTES, check_regular, read_json_bytes
from .store import AnnotationStore
from .textio import UnreadableArticle


@dataclass
class ImportReport:
    imported: int = 0
    merged: int = 0
    orphaned: int = 0
    unmatched: int = 0
    warnings: list[str] = field(default_factory=list)  # e.g. a damaged sidecar kept aside

    def line(self) -> str:
        return (f"imported {self.imported}, merged {self.merged}, "
                f"orphaned {self.orphaned}, unmatched {self.unmatched}")


def records_of(data: Any) -> Iterator[Any]:
    """Annotations in a document: one annotation, a list, an AnnotationPage or a Collection."""
    if isinstance(data, list):
        yield from data
        return
    if not isinstance(data, dict):
        raise ValueError("the file holds neither an annotation nor a collection of them")
    if isinstance(data.get("first"), dict):
        yield from records_of(data["first"])
        yield from data.get("items") or []
    elif isinstance(data.get("items"), list):
        yield from data["items"]
    else:
        yield data


def import_file(path: Path, corpus: Path) -> ImportReport:
    """Anchor and write every annotation of `path` into the corpus's sidecars.

    A ZIP file is read as a REFI-QDA project (`import_qdpx`), anything else as W3C JSON.
    """
    check_regular(path, MAX_IMPORT_BYTES)  # a pipe or device is refused (UnsafeFile), never opened
    if is_zip(path):
        return import_qdpx(path, corpus)
    data = json.loads(read_json_bytes(path, MAX_IMPORT_BYTES).decode("utf-8-sig"))
    report = ImportReport()
    ids = {p.stem for p in article_files(corpus)}
    by_article: dict[str, list[Annotation]] = {}
    for record in records_of(data):
        try:
            ann = from_w3c(record)
        except ValueError:
            report.unmatched += 1
            continue
        if ann.article not in ids:
            report.unmatched += 1
            continue
        by_article.setdefault(ann.article, []).append(ann)
    return _store_all(corpus, by_article, report)


def import_qdpx(path: Path, corpus: Path) -> ImportReport:
    """Selections of a REFI-QDA project onto the corpus's articles (matched by Hashiye GUID or source name).

    Raises ValueError for a file that is not a readable project.
    """
    report = ImportReport()
    ids = {p.stem for p in article_files(corpus)}
    by_article: dict[str, list[Annotation]] = {}
    for source in read_qdpx(path):
        article_id = source.article_id(ids)
        if article_id is None:
            report.unmatched += len(source.annotations)
            continue
        by_article.setdefault(article_id, []).extend(replace(a, article=article_id) for a in source.annotations)
    return _store_all(corpus, by_article, report)


def _store_all(corpus: Path, by_article: dict[str, list[Annotation]], report: ImportReport) -> ImportReport:
    """Merge each article's incoming annotations into its sidecar and count what happened."""
    store = AnnotationStore(corpus)
    for article_id, incoming in by_article.items():
        try:
            article = load_article(corpus / f"{article_id}.txt")
        except UnreadableArticle:
            report.unmatched += len(incoming)
            continue
        added, merged, result = store.merge_newer(article, incoming)
        report.imported += added
        report.merged += merged
        wanted = {a.id for a in incoming}
        report.orphaned += sum(1 for a in result.anchored if a.status == "orphan" and a.annotation.id in wanted)
        report.warnings.extend(result.warnings)
    return report

