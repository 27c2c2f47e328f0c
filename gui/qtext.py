"""Text at the widget boundary: code points ↔ Qt UTF-16 positions, and text shown as written (never as markup)."""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Index:
    """Convert between code-point indices of `text` and UTF-16 positions (astral chars are 2 units)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]  # C speed: a 5 MB article has few or none
        self._astral_qt = [i + k + 1 for k, i in enumerate(self._astral)]  # qt pos of 2nd unit
        self.length = len(text) + len(self._astral)

    def to_qt(self, i: int) -> int:
        """Code-point index → UTF-16 position."""
        return i + bisect_right(self._astral, i - 1) if self._astral else i

    def to_py(self, q: int) -> int:
        """UTF-16 position → code-point index (a position inside a surrogate pair rounds down)."""
        if not self._astral:
            return q
        before = bisect_right(self._astral_qt, q)
        return q - before


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt would read `<b>…</b>` in it as markup, so it is escaped
    into a rich text that says exactly the text (`&lt;` stays `&lt;`), line breaks kept."""
    if not text:
        return ""
    body = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def plain_label(label: QLabel, text: str = "") -> QLabel:
    """A label that shows its text as written, never as markup (article, note and tag text, paths)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    if text:
        label.setText(text)
    return label
