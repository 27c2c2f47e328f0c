"""Structural promise: the core imports no Qt and no hazm (the CLI and tests run without a display)."""

from __future__ import annotations

import subprocess
import sys

IMPORT_ALL_CORE = """
import importlib, pkgutil, sys
import hashiye.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "hashiye.core.")
         if not m.name.endswith(".__main__")]  # running a command is not importing it
for name in names:
    importlib.import_module(name)
print(len(names), "PySide6" in sys.modules, "hazm" in sys.modules)
"""


def test_core_imports_no_qt() -> None:
    out = subprocess.run([sys.executable, "-c", IMPORT_ALL_CORE], capture_output=True, text=True, check=True)
    count, qt, _hazm = out.stdout.split()
    assert int(count) >= 15
    assert qt == "False", "a hashiye.core module imported PySide6"


def test_core_import_does_not_load_hazm() -> None:
    out = subprocess.run([sys.executable, "-c", IMPORT_ALL_CORE], capture_output=True, text=True, check=True)
    assert out.stdout.split()[2] == "False", "hazm must stay off the start-up path (loaded lazily)"
