"""The annotation store: read, merge and write sidecars without ever losing an annotation.

Every write holds the lock that lives beside the sidecar (`core/files/datalock.py`, seen by every
process on every machine sharing the folder), re-reads the sidecar, applies just this change
(upserts and deletes by id) to what is on disk now, keeps the previous version in the user
data folder (`core/annotations/history.py`) and replaces the file atomically (`core/files/atomic.py`). Right
before the rename it checks that the sidecar still holds the bytes it read; if not (a writer
that ignored the lock, a sync tool), it reads and merges again. Sync conflict copies and
records listed twice are merged in and their originals kept aside (`core/annotations/conflicts.py`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .anchoring import anchor_all
from .model import Anchored, Annotation, edited, newer, quote_at
from ..files.atomic import in_bulk, read_regular, remove_stale_temps, why, write_atomic
from .conflicts import MergeReport, merge3, merge_contents, original_name
from .prepared import ArticleText, Changed, Prepared, fingerprint
from .set_aside import keep_duplicates, move_corrupt_aside, set_copy_aside
from ..files.datalock import LockBusy, data_lock
from .history import History
from .sidecar import (
    SUFFIX,
    CorruptSidecar,
    RenderCache,
    SidecarContent,
    parse_sidecar,
    peek_count,
    read_sidecar,
    render_sidecar,
    sidecar_path,
    signature,
)

if TYPE_CHECKING:
    from ..corpus.article import Article

Apply = Callable[[dict[str, Annotation], list[str]], None]  # a change: applied to what is on disk now

__all__ = ["AnnotationStore", "LoadResult", "StoreError", "current_form", "merge3"]

MAX_ATTEMPTS = 20  # re-read and re-merge this often when the sidecar changes under a save


class StoreError(Exception):
    """A change could not be saved; the message says why, and the old file is intact."""


@dataclass
class LoadResult:
    """Annotations of one article placed in its current text, and what the user should know."""

    anchored: list[Anchored] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class AnnotationStore:
    """Sidecars of one corpus folder."""

    def __init__(self, corpus: Path, history: History | None = None) -> None:
        self.corpus = Path(corpus)
        self.history = history if history is not None else History(self.corpus)
        self._tags: tuple[tuple[tuple[str, int, int], ...], list[str]] | None = None
        # Per article, the annotations as last loaded or saved here: the base of 3-way merges.
        self._base: dict[str, dict[str, Annotation]] = {}
        # Per sidecar, its parsed content while its file signature is unchanged, and rendered items.
        self._parsed: dict[Path, tuple[tuple[int, int, int, int], SidecarContent]] = {}
        self._rendered: dict[str, RenderCache] = {}
        self._copies: tuple[int, dict[str, list[str]]] | None = None  # conflict copies, by folder mtime

    def sidecar_for(self, article_id: str) -> Path:
        return sidecar_path(self.corpus / f"{article_id}.txt")

    # --- reading (never writes) ---------------------------------------------------------------
    def load(self, article: Article) -> LoadResult:
        """Annotations of an article, anchored; a corrupt sidecar is reported, not touched.

        Sync conflict copies of the sidecar are merged in for display (and on disk by the next save).
        """
        try:
            content = self._read(article)
        except CorruptSidecar as exc:
            return LoadResult([], [(f"{exc}. It is shown as no annotations and will be kept aside "
                                   f"(renamed, not deleted) when you next annotate this article.")])
        except OSError as exc:
            return LoadResult([], [f"{self.sidecar_for(article.id).name} cannot be read: {why(exc)}"])
        path = self.sidecar_for(article.id)
        # Each merge copies the warnings of the one before: what is said of every copy is gathered here.
        first, told = content.warnings, list[str]()
        for copy, merged, report in self._conflict_merges(path, article.id, content, first):
            content = merged
            told.append(
                f"{copy.name} is a sync conflict copy of {path.name}: shown merged (annotations only in the "
                f"copy: {report.added}, changed there: {report.updated}); the next save writes the merge and "
                f"keeps the copy aside")
        self._base[article.id] = {a.id: a for a in content.annotations}  # what the user sees
        warnings = content.warnings + [w for w in first if w not in content.warnings] + told
        return LoadResult(anchor_all(article.source_text, content.annotations), warnings)

    def stored(self, article: ArticleText) -> SidecarContent:
        """What the sidecar holds, as stored (no conflict copies merged, no anchoring); CorruptSidecar, OSError."""
        return self._read(article)

    def _read(self, article: ArticleText) -> SidecarContent:
        """The sidecar's content, parsed again only when the file changed (stat first, then read)."""
        path = self.sidecar_for(article.id)
        sig = signature(path)
        hit = self._parsed.get(path)
        if sig is not None and hit is not None and hit[0] == sig:
            return hit[1].copy()
        content = read_sidecar(article.path)
        if sig is not None:
            self._parsed[path] = (sig, content.copy())
        return content

    def count(self, article_path: Path) -> tuple[int, str | None]:
        """(annotation count, warning) of an article's sidecar; read-only."""
        return peek_count(article_path)

    def all_tags(self) -> list[str]:
        """Tags used anywhere in the corpus, most used first (cached until a sidecar changes)."""
        files = sorted(self.corpus.glob("*" + SUFFIX))
        stamp = tuple((f.name, *_stat_key(f)) for f in files)
        if self._tags is not None and self._tags[0] == stamp:
            return self._tags[1]
        counts: Counter[str] = Counter()
        for f in files:
            try:
                content = read_sidecar(f.with_name(f.name[: -len(SUFFIX)] + ".txt"))
            except (CorruptSidecar, OSError):
                continue
            for a in content.annotations:
                counts.update(a.tags)
        tags = [t for t, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        self._tags = (stamp, tags)
        return tags

    def _copies_of(self, sidecar_name: str) -> list[str]:
        """Sync conflict copies of a sidecar in the corpus folder (listing re-read when the folder changes)."""
        try:
            mtime = os.stat(self.corpus).st_mtime_ns
            # during a bulk save (autocode) the folder changes at every save: listed once
            if self._copies is None or (self._copies[0] != mtime and not in_bulk(self.corpus)):
                names = [n for n in os.listdir(self.corpus) if "conflict" in n.lower()]
                by_sidecar: dict[str, list[str]] = {}
                for n in names:
                    original = original_name(n)
                    if original is not None:
                        by_sidecar.setdefault(original, []).append(n)
                self._copies = (mtime, by_sidecar)
        except OSError:
            return []
        return sorted(self._copies[1].get(sidecar_name, []))

    def _conflict_merges(self, path: Path, article_id: str, content: SidecarContent,
                         warnings: list[str]) -> list[tuple[Path, SidecarContent, MergeReport]]:
        """Merge each readable sync conflict copy of `path` into `content`, in name order (read-only)."""
        out: list[tuple[Path, SidecarContent, MergeReport]] = []
        for name in self._copies_of(path.name):
            copy = path.with_name(name)
            try:
                raw = read_regular(copy)
                if raw is None:
                    continue
                theirs = parse_sidecar(raw.decode("utf-8-sig"), article_id, name)
            except (OSError, UnicodeDecodeError, CorruptSidecar, RecursionError) as exc:
                warnings.append(f"{name} looks like a sync conflict copy of {path.name} but cannot be read "
                                f"({exc}); it was left as it is")
                continue
            ours_by = {a.id: a for a in content.annotations}
            pairs = {a.id: (ours_by[a.id], a) for a in theirs.annotations if a.id in ours_by and ours_by[a.id] != a}
            ancestors = self.history.ancestors(article_id, pairs) if pairs else {}
            content, report = merge_contents(None, content, theirs, ancestors)
            out.append((copy, content, report))
        return out

    # --- writing ------------------------------------------------------------------------------
    def save_change(self, article: Article, upsert: Sequence[Annotation] = (),
                    delete: Sequence[str] = ()) -> LoadResult:
        """Apply one change to what is on disk now, under the lock; return the fresh state.

        A 3-way merge by id against the version this store last loaded or saved: work
        another process saved in between is kept; an annotation it changed meanwhile is
        not deleted here, and of two edits of the same annotation the newer one wins.
        """
        return self._rewrite(article, self.change(article.id, upsert, delete))

    def change(self, article_id: str, upsert: Sequence[Annotation] = (), delete: Sequence[str] = ()) -> Apply:
        """The change of `save_change`, to apply under the lock (also by `bulk.save_batch`)."""
        base = self._base.get(article_id)

        def apply(by_id: dict[str, Annotation], notes: list[str]) -> None:
            for ann in upsert:
                theirs = by_id.get(ann.id)
                mine = base.get(ann.id) if base is not None else None
                by_id[ann.id] = ann if theirs is None else merge3(mine or theirs, ann, theirs)
            for ann_id in delete:
                theirs = by_id.get(ann_id)
                if base is not None and theirs is not None and _version(theirs) != _version(base.get(ann_id)):
                    notes.append(f"«{_short(theirs.exact)}» was changed elsewhere meanwhile, so it was "
                                 f"not deleted")
                    continue
                by_id.pop(ann_id, None)

        return apply

    def merge_newer(self, article: Article, incoming: Sequence[Annotation]) -> tuple[int, int, LoadResult]:
        """Add annotations, or merge them by id keeping the newer `modified`: (added, merged, state)."""
        counts = [0, 0]

        def apply(by_id: dict[str, Annotation], notes: list[str]) -> None:
            counts[:] = [0, 0]  # a retried attempt counts afresh
            for ann in incoming:
                mine = by_id.get(ann.id)
                counts[mine is not None] += 1
                if mine is None or newer(ann, mine):
                    by_id[ann.id] = ann

        state = self._rewrite(article, apply)
        return counts[0], counts[1], state

    def restore(self, article: Article, version: str) -> LoadResult:
        """Make the annotations of a kept version the current ones (the current version is kept too).

        Annotations that differ from the current ones are stamped as modified now, so merges keep them.
        Raises KeyError (no such version) or StoreError.
        """
        wanted = self._version_annotations(article, version)

        def apply(by_id: dict[str, Annotation], notes: list[str]) -> None:
            current = dict(by_id)
            by_id.clear()
            for ann in wanted:
                by_id[ann.id] = ann if current.get(ann.id) == ann else edited(ann)

        return self._rewrite(article, apply)

    def restore_change(self, article: Article, version: str) -> tuple[list[Annotation], list[Annotation]]:
        """(before, after) that turn the current annotations into a kept version's, for an undoable command.

        `before` holds current annotations the version lacks or has otherwise, `after` the version's
        forms of those that differ; raises KeyError for an unknown version.
        """
        wanted = {a.id: a for a in self._version_annotations(article, version)}
        current = {p.annotation.id: p.annotation for p in self.load(article).anchored}
        before = [a for i, a in current.items() if wanted.get(i) != a]
        after = [a for i, a in wanted.items() if current.get(i) != a]
        return before, after

    def _version_annotations(self, article: Article, version: str) -> list[Annotation]:
        kept = self.history.find(article.id, version)
        try:
            return self.history.read(article.id, kept).annotations
        except (OSError, CorruptSidecar, RecursionError) as exc:
            raise StoreError(f"version {kept.name} of {article.id} cannot be read: {exc}") from exc

    def _rewrite(self, article: ArticleText, apply: Apply) -> LoadResult:
        """Under the lock beside the sidecar: read, apply, write; again if the file changed meanwhile."""
        path = self.sidecar_for(article.id)
        kept: list[str] = []  # what happened to files set aside, told once even if an attempt repeats
        kept_aside: list[object] = []  # duplicate records already written aside by an earlier attempt
        try:
            with data_lock(path):
                remove_stale_temps(path)
                for _attempt in range(MAX_ATTEMPTS):
                    try:
                        content, warnings = self._attempt(article, path, apply, kept, kept_aside)
                    except Changed:
                        continue
                    break
                else:
                    raise StoreError(f"{path.name} was changed by another program {MAX_ATTEMPTS} times while "
                                     f"saving; nothing was saved, the file on disk is kept as it is")
        except LockBusy as exc:
            raise StoreError(f"Cannot save annotations to {path.name}: {exc}. Nothing was saved; "
                             f"try again in a moment.") from exc
        except OSError as exc:
            raise StoreError(f"Cannot save annotations to {path.name} in {path.parent}: {why(exc)}. "
                             f"The previous file is unchanged.") from exc
        placed = anchor_all(article.source_text, content.annotations)
        return LoadResult(placed, kept + warnings + content.warnings)

    def _attempt(self, article: ArticleText, path: Path, apply: Apply, kept: list[str],
                 kept_aside: list[object]) -> tuple[SidecarContent, list[str]]:
        """One read-merge-write; raise Changed if the sidecar changed before the rename."""
        ready = self.prepare(article, path, apply, kept, kept_aside)
        write_atomic(path, ready.data, before_replace=ready.unchanged)
        self.written(article, ready, kept)
        return ready.content, ready.warnings

    def prepare(self, article: ArticleText, path: Path, apply: Apply, kept: list[str],
                kept_aside: list[object]) -> Prepared:
        """Read, merge and render the sidecar (call holding its lock); the previous version is kept."""
        warnings: list[str] = []
        seen = fingerprint(path)
        content = self._read_for_write(path, article, kept)
        if content is None:  # a corrupt file was just moved aside: nothing is there now
            seen, content = None, SidecarContent()
        copies = self._conflict_merges(path, article.id, content, warnings)
        if copies:
            content = copies[-1][1]
        by_id = {a.id: a for a in content.annotations}
        apply(by_id, warnings)
        placed = anchor_all(article.source_text, list(by_id.values()))
        content.annotations = [current_form(p, article.source_text) for p in placed]
        set_aside, content.set_aside = content.set_aside, []
        resolved = set(content.duplicate_warnings)  # true of the file read, not of the one written
        content.warnings = [w for w in content.warnings if w not in resolved]
        content.duplicate_warnings = []
        data = render_sidecar(article.id, content, self._rendered.setdefault(article.id, {})).encode("utf-8")

        if isinstance(seen, bytes):
            self._keep_version(article.id, seen, warnings)
        if set_aside and set_aside != kept_aside:
            kept.append(keep_duplicates(path, article.id, set_aside))
            kept_aside[:] = set_aside
        return Prepared(path, seen, content, data, copies, warnings)

    def written(self, article: ArticleText, ready: Prepared, kept: list[str]) -> None:
        """After `ready` was renamed into place: set merged conflict copies aside, remember what is on disk."""
        for copy, _merged, report in ready.copies:
            set_copy_aside(ready.path, copy, report, kept)
        sig = signature(ready.path)
        if sig is not None:
            self._parsed[ready.path] = (sig, ready.content.copy())
        self._base[article.id] = {a.id: a for a in ready.content.annotations}

    def _keep_version(self, article_id: str, data: bytes, warnings: list[str]) -> None:
        try:
            self.history.keep(article_id, data)
        except OSError as exc:
            warnings.append(f"the previous version could not be kept in {self.history.root}: {why(exc)}")

    def _read_for_write(self, path: Path, article: ArticleText, kept: list[str]) -> SidecarContent | None:
        """The content to merge into; None after moving a corrupt sidecar aside."""
        try:
            return self._read(article)
        except CorruptSidecar as exc:
            try:
                aside = move_corrupt_aside(path, article.id)
            except OSError as err:
                raise StoreError(f"{exc}, and it could not be moved aside ({why(err)}); "
                                 f"nothing was saved, so that file stays as it is") from err
            kept.append(f"{exc}. It was kept as {aside.name}; a new sidecar was started.")
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {path.name}: {why(exc)}; nothing was saved") from exc


def current_form(placed: Anchored, source: str) -> Annotation:
    """The annotation as a save writes it: exact finds at their current place, fuzzy and orphans as stored."""
    ann = placed.annotation
    if placed.start is None or placed.end is None or placed.status == "fuzzy":
        return ann
    if placed.status == "anchored" and ann.start >= 0 and ann.exact:
        return ann
    exact, prefix, suffix = quote_at(source, placed.start, placed.end)
    return replace(ann, start=placed.start, end=placed.end, exact=exact, prefix=prefix, suffix=suffix)


def _version(ann: Annotation | None) -> tuple[object, ...] | None:
    """What a user changes (not where anchoring put it): tells whether someone else edited it."""
    if ann is None:
        return None
    return ann.modified, ann.color, ann.note, tuple(ann.tags), ann.exact, ann.extra


def _stat_key(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return -1, -1
    return st.st_mtime_ns, st.st_size


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
