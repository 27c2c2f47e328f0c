"""`search`: Persian-aware search across the corpus (all spellings of a word)."""

from __future__ import annotations

import argparse

from .common import RuntimeFailure, UsageError, add_corpus, corpus_of, print_json
from ..search.search import SearchResult, search_corpus
from ..search.search_index import corpus_error


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="search the corpus (all spellings of a word)")
    p.add_argument("query", help='words, or a "quoted phrase"')
    p.add_argument("--limit", type=int, default=50, help="hits to print (default 50); total counts all")
    add_corpus(p)
    p.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    if not any(ch.isalnum() for ch in args.query):
        raise UsageError("the query has no letters or digits to search for")
    try:
        result = search_corpus(corpus_of(args), args.query, args.limit)
    except corpus_error() as exc:  # evaluated only when an exception comes: imports the corpus module then
        raise RuntimeFailure(str(exc)) from exc
    if args.json:
        print_json(result.to_json())
    else:
        _print_hits(result)
    return 0


def _print_hits(result: SearchResult) -> None:
    for h in result.hits:
        print(f"{h.id}  {h.start}-{h.end}  {h.snippet}")
    shown = f", {len(result.hits)} shown" if len(result.hits) < result.total else ""
    how = "counted from the index" if result.counted == "index" else "counted on the files"
    if result.counted == "index" and result.verified:
        how += f", {result.verified} articles read (a hit may cross two spaces)"
    print(f"{result.total} hits in {result.articles} articles{shown} "
          f"({result.took_ms} ms, {how}; index refreshed in {result.refresh_ms} ms)")
