"""Article switch with 200 highlights: time from `show_article` to the reader laid out (DESIGN §8: p95 < 30 ms).

Usage: .venv/bin/python bench/bench_switch.py [--switches 200]
Runs the real window offscreen on a copy of the seeds; every article gets 200 highlights.
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

from hashiye.core.annotations.model import COLORS, new_annotation  # noqa: E402
from hashiye.core.corpus.article import load_article  # noqa: E402
from hashiye.core.annotations.store import AnnotationStore  # noqa: E402
from hashiye.gui.app import create_window, make_app  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--switches", type=int, default=200)
    ap.add_argument("--highlights", type=int, default=200)
    args = ap.parse_args()
    corpus = Path(tempfile.mkdtemp(prefix="hashiye-corpus-"))
    for f in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    store = AnnotationStore(corpus)
    for path in sorted(corpus.glob("*.txt")):
        art = load_article(path)
        step = max(1, len(art.source_text) // args.highlights)
        anns = [new_annotation(art.id, art.source_text, i, min(i + step // 2 + 1, len(art.source_text)),
                               COLORS[k % 5]) for k, i in enumerate(range(0, len(art.source_text) - 2, step))]
        store.save_change(art, upsert=anns[: args.highlights])
    app = make_app([])
    window = create_window(corpus, QSettings(str(corpus / ".." / "bench.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    ids = [p.stem for p in sorted(corpus.glob("*.txt"))]
    for i in ids:  # first visit reads files and anchors; measure the steady state too
        window.show_article(i)
    app.processEvents()
    cold: list[float] = []
    times: list[float] = []
    for n in range(args.switches):
        article_id = ids[n % len(ids)]
        if n < len(ids):
            window.session.forget(article_id, text_too=True)
        t = time.perf_counter()
        window.show_article(article_id)
        window.reader.document().documentLayout().documentSize()  # force layout
        window.reader.viewport().repaint()
        QApplication.processEvents()
        (cold if n < len(ids) else times).append((time.perf_counter() - t) * 1000)
    counts = [len(window.session.state(i).anchored) for i in ids]
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{len(ids)} articles, highlights per article {counts}, {len(times)} warm switches")
    print(f"warm switch (cached article): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms (budget 30 ms)")
    print(f"cold switch (read file, parse, anchor): median {statistics.median(cold):.1f} ms, max {max(cold):.1f} ms")


if __name__ == "__main__":
    main()
