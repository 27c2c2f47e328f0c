"""`hashiye --install-desktop`: put Hashiye in the current user's desktop menu (freedesktop).

Works the same from a source checkout (`make install-desktop`) and from an installed wheel.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from hashiye.resources import resource_path


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> str:
    """The command that starts this copy of Hashiye, as a desktop-entry Exec value."""
    script = Path(sys.argv[0])
    if script.name == "hashiye" and os.access(script, os.X_OK):
        command = [str(script.resolve())]
    elif found := shutil.which("hashiye"):
        command = [str(Path(found).resolve())]
    else:
        command = [sys.executable, "-m", "hashiye.gui.app"]
    return " ".join(f'"{c}"' if re.search(r'[\s"\\`$]', c) else c for c in command)


def install() -> list[Path]:
    """Write the .desktop entry (Exec pointing at this copy) and the SVG icon; return their paths."""
    home = data_home()
    entry = home / "applications" / "hashiye.desktop"
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / "hashiye.svg"
    text = resource_path("hashiye.desktop").read_text(encoding="utf-8")
    text = re.sub(r"^Exec=hashiye\b", lambda _m: f"Exec={launcher()}", text, flags=re.MULTILINE)
    for path in (entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(text, encoding="utf-8")
    shutil.copyfile(resource_path("icons", "hashiye.svg"), icon)
    return [entry, icon]
