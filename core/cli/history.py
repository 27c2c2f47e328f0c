"""`history`, `restore` and `merge-driver`: earlier versions of sidecars, and git merges of them."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..corpus.article import Article, load_article
from ..files.atomic import read_regular, why, write_atomic
from .common import RuntimeFailure, UsageError, add_corpus, corpus_of, message, print_json
from ..annotations.conflicts import article_id_of, merge_contents
from ..annotations.sidecar import CorruptSidecar, SidecarContent, parse_sidecar, render_sidecar
from ..annotations.store import AnnotationStore, StoreError
from ..text.textio import UnreadableArticle


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("history", help="list the earlier versions kept of an article's annotations")
    p.add_argument("id")
    add_corpus(p)
    p.set_defaults(func=run_history)
    p = sub.add_parser("restore", help="bring back an earlier version of an article's annotations")
    p.add_argument("id")
    p.add_argument("version", help="a version name from `history`, or its number (1 = newest)")
    add_corpus(p)
    p.set_defaults(func=run_restore)
    p = sub.add_parser("merge-driver", help="git merge driver for *.annotations.json (merges by annotation id)")
    p.add_argument("base", type=Path, help="%%O: the common ancestor")
    p.add_argument("ours", type=Path, help="%%A: our version; the result is written here")
    p.add_argument("theirs", type=Path, help="%%B: their version")
    p.add_argument("path", nargs="?", default=None, help="%%P: the file's path in the repository")
    p.set_defaults(func=run_merge_driver)


def _store_and_article(args: argparse.Namespace) -> tuple[AnnotationStore, Article]:
    corpus = corpus_of(args)
    if Path(args.id).name != args.id or args.id in ("", ".", ".."):  # an id, not a path into another folder
        raise RuntimeFailure(f"no article with id {args.id!r} in {corpus}")
    try:
        article = load_article(corpus / f"{args.id}.txt")
    except UnreadableArticle as exc:
        raise RuntimeFailure(f"no readable article with id {args.id!r} in {corpus}: {exc.reason}") from exc
    return AnnotationStore(corpus), article


def run_history(args: argparse.Namespace) -> int:
    store, _article = _store_and_article(args)
    rows = []
    for v in store.history.versions(args.id):
        try:
            count: int | None = len(store.history.read(args.id, v).annotations)
        except (OSError, CorruptSidecar, RecursionError):
            count = None
        rows.append({"version": v.name, "index": v.index, "saved": v.saved.isoformat().replace("+00:00", "Z"),
                     "annotations": count, "bytes": v.size})
    if args.json:
        print_json({"id": args.id, "folder": str(store.history.folder(args.id)), "versions": rows})
        return 0
    if not rows:
        message(f"no earlier versions of {args.id} are kept")
    for r in rows:
        n = "?" if r["annotations"] is None else r["annotations"]
        print(f"{r['index']:>3}  {r['version']}  {n} annotations  {r['bytes']} bytes")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    store, article = _store_and_article(args)
    try:
        result = store.restore(article, args.version)
    except KeyError:
        raise UsageError(f"no version {args.version!r} of {args.id}; see `hashiye-cli history {args.id}`") from None
    except StoreError as exc:
        raise RuntimeFailure(str(exc)) from exc
    for w in result.warnings:
        message(f"warning: {w}")
    message(f"restored {len(result.anchored)} annotations of {args.id} from version {args.version}; "
            f"the version it replaced is kept (see `hashiye-cli history {args.id}`)")
    return 0


def _read_side(path: Path, name: str, article_id: str) -> SidecarContent:
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise RuntimeFailure(f"cannot read {path}: {why(exc)}") from exc
    if raw is None:  # git always passes three files: a missing one is a wrong driver line, not a deletion
        raise RuntimeFailure(f"{name} ({path}) does not exist; leaving the merge to git")
    if not raw.strip():
        return SidecarContent()  # added on one side only: git passes an empty ancestor
    try:
        return parse_sidecar(raw.decode("utf-8-sig"), article_id, name)
    except (UnicodeDecodeError, CorruptSidecar, RecursionError) as exc:  # RecursionError: deep nesting
        raise RuntimeFailure(f"{name} is not a readable annotation file ({exc}); leaving the merge to git") from exc


def run_merge_driver(args: argparse.Namespace) -> int:
    """Merge by annotation id into OURS; exit 1 (git then marks a conflict) if a side cannot be read."""
    hint = article_id_of(args.path)
    base = _read_side(args.base, "the common ancestor", hint)
    ours = _read_side(args.ours, "our version", hint)
    theirs = _read_side(args.theirs, "their version", hint)
    merged, report = merge_contents(base, ours, theirs)
    article_id = article_id_of(args.path, ours, theirs, base) or "article"
    try:
        write_atomic(args.ours, render_sidecar(article_id, merged).encode("utf-8"))
    except OSError as exc:
        raise RuntimeFailure(f"cannot write {args.ours}: {why(exc)}") from exc
    for note in report.notes:
        message(f"hashiye merge: {note}")
    message(f"hashiye merge of {args.path or article_id}: {report.added} added from theirs, "
            f"{report.updated} merged, {report.deleted} deleted")
    return 0
