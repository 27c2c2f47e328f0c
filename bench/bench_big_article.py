"""A 5 MB article: `hashiye-cli show` against `cat`; in the real window, first paint and UI-thread stalls.

A 5 ms timer ticks on the UI thread (bench_ui_stall.StallMeter); the longest gap between two
ticks is the longest time the window could not repaint or take a key; beside it, the most CPU
time the UI thread itself used between two ticks (on a loaded machine a gap can also be the
scheduler not running the process, or another thread holding the interpreter). Phases: opening the
big article from the list (to its first paint), scrolling it (20 page-downs), hazm's
normalised text swapping in (`--hazm`) and scrolling it, going to a small article and back.
The reference is a bare QTextEdit given the same article's text in the same process
(`setPlainText` to its first paint).

`--show` measures the command instead: `hashiye-cli show --json` of an article stored as one
5 MB line, first time (fresh cache) and again, against `cat` of the same file, in the same
loop; time, CPU time and peak memory (ru_maxrss of each child). Such an article is shown at
the quick level unless normalised before; `--show --hazm` also times `show --hazm` (hazm's
display made whole, then cached). `--other DIR` also runs another tree (a folder holding a
`hashiye` package, e.g. the code before a change) in the same loop.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_big_article.py [--mb 5] [--one-line] [--hazm]
    .venv/bin/python bench/bench_big_article.py --show [--hazm] [--runs 3] [--other DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui_stall import StallMeter, pause, wait_until  # noqa: E402

SMALL = ("خبر کوتاه درباره بازگشایی مدرسه روستا\n"
         "به گزارش خبرگزاری آزمایش، مدرسه روستای نمونه پس از تعمیر دوباره باز شد و دانش‌آموزان به کلاس برگشتند.\n")


class BusyMeter(StallMeter):
    """The stall probe, plus the UI thread's own CPU time between two ticks: on a loaded machine a
    long gap may be the scheduler's (the process not running), which this part leaves out."""

    def start(self) -> None:
        self.cpu, self.busiest = time.thread_time(), 0.0
        super().start()

    def _tick(self) -> None:
        now = time.thread_time()
        self.busiest = max(self.busiest, now - self.cpu)
        self.cpu = now
        super()._tick()

    def stop(self) -> float:
        gap = super().stop()
        self.busy_ms = self.busiest * 1000
        return gap


def big_text(mb: float, one_line: bool) -> str:
    sentence = "جمله شماره {i} درباره طرح محرومیت زدایی در روستاهای استان است و خبرنگار ما گزارش داد."
    parts: list[str] = []
    size, i = 0, 0
    while size < mb * 1e6:
        s = sentence.format(i=i)
        parts.append(s)
        size += len(s.encode("utf-8")) + 1
        i += 1
    return "عنوان یک خبر بسیار بلند درباره روستاها\n" + (" " if one_line else "\n").join(parts) + "\n"


class Painted:
    """Time of the reader's first paint after `arm()` at which `ready()` holds."""

    def __init__(self, viewport: object, ready: Callable[[], bool] = lambda: True) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, _obj: object, event: QEvent) -> bool:  # noqa: N805
                if event.type() == QEvent.Type.Paint and self.at is None and self.armed and ready():
                    self.at = time.perf_counter()
                return False

        self.armed = False
        self.at: float | None = None
        self.filter = Filter()
        viewport.installEventFilter(self.filter)  # type: ignore[attr-defined]

    def arm(self) -> None:
        self.armed, self.at = True, None


def reference(app: object, text: str) -> float:
    """A bare QTextEdit: setPlainText to first paint (ms)."""
    from PySide6.QtWidgets import QTextEdit

    edit = QTextEdit()
    edit.resize(1200, 800)
    edit.show()
    pause(app, 0.2)
    painted = Painted(edit.viewport())
    painted.arm()
    t = time.perf_counter()
    edit.setPlainText(text)
    wait_until(app, lambda: painted.at is not None, 600)
    ms = (painted.at - t) * 1000  # type: ignore[operator]
    edit.close()
    return ms


