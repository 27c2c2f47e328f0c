"""Ctrl+E: export the corpus's annotations (format, destination), with a clear message on failure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QWidget)

from hashiye.core.corpus import CorpusError
from hashiye.core.exporting import EXPORTERS, collect

FORMAT_LABELS = {
    "jsonld": ("W3C Web Annotation (JSON-LD)", "json"),
    "csv": ("جدول CSV برای صفحه‌گسترده", "csv"),
    "md": ("Markdown برای خواندن", "md"),
    "qdpx": ("پروژهٔ REFI-QDA (NVivo، ATLAS.ti، MAXQDA)", "qdpx"),
}


class ExportDialog(QDialog):
    """Choose a format and a file; writes the export and reports what happened."""

    def __init__(self, parent: QWidget, corpus: Path) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.setWindowTitle("برون‌بری یادداشت‌ها")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.format_box = QComboBox()
        for key in EXPORTERS:
            self.format_box.addItem(FORMAT_LABELS.get(key, (key, key))[0], key)
        self.path_edit = QLineEdit(str(Path.home() / f"{corpus.name}-annotations.json"))
        browse = QPushButton("انتخاب…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.format_box.currentIndexChanged.connect(self._suffix)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("قالب:", self.format_box)
        form.addRow("پرونده:", row)
        form.addRow(self.status)
        form.addRow(buttons)
        self.resize(560, 180)

    def _suffix(self) -> None:
        ext = FORMAT_LABELS.get(self.format_box.currentData(), ("", "txt"))[1]
        path = Path(self.path_edit.text())
        self.path_edit.setText(str(path.with_suffix("." + ext)))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "برون‌بری", self.path_edit.text())
        if name:
            self.path_edit.setText(name)

    def export(self) -> bool:
        """Write the export; say where, or why not."""
        fmt = self.format_box.currentData()
        target = Path(self.path_edit.text()).expanduser()
        try:
            rows = collect(self.corpus)
            text = EXPORTERS[fmt](self.corpus, rows)
            target.write_text(text, "utf-8")
        except (OSError, CorpusError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.status.setText(f"نوشتن {target} ممکن نشد: {why}. چیزی نوشته نشد.")
            return False
        self.status.setText(f"{len(rows)} یادداشت در {target} نوشته شد.")
        return True
