"""The list's extra filters: source, Jalali date range, tag, coder, only annotated articles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from hashiye.core.annotations.model import Annotation
from hashiye.core.annotations.coders import coders_of
from hashiye.core.corpus.filters import Filter, jalali_day
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from .accessible import name_parts
from .i18n import digits, tr

ALL = ""


class ListFilters(QWidget):
    """Emits `changed(Filter)`; a date that cannot be read is marked and ignored.

    Keeps every article's annotations (read from the sidecars when a folder is opened, then
    one article at a time as they change) for the tag criterion: `annotations_of`.
    """

    changed = Signal(object)

    def __init__(self, text_source: Callable[[], str]) -> None:
        super().__init__()
        self._text = text_source
        self.corpus: Path | None = None
        self._annotations: dict[str, list[Annotation]] = {}
        self._changed_since_read: set[str] = set()  # articles updated one by one since the full read
        self.source = QComboBox()
        self.source.setObjectName("sourceFilter")
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.coder = QComboBox()
        self.coder.setObjectName("coderFilter")
        self.coder.setAccessibleName(tr("پالایه: کدگذار"))
        self.date_from = QLineEdit()
        self.date_from.setObjectName("dateFrom")
        self.date_to = QLineEdit()
        self.date_to.setObjectName("dateTo")
        self.annotated = QCheckBox()
        self.annotated.setObjectName("annotatedFilter")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("filterError")
        self.error.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.labels = (QLabel(), QLabel(), QLabel())
        grid.addWidget(self.labels[0], 0, 0)
        grid.addWidget(self.source, 0, 1, 1, 3)
        grid.addWidget(self.labels[1], 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(self.date_to, 1, 2, 1, 2)
        grid.addWidget(self.labels[2], 2, 0)
        grid.addWidget(self.tag, 2, 1, 1, 3)
        grid.addWidget(QLabel(tr("کدگذار")), 3, 0)
        grid.addWidget(self.coder, 3, 1, 1, 3)
        grid.addWidget(self.annotated, 4, 0, 1, 4)
        grid.addWidget(self.error, 5, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)  # the two date fields equally wide
        for combo in (self.source, self.tag, self.coder):
            combo.currentIndexChanged.connect(lambda _i: self.emit_filter())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.emit_filter)
        self.annotated.toggled.connect(lambda _b: self.emit_filter())
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.date_from.setPlaceholderText(tr("از {date}", date=digits("1399-01-01")))
        self.date_to.setPlaceholderText(tr("تا {date}", date=digits("1403-12-29")))
        self.annotated.setText(tr("فقط مقاله‌های دارای برجسته‌سازی"))
        for label, text in zip(self.labels, (tr("منبع"), tr("تاریخ"), tr("برچسب")), strict=True):
            label.setText(text)
        if self.source.count():
            self.source.setItemText(0, tr("همهٔ منابع"))
        if self.tag.count():
            self.tag.setItemText(0, tr("همهٔ برچسب‌ها"))
        name_parts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_choices(self, corpus: Path, sources: list[str]) -> None:
        """Fill the source list for a folder; its tags follow when `annotations_read` brings them."""
        if corpus != self.corpus:
            self._annotations = {}
        self.corpus = corpus
        self._changed_since_read = set()
        self._fill(self.source, tr("همهٔ منابع"), sources)

    def annotations_read(self, by_article: dict[str, list[Annotation]]) -> None:
        """Every sidecar's annotations, read off the UI thread since `set_choices`; an article whose
        annotations changed meanwhile keeps what `article_annotations` said of it (the newer)."""
        merged = dict(by_article)
        for article_id in self._changed_since_read:
            if article_id in self._annotations:
                merged[article_id] = self._annotations[article_id]
            else:
                merged.pop(article_id, None)
        self._annotations = merged
        self._tags_changed()

    def article_annotations(self, article_id: str, annotations: Sequence[Annotation]) -> None:
        """One article's annotations changed: update them without reading other files."""
        self._changed_since_read.add(article_id)
        if annotations:
            self._annotations[article_id] = list(annotations)
        else:
            self._annotations.pop(article_id, None)
        self._tags_changed()

    def annotations_of(self, article_id: str) -> Sequence[Annotation]:
        return self._annotations.get(article_id, ())

    def _tags_changed(self) -> None:
        tags = {t for anns in self._annotations.values() for a in anns for t in a.tags}
        self._fill(self.tag, tr("همهٔ برچسب‌ها"), sorted(tags))
        coders = {n for anns in self._annotations.values() for a in anns for n in coders_of(a)}
        self._fill(self.coder, tr("همهٔ کدگذاران"), sorted(coders))
        if self.tag.currentData() or self.coder.currentData():
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

    def current(self) -> Filter:
        """The filter the widgets describe (dates that do not parse are left out and reported)."""
        tag = self.tag.currentData() or None
        coder = self.coder.currentData() or None
        source = self.source.currentData() or None
        annotated = self.annotated.isChecked()

        def criteria(date_from: str | None = None, date_to: str | None = None) -> Filter:
            return Filter(text=self._text(), sources=[source] if source else [], tags=[tag] if tag else [],
                          has_annotations=annotated, date_from=date_from, date_to=date_to,
                          coders=[coder] if coder else [])

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
            chosen = criteria(dates["date_from"], dates["date_to"])
        except ValueError as exc:  # a range that ends before it starts
            chosen = criteria()
            problems.append(str(exc))
        self.error.setText(tr("تاریخ خوانده نشد: {what}", what=tr("؛ ").join(problems)))
        self.error.setVisible(bool(problems))
        return chosen

    def emit_filter(self) -> None:
        self.changed.emit(self.current())
