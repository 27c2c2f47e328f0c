"""Autocoding from the window: the run on the context's runner, and ONE undo step for all it created.

The work is core/analysis/autocode.py's `autocode_steps` (bulk saves under each sidecar's lock;
re-running adds nothing). Each step says which annotations it created in which article; the run
gathers them, so `AutocodeCommand` removes exactly those through the session's store (its lock →
merge → atomic write, on the bulk path) on undo, and puts them back on redo.

Cancel stops at the end of the batch being saved (`autocode.BATCH` articles are flushed together):
everything written is gathered, so a cancelled run is undoable as one step too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from hashiye.core.analysis.autocode import BATCH, autocode_steps
from hashiye.core.annotations.bulk import Job, save_batch
from hashiye.core.annotations.model import Annotation, edited
from hashiye.core.annotations.store import Apply, StoreError
from hashiye.core.files.atomic import bulk_saves
from hashiye.core.text.textio import UnreadableArticle, read_text
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from .context import AppContext
from .core_messages import core_message
from .i18n import tr
from .runner import Cancelled, Operation, describe
from .session import AnnotationSession


@dataclass
class AutocodeParams:
    query: str
    tag: str
    unit: str = "hit"
    color: str = "yellow"
    coder: str | None = None


@dataclass
class AutocodeOutcome:
    """What a run did: the annotations created per article, and whether it ended early (and why)."""

    created: dict[str, list[Annotation]] = field(default_factory=dict)
    stopped: bool = False
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def annotations(self) -> int:
        return sum(len(v) for v in self.created.values())


def run_autocode(corpus: Path, p: AutocodeParams, op: Operation, stop: threading.Event) -> AutocodeOutcome:
    """On the worker: code every hit; stop (when asked) only at the end of a saved batch."""
    out = AutocodeOutcome()
    steps = autocode_steps(corpus, p.query, p.tag, unit=p.unit, color=p.color, coder=p.coder)
    try:
        for step in steps:
            if step.created:
                out.created.setdefault(step.article, []).extend(step.created)
            out.warnings += step.warnings
            at_batch_end = step.done % BATCH == 0 or step.done == step.total
            if not out.stopped:
                try:
                    op.report(step.done, step.total)
                except Cancelled:  # the window closes
                    stop.set()
            if stop.is_set():
                out.stopped = True
                if at_batch_end:
                    break  # nothing saved is left untold: the next batch has not started
    except Exception as exc:  # noqa: BLE001 (whatever it is, what was saved before is told, so undoable)
        out.error = describe(exc)
    finally:
        close = getattr(steps, "close", None)  # a generator: its `with` blocks end now
        if close is not None:
            close()
    return out


@dataclass
class _Text:
    """What a save needs of an article (`core.annotations.prepared.ArticleText`), without parsing it."""

    id: str
    path: Path
    source_text: str


def _same(a: Annotation, b: Annotation) -> bool:
    """The annotation as the run made it (not recoloured, noted or re-tagged since)."""
    return (a.start, a.end, a.color, a.note, a.tags) == (b.start, b.end, b.color, b.note, b.tags)


def _remove(anns: list[Annotation]) -> Apply:
    def apply(by_id: dict[str, Annotation], notes: list[str]) -> None:
        for a in anns:
            theirs = by_id.get(a.id)
            if theirs is not None and not _same(theirs, a):
                notes.append(f"«{a.exact[:40]}» was changed since it was coded, so it was kept")
            else:
                by_id.pop(a.id, None)
    return apply


def _put_back(anns: list[Annotation]) -> Apply:
    def apply(by_id: dict[str, Annotation], notes: list[str]) -> None:
        for a in anns:
            by_id.setdefault(a.id, edited(a))  # a restored version is a new modification: merges keep it
    return apply


class AutocodeCommand(QUndoCommand):
    """The annotations one run created: undo deletes exactly them, redo puts them back (one step).

    Saved through the session's store on its bulk path (`core/annotations/bulk.py`: per article the
    lock, re-read, merge and atomic write of any save; one flush to disk per batch), so undoing
    thousands of articles takes seconds, not minutes. An annotation edited since the run is kept.
    A step that cannot be saved whole is put back as it was and dropped from the history.
    """

    def __init__(self, session: AnnotationSession, created: dict[str, list[Annotation]], text: str) -> None:
        super().__init__(text)
        self.session, self.created = session, created
        self._first = True  # pushed after the run wrote them: the first redo has nothing to do

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._swap(_put_back, _remove)

    def undo(self) -> None:
        self._swap(_remove, _put_back)

    def _swap(self, do: Callable[[list[Annotation]], Apply], back: Callable[[list[Annotation]], Apply]) -> None:
        saved, why = self._save(do)
        if why is not None:
            self._save(back, only=saved)  # nothing is half done
            self.session.last_error = why
            self.session.failed.emit(why)
            self.setObsolete(True)
        for art in self.created:
            self.session.forget(art)
            self.session.changed.emit(art)

    def _save(self, change: Callable[[list[Annotation]], Apply],
              only: list[str] | None = None) -> tuple[list[str], str | None]:
        """Apply `change` to each article's created annotations; the articles saved, and why one was not."""
        store = self.session.store
        jobs: list[Job] = []
        for art in self.created if only is None else only:
            path = store.corpus / f"{art}.txt"
            try:
                text = read_text(path).text
            except UnreadableArticle as exc:
                return [], f"{art}: {getattr(exc, 'reason', None) or exc}"
            jobs.append(Job(_Text(art, path, text), change(self.created[art])))
        saved: list[str] = []
        with bulk_saves(store.corpus), ThreadPoolExecutor(max_workers=8) as pool:
            for first in range(0, len(jobs), BATCH):
                batch = jobs[first:first + BATCH]
                for job, outcome in zip(batch, save_batch(store, batch, pool), strict=True):
                    if isinstance(outcome, StoreError):
                        return saved, core_message(str(outcome))
                    saved.append(job.article.id)
        return saved, None


