"""The codebook: tags as codes with a colour, a description and an optional parent (docs/analysis.md).

It lives in the corpus folder (`hashiye-codebook.json`) so a team sharing the folder shares
it. Every save holds the data lock beside the file, re-reads it, applies just this change
(upserts and deletes by code name) with the same 3-way rules as the sidecars (a code edited
elsewhere since this process read it is not deleted here; of two edits the newer wins) and
replaces the file through the one atomic writer.

Renaming, merging and deleting a code also change the annotations that carry it: the
`*_changes` functions return, per article, the annotations before and after, so the window
can apply them as ONE undoable step (`apply_changes(corpus, changes)`; undo is
`apply_changes(corpus, undo_of(changes))`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .model import CSS, Annotation, edited, now_iso, parse_time
from ..files.indented_json import dumps_indented
from ..files.atomic import read_regular, why, write_atomic
from ..files.datalock import LockBusy, data_lock
from .sidecar import CorruptSidecar, coded_sidecars, read_sidecar

FILE_NAME = "hashiye-codebook.json"
MAX_CODES = 100_000


class CodebookError(Exception):
    """The codebook cannot be read or saved; the message says why, and the file is unchanged."""


@dataclass(frozen=True)
class Code:
    """One code: its name is the tag annotations carry."""

    name: str
    color: str = ""  # "#rrggbb"; empty: the colour of its highlights
    description: str = ""
    parent: str | None = None
    modified: str = ""


@dataclass
class CodeCount:
    """A code with how often it is used: highlights and articles carrying its tag."""

    code: Code
    highlights: int = 0
    articles: int = 0
    in_codebook: bool = True  # False: a tag used on highlights but not (yet) in the codebook

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self.code), "highlights": self.highlights, "articles": self.articles,
                "in_codebook": self.in_codebook}


@dataclass
class ArticleChange:
    """The annotations of one article before and after a change (same ids, in the same order)."""

    article: str
    before: list[Annotation] = field(default_factory=list)
    after: list[Annotation] = field(default_factory=list)


def codebook_path(corpus: Path) -> Path:
    return Path(corpus) / FILE_NAME


def _parse(raw: bytes, name: str) -> dict[str, Code]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CodebookError(f"{name} is not readable JSON ({exc}); it was left as it is") from exc
    items = data.get("codes") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise CodebookError(f"{name} has no list of codes; it was left as it is")
    out: dict[str, Code] = {}
    for item in items[:MAX_CODES]:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            continue
        parent = item.get("parent")
        code = Code(item["name"], str(item.get("color") or ""), str(item.get("description") or ""),
                    parent if isinstance(parent, str) and parent else None, str(item.get("modified") or ""))
        old = out.get(code.name)
        out[code.name] = code if old is None or _newer(code, old) else old
    return out


def _render(codes: dict[str, Code]) -> bytes:
    items = [{k: v for k, v in asdict(c).items() if v not in (None, "")} for c in
             sorted(codes.values(), key=lambda c: c.name)]
    return (dumps_indented({"type": "HashiyeCodebook", "version": 1, "codes": items}) + "\n").encode("utf-8")


def _newer(a: Code, b: Code) -> bool:
    ta, tb = parse_time(a.modified), parse_time(b.modified)
    if ta is None or tb is None:
        return ta is not None
    return ta > tb


class Codebook:
    """The codebook of one corpus folder, as last read or saved by this object (the merge base)."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = Path(corpus)
        self.path = codebook_path(self.corpus)
        self._base: dict[str, Code] = {}

    def load(self) -> dict[str, Code]:
        """Codes by name; {} when there is no codebook. Raises CodebookError for a damaged file."""
        codes = self._read()
        self._base = dict(codes)
        return dict(codes)

    def _read(self) -> dict[str, Code]:
        try:
            raw = read_regular(self.path)
        except OSError as exc:
            raise CodebookError(f"{self.path.name} cannot be read: {why(exc)}") from exc
        return {} if raw is None else _parse(raw, self.path.name)

    def save_change(self, upsert: Iterable[Code] = (), delete: Iterable[str] = ()) -> dict[str, Code]:
        """Apply one change to the codebook on disk now (under its lock); return the codes saved."""
        stamp = now_iso()
        ups = [c if c.modified else replace(c, modified=stamp) for c in upsert]
        dels = list(delete)
        try:
            with data_lock(self.path):
                codes = self._read()
                for code in ups:
                    theirs = codes.get(code.name)
                    mine = self._base.get(code.name)
                    # someone else edited it since we read it, and their edit is newer: keep theirs
                    if theirs is not None and theirs != mine and _newer(theirs, code):
                        continue
                    codes[code.name] = code
                for name in dels:
                    theirs, mine = codes.get(name), self._base.get(name)
                    if theirs is not None and mine is not None and theirs != mine and _newer(theirs, mine):
                        continue  # edited elsewhere meanwhile: not deleted
                    codes.pop(name, None)
                for name, code in list(codes.items()):  # a parent that is gone: the child moves up
                    if code.parent is not None and (code.parent not in codes or code.parent == name):
                        codes[name] = replace(code, parent=None)
                write_atomic(self.path, _render(codes))
        except LockBusy as exc:
            raise CodebookError(f"Cannot save {self.path.name}: {exc}. Nothing was saved.") from exc
        except OSError as exc:
            raise CodebookError(f"Cannot save {self.path.name}: {why(exc)}. The previous file is unchanged.") \
                from exc
        self._base = dict(codes)
        return dict(codes)


