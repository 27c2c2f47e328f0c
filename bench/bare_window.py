"""Reference for start-up: a bare PySide6 window showing an article's text, quit at first paint."""

from __future__ import annotations

import time

_T0 = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402


class Quit(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"first paint {1000 * (time.perf_counter() - _T0):.0f} ms, CPU at the first paint "
                  f"{1000 * time.process_time():.0f} ms", file=sys.stderr)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> None:
    app = QApplication(sys.argv[:1])
    edit = QTextEdit()
    edit.setPlainText(Path(sys.argv[1]).read_text("utf-8"))
    q = Quit()
    edit.viewport().installEventFilter(q)
    edit.resize(1200, 800)
    edit.show()
    app.exec()


if __name__ == "__main__":
    main()
