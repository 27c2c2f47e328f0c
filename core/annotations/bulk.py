"""Saving many sidecars at once (autocode): each as `AnnotationStore.save_change` saves one,
with one flush to disk for the lot.

Per sidecar, under its lock (the same lock, re-read and merge as a single save), the change
is applied to what is on disk now and the new bytes are written to a temporary file; then
`atomic.replace_all` fsyncs all the temporary files together, renames each into place (after
checking that the sidecar still holds what was read) and fsyncs the folder once. After a
crash each sidecar is the old one or the new one. A sidecar whose lock is busy, or that
changed before its rename, is saved afterwards by the ordinary path (waiting for the lock,
merging again). A batch holds its locks for about a second, far below the age at which other
writers take a lock for stale (`datalock.STALE_AFTER`).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from ..files.atomic import Staged, remove_stale_temps, replace_all, why
from ..files.datalock import LockBusy, data_lock
from .prepared import ArticleText, Changed, Prepared
from .store import AnnotationStore, Apply, StoreError


@dataclass
class Job:
    """One article's change: `apply` edits its annotations by id as they are on disk at save time."""

    article: ArticleText
    apply: Apply


@dataclass
class _Held:
    """A sidecar locked, its new version prepared and staged in a temporary file."""

    lock: AbstractContextManager[None]
    ready: Prepared
    staged: Staged
    kept: list[str] = field(default_factory=list)


Outcome = list[str] | StoreError  # warnings of a saved sidecar, or why it was not saved


def save_batch(store: AnnotationStore, jobs: Sequence[Job], pool: Executor) -> list[Outcome]:
    """Save each job's change (prepared on `pool`, flushed together); per job its warnings or StoreError.

    Raises only what a bug or an interrupt raises; then nothing of this batch is renamed
    into place and no lock or temporary file is left behind.
    """
    outcomes: list[Outcome | None] = [None] * len(jobs)
    held: dict[int, _Held] = {}
    later: list[int] = []  # busy or changed meanwhile: the ordinary path
    handed_over = False  # replace_all removes every temporary file it does not rename
    try:
        failure: BaseException | None = None
        for i, got in enumerate(pool.map(lambda job: _stage(store, job), jobs)):
            if isinstance(got, _Held):
                held[i] = got
            elif got is None:
                later.append(i)
            elif isinstance(got, StoreError):
                outcomes[i] = got
            else:
                failure = failure or got
        if failure is not None:
            raise failure
        order = sorted(held)
        staged = [held[i].staged for i in order]
        handed_over = True
        errors = replace_all(staged, [held[i].ready.unchanged for i in order])
        for i, error in zip(order, errors, strict=True):
            h = held[i]
            if error is None:
                store.written(jobs[i].article, h.ready, h.kept)
                outcomes[i] = h.kept + h.ready.warnings + h.ready.content.warnings
            elif isinstance(error, Changed):
                later.append(i)
            elif isinstance(error, OSError):
                outcomes[i] = _cannot_save(h.ready.path, error)
            else:
                raise error
    finally:
        for h in held.values():
            if not handed_over:
                h.staged.discard()
            h.lock.__exit__(None, None, None)
    for i in sorted(later):
        try:
            outcomes[i] = store._rewrite(jobs[i].article, jobs[i].apply).warnings
        except StoreError as exc:
            outcomes[i] = exc
    return [o if o is not None else StoreError("not saved") for o in outcomes]


def _stage(store: AnnotationStore, job: Job) -> _Held | StoreError | BaseException | None:
    """Lock, prepare and stage one sidecar; None if its lock is busy (saved later, waiting for it)."""
    path = store.sidecar_for(job.article.id)
    lock = data_lock(path, timeout=0.0)
    try:
        lock.__enter__()
    except LockBusy:
        return None
    except OSError as exc:
        return _cannot_save(path, exc)
    except BaseException as exc:  # noqa: BLE001 (raised again on the calling thread)
        return exc
    try:
        remove_stale_temps(path)
        kept: list[str] = []
        ready = store.prepare(job.article, path, job.apply, kept, [])
        return _Held(lock, ready, Staged(path, ready.data), kept)
    except StoreError as exc:
        lock.__exit__(None, None, None)
        return exc
    except OSError as exc:
        lock.__exit__(None, None, None)
        return _cannot_save(path, exc)
    except BaseException as exc:  # noqa: BLE001 (raised again on the calling thread)
        lock.__exit__(None, None, None)
        return exc


def _cannot_save(path: Path, exc: OSError) -> StoreError:
    return StoreError(f"Cannot save annotations to {path.name} in {path.parent}: {why(exc)}. "
                      f"The previous file is unchanged.")
