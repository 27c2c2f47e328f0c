"""`hashiye --install-desktop` / `--uninstall-desktop`: put Hashiye in the current user's
desktop menu (freedesktop), or take it out again.

Works the same from a source checkout (`make install-desktop`) and from an installed wheel.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from hashiye.core.files.atomic import write_atomic
from hashiye.core.files.paths import desktop_data_home
from hashiye.resources import APP_ID, ICON_NAME, resource_path

# Entries earlier releases wrote under another file name: replaced on install, removed on uninstall.
OLD_ENTRY_NAMES = ("hashiye.desktop",)


def data_home() -> Path:
    return desktop_data_home()


def entry_path() -> Path:
    return data_home() / "applications" / f"{APP_ID}.desktop"


def icon_path() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"


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


def _old_entries() -> list[Path]:
    """Entries an earlier release of Hashiye wrote (another file's entry is left alone)."""
    found = []
    for name in OLD_ENTRY_NAMES:
        path = data_home() / "applications" / name
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if re.search(r"^Name=Hashiye$", text, flags=re.MULTILINE):
            found.append(path)
    return found


def install() -> list[Path]:
    """Write the .desktop entry (Exec pointing at this copy) and the SVG icon; return their paths."""
    entry, icon = entry_path(), icon_path()
    text = resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = re.sub(r"^Exec=hashiye\b", lambda _m: f"Exec={launcher()}", text, flags=re.MULTILINE)
    for path in (entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    for old in _old_entries():
        old.unlink()
    write_atomic(entry, text.encode("utf-8"))
    write_atomic(icon, resource_path("icons", f"{ICON_NAME}.svg").read_bytes())
    return [entry, icon]


def uninstall() -> list[Path]:
    """Remove the entry and icon `install` wrote (and an earlier release's entry); return what was removed."""
    removed = []
    for path in (entry_path(), icon_path(), *_old_entries()):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed
