"""`annotations`, `import` and `export`: annotations without the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..annotations.model import Anchored
from ..corpus.article import Article
from .common import RuntimeFailure, UsageError, add_corpus, corpus_of, message, one_line, print_json
from ..corpus.corpus import CorpusError, article_files
from ..corpus.filters import Filter
from ..exchange.exporting import BINARY, EXPORTERS, collect, write_export
from ..exchange.importing import UnknownArticle, import_file
from ..exchange.output_guard import ProtectedPath, refuse_corpus_target
from ..exchange.refi_qda import ExportError
from ..files.safe_read import UnsafeFile
from ..annotations.store import StoreError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("annotations", help="list annotations and where they are anchored")
    p.add_argument("id", nargs="?", help="only this article")
    p.add_argument("--coder", action="append", default=[], help="only annotations by this coder (W3C creator)")
    add_corpus(p)
    p.set_defaults(func=run_annotations)
    p = sub.add_parser("import", help="import W3C annotations (Hashiye, Hypothesis, Recogito… JSON) or a REFI-QDA "
                                      "project (.qdpx: Hashiye, QualCoder, NVivo…) into the sidecars")
    p.add_argument("file", type=Path)
    p.add_argument("--article", metavar="ID", default=None,
                   help="put annotations of web pages (not articles of the corpus) on this article")
    add_corpus(p)
    p.set_defaults(func=run_import)
    p = sub.add_parser("export", help="export the corpus's annotations")
    p.add_argument("--format", required=True, choices=sorted(EXPORTERS))
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="file to write (default: stdout; required for qdpx)")
    f = p.add_argument_group("filters (AND between options; repeat an option for OR)")
    f.add_argument("--article", action="append", default=[], metavar="ID", help="only this article")
    f.add_argument("--tag", action="append", default=[], help="only highlights with this tag")
    f.add_argument("--color", action="append", default=[], help="only highlights of this colour")
    f.add_argument("--source", action="append", default=[], help="only articles from this source")
    f.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="Jalali date, inclusive")
    f.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="Jalali date, inclusive")
    f.add_argument("--coder", action="append", default=[], help="only annotations by this coder (W3C creator)")
    add_corpus(p)
    p.set_defaults(func=run_export)


def record(a: Anchored) -> dict[str, Any]:
    ann = a.annotation
    from ..annotations.coders import coder_of

    return {"id": ann.id, "article": ann.article, "status": a.status, "start": a.start, "end": a.end,
            "exact": ann.exact, "note": ann.note, "tags": ann.tags, "color": ann.color, "coder": coder_of(ann)}


def gather(corpus: Path, only: str | None = None) -> list[tuple[Article, Anchored]]:
    """`collect` with CLI errors: warnings to stderr, runtime failures for bad folders and ids."""
    try:
        return collect(corpus, only, warn=lambda w: message(f"warning: {w}"))
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    except KeyError:
        raise RuntimeFailure(f"no article with id {only!r} in {corpus}") from None


def run_annotations(args: argparse.Namespace) -> int:
    rows = gather(corpus_of(args), args.id)
    if args.coder:
        rows = Filter(coders=args.coder).apply(rows)
    if args.json:
        print_json({"annotations": [record(a) for _art, a in rows]})
        return 0
    if not rows:
        message("no annotations")
    for _art, a in rows:
        where = f"{a.start}-{a.end}" if a.start is not None else "-"
        quote = " ".join(a.annotation.exact.split())
        print(one_line(f"{a.annotation.article:<24} {a.status:<8} {where:<11} {a.annotation.color:<7} {quote[:60]}"))
    return 0


def run_import(args: argparse.Namespace) -> int:
    if args.file.is_dir():
        raise RuntimeFailure(f"{args.file} is a folder: give an annotation file (.json or .qdpx)")
    try:
        report = import_file(args.file, corpus_of(args), article=args.article)
    except UnknownArticle as exc:
        raise RuntimeFailure(str(exc)) from exc
    except FileNotFoundError as exc:
        raise RuntimeFailure(f"cannot read {args.file}: no such file") from exc
    except UnsafeFile as exc:
        raise RuntimeFailure(f"{args.file} {exc.reason}") from exc
    except OSError as exc:
        raise RuntimeFailure(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        kind = "a REFI-QDA project" if args.file.suffix.lower() == ".qdpx" else "W3C annotation JSON"
        raise RuntimeFailure(f"{args.file} cannot be read as {kind}: {exc}") from exc
    except (CorpusError, StoreError) as exc:
        raise RuntimeFailure(str(exc)) from exc
    for w in report.warnings:
        message(f"warning: {w}")
    for what, change in report.converted:
        message(f"converted: {what}: {change}")
    for what, reason in report.skipped:
        message(f"not imported: {what}: {reason}")
    if args.json:
        print_json(report.to_json())
    else:
        print(report.line())
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.output is not None and str(args.output) == "-":
        args.output = None  # "-o -" means standard output, as for other tools
    if args.format in BINARY and args.output is None:
        raise UsageError(f"--format {args.format} writes a binary file: give it with -o PATH")
    try:
        keep = Filter(articles=args.article, tags=args.tag, colors=args.color, sources=args.source,
                      date_from=args.date_from, date_to=args.date_to, coders=args.coder)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    corpus = corpus_of(args)
    if args.output is not None:
        try:
            refuse_corpus_target(corpus, args.output)
        except ProtectedPath as exc:
            raise UsageError(str(exc)) from None
    only = args.article[0] if len(args.article) == 1 else None
    rows = gather(corpus, only)
    if len(args.article) > 1:
        known = {art.id for art, _a in rows} | {p.stem for p in article_files(corpus)}
        for wanted in args.article:
            if wanted not in known:
                raise RuntimeFailure(f"no article with id {wanted!r} in {corpus}")
    rows = keep.apply(rows)
    if args.output is None:
        try:
            text = EXPORTERS[args.format](corpus, rows)
        except ExportError as exc:
            raise RuntimeFailure(f"cannot export {args.format}: {exc}") from exc
        assert isinstance(text, str)
        sys.stdout.write(text)
        return 0
    if args.format == "qdpx":
        from ..exchange.refi_qda import qdpx_warnings

        for w in qdpx_warnings(corpus, rows):
            message(f"warning: {w}")
    try:
        write_export(args.format, corpus, rows, args.output)
    except OSError as exc:
        raise RuntimeFailure(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    except ExportError as exc:
        raise RuntimeFailure(f"cannot export {args.format}: {exc}") from exc
    if args.format in ("qdc", "taguette"):
        message(f"wrote the codebook of {len(rows)} annotations to {args.output}")
    else:
        message(f"wrote {len(rows)} annotations to {args.output}")
    return 0
