"""`hashiye-cli list --json` against plain reading of the same files with `cat`, in one loop.

    .venv/bin/python bench/bench_list.py --size 10000 --runs 3

A corpus of --size generated articles (bench/gen_corpus.py) under --dir, its own cache
folder. Each run measures, one after the other so that machine load hits all alike:
- `cat` of every article file to /dev/null (the reference: reading the files);
- `hashiye-cli list --json` with the cache deleted first (first listing: every file parsed,
  in worker processes);
- `hashiye-cli list --json` again (folder unchanged: the listing cache).
Medians, the ratio of each to `cat`, and the CPU time of each (user + system, worker
processes included: steadier than wall time on a loaded machine) are printed; the ratio of each run is taken against
the `cat` of the same run, and its median printed. `--serial` adds a first listing read in
one process (the same cache code with `workers=1`), to show what the processes bring.
`--other DIR` adds `python -m hashiye.core.cli.main list --json` with PYTHONPATH=DIR (a folder
holding an older `hashiye` package, for before/after figures in the same loop), its cache
deleted first too, and checks that both trees print the same bytes (exit status 1 if not;
also if the first and the unchanged listing differ).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def corpus_for(size: int, base: Path) -> Path:
    from gen_corpus import generate

    folder = base / f"c{size}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(size, folder)
        (folder / ".complete").write_text("")
    return folder


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system, worker processes included) per command


def wall(cmd: list[str], env: dict[str, str] | None = None, out: Path | None = None, cpu: str = "") -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(out or os.devnull, "wb") as sink:
        subprocess.run(cmd, stdout=sink, stderr=subprocess.DEVNULL, check=True, env=env)
    ms = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu:
        CPU.setdefault(cpu, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return ms


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/hashiye-bench"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serial", action="store_true", help="also time a first listing in one process")
    parser.add_argument("--other", type=Path, help="PYTHONPATH of another hashiye tree to time alike")
    args = parser.parse_args()
    corpus = corpus_for(args.size, args.dir)
    cache = args.dir / f"list-cache{args.size}"
    env = {**os.environ, "HASHIYE_CACHE_DIR": str(cache)}
    cli = str(Path(sys.executable).with_name("hashiye-cli"))
    listing = [cli, "list", "--json", "--corpus", str(corpus)]
    cat = ["sh", "-c", f"find '{corpus}' -maxdepth 1 -name '*.txt' -exec cat {{}} + > /dev/null"]
    rows: dict[str, list[float]] = {"cat": [], "first": [], "unchanged": [], "serial": [], "other": []}
    ratios: dict[str, list[float]] = {"first": [], "unchanged": [], "serial": [], "other": []}
    print(f"{args.size} articles, load average before: {load()} ({os.cpu_count()} CPUs)", flush=True)
    same = same_as_other = True
    for run in range(args.runs):
        ref = wall(cat)
        rows["cat"].append(ref)
        shutil.rmtree(cache, ignore_errors=True)
        first = wall(listing, env, args.dir / "list-first.json", "first")
        unchanged = wall(listing, env, args.dir / "list-unchanged.json", "unchanged")
        same &= (args.dir / "list-first.json").read_bytes() == (args.dir / "list-unchanged.json").read_bytes()
        for key, ms in (("first", first), ("unchanged", unchanged)):
            rows[key].append(ms)
            ratios[key].append(ms / ref)
        if args.serial:
            shutil.rmtree(cache, ignore_errors=True)
            code = ("import os, sys; from pathlib import Path; from hashiye.core.search.search_index import CorpusIndex; "
                    "i = CorpusIndex(Path(sys.argv[1])); i.update(metadata=True, workers=1); i.listing()")
            serial = wall([sys.executable, "-c", code, str(corpus)], env, cpu="serial")
            rows["serial"].append(serial)
            ratios["serial"].append(serial / ref)
        if args.other:
            shutil.rmtree(cache, ignore_errors=True)
            other_env = {**env, "PYTHONPATH": str(args.other)}
            other = wall([sys.executable, "-m", "hashiye.core.cli.main", "list", "--json", "--corpus", str(corpus)],
                         other_env, args.dir / "list-other.json", "other")
            same_as_other &= (args.dir / "list-other.json").read_bytes() == (args.dir / "list-first.json").read_bytes()
            rows["other"].append(other)
            ratios["other"].append(other / ref)
        print(f"run {run + 1}: cat {ref:.0f} ms, first {first:.0f} ms, unchanged {unchanged:.0f} ms"
              + (f", serial first {rows['serial'][-1]:.0f} ms" if args.serial else "")
              + (f", other tree {rows['other'][-1]:.0f} ms" if args.other else "")
              + f"; load {load()}", flush=True)
    ref = statistics.median(rows["cat"])
    print(f"\n{'row':<42} {'median':>10} {'x cat':>7} {'CPU s':>7}")
    print(f"{'cat of every file (reference)':<42} {ref:8.0f}ms {1:7.2f}")
    names = {"first": "hashiye-cli list --json, first time", "unchanged": "hashiye-cli list --json, unchanged folder",
             "serial": "first listing in one process (workers=1)",
             "other": f"other tree ({args.other}), cache deleted"}
    for key, label in names.items():
        if rows[key]:
            print(f"{label:<42} {statistics.median(rows[key]):8.0f}ms {statistics.median(ratios[key]):7.2f}"
                  f" {statistics.median(CPU[key]):7.2f}")
    print(f"\nfirst and unchanged listings print the same bytes: {'yes' if same else 'NO'}")
    if args.other:
        print(f"this tree and the other tree print the same bytes: {'yes' if same_as_other else 'NO'}")
    return 0 if same and same_as_other else 1


if __name__ == "__main__":
    sys.exit(main())
