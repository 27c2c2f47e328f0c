"""`list` and `show`: articles and their metadata."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import RuntimeFailure, add_corpus, corpus_of, message, one_line, print_json
from ..corpus.records import ArticleRecord, CorpusError
from ..search.listing_cache import cached_listing
from ..annotations.sidecar import peek_count
from ..text.textio import UnreadableArticle
from ..files.indented_json import dumps_indented

HAZM_MOST = 1_000_000  # characters: a longer article's text, unless normalised before, is shown at the quick level

if TYPE_CHECKING:
    from ..corpus.article import Article


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", help="list the articles of a corpus")
    add_corpus(p)
    p.set_defaults(func=run_list)
    p = sub.add_parser("show", help="show one article's metadata and display text")
    p.add_argument("id", help="article id (file name without .txt)")
    p.add_argument("--hidden", action="store_true", help="also list the lines the clean view hides, and why")
    p.add_argument("--hazm", action="store_true",
                   help=f"normalise an article over {HAZM_MOST:,} characters with hazm too (slow: seconds per MB)")
    add_corpus(p)
    p.set_defaults(func=run_show)
    p = sub.add_parser("mark", help="mark a line (and every identical line of the folder) as furniture or not")
    p.add_argument("line", help="the line's text, as `show --hidden` or the text prints it")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--furniture", dest="verdict", action="store_const", const="furniture")
    group.add_argument("--not-furniture", dest="verdict", action="store_const", const="keep")
    group.add_argument("--clear", dest="verdict", action="store_const", const="clear")
    add_corpus(p)
    p.set_defaults(func=run_mark)


def run_list(args: argparse.Namespace) -> int:
    try:  # the window's listing cache: only files changed since the last listing are parsed
        listing = cached_listing(corpus_of(args), words=False)  # search indexes the words when it needs them
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    if args.json:
        sys.stdout.write(dumps_indented(listing.to_json()) + "\n")  # the text print_json writes, faster
    else:
        _print_table(listing.articles)
    for s in listing.skipped:
        message(f"skipped {s.file}: {s.reason}")
    for w in listing.warnings:
        message(f"warning {w['file']}: {w['message']}")
    return 0


def find_article(corpus: Path, article_id: str) -> Article:
    """`corpus.find_article`, its module (the parser) imported when first needed: `list` of a
    folder whose listing is cached loads no parser."""
    from ..corpus.corpus import find_article as find

    return find(corpus, article_id)


def run_show(args: argparse.Namespace) -> int:
    corpus = corpus_of(args)
    try:
        art = find_article(corpus, args.id)
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    except KeyError:
        raise RuntimeFailure(f"no article with id {args.id!r} in {corpus}") from None
    except UnreadableArticle as exc:
        raise RuntimeFailure(f"{args.id}: {exc.reason}") from exc
    count, warning = peek_count(art.path)
    if warning:
        message(f"warning: {warning}")
    for w in art.parsed.warnings:
        message(f"warning {art.path.name}: {w}")
    # hazm takes about 3 s per MB of text, and 300 MB of memory to load: a very long article not normalised
    # before (the window caches it) is shown at the quick level, and the note says so (DESIGN §10).
    quick = len(art.source_text) > HAZM_MOST and not args.hazm and not art.normalized_ready()
    if quick:
        message(f"note: {art.path.name} has {len(art.source_text):,} characters, over {HAZM_MOST:,}: its text is at "
                "the quick level (letters and digits folded, spaces collapsed; hazm's spacing and half-spaces "
                "not applied); --hazm normalises it whole (slow: about 3 s per MB)")
    record = art.show_record(art.path.name, count, hidden=args.hidden, normalized=not quick)
    if args.json:
        print_json(record)
    else:
        _print_article(record)
    return 0


def run_mark(args: argparse.Namespace) -> int:
    from ..corpus.folder_rules import mark_line

    corpus = corpus_of(args)
    if not corpus.is_dir():
        raise RuntimeFailure(f"not a folder: {corpus}")
    verdict = {"furniture": True, "keep": False, "clear": None}[args.verdict]
    try:
        mark_line(corpus, args.line, verdict)
    except OSError as exc:
        raise RuntimeFailure(f"cannot save the mark: {exc.strerror or exc}") from exc
    if args.json:
        print_json({"line": args.line, "mark": args.verdict})
    else:
        message(f"marked {args.verdict}: {args.line}")
    return 0


def _print_table(rows: list[ArticleRecord]) -> None:
    print(f"{'id':<26} {'published':<17} {'code':<9} {'ann':>3}  {'source':<28} title")
    for r in rows:
        print(one_line(f"{r.id:<26} {r.published_jalali or '-':<17} {r.news_code or '-':<9} "
                       f"{r.annotations:>3}  {(r.source or '-')[:28]:<28} {r.title or ''}"))


def _print_article(r: dict[str, Any]) -> None:
    for key in ("title", "supertitle", "source", "news_code", "published", "published_jalali", "words"):
        if r[key] is not None:
            print(f"{key}: {r[key]}")
    print()
    print(r["text"])
    if "hidden" in r:
        print()
        print(f"hidden lines: {len(r['hidden'])}")
        for h in r["hidden"]:
            print(f"  {h['start']}-{h['end']} [{h['reason']}] {h['text'].strip()}")
