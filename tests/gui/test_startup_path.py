"""Nothing on the way to the first painted article that it does not need (issue 17: start-up ≤ 1.5x a bare window)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_first_paint_loads_no_search_export_editor_dialog_or_hazm(tmp_path: Path, corpus: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HASHIYE_CACHE_DIR=str(tmp_path / "c"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    for run in ("no cache", "cache in place"):
        out = subprocess.run([sys.executable, "-m", "hashiye.gui.app", str(corpus), "--startup-check"],
                             capture_output=True, text=True, env=env, timeout=120)
        assert out.returncode == 0, out.stderr
        assert "article 001_efa6bf155fd70a28" in out.stderr, run
        assert "hazm loaded: False" in out.stderr, run
        assert "loaded before the first paint but not needed for it: none" in out.stderr, (run, out.stderr)


def test_every_module_named_as_deferred_exists() -> None:
    """A renamed module would make the check above pass for nothing."""
    import importlib.util

    from hashiye.gui.app import NOT_AT_STARTUP

    missing = [m for m in NOT_AT_STARTUP if importlib.util.find_spec(m) is None]
    assert missing == []


def test_importing_the_app_leaves_garbage_collection_on() -> None:
    """The start-up turns the collector off while modules load; a program importing the app keeps its own."""
    code = "import gc; import hashiye.gui.app; print(gc.isenabled())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.strip() == "True", out.stderr


def test_the_quicker_pyside_feature_scan_answers_as_pyside_does() -> None:
    """gui/app.py answers PySide6's "does this module use PySide6?" from the file's bytes instead of
    `inspect.getsource`: for every module loaded with the window's modules, the same answer."""
    code = (
        "import sys, hashiye.gui.app\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "quick = feature._mod_uses_pyside\n"
        "assert hasattr(quick, 'upstream'), 'the quicker scan is not installed'\n"
        "mods = [m for m in list(sys.modules.values()) if isinstance(getattr(m, '__file__', None), str)]\n"
        "differ = [m.__name__ for m in mods if quick(m) != quick.upstream(m)]\n"
        "print(len(mods), sum(quick(m) for m in mods), differ)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr
    checked, using, differ = out.stdout.split(" ", 2)
    assert int(checked) > 100 and int(using) > 30  # the window's modules (they use PySide6) and the rest
    assert differ.strip() == "[]"
