"""Start-up floor: the Qt parts of Hashiye's first frame, without Hashiye's code, quit at first paint.

What any implementation of the same window pays before its first painted article: the same Qt
modules and namespaces (the `Qt` enums), Fusion and a style sheet, the bundled Vazirmatn faces,
a menu bar with five menus, a splitter with a list (a painted delegate, five rows), a header
of labels and a right-to-left text edit showing the article, and an empty side list. Run by
`bench/bench_startup.py --floor`; prints `first paint N ms, CPU at the first paint N ms`.
Usage: floor_window.py ARTICLE.txt
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QPainter  # noqa: E402
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView,  # noqa: E402
                               QMainWindow, QSplitter, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTextEdit, QToolButton, QVBoxLayout, QWidget)

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
SHEET = """QMainWindow { background: #fbfaf7; } QTextEdit { background: #fbfaf7; color: #1d1d1b; }
QLabel#title { font-size: 17pt; font-weight: bold; } QListView { border: 1px solid #d8d4cc; border-radius: 4px; }
QListView::item:selected:active { background: #d9e6f2; } QLineEdit { padding: 4px 6px; }"""


class Rows(QAbstractListModel):
    def __init__(self, rows: list[str]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return self.rows[index.row()] if role == Qt.ItemDataRole.DisplayRole else None


class Delegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.drawText(option.rect.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignRight, index.data())


class Quit(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"first paint {1000 * (time.perf_counter() - _T0):.0f} ms, CPU at the first paint "
                  f"{1000 * time.process_time():.0f} ms", file=sys.stderr)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    family = "Vazirmatn"
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        fid = QFontDatabase.addApplicationFont(str(FONTS / name))
        if fid >= 0:
            family = QFontDatabase.applicationFontFamilies(fid)[0]
    app.setFont(QFont(family, 11))
    app.setStyleSheet(SHEET)
    text = Path(sys.argv[1]).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    window = QMainWindow()
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    for title in ("پرونده", "نما", "رفتن", "حاشیه‌نویسی", "راهنما"):
        window.menuBar().addMenu(title)
    pane = QWidget()
    lay = QVBoxLayout(pane)
    row = QHBoxLayout()
    row.addWidget(QLineEdit(placeholderText="پالایش فهرست…"), 1)
    row.addWidget(QComboBox())
    row.addWidget(QToolButton(text="پالایه‌ها"))
    lay.addLayout(row)
    rows = QListView()
    rows.setModel(Rows(lines[:5]))
    rows.setItemDelegate(Delegate(rows))
    lay.addWidget(rows, 1)
    centre = QWidget()
    c_lay = QVBoxLayout(centre)
    title = QLabel(lines[0] if lines else "")
    title.setObjectName("title")
    title.setWordWrap(True)
    c_lay.addWidget(title)
    c_lay.addWidget(QLabel(lines[1] if len(lines) > 1 else ""))
    reader = QTextEdit()
    reader.setReadOnly(True)
    reader.setPlainText(text)
    c_lay.addWidget(reader, 1)
    side = QListView()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for part in (pane, centre, side):
        splitter.addWidget(part)
    splitter.setSizes([330, 760, 300])
    window.setCentralWidget(splitter)
    window.resize(1400, 900)
    q = Quit()
    reader.viewport().installEventFilter(q)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
