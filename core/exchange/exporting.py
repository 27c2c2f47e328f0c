"""Exports of a corpus's annotations; one function per format, shared by the CLI and the window.

An exporter gets the corpus folder and the anchored annotations to export (already filtered,
see `filters`) and returns the file's contents: `str` for text formats (written as
UTF-8), `bytes` for the binary ones listed in `BINARY` (which need a file, never stdout).
The formats are described for users in docs/exports.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from ..annotations.model import CONTEXT, Anchored, iri_part, to_w3c
from ..corpus.article import Article
from ..files.atomic import write_output
from ..corpus.corpus import article_files
from ..text.jalali import jalali_display
from ..text.normalize import fold_digits
from .output_guard import refuse_corpus_target
from ..annotations.store import AnnotationStore, current_form
from ..text.textio import UnreadableArticle, shown_name

Rows = list[tuple[Article, Anchored]]
Exporter = Callable[[Path, Rows], "str | bytes"]
Progress = Callable[[int, int], None]


def collect(
    corpus: Path, only: str | None = None, warn: Callable[[str], None] = lambda _m: None,
    progress: Progress | None = None,
) -> Rows:
    """Every annotation of the corpus (or one article), anchored; `warn` hears about bad sidecars.

    `progress(done, total)` is called after each article file (for a progress bar).
    Raises CorpusError for an unusable folder and KeyError for an unknown article id.
    """
    from ..corpus.article import load_article

    store = AnnotationStore(corpus)
    rows: Rows = []
    found = False
    files = article_files(corpus)
    for done, path in enumerate(files, 1):
        if only is None or path.stem == only:
            try:
                art = load_article(path)
            except UnreadableArticle:
                art = None
            if art is not None:
                found = True
                result = store.load(art)
                for w in result.warnings:
                    warn(w)
                rows.extend((art, a) for a in result.anchored)
        if progress is not None:
            progress(done, len(files))
    if only is not None and not found:
        raise KeyError(only)
    return rows


# --- W3C JSON-LD ------------------------------------------------------------------------------

def export_jsonld(corpus: Path, rows: Rows) -> str:
    """All annotations of the corpus as one W3C AnnotationCollection."""
    items = [to_w3c(current_form(a, art.source_text)) for art, a in rows]
    base = f"urn:hashiye:export:{iri_part(shown_name(corpus.name))}"
    doc = {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": f"Hashiye annotations of {shown_name(corpus.name)}",
        "total": len(items),
        "first": {"id": f"{base}:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- CSV ----------------------------------------------------------------------------------------

CSV_COLUMNS = ("annotation_id", "article", "title", "source", "news_code", "published", "published_jalali",
               "exact", "prefix", "suffix", "note", "tags", "color", "start", "end", "status", "created",
               "modified")
TAG_SEPARATOR = " | "
# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def safe_cell(value: object) -> str:
    """A CSV cell: None as empty; text that a spreadsheet would run as a formula gets a leading `'`."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: tuple[str, ...], records: list[list[object]]) -> str:
    """UTF-8 CSV with a BOM (so spreadsheets read Persian), CRLF line ends, cells made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for rec in records:
        writer.writerow([safe_cell(v) for v in rec])
    return BOM + out.getvalue()


def export_csv(corpus: Path, rows: Rows) -> str:
    """One row per annotation (orphans too, with empty start/end); columns `CSV_COLUMNS`."""
    records: list[list[object]] = []
    for art, a in rows:
        ann, p = a.annotation, art.parsed
        records.append([ann.id, art.id, p.title, p.source, p.news_code, art.published, art.published_jalali,
                        ann.exact, ann.prefix, ann.suffix, ann.note, TAG_SEPARATOR.join(ann.tags), ann.color,
                        a.start, a.end, a.status, ann.created, ann.modified])
    return csv_text(CSV_COLUMNS, records)


# --- Markdown -----------------------------------------------------------------------------------

COLOR_LABELS = {"yellow": "زرد", "green": "سبز", "blue": "آبی", "pink": "صورتی", "purple": "بنفش"}
STATUS_LABELS = {"anchored": "", "moved": "جابه‌جا شده", "fuzzy": "جای تقریبی",
                 "orphan": "بی‌جا: این بخش دیگر در متن خبر پیدا نمی‌شود"}
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a value keeps its own direction inside a sentence
_MD_SPECIAL = set("\\`*_[]<>#|~")


def md_escape(text: str) -> str:
    """Text with Markdown and HTML punctuation backslash-escaped, shown literally."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def isolate(text: str) -> str:
    """A value of unknown direction (Latin, digits, mixed) isolated inside a Persian line."""
    return f"{FSI}{md_escape(text)}{PDI}"


