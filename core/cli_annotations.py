"""`annotations`, `import` and `export`: annotations without the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .annotations import CONTEXT, Anchored, iri_part, to_w3c
from .article import Article
from .cli_common import RuntimeFailure, add_corpus, corpus_of, message, print_json
from .corpus import CorpusError, iter_articles
from .importing import import_file
from .store import AnnotationStore, StoreError

Exporter = Callable[[Path, list[tuple[Article, Anchored]]], str]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("annotations", help="list annotations and where they are anchored")
    p.add_argument("id", nargs="?", help="only this article")
    add_corpus(p)
    p.set_defaults(func=run_annotations)
    p = sub.add_parser("import", help="import W3C annotations into the corpus's sidecars")
    p.add_argument("file", type=Path)
    add_corpus(p)
    p.set_defaults(func=run_import)
    p = sub.add_parser("export", help="export the corpus's annotations")
    p.add_argument("--format", required=True, choices=sorted(EXPORTERS))
    p.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: stdout)")
    add_corpus(p)
    p.set_defaults(func=run_export)


def collect(corpus: Path, only: str | None = None) -> list[tuple[Article, Anchored]]:
    """Every annotation of the corpus (or one article), anchored; warnings go to stderr."""
    store = AnnotationStore(corpus)
    rows: list[tuple[Article, Anchored]] = []
    found = False
    try:
        for art in iter_articles(corpus):
            if only is not None and art.id != only:
                continue
            found = True
            result = store.load(art)
            for w in result.warnings:
                message(f"warning: {w}")
            rows.extend((art, a) for a in result.anchored)
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    if only is not None and not found:
        raise RuntimeFailure(f"no article with id {only!r} in {corpus}")
    return rows


def record(a: Anchored) -> dict[str, Any]:
    ann = a.annotation
    return {"id": ann.id, "article": ann.article, "status": a.status, "start": a.start, "end": a.end,
            "exact": ann.exact, "note": ann.note, "tags": ann.tags, "color": ann.color}


def run_annotations(args: argparse.Namespace) -> int:
    rows = collect(corpus_of(args), args.id)
    if args.json:
        print_json({"annotations": [record(a) for _art, a in rows]})
        return 0
    for _art, a in rows:
        where = f"{a.start}-{a.end}" if a.start is not None else "-"
        quote = " ".join(a.annotation.exact.split())
        print(f"{a.annotation.article:<24} {a.status:<8} {where:<11} {a.annotation.color:<7} {quote[:60]}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        report = import_file(args.file, corpus_of(args))
    except FileNotFoundError as exc:
        raise RuntimeFailure(f"cannot read {args.file}: no such file") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise RuntimeFailure(f"{args.file} is not W3C annotation JSON: {exc}") from exc
    except (CorpusError, StoreError) as exc:
        raise RuntimeFailure(str(exc)) from exc
    print(report.line())
    return 0


def export_jsonld(corpus: Path, rows: list[tuple[Article, Anchored]]) -> str:
    """All annotations of the corpus as one W3C AnnotationCollection."""
    items = [to_w3c(a.annotation) for _art, a in rows]
    base = f"urn:hashiye:export:{iri_part(corpus.name)}"
    doc = {"@context": CONTEXT, "id": base, "type": "AnnotationCollection",
           "label": f"Hashiye annotations of {corpus.name}", "total": len(items),
           "first": {"id": f"{base}:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


EXPORTERS: dict[str, Exporter] = {"jsonld": export_jsonld}


def run_export(args: argparse.Namespace) -> int:
    corpus = corpus_of(args)
    text = EXPORTERS[args.format](corpus, collect(corpus))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, "utf-8")
    except OSError as exc:
        raise RuntimeFailure(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    message(f"wrote {args.output}")
    return 0

