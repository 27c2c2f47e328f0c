"""Longest UI-thread stall while a large folder is searched and exported in the real window.

A 5 ms timer ticks on the UI thread; the longest gap between two ticks is the longest time
the window could not repaint or take a key. Three phases are measured separately: the corpus
search panel (index brought up to date, then a query), and an export of every annotation.

    .venv/bin/python bench/gen_corpus.py 2000 /tmp/hashiye-bench/c2000
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui_stall.py /tmp/hashiye-bench/c2000

The folder's index and caches go to a fresh cache folder each run (HASHIYE_CACHE_DIR), so
the index is built from nothing while the stall is measured.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class StallMeter:
    """Longest gap between ticks of a 5 ms timer on the UI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest * 1000


def wait_until(app: object, done: Callable[[], bool], timeout: float = 300.0) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("gave up waiting")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)  # type: ignore[attr-defined]


def pause(app: object, seconds: float) -> None:
    end = time.monotonic() + seconds
    wait_until(app, lambda: time.monotonic() > end)


def measure(folder: Path, query: str, out: Path) -> dict[str, float]:
    """Open the window on `folder`; return the longest stall (ms) of each phase."""
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings

    app = make_app([])
    settings = QSettings(str(out.parent / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(folder, settings)
    window.show()
    wait_until(app, lambda: window.model.rowCount() > 0 and window.current_id is not None)
    # The list of a large new folder shows while it is read; what is measured starts once it is all read.
    wait_until(app, lambda: not window.context.runner.running and not window.context.listing.partial)
    meter = StallMeter()
    figures: dict[str, float] = {}

    getattr(window, "dialogs", window).search_corpus()  # opening the dialog is not slow work: measured from here
    panel = window.search_panel
    pause(app, 0.05)
    meter.start()
    panel.query.setText(query)
    wait_until(app, lambda: getattr(panel, "ready", False) or getattr(panel, "index", None) is not None)
    wait_until(app, lambda: panel.model.rowCount() > 0)
    figures["search (index build + query)"] = meter.stop()

    meter.start()
    for text in (query + " ایران", "«" + query + "»", query):
        panel.query.setText(text)
        pause(app, 0.8)  # the query runs 150 ms after the last key
    figures["search (three more queries)"] = meter.stop()
    panel.close()

    getattr(window, "dialogs", window).export()
    dialog = window.export_dialog
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(out))
    meter.start()
    dialog.export()
    wait_until(app, lambda: "نوشته شد" in dialog.status.text() or "ممکن نشد" in dialog.status.text())
    figures["export (every article, CSV)"] = meter.stop()
    window.close()
    return figures


def annotate_some(folder: Path, every: int = 10) -> int:
    """One highlight in every tenth article, so the export has rows."""
    from hashiye.core.annotations.model import new_annotation
    from hashiye.core.corpus.article import load_article
    from hashiye.core.annotations.store import AnnotationStore

    store = AnnotationStore(folder)
    count = 0
    for k, path in enumerate(sorted(folder.glob("*.txt"))):
        if k % every:
            continue
        art = load_article(path)
        store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 40, note="bench")])
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--query", default="روستا")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HASHIYE_CACHE_DIR"] = str(Path(tmp) / "cache")
        if not list(args.folder.glob("*.annotations.json")):
            print(f"annotated {annotate_some(args.folder)} articles", file=sys.stderr)
        figures = measure(args.folder, args.query, Path(tmp) / "export.csv")
    for name, ms in figures.items():
        print(f"{name}: longest UI stall {ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
