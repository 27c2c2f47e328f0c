"""Where Hashiye keeps files outside the corpus: user cache and data folders (no Qt)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """The user cache folder (`HASHIYE_CACHE_DIR`, else XDG / platform default)."""
    if env := os.environ.get("HASHIYE_CACHE_DIR"):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "hashiye"


def data_dir() -> Path:
    """The user data folder (`HASHIYE_DATA_DIR`, else XDG / platform default)."""
    if env := os.environ.get("HASHIYE_DATA_DIR"):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "hashiye"


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
