"""A negative figure (kappa, alpha) in a right-to-left cell reads with its minus sign on the left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption


def _x_of(text: str, index: int) -> float:
    """Where the character at `index` starts on screen, laid out right to left as a Persian cell is."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(500)
    layout.endLayout()
    x = line.cursorToX(index)
    return float(x[0] if isinstance(x, tuple) else x)


def test_negative_kappa_shows_its_minus_left_of_the_digits(qapp) -> None:
    from hashiye.gui import i18n
    from hashiye.gui.agreement_model import _figure

    i18n.set_language(i18n.SOURCE)
    for text in (_figure("kappa", -0.0393), i18n.number(-5)):
        minus = text.index("-")
        assert _x_of(text, minus) < _x_of(text, minus + 1), text  # was: `۰.۰۳۹-`, the minus on the right
        assert text.replace("\u200e", "").lstrip("-")[0] in "۰۱۲۳۴۵۶۷۸۹"
    assert i18n.number(7) == "۷" and _figure("kappa", 0.25) == "۰.۲۵"  # positive figures unchanged