# --- counts ------------------------------------------------------------------------------------

def iter_sidecar_annotations(corpus: Path) -> Iterator[tuple[str, list[Annotation]]]:
    """(article id, annotations) of every readable sidecar of the folder; damaged ones are skipped,
    and so are sidecars without their article (a sync tool's conflict copy, an article deleted):
    they are no article's annotations, so they are neither counted nor rewritten."""
    for art, _entry in coded_sidecars(Path(corpus)):
        article = Path(corpus) / f"{art}.txt"
        try:
            content = read_sidecar(article)
        except (CorruptSidecar, OSError, RecursionError):
            continue
        yield article.stem, content.annotations


def code_counts(corpus: Path, codes: dict[str, Code] | None = None) -> list[CodeCount]:
    """Every code of the codebook and every tag in use, with counts; codebook order is by name."""
    codes = Codebook(corpus).load() if codes is None else codes
    highlights: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    colors: dict[str, Counter[str]] = {}
    for art, anns in iter_sidecar_annotations(corpus):
        for ann in anns:
            for tag in ann.tags:
                highlights[tag] += 1
                articles.setdefault(tag, set()).add(art)
                colors.setdefault(tag, Counter())[ann.color] += 1
    out = [CodeCount(c, highlights[n], len(articles.get(n, ()))) for n, c in sorted(codes.items())]
    for tag in sorted(set(highlights) - set(codes)):
        color = CSS.get(colors[tag].most_common(1)[0][0], CSS["yellow"])
        out.append(CodeCount(Code(tag, color), highlights[tag], len(articles[tag]), in_codebook=False))
    return out


# --- rename, merge, delete --------------------------------------------------------------------

def _retag(corpus: Path, fix: Any) -> list[ArticleChange]:
    changes: list[ArticleChange] = []
    for art, anns in iter_sidecar_annotations(corpus):
        change = ArticleChange(art)
        for ann in anns:
            tags = fix(ann.tags)
            if tags != ann.tags:
                change.before.append(ann)
                change.after.append(edited(ann, tags=tags))
        if change.before:
            changes.append(change)
    return changes


def _dedupe(tags: list[str]) -> list[str]:
    out: list[str] = []
    for t in tags:
        if t not in out:
            out.append(t)
    return out


def rename_changes(corpus: Path, old: str, new: str) -> list[ArticleChange]:
    """Per article, annotations tagged `old` before and after tagging them `new` instead.

    If `new` is already a code this is a merge: an annotation carrying both keeps one.
    Tags compare exactly as written (the codebook's names are the tags).
    """
    if not new.strip():
        raise ValueError("a code needs a name")
    return _retag(corpus, lambda tags: _dedupe([new if t == old else t for t in tags]) if old in tags else tags)


def merge_changes(corpus: Path, sources: Iterable[str], target: str) -> list[ArticleChange]:
    """Per article, the change that replaces each of `sources` by `target` on every annotation."""
    gone = set(sources) - {target}
    return _retag(corpus, lambda tags: _dedupe([target if t in gone else t for t in tags])
                  if gone.intersection(tags) else tags)


def delete_changes(corpus: Path, name: str) -> list[ArticleChange]:
    """Per article, the change that takes tag `name` off every annotation (the highlights stay)."""
    return _retag(corpus, lambda tags: [t for t in tags if t != name] if name in tags else tags)


def undo_of(changes: list[ArticleChange]) -> list[ArticleChange]:
    """The changes that put every annotation back (re-stamped so merges keep the restored form)."""
    return [ArticleChange(c.article, c.after, [edited(a) for a in c.before]) for c in changes]


def apply_changes(corpus: Path, changes: list[ArticleChange]) -> list[str]:
    """Save each article's `after` annotations through the store (one save per article); warnings."""
    from ..corpus.article import load_article
    from ..text.textio import UnreadableArticle
    from .store import AnnotationStore

    from ..files.atomic import bulk_saves

    store = AnnotationStore(corpus)
    warnings: list[str] = []
    with bulk_saves(Path(corpus)):
        for change in changes:
            try:
                art = load_article(Path(corpus) / f"{change.article}.txt")
            except (UnreadableArticle, OSError) as exc:
                warnings.append(f"{change.article}: {exc}; its annotations were left as they are")
                continue
            store.load(art)
            warnings += store.save_change(art, upsert=change.after).warnings
    return warnings


def rename_code(corpus: Path, old: str, new: str) -> tuple[list[ArticleChange], list[str]]:
    """Rename (or merge into an existing code) in the codebook and on every annotation."""
    book = Codebook(corpus)
    codes = book.load()
    changes = rename_changes(corpus, old, new)
    warnings = apply_changes(corpus, changes)
    ups: list[Code] = []
    if old in codes and new not in codes:
        ups.append(replace(codes[old], name=new, modified=""))
    ups += [replace(c, parent=new, modified="") for c in codes.values() if c.parent == old and c.name != new]
    book.save_change(ups, [old] if old in codes else [])
    return changes, warnings


def delete_code(corpus: Path, name: str) -> tuple[list[ArticleChange], list[str]]:
    """Delete a code from the codebook and take its tag off every annotation (highlights stay)."""
    book = Codebook(corpus)
    codes = book.load()
    changes = delete_changes(corpus, name)
    warnings = apply_changes(corpus, changes)
    if name in codes:
        parent = codes[name].parent
        book.save_change([replace(c, parent=parent, modified="") for c in codes.values() if c.parent == name],
                         [name])
    return changes, warnings
