"""Where Hashiye keeps files outside the corpus: user cache and data folders (no Qt)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "hashiye"


def cache_dir() -> Path:
    """The user cache folder: `HASHIYE_CACHE_DIR`, else the platform's (platformdirs: XDG
    `~/.cache/hashiye`, `~/Library/Caches/hashiye`, `%LOCALAPPDATA%\\hashiye`)."""
    if env := os.environ.get("HASHIYE_CACHE_DIR"):
        return Path(env)
    import platformdirs  # not loaded when the folder is given (hashiye-cli start-up)

    return platformdirs.user_cache_path(APP, appauthor=False, opinion=False)


def data_dir() -> Path:
    """The user data folder: `HASHIYE_DATA_DIR`, else the platform's (platformdirs: XDG
    `~/.local/share/hashiye`, `~/Library/Application Support/hashiye`, `%APPDATA%\\hashiye`)."""
    if env := os.environ.get("HASHIYE_DATA_DIR"):
        return Path(env)
    import platformdirs  # not loaded when the folder is given (hashiye-cli start-up)

    return platformdirs.user_data_path(APP, appauthor=False, roaming=True)


def desktop_data_home() -> Path:
    """The user's shared data folder without Hashiye's part (XDG `~/.local/share`): where a
    freedesktop menu entry and icon go."""
    import platformdirs  # not loaded when the folder is given (hashiye-cli start-up)

    return platformdirs.user_data_path()


def bundled_seeds() -> Path:
    """The sample corpus: `seeds/` of a source tree; when installed, the user's own copy.

    An installed package is never written to: on first use its sample articles are copied
    to `data_dir()/samples`, where annotations can be saved. If that copy cannot be made
    (no writable home), the packaged folder is returned for reading.
    """
    tree = Path(__file__).resolve().parents[2] / "seeds"  # core/files/paths.py → the tree
    if tree.is_dir():
        return tree
    import tempfile

    from hashiye.resources import resource_path

    from .atomic import fsync_dir, write_atomic

    packaged = resource_path("seeds")
    target = data_dir() / "samples"
    if target.is_dir():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".samples-", dir=target.parent))
        for article in packaged.glob("*.txt"):  # each on disk before the folder gets its name
            write_atomic(staging / article.name, article.read_bytes())
        staging.rename(target)
        fsync_dir(target.parent)
    except OSError:
        return target if target.is_dir() else packaged
    return target
