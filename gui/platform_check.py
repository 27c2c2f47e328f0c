"""Before Qt starts: tell the user which system packages Qt's X11 platform needs, instead of Qt's abort."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

# Library (as ctypes.util.find_library names it) → Debian/Ubuntu package.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1", "xcb-randr": "libxcb-randr0", "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0", "xcb-xinerama": "libxcb-xinerama0", "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0", "EGL": "libegl1", "GL": "libgl1", "fontconfig": "libfontconfig1",
}


def missing_packages() -> list[str]:
    """Packages to install for the xcb platform (empty when Qt will use another platform)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and not os.environ.get("DISPLAY") and os.environ.get("WAYLAND_DISPLAY"):
        return []
    import ctypes.util  # only for X11 (ctypes and subprocess: 5 ms)

    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def check_in_background() -> Callable[[], list[str]]:
    """Start `missing_packages` on a thread and return the call that waits for its answer.

    On X11 each library look-up runs `ldconfig` (10–35 ms in all): started before the window's
    modules are imported, the look-ups run while they load instead of after."""
    found: list[list[str]] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            found.append(missing_packages())
        except BaseException as exc:  # noqa: BLE001  (raised again in the caller's thread)
            failed.append(exc)

    thread = threading.Thread(target=run, name="hashiye-x11-check", daemon=True)
    thread.start()

    def answer() -> list[str]:
        thread.join()
        if failed:
            raise failed[0]
        return found[0]

    return answer


def explain_missing(packages: list[str]) -> str:
    return ("Hashiye needs system libraries that Qt's window system uses and this machine lacks.\n"
            f"On Debian or Ubuntu install them with:\n  sudo apt-get install {' '.join(packages)}\n")
