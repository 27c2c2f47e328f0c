"""Highlight colours: the five names of DESIGN §6, their labels, and how the current theme paints them."""

from __future__ import annotations

from hashiye.core.annotations.model import COLORS
from PySide6.QtGui import QColor

from .i18n import N_, tr
from .themes import current

LABEL = {"yellow": N_("زرد"), "green": N_("سبز"), "blue": N_("آبی"), "pink": N_("صورتی"), "purple": N_("بنفش")}


def highlight_color(name: str) -> QColor:
    """The light fill of a highlight in the current theme (unknown names paint yellow)."""
    fills = current().highlights
    return QColor(fills.get(name, fills["yellow"]))


def mark_color(name: str) -> QColor:
    """The colour-coded underline and margin mark of a highlight in the current theme (3:1 against the page)."""
    marks = current().marks
    return QColor(marks.get(name, marks["yellow"]))


def color_label(name: str) -> str:
    """The colour's name in the UI language."""
    return tr(LABEL.get(name, name))


def color_by_number(n: int) -> str:
    """Colour name for the keys 1…5."""
    return COLORS[n - 1]
