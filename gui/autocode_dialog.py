"""«Code all hits…»: the query (read-only), the code, the unit, the colour and the coder, with a preview
of what the run would create (a dry run on the runner) before the user confirms (gui/autocode_run.py runs it)."""

from __future__ import annotations

from hashiye.core.analysis.autocode import AutocodeResult, autocode
from hashiye.core.annotations.codebook import Codebook, CodebookError
from hashiye.core.annotations.model import COLORS
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .autocode_run import AutocodeParams
from .coder import coder_name
from .colors import color_label
from .context import AppContext
from .i18n import N_, direction, tr
from .runner import Operation

UNITS = {"hit": N_("خود یافته"), "sentence": N_("جملهٔ دربرگیرندهٔ یافته")}


class AutocodeDialog(QDialog):
    """Asks what to code with; shows «N annotations in M articles» (a dry run) before «Code» is enabled."""

    def __init__(self, parent: QWidget, context: AppContext, query: str) -> None:
        super().__init__(parent)
        self.setObjectName("autocodeDialog")
        self.context = context
        self.coder = coder_name(context.settings) or None
        self.preview_result: AutocodeResult | None = None
        self._op: Operation | None = None
        self.query = QLineEdit(query)
        self.query.setReadOnly(True)
        self.query.setObjectName("autocodeQuery")
        self.code = QComboBox()
        self.code.setEditable(True)
        self.code.setObjectName("autocodeCode")
        self.code.addItems(self._codes())
        self.code.setCurrentIndex(-1)
        self.unit = QComboBox()
        self.unit.setObjectName("autocodeUnit")
        for key in UNITS:
            self.unit.addItem("", key)
        self.color = QComboBox()
        self.color.setObjectName("autocodeColor")
        for key in COLORS:
            self.color.addItem("", key)
        self.coder_label = QLabel()
        self.preview = QLabel()
        self.preview.setObjectName("autocodePreview")
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.form_labels, (self.query, self.code, self.unit, self.color, self.coder_label),
                                strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.preview)
        lay.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_preview)
        self.code.currentTextChanged.connect(lambda _t: self._changed())
        self.unit.currentIndexChanged.connect(lambda _i: self._changed())
        self.finished.connect(lambda _r: self._op.cancel() if self._op is not None else None)
        self.code.setFocus()  # the query is shown, not edited: the keyboard starts in the code
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("کدگذاری همهٔ یافته‌ها"))
        self.setLayoutDirection(direction())
        for label, text in zip(self.form_labels, (N_("جست‌وجو"), N_("&کد"), N_("&واحد"), N_("&رنگ"), N_("کدگذار")),
                               strict=True):
            label.setText(tr(text))
        line = self.code.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("نام کد، مانند اقتصاد"))
        for i, key in enumerate(UNITS):
            self.unit.setItemText(i, tr(UNITS[key]))
        for i, key in enumerate(COLORS):
            self.color.setItemText(i, color_label(key))
        self.coder_label.setText(self.coder or tr("بی‌نام (حاشیه‌نویسی ▸ نام کدگذار…)"))
        self.ok.setText(tr("کدگذاری"))
        self._show_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _codes(self) -> list[str]:
        """The folder's codebook codes and the tags in use, once each."""
        try:
            codes = list(Codebook(self.context.folder).load())
        except (CodebookError, OSError):
            codes = []
        return sorted(set(codes) | set(self.context.session.all_tags()))

    def params(self) -> AutocodeParams:
        return AutocodeParams(self.query.text(), self.code.currentText().strip(), self.unit.currentData(),
                              self.color.currentData(), self.coder)

    def _changed(self) -> None:
        self.preview_result = None
        self.ok.setEnabled(False)
        self._show_preview()
        self._timer.start()

    def run_preview(self) -> None:
        """The dry run on the runner: how many annotations in how many articles this would create."""
        if self._op is not None:
            self._op.cancel()
        p = self.params()
        if not p.tag:
            self._op = None
            self._show_preview()
            return
        corpus = self.context.folder
        self.preview.setText(tr("در حال شمردن…"))
        self._op = self.context.runner.run(
            tr("پیش‌نمایش کدگذاری"),
            lambda _op: autocode(corpus, p.query, p.tag, unit=p.unit, color=p.color, dry_run=True),
            on_done=lambda r: self._previewed(p, r), on_failed=lambda why: self.preview.setText(tr("شمرده نشد: {why}", why=why)))

    def _previewed(self, asked: AutocodeParams, result: AutocodeResult) -> None:
        if asked != self.params():
            return  # an older question
        self._op = None
        self.preview_result = result
        self.ok.setEnabled(result.annotations > 0)
        self._show_preview()

    def _show_preview(self) -> None:
        r = self.preview_result
        if not self.code.currentText().strip():
            self.preview.setText(tr("کدی بنویسید یا برگزینید."))
        elif r is None:
            self.preview.setText(tr("در حال شمردن…"))
        elif r.annotations:
            self.preview.setText(tr("{n} برجسته‌سازی تازه در {m} مقاله ساخته می‌شود.", n=r.annotations, m=r.articles))
        else:
            self.preview.setText(tr("چیزی برای افزودن نیست: همهٔ یافته‌ها این کد را دارند."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeading)
