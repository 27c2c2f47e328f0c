"""The window on a large folder: start-up to first painted article, and resident memory.

Runs `hashiye DIR --startup-check` (the real window, offscreen by default) on a generated
corpus: first with an empty cache (the list is built by reading every article), then with
the cache in place (only changed files are read). Peak resident memory is the child's
`ru_maxrss`. DESIGN §8 budgets: memory under 250 MB with 10,000 articles listed.

    .venv/bin/python bench/gen_corpus.py 10000 /tmp/hashiye-bench/c10000
    .venv/bin/python bench/bench_gui_scale.py /tmp/hashiye-bench/c10000 --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
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
    args = ap.parse_args()
    n = len(list(args.corpus.glob("*.txt")))
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, HASHIYE_CACHE_DIR=tempfile.mkdtemp(prefix="hashiye-gui-"),
               XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="hashiye-cfg-"))
    cold = run_once(args.corpus, env)
    warm = [run_once(args.corpus, env) for _ in range(args.runs)]
    print(f"{n} articles in {args.corpus}, platform {args.platform}")
    print(f"cold start (empty cache, every article read): {cold['ms']:.0f} ms, peak RSS {cold['rss_mb']:.0f} MB")
    ms = statistics.median(w["ms"] for w in warm)
    rss = max(w["rss_mb"] for w in warm)
    print(f"warm start (cache in place), median of {args.runs}: {ms:.0f} ms, peak RSS {rss:.0f} MB (budget 250 MB)")
    print("last --startup-check line:", warm[-1]["stderr"].strip().splitlines()[-1])


if __name__ == "__main__":
    main()