class AutocodeRun(QObject):
    """One run at a time from the search pane: progress, cancel, then the undo step and a message."""

    progress = Signal(int, int)
    finished = Signal(str)  # what happened, for the status line

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.op: Operation | None = None
        self._stop = threading.Event()
        self.last: AutocodeOutcome | None = None

    @property
    def running(self) -> bool:
        return self.op is not None

    def start(self, p: AutocodeParams) -> None:
        corpus, session, stop = self.context.folder, self.context.session, threading.Event()
        self._stop = stop
        self.op = self.context.runner.run(
            tr("کدگذاری خودکار"), lambda op: run_autocode(corpus, p, op, stop),
            on_progress=self.progress.emit, on_done=lambda o: self._done(p, session, o),
            on_failed=self._failed)

    def cancel(self) -> None:
        self._stop.set()

    def _failed(self, why: str) -> None:
        self.op = None
        self.finished.emit(tr("کدگذاری ممکن نشد: {why}", why=why))

    def _done(self, p: AutocodeParams, session: AnnotationSession, out: AutocodeOutcome) -> None:
        if not shiboken6.isValid(self):
            return  # the pane went with its folder (another one opened): that folder's history went too
        self.op, self.last = None, out
        for art in out.created:  # written by the run's own store: the views read them afresh
            session.forget(art)
            session.changed.emit(art)
        n, m = out.annotations, len(out.created)
        if n:
            text = tr("کدگذاری «{tag}»: {n} برجسته‌سازی در {m} مقاله", tag=p.tag, n=n, m=m)
            if self.context.corpus == session.corpus:  # still the folder whose history this belongs to
                self.context.undo_stack.push(AutocodeCommand(session, out.created, text))
            said = tr("{what} ساخته شد (Ctrl+Z واگرد می‌کند)", what=text)
        else:
            said = tr("کدگذاری «{tag}»: برجسته‌سازی تازه‌ای لازم نبود (همه پیش‌تر بودند)", tag=p.tag)
        if out.error:
            said += " — " + tr("پیش از پایان متوقف شد: {why}", why=out.error)
        elif out.stopped:
            said += " — " + tr("لغو شد؛ آنچه ذخیره شده بود می‌ماند")
        self.finished.emit(said)
