"""Agreement between coders (a pane below the reader): choose two or more coders of the folder, a unit
and optionally a code; a table per code (both, one only, neither, percent, kappa; alpha for more than two
coders; an overall row) and the disagreements side by side, each opening in the reader at its unit.

Everything slow (finding the coders, computing) runs on the context's runner; docs/analysis.md defines
every figure, core/analysis/agreement.py computes them (the same as `hashiye-cli agreement`)."""

from __future__ import annotations

from collections.abc import Callable

from hashiye.core.analysis.agreement import UNITS, AgreementResult, agreement
from hashiye.core.corpus.filters import Filter
from hashiye.core.corpus.records import ArticleRecord
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .agreement_model import MAX_SHOWN, DisagreementModel, UnitRow, disagreement_rows, figures_model, folder_coders
from .context import AppContext
from .i18n import N_, direction, join, tr
from .runner import Operation
from .views import ContentDelegate, on_enter

UNIT_LABELS = {"sentence": N_("جمله"), "paragraph": N_("بند"), "article": N_("مقاله")}


FIGURE_ROWS_SHOWN = 4  # rows of the figures table always in view


class AgreementPane(QWidget):
    """Coders, unit and code to compare; the figures per code; the disagreements (Enter opens one)."""

    openUnit = Signal(str, int, int)  # article id, start, end (file positions)
    computed = Signal()  # figures and disagreements shown

    def __init__(self, parent: QWidget, context: AppContext,
                 list_filter: Callable[[], Filter] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list_filter = list_filter
        self.setObjectName("agreementPane")
        self.result: AgreementResult | None = None
        self.setLayoutDirection(direction())
        self._again = QTimer(self, singleShot=True, interval=200)  # a choice changed: the figures follow
        self._again.timeout.connect(self.compute)
        self.coders = QListWidget()
        self.coders.setObjectName("agreementCoders")
        self.coders.setMaximumHeight(72)
        self.coders.itemChanged.connect(lambda _i: self._again.start())
        self.unit = QComboBox()
        self.unit.setObjectName("agreementUnit")
        self.code = QComboBox()
        self.code.setObjectName("agreementCode")
        self.run_button = QPushButton()
        self.run_button.setObjectName("agreementRun")
        self.run_button.clicked.connect(self.compute)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("agreementTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.model = DisagreementModel()
        self.disagreements = QTableView()
        self.disagreements.setObjectName("agreementDisagreements")
        self.disagreements.setModel(self.model)
        self.disagreements.setItemDelegate(ContentDelegate(self.disagreements))
        self.disagreements.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.disagreements.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.disagreements.verticalHeader().setVisible(False)
        self.disagreements.setWordWrap(False)
        on_enter(self.disagreements, self._open)
        self.disagreements.doubleClicked.connect(self._open)
        self._labels = [QLabel() for _ in range(4)]
        grid = QGridLayout()
        grid.addWidget(self._labels[0], 0, 0)
        grid.addWidget(self.coders, 1, 0, 2, 1)
        grid.addWidget(self._labels[1], 0, 1)
        grid.addWidget(self.unit, 1, 1)
        grid.addWidget(self._labels[2], 0, 2)
        grid.addWidget(self.code, 1, 2)
        grid.addWidget(self.run_button, 1, 3)
        grid.setColumnStretch(4, 1)  # the choices together at the start of the line, room after them
        self.coders.setMaximumWidth(320)
        self.code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit.currentIndexChanged.connect(lambda _i: self._again.start())
        self.code.currentIndexChanged.connect(lambda _i: self._again.start())
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(self._labels[3])
        low.addWidget(self.disagreements, 1)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        self._op: Operation | None = None
        self._coders_op: Operation | None = None
        self._stale = QTimer(self, singleShot=True, interval=400)
        self._stale.timeout.connect(self.load_coders)
        context.folderOpened.connect(lambda _p: self.load_coders())
        context.annotationsChanged.connect(lambda _a: self.isVisible() and self._stale.start())
        self.retranslate_ui()
        self.load_coders()

    def retranslate_ui(self) -> None:
        self.setLayoutDirection(direction())
        self.setWindowTitle(tr("توافق کدگذاران"))
        for label, text in zip(self._labels, (tr("کدگذاران (دست‌کم دو)"), tr("واحد"), tr("کد"),
                                              tr("ناهمداستانی‌ها (Enter: باز کردن در متن)")), strict=True):
            label.setText(text)
        self.run_button.setText(tr("محاسبه"))
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)  # the same choice in other words: nothing to compute again
        self.unit.clear()
        for unit in UNITS:
            self.unit.addItem(tr(UNIT_LABELS[unit]), unit)
        self.unit.setCurrentIndex(max(0, self.unit.findData(chosen)))
        self.unit.blockSignals(False)
        if self.code.count():
            self.code.setItemText(0, tr("همهٔ کدها"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))
        if self.result is not None:
            self._figures(self.result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- choices ---------------------------------------------------------------------------------
    def load_coders(self) -> None:
        """Find the folder's coders and codes on the runner; the choices made so far are kept."""
        if self.context.corpus is None:
            return
        if self._coders_op is not None:
            self._coders_op.cancel()
        corpus = self.context.folder
        self._coders_op = self.context.runner.run(
            tr("کدگذاران"), lambda _op: folder_coders(corpus), on_done=self._coders_found,
            on_failed=self.status.setText)

    def _coders_found(self, found: tuple[list[str], list[str]]) -> None:
        coders, codes = found
        checked = set(self.chosen_coders())
        self.coders.clear()
        for i, name in enumerate(coders):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = name in checked if checked else i < 2
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.coders.addItem(item)
        code = self.code.currentData()
        self.code.clear()
        self.code.addItem(tr("همهٔ کدها"), "")
        for c in codes:
            self.code.addItem(c, c)
        self.code.setCurrentIndex(max(0, self.code.findData(code)))
        self._again.stop()  # filling the choices is not a choice
        if len(self.chosen_coders()) >= 2:
            self.compute()
        elif len(coders) < 2:
            self.status.setText(tr("در این پوشه کمتر از دو کدگذار برجسته‌سازی کرده‌اند؛ نام کدگذار در "
                                   "تنظیمات یا با --coder در خط فرمان ثبت می‌شود."))

    def chosen_coders(self) -> list[str]:
        return [self.coders.item(i).text() for i in range(self.coders.count())
                if self.coders.item(i).checkState() == Qt.CheckState.Checked]

    def set_coders(self, names: list[str]) -> None:
        for i in range(self.coders.count()):
            item = self.coders.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def _scope(self) -> tuple[list[str] | None, Filter, list[ArticleRecord]]:
        """The codes and articles the figures are about: the pane's code, the list's filters (applied
        to the listed records on the runner: a text filter folds every title)."""
        code = self.code.currentData() or ""
        keep = self.list_filter() if self.list_filter is not None else Filter()
        tags = [code] if code else (list(keep.tags) or None)
        return tags, keep, list(self.context.listing.articles) if self.context.listing else []

    # --- figures ---------------------------------------------------------------------------------
    def compute(self) -> Operation | None:
        """Compute on the runner; a newer computation replaces one still running."""
        coders = self.chosen_coders()
        if len(coders) < 2:
            self.status.setText(tr("دست‌کم دو کدگذار را برگزینید."))
            return None
        if self._op is not None:
            self._op.cancel()
        unit = self.unit.currentData() or "sentence"
        tags, keep, records = self._scope()
        corpus = self.context.folder
        self.progress.show()
        self.status.setText(tr("در حال محاسبه…"))

        def work(_op: Operation) -> tuple[AgreementResult, list[UnitRow]]:
            result = agreement(corpus, coders, tags=tags, unit=unit, articles=keep.kept_articles(records))
            return result, disagreement_rows(corpus, result)

        op = self._op = self.context.runner.run(
            tr("توافق کدگذاران"), work, on_done=self._show,
            on_failed=self._failed)
        return op

    def _failed(self, why: str) -> None:
        self.progress.hide()
        self.status.setText(why)

    def _show(self, done: tuple[AgreementResult, list[UnitRow]]) -> None:
        result, rows = done
        self.result = result
        self.progress.hide()
        self._figures(result)
        self.model.set_rows(result.coders, rows, self.context.titles())
        header = self.disagreements.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount() - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.model.columnCount() - 1, 220)
        parts = [tr("{n} واحد", n=result.units), tr("{n} ناهمداستانی", n=len({(d.article, d.start)
                                                                               for d in result.disagreements}))]
        silent = [n for n, coded in zip(result.coders, result.overall.per_coder, strict=True) if not coded]
        if silent:
            parts.append(tr("{names} اینجا چیزی کدگذاری نکرده است", names=join(silent)))
        if len(rows) >= MAX_SHOWN:
            parts.append(tr("نخستین {n} نمایش داده شده", n=MAX_SHOWN))
        self.status.setText(tr("؛ ").join(parts))
        if rows:
            self.disagreements.setCurrentIndex(self.model.index(0, 0))
        self.computed.emit()

    def _figures(self, result: AgreementResult) -> None:
        old = self.table.model()
        figures = figures_model(result)
        figures.setParent(self.table)
        self.table.setModel(figures)
        if old is not None:
            old.deleteLater()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the figures of a few codes and the overall row are seen without scrolling (the splitter
        # gave the table a row and a half in a docked pane); more codes scroll
        shown = min(figures.rowCount(), FIGURE_ROWS_SHOWN)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + shown * self.table.verticalHeader().defaultSectionSize()
                                    + 2 * self.table.frameWidth())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.rows[index.row()]
            self.openUnit.emit(row.article, row.start, row.end)

    def present(self) -> None:
        (self.disagreements if self.model.rows else self.coders).setFocus()

    def stop(self) -> None:
        for op in (self._op, self._coders_op):
            if op is not None:
                op.cancel()
