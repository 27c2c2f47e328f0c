"""The article list: a model over core listing records, a sort/filter proxy and a delegate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hashiye.core.annotations.model import Annotation
from hashiye.core.corpus.filters import Filter, record_key
from hashiye.core.text.jalali import TEHRAN, jalali_display
from hashiye.core.text.normalize import persian_sort_key
from hashiye.core.corpus.records import ArticleRecord
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

from .i18n import bidi_line, dates_language, direction, tr
from .qtext import plain_tip

Index = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1
ReadRole = Qt.ItemDataRole.UserRole + 3  # True once the article was opened (gui/reading_places.py)


def _moment(rec: ArticleRecord) -> tuple[bool, float, str]:
    """Publication time as a number (articles without a date sort as the oldest)."""
    value = rec.published
    if not value:
        return (False, 0.0, rec.id)
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:  # a plain date: that day in Tehran
        moment = moment.replace(tzinfo=TEHRAN)
    return (True, moment.timestamp(), rec.id)


SORT_KEYS: dict[str, Callable[[ArticleRecord], Any]] = {
    "date": _moment,
    "title": lambda r: (persian_sort_key(r.title or ""), r.id),
    "source": lambda r: (persian_sort_key(r.source or "\uffff"), r.id),
}


class _RecordKeys:
    """A key computed from each record, by id, kept while the record is the same."""

    def __init__(self, compute: Callable[[ArticleRecord], Any]) -> None:
        self.compute = compute
        self.kept: dict[str, tuple[ArticleRecord, Any]] = {}

    def of(self, rec: ArticleRecord) -> Any:
        hit = self.kept.get(rec.id)
        if hit is not None and (hit[0] is rec or hit[0] == rec):
            return hit[1]
        key = self.compute(rec)
        self.kept[rec.id] = (rec, key)
        return key

    def trim(self, rows: int) -> None:
        """Forget every key once far more are kept than rows are shown (folders switched, files gone)."""
        if len(self.kept) > 2 * rows:
            self.kept = {}


class ArticleListModel(QAbstractListModel):
    """Rows are the listing's `ArticleRecord`s (frozen; a new annotation count replaces the row's record)."""

    def __init__(self, records: list[ArticleRecord] | None = None) -> None:
        super().__init__()
        self._rows: list[ArticleRecord] = list(records or [])
        # filter and sort keys (`_RecordKeys`), kept while a record stays the same (a re-listing keeps most)
        self._keys = _RecordKeys(record_key)
        self._order = "date"
        self._sort_keys = _RecordKeys(SORT_KEYS[self._order])  # for the order shown
        self._read: set[str] = set()

    def set_read(self, ids: set[str]) -> None:
        """The articles already opened (shown in normal weight; unread ones are bold)."""
        if ids == self._read:
            return  # every listing of the folder says so again: 10,000 rows re-checked for nothing
        self._read = set(ids)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [ReadRole])

    def mark_read(self, article_id: str) -> None:
        if article_id not in self._read:
            self._read.add(article_id)
            row = self.row_of(article_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))

    def set_records(self, records: list[ArticleRecord], order: str | None = None) -> None:
        """Show these records, in `order` (`sort_by`'s names) or the current one."""
        if order and order != self._order:
            self._order, self._sort_keys = order, _RecordKeys(SORT_KEYS[order])
        self.beginResetModel()
        self._rows = sorted(records, key=self._sort_keys.of, reverse=self._order == "date")
        self._keys.trim(len(self._rows))
        self._sort_keys.trim(len(self._rows))
        self.endResetModel()

    def holds(self, records: list[ArticleRecord]) -> bool:
        """Whether the list already shows exactly these records (a large folder's last listing often does)."""
        if len(records) != len(self._rows):
            return False
        mine = {r.id: r for r in self._rows}
        return all(mine.get(r.id) == r for r in records)

    def sort_by(self, name: str) -> None:
        """Order the rows: `date` (newest first), `title` or `source` (alphabetical).

        Sorting here, once, in Python is what keeps a 10,000-article list instant: a proxy
        would call back into Python for every comparison.
        """
        self.set_records(self._rows, name)

    def update_count(self, article_id: str, count: int) -> None:
        """Show a new annotation count for one article."""
        for row, rec in enumerate(self._rows):
            if rec.id == article_id and rec.annotations != count:
                self._rows[row] = rec.with_annotations(count)
                idx = self.index(row)
                self.dataChanged.emit(idx, idx)

    def record(self, row: int) -> ArticleRecord:
        return self._rows[row]

    def filter_key(self, row: int) -> str:
        return str(self._keys.of(self._rows[row]))

    def row_of(self, article_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), -1)

    def sources(self) -> list[str]:
        """The sources of the listed articles, most frequent first."""
        counts: dict[str, int] = {}
        for rec in self._rows:
            if rec.source:
                counts[rec.source] = counts.get(rec.source, 0) + 1
        return sorted(counts, key=lambda s: (-counts[s], s))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return rec.shown_title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip("\n".join(x for x in (rec.title, rec.source, rec.published) if x))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{rec.title} — {rec.source or ''}"
            return text if rec.id in self._read else tr("خوانده‌نشده: {title}", title=text)
        if role == RecordRole:
            return rec
        if role == ReadRole:
            return rec.id in self._read
        return None


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sort by date (newest first), title or source; filter with Persian letter variants folded."""

    def __init__(self, annotations_of: Callable[[str], Sequence[Annotation]] = lambda _id: ()) -> None:
        super().__init__()
        self.criteria = Filter()
        self._keeps_all = True
        self.annotations_of = annotations_of  # an article's annotations, for the tag criterion

    def set_filter(self, criteria: Filter) -> None:
        """Show only the articles `criteria` keeps."""
        self.beginFilterChange()
        self.criteria = criteria
        self._keeps_all = criteria.is_empty()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ArticleListModel)
        if self._keeps_all:
            return True  # no filter: 10,000 rows pass without a look
        rec = model.record(row)
        key = model.filter_key(row) if self.criteria.uses_text else None
        return self.criteria.keeps_record(rec, key, self.annotations_of(rec.id))


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: the title, then source · Jalali date · annotation count."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + fm.leading() + self.PAD * 2 + 4)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        rec: ArticleRecord = index.data(RecordRole)
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
        read = bool(index.data(ReadRole))
        bold = QFont(option.font)
        bold.setBold(not read)  # unread articles stand out, as in a mail program
        painter.setFont(bold)
        painter.setPen(fg)
        # An unread article also carries a dot before its title (weight alone is easy to miss).
        title = ("" if read else "● ") + rec.shown_title
        title = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, r.width())
        # Titles are Persian whatever the UI language: right to left, on the right.
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop \
            | Qt.TextFlag.TextSingleLine
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        painter.drawText(QRect(r.left(), r.top(), r.width(), fm.height()), flags, title)
        painter.setFont(option.font)
        painter.setPen(dim)
        # Date and count first: a long source name is what gets cut.
        parts = [jalali_display(rec.published, lang=dates_language()) or tr("بی‌تاریخ")]
        count = rec.annotations
        if count:
            parts.append(tr("{n} برجسته‌سازی", n=count))
        parts.append(rec.source or tr("منبع نامعلوم"))
        painter.setLayoutDirection(direction())
        line = fm.elidedText(bidi_line(parts), Qt.TextElideMode.ElideRight, r.width())
        painter.drawText(QRect(r.left(), r.top() + fm.height() + 4, r.width(), fm.height()), flags, line)
        painter.restore()
