"""Quick apply: the codes used last in a folder (up to nine) are one key away (Alt+1 … Alt+9, on either
layout) to put on the highlight under focus or on the selection; one undo step each.

The list is per folder, kept in the settings, and follows every code put on a highlight in this
window (the tag editor, quick apply, the codebook pane), newest first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from .settings import _folder_key

RECENT_MAX = 9


class RecentCodes(QObject):
    """The recent codes of the open folder; `changed` when the list changes."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.corpus: Path | None = None
        self.codes: list[str] = []

    def _key(self) -> str:
        assert self.corpus is not None
        return f"{_folder_key(self.corpus)}/recent_codes"

    def open_folder(self, corpus: Path) -> None:
        self.corpus = corpus
        value = self.settings.value(self._key(), [])
        if isinstance(value, str):
            value = [value]
        self.codes = [str(v) for v in value if str(v).strip()][:RECENT_MAX] if isinstance(value, (list, tuple)) else []
        self.changed.emit()

    def used(self, codes: list[str]) -> None:
        """Codes just put on a highlight: first in the list (the first given first)."""
        if self.corpus is None or not codes:
            return
        fresh = [*codes, *(c for c in self.codes if c not in codes)][:RECENT_MAX]
        if fresh != self.codes:
            self.codes = fresh
            self.settings.setValue(self._key(), fresh)
            self.changed.emit()

    def renamed(self, old: str, new: str | None) -> None:
        """A code renamed (or merged into `new`), or deleted (None): the list says so too."""
        if old not in self.codes or self.corpus is None:
            return
        codes = [new if c == old else c for c in self.codes if c != old or new is not None]
        self.codes = list(dict.fromkeys(c for c in codes if c is not None))
        self.settings.setValue(self._key(), self.codes)
        self.changed.emit()

    def code(self, n: int) -> str | None:
        """The code of key Alt+n (1 … 9), or None."""
        return self.codes[n - 1] if 0 < n <= len(self.codes) else None


def key_of(n: int) -> str:
    """The key that applies recent code n, as shown beside it."""
    return f"Alt+{n}"
