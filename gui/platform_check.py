"""Before Qt starts: tell the user which system packages Qt's X11 platform needs, instead of Qt's abort."""

from __future__ import annotations

import os
import sys

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


def explain_missing(packages: list[str]) -> str:
    return ("Hashiye needs system libraries that Qt's window system uses and this machine lacks.\n"
            f"On Debian or Ubuntu install them with:\n  sudo apt-get install {' '.join(packages)}\n")
