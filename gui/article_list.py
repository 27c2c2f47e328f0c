"""The article list: a model over core listing records, a sort/filter proxy and a delegate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hashiye.core.jalali import TEHRAN, jalali_display
from hashiye.core.list_filter import ListFilter, record_key
from hashiye.core.normalize import persian_sort_key
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .i18n import bidi_line, direction, language, tr

Index = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1


def _moment(rec: dict[str, Any]) -> tuple[bool, float, str]:
    """Publication time as a number (articles without a date sort as the oldest)."""
    value = rec.get("published")
    if not value:
        return (False, 0.0, rec["id"])
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:  # a plain date: that day in Tehran
        moment = moment.replace(tzinfo=TEHRAN)
    return (True, moment.timestamp(), rec["id"])


SORT_KEYS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "date": _moment,
    "title": lambda r: (persian_sort_key(r.get("title") or ""), r["id"]),
    "source": lambda r: (persian_sort_key(r.get("source") or "\uffff"), r["id"]),
}


class ArticleListModel(QAbstractListModel):
    """Rows are `hashiye-cli list` records (plain dicts from core)."""

    def __init__(self, records: list[dict[str, Any]] | None = None) -> None:
        super().__init__()
        self._rows: list[dict[str, Any]] = list(records or [])
        self._keys: dict[str, str] = {}  # filter keys, computed when a filter first needs them
        self._order = "date"

    def set_records(self, records: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = sorted(records, key=SORT_KEYS[self._order], reverse=self._order == "date")
        self._keys = {}
        self.endResetModel()

    def holds(self, records: list[dict[str, Any]]) -> bool:
        """Whether the list already shows exactly these records (a large folder's last listing often does)."""
        if len(records) != len(self._rows):
            return False
        mine = {str(r["id"]): r for r in self._rows}
        return all(mine.get(str(r["id"])) == r for r in records)

    def sort_by(self, name: str) -> None:
        """Order the rows: `date` (newest first), `title` or `source` (alphabetical).

        Sorting here, once, in Python is what keeps a 10,000-article list instant: a proxy
        would call back into Python for every comparison.
        """
        self._order = name
        self.set_records(self._rows)

    def update_count(self, article_id: str, count: int) -> None:
        """Show a new annotation count for one article."""
        for row, rec in enumerate(self._rows):
            if rec["id"] == article_id and rec.get("annotations") != count:
                rec["annotations"] = count
                idx = self.index(row)
                self.dataChanged.emit(idx, idx)

    def record(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def filter_key(self, row: int) -> str:
        rec = self._rows[row]
        key = self._keys.get(rec["id"])
        if key is None:
            key = self._keys[rec["id"]] = record_key(rec)
        return key

    def row_of(self, article_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["id"] == article_id), -1)

    def sources(self) -> list[str]:
        """The sources of the listed articles, most frequent first."""
        counts: dict[str, int] = {}
        for rec in self._rows:
            if rec.get("source"):
                counts[rec["source"]] = counts.get(rec["source"], 0) + 1
        return sorted(counts, key=lambda s: (-counts[s], s))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return rec.get("title") or rec["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (rec.get("title"), rec.get("source"), rec.get("published")) if x)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{rec.get('title')} — {rec.get('source') or ''}"
        if role == RecordRole:
            return rec
        return None


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sort by date (newest first), title or source; filter with Persian letter variants folded."""

    def __init__(self) -> None:
        super().__init__()
        self.criteria = ListFilter()

    def set_filter(self, criteria: ListFilter) -> None:
        """Show only the articles `criteria` keeps."""
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ArticleListModel)
        return self.criteria.keeps(model.record(row), model.filter_key(row))


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: the title, then source · Jalali date · annotation count."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + fm.leading() + self.PAD * 2 + 4)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        rec = index.data(RecordRole)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        fg = option.palette.color(group, QPalette.ColorRole.Text)
        dim = fg if selected else option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        fm = QFontMetrics(option.font)
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(fg)
        title = QFontMetrics(bold).elidedText(rec.get("title") or rec["id"], Qt.TextElideMode.ElideRight, r.width())
        # Titles are Persian whatever the UI language: right to left, on the right.
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop \
            | Qt.TextFlag.TextSingleLine
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        painter.drawText(QRect(r.left(), r.top(), r.width(), fm.height()), flags, title)
        painter.setFont(option.font)
        painter.setPen(dim)
        # Date and count first: a long source name is what gets cut.
        parts = [jalali_display(rec.get("published"), lang=language()) or tr("بی‌تاریخ")]
        count = rec.get("annotations") or 0
        if count:
            parts.append(tr("{n} برجسته‌سازی", n=count))
        parts.append(rec.get("source") or tr("منبع نامعلوم"))
        painter.setLayoutDirection(direction())
        line = fm.elidedText(bidi_line(parts), Qt.TextElideMode.ElideRight, r.width())
        painter.drawText(QRect(r.left(), r.top() + fm.height() + 4, r.width(), fm.height()), flags, line)
        painter.restore()
