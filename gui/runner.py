"""Slow work off the UI thread, one way: operations on a QThreadPool, with progress, cancel and
one place where failures become messages (in the manner of Anki's operations).

    op = runner.run(tr("…"), work, on_done=show)

`work(op)` runs on a worker thread. It may call `op.report(done, total)` (which raises
`Cancelled` once the operation is cancelled), or return an iterator of (done, total) whose
StopIteration value is the result; it may hand parts of the result over early with
`op.deliver(part)`. `on_done(result)`, `on_progress(done, total)` and `on_partial(part)` are called
on the UI thread; a failure is turned into a readable message and given to `on_failed`, or, when
there is none, to the runner's `failed` signal (the window shows it). A cancelled operation
calls nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .core_messages import core_message


class Cancelled(Exception):
    """Raised inside a worker by `Operation.report` once the operation was cancelled."""


def describe(exc: BaseException) -> str:
    """A failure as the user reads it (the reason core gives, else the exception's own words)."""
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str) and reason:
        return core_message(reason)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return f"{type(exc).__name__}: {exc}"


class Operation(QObject):
    """One piece of slow work; its signals arrive on the UI thread."""

    progress = Signal(int, int)
    partial = Signal(object)  # a part of the result, as soon as it is ready (a listing's first articles)
    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()  # after succeeded/failed, or when a cancelled operation stops

    REPORT_EVERY = 0.05  # seconds between progress reports (the last one is always sent)

    def __init__(self, label: str, work: Callable[[Operation], Any]) -> None:
        super().__init__()
        self.label = label
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()
        self.result: Any = None
        self.error: str | None = None
        self._reported = 0.0

    # --- called from the worker ----------------------------------------------------------
    def report(self, done: int, total: int) -> None:
        """Progress from the worker; raises Cancelled once the operation was cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        now = time.monotonic()
        if done < total and now - self._reported < self.REPORT_EVERY:
            return  # each report costs the UI thread a turn at the GIL: a few per second are enough
        self._reported = now
        try:
            self.progress.emit(done, total)
        except RuntimeError as exc:  # the application is closing
            raise Cancelled from exc

    def deliver(self, part: Any) -> None:
        """Hand a part of the result to the UI thread now (`on_partial`); raises Cancelled once cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        try:
            self.partial.emit(part)
        except RuntimeError as exc:  # the application is closing
            raise Cancelled from exc

    def run(self) -> None:
        try:
            result = self._work(self)
            if isinstance(result, Iterator):
                while True:
                    try:
                        done, total = next(result)
                    except StopIteration as stop:
                        result = stop.value
                        break
                    self.report(done, total)
        except Cancelled:
            pass
        except Exception as exc:  # every failure becomes a message: never a silent one
            self.error = describe(exc)
        else:
            self.result = result
        finally:
            self.done.set()
        try:
            if self._cancel.is_set():
                self.ended.emit()
            elif self.error is not None:
                self.failed.emit(self.error)
                self.ended.emit()
            else:
                self.succeeded.emit(self.result)
                self.ended.emit()
        except RuntimeError:  # the application is closing and its objects are gone: nobody to tell
            pass

    # --- called from the UI thread -------------------------------------------------------
    def cancel(self) -> None:
        """Stop at the next progress report; nothing more is delivered."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, seconds: float | None = None) -> bool:
        """Block until the work has run (tests and shutdown only, never in a UI slot)."""
        return self.done.wait(seconds)


class _Task(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        self.op.run()


class Runner(QObject):
    """Starts operations on its own thread pool and keeps them alive until they end."""

    failed = Signal(str)  # the one place failures without their own handler go
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 3) -> None:
        super().__init__(parent)
        # Not a Qt child of the runner: Qt deleting its children from C++ (a window closed while its
        # folder was being listed) ran the pool's destructor, which waits for the workers, while the
        # UI thread held the interpreter lock a worker needed to finish, and the program hung. Owned
        # by Python, it goes with the runner's Python object, waiting without holding that lock.
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(threads)
        self.running: set[Operation] = set()

    def run(self, label: str, work: Callable[[Operation], Any], *,
            on_done: Callable[[Any], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None,
            on_partial: Callable[[Any], None] | None = None,
            on_failed: Callable[[str], None] | None = None) -> Operation:
        op = Operation(label, work)

        def unless_cancelled(handler: Callable[..., None]) -> Callable[..., None]:
            # A result already queued when `cancel()` ran is dropped here, on the UI thread, so a
            # cancelled operation delivers nothing (its caller need not check again).
            return lambda *args: None if op.cancelled else handler(*args)

        if on_done is not None:
            op.succeeded.connect(unless_cancelled(on_done))
        if on_progress is not None:
            op.progress.connect(unless_cancelled(on_progress))
        if on_partial is not None:
            op.partial.connect(unless_cancelled(on_partial))
        if on_failed is None:
            def on_failed(why: str) -> None:
                self.failed.emit(f"{label}: {why}" if label else why)
        op.failed.connect(unless_cancelled(on_failed))
        op.ended.connect(lambda: self._ended(op))
        self.running.add(op)
        if len(self.running) == 1:
            self.busy.emit(True)
        self.pool.start(_Task(op))
        return op

    def _ended(self, op: Operation) -> None:
        if not shiboken6.isValid(self):
            return  # the runner went with its window (a language switch) while this work ran
        self.running.discard(op)
        if not self.running:
            self.busy.emit(False)

    def cancel_all(self) -> None:
        for op in list(self.running):
            op.cancel()

    def shutdown(self, ms: int = 3000) -> None:
        """Cancel what runs and wait a moment for the workers (at exit)."""
        self.cancel_all()
        self.pool.waitForDone(ms)
