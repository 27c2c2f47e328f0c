"""Where Hashiye keeps files outside the corpus: user cache and data folders (no Qt)."""

from __future__ import annotations

import os
import sys
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


def bundled_seeds() -> Path:
    """The bundled sample corpus: `seeds/` of a source tree, else the packaged copy."""
    here = Path(__file__).resolve().parent
    tree = here.parent / "seeds"
    if tree.is_dir():
        return tree
    from hashiye.resources import resource_path

    return resource_path("seeds")
