"""Import W3C annotations (Hashiye, Hypothesis, Recogito…), or a REFI-QDA project (`.qdpx`), into a corpus.

Everything is read, converted and checked before the first sidecar is written: a file that
cannot be read changes nothing. Each record or selection that is not imported is listed with
its reason (`ImportReport.skipped`), each change made on the way in too (`converted`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..annotations.model import Annotation, article_of_source, from_w3c, now_iso, quote_at
from ..corpus.article import load_article
from ..corpus.corpus import article_files
from .qdpx_archive import is_zip
from .refi_qda import ORPHAN_NOTE, LineEnds, source_description
from .refi_qda_read import read_qdpx
from ..files.safe_read import MAX_IMPORT_BYTES, check_regular, read_json_bytes
from ..annotations.store import AnnotationStore
from ..text.textio import UnreadableArticle, read_text
from .w3c_import import label, normalise, records_of


class UnknownArticle(LookupError):
    """`--article` names no article of the corpus (the file was not read)."""


@dataclass
class ImportReport:
    imported: int = 0
    merged: int = 0
    orphaned: int = 0
    unmatched: int = 0  # records or selections not imported (each listed in `skipped`)
    warnings: list[str] = field(default_factory=list)  # e.g. a damaged sidecar kept aside
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (record, reason)
    converted: list[tuple[str, str]] = field(default_factory=list)  # (record, what was changed)

    def line(self) -> str:
        return (f"imported {self.imported}, merged {self.merged}, "
                f"orphaned {self.orphaned}, unmatched {self.unmatched}")

    def skip(self, what: str, reason: str) -> None:
        self.unmatched += 1
        self.skipped.append((what, reason))

    def to_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "merged": self.merged, "orphaned": self.orphaned,
                "unmatched": self.unmatched, "warnings": self.warnings,
                "skipped": [{"record": w, "reason": r} for w, r in self.skipped],
                "converted": [{"record": w, "change": c} for w, c in self.converted]}


def import_file(path: Path, corpus: Path, article: str | None = None) -> ImportReport:
    """Anchor and write every annotation of `path` into the corpus's sidecars.

    A ZIP file is read as a REFI-QDA project (`import_qdpx`), anything else as W3C JSON.
    `article` names the article for records whose target is not one of the corpus's (a web page).
    Raises ValueError (with the reason) for a file that cannot be read; nothing is written then.
    """
    if article is not None and not (corpus / f"{article}.txt").is_file():
        raise UnknownArticle(f"no article with id {article!r} in {corpus}")
    check_regular(path, MAX_IMPORT_BYTES)  # a pipe or device is refused (UnsafeFile), never opened
    if is_zip(path):
        return import_qdpx(path, corpus)
    try:
        data = json.loads(read_json_bytes(path, MAX_IMPORT_BYTES).decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})") from exc
    report = ImportReport()
    ids = {p.stem for p in article_files(corpus)}
    finder = _QuoteFinder(corpus, ids)
    by_article: dict[str, list[Annotation]] = {}
    labels: dict[str, str] = {}  # annotation id → "record N (id …)", for messages
    for i, record in enumerate(records_of(data)):
        name = label(record, i)
        try:
            rec, changes = normalise(record)
        except ValueError as exc:
            report.skip(name, str(exc))
            continue
        except RecursionError:
            report.skip(name, "it is nested too deeply")
            continue
        report.converted += [(name, c) for c in changes]
        target = rec["target"]
        source = target.get("source")
        art = article_of_source(source) if isinstance(source, str) else None
        if art not in ids:
            if article is not None:
                art = article
            else:
                art, why = finder.find(target)
                if art is None:
                    report.skip(name, f"its target {source!r} is not an article of this corpus and {why}; "
                                      f"name the article with --article ID")
                    continue
                report.converted.append((name, f"target {source!r} matched to article {art} by its quote"))
        try:
            ann = from_w3c(rec, art)
        except ValueError as exc:
            report.skip(name, str(exc))
            continue
        by_article.setdefault(art, []).append(replace(ann, article=art))
        labels[ann.id] = name
    return _store_all(corpus, by_article, report, labels)


class _QuoteFinder:
    """Find the one article whose text holds a target's quote (white space compared loosely)."""

    def __init__(self, corpus: Path, ids: set[str]) -> None:
        self.corpus, self.ids = corpus, ids
        self._texts: dict[str, str] | None = None

    def texts(self) -> dict[str, str]:
        if self._texts is None:
            self._texts = {}
            for i in sorted(self.ids):
                try:
                    self._texts[i] = _squash(read_text(self.corpus / f"{i}.txt").text)
                except UnreadableArticle:
                    continue
        return self._texts

    def find(self, target: dict[str, Any]) -> tuple[str | None, str]:
        quote = next((s for s in target.get("selector", []) if isinstance(s, dict)
                      and s.get("type") == "TextQuoteSelector"), None)
        if quote is None or not str(quote.get("exact", "")).strip():
            return None, "it has no quote to find it by"
        exact = _squash(quote["exact"])
        hits = [i for i, t in self.texts().items() if exact in t]
        if len(hits) > 1:
            ctx = _squash(f"{quote.get('prefix', '')}{quote['exact']}{quote.get('suffix', '')}")
            hits = [i for i in hits if ctx in self.texts()[i]] or hits
        if len(hits) == 1:
            return hits[0], ""
        return None, ("its quote is in no article" if not hits else f"its quote is in {len(hits)} articles")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def import_qdpx(path: Path, corpus: Path) -> ImportReport:
    """Selections of a REFI-QDA project onto the corpus's articles.

    Sources are matched by Hashiye's GUID, by name, or by having the article's text. Positions
    are mapped when the project's text differs from the article's only in line ends or a BOM.
    Raises QdpxError (a ValueError) for a file that is not a readable project.
    """
    project = read_qdpx(path)
    report = ImportReport()
    for s in project.skipped:
        report.skip(s.what, s.reason)
    ids = {p.stem for p in article_files(corpus)}
    by_article: dict[str, list[Annotation]] = {}
    labels: dict[str, str] = {}
    texts: dict[str, str] | None = None
    for source in project.sources:
        if not source.annotations and not source.whole_notes:
            continue
        article_id = source.article_id(ids)
        if article_id is None and source.text is not None:
            if texts is None:
                texts = {}
                for i in ids:
                    try:
                        texts[i] = read_text(corpus / f"{i}.txt").text
                    except UnreadableArticle:
                        continue
            article_id = next((i for i, t in sorted(texts.items()) if _same(t, source.text)), None)
        if article_id is None:
            for a in source.annotations:
                report.skip(source.labels.get(a.id, a.id), f"source «{source.name}» is not an article of this corpus "
                                                           f"(matched by Hashiye's GUID, by name or by its text)")
            continue
        try:
            art = load_article(corpus / f"{article_id}.txt")
        except UnreadableArticle as exc:
            for a in source.annotations:
                report.skip(source.labels.get(a.id, a.id), f"article {article_id} cannot be read: {exc.reason}")
            continue
        whole = []
        for note in source.whole_notes:
            # Hashiye's own description of an article, and its orphans (reported by the reader), are not notes to add.
            paragraphs = [p for p in note.split("\n\n") if p.strip() != source_description(art)
                          and not p.startswith(ORPHAN_NOTE)]
            if "\n\n".join(paragraphs).strip():
                whole.append("\n\n".join(paragraphs).strip())
        for a in source.with_whole_notes(whole):
            labels[a.id] = source.labels.get(a.id, a.id)
            by_article.setdefault(article_id, []).append(_onto(a, source.text or "", art.source_text, article_id))
    return _store_all(corpus, by_article, report, labels)


