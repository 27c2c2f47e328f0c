"""The status bar's lasting parts: how many files need attention (click for details), listing progress."""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QToolButton

from .i18n import direction, join, tr


class StatusParts(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # ends with its window
        self.window: QMainWindow = weakref.proxy(window)  # the window owns this: no cycle that keeps it alive
        self.problems: list[str] = []
        self.problems_button = QToolButton()
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        window.statusBar().setLayoutDirection(direction())
        window.statusBar().addPermanentWidget(self.problems_button)
        self.list_progress = QProgressBar()
        self.list_progress.setObjectName("listProgress")
        self.list_progress.setTextVisible(True)
        self.list_progress.hide()
        window.statusBar().addPermanentWidget(self.list_progress, 1)

    def listing_progress(self, done: int, total: int) -> None:
        self.list_progress.show()
        self.list_progress.setMaximum(max(total, 1))
        self.list_progress.setValue(done)
        self.list_progress.setFormat(tr("خواندن مقاله‌ها: {n} از {total}", n=done, total=total))

    def listed(self, listing: Any) -> None:
        """A button in the status bar: how many files were skipped or have warnings; click for details."""
        if not getattr(listing, "partial", False):  # a large folder still being read keeps its progress bar
            self.list_progress.hide()
        self.problems = [f"{s.file}: {s.reason}" for s in listing.skipped]
        self.problems += [f"{w['file']}: {w['message']}" for w in listing.warnings]
        n, skipped = len(self.problems), len(listing.skipped)
        self.problems_button.setVisible(bool(n))
        if n:
            parts = [tr("{n} پرونده خوانده نشد", n=skipped)] if skipped else []
            parts += [tr("{n} هشدار", n=n - skipped)] if n - skipped else []
            self.problems_button.setText(tr("{what} — جزئیات", what=join(parts)))

    def show_problems(self) -> None:
        """The files that were skipped and the warnings, with their reasons."""
        box = QMessageBox(QMessageBox.Icon.Information, tr("حاشیه"),
                          tr("{n} مورد در این پوشه نیاز به توجه دارد. پرونده‌های خوانده‌نشده نمایش داده نمی‌شوند "
                             "و چیزی از آن‌ها تغییر نکرده است.", n=len(self.problems)),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText("\n".join(self.problems))
        box.setLayoutDirection(direction())
        box.open()
