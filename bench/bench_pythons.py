"""Fresh venv per supported Python: install time, venv size, hazm's import time.

    python3 bench/bench_pythons.py                       # every 3.11-3.13 that pyenv keeps
    python3 bench/bench_pythons.py /usr/bin/python3.12   # these interpreters
    python3 bench/bench_pythons.py --runs 7 --keep /tmp/hashiye-venvs

Builds the wheel once, installs it (with its dependencies, not the test extras) into a new
venv per Python, then measures: the venv's size on disk (`du -sk`), `import hazm` as
`python -X importtime` reports it (cumulative microseconds of the top-level import), the
wall time of a fresh `python -c "import hazm"` and of building hazm's Normalizer (median of
--runs fresh processes), and checks that `hashiye-cli list` and `hashiye --startup-check`
(offscreen) run. Prints a Markdown table for bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED = ("3.11", "3.12", "3.13")


def pyenv_pythons() -> list[Path]:
    try:
        root = Path(subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found = []
    for v in SUPPORTED:
        candidates = sorted(root.glob(f"versions/{v}.*/bin/python3"),
                            key=lambda p: [int(x) for x in re.findall(r"\d+", p.parts[-3])])
        if candidates:
            found.append(candidates[-1])
    return found


def wall(python: Path, code: str, runs: int, env: dict[str, str]) -> float:
    """Median seconds of `python -c code` in fresh processes."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(python), "-c", code], check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def importtime_us(python: Path, env: dict[str, str]) -> int:
    """Cumulative microseconds of `import hazm`, as -X importtime prints it."""
    out = subprocess.run([str(python), "-X", "importtime", "-c", "import hazm"], check=True, env=env,
                         capture_output=True, text=True).stderr
    [line] = [x for x in out.splitlines() if re.search(r"\|\s*hazm$", x)]
    return int(line.split("|")[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pythons", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="make the venvs here and keep them")
    args = ap.parse_args()
    pythons = args.pythons or pyenv_pythons()
    if not pythons:
        print("no supported Python (3.11-3.13) found; name some", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="hashiye-pythons-"))
    base = args.keep or work
    try:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), str(ROOT)],
                       check=True, capture_output=True)
        [wheel] = (work / "dist").glob("hashiye-*.whl")
        rows = []
        for python in pythons:
            version = subprocess.run([str(python), "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
                                     check=True, capture_output=True, text=True).stdout.strip()
            venv = base / f"venv-{version}"
            shutil.rmtree(venv, ignore_errors=True)
            t = time.perf_counter()
            subprocess.run([str(python), "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            str(wheel)], check=True, capture_output=True)
            install_s = time.perf_counter() - t
            size_mb = int(subprocess.run(["du", "-sk", str(venv)], check=True, capture_output=True,
                                         text=True).stdout.split()[0]) / 1024
            py = venv / "bin" / "python"
            env = dict(os.environ, HASHIYE_DATA_DIR=str(work / f"data-{version}"),
                       HASHIYE_CACHE_DIR=str(work / f"cache-{version}"), XDG_CONFIG_HOME=str(work / f"conf-{version}"),
                       QT_QPA_PLATFORM="offscreen")
            pins = subprocess.run([str(py), "-c", "import importlib.metadata as m; print(m.version('hazm'), "
                                   "m.version('PySide6-Essentials'), end=' '); "
                                   "print(m.version('numpy') if any(d.metadata['Name'] == 'numpy' "
                                   "for d in m.distributions()) else '-')"],
                                  check=True, capture_output=True, text=True, env=env).stdout.split()
            wall(py, "import hazm", 1, env)  # warm the page cache and the .pyc files
            importtime = importtime_us(py, env)
            import_s = wall(py, "import hazm", args.runs, env)
            normalizer_s = wall(py, "from hazm import Normalizer; Normalizer()", args.runs, env)
            listed = subprocess.run([str(venv / "bin" / "hashiye-cli"), "list"], env=env, capture_output=True,
                                    text=True)
            started = subprocess.run([str(venv / "bin" / "hashiye"), "--startup-check"], env=env, capture_output=True,
                                     text=True, timeout=120)
            ok = listed.returncode == 0 and started.returncode == 0 and "first paint" in started.stderr
            rows.append((version, *pins, size_mb, install_s, importtime / 1000, import_s * 1000, normalizer_s * 1000,
                         "yes" if ok else "NO"))
            print(f"{version}: done ({'ok' if ok else listed.stderr + started.stderr})", file=sys.stderr)
        print("| Python | hazm | PySide6 | numpy | venv size | install | `-X importtime` hazm | `import hazm` wall "
              "| + `Normalizer()` | `hashiye-cli list`, `--startup-check` |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for v, hazm, pyside, numpy, size, inst, it, imp, norm, ok in rows:
            print(f"| {v} | {hazm} | {pyside} | {numpy} | {size:.0f} MB | {inst:.0f} s | {it:.0f} ms | {imp:.0f} ms "
                  f"| {norm:.0f} ms | {ok} |")
        return 0 if all(r[-1] == "yes" for r in rows) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
