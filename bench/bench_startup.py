"""Start-up to first painted article: `hashiye --startup-check` against a bare PySide6 window.

Both run as fresh processes under the same Qt platform, alternately, N times each. Each run is
timed from the spawn to the line the program prints at its first paint (`startup: …` /
`first paint …`), and to its exit; the ratio of the medians to the first paint is the figure
DESIGN §8 budgets (1.5x). The bare window shows the article Hashiye opens first. Usage:
    .venv/bin/python bench/bench_startup.py [--runs 10] [--corpus seeds] [--platform offscreen|xcb] [--before DIR] [--floor]

`--before DIR` also runs, in the same loop, the `hashiye` package found in DIR (an earlier tree,
e.g. `git archive` of a commit laid out as DIR/hashiye/{core,gui,resources}), with caches of its own.
`--floor` also runs bench/floor_window.py: the first frame's Qt parts without Hashiye's code (what
any implementation of this window pays before its first paint).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], env: dict[str, str], marker: str) -> tuple[float, float, float, float, str]:
    """Milliseconds from the spawn to the line starting with `marker` and to the exit, CPU
    milliseconds (user + system, to the exit: steadier than wall time on a loaded machine), CPU
    milliseconds at the first paint as the program says it (`CPU at the first paint N ms`; NaN if it
    does not say); stderr."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    painted, lines = 0.0, []
    for line in proc.stderr:
        if not painted and line.startswith(marker):
            painted = time.perf_counter()
        lines.append(line)
    code = proc.wait(timeout=120)
    ended = time.perf_counter()
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime) * 1000
    if code != 0 or not painted:
        raise SystemExit(f"{cmd[0]} failed ({code}): {''.join(lines).strip()}")
    said = re.search(r"CPU at the first paint (\d+) ms", "".join(lines))
    return (painted - t) * 1000, (ended - t) * 1000, cpu, float(said[1]) if said else math.nan, "".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    ap.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    ap.add_argument("--before", type=Path, help="a folder holding an earlier tree's `hashiye` package")
    ap.add_argument("--floor", action="store_true",
                    help="also run bench/floor_window.py: the same Qt parts as the first frame, no Hashiye code")
    args = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    env["HASHIYE_CACHE_DIR"] = tempfile.mkdtemp(prefix="hashiye-bench-cache-")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="hashiye-bench-config-")  # default settings, not the user's
    # Byte code for every module of both trees, as an installed package has: a tree without it
    # (PYTHONDONTWRITEBYTECODE, a fresh `git archive`) would compile its sources at every run.
    trees = [ROOT / d for d in ("core", "gui", "resources", "hashiye_pkg")]
    if args.before:  # compileall does not follow links: each package folder itself
        package = args.before / "hashiye"
        trees += [package] + [p.resolve() for p in package.iterdir() if p.is_dir()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *map(str, trees)], check=True, capture_output=True)
    app_cmd = [str(BIN / "hashiye"), str(args.corpus), "--startup-check"]
    *_, err = timed(app_cmd, env, "startup:")  # fills the caches, warms the OS file cache
    shown = re.search(r"\(article (\S+),", err)
    first = args.corpus / f"{shown[1]}.txt" if shown else sorted(args.corpus.glob("*.txt"))[0]
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py"), str(first)]
    timed(bare_cmd, env, "first paint")
    before_cmd = [sys.executable, "-m", "hashiye.gui.app", str(args.corpus), "--startup-check"]
    before_env = dict(env, PYTHONPATH=str(args.before or ""), HASHIYE_CACHE_DIR=tempfile.mkdtemp(prefix="hashiye-bench-"))
    if args.before:
        timed(before_cmd, before_env, "startup:")
    floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py"), str(first)]
    if args.floor:
        timed(floor_cmd, env, "first paint")
    app, bare, before, floor = [], [], [], []
    for _ in range(args.runs):
        app.append(timed(app_cmd, env, "startup:")[:4])
        bare.append(timed(bare_cmd, env, "first paint")[:4])
        if args.before:
            before.append(timed(before_cmd, before_env, "startup:")[:4])
        if args.floor:
            floor.append(timed(floor_cmd, env, "first paint")[:4])
    print(f"platform {args.platform}, corpus {args.corpus} ({len(list(args.corpus.glob('*.txt')))} articles), "
          f"{args.runs} runs each, load average {os.getloadavg()[0]:.2f}")
    med = {name: [statistics.median(r[k] for r in runs) for k in range(4)] for name, runs in
           (("app", app), ("bare", bare), ("before", before), ("floor", floor)) if runs}
    rows = [("hashiye --startup-check", app, "app"), ("bare PySide6 window", bare, "bare")]
    if before:
        rows.append((f"earlier tree ({args.before})", before, "before"))
    if floor:
        rows.append(("floor: the first frame's Qt parts alone", floor, "floor"))
    for label, runs, name in rows:
        paint = [r[0] for r in runs]
        p, e, c, cp = med[name]
        print(f"{label}: first paint median {p:.0f} ms (min {min(paint):.0f}, max {max(paint):.0f}), "
              f"exit {e:.0f} ms, CPU {c:.0f} ms" + (f", CPU at the first paint {cp:.0f} ms" if not math.isnan(cp) else ""))
    for label, name in (("hashiye", "app"), ("earlier tree", "before"), ("floor", "floor")):
        if name in med:
            (p, e, c, cp), (bp, be, bc, bcp) = med[name], med["bare"]
            print(f"{label} / bare: first paint {p / bp:.2f}x (budget 1.5x, aim 1.3x), exit {e / be:.2f}x, CPU {c / bc:.2f}x"
                  + (f", CPU at the first paint {cp / bcp:.2f}x" if not math.isnan(cp) else ""))

if __name__ == "__main__":
    main()
