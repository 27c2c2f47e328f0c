"""Annotation store timings: load + anchor 1,000 annotations on one article; save one change.

Usage: .venv/bin/python bench/bench_store.py [--annotations 1000] [--repeat 20] [--dir DIR]
Works in a temporary copy; prints one line per measurement (median and p95, ms).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hashiye.core.annotations.model import edited, new_annotation
from hashiye.core.corpus.article import Article, load_article
from hashiye.core.files.safe_read import json_depth
from hashiye.core.annotations.store import AnnotationStore

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def measure(label: str, fn: Callable[[], object], repeat: int,
            setup: Callable[[], object] = lambda: None) -> float:
    """Run `fn` `repeat` times (after `setup`, untimed) after one warm-up; print the median in ms."""
    setup()
    fn()
    times = []
    for _ in range(repeat):
        setup()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    median, p95 = statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{label:<58} median {median:7.1f} ms   p95 {p95:7.1f} ms")
    return median


def build(folder: Path, n: int) -> Article:
    """One long article (the five seeds, 4 times over) with `n` highlights of 20–200 characters."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) * 4)
    path = folder / "long_article.txt"
    path.write_text(text, encoding="utf-8")
    art = load_article(path)
    rng = random.Random(1)
    anns = []
    for i in range(n):
        start = rng.randrange(0, len(text) - 200)
        anns.append(new_annotation(art.id, text, start, start + rng.randint(20, 200),
                                   color=("yellow", "green", "blue")[i % 3],
                                   note="یادداشت آزمایشی" if i % 4 == 0 else "", tags=["برچسب"] if i % 5 == 0 else []))
    AnnotationStore(folder).save_change(art, upsert=anns)
    return art


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=None, help="where to make the temporary corpus "
                        "(default: the system temp folder; fsync costs depend on its file system)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hashiye-bench-", dir=args.dir))
    os.environ.setdefault("HASHIYE_CACHE_DIR", str(folder / "cache"))
    os.environ.setdefault("HASHIYE_DATA_DIR", str(folder / "data"))  # earlier versions kept by saves
    corpus = folder / "corpus"
    corpus.mkdir()
    try:
        art = build(corpus, args.annotations)
        store = AnnotationStore(corpus)
        size = store.sidecar_for(art.id).stat().st_size
        print(f"article {len(art.source_text):,} characters, {args.annotations:,} annotations, "
              f"sidecar {size / 1024:.0f} KiB")
        load_ms = measure("load + anchor, cold (new store: read, parse, anchor)",
                          lambda: AnnotationStore(corpus).load(art), args.repeat)
        measure("load + anchor, warm (file unchanged since last read)", lambda: store.load(art), args.repeat)
        raw = store.sidecar_for(art.id).read_bytes()
        measure("of a cold load: the sidecar's nesting pre-check", lambda: json_depth(raw), args.repeat)
        state = store.load(art)
        target = state.anchored[len(state.anchored) // 2].annotation
        other = AnnotationStore(corpus)
        other.load(art)
        notes = iter(range(10**9))

        def change() -> object:
            return store.save_change(art, upsert=[edited(target, note=f"n{next(notes)}")])

        save_ms = measure("save one change (lock, re-check, merge, write, fsync)", change, args.repeat)
        measure("save one change after another process wrote (re-parse)", change, args.repeat,
                setup=lambda: other.save_change(art, upsert=[edited(target, color="pink")]))
        art.path.write_text("پاراگرافی تازه در آغاز متن.\n\n" + art.source_text, encoding="utf-8")
        moved = load_article(art.path)
        measure("load + anchor, cold, paragraph prepended (all moved)",
                lambda: AnnotationStore(corpus).load(moved), args.repeat)
        print(f"targets: load < 100 ms {'OK' if load_ms < 100 else 'MISSED'}, "
              f"save < 20 ms {'OK' if save_ms < 20 else 'MISSED'}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
