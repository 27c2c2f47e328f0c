"""Autocoding from the window: the run on the context's runner, and ONE undo step for all it created.

The work is core/analysis/autocode.py's `autocode_steps` (bulk saves under each sidecar's lock;
re-running adds nothing). Each step says which annotations it created in which article; the run
gathers them, so `AutocodeCommand` removes exactly those through the session (the store's
lock → merge → atomic write) on undo, and puts them back on redo.

Cancel stops at the end of the batch being saved (`autocode.BATCH` articles are flushed together):
everything written is gathered, so a cancelled run is undoable as one step too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from hashiye.core.analysis.autocode import BATCH, autocode_steps
from hashiye.core.annotations.model import Annotation, edited
import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from .context import AppContext
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
    except Exception as exc:  # a sidecar that cannot be saved: the articles before it stay saved and told
        out.error = describe(exc)
    finally:
        close = getattr(steps, "close", None)  # a generator: its `with` blocks end now
        if close is not None:
            close()
    return out


class AutocodeCommand(QUndoCommand):
    """The annotations one run created: undo deletes exactly them, redo puts them back (one step)."""

    def __init__(self, session: AnnotationSession, created: dict[str, list[Annotation]], text: str) -> None:
        super().__init__(text)
        self.session, self.created = session, created
        self._first = True  # pushed after the run wrote them: the first redo has nothing to do

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._each(lambda art, anns: self.session.apply(art, upsert=[edited(a) for a in anns]),
                   lambda art, anns: self.session.apply(art, delete=[a.id for a in anns]))

    def undo(self) -> None:
        self._each(lambda art, anns: self.session.apply(art, delete=[a.id for a in anns]),
                   lambda art, anns: self.session.apply(art, upsert=[edited(a) for a in anns]))

    def _each(self, do, back) -> None:  # type: ignore[no-untyped-def]
        done: list[str] = []
        for art, anns in self.created.items():
            if not do(art, anns):
                for again in reversed(done):  # nothing is half done: put back what this step changed
                    back(again, self.created[again])
                self.setObsolete(True)
                return
            done.append(art)


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
