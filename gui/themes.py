"""Light, sepia and dark themes: one table of colours for the reader, the highlights and the window.

Highlights are built for long reading (DESIGN §11): the fill is a light tint that text over it reads
at 7:1 or better (WCAG AAA), and the colours are told apart by a colour-coded underline and margin
mark that stands 3:1 against the page (WCAG non-text contrast). Find hits keep the text at 7:1 too,
inside a highlight or not. tests/gui/test_themes.py computes all of these and checks real pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .i18n import N_


@dataclass(frozen=True)
class Theme:
    id: str
    label: str  # shown through tr()
    page: str  # reader background
    text: str  # reader text
    muted: str  # secondary text (supertitles, metadata)
    window: str  # window and panel background
    surface: str  # lists and fields
    border: str
    selection: str  # selected list row and text selection
    accent: str  # keyboard focus, sentence focus
    warning_text: str
    warning_back: str
    highlights: dict[str, str]  # colour name -> fill (a light tint)
    marks: dict[str, str]  # colour name -> underline and margin mark (3:1 against the page)
    on_highlight: str  # text colour over a highlight (7:1 against every fill)
    hit: str  # find hits (the text over them keeps 7:1)
    hit_current: str


THEMES: dict[str, Theme] = {
    "light": Theme(
        id="light", label=N_("روشن"),
        page="#fbfaf7", text="#1f2328", muted="#57606a", window="#f3f2ee", surface="#ffffff", border="#d8dce1",
        selection="#cfe0fb", accent="#1c6ed6", warning_text="#8a2d0a", warning_back="#fff1dc",
        highlights={"yellow": "#fbeea6", "green": "#d3efd2", "blue": "#d4e6fa", "pink": "#f9d7e3", "purple": "#e6dcf7"},
        marks={"yellow": "#a88a1a", "green": "#3aa04c", "blue": "#4a94d8", "pink": "#e0628f", "purple": "#a27bd8"},
        on_highlight="#111418", hit="#ffd8a8", hit_current="#ffb36b",
    ),
    "sepia": Theme(
        id="sepia", label=N_("کاغذی"),
        page="#f4ecd8", text="#2b2117", muted="#6b5a45", window="#ece3cc", surface="#f8f2e3", border="#d4c6a6",
        selection="#e2d2aa", accent="#8a5a12", warning_text="#7c2a0a", warning_back="#f7dfc4",
        highlights={"yellow": "#f2e09a", "green": "#d2e3c0", "blue": "#d3e0ea", "pink": "#f0d2d6", "purple": "#e0d5ea"},
        marks={"yellow": "#a0821a", "green": "#3b9648", "blue": "#458ccc", "pink": "#d65c87", "purple": "#9a74cc"},
        on_highlight="#120d08", hit="#f2c98f", hit_current="#eaa860",
    ),
    "dark": Theme(
        id="dark", label=N_("تیره"),
        page="#1c1d21", text="#dcdde1", muted="#9aa0a8", window="#24262b", surface="#1f2125", border="#3a3d44",
        selection="#35507a", accent="#5ea8ff", warning_text="#ffc99a", warning_back="#4a2a12",
        highlights={"yellow": "#41391c", "green": "#213a27", "blue": "#1f3450", "pink": "#46222f", "purple": "#352a4c"},
        marks={"yellow": "#c9a535", "green": "#4fb860", "blue": "#68a8e4", "pink": "#e9829f", "purple": "#b497e4"},
        on_highlight="#e6e7eb", hit="#433214", hit_current="#5c3f0e",
    ),
}
DEFAULT = "light"
ORDER = ("light", "sepia", "dark")

_current = THEMES[DEFAULT]


def current() -> Theme:
    return _current


def set_current(theme_id: str) -> Theme:
    """Use this theme for colours asked for from now on (unknown ids give the light theme)."""
    global _current
    _current = THEMES.get(theme_id, THEMES[DEFAULT])
    return _current


def next_theme(theme_id: str) -> str:
    return ORDER[(ORDER.index(theme_id) + 1) % len(ORDER)] if theme_id in ORDER else DEFAULT


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    q = QColor(color)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def palette(t: Theme) -> QPalette:
    """The window palette of a theme (menus, dialogs, item views)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.window, QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.surface, QPalette.ColorRole.AlternateBase: t.window,
        QPalette.ColorRole.Text: t.text, QPalette.ColorRole.Button: t.window, QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.Highlight: t.selection, QPalette.ColorRole.HighlightedText: t.text,
        QPalette.ColorRole.PlaceholderText: t.muted, QPalette.ColorRole.ToolTipBase: t.surface,
        QPalette.ColorRole.ToolTipText: t.text, QPalette.ColorRole.Link: t.accent, QPalette.ColorRole.Mid: t.border,
        QPalette.ColorRole.Light: t.surface, QPalette.ColorRole.Midlight: t.border, QPalette.ColorRole.Dark: t.border,
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(t.muted))
    return p


def style_sheet(t: Theme) -> str:
    """The window's style sheet in a theme's colours."""
    return f"""
QMainWindow, QDialog, QWidget#readerPane {{ background: {t.page}; }}
QTextEdit#reader {{ background: {t.page}; color: {t.text}; selection-background-color: {t.selection};
    selection-color: {t.text}; border: 2px solid {t.page}; }}
QLabel#articleTitle {{ font-size: 17pt; font-weight: bold; color: {t.text}; }}
QLabel#articleSupertitle {{ color: {t.muted}; font-size: 11pt; }}
QLabel#articleMeta {{ color: {t.muted}; }}
QLabel#articleWarning {{ color: {t.warning_text}; background: {t.warning_back}; border: 1px solid {t.warning_text};
    padding: 6px; border-radius: 4px; }}
QLabel#panelHeader {{ font-weight: bold; padding: 4px 2px; }}
QLabel#panelEmpty {{ color: {t.muted}; padding: 8px; }}
QListView, QTableView {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; border-radius: 4px; }}
QListView::item:selected:active, QTableView::item:selected:active {{ background: {t.selection}; color: {t.text}; }}
QListView::item:selected:!active, QTableView::item:selected:!active {{ background: {t.border}; color: {t.text}; }}
QListView:focus, QTableView:focus, QTextEdit#reader:focus {{ border: 2px solid {t.accent}; }}
QLineEdit {{ padding: 4px 6px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 13px; height: 13px; border: 1px solid {t.muted};
    background: {t.surface}; }}
QRadioButton::indicator {{ border-radius: 7px; }}
QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent}; }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
    stop:0 {t.accent}, stop:0.55 {t.accent}, stop:0.65 {t.surface}, stop:1 {t.surface}); border-color: {t.accent}; }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border: 2px solid {t.accent}; }}
* {{ dialogbuttonbox-buttons-have-icons: 0; }}
"""


def apply_theme(app: QApplication, theme_id: str) -> Theme:
    """Window palette and style sheet of a theme; the reader asks `current()` as it paints."""
    theme = set_current(theme_id)
    app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme))
    return theme
