"""Start-up to first painted article: `hashiye --startup-check` against a bare PySide6 window.

Both run as fresh processes under the same Qt platform, alternately, N times each; the
ratio of medians is the figure DESIGN §8 budgets (1.5x). Usage:
    .venv/bin/python bench/bench_startup.py [--runs 10] [--corpus seeds] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    ap.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    env["HASHIYE_CACHE_DIR"] = tempfile.mkdtemp(prefix="hashiye-bench-cache-")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="hashiye-bench-config-")  # default settings, not the user's
    first = sorted(args.corpus.glob("*.txt"))[0]
    app_cmd = [str(BIN / "hashiye"), str(args.corpus), "--startup-check"]
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py"), str(first)]
    timed(app_cmd, env)  # warm the OS file cache for both
    timed(bare_cmd, env)
    app, bare = [], []
    for _ in range(args.runs):
        app.append(timed(app_cmd, env))
        bare.append(timed(bare_cmd, env))
    a, b = statistics.median(app), statistics.median(bare)
    print(f"platform {args.platform}, corpus {args.corpus} ({len(list(args.corpus.glob('*.txt')))} articles), {args.runs} runs each")
    print(f"hashiye --startup-check: median {a:.0f} ms (min {min(app):.0f}, max {max(app):.0f})")
    print(f"bare PySide6 window:     median {b:.0f} ms (min {min(bare):.0f}, max {max(bare):.0f})")
    print(f"ratio {a / b:.2f}x (budget 1.5x)")


if __name__ == "__main__":
    main()
