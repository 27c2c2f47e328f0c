"""`list` and `show`: articles and their metadata."""

from __future__ import annotations

import argparse
from typing import Any

from .cli_common import RuntimeFailure, add_corpus, corpus_of, message, print_json
from .corpus import CorpusError, find_article
from .search_index import cached_listing
from .sidecar import peek_count
from .textio import UnreadableArticle


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", help="list the articles of a corpus")
    add_corpus(p)
    p.set_defaults(func=run_list)
    p = sub.add_parser("show", help="show one article's metadata and display text")
    p.add_argument("id", help="article id (file name without .txt)")
    add_corpus(p)
    p.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    try:  # the window's listing cache: only files changed since the last listing are parsed
        listing = cached_listing(corpus_of(args), words=False)  # search indexes the words when it needs them
    except CorpusError as exc:
        raise RuntimeFailure(str(exc)) from exc
    if args.json:
        print_json(listing.to_json())
    else:
        _print_table(listing.articles)
    for s in listing.skipped:
        message(f"skipped {s.file}: {s.reason}")
    for w in listing.warnings:
        message(f"warning {w['file']}: {w['message']}")
    return 0


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
    record = art.show_record(art.path.name, count)
    if args.json:
        print_json(record)
    else:
        _print_article(record)
    return 0


def _print_table(rows: list[dict[str, Any]]) -> None:
    print(f"{'id':<26} {'published':<17} {'code':<9} {'ann':>3}  {'source':<28} title")
    for r in rows:
        print(f"{r['id']:<26} {r['published_jalali'] or '-':<17} {r['news_code'] or '-':<9} "
              f"{r['annotations']:>3}  {(r['source'] or '-')[:28]:<28} {r['title'] or ''}")


def _print_article(r: dict[str, Any]) -> None:
    for key in ("title", "supertitle", "source", "news_code", "published", "published_jalali", "words"):
        if r[key] is not None:
            print(f"{key}: {r[key]}")
    print()
    print(r["text"])
