"""What the window remembers between runs (QSettings): places per folder, recent folders, text size."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_MAX = 8


def _folder_key(corpus: Path) -> str:
    return "folders/" + hashlib.sha1(str(corpus.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def remember_place(settings: QSettings, corpus: Path, article_id: str, scroll: int) -> None:
    """The open article and scroll position of a folder."""
    key = _folder_key(corpus)
    settings.setValue(f"{key}/article", article_id)
    settings.setValue(f"{key}/scroll", scroll)


def place(settings: QSettings, corpus: Path) -> tuple[str | None, int]:
    """(article id, scroll position) last seen in a folder."""
    key = _folder_key(corpus)
    article = settings.value(f"{key}/article")
    try:
        scroll = int(settings.value(f"{key}/scroll", 0))
    except (TypeError, ValueError):
        scroll = 0
    return (str(article) if article else None), scroll


def push_recent(settings: QSettings, corpus: Path) -> None:
    """Put a folder first in the recent list."""
    path = str(corpus.resolve())
    recent = [p for p in recent_folders(settings) if p != path]
    settings.setValue("recent", [path, *recent][:RECENT_MAX])


def recent_folders(settings: QSettings) -> list[str]:
    value = settings.value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def last_folder(settings: QSettings) -> Path | None:
    """The most recent folder that still exists."""
    return next((Path(p) for p in recent_folders(settings) if Path(p).is_dir()), None)
