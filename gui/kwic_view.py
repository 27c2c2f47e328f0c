"""Keyword in context (concordance) in the search pane: one row per hit, the text before it, the hit,
the text after it, in columns laid out for right-to-left reading whatever the interface's language:
the hit centred, each context aligned towards it and shortened on its far side. Sorting by either side
orders by the word nearest the hit (core/search/kwic.py's `sort_key`); Enter opens the hit in the reader.

The lines come from core/search/kwic.py (`hashiye-cli kwic`), on the context's runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hashiye.core.search.kwic import WIDTH, KwicLine, kwic_in, sort_key
from hashiye.core.search.search import Hit
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .context import thread_index
from .i18n import N_, tr
from .runner import Operation
from .views import on_enter

Index = QModelIndex | QPersistentModelIndex
BEFORE, HIT, AFTER, ARTICLE = range(4)
HEADERS = (N_("پیش از یافته"), N_("یافته"), N_("پس از یافته"), N_("مقاله"))
ORDERS = ((-1, N_("ترتیب متن")), (BEFORE, N_("واژهٔ پیش از یافته")), (AFTER, N_("واژهٔ پس از یافته")))
LIMIT = 2000  # lines shown; the status says when there are more
RTL = Qt.LayoutDirection.RightToLeft


def kwic_page(corpus: Path, query: str, op: Operation, width: int = WIDTH,
              limit: int = LIMIT) -> tuple[list[KwicLine], bool]:
    """The first `limit` lines of a query and whether there were more (run on the runner; cancellable).

    On the thread's connection to the folder's index, which the search pane keeps up to date, as
    its search does (no refresh, no stat of every file, at each query)."""
    lines: list[KwicLine] = []
    found: Iterator[KwicLine] = kwic_in(thread_index(corpus), query, width)
    for line in found:
        if len(lines) >= limit:
            return lines, True
        lines.append(line)
        if len(lines) % 100 == 0:
            op.report(len(lines), limit)  # raises Cancelled once a newer query replaced this one
    return lines, False


class KwicModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[KwicLine] = []
        self._found: list[KwicLine] = []  # in text order, for "sort by nothing"
        self.titles: dict[str, str] = {}

    def set_lines(self, lines: list[KwicLine]) -> None:
        self.beginResetModel()
        self._found = list(lines)
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, col = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col != ARTICLE:
                return line.left + line.hit + line.right
            return (line.left, line.hit, line.right, self.titles.get(line.article) or line.article)[col]
        if role == Qt.ItemDataRole.FontRole and col == HIT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By the word nearest the hit on either side, by the hit, by article; column -1: text order."""
        self.layoutAboutToBeChanged.emit()
        if column == BEFORE:
            self.lines.sort(key=lambda k: sort_key(k, "left"))
        elif column == AFTER:
            self.lines.sort(key=lambda k: sort_key(k, "right"))
        elif column == HIT:
            self.lines.sort(key=lambda k: k.hit)
        elif column == ARTICLE:
            self.lines.sort(key=lambda k: (self.titles.get(k.article) or k.article, k.start))
        else:
            self.lines = list(self._found)
        if column >= 0 and order == Qt.SortOrder.DescendingOrder:
            self.lines.reverse()
        self.layoutChanged.emit()


class KwicDelegate(QStyledItemDelegate):
    """Every cell right to left; the hit centred, the contexts against it, shortened on their far side."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.direction = RTL
        col = index.column()
        absolute = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        if col == BEFORE:  # to the right of the hit: its end touches the hit, its start may be cut
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | absolute
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif col == AFTER:  # to the left of the hit
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | absolute
            option.textElideMode = Qt.TextElideMode.ElideRight
        elif col == HIT:
            option.displayAlignment = Qt.AlignmentFlag.AlignCenter
        else:
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | absolute


class KwicResults(QWidget):
    """The concordance table with its order chooser; `openHit(Hit)` on Enter or a double click."""

    openHit = Signal(object)  # Hit

    def __init__(self) -> None:
        super().__init__()
        self.model = KwicModel()
        self.table = QTableView()
        self.table.setObjectName("kwicTable")
        self.table.setLayoutDirection(RTL)  # the article's direction, in either interface language
        self.table.setModel(self.model)
        self.table.setItemDelegate(KwicDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ARTICLE, QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sorted_by_header)
        on_enter(self.table, self._open)
        self.table.doubleClicked.connect(self._open)
        self.order = QComboBox()
        self.order.setObjectName("kwicOrder")
        self.order.currentIndexChanged.connect(self._order_chosen)
        self._order_label = QLabel()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._order_label)
        row.addWidget(self.order)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._order_label.setText(tr("ترتیب"))
        self.order.blockSignals(True)
        chosen = self.order.currentIndex()
        self.order.clear()
        for column, label in ORDERS:
            self.order.addItem(tr(label), column)
        self.order.setCurrentIndex(max(0, chosen))
        self.order.blockSignals(False)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_lines(self, lines: list[KwicLine], titles: dict[str, str]) -> None:
        self.model.titles = titles
        self.model.set_lines(lines)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if lines:
            self.table.setCurrentIndex(self.model.index(0, HIT))

    def sort_by(self, column: int) -> None:
        """Order the rows: BEFORE or AFTER (by the word nearest the hit), or -1 for text order."""
        self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        self.model.sort(column)

    def _order_chosen(self, _i: int) -> None:
        self.sort_by(int(self.order.currentData()))

    def _sorted_by_header(self, column: int, _order: Qt.SortOrder) -> None:
        at = self.order.findData(column)
        self.order.blockSignals(True)
        self.order.setCurrentIndex(at if at >= 0 else 0)
        self.order.blockSignals(False)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            k = self.model.lines[index.row()]
            self.openHit.emit(Hit(k.article, k.start, k.end, k.hit, k.left + k.hit + k.right, len(k.left)))
