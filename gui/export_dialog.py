"""Ctrl+E: export the corpus's annotations (format, scope, destination), with progress and a clear message on failure."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hashiye.core.annotations.model import COLORS
from hashiye.core.corpus.corpus import CorpusError
from hashiye.core.corpus.filters import Filter
from hashiye.core.exchange.exporting import EXPORTERS, Rows, collect, write_export
from hashiye.core.exchange.output_guard import ProtectedPath, refuse_corpus_target
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .accessible import name_parts
from .colors import color_label
from .context import AppContext
from .i18n import N_, digits, direction, tr
from .runner import Operation

FORMAT_LABELS = {
    "jsonld": ("W3C Web Annotation (JSON-LD)", "json"),
    "csv": (N_("جدول CSV برای صفحه‌گسترده"), "csv"),
    "md": (N_("Markdown برای خواندن"), "md"),
    "qdpx": (N_("پروژهٔ REFI-QDA (NVivo، ATLAS.ti، MAXQDA)"), "qdpx"),
    "tag-report": (N_("گزارش برچسب‌ها (CSV)"), "csv"),
}
SCOPES = (("corpus", N_("همهٔ خبرهای پوشه")), ("article", N_("فقط خبر جاری")), ("filter", N_("با پالایه")))
WHY = {
    errno.ENOENT: N_("چنین پوشه‌ای نیست"),
    errno.EACCES: N_("اجازهٔ نوشتن در آن‌جا نیست"),
    errno.EPERM: N_("اجازهٔ نوشتن در آن‌جا نیست"),
    errno.EROFS: N_("آن‌جا فقط‌خواندنی است"),
    errno.ENOSPC: N_("جای خالی روی دیسک نمانده"),
    errno.EISDIR: N_("این مسیر یک پوشه است، نه پرونده"),
    errno.ENOTDIR: N_("بخشی از مسیر پوشه نیست"),
}


def split_list(text: str) -> list[str]:
    """Values typed in one box, separated by «،», «,» or «؛»."""
    for sep in "،؛":
        text = text.replace(sep, ",")
    return [v.strip() for v in text.split(",") if v.strip()]


FORMAT_KEY = "export/format"  # the format last written


class ExportDialog(QDialog):
    """Choose a format, a scope and a file; writes the export on the runner and reports what happened.

    `exported(ok)` is emitted when an export has ended (written, or not and why in `status`)."""

    exported = Signal(bool)

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        super().__init__(parent)
        self.context = context
        self.corpus = corpus = context.folder
        self.current_id: str | None = context.current_id
        self.format_box = QComboBox()
        for key in EXPORTERS:
            self.format_box.addItem(tr(FORMAT_LABELS.get(key, (key, key))[0]), key)

        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        scope_row = QHBoxLayout()
        for key, label in SCOPES:
            button = QRadioButton()
            self.scope_buttons[key] = button
            self.scope_group.addButton(button)
            scope_row.addWidget(button)
        scope_row.addStretch(1)
        self.scope_buttons["corpus"].setChecked(True)
        if self.current_id is None:
            self.scope_buttons["article"].setEnabled(False)
        self.scope_group.buttonToggled.connect(lambda _b, _on: self._scope_changed())

        self.filters = QGroupBox()
        self.tag_edit = QLineEdit()
        self.color_box = QComboBox()
        self.color_box.addItem("", "")
        for c in COLORS:
            self.color_box.addItem(color_label(c), c)
        self.source_edit = QLineEdit()
        self.from_edit = QLineEdit(placeholderText=digits("1399-01-01"))
        self.to_edit = QLineEdit(placeholderText=digits("1400-12-29"))
        dates = QHBoxLayout()
        self.from_label, self.to_label = QLabel(), QLabel()
        dates.addWidget(self.from_label)
        dates.addWidget(self.from_edit)
        dates.addWidget(self.to_label)
        dates.addWidget(self.to_edit)
        ff = self.filter_form = QFormLayout(self.filters)
        self._dates_row = dates
        for field in (self.tag_edit, self.color_box, self.source_edit):
            ff.addRow("", field)
        ff.addRow("", dates)

        self.path_edit = QLineEdit(str(Path.home() / f"{corpus.name}-annotations.json"))
        browse = self.browse_button = QPushButton()
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # paths and reasons as written
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.format_box.currentIndexChanged.connect(self._suffix)
        # CSV opens in every spreadsheet; after the first export, the format last used.
        last = str(context.settings.value(FORMAT_KEY, "csv"))
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(last if last in EXPORTERS else "csv")))
        self._suffix()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.report_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.clicked.connect(self.show_tag_report)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        form = self.form = QFormLayout()
        self._rows = (self.format_box, scope_row, row)
        for part in self._rows:
            form.addRow("", part)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.filters)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.buttons)
        self.tag_report: QDialog | None = None
        self._op: Operation | None = None
        self._scope_changed()
        self.retranslate_ui()
        self.resize(600, 360)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("برون‌بری برجسته‌سازی‌ها"))
        self.setLayoutDirection(direction())
        for i in range(self.format_box.count()):
            key = self.format_box.itemData(i)
            self.format_box.setItemText(i, tr(FORMAT_LABELS.get(key, (key, key))[0]))
        for key, label in SCOPES:
            self.scope_buttons[key].setText(tr(label))
        self.filters.setTitle(tr("پالایه"))
        self.tag_edit.setPlaceholderText(tr("برچسب‌ها، جدا با «،»"))
        self.source_edit.setPlaceholderText(tr("منبع‌ها، جدا با «،»"))
        self.color_box.setItemText(0, tr("همهٔ رنگ‌ها"))
        for i, c in enumerate(COLORS, start=1):
            self.color_box.setItemText(i, color_label(c))
        self.from_edit.setPlaceholderText(digits("1399-01-01"))
        self.to_edit.setPlaceholderText(digits("1400-12-29"))
        self.from_label.setText(tr("از"))
        self.to_label.setText(tr("تا"))
        fields: tuple[tuple[QFormLayout, object, str], ...] = (
            (self.filter_form, self.tag_edit, tr("برچسب:")), (self.filter_form, self.color_box, tr("رنگ:")),
            (self.filter_form, self.source_edit, tr("منبع:")), (self.filter_form, self._dates_row, tr("تاریخ (شمسی):")),
            (self.form, self._rows[0], tr("قالب:")), (self.form, self._rows[1], tr("دامنه:")),
            (self.form, self._rows[2], tr("پرونده:")))
        for form, field, text in fields:
            label = form.labelForField(field)  # type: ignore[call-overload]
            if isinstance(label, QLabel):
                label.setText(text)
        self.browse_button.setText(tr("انتخاب…"))
        self.report_button.setText(tr("گزارش برچسب‌ها"))
        name_parts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- choices -----------------------------------------------------------------------------
    def scope(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def set_scope(self, scope: str) -> None:
        self.scope_buttons[scope].setChecked(True)

    def _scope_changed(self) -> None:
        self.filters.setEnabled(self.scope() == "filter")

    def _suffix(self) -> None:
        ext = FORMAT_LABELS.get(self.format_box.currentData(), ("", "txt"))[1]
        path = Path(self.path_edit.text())
        self.path_edit.setText(str(path.with_suffix("." + ext)))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("برون‌بری"), self.path_edit.text())
        if name:
            self.path_edit.setText(name)

    def export_filter(self) -> Filter:
        """The filter of the chosen scope; ValueError for a bad date or colour."""
        scope = self.scope()
        if scope == "article" and self.current_id is not None:
            return Filter(articles=[self.current_id])
        if scope == "filter":
            color = self.color_box.currentData()
            return Filter(tags=split_list(self.tag_edit.text()), colors=[color] if color else [],
                          sources=split_list(self.source_edit.text()),
                          date_from=self.from_edit.text().strip() or None,
                          date_to=self.to_edit.text().strip() or None)
        return Filter()

    # --- work ----------------------------------------------------------------------------------
    def _step(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _start(self, then: Callable[[Rows], Any], done: Callable[[Any], None]) -> Operation | None:
        """Collect the chosen scope's annotations on the runner and run `then` there too; None if the
        choices are not valid (and why in `status`)."""
        if self._op is not None and not self._op.done.is_set():
            return None
        try:
            keep = self.export_filter()
        except ValueError as exc:
            self.status.setText(tr("پالایه درست نیست: {why}", why=exc))
            return None
        self.buttons.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        corpus = self.corpus
        only = keep.articles[0] if len(keep.articles) == 1 else None

        def work(op: Operation) -> Any:
            try:
                rows = keep.apply(collect(corpus, only, progress=op.report))
            except (CorpusError, KeyError) as exc:
                raise ReadFailed(str(exc)) from exc
            except OSError as exc:
                raise ReadFailed(exc.strerror or str(exc)) from exc
            return then(rows)

        op = self._op = self.context.runner.run(tr("برون‌بری"), work, on_progress=self._step, on_done=done,
                                                on_failed=self._failed)
        op.ended.connect(lambda: self.buttons.setEnabled(True))
        return op

    def _failed(self, why: str) -> None:
        self.status.setText(why)
        self.exported.emit(False)

    def export(self) -> Operation | None:
        """Write the export on the runner; `exported` and `status` say where, or why not."""
        fmt = self.format_box.currentData()
        target = Path(self.path_edit.text()).expanduser()
        try:
            refuse_corpus_target(self.corpus, target)  # the rule the CLI keeps, said before any work
        except ProtectedPath as exc:
            self.status.setText(tr("چیزی نوشته نشد: {why}", why=str(exc)))
            self.exported.emit(False)
            return None
        self.status.setText(tr("در حال برون‌بری…"))

        def write(rows: Rows) -> int:
            try:
                write_export(fmt, self.corpus, rows, target)
            except OSError as exc:
                why = tr(WHY.get(exc.errno or 0, "")) or exc.strerror or str(exc)
                raise WriteFailed(tr("نوشتن {target} ممکن نشد: {why}. چیزی نوشته نشد.", target=target, why=why)) \
                    from exc
            return len(rows)

        def written(n: int) -> None:
            self.context.settings.setValue(FORMAT_KEY, fmt)
            self.status.setText(tr("{n} برجسته‌سازی در {target} نوشته شد.", n=n, target=target))
            self.exported.emit(True)

        op = self._start(write, written)
        if op is None:
            self.exported.emit(False)
        return op

    def show_tag_report(self) -> None:
        """Open the sortable tag report for the chosen scope."""
        from .tag_report import TagReportDialog

        def opened(rows: Rows) -> None:
            self.tag_report = TagReportDialog(self, rows)
            self.tag_report.open()

        self._start(lambda rows: rows, opened)


class ReadFailed(Exception):
    """The annotations could not be read; `reason` is shown."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.reason = tr("خواندن برجسته‌سازی‌ها ممکن نشد: {why}", why=why)


class WriteFailed(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.reason = message