def _same(a: str, b: str) -> bool:
    return LineEnds(a.lstrip("\ufeff")).text.rstrip() == LineEnds(b.lstrip("\ufeff")).text.rstrip()


def _onto(ann: Annotation, project_text: str, article_text: str, article_id: str) -> Annotation:
    """The annotation with positions and quote in the article's text (mapped through line ends)."""
    if project_text == article_text:
        return replace(ann, article=article_id)
    if _same(project_text, article_text):
        lead = 1 if project_text.startswith("\ufeff") and not article_text.startswith("\ufeff") else 0
        p, a = LineEnds(project_text), LineEnds(article_text)
        start = a.to_original(max(0, p.to_lf(ann.start) - lead))
        end = a.to_original(max(0, p.to_lf(ann.end) - lead))
        if 0 <= start < end <= len(article_text):
            exact, prefix, suffix = quote_at(article_text, start, end)
            return replace(ann, article=article_id, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)
    return replace(ann, article=article_id)  # placed by its quote when the store anchors it


def _store_all(corpus: Path, by_article: dict[str, list[Annotation]], report: ImportReport,
               labels: dict[str, str]) -> ImportReport:
    """Merge each article's incoming annotations into its sidecar and count what happened.

    An incoming annotation on exactly the span of an annotation already there (another program
    gave it a new id) is merged into it: tags joined, a different note added, not duplicated.
    """
    store = AnnotationStore(corpus)
    for article_id, incoming in by_article.items():
        try:
            article = load_article(corpus / f"{article_id}.txt")
        except UnreadableArticle as exc:
            for a in incoming:
                report.skip(labels.get(a.id, a.id), f"article {article_id} cannot be read: {exc.reason}")
            continue
        existing = store.load(article)
        report.warnings.extend(existing.warnings)
        by_span = {(p.start, p.end): p.annotation for p in existing.anchored if p.start is not None}
        have = {p.annotation.id for p in existing.anchored}
        merged_by_span = 0
        ready: list[Annotation] = []
        size = len(article.source_text)
        for a in incoming:
            if not a.exact.strip() and a.end > size:  # nothing to place it by: it would stay an orphan for ever
                report.skip(labels.get(a.id, a.id), f"its position {a.start}-{a.end} is past the end of article "
                                                    f"{article_id} ({size} characters) and it has no quote")
                continue
            old = by_span.get((a.start, a.end))
            if a.id not in have and old is not None and old.exact == a.exact:
                merged_by_span += 1
                ready.append(_join(old, a))
            else:
                ready.append(a)
        added, merged, result = store.merge_newer(article, ready)
        report.imported += added
        report.merged += merged
        wanted = {a.id for a in ready}
        for p in result.anchored:
            if p.status == "orphan" and p.annotation.id in wanted:
                report.orphaned += 1
                report.converted.append((labels.get(p.annotation.id, p.annotation.id),
                                         f"kept unplaced (orphan): its text is not in article {article_id}"))
        report.warnings.extend(result.warnings)
    return report


def _join(old: Annotation, new: Annotation) -> Annotation:
    """`old` with `new`'s tags and note added (nothing of `old` is lost)."""
    tags = list(dict.fromkeys(old.tags + new.tags))
    notes = [n for n in (old.note, new.note) if n.strip()]
    note = old.note if not new.note.strip() or new.note.strip() in old.note else "\n\n".join(notes)
    if tags == old.tags and note == old.note:
        return old
    return replace(old, tags=tags, note=note, modified=now_iso())
