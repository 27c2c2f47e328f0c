"""The annotation store: read, merge and write sidecars without ever losing an annotation.

Writes take an inter-process lock (a file in the user cache folder, so the corpus only
receives sidecars), re-read the sidecar, apply just this change (upserts and deletes by
id) to what is on disk now, and replace the file atomically (temporary file in the same
folder, fsync, rename, fsync the folder). Two windows, the app and the CLI, or a sync
tool writing the same sidecar therefore keep each other's work.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .anchoring import anchor_all
from .annotations import Anchored, Annotation, newer, quote_at
from .paths import cache_dir
from .sidecar import (
    SUFFIX,
    CorruptSidecar,
    RenderCache,
    SidecarContent,
    peek_count,
    read_sidecar,
    render_sidecar,
    sidecar_path,
    signature,
)

if TYPE_CHECKING:
    from .article import Article

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; atomic replace still protects the file
    fcntl = None  # type: ignore[assignment]


class StoreError(Exception):
    """A change could not be saved; the message says why, and the old file is intact."""


@dataclass
class LoadResult:
    """Annotations of one article placed in its current text, and what the user should know."""

    anchored: list[Anchored] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return exc.strerror or str(exc)


def _utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


class AnnotationStore:
    """Sidecars of one corpus folder."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = Path(corpus)
        self._tags: tuple[tuple[tuple[str, int, int], ...], list[str]] | None = None
        # Per article, the annotations as last loaded or saved here: the base of 3-way merges.
        self._base: dict[str, dict[str, Annotation]] = {}
        # Per sidecar, its parsed content while its file signature is unchanged, and rendered items.
        self._parsed: dict[Path, tuple[tuple[int, int, int, int], SidecarContent]] = {}
        self._rendered: dict[str, RenderCache] = {}

    def sidecar_for(self, article_id: str) -> Path:
        return sidecar_path(self.corpus / f"{article_id}.txt")

    # --- reading (never writes) ---------------------------------------------------------------
    def load(self, article: Article) -> LoadResult:
        """Annotations of an article, anchored; a corrupt sidecar is reported, not touched."""
        try:
            content = self._read(article)
        except CorruptSidecar as exc:
            return LoadResult([], [(f"{exc}. It is shown as no annotations and will be kept aside "
                                   f"(renamed, not deleted) when you next annotate this article.")])
        except OSError as exc:
            return LoadResult([], [f"{self.sidecar_for(article.id).name} cannot be read: {_why(exc)}"])
        self._base[article.id] = {a.id: a for a in content.annotations}
        return LoadResult(anchor_all(article.source_text, content.annotations), content.warnings)

    def _read(self, article: Article) -> SidecarContent:
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

    # --- writing ------------------------------------------------------------------------------
    def save_change(self, article: Article, upsert: Sequence[Annotation] = (),
                    delete: Sequence[str] = ()) -> LoadResult:
        """Apply one change to what is on disk now, under the lock; return the fresh state.

        A 3-way merge by id against the version this store last loaded or saved: work
        another process saved in between is kept; an annotation it changed meanwhile is
        not deleted here, and of two edits of the same annotation the newer one wins.
        """
        base = self._base.get(article.id)

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

        return self._rewrite(article, apply)

    def merge_newer(self, article: Article, incoming: Sequence[Annotation]) -> tuple[int, int, LoadResult]:
        """Add annotations, or merge them by id keeping the newer `modified`: (added, merged, state)."""
        counts = [0, 0]

        def apply(by_id: dict[str, Annotation], notes: list[str]) -> None:
            for ann in incoming:
                mine = by_id.get(ann.id)
                counts[mine is not None] += 1
                if mine is None or newer(ann, mine):
                    by_id[ann.id] = ann

        state = self._rewrite(article, apply)
        return counts[0], counts[1], state

    def _rewrite(self, article: Article, apply: Callable[[dict[str, Annotation], list[str]], None]) -> LoadResult:
        """Lock, re-read, let `apply` change the annotations by id, write atomically, re-anchor."""
        path = self.sidecar_for(article.id)
        warnings: list[str] = []
        with self._locked(path):
            content = self._read_for_write(path, article, warnings)
            by_id = {a.id: a for a in content.annotations}
            apply(by_id, warnings)
            placed = anchor_all(article.source_text, list(by_id.values()))
            content.annotations = [current_form(p, article.source_text) for p in placed]
            self._write(path, render_sidecar(article.id, content, self._rendered.setdefault(article.id, {})))
            sig = signature(path)
            if sig is not None:
                self._parsed[path] = (sig, content.copy())
        self._base[article.id] = {a.id: a for a in content.annotations}
        placed = anchor_all(article.source_text, content.annotations)
        return LoadResult(placed, warnings + content.warnings)

    def _read_for_write(self, path: Path, article: Article, warnings: list[str]) -> SidecarContent:
        try:
            return self._read(article)
        except CorruptSidecar as exc:
            aside = _free_name(path, f"{article.id}.annotations.corrupt-{_utc_stamp()}")
            try:
                os.rename(path, aside)
            except OSError as err:
                raise StoreError(f"{exc}, and it could not be moved aside ({_why(err)}); "
                                 f"nothing was saved, so that file stays as it is") from err
            warnings.append(f"{exc}. It was kept as {aside.name}; a new sidecar was started.")
            return SidecarContent()
        except OSError as exc:
            raise StoreError(f"cannot read {path.name}: {_why(exc)}; nothing was saved") from exc

    def _write(self, path: Path, text: str) -> None:
        """Replace `path` atomically: hidden temp file in the same folder, fsync, rename, fsync folder."""
        folder = path.parent
        self._remove_stale_temps(path)
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.tmp-")
            try:
                data = memoryview(text.encode("utf-8"))
                while data:
                    data = data[os.write(fd, data):]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
            tmp = None
            _fsync_dir(folder)
        except OSError as exc:
            raise StoreError(f"Cannot save annotations to {path.name} in {folder}: {_why(exc)}. "
                             f"The previous file is unchanged.") from exc
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    @staticmethod
    def _remove_stale_temps(path: Path) -> None:
        """Temp files of writers that died; safe under the lock."""
        for stale in path.parent.glob(f".{path.name}.tmp-*"):
            try:
                stale.unlink()
            except OSError:
                pass

    @contextmanager
    def _locked(self, path: Path) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        key = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
        lock_dir = cache_dir() / "locks"
        try:
            lock_dir.mkdir(parents=True, exist_ok=True)
            handle = open(lock_dir / f"{key}.lock", "a+b")  # noqa: SIM115
        except OSError:
            yield  # no usable cache folder: still atomic, just not serialised
            return
        with handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def current_form(placed: Anchored, source: str) -> Annotation:
    """The annotation as a save writes it: exact finds at their current place, fuzzy and orphans as stored."""
    ann = placed.annotation
    if placed.start is None or placed.end is None or placed.status == "fuzzy":
        return ann
    if placed.status == "anchored" and ann.start >= 0 and ann.exact:
        return ann
    exact, prefix, suffix = quote_at(source, placed.start, placed.end)
    return replace(ann, start=placed.start, end=placed.end, exact=exact, prefix=prefix, suffix=suffix)


def merge3(base: Annotation, ours: Annotation, theirs: Annotation) -> Annotation:
    """Field by field: a field only one side changed takes that change; both → the newer edit."""
    ours_win = not newer(theirs, ours)
    merged = {}
    for f in fields(Annotation):
        b, o, t = (getattr(x, f.name) for x in (base, ours, theirs))
        merged[f.name] = t if o == b else o if t == b or ours_win else t
    later = ours if ours_win else theirs
    merged["modified"] = later.modified
    return Annotation(**merged)


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


def _free_name(path: Path, stem: str) -> Path:
    """`<stem>.json` in the sidecar's folder, numbered if taken (never overwrite a kept file)."""
    candidate = path.with_name(stem + ".json")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}-{n}.json")
        n += 1
    return candidate


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
