"""The article list pane: filter field, sort order, filters and the list; follows the context's listing.

A new listing (files added, changed or removed) keeps the open article selected without
opening it again; if it is gone, nothing else is opened in its place (the reading state says so).
"""

from __future__ import annotations

from typing import Any

from hashiye.core.corpus.filters import annotations_by_article
from hashiye.core.text.textio import UnreadableArticle
from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListView, QToolButton, QVBoxLayout, QWidget

from .article_list import ArticleDelegate, ArticleFilterProxy, ArticleListModel, RecordRole
from .accessible import name_parts
from .context import AppContext
from .i18n import N_, tr
from .list_filters import ListFilters
from .views import on_enter

SORTS = ((N_("تازه‌ترین"), "date"), (N_("عنوان"), "title"), (N_("منبع"), "source"))


class ListPane(QWidget):
    articleChosen = Signal(str)  # the user moved to an article
    entered = Signal()  # Enter on the list: go to the reader

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sort")
        for label, key in SORTS:
            self.sort_box.addItem(tr(label), key)
        self.filters = ListFilters(self.filter_edit.text)
        self.model = ArticleListModel()
        self.proxy = ArticleFilterProxy(self.filters.annotations_of)
        self.proxy.setSourceModel(self.model)
        self.list_view = QListView()
        self.list_view.setObjectName("articleList")
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(ArticleDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.filters.changed.connect(self.proxy.set_filter)
        self.filter_edit.textChanged.connect(lambda _t: self.filters.emit_filter())
        self.filters_button = QToolButton()
        self.filters_button.setObjectName("filtersButton")
        self.filters_button.setCheckable(True)
        self.filters_button.toggled.connect(self.filters.setVisible)
        self.sort_box.currentIndexChanged.connect(lambda _i: self.sort())
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        on_enter(self.list_view, lambda _idx: self.entered.emit())
        self._quiet = False  # re-selecting after a new listing: nothing is chosen
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.sort_box)
        row.addWidget(self.filters_button)
        lay.addLayout(row)
        lay.addWidget(self.filters)
        lay.addWidget(self.list_view, 1)
        self._annotations_read_for: object = None  # the folder whose sidecars were read for the tag filter
        context.folderOpened.connect(self._folder_opened)
        context.listingChanged.connect(self._listed)
        context.annotationsChanged.connect(self._annotations_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(tr("پالایش فهرست…"))
        for i, (label, _key) in enumerate(SORTS):
            self.sort_box.setItemText(i, tr(label))
        self.list_view.setAccessibleName(tr("فهرست مقاله‌ها"))
        self.filters_button.setText(tr("پالایه‌ها"))
        name_parts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _folder_opened(self, _path: object) -> None:
        self.model.set_records([])
        self._annotations_read_for = None

    def _listed(self, listing: Any) -> None:
        records = list(listing.articles)
        current = self.context.current_id
        row = self.model.row_of(current) if current else -1
        if row >= 0 and not any(r.id == current for r in records):
            # The open article's file went away: its row stays (and stays current) until the user moves,
            # so nothing else is opened by surprise (the reading state says what happened).
            records.append(self.model.record(row))
        if not listing.partial and self._annotations_read_for != listing.corpus:
            # Every sidecar, for the tag filter: read once per folder, on the runner, never on the UI thread;
            # later changes come one article at a time (`_annotations_changed`).
            self._annotations_read_for = corpus = listing.corpus
            self.context.runner.run("", lambda _op: annotations_by_article(corpus),
                                    on_done=self.filters.annotations_read)
        if self.model.holds(records):
            return  # re-sorting 10,000 rows that did not change holds the window for a moment
        self._quiet = True
        try:
            self.model.set_records(records, self.sort_box.currentData())  # sorted once, in the order chosen
            self.filters.set_choices(listing.corpus, self.model.sources())
            if current:
                self.select(current)
        finally:
            self._quiet = False

    def sort(self) -> None:
        """Re-order the list; the open article stays selected (without being opened again)."""
        self.model.sort_by(self.sort_box.currentData())
        current = self.context.current_id
        if current:
            quiet, self._quiet = self._quiet, True
            self.select(current)
            self._quiet = quiet

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.articleChosen.emit(current.data(RecordRole).id)

    def select(self, article_id: str) -> bool:
        """Make an article the list's current row (the filter is cleared if it hides it)."""
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.filter_edit.clear()  # the article was filtered out of the list
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list_view.setCurrentIndex(index)
        return True

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))

    def step(self, step: int) -> None:
        """j / k: next or previous article in the list as sorted and filtered."""
        rows = self.proxy.rowCount()
        if not rows:
            return
        row = self.list_view.currentIndex().row()
        row = max(0, min(rows - 1, (row if row >= 0 else -step) + step))
        self.list_view.setCurrentIndex(self.proxy.index(row, 0))

    def article_shown(self, article_id: str) -> None:
        self._count(article_id)

    def _annotations_changed(self, article_id: str) -> None:
        rows = self._count(article_id)
        if rows is not None:
            self.filters.article_annotations(article_id, [a.annotation for a in rows])

    def _count(self, article_id: str) -> list[Any] | None:
        try:
            rows = self.context.session.state(article_id).anchored
        except (UnreadableArticle, OSError):
            return None
        self.model.update_count(article_id, len(rows))
        return rows
