"""The status bar's lasting parts: how many files need attention (click for details), listing progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QToolButton

from .core_messages import file_problem
from .i18n import direction, join, tr


class StatusParts(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # ends with its window
        self.problems: list[str] = []
        self.skipped = 0  # how many of the problems are files not read (the rest are warnings)
        self._progress = (0, 0)  # the listing's progress last shown
        self.window = window
        self.problems_button = QToolButton()
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        window.statusBar().addPermanentWidget(self.problems_button)
        self.list_progress = QProgressBar()
        self.list_progress.setObjectName("listProgress")
        self.list_progress.setTextVisible(True)
        self.list_progress.hide()
        window.statusBar().addPermanentWidget(self.list_progress, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The status bar's direction and lasting texts in the current language (the window calls this)."""
        self.window.statusBar().setLayoutDirection(direction())
        self.list_progress.setFormat(tr("خواندن مقاله‌ها: {n} از {total}", n=self._progress[0], total=self._progress[1]))
        n, skipped = len(self.problems), self.skipped
        if n:
            parts = [tr("{n} پرونده خوانده نشد", n=skipped)] if skipped else []
            parts += [tr("{n} هشدار", n=n - skipped)] if n - skipped else []
            self.problems_button.setText(tr("{what} — جزئیات", what=join(parts)))

    def listing_progress(self, done: int, total: int) -> None:
        self.list_progress.show()
        self.list_progress.setMaximum(max(total, 1))
        self.list_progress.setValue(done)
        self._progress = (done, total)
        self.list_progress.setFormat(tr("خواندن مقاله‌ها: {n} از {total}", n=done, total=total))

    def listed(self, listing: Any) -> None:
        """A button in the status bar: how many files were skipped or have warnings; click for details."""
        if not getattr(listing, "partial", False):  # a large folder still being read keeps its progress bar
            self.list_progress.hide()
        self.problems = [file_problem(s.file, s.reason) for s in listing.skipped]
        self.problems += [file_problem(w["file"], w["message"]) for w in listing.warnings]
        n, skipped = len(self.problems), len(listing.skipped)
        self.skipped = skipped
        self.problems_button.setVisible(bool(n))
        self.retranslate_ui()

    def show_problems(self) -> None:
        """The files that were skipped and the warnings, with their reasons."""
        skipped, warned = self.skipped, len(self.problems) - self.skipped
        said = [tr("{n} مورد در این پوشه نیاز به توجه دارد.", n=len(self.problems))]
        if skipped:
            said.append(tr("{n} پرونده خوانده نشد و در فهرست نیست؛ چیزی از آن تغییر نکرده است.", n=skipped))
        if warned:
            said.append(tr("{n} مقاله نمایش داده می‌شود، با هشداری که در جزئیات آمده است.", n=warned))
        window = self.parent()  # the window itself: Qt refuses the weak proxy as a parent
        assert isinstance(window, QMainWindow)
        box = QMessageBox(QMessageBox.Icon.Information, tr("حاشیه"), " ".join(said),
                          QMessageBox.StandardButton.Ok, window)
        box.setDetailedText("\n".join(self.problems))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setLayoutDirection(direction())
        box.open()
