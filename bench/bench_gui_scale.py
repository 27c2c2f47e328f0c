"""The window on a large folder: start-up to first painted article, and resident memory.

Runs `hashiye DIR --startup-check` (the real window, offscreen by default) on a generated
corpus: first with an empty cache (the list is built by reading every article), then with
the cache in place (only changed files are read). Peak resident memory is the child's
`ru_maxrss`. DESIGN §8 budgets: memory under 250 MB with 10,000 articles listed.

    .venv/bin/python bench/gen_corpus.py 10000 /tmp/hashiye-bench/c10000
    .venv/bin/python bench/bench_gui_scale.py /tmp/hashiye-bench/c10000 --runs 3
    .venv/bin/python bench/bench_gui_scale.py /tmp/hashiye-bench/c10000 --complete   # in-process, see below

The first run's figure is the time to the first painted article: the list is read on a
worker and shown as it is read, so this is no longer the time to read the whole folder. Each
cold run is followed by `bench/bare_window.py` on the folder's first file (the reference).
`--complete` opens the window in this process on a fresh cache and reports when the first
article shows, when the list is complete and the cache written, and the longest UI-thread
stall meanwhile (bench_ui_stall.StallMeter), and the window process's resident memory then.

`--memory` measures the resident memory of the window with the whole folder listed (issue 17:
≤ 250 MB with 10,000 articles, ≤ 800 MB with 100,000): a fresh process opens the folder on an
empty cache and waits for the list to be complete (`--complete`), then another opens it again
with that cache in place (the usual case) and waits alike. Each prints its resident memory once
the list is complete (VmRSS) and its peak (VmHWM), and the same for a bare PySide6 window showing
the first article (the reference). Worker processes that read the files are not counted (they
exit when the folder is read).

    .venv/bin/python bench/bench_gui_scale.py /tmp/hashiye-bench/c10000 --memory
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent
PROBE = """
import resource, subprocess, sys, time, json
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = (time.perf_counter() - t) * 1000
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"rc": p.returncode, "ms": wall, "rss_mb": rss, "stderr": p.stderr[-400:]}))
"""


def painted(data: dict[str, object]) -> float:
    """The program's own "first paint N ms" (from its first line of Python to the first paint;
    the process's wall time above also holds the interpreter's start and the exit, which waits
    for the folder's reading to stop)."""
    found = re.search(r"first paint (\d+) ms", str(data["stderr"]))
    return float(found[1]) if found else float("nan")


