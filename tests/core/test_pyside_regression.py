"""DESIGN §9: PySide6 6.12.0 on Python 3.11 loses a reference to None per void call and aborts."""

from __future__ import annotations

import os
import subprocess
import sys

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
    out = subprocess.run([sys.executable, "-c", VOID_CALLS], capture_output=True, text=True, check=False, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    before, after = map(int, out.stdout.split())
    assert after >= before - 100, f"None lost {before - after} references"
