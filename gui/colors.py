"""Highlight colours: the five names of DESIGN §6 and how each is painted."""

from __future__ import annotations

from hashiye.core.annotations import COLORS
from PySide6.QtGui import QColor

HIGHLIGHT = {
    "yellow": "#ffe066",
    "green": "#b2f2bb",
    "blue": "#a5d8ff",
    "pink": "#fcc2d7",
    "purple": "#d0bfff",
}
LABEL = {"yellow": "زرد", "green": "سبز", "blue": "آبی", "pink": "صورتی", "purple": "بنفش"}
FOCUS = QColor("#1c7ed6")
HIT = QColor("#ffd8a8")
HIT_CURRENT = QColor("#ff922b")


def highlight_color(name: str) -> QColor:
    """The background colour of a highlight (unknown names paint yellow)."""
    return QColor(HIGHLIGHT.get(name, HIGHLIGHT["yellow"]))


def color_by_number(n: int) -> str:
    """Colour name for the keys 1…5."""
    return COLORS[n - 1]