def run_once(corpus: Path, env: dict[str, str]) -> dict[str, float]:
    cmd = [sys.executable, "-c", PROBE, str(BIN / "hashiye"), str(corpus), "--startup-check"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    data = json.loads(out.stdout)
    if data["rc"] != 0:
        raise SystemExit(f"hashiye failed: {data['stderr']}")
    return data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    ap.add_argument("--complete", action="store_true", help="in-process: first article, complete list, longest stall")
    ap.add_argument("--cache", type=Path, help="with --complete: this cache folder (default: a new, empty one)")
    ap.add_argument("--memory", action="store_true", help="resident memory with the folder listed, cold then warm")
    args = ap.parse_args()
    if args.memory:
        memory(args.corpus, args.platform)
        return
    n = len(list(args.corpus.glob("*.txt")))
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, HASHIYE_CACHE_DIR=tempfile.mkdtemp(prefix="hashiye-gui-"),
               XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="hashiye-cfg-"))
    if args.complete:
        complete(args.corpus, args.cache)
        return
    first = sorted(args.corpus.glob("*.txt"))[0]
    colds, bares = [], []
    for _ in range(args.runs):
        colds.append(run_once(args.corpus, dict(env, HASHIYE_CACHE_DIR=tempfile.mkdtemp(prefix="hashiye-gui-"))))
        bare = subprocess.run([sys.executable, "-c", PROBE, sys.executable, str(Path(__file__).parent / "bare_window.py"),
                               str(first)], capture_output=True, text=True, env=env, timeout=600)
        bares.append(json.loads(bare.stdout))
    cold = colds[-1]
    warm = [run_once(args.corpus, env) for _ in range(args.runs)]
    print(f"{n} articles in {args.corpus}, platform {args.platform}")
    cold_ms = statistics.median(c["ms"] for c in colds)
    bare_ms = statistics.median(b["ms"] for b in bares)
    print(f"cold start (empty cache) to the first article painted, median of {args.runs}: {cold_ms:.0f} ms "
          f"({cold_ms / bare_ms:.2f}x a bare window showing one article: {bare_ms:.0f} ms), "
          f"peak RSS {max(c['rss_mb'] for c in colds):.0f} MB")
    cold_paint = statistics.median(painted(c) for c in colds)
    bare_paint = statistics.median(painted(b) for b in bares)
    print(f"  as each program reports its first paint: {cold_paint:.0f} ms ({cold_paint / bare_paint:.2f}x "
          f"the bare window's {bare_paint:.0f} ms)")
    ms = statistics.median(w["ms"] for w in warm)
    rss = max(w["rss_mb"] for w in warm)
    print(f"warm start (cache in place), median of {args.runs}: {ms:.0f} ms, peak RSS {rss:.0f} MB (budget 250 MB); "
          f"first paint as reported {statistics.median(painted(w) for w in warm):.0f} ms")
    print("last --startup-check line:", warm[-1]["stderr"].strip().splitlines()[-1])


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak (MB), from /proc (Linux)."""
    status = Path("/proc/self/status").read_text()
    now, peak = (re.search(rf"^{k}:\s+(\d+) kB", status, re.M) for k in ("VmRSS", "VmHWM"))
    return (int(now[1]) / 1024 if now else float("nan")), (int(peak[1]) / 1024 if peak else float("nan"))


def memory(corpus: Path, platform: str) -> None:
    """Resident memory of the window with the whole folder listed: empty cache, then the cache in place."""
    n = len(list(corpus.glob("*.txt")))
    cache = tempfile.mkdtemp(prefix="hashiye-gui-mem-")
    env = dict(os.environ, QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="hashiye-cfg-"))
    print(f"{n} articles in {corpus}, platform {platform}, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
          flush=True)
    for label in ("empty cache", "cache in place"):
        out = subprocess.run([sys.executable, __file__, str(corpus), "--complete", "--cache", cache],
                             capture_output=True, text=True, env=env, timeout=7200)
        if out.returncode != 0:
            raise SystemExit(f"window failed: {out.stderr[-2000:]}")
        print(f"{label}: {out.stdout.strip().splitlines()[-1]}", flush=True)
    first = sorted(corpus.glob("*.txt"))[0]
    bare = subprocess.run([sys.executable, "-c", BARE_RSS, str(Path(__file__).parent / "bare_window.py"), str(first)],
                          capture_output=True, text=True, env=env, timeout=600)
    print(f"bare PySide6 window showing the first article (reference): {bare.stdout.strip()}")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


# The bare window's peak RSS (it exits after its first paint: its memory then is its peak).
BARE_RSS = """
import resource, subprocess, sys
subprocess.run([sys.executable, *sys.argv[1:]], capture_output=True)
print(f"peak RSS {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
"""


def complete(corpus: Path, cache: Path | None = None) -> None:
    """The window in this process on a fresh cache: first article, complete list, longest UI stall."""
    import time

    os.environ["HASHIYE_CACHE_DIR"] = str(cache) if cache else tempfile.mkdtemp(prefix="hashiye-gui-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_ui_stall import StallMeter, wait_until
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings

    app = make_app([])
    meter = StallMeter()
    meter.start()
    t = time.perf_counter()
    window = create_window(corpus, QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    window.show()
    counts: list[int] = []
    window.context.listingChanged.connect(lambda listing: counts.append(len(listing.articles)))
    wait_until(app, lambda: window.current_id is not None, 1800)
    first = time.perf_counter() - t
    op = window.context._listing_op
    wait_until(app, lambda: op is None or op.done.is_set(), 3600)
    wait_until(app, lambda: window.context.listing is not None and not window.context.listing.partial, 600)
    whole = time.perf_counter() - t
    stall = meter.stop()
    listed = len(window.context.listing.articles) if window.context.listing is not None else 0
    now, peak = rss_mb()
    print(f"{corpus}: first article shown {first * 1000:.0f} ms; list complete and cache written {whole:.1f} s; "
          f"list shown {len(counts)} times ({', '.join(map(str, counts[-12:]))} articles); longest UI stall {stall:.0f} ms; "
          f"{listed} articles listed: resident memory {now:.0f} MB, peak {peak:.0f} MB")
    window.close()


if __name__ == "__main__":
    main()
