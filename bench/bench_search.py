"""Corpus search benchmark (DESIGN §8): warm search p95, the CLI against `rg`, index build, refresh.

    .venv/bin/python bench/bench_search.py --sizes 10000 100000

For each size a corpus is generated once (bench/gen_corpus.py) under --dir, with its own
cache folder. Measured in one run, so ratios compare like with like:
- index build (words only, as `search` does it) in files/s, and list records (parsing
  every article, as `cached_listing` does it) on a sample;
- warm search: `search()` on an up-to-date index, every query --runs times; per query
  p50/p95 with the complete total, p95 of the first page (`complete=False`, 50 hits),
  matching articles and hits; overall p95 against the budget;
- refresh with nothing changed, after editing 10 files, after deleting one;
- the whole `hashiye-cli search QUERY --json` command against `rg` on the
  same files, interleaved run by run: `rg -c --fixed-strings` with the query as typed
  (the reference of issue 17) and `rg -c` with an alternation of its spellings.
Add --only-cli to skip the in-process figures (index build, warm search, refresh).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate

QUERIES = [  # the rare name and the news code are taken from the generated corpus
    ("compound", "محرومیت‌زدایی"),
    ("phrase", '"سازمان بهزیستی"'),
    ("plural stem", "خانواده‌ها"),
    ("two words", "بسیج سازندگی"),
    ("common word", "سازمان"),
]
# What `rg` is given for each query: as typed, and an alternation of the spellings found.
RG_PATTERNS = {
    "محرومیت‌زدایی": ["محرومیت‌زدایی", "محرومیت[\u200c ]?زدایی|محروميت[\u200c ]?زدايي"],
    '"سازمان بهزیستی"': ["سازمان بهزیستی", "سازمان بهزیستی|سازمان بهزيستي|ســازمان بهزیستی"],
    "خانواده‌ها": ["خانواده‌ها", "خانواده"],
    "بسیج سازندگی": ["بسیج سازندگی", "بسیج ?سازندگی|بسيج ?سازندگي"],
    "سازمان": ["سازمان", "سازمان|ســازمان"],
}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def corpus_for(size: int, base: Path) -> Path:
    folder = base / f"c{size}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        generate(size, folder)
        done.write_text("")
        print(f"generated {size} articles in {time.perf_counter() - t:.1f} s", flush=True)
    return folder


def rare_queries(corpus: Path) -> list[tuple[str, str]]:
    """A made-up place name and a news code that occur in the corpus, with their rg patterns."""
    from hashiye.core.text.normalize import to_latin_digits

    files = sorted(corpus.glob("*.txt"))
    name = re.search(r"روستای (\S+)", files[len(files) // 2].read_text("utf-8"))
    code = re.search(r"کد خبر: (\S+)", files[7].read_text("utf-8"))
    assert name and code
    word = name.group(1).replace("ي", "ی").replace("ك", "ک")
    digits = to_latin_digits(code.group(1))
    RG_PATTERNS[word] = [word, word.replace("ی", "[یي]").replace("ک", "[کك]")]
    RG_PATTERNS[digits] = [digits, "|".join([digits, digits.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
                                             digits.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))])]
    return [("rare name", word), ("news code", digits)]


def bench_size(size: int, base: Path, runs: int, cli_runs: int) -> None:
    from hashiye.core.search.search import CorpusIndex, search
    from hashiye.core.search.search_index import index_path

    corpus = corpus_for(size, base)
    queries = rare_queries(corpus) + QUERIES
    os.environ["HASHIYE_CACHE_DIR"] = str(base / f"cache{size}")
    mb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    print(f"\n== {size} articles, {mb:.0f} MB of text ==", flush=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(index_path(corpus)) + suffix).unlink(missing_ok=True)
    with CorpusIndex(corpus) as index:
        t = time.perf_counter()
        index.update(metadata=False)
        build = time.perf_counter() - t
    size_mb = index_path(corpus).stat().st_size / 1e6
    print(f"index build (words):      {build:.1f} s = {size / build:,.0f} files/s; "
          f"index file {size_mb:.0f} MB ({size_mb / mb:.2f}x the text)")
    sample = sorted(corpus.glob("*.txt"))[:1000]
    meta_dir = base / "meta-sample"
    shutil.rmtree(meta_dir, ignore_errors=True)
    meta_dir.mkdir()
    for p in sample:
        shutil.copy2(p, meta_dir / p.name)  # a copy: a hard link would change the ctime of the corpus files
    with CorpusIndex(meta_dir) as index:
        index.reset()
        t = time.perf_counter()
        index.update(metadata=True)
        meta = time.perf_counter() - t
    print(f"index build (words + list records), 1000-file sample: {1000 / meta:,.0f} files/s")

    with CorpusIndex(corpus) as index:
        for _, q in queries:
            search(index, q)  # warm: compile the regex, load pages
        all_ms: list[float] = []
        page_ms: list[float] = []
        print(f"{'query':<12} {'text':<18} {'p50 ms':>7} {'p95 ms':>7} {'page p95':>9} "
              f"{'articles':>9} {'%':>4} {'hits':>8}")
        max_p95 = 0.0
        counted = []
        for label, q in queries:
            times, pages = [], []
            for _ in range(runs):
                r = search(index, q)
                times.append(r.took_ms)
                pages.append(search(index, q, complete=False).took_ms)
            all_ms.extend(times)
            page_ms.extend(pages)
            max_p95 = max(max_p95, pct(times, 0.95))
            counted.append((label, r.counted + (f" ({r.verified} articles read)" if r.counted == "index" else "")))
            print(f"{label:<12} {q:<18} {statistics.median(times):7.1f} {pct(times, 0.95):7.1f} "
                  f"{pct(pages, 0.95):9.1f} {r.articles:9,d} {100 * r.articles / size:4.0f} {r.total:8,d}",
                  flush=True)
        print(f"warm search, all queries, complete total: p50 {statistics.median(all_ms):.1f} ms, "
              f"p95 {pct(all_ms, 0.95):.1f} ms; first page of 50 hits: p95 {pct(page_ms, 0.95):.1f} ms")
        cat = statistics.median(wall(["sh", "-c", f"find {corpus} -name '*.txt' -print0 | xargs -0 cat >/dev/null"], 1)
                                for _ in range(3))
        print(f"reference: cat of the {size} files {cat:.0f} ms; complete p95 / cat = {pct(all_ms, 0.95) / cat:.2f}, "
              f"worst query p95 / cat = {max_p95 / cat:.2f}; load average {load()}")
        print("counted from the index: " + ", ".join(f"{label} {how}" for label, how in counted))

        bench_refresh(index, corpus)
    if cli_runs:
        bench_cli(corpus, cli_runs)


def bench_refresh(index: object, corpus: Path) -> None:
    from hashiye.core.search.search import CorpusIndex

    assert isinstance(index, CorpusIndex)
    t = time.perf_counter()
    index.update(metadata=False)
    print(f"refresh, nothing changed: {(time.perf_counter() - t) * 1000:.0f} ms")
    files = sorted(corpus.glob("*.txt"))[:10]
    for p in files:
        p.write_text(p.read_text("utf-8") + "\nجمله‌ای تازه.\n", "utf-8")
    t = time.perf_counter()
    n = index.update(metadata=False)
    print(f"refresh after editing {n} files: {(time.perf_counter() - t) * 1000:.0f} ms")
    victim = files[0]
    saved = victim.read_bytes()
    victim.unlink()
    t = time.perf_counter()
    index.update(metadata=False)
    print(f"refresh after deleting 1 file: {(time.perf_counter() - t) * 1000:.0f} ms")
    victim.write_bytes(saved)
    index.update(metadata=False)


def bench_cli(corpus: Path, runs: int, other: Path | None = None) -> None:
    """The whole command against `rg -c --fixed-strings` (and an alternation of spellings), interleaved.

    Each run times rg, hashiye-cli and rg again one after the other, so machine load
    falls on both alike; the ratio is taken within each run and its median printed.
    """
    if shutil.which("rg") is None:
        print("rg not installed (apt-get install ripgrep): skipping the CLI comparison")
        return
    cli = [str(Path(sys.executable).with_name("hashiye-cli")), "search"]
    # As installed (pip compiles the modules): bytecode is written and used, whatever this shell says.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    wall([*cli, "x", "--corpus", str(corpus)], 1, env)  # writes the bytecode, brings the index up to date
    print(f"\nwhole command, median of {runs} interleaved runs (hashiye-cli includes Python start-up and the "
          f"refresh check); load average {load()}")
    print(f"{'query':<20} {'hashiye-cli':>12} {'rg -c -F':>10} {'ratio':>6} {'rg spellings':>13} {'ratio':>6}"
          + (f" {'other tree':>11} {'ratio':>6}" if other else ""))
    all_ratios: list[float] = []
    other_ratios: list[float] = []
    for _, q in rare_queries(corpus) + QUERIES:
        plain, spelled = RG_PATTERNS[q]
        ours, rg1, rg2, r1, r2, theirs, r3 = [], [], [], [], [], [], []
        for _ in range(runs):
            a = wall(["rg", "-c", "--fixed-strings", plain, str(corpus)], 1)
            b = wall([*cli, q, "--corpus", str(corpus), "--json"], 1, env)
            c = wall(["rg", "-c", spelled, str(corpus)], 1)
            ours.append(b), rg1.append(a), rg2.append(c), r1.append(b / a), r2.append(b / c)
            if other:
                d = wall([sys.executable, "-m", "hashiye.core.cli.main", "search", q, "--corpus", str(corpus), "--json"],
                         1, {**env, "PYTHONPATH": str(other),
                             "HASHIYE_CACHE_DIR": os.environ["HASHIYE_CACHE_DIR"] + "-other"})
                theirs.append(d), r3.append(d / a)
        all_ratios.extend(r1)
        other_ratios.extend(r3)
        print(f"{q:<20} {statistics.median(ours):10.0f}ms {statistics.median(rg1):8.0f}ms "
              f"{statistics.median(r1):6.2f} {statistics.median(rg2):11.0f}ms {statistics.median(r2):6.2f}"
              + (f" {statistics.median(theirs):9.0f}ms {statistics.median(r3):6.2f}" if other else ""),
              flush=True)
    print(f"all queries: hashiye-cli / rg -c --fixed-strings, median {statistics.median(all_ratios):.2f}x, "
          f"worst {max(all_ratios):.2f}x; load average {load()}")
    if other_ratios:
        print(f"other tree ({other}) / rg -c --fixed-strings: median {statistics.median(other_ratios):.2f}x")


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def wall(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/hashiye-bench"))
    parser.add_argument("--runs", type=int, default=20, help="searches per query")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs per command against rg (0: skip)")
    parser.add_argument("--only-cli", action="store_true", help="only the whole command against rg")
    parser.add_argument("--other", type=Path, help="PYTHONPATH of another hashiye tree: its CLI timed alike")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        if args.only_cli or args.other:
            corpus = corpus_for(size, args.dir)
            os.environ["HASHIYE_CACHE_DIR"] = str(args.dir / f"cache{size}")
            cli = str(Path(sys.executable).with_name("hashiye-cli"))
            subprocess.run([cli, "search", "x", "--corpus", str(corpus)], stdout=subprocess.DEVNULL, check=False)
            if args.other:
                subprocess.run([sys.executable, "-m", "hashiye.core.cli.main", "search", "x", "--corpus", str(corpus)],
                               stdout=subprocess.DEVNULL, check=False,
                               env={**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(args.other),
                                    "HASHIYE_CACHE_DIR": os.environ["HASHIYE_CACHE_DIR"] + "-other"})
            print(f"\n== {size} articles (index brought up to date before timing) ==")
            bench_cli(corpus, args.cli_runs, args.other)
        else:
            bench_size(size, args.dir, args.runs, args.cli_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
