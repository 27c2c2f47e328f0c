"""The list's extra filters: source, Jalali date range, tag, only annotated articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hashiye.core.export_filters import jalali_day
from hashiye.core.list_filter import ListFilter, articles_by_tag
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from .i18n import digits, tr

ALL = ""


class ListFilters(QWidget):
    """Emits `changed(ListFilter)`; a date that cannot be read is marked and ignored."""

    changed = Signal(object)

    def __init__(self, text_source: Callable[[], str]) -> None:
        super().__init__()
        self._text = text_source
        self.corpus: Path | None = None
        self._by_tag: dict[str, set[str]] = {}
        self.source = QComboBox()
        self.source.setObjectName("sourceFilter")
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.date_from = QLineEdit()
        self.date_from.setObjectName("dateFrom")
        self.date_from.setPlaceholderText(tr("از {date}", date=digits("1399-01-01")))
        self.date_to = QLineEdit()
        self.date_to.setObjectName("dateTo")
        self.date_to.setPlaceholderText(tr("تا {date}", date=digits("1403-12-29")))
        self.annotated = QCheckBox(tr("فقط مقاله‌های دارای برجسته‌سازی"))
        self.annotated.setObjectName("annotatedFilter")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("filterError")
        self.error.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(tr("منبع")), 0, 0)
        grid.addWidget(self.source, 0, 1, 1, 3)
        grid.addWidget(QLabel(tr("تاریخ")), 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(self.date_to, 1, 2, 1, 2)
        grid.addWidget(QLabel(tr("برچسب")), 2, 0)
        grid.addWidget(self.tag, 2, 1, 1, 3)
        grid.addWidget(self.annotated, 3, 0, 1, 4)
        grid.addWidget(self.error, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)  # the two date fields equally wide
        for combo in (self.source, self.tag):
            combo.currentIndexChanged.connect(lambda _i: self.emit_filter())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.emit_filter)
        self.annotated.toggled.connect(lambda _b: self.emit_filter())
        self.hide()

    def set_choices(self, corpus: Path, sources: list[str]) -> None:
        """Fill the source and tag lists for a folder."""
        self.corpus = corpus
        self._fill(self.source, tr("همهٔ منابع"), sources)
        self.refresh_tags()

    def refresh_tags(self) -> None:
        """Read every sidecar's tags (when a folder is opened)."""
        if self.corpus is None:
            return
        self._by_tag = articles_by_tag(self.corpus)
        self._tags_changed()

    def article_tags(self, article_id: str, tags: set[str]) -> None:
        """One article's annotations changed: update its tags without reading other files."""
        for ids in self._by_tag.values():
            ids.discard(article_id)
        for tag in tags:
            self._by_tag.setdefault(tag, set()).add(article_id)
        self._by_tag = {t: ids for t, ids in self._by_tag.items() if ids}
        self._tags_changed()

    def _tags_changed(self) -> None:
        self._fill(self.tag, tr("همهٔ برچسب‌ها"), sorted(self._by_tag))
        if self.tag.currentData():
            self.emit_filter()

    @staticmethod
    def _fill(combo: QComboBox, label: str, items: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(label, ALL)
        for item in items:
            combo.addItem(item, item)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def current(self) -> ListFilter:
        """The filter the widgets describe (dates that do not parse are left out and reported)."""
        tag = self.tag.currentData() or None
        words, source = self._text(), self.source.currentData() or None
        tagged, annotated = (self._by_tag.get(tag, set()) if tag else None), self.annotated.isChecked()
        dates: dict[str, str | None] = {}
        problems = []
        for name, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            text = edit.text().strip()
            try:
                dates[name] = jalali_day(text) if text else None
            except ValueError as exc:
                dates[name] = None
                problems.append(str(exc))
        try:
            criteria = ListFilter(text=words, source=source, tagged=tagged, has_annotations=annotated,
                                  date_from=dates["date_from"], date_to=dates["date_to"])
        except ValueError as exc:  # a range that ends before it starts
            criteria = ListFilter(text=words, source=source, tagged=tagged, has_annotations=annotated)
            problems.append(str(exc))
        self.error.setText(tr("تاریخ خوانده نشد: {what}", what=tr("؛ ").join(problems)))
        self.error.setVisible(bool(problems))
        return criteria

    def emit_filter(self) -> None:
        self.changed.emit(self.current())
