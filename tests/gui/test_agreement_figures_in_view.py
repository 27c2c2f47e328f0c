"""The agreement pane's figures (each code and the overall row) are in view without scrolling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_every_figure_row_of_two_codes_is_in_view(qtbot, corpus: Path, window) -> None:
    from hashiye.core.analysis.autocode import autocode

    for query, tag, coder in (("در", "الف", "A"), ("استان", "الف", "B"), ("ایران", "ب", "B"), ("جلسه", "ب", "A")):
        autocode(corpus, query, tag, coder=coder, unit="sentence")
    window.resize(1400, 900)  # the shoot tool's screen: the pane docked under the reader
    qtbot.keyClick(window.list_view, Qt.Key.Key_K, CTRL_SHIFT)
    pane = window.analysis.agreement
    qtbot.waitUntil(lambda: pane.result is not None and set(pane.result.codes) == {"الف", "ب"}, timeout=20000)
    assert pane.table.model().rowCount() == 3  # two codes and the overall figures

    def all_in_view() -> bool:
        figures, room = pane.table.model(), pane.table.viewport().rect()  # (a recomputation replaces the model)
        return all(room.contains(pane.table.visualRect(figures.index(r, 0))) for r in range(figures.rowCount()))

    qtbot.waitUntil(all_in_view, timeout=5000)  # was: a row and a half, the overall row scrolled away
