"""The UI's language: Persian (the strings in the code) or English (the table in strings_en.py).

Code writes UI text as `tr("متن")`, or `tr("{n} برجسته‌سازی", n=3)` with named values; module-level
tables mark their texts with `N_("…")` and call `tr` where they are shown. Numbers given as values
are written with Persian digits in Persian. `tests/gui/test_i18n.py` checks that every marked text
has an English entry and that no Persian UI text is left unmarked.
"""

from __future__ import annotations

import unicodedata

from hashiye.core.text.normalize import fold_digits
from PySide6.QtCore import QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from .strings_en import EN

LANGUAGES = {"fa": "فارسی", "en": "English"}  # each language named in itself
DEFAULT = "fa"
_current = DEFAULT


def set_language(lang: str) -> str:
    """Use this language for texts made from now on; unknown codes fall back to Persian."""
    global _current
    _current = lang if lang in LANGUAGES else DEFAULT
    return _current


def language() -> str:
    return _current


def is_rtl() -> bool:
    return _current == "fa"


def direction() -> Qt.LayoutDirection:
    """The UI's layout direction (the article text itself is always right to left)."""
    return Qt.LayoutDirection.RightToLeft if is_rtl() else Qt.LayoutDirection.LeftToRight


def digits(text: str) -> str:
    """Digits as the UI language writes them."""
    return fold_digits(text, "fa" if is_rtl() else "latin")


def number(n: float) -> str:
    return digits(str(n))


def tr(text: str, **values: object) -> str:
    """A UI text in the current language, with `{name}` values filled in.

    Numbers are written in the language's digits; every other value (a path, a name, a reason, a
    quote) is isolated (Unicode FSI … PDI), so `/tmp/x.csv` or an English reason keeps its own
    order inside a Persian sentence, and a Persian name inside an English one."""
    template = EN.get(text, text) if _current == "en" else text
    if isinstance(template, tuple):
        template = template[0] if values.get("n") == 1 else template[1]
    if not values:
        return template
    return template.format(**{k: number(v) if isinstance(v, (int, float)) and not isinstance(v, bool)
                              else isolate(str(v)) for k, v in values.items()})


def isolate(text: str) -> str:
    """Text set apart from the line around it in the bidi algorithm (FSI … PDI), once."""
    if not text or (text.startswith("\u2068") and text.endswith("\u2069")):
        return text
    return f"\u2068{text}\u2069"


def N_(text: str) -> str:
    """Mark a text for translation where it is defined; `tr` translates it where it is shown."""
    return text


def bidi_line(parts: list[str], sep: str = "  ·  ") -> str:
    """Parts of one line (Persian names, English words, dates) each isolated, in the UI's reading order."""
    mark = "\u200f" if is_rtl() else "\u200e"  # RLM / LRM: the line's direction
    return mark + sep.join(f"\u2068{p}\u2069" for p in parts)  # FSI … PDI around each part


def text_direction(text: str, default: Qt.LayoutDirection | None = None) -> Qt.LayoutDirection:
    """The direction of a text by its first strong letter (Unicode bidi rule P2); else `default` or the UI's."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return default if default is not None else direction()


def join(items: list[str]) -> str:
    """A list as the language writes it: «الف، ب» / "a, b"."""
    return tr("، ").join(items)


def apply_language(app: QApplication, lang: str) -> None:
    """Use a language for UI texts, Qt's own buttons and the layout direction (windows made from now on)."""
    lang = set_language(lang)
    app.setLayoutDirection(direction())
    app.setApplicationDisplayName(tr("حاشیه"))
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if lang == "fa":
        translator = QTranslator(app)  # Qt's own buttons and dialogs in Persian
        if translator.load("qtbase_fa", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