def export_md(corpus: Path, rows: Rows) -> str:
    """Markdown for reading: one section per article (title, source, date), each highlight a quote.

    Each article section is wrapped in `<div dir="rtl">` (with blank lines, so the Markdown inside is
    still rendered) and every interpolated value (source, tags, ids) is put in FSI…PDI isolates.
    """
    lines = ['<div dir="rtl">', "", f"# برجسته‌سازی‌ها و یادداشت‌های {isolate(shown_name(corpus.name))}", ""]
    lines.append(fold_digits(f"{len(rows)} برجسته‌سازی", "fa"))
    lines += ["", "</div>", ""]
    by_article: dict[str, tuple[Article, list[Anchored]]] = {}
    for art, a in rows:
        by_article.setdefault(art.id, (art, []))[1].append(a)
    for art, placed in by_article.values():
        lines += ['<div dir="rtl">', "", f"## {md_escape(art.title or art.id)}", ""]
        meta = []
        if art.parsed.source:
            meta.append(f"منبع: {isolate(art.parsed.source)}")
        when = jalali_display(art.published)
        if when:
            meta.append(f"تاریخ: {when}")
        meta.append(f"شناسه: {isolate(art.id)}")
        lines += [" · ".join(meta), ""]
        for a in sorted(placed, key=lambda p: (p.start is None, p.start or 0)):
            ann = a.annotation
            for quote_line in (ann.exact.strip() or "…").splitlines():
                lines.append(f"> {md_escape(quote_line.strip())}".rstrip())
            lines.append("")
            if ann.note:
                note = ann.note.strip().splitlines()
                lines.append(f"**یادداشت:** {md_escape(note[0])}")
                lines += [md_escape(n) for n in note[1:]]
                lines.append("")
            details = []
            if ann.tags:
                details.append("برچسب‌ها: " + "، ".join(isolate(t) for t in ann.tags))
            details.append(f"رنگ: {COLOR_LABELS.get(ann.color, ann.color)}")
            if STATUS_LABELS.get(a.status):
                details.append(f"وضعیت: {STATUS_LABELS[a.status]}")
            lines += [" · ".join(details), "", "---", ""]
        if lines[-2] == "---":
            del lines[-2:]
        lines += ["", "</div>", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- Writing ------------------------------------------------------------------------------------

def render(fmt: str, corpus: Path, rows: Rows) -> bytes:
    """The export as bytes (text formats in UTF-8)."""
    data = EXPORTERS[fmt](corpus, rows)
    return data.encode("utf-8") if isinstance(data, str) else data


def write_export(fmt: str, corpus: Path, rows: Rows, target: Path) -> None:
    """Render and write atomically (`core/files/atomic.py`); never onto an article or a sidecar.

    Raises OSError when the destination cannot be written (ProtectedPath when it is part
    of the corpus); nothing is left behind then.
    """
    refuse_corpus_target(corpus, target)
    write_output(target, render(fmt, corpus, rows))


def _export_qdpx(corpus: Path, rows: Rows) -> bytes:
    from .refi_qda import export_qdpx

    return export_qdpx(corpus, rows)


def _export_qdc(corpus: Path, rows: Rows) -> str:
    from .codebook_export import export_qdc

    return export_qdc(corpus, rows)


def _export_taguette(corpus: Path, rows: Rows) -> str:
    from .codebook_export import export_taguette

    return export_taguette(corpus, rows)


def _export_tag_report(corpus: Path, rows: Rows) -> str:
    from .export_tag_report import export_tag_report

    return export_tag_report(corpus, rows)


# Export formats by `--format` name; each gets the corpus folder and the annotations to export.
EXPORTERS: dict[str, Exporter] = {
    "jsonld": export_jsonld,
    "csv": export_csv,
    "md": export_md,
    "qdpx": _export_qdpx,
    "qdc": _export_qdc,
    "taguette": _export_taguette,
    "tag-report": _export_tag_report,
}
# Formats whose exporter returns bytes: written to a file only.
BINARY = frozenset({"qdpx"})
