"""The Makefile picks a supported Python (PY, else the newest 3.11-3.13 that runs) and says
plainly what to install when none fits, before pip says it less plainly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")  # CI and `make test` have it


def fake(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def make_python(tmp_path: Path, bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make python` in an empty folder (no .venv) with only `bin_dir` and the shell on PATH."""
    for tool in ("sh", "env"):
        found = shutil.which(tool)
        assert found
        if not (bin_dir / tool).exists():
            (bin_dir / tool).symlink_to(found)
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PY", "MAKEFLAGS", "MAKELEVEL")}
    env["PATH"] = str(bin_dir)
    assert MAKE
    return subprocess.run([MAKE, "-s", "-f", str(ROOT / "Makefile"), "python", *args], cwd=work, env=env,
                          capture_output=True, text=True, timeout=60)


def test_no_python_on_path_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake(bin_dir, "python3.13", 'echo "pyenv: python3.13: command not found" >&2; exit 127')  # a shim of no version
    out = make_python(tmp_path, bin_dir)
    assert out.returncode != 0
    assert "Hashiye needs Python 3.11, 3.12 or 3.13, and none was found" in out.stdout
    assert "apt install" in out.stdout and "PY=" in out.stdout


def test_unsupported_python_named_by_py_is_refused_plainly(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    old = fake(bin_dir, "python3.10", 'echo 3.10')
    out = make_python(tmp_path, bin_dir, f"PY={old}")
    assert out.returncode != 0
    assert f"{old} is Python 3.10; Hashiye needs Python 3.11, 3.12 or 3.13." in out.stdout


def test_the_newest_supported_python_that_runs_is_chosen(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real = f"{sys.version_info[0]}.{sys.version_info[1]}"
    (bin_dir / f"python{real}").symlink_to(sys.executable)
    if real != "3.13":
        fake(bin_dir, "python3.13", "exit 127")  # on PATH but does not run: skipped
    if real != "3.12":
        fake(bin_dir, "python3.12", 'echo 3.10')  # runs, but is another version than its name: skipped
    fake(bin_dir, "python3", "echo 3.9")
    out = make_python(tmp_path, bin_dir)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip() == f"Python: python{real} (Python {real})"


def test_a_python_without_venv_is_told_which_package_to_add(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # Debian's python3.12 without python3.12-venv: runs, but `import venv, ensurepip` fails.
    fake(bin_dir, "python3.12", 'case "$2" in *ensurepip*) exit 1;; esac; echo 3.12')
    out = make_python(tmp_path, bin_dir)
    assert out.returncode != 0
    assert "sudo apt install python3.12-venv" in out.stdout
