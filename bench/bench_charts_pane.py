"""The chart pane's work over 100,000 annotations (issue 16: a chart ≤ 1 s).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python -u bench/bench_charts_pane.py [--articles 10000] [--dir DIR] [--rounds 5]

Uses bench_analysis.py's generated corpus topped up to 100,000 tagged highlights. For each chart
(month, source, co-occurrence) and round, in the same loop:
- reference: `build_report` alone, as `hashiye-cli report` counts (tags cached after the first run);
- pane: what the pane does for one chart: count with the list's records (`chart_of`: report, SVG
  and CSV, on the runner), then load the SVG into QtSvg and paint a pane's view of it (UI thread).
Prints the median of each and their ratio; the first (cold) run, which reads every sidecar, is
shown apart.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_analysis import corpus_of, top_up  # noqa: E402
from hashiye.core.analysis.report import build_report  # noqa: E402
from hashiye.core.search.listing_cache import cached_listing  # noqa: E402
from hashiye.core.search.search import CorpusIndex  # noqa: E402
from PySide6.QtCore import QByteArray, QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def paint(svg: str) -> None:
    """What the pane's view does on the UI thread: load the drawing and paint what a pane shows of it
    (a 1300×400 viewport at the top; a tall chart scrolls)."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(1300, 400, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()


def main() -> None:
    from hashiye.gui.charts_pane import chart_of

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "hashiye-bench")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841 (fonts for painting)
    src = corpus_of(args.articles, args.dir)
    work = args.dir / f"charts-{args.articles}"
    os.environ["HASHIYE_CACHE_DIR"] = str(work / "cache")
    os.environ["HASHIYE_DATA_DIR"] = str(work / "data")
    corpus = work / "corpus"
    if not (corpus / ".ready").exists():
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(src, corpus)
        with CorpusIndex(corpus) as index:
            index.update(metadata=True)
        t0 = time.perf_counter()
        total = top_up(corpus, 100_000)
        print(f"setup: {total} annotations in {time.perf_counter() - t0:.0f} s (kept for the next run)")
        (corpus / ".ready").write_text("")
    shutil.rmtree(work / "cache" / "coded-records", ignore_errors=True)
    print(f"corpus: {args.articles} articles; {os.cpu_count()} CPUs; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    listing = cached_listing(corpus)
    metadata = {r.id: r for r in listing.articles}
    t0 = time.perf_counter()
    build_report(corpus, "month", metadata=metadata)
    print(f"cold: first chart, every sidecar read {time.perf_counter() - t0:6.2f} s")
    print(f"{'chart':<14}{'reference (report)':>20}{'pane (count+draw+paint)':>26}{'ratio':>8}"
          f"{'of which paint':>16}{'annotations':>13}")
    for by in ("month", "source", "cooccurrence"):
        ref, pane, painted = [], [], []
        counted = 0
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            build_report(corpus, by, metadata=None)
            ref.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            chart = chart_of(corpus, by, None, metadata, None)
            t1 = time.perf_counter()
            paint(chart.svg)
            pane.append(time.perf_counter() - t0)
            painted.append(time.perf_counter() - t1)
            counted = chart.report.annotations
        r, p = statistics.median(ref), statistics.median(pane)
        print(f"{by:<14}{r:>18.2f} s{p:>24.2f} s{p / r:>8.2f}{statistics.median(painted):>14.3f} s{counted:>13}")


if __name__ == "__main__":
    main()
