"""core/ type-checks under mypy --strict (STYLE: type hints everywhere, strict on core)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_passes_mypy_strict() -> None:
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental",
                          str(ROOT / "core")], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:]
