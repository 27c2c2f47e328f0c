"""A machine without Qt's X11 libraries gets the packages to install, not Qt's abort."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys

import pytest
from hashiye.gui import platform_check


def test_missing_xcb_libraries_are_named_as_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    assert platform_check.missing_packages() == ["libxcb-cursor0"]
    assert "apt-get install libxcb-cursor0" in platform_check.explain_missing(["libxcb-cursor0"])


def test_offscreen_needs_no_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert platform_check.missing_packages() == []


def test_app_exits_with_the_message(tmp_path) -> None:
    code = ("import ctypes.util, sys; ctypes.util.find_library = lambda n: None;"
            "from hashiye.gui.app import main; sys.exit(main([sys.argv[1]]))")
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": ":0", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env)
    assert out.returncode == 1
    assert "sudo apt-get install" in out.stderr and "libxcb-cursor0" in out.stderr
