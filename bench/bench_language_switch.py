"""Interface language switched in place: time from `choose_language` to the window repainted in the
other language, with the search pane and the highlight browser open (bench/README.md).

Usage: .venv/bin/python bench/bench_language_switch.py [--switches 20]
Runs the real window offscreen on a copy of the seeds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HASHIYE_CACHE_DIR"] = tempfile.mkdtemp(prefix="hashiye-bench-")
os.environ["HASHIYE_DATA_DIR"] = tempfile.mkdtemp(prefix="hashiye-bench-data-")

from hashiye.gui.app import Windows, make_app  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--switches", type=int, default=20)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hashiye-corpus-"))
    corpus = tmp / "seeds"
    shutil.copytree(ROOT / "seeds", corpus)
    app = make_app([])
    windows = Windows(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
    window = windows.open(corpus)
    window.resize(1400, 900)
    window.show()
    window.actions_by_id["search_corpus"].trigger()
    window.actions_by_id["browse_annotations"].trigger()
    for _ in range(50):
        app.processEvents()
    times = []
    for i in range(args.switches):
        start = time.perf_counter()
        window.choose_language("en" if i % 2 == 0 else "fa")
        app.processEvents()  # LanguageChange reaches every widget
        window.repaint()
        times.append(1000 * (time.perf_counter() - start))
    assert windows.window is window
    print(f"language switch in place ({args.switches} switches): median {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