def child(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Run a command, its output thrown away; (seconds, peak resident MB, CPU seconds) of that child."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def show_bench(mb: float, runs: int, other: Path | None, hazm: bool = False) -> int:
    """`hashiye-cli show --json` of a one-line article, first time and cached, against `cat`."""
    trees = [("this tree", None)] + ([(f"other ({other})", other)] if other else [])
    rows: dict[str, list[tuple[float, float, float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "folder"
        folder.mkdir()
        (folder / "big.txt").write_text(big_text(mb, True), "utf-8")
        for run in range(runs):
            cat = child(["cat", str(folder / "big.txt")], dict(os.environ))
            for name, path in trees:
                env = dict(os.environ, HASHIYE_CACHE_DIR=str(Path(tmp) / f"cache-{name[:5]}-{run}"))
                if path is not None:
                    env["PYTHONPATH"] = str(path)
                cmd = [sys.executable, "-m", "hashiye.core.cli.main", "show", "big", "--corpus", str(folder), "--json"]
                phases = [("first time", cmd, env), ("again (cached)", cmd, env)]
                if hazm and path is None:  # this tree's --hazm: the whole text normalised (then cached), own cache
                    phases.append(("--hazm, first time", [*cmd, "--hazm"],
                                   dict(env, HASHIYE_CACHE_DIR=str(Path(tmp) / f"cache-hazm-{run}"))))
                for phase, command, environment in phases:
                    sec, rss, cpu = child(command, environment)
                    rows.setdefault(f"{name}, {phase}", []).append((sec, rss, sec / cat[0], cpu))
            rows.setdefault("cat (reference)", []).append((cat[0], cat[1], 1.0, cat[2]))
    print(f"hashiye-cli show --json of a {mb:g} MB one-line article, {runs} runs, median; load: {os.getloadavg()}")
    for name, got in rows.items():
        sec, rss, ratio, cpu = (statistics.median(x[k] for x in got) for k in range(4))
        print(f"{name}: {sec * 1000:,.0f} ms ({ratio:,.0f}x cat), CPU {cpu * 1000:,.0f} ms, peak {rss:,.0f} MB")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--one-line", action="store_true", help="the whole article as one line")
    ap.add_argument("--hazm", action="store_true", help="also measure hazm's normalised text swapping in")
    ap.add_argument("--show", action="store_true", help="measure `hashiye-cli show` instead of the window")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--other", type=Path, help="with --show: also run the package in this folder")
    args = ap.parse_args(argv)
    if args.show:
        return show_bench(args.mb, args.runs, args.other, args.hazm)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HASHIYE_CACHE_DIR"] = str(Path(tmp) / "cache")
        folder = Path(tmp) / "folder"
        folder.mkdir()
        text = big_text(args.mb, args.one_line)
        (folder / "big.txt").write_text(text, "utf-8")
        (folder / "a_small.txt").write_text(SMALL, "utf-8")
        from hashiye.gui.app import create_window, make_app
        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtTest import QTest

        app = make_app([])
        ref = reference(app, text)
        window = create_window(folder, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1200, 800)
        window.show()
        wait_until(app, lambda: window.model.rowCount() == 2 and window.current_id is not None, 600)
        if window.current_id == "big":
            window.pane.select("a_small")
            wait_until(app, lambda: window.current_id == "a_small", 600)
        pause(app, 0.3)
        def big_shown() -> bool:
            d = window.reader.display
            return window.current_id == "big" and d is not None and len(d.text) > 1000

        painted = Painted(window.reader.viewport(), big_shown)
        # Its beginning, painted while it is read whole (keys off it meanwhile).
        begun = Painted(window.reader.viewport(),
                        lambda: window.reader.display is not None and len(window.reader.display.text) > 1000)
        meter = BusyMeter()
        rows: list[tuple[str, float, float, float]] = []

        def opened() -> bool:
            return painted.at is not None

        window.session.forget("big", text_too=True)  # as if never opened: read and parsed now
        meter.start()
        painted.arm()
        begun.arm()
        t = time.perf_counter()
        window.pane.select("big")
        wait_until(app, opened, 900)
        first = (painted.at - t) * 1000  # type: ignore[operator]
        beginning = ((begun.at or painted.at) - t) * 1000  # type: ignore[operator]
        pause(app, 0.5)
        rows.append(("open the big article: its beginning painted", beginning, float("nan"), float("nan")))
        rows.append(("open the big article (file read and parsed): its text painted", first, meter.stop(), meter.busy_ms))
        meter.start()
        window.reader.setFocus()
        for _ in range(20):
            QTest.keyClick(window.reader, Qt.Key.Key_PageDown)
            pause(app, 0.05)
        rows.append(("20 page-downs", float("nan"), meter.stop(), meter.busy_ms))
        if args.hazm:
            from hashiye.core.text.normalize import get_normalizer

            get_normalizer()  # loading hazm is not what is measured
            meter.start()
            t = time.perf_counter()
            window.upgrade_display()
            wait_until(app, lambda: window.reader.display is not None and window.reader.display.normalized, 900)
            done = (time.perf_counter() - t) * 1000
            pause(app, 0.5)
            rows.append(("hazm's text swapped in", done, meter.stop(), meter.busy_ms))
            meter.start()
            for _ in range(20):
                QTest.keyClick(window.reader, Qt.Key.Key_PageDown)
                pause(app, 0.05)
            rows.append(("20 page-downs in hazm's text", float("nan"), meter.stop(), meter.busy_ms))
        meter.start()
        window.pane.select("a_small")
        wait_until(app, lambda: window.current_id == "a_small", 600)
        pause(app, 0.3)
        painted.arm()
        t = time.perf_counter()
        window.pane.select("big")
        wait_until(app, opened, 900)
        again = (painted.at - t) * 1000  # type: ignore[operator]
        pause(app, 0.5)
        rows.append(("back to the big article (parsed before): its text painted", again, meter.stop(), meter.busy_ms))
        window.close()
    size = len(text.encode("utf-8")) / 1e6
    print(f"load: {os.getloadavg()}")
    print(f"{size:.1f} MB article{' (one line)' if args.one_line else ''}, {len(text):,} characters; "
          f"reference: bare QTextEdit setPlainText to first paint {ref:.0f} ms")
    for name, ms, stall, busy in rows:
        shown = "" if ms != ms else f"{ms:.0f} ms ({ms / ref:.2f}x the bare window), "
        probe = "" if stall != stall else f"longest UI stall {stall:.0f} ms (UI thread's CPU in a gap: at most {busy:.0f} ms)"
        print((f"{name}: {shown}" + probe).rstrip(", "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
