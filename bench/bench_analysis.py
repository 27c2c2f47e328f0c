"""Analysis timings on the generated corpus (issue 16): autocode, agreement, reports.

Usage: .venv/bin/python bench/bench_analysis.py [--articles 10000] [--dir /tmp/hashiye-bench]

Generates the corpus once (bench/gen_corpus.py) under --dir, works on a fresh copy, and
prints one line per measurement: wall-clock seconds and, since the machine is shared, the
ratio to a reference taken in the same run (`cat` of every article file, timed before and
after; their mean is the reference), with the load average (`uptime`) at the start and end:
1. the search index built/refreshed (as the window keeps it warm; not part of the budgets);
2. autocode of «گزارش» (in every article: «به گزارش <source>،») as coder A, each hit;
   then the same again (nothing to add: the idempotence check);
3. coder B autocodes the sentences holding «اجتماعی» with the same code;
4. agreement of A and B over all sentences of the articles they annotated: first with no
   cache (every article split into sentences, every sidecar read), then again (unchanged
   files from the cache);
5. highlights added until the corpus holds 100,000 annotations, then the month, source and
   co-occurrence reports (CSV and SVG).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hashiye.core.analysis.agreement import agreement
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.analysis.autocode import autocode
from hashiye.core.annotations.codebook import iter_sidecar_annotations
from hashiye.core.analysis.report import build_report, to_csv, to_svg
from hashiye.core.search.search import CorpusIndex
from hashiye.core.annotations.store import AnnotationStore

HERE = Path(__file__).resolve().parent
CODES = ["اقتصاد", "سیاست", "جامعه", "فرهنگ", "ورزش", "سلامت", "آموزش", "محیط زیست"]


REFERENCE = [0.0]  # seconds of the reference (`cat` of every article), measured in this run


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    took = time.perf_counter() - t0
    ratio = f"{took / REFERENCE[0]:6.1f}x cat" if REFERENCE[0] else ""
    print(f"{label:<72} {took:7.2f} s {ratio}", flush=True)
    return out


def cat_articles(corpus: Path) -> float:
    """Seconds for `cat` to read every article file (the reference)."""
    t0 = time.perf_counter()
    subprocess.run(f"cat {corpus}/*.txt > /dev/null", shell=True, check=True)
    return time.perf_counter() - t0


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def corpus_of(n: int, root: Path) -> Path:
    src = root / f"c{n}"
    if not src.is_dir() or len(list(src.glob("*.txt"))) != n:
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(n), str(src)], check=True)
    return src


def top_up(corpus: Path, wanted: int) -> int:
    """Add tagged highlights (saved in batches, as autocode saves) until the corpus holds `wanted` annotations."""
    from concurrent.futures import ThreadPoolExecutor

    from hashiye.core.files.atomic import bulk_saves

    have = sum(len(a) for _i, a in iter_sidecar_annotations(corpus))
    files = sorted(corpus.glob("*.txt"))
    per = max(0, -(-(wanted - have) // len(files)))
    store = AnnotationStore(corpus)
    jobs = []
    for i, path in enumerate(files):
        n = min(per, wanted - have)
        if n <= 0:
            break
        jobs.append((path, n, i))
        have += n

    def highlights(job: tuple[Path, int, int]):  # type: ignore[no-untyped-def]
        path, n, seed = job
        rng = random.Random(seed)
        art = load_article(path)
        text = art.source_text
        new = []
        for _ in range(n):
            start = rng.randrange(0, max(1, len(text) - 60))
            tags = rng.sample(CODES, rng.choice((1, 1, 2, 3)))
            new.append(new_annotation(art.id, text, start, start + rng.randrange(10, 60), tags=tags))
        return art, new

    try:
        from hashiye.core.annotations.bulk import Job, save_batch
    except ImportError:  # a tree from before batched saves (PYTHONPATH=…, for before/after figures)
        def one(job: tuple[Path, int, int]) -> None:
            art, new = highlights(job)
            store.load(art)
            store.save_change(art, upsert=new)

        with bulk_saves(corpus), ThreadPoolExecutor(8) as pool:
            list(pool.map(one, jobs))
        return have

    def prepared(job: tuple[Path, int, int]) -> Job:
        art, new = highlights(job)
        return Job(art, store.change(art.id, new))

    with bulk_saves(corpus), ThreadPoolExecutor(8) as pool:
        for first in range(0, len(jobs), 200):
            save_batch(store, list(pool.map(prepared, jobs[first:first + 200])), pool)
    return have


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "hashiye-bench")
    ap.add_argument("--reports-only", action="store_true", help="skip autocode and agreement")
    ap.add_argument("--no-reports", action="store_true", help="skip the 100,000-annotation top-up and reports")
    args = ap.parse_args()
    src = corpus_of(args.articles, args.dir)
    work = args.dir / f"analysis-{args.articles}"  # kept: its index cache is reused by the next run
    os.environ.setdefault("HASHIYE_CACHE_DIR", str(work / "cache"))
    os.environ.setdefault("HASHIYE_DATA_DIR", str(work / "data"))
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(work / "data", ignore_errors=True)
    for cache in ("coded-records", "agreement-sentence"):
        shutil.rmtree(work / "cache" / cache, ignore_errors=True)
    shutil.copytree(src, corpus)  # file times kept: a cached index only checks them
    print(f"corpus: {args.articles} articles; {os.cpu_count()} CPUs; start: {uptime()}")
    before = cat_articles(corpus)
    after = cat_articles(corpus)
    REFERENCE[0] = (before + after) / 2
    print(f"reference: cat of every article {before:.2f} s, again {after:.2f} s", flush=True)
    try:
        with CorpusIndex(corpus) as index:
            timed("search index built or refreshed (not in the budgets)",
                  lambda: index.update(metadata=True))
        if not args.reports_only:
            _coding(corpus)
        total = 0 if args.no_reports else timed("top up to 100,000 annotations (setup)",
                                                 lambda: top_up(corpus, 100_000))
        print(f"    {total} annotations")
        for by in () if args.no_reports else ("month", "source", "cooccurrence"):
            for when in ("first run: every sidecar read", "again: tags cached"):
                rep = timed(f"report --by {by}, CSV and SVG, {when} (budget 1 s)",
                            lambda by=by: _report(corpus, by))  # type: ignore[misc]
            print(f"    {rep} annotations counted")
        print(f"reference again: cat of every article {cat_articles(corpus):.2f} s; end: {uptime()}")
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(work / "data", ignore_errors=True)


def _coding(corpus: Path) -> None:
    r = timed("autocode «گزارش», each hit, coder A (budget 10 s)",
              lambda: autocode(corpus, "گزارش", "اقتصاد", coder="A"))
    print(f"    {r.annotations} annotations created in {r.articles} articles")
    r = timed("autocode «گزارش» again (nothing to add)", lambda: autocode(corpus, "گزارش", "اقتصاد", coder="A"))
    print(f"    {r.annotations} annotations created")
    r = timed("autocode «اجتماعی», sentences, coder B",
              lambda: autocode(corpus, "اجتماعی", "اقتصاد", unit="sentence", coder="B"))
    print(f"    {r.annotations} annotations created in {r.articles} articles")
    res = timed("agreement A/B over all sentences, no cache (budget 2 s)", lambda: agreement(corpus, ["A", "B"]))
    print(f"    {res.units} sentences; kappa {res.to_json()['overall']['kappa']}")
    res = timed("agreement A/B over all sentences, files unchanged (budget 2 s)",
                lambda: agreement(corpus, ["A", "B"]))
    print(f"    {res.units} sentences; kappa {res.to_json()['overall']['kappa']}")


def _report(corpus: Path, by: str) -> int:
    rep = build_report(corpus, by)
    to_csv(rep)
    to_svg(rep)
    return rep.annotations


if __name__ == "__main__":
    main()
