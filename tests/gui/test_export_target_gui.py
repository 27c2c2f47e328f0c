"""The export dialog refuses an article or a sidecar as its output, with the same rule as the CLI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

ARTICLE = "003_edc48c3769eb6a48"


def test_the_export_dialog_will_not_overwrite_an_article(qtbot, window, corpus: Path) -> None:
    article = corpus / f"{ARTICLE}.txt"
    before = article.read_bytes()
    qtbot.keyClick(window.list_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_dialog
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.path_edit.setText(str(article))
    assert not dialog.export()
    assert "choose another name" in dialog.status.text()
    assert article.read_bytes() == before
