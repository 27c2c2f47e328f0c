"""Ctrl+Shift+F: search every article of the corpus; Enter opens the article at the hit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hashiye.core.search import CorpusIndex, Hit, refresh_steps, search
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QProgressBar, QVBoxLayout, QWidget

from .background import BackgroundJob
from .i18n import bidi_line, direction, tr
from .views import ContentDelegate, on_enter

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 3
LIMIT = 500


class HitModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.titles: dict[str, str] = {}

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.titles.get(hit.id, hit.id)}\n…{hit.snippet}…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        if role == HitRole:
            return hit
        return None


class SearchPanel(QDialog):
    """Query field, progress while the index is brought up to date, and the hits."""

    openHit = Signal(object)  # Hit

    def __init__(self, parent: QWidget, corpus: Path, titles: dict[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("جست‌وجو در همهٔ مقاله‌ها"))
        self.setLayoutDirection(direction())
        self.index: CorpusIndex | None = None
        self.query = QLineEdit()
        self.query.setObjectName("corpusQuery")
        self.query.setPlaceholderText(tr("واژه یا «عبارت» — همهٔ املاها و شکل‌ها"))
        self.progress = QProgressBar()
        self.progress.setFormat(tr("نمایه‌سازی %v از %m"))
        self.status = QLabel()
        self.model = HitModel()
        self.model.titles = titles
        self.results = QListView()
        self.results.setItemDelegate(ContentDelegate(self.results))
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        on_enter(self.results, lambda idx: self._open(idx.data(HitRole)))
        self.results.doubleClicked.connect(lambda idx: self._open(idx.data(HitRole)))
        self.query.returnPressed.connect(self._enter)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_query)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        lay = QVBoxLayout(self)
        for w in (self.query, self.progress, self.status):
            lay.addWidget(w)
        lay.addWidget(self.results, 1)
        self.resize(640, 560)
        self.corpus = corpus
        self._job = BackgroundJob(lambda: self._build(corpus), self)
        self._job.progress.connect(self._progress)
        self._job.finished.connect(self._ready)
        self._job.failed.connect(lambda m: self.status.setText(tr("نمایه ساخته نشد: {why}", why=m)))
        self.status.setText(tr("در حال به‌روز کردن نمایه…"))
        self._job.start()

    @staticmethod
    def _build(corpus: Path) -> Any:
        """Worker thread: bring the index up to date (its own connection)."""
        for step in refresh_steps(corpus):
            yield step.done, step.total

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _ready(self, _result: object) -> None:
        self.index = CorpusIndex(self.corpus)  # the UI thread's own connection
        self.progress.hide()
        self.run_query()

    def run_query(self) -> None:
        """Search on the UI thread (milliseconds on an up-to-date index)."""
        text = self.query.text().strip()
        if self.index is None:
            return
        if not text:
            self.model.set_hits([])
            self.status.setText("")
            return
        # The first page only: a common word in a large corpus would otherwise take
        # a quarter of a second to count completely, on the UI thread.
        result = search(self.index, text, LIMIT, complete=False)
        hits = result.hits
        self.model.set_hits(hits)
        if result.complete:
            parts = [tr("{n} یافته", n=result.total), tr("{n} مقاله", n=result.articles)]
        else:
            parts = [tr("دست‌کم {n} یافته", n=result.total), tr("{n} مقاله", n=result.articles),
                     tr("نخستین {n} نمایش داده شده", n=len(hits))]
        self.status.setText(bidi_line(parts) if result.total else tr("چیزی یافت نشد"))
        if hits:
            self.results.setCurrentIndex(self.model.index(0))

    def _enter(self) -> None:
        if self.model.hits:
            self.results.setFocus()

    def _open(self, hit: Hit) -> None:
        self.openHit.emit(hit)

    def closeEvent(self, event: Any) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None
        super().closeEvent(event)
