"""What the window remembers between runs (QSettings): places per folder, recent folders, language, theme."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from . import i18n, themes

RECENT_MAX = 8
LANGUAGE_KEY = "ui/language"
THEME_KEY = "ui/theme"
HIGHLIGHT_STYLE_KEY = "reader/highlight_style"


def _folder_key(corpus: Path) -> str:
    return "folders/" + hashlib.sha1(str(corpus.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def remember_place(settings: QSettings, corpus: Path, article_id: str, position: int, focus: int) -> None:
    """The open article of a folder, where its page starts and where the sentence focus is (code points)."""
    key = _folder_key(corpus)
    settings.setValue(f"{key}/article", article_id)
    settings.setValue(f"{key}/position", position)
    settings.setValue(f"{key}/focus", focus)


def place(settings: QSettings, corpus: Path) -> tuple[str | None, int, int]:
    """(article id, code point at the top of the page, code point of the focus) last seen in a folder."""
    key = _folder_key(corpus)
    article = settings.value(f"{key}/article")
    position = _int(settings.value(f"{key}/position", 0), 0)
    return (str(article) if article else None), position, _int(settings.value(f"{key}/focus", position), position)


def _int(value: object, default: int) -> int:
    try:
        return value if isinstance(value, int) else int(str(value))
    except (TypeError, ValueError):
        return default


def ui_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, i18n.DEFAULT))
    return value if value in i18n.languages() else i18n.DEFAULT


def ui_theme(settings: QSettings) -> str:
    value = str(settings.value(THEME_KEY, themes.DEFAULT))
    return value if value in themes.THEMES else themes.DEFAULT


def highlight_style(settings: QSettings) -> str:
    """"fill" (a light fill and a coloured underline) or "underline" (the underline alone)."""
    from .highlights import STYLES

    value = str(settings.value(HIGHLIGHT_STYLE_KEY, STYLES[0]))
    return value if value in STYLES else STYLES[0]


def reader_int(settings: QSettings, name: str, default: int) -> int:
    """A whole-number reader setting (text size steps, line width)."""
    return _int(settings.value(f"reader/{name}", default), default)


def push_recent(settings: QSettings, corpus: Path) -> None:
    """Put a folder first in the recent list."""
    path = str(corpus.resolve())
    recent = [p for p in recent_folders(settings) if p != path]
    settings.setValue("recent", [path, *recent][:RECENT_MAX])


def recent_folders(settings: QSettings) -> list[str]:
    value = settings.value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def last_folder(settings: QSettings) -> Path | None:
    """The most recent folder that still exists."""
    return next((Path(p) for p in recent_folders(settings) if Path(p).is_dir()), None)
