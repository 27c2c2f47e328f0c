"""gui/ is type-checked (mypy --strict, against core's real types) and kept in parts of a readable size."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "gui"


def test_gui_passes_mypy_strict(tmp_path: Path) -> None:
    # The installed package maps hashiye.core -> core/ and hashiye.gui -> gui/, which mypy cannot follow:
    # lay the same package out with links, so gui/ is checked against core's types (not Any).
    package = tmp_path / "hashiye"
    package.mkdir()
    shutil.copy(ROOT / "hashiye_pkg" / "__init__.py", package / "__init__.py")
    for part in ("core", "gui", "resources"):
        (package / part).symlink_to(ROOT / part, target_is_directory=True)
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental",
                          "-p", "hashiye.gui"], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert out.returncode == 0, out.stdout[-3000:]


def test_no_gui_module_is_over_400_lines_and_the_window_only_wires() -> None:
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in GUI.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}
    assert sizes["main_window.py"] < 300


def test_no_core_module_is_over_400_lines_and_core_is_in_feature_packages() -> None:
    core = ROOT / "core"
    sizes = {str(p.relative_to(core)): len(p.read_text("utf-8").splitlines()) for p in core.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}
    assert [p.name for p in core.glob("*.py")] == ["__init__.py"], "every core module lives in a feature package"
    assert {p.name for p in core.iterdir() if (p / "__init__.py").is_file()} == {
        "text", "corpus", "annotations", "search", "exchange", "analysis", "files", "cli"}


def test_offsets_are_converted_in_the_reader_only() -> None:
    """Display <-> file positions: the reader owns the map; nobody else converts (DESIGN §2)."""
    users = sorted(p.name for p in GUI.glob("*.py")
                   if ".to_display(" in p.read_text("utf-8") or ".to_source(" in p.read_text("utf-8"))
    assert users == ["reader.py"]
