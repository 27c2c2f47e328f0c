"""Structural promises: core never loads Qt; the pinned PySide6 does not corrupt None's refcount."""

from __future__ import annotations

import os
import subprocess
import sys

IMPORT_ALL_CORE = """
import importlib, pkgutil, sys
import hashiye.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "hashiye.core.")]
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


VOID_CALLS = """
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for i in range(20000):
    obj.setObjectName("x")
after = sys.getrefcount(None)
print(before, after)
"""


def test_pyside_void_calls_keep_none_alive() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and aborts."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", VOID_CALLS], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    before, after = map(int, out.stdout.split())
    assert after >= before - 100, f"None lost {before - after} references"
