"""Where Hashiye keeps files outside the corpus: user cache and data folders (no Qt)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path


def _user_dir(override: str, windows: tuple[str, str], mac: str, xdg: tuple[str, str]) -> Path:
    """`$override`, else the platform's folder for this kind of file, plus `hashiye`."""
    if env := os.environ.get(override):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get(windows[0], Path.home() / "AppData" / windows[1]))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / mac
    else:
        base = Path(os.environ.get(xdg[0]) or Path.home() / xdg[1])
    return base / "hashiye"


def cache_dir() -> Path:
    """The user cache folder (`HASHIYE_CACHE_DIR`, else XDG / platform default)."""
    return _user_dir("HASHIYE_CACHE_DIR", ("LOCALAPPDATA", "Local"), "Caches", ("XDG_CACHE_HOME", ".cache"))


def data_dir() -> Path:
    """The user data folder (`HASHIYE_DATA_DIR`, else XDG / platform default)."""
    return _user_dir("HASHIYE_DATA_DIR", ("APPDATA", "Roaming"), "Application Support",
                     ("XDG_DATA_HOME", ".local/share"))


def bundled_seeds() -> Path:
    """The sample corpus: `seeds/` of a source tree; when installed, the user's own copy.

    An installed package is never written to: on first use its sample articles are copied
    to `data_dir()/samples`, where annotations can be saved. If that copy cannot be made
    (no writable home), the packaged folder is returned for reading.
    """
    tree = Path(__file__).resolve().parent.parent / "seeds"
    if tree.is_dir():
        return tree
    from hashiye.resources import resource_path

    packaged = resource_path("seeds")
    target = data_dir() / "samples"
    if target.is_dir():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".samples-", dir=target.parent))
        for article in packaged.glob("*.txt"):
            shutil.copyfile(article, staging / article.name)
        staging.rename(target)
    except OSError:
        return target if target.is_dir() else packaged
    return target
