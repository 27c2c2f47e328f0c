"""The tag report as a sortable table: highlights per tag, per source and per Jalali month."""

from __future__ import annotations

from hashiye.core.exchange.export_tag_report import DIMENSIONS, ReportRow, tag_report
from hashiye.core.exchange.exporting import Rows
from hashiye.core.text.jalali import jalali_month
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .i18n import N_, dates_language, direction, number, tr
from .views import ContentDelegate

DIMENSION_LABELS = {"tag": N_("برچسب"), "source": N_("منبع"), "month": N_("ماه")}
EMPTY_LABELS = {"tag": N_("(بی‌برچسب)"), "source": N_("(منبع نامعلوم)"), "month": N_("(تاریخ نامعلوم)")}
HEADERS = (N_("گونه"), N_("مقدار"), N_("برجسته‌سازی‌ها"), N_("خبرها"))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def value_label(row: ReportRow) -> str:
    """How a value is shown: a month as «بهمن ۱۳۹۹», a missing value in words."""
    if not row.value:
        return tr(EMPTY_LABELS[row.dimension])
    if row.dimension == "month":
        year, month = row.value.split("-")
        return jalali_month(int(year), int(month), dates_language())
    return row.value


def _item(text: str, key: object) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(key, SORT_ROLE)
    item.setEditable(False)
    return item


def report_model(rows: Rows) -> QStandardItemModel:
    """One line per count; sorting uses the raw value (numbers as numbers, months as 1399-11)."""
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
    for r in tag_report(rows):
        line = [_item(tr(DIMENSION_LABELS[r.dimension]), DIMENSIONS.index(r.dimension)),
                _item(value_label(r), r.value),
                _item(number(r.highlights), r.highlights),
                _item(number(r.articles), r.articles)]
        line[0].setData(r.dimension, Qt.ItemDataRole.UserRole)
        for cell in line[2:]:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        model.appendRow(line)
    return model


class DimensionProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; shows one dimension, or all when `dimension` is empty."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.dimension = ""
        self.setSortRole(SORT_ROLE)

    def set_dimension(self, dimension: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.dimension = dimension
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.dimension = dimension
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.dimension:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(Qt.ItemDataRole.UserRole) == self.dimension)


class TagReportDialog(QDialog):
    """«گزارش برچسب‌ها»: counts of the exported scope; click a header to sort."""

    def __init__(self, parent: QWidget, rows: Rows) -> None:
        super().__init__(parent)
        self.model = report_model(rows)
        self._count = len(rows)
        self.proxy = DimensionProxy(self)
        self.proxy.setSourceModel(self.model)
        self.dimension_box = QComboBox()
        self.dimension_box.addItem("", "")
        for d in DIMENSIONS:
            self.dimension_box.addItem("", d)
        self.dimension_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_dimension(self.dimension_box.currentData()))
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(ContentDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        top = QHBoxLayout()
        self.show_label, self.count_label = QLabel(), QLabel()
        top.addWidget(self.show_label)
        top.addWidget(self.dimension_box)
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.retranslate_ui()
        self.resize(520, 420)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("گزارش برچسب‌ها"))
        self.setLayoutDirection(direction())
        self.dimension_box.setItemText(0, tr("همه"))
        for i, d in enumerate(DIMENSIONS, start=1):
            self.dimension_box.setItemText(i, tr(DIMENSION_LABELS[d]))
        self.show_label.setText(tr("نمایش:"))
        self.count_label.setText(tr("{n} برجسته‌سازی", n=self._count))
        self.model.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        for r in range(self.model.rowCount()):
            item = self.model.item(r, 0)
            item.setText(tr(DIMENSION_LABELS[item.data(Qt.ItemDataRole.UserRole)]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
