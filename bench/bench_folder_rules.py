"""Cost of the per-folder line rules (core.folder_rules): cold, warm, and the in-memory check.

    .venv/bin/python bench/gen_corpus.py 10000 /tmp/hashiye-bench/c10000
    .venv/bin/python bench/bench_folder_rules.py /tmp/hashiye-bench/c10000

Cold = every file read for its line keys (empty cache); warm = the cache checked against
each file's size and mtime; memo = `for_folder` when nothing changed (what each
`load_article` pays).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    args = ap.parse_args()
    cache = tempfile.mkdtemp(prefix="hashiye-rules-")
    os.environ["HASHIYE_CACHE_DIR"] = cache
    os.environ["HASHIYE_DATA_DIR"] = cache + "/data"
    from hashiye.core.corpus import folder_rules

    corpus = args.corpus
    t = time.perf_counter()
    repeated = folder_rules.repeated_lines(corpus)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    folder_rules.repeated_lines(corpus)
    warm = time.perf_counter() - t
    folder_rules.for_folder(corpus)
    t = time.perf_counter()
    for _ in range(100):
        folder_rules.for_folder(corpus)
    memo = (time.perf_counter() - t) / 100
    size = folder_rules.lines_cache_path(corpus).stat().st_size
    files = sum(1 for _ in corpus.glob("*.txt"))
    print(f"{files} files: {len(repeated)} repeated lines; cold {cold:.2f} s ({cold / files * 1000:.2f} ms/file), "
          f"warm {warm * 1000:.0f} ms, for_folder unchanged {memo * 1e6:.0f} µs, cache {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
