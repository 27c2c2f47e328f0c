"""UI-thread stalls while articles arrive in a large folder the window shows (a scraper at work).

    .venv/bin/python bench/bench_folder_change.py /tmp/hashiye-bench/c10000 --copy /tmp/fc --runs 5

The real window, offscreen, on a copy of the folder (listed once first, so the cache is warm).
Each run adds one article and lets the file watcher react (`FolderWatch.check_disk`, what a
directory change triggers); a 5 ms timer on the UI thread records the longest gap between its
ticks until the new listing is shown. The reference, measured in the same process before the
runs, is the longest gap over the same time with nothing happening (the timer's own jitter).
Budget: no UI-thread stall over 100 ms (issue 17).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--copy", type=Path, help="where to copy the folder (default: a temporary folder)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--settle", type=float, default=3.0, help="seconds each run waits for the listing")
    args = ap.parse_args()
    work = args.copy or Path(tempfile.mkdtemp(prefix="hashiye-fc-"))
    folder = work / "corpus"
    if not folder.exists():
        shutil.copytree(args.corpus, folder)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(work / "cache"),
           "XDG_DATA_HOME": str(work / "data"), "XDG_CONFIG_HOME": str(work / "config")}
    cli = Path(sys.executable).with_name("hashiye-cli")
    subprocess.run([str(cli), "list", "--json", "--corpus", str(folder)], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # the cache the window lists from
    os.execve(sys.executable, [sys.executable, __file__, "--in-window", str(folder), str(args.runs),
                               str(args.settle)], env)


def in_window(folder: Path, runs: int, settle: float) -> None:
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings, QTimer

    app = make_app([])
    settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(folder, settings)
    window.show()
    gap = {"longest": 0.0, "last": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        gap["longest"] = max(gap["longest"], now - gap["last"])
        gap["last"] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    source = sorted(folder.glob("*.txt"))[0]
    idle: list[float] = []
    busy: list[float] = []

    def reset() -> None:
        gap["longest"], gap["last"] = 0.0, time.perf_counter()

    def measure_idle() -> None:
        if len(idle) < runs:
            reset()
            QTimer.singleShot(int(settle * 1000), lambda: (idle.append(gap["longest"]), measure_idle()))
            return
        add_one()

    def add_one() -> None:
        if len(busy) == runs:
            finish()
            return
        reset()
        shutil.copy(source, folder / f"zz-added-{len(busy)}.txt")
        window.watch.check_disk()
        QTimer.singleShot(int(settle * 1000), lambda: (busy.append(gap["longest"]), add_one()))

    def finish() -> None:
        listed = len(window.context.listing.articles) if window.context.listing else 0
        load = os.getloadavg()[0]
        ms = [round(x * 1000) for x in busy]
        ref = [round(x * 1000) for x in idle]
        print(f"{listed} articles listed at the end; load average {load:.1f} ({os.cpu_count()} CPUs)")
        print(f"idle reference, longest gap between 5 ms ticks: {ref} ms (median {statistics.median(ref)})")
        print(f"an article added, longest gap until it is listed: {ms} ms (median {statistics.median(ms)}, "
              f"worst {max(ms)}; budget 100)")
        print(f"ratio, median: {statistics.median(ms) / max(statistics.median(ref), 1):.1f}x the idle gap")
        for f in folder.glob("zz-added-*.txt"):
            f.unlink()
        app.quit()

    def start() -> None:
        timer.start()
        measure_idle()

    QTimer.singleShot(3000, start)  # the window built, the first article shown
    app.exec()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--in-window":
        in_window(Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
    else:
        raise SystemExit(main())
