"""`codebook`, `autocode`, `agreement`, `kwic`, `report`: analysis without the window (docs/analysis.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import RuntimeFailure, UsageError, add_corpus, corpus_of, message, one_line, print_json, write_user_file
from ..corpus.corpus import CorpusError, article_files
from ..annotations.store import StoreError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("codebook", help="list the codes (codebook and tags in use) with counts; rename, merge, "
                                        "delete codes; export or import it as REFI-QDA .qdc")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"),
                   help="rename a code on every annotation (NEW an existing code: merge into it)")
    g.add_argument("--delete", metavar="CODE", help="delete a code and take it off every annotation")
    g.add_argument("--qdc", type=Path, metavar="PATH", help="write the codebook as REFI-QDA .qdc")
    g.add_argument("--import-qdc", type=Path, metavar="PATH", help="add the codes of a .qdc to the codebook")
    add_corpus(p)
    p.set_defaults(func=run_codebook)

    p = sub.add_parser("autocode", help="tag every hit of a search (same query language as search)")
    p.add_argument("query")
    p.add_argument("--tag", required=True, help="the code to apply")
    p.add_argument("--unit", choices=("hit", "sentence"), default="hit", help="code the hit or its sentence")
    p.add_argument("--color", default="yellow", help="highlight colour (default yellow)")
    p.add_argument("--coder", default=None, help="record this coder as the W3C creator")
    p.add_argument("--dry-run", action="store_true", help="count only; change nothing")
    add_corpus(p)
    p.set_defaults(func=run_autocode)

    p = sub.add_parser("agreement", help="agreement between coders per code (Cohen's kappa, Krippendorff's alpha)")
    p.add_argument("--coders", nargs="+", required=True, metavar="NAME")
    p.add_argument("--tag", action="append", default=[], help="only this code (repeat for more)")
    p.add_argument("--unit", choices=("sentence", "paragraph", "article"), default="sentence")
    add_corpus(p)
    p.set_defaults(func=run_agreement)

    p = sub.add_parser("kwic", help="keyword in context: one line per hit of a search")
    p.add_argument("query")
    p.add_argument("--width", type=int, default=40, help="characters of context on each side (default 40)")
    add_corpus(p)
    p.set_defaults(func=run_kwic)

    p = sub.add_parser("report", help="counts of codes by Jalali month or source, or code co-occurrence")
    p.add_argument("--by", required=True, choices=("month", "source", "cooccurrence"))
    p.add_argument("--tag", action="append", default=[], help="only this code (repeat for more)")
    p.add_argument("--format", choices=("csv", "svg", "png"), default="csv")
    p.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: stdout)")
    p.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: bundled seeds)")
    p.set_defaults(func=run_report)


def _check_corpus(corpus: Path) -> None:
    try:
        article_files(corpus)
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc


def run_codebook(args: argparse.Namespace) -> int:
    from ..annotations.codebook import Codebook, CodebookError, code_counts, delete_code, rename_code
    from ..exchange.codebook_export import codebook_qdc, read_codebook_qdc

    corpus = corpus_of(args)
    _check_corpus(corpus)
    try:
        if args.rename:
            old, new = args.rename
            if not new.strip():
                raise UsageError("the new name is empty")
            changes, warnings = rename_code(corpus, old, new)
            for w in warnings:
                message(f"warning: {w}")
            n = sum(len(c.after) for c in changes)
            message(f"renamed {old} to {new} on {n} annotations in {len(changes)} articles")
        elif args.delete:
            changes, warnings = delete_code(corpus, args.delete)
            for w in warnings:
                message(f"warning: {w}")
            message(f"deleted {args.delete}; taken off {sum(len(c.after) for c in changes)} annotations "
                    f"(the highlights stay)")
        elif args.qdc:
            codes = {c.code.name: c.code for c in code_counts(corpus)}
            try:
                qdc = codebook_qdc(codes)
            except ValueError as exc:
                raise RuntimeFailure(f"cannot write {args.qdc}: {exc}") from exc
            write_user_file(corpus, args.qdc, qdc.encode("utf-8"))
            message(f"wrote {len(codes)} codes to {args.qdc}")
            return 0
        elif args.import_qdc:
            from ..files.safe_read import UnsafeFile, read_bounded

            try:
                incoming = read_codebook_qdc(read_bounded(args.import_qdc, 64 * 1024 * 1024))
            except UnsafeFile as exc:
                raise RuntimeFailure(f"{args.import_qdc} {exc.reason}") from exc
            except OSError as exc:
                raise RuntimeFailure(f"cannot read {args.import_qdc}: {exc.strerror or exc}") from exc
            except ValueError as exc:
                raise RuntimeFailure(f"{args.import_qdc} cannot be read as a REFI-QDA codebook: {exc}") from exc
            book = Codebook(corpus)
            have = book.load()
            new = [c for n, c in incoming.items() if n not in have]
            book.save_change(new)
            message(f"added {len(new)} codes ({len(incoming) - len(new)} were already in the codebook)")
        counts = code_counts(corpus)
    except (CodebookError, StoreError) as exc:
        raise RuntimeFailure(str(exc)) from exc
    if args.json:
        print_json({"codes": [c.to_json() for c in counts]})
        return 0
    for c in counts:
        mark = "" if c.in_codebook else "  (tag, not in the codebook)"
        parent = f"  ⊂ {one_line(c.code.parent)}" if c.code.parent else ""
        print(f"{one_line(c.code.name)}\t{c.highlights} highlights\t{c.articles} articles\t{c.code.color}{parent}{mark}")
    if not counts:
        message("no codes")
    return 0


def run_autocode(args: argparse.Namespace) -> int:
    from ..analysis.autocode import autocode

    if not any(ch.isalnum() for ch in args.query):
        raise UsageError("the query has no letters or digits to search for")
    corpus = corpus_of(args)
    _check_corpus(corpus)
    try:
        result = autocode(corpus, args.query, args.tag, unit=args.unit, color=args.color, coder=args.coder,
                          dry_run=args.dry_run)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    except (CorpusError, StoreError) as exc:
        raise RuntimeFailure(str(exc)) from exc
    for w in result.warnings:
        message(f"warning: {w}")
    if args.json:
        print_json(result.to_json())
    else:
        would = "would be " if result.dry_run else ""
        print(f"{result.annotations} annotations {would}created in {result.articles} articles")
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    from ..analysis.agreement import agreement

    corpus = corpus_of(args)
    _check_corpus(corpus)
    try:
        result = agreement(corpus, args.coders, tags=args.tag or None, unit=args.unit)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    for name, coded in zip(result.coders, result.overall.per_coder, strict=True):
        if not coded:  # most often a misspelt name: say so rather than print a table of zeros
            message(f"warning: coder {name!r} coded nothing here (no annotation with that creator"
                    f"{' and these codes' if args.tag else ''}); check the name with `hashiye-cli annotations --json`")
    doc = result.to_json()
    if args.json:
        print_json(doc)
        return 0
    print(f"coders: {', '.join(result.coders)}; unit: {result.unit}; units: {result.units}")
    for name, row in [*doc["codes"].items(), ("(overall)", doc["overall"])]:
        print(name + "\t" + "\t".join(f"{k}={'-' if v is None else v}" for k, v in row.items()))
    return 0


def run_kwic(args: argparse.Namespace) -> int:
    from ..search.kwic import kwic_lines

    if args.width < 0:
        raise UsageError("--width must be 0 or more")
    if not any(ch.isalnum() for ch in args.query):
        raise UsageError("the query has no letters or digits to search for")
    corpus = corpus_of(args)
    _check_corpus(corpus)
    try:
        lines = list(kwic_lines(corpus, args.query, args.width))
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    if args.json:
        print_json({"query": args.query, "hits": [k.to_json() for k in lines]})
        return 0
    w = args.width
    for k in lines:
        print(f"{one_line(k.article)}\t{k.start}-{k.end}\t{one_line(f'{k.left:>{w}} [{k.hit}] {k.right:<{w}}')}")
    message(f"{len(lines)} hits in {len({k.article for k in lines})} articles")  # also when there are none
    return 0


def run_report(args: argparse.Namespace) -> int:
    from ..analysis.report import build_report, to_csv, to_svg

    if args.format == "png":
        raise UsageError("PNG needs a renderer this command does not have (no Qt in the command line); "
                         "use --format svg (any browser or image program converts it) or the window's chart pane")
    corpus = corpus_of(args)
    _check_corpus(corpus)
    try:
        report = build_report(corpus, args.by, args.tag or None)
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    text = to_csv(report) if args.format == "csv" else to_svg(report)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
        return 0
    write_user_file(corpus, args.output, text.encode("utf-8"))
    message(f"wrote the {args.by} report of {report.annotations} annotations to {args.output}")
    return 0
