"""Every highlight and note of the corpus in one sortable table (a pane below the reader); filter by text,
tag, colour; Enter opens it."""

from __future__ import annotations

from typing import Any

from hashiye.core.annotations.model import COLORS, Anchored
from hashiye.core.corpus.article import Article
from hashiye.core.annotations.coders import coder_of, coders_of
from hashiye.core.corpus.filters import Filter
from hashiye.core.exchange.exporting import collect
from hashiye.core.text.normalize import match_key
from hashiye.core.text.textio import UnreadableArticle
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .accessible import name_parts
from .colors import color_label, highlight_color
from .context import AppContext
from .i18n import N_, bidi_line, digits, direction, join, tr
from .qtext import plain_tip
from .themes import current as current_theme
from .views import ContentDelegate, on_enter

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 4
HEADERS = [N_("رنگ"), N_("متن برجسته‌سازی"), N_("یادداشت"), N_("برچسب‌ها"), N_("مقاله"), N_("وضعیت"), N_("کدگذار")]
STATUS = {"anchored": "", "moved": N_("جابه‌جا"), "fuzzy": N_("تقریبی"), "orphan": N_("جاگم‌شده")}


class AnnotationTable(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Article, Anchored]] = []

    def set_rows(self, rows: list[tuple[Article, Anchored]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        art, placed = self.rows[index.row()]
        ann = placed.annotation
        if role == RowRole:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return highlight_color(ann.color)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QColor(current_theme().on_highlight)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = [color_label(ann.color), " ".join(ann.exact.split()), " ".join(ann.note.split()),
                  digits(join(ann.tags)), art.title or art.id, tr(STATUS.get(placed.status, "")), coder_of(ann) or ""]
        return plain_tip(values[index.column()]) if role == Qt.ItemDataRole.ToolTipRole else values[index.column()]


class TextFilter(QSortFilterProxyModel):
    """Rows whose quote, note, tags or title hold every word (matching form of DESIGN §5)."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = match_key(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        assert isinstance(model, AnnotationTable)
        art, placed = model.rows[row]
        ann = placed.annotation
        key = match_key(" ".join([ann.exact, ann.note, *ann.tags, art.title or ""]))
        return all(w in key for w in self.words)


class AnnotationBrowser(QWidget):
    """Loads every annotation on the runner, then follows every change the context announces;
    `openAnnotation(article_id, annotation_id)`."""

    openAnnotation = Signal(str, str)

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        super().__init__(parent)
        self.context = context
        self.corpus = corpus = context.folder
        self.loaded = False
        self.failure = ""  # why the highlights could not be read
        self.all_rows: list[tuple[Article, Anchored]] = []
        self.text = QLineEdit()
        self.text.setObjectName("browserText")
        self.tag = QComboBox()
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag.setMinimumContentsLength(12)
        self.color = QComboBox()
        self.color.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.color.addItem("", "")
        for c in COLORS:
            self.color.addItem("", c)
        self.coder = QComboBox()
        self.coder.setObjectName("browserCoder")
        self.coder.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QLabel()
        self.model = AnnotationTable()
        self.proxy = TextFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("browserTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(ContentDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # file order until a header is clicked
        for col, width in enumerate((60, 320, 220, 140, 220, 70, 110)):
            self.table.setColumnWidth(col, width)
        on_enter(self.table, lambda idx: self._open(idx.data(RowRole)))
        self.table.doubleClicked.connect(lambda idx: self._open(idx.data(RowRole)))
        self.text.textChanged.connect(self.proxy.set_text)
        self.tag.currentIndexChanged.connect(lambda _i: self._apply())
        self.color.currentIndexChanged.connect(lambda _i: self._apply())
        self.coder.currentIndexChanged.connect(lambda _i: self._apply())
        self.text.returnPressed.connect(self.table.setFocus)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.tag)
        row.addWidget(self.color)
        row.addWidget(self.coder)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        self.job = context.runner.run(
            tr("برجسته‌سازی‌ها"), lambda _op: collect(corpus), on_done=self._loaded,
            on_failed=self._failed)
        context.annotationsChanged.connect(self._changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("همهٔ برجسته‌سازی‌ها"))
        self.setLayoutDirection(direction())
        self.text.setPlaceholderText(tr("متن، یادداشت یا برچسب…"))
        self.color.setItemText(0, tr("همهٔ رنگ‌ها"))
        for i, c in enumerate(COLORS, start=1):
            self.color.setItemText(i, color_label(c))
        if self.tag.count():
            self.tag.setItemText(0, tr("همهٔ برچسب‌ها"))
        if self.coder.count():
            self.coder.setItemText(0, tr("همهٔ کدگذاران"))
        self.coder.setAccessibleName(tr("کدگذار برجسته‌سازی‌ها"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.failure:
            self._failed(self.failure)
        else:
            self.status.setText(self._count_text() if self.loaded else tr("در حال خواندن برجسته‌سازی‌ها…"))
        name_parts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _failed(self, why: str) -> None:
        self.failure = why
        self.status.setText(tr("برجسته‌سازی‌ها خوانده نشدند: {why}", why=why))

    def _loaded(self, rows: list[tuple[Article, Anchored]]) -> None:
        self.loaded = True
        self._set_rows(rows)

    def _changed(self, article_id: str) -> None:
        """An article's annotations changed (here, in another window, on disk): show them at once."""
        if not self.loaded or self.context.corpus != self.corpus:
            return
        try:
            article = self.context.session.article(article_id)
            fresh = [(article, a) for a in self.context.session.state(article_id).anchored]
        except (UnreadableArticle, OSError):
            fresh = []
        rows, placed = [], False
        for row in self.all_rows:
            if row[0].id != article_id:
                rows.append(row)
            elif not placed:
                rows.extend(fresh)
                placed = True
        if not placed:
            rows.extend(fresh)
        self._set_rows(rows)

    def _set_rows(self, rows: list[tuple[Article, Anchored]]) -> None:
        self.all_rows = rows
        chosen = self.tag.currentData()
        tags = sorted({t for _a, p in rows for t in p.annotation.tags})
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(tr("همهٔ برچسب‌ها"), "")
        for t in tags:
            self.tag.addItem(t, t)
        if chosen:
            self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))
        self.tag.blockSignals(False)
        chosen = self.coder.currentData()
        self.coder.blockSignals(True)
        self.coder.clear()
        self.coder.addItem(tr("همهٔ کدگذاران"), "")
        for name in sorted({n for _a, p in rows for n in coders_of(p.annotation)}):
            self.coder.addItem(name, name)
        self.coder.setCurrentIndex(max(0, self.coder.findData(chosen)) if chosen else 0)
        self.coder.blockSignals(False)
        self._apply()

    def _apply(self) -> None:
        """Tag and colour through the export filter (the same rules as exports)."""
        criteria = Filter(tags=[self.tag.currentData()] if self.tag.currentData() else [],
                          colors=[self.color.currentData()] if self.color.currentData() else [],
                          coders=[self.coder.currentData()] if self.coder.currentData() else [])
        self.model.set_rows(criteria.apply(self.all_rows))
        self.status.setText(self._count_text())
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 1))

    def _count_text(self) -> str:
        articles = len({a.id for a, _p in self.model.rows})
        return bidi_line([tr("{n} برجسته‌سازی", n=len(self.model.rows)), tr("{n} مقاله", n=articles)])

    def _open(self, row: tuple[Article, Anchored]) -> None:
        art, placed = row
        self.openAnnotation.emit(art.id, placed.annotation.id)
