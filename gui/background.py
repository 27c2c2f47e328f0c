"""Run slow core work (a plain function or a progress-yielding generator) off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundJob(QObject):
    """One job on a worker thread; its signals arrive on the UI thread.

    `work` returns a value, or an iterator of (done, total) whose last StopIteration value
    is the result. Errors are reported through `failed` with a readable message.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="hashiye-job", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            result = self._work()
            if isinstance(result, Iterator):
                while True:
                    try:
                        done, total = next(result)
                    except StopIteration as stop:
                        result = stop.value
                        break
                    self.progress.emit(done, total)
        except Exception as exc:  # reported to the user, never a silent failure
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(result)
