"""The UI's language: Persian (the texts in the code) or any language with a Qt translation file.

Code writes UI text as `tr("متن")`, or `tr("{n} برجسته‌سازی", n=3)` with named values; module-level
tables mark their texts with `N_("…")` and call `tr` where they are shown. `tr` asks Qt
(`QCoreApplication.translate`, context «hashiye») so the texts come from the installed
`QTranslator`: `resources/translations/hashiye_<lang>.qm`, compiled from its `.ts` by lrelease
(tools/i18n.py), or one in the user's data folder (`<data_dir>/translations`). A text with an `{n}`
value is a plural message: Qt picks the language's form for n. Numbers given as values are written
with Persian digits in Persian. Each language names itself in its `LANGUAGE_NAME` message, so a new
language is a file, not code. Switching installs the other translator: Qt sends every widget a
`LanguageChange` event and each re-sets its texts in `retranslate_ui()`.

`tests/gui/test_i18n.py` checks that every marked text is translated in the .ts, that the .qm is
current, and that no Persian UI text is left unmarked.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from string import Formatter

from hashiye.core.text.normalize import DigitStyle, fold_digits
from hashiye.core.files.paths import data_dir
from hashiye.resources import resource_path
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

CONTEXT = "hashiye"  # the one translation context of the UI's texts
SOURCE = "fa"  # the language of the texts in the code
SOURCE_NAME = "فارسی"  # its name in itself (every other language names itself in its file)
LANGUAGE_NAME = "LANGUAGE_NAME"  # the message whose translation is a language's name in itself
DEFAULT = SOURCE
_current = DEFAULT
_translator: QTranslator | None = None  # the UI's texts in the current language (None: Persian)
_installed = False  # whether `_translator` is installed in the application
_qt_translator: QTranslator | None = None  # Qt's own buttons and dialogs
_loaded: dict[tuple[Path, float], QTranslator] = {}  # .qm files read so far (path, mtime)


def translation_dirs() -> list[Path]:
    """Where translation files are looked for: the user's data folder first, then the bundled ones."""
    return [data_dir() / "translations", resource_path("translations")]


def _files() -> dict[str, Path]:
    """Language code -> its .qm (the first found in `translation_dirs`)."""
    found: dict[str, Path] = {}
    for folder in translation_dirs():
        for qm in sorted(folder.glob("hashiye_*.qm")) if folder.is_dir() else []:
            found.setdefault(qm.stem.removeprefix("hashiye_"), qm)
    found.pop(SOURCE, None)
    return dict(sorted(found.items()))


def _load(path: Path) -> QTranslator | None:
    try:
        key = (path, path.stat().st_mtime)
    except OSError:
        return None
    if key not in _loaded:
        translator = QTranslator()
        if not translator.load(str(path)):  # not a translation file: not offered
            return None
        _loaded[key] = translator
    return _loaded[key]


def languages() -> dict[str, str]:
    """The languages offered: Persian and every language with a .qm, each named in itself."""
    offered = {SOURCE: SOURCE_NAME}
    for code, path in _files().items():
        translator = _load(path)
        if translator is not None:
            offered[code] = translator.translate(CONTEXT, LANGUAGE_NAME) or QLocale(code).nativeLanguageName() or code
    return offered


def next_language() -> str:
    """The language after the current one, in the order of `languages()` (Ctrl+Shift+L)."""
    codes = list(languages())
    return codes[(codes.index(_current) + 1) % len(codes)] if _current in codes else DEFAULT


def set_language(lang: str) -> str:
    """Use this language for texts from now on (unknown codes fall back to Persian); the application's
    widgets are told (`QEvent.LanguageChange`) when its translator is installed or removed."""
    global _current, _translator, _installed
    path = _files().get(lang)
    translator = _load(path) if path is not None else None
    lang = lang if translator is not None else DEFAULT
    app = QCoreApplication.instance()
    if _translator is not None and _installed and app is not None and translator is not _translator:
        QCoreApplication.removeTranslator(_translator)
        _installed = False
    _current, _translator = lang, translator
    if translator is not None and app is not None and not _installed:
        _installed = QCoreApplication.installTranslator(translator)
    return _current


def language() -> str:
    return _current


_RTL: dict[str, bool] = {}


def is_rtl() -> bool:
    """Whether the UI language is written right to left (Qt's locale data: fa, ar, he, ur… are)."""
    if _current not in _RTL:
        _RTL[_current] = QLocale(_current).textDirection() == Qt.LayoutDirection.RightToLeft
    return _RTL[_current]


def direction() -> Qt.LayoutDirection:
    """The UI's layout direction (the article text itself is always right to left)."""
    return Qt.LayoutDirection.RightToLeft if is_rtl() else Qt.LayoutDirection.LeftToRight


def dates_language() -> str:
    """The language dates are written in (core.jalali knows Persian and English month names):
    Persian in Persian, English in every other interface language."""
    return "fa" if _current == SOURCE else "en"


def digit_style() -> DigitStyle:
    """How the UI language writes digits: Persian digits in Persian, else ASCII."""
    return "fa" if _current == SOURCE else "latin"


def digits(text: str) -> str:
    """Digits as the UI language writes them."""
    return fold_digits(text, digit_style())


def number(n: float) -> str:
    """A number in the language's digits; a minus sign is marked left-to-right (LRM, as CLDR writes
    Persian numbers), so `-0.25` does not read `0.25-` in a right-to-left line or table cell."""
    text = digits(str(n))
    return "\u200e" + text if text.startswith("-") else text


def tr(text: str, **values: object) -> str:
    """A UI text in the current language, with `{name}` values filled in.

    Numbers are written in the language's digits; every other value (a path, a name, a reason, a
    quote) is isolated (Unicode FSI … PDI), so `/tmp/x.csv` or an English reason keeps its own
    order inside a Persian sentence, and a Persian name inside an English one."""
    n = values.get("n")
    count = n if isinstance(n, int) and not isinstance(n, bool) and "{n}" in text else -1
    template = translate(text, count)
    if not values:
        return template
    if template != text and not _same_fields(text, template):
        template = text  # a broken translation (a third language's file): the text as written
    return template.format(**{k: number(v) if isinstance(v, (int, float)) and not isinstance(v, bool)
                              else isolate(str(v)) for k, v in values.items()})


@lru_cache(maxsize=4096)
def _same_fields(source: str, translation: str) -> bool:
    """Whether a translation's `{…}` fields are well formed and among the source's, as written there
    (no other names, attributes, indexes or format specs, which would fail or misbehave in `format`)."""

    def fields(text: str) -> set[tuple[str, str | None, str | None]] | None:
        try:
            return {(name, spec, conv) for _lit, name, spec, conv in Formatter().parse(text) if name is not None}
        except ValueError:
            return None

    theirs, ours = fields(translation), fields(source)
    return theirs is not None and ours is not None and theirs <= ours


def translate(text: str, n: int = -1) -> str:
    """A text in the current language as the translation files give it (`n` picks a plural form)."""
    if _translator is None:
        return text
    if _installed:
        return QCoreApplication.translate(CONTEXT, text, None, n)
    return _translator.translate(CONTEXT, text, None, n) or text  # no application (yet)


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
    """Use a language for UI texts, Qt's own buttons and the layout direction; open windows follow
    (Qt sends them `LanguageChange`, and each widget's `retranslate_ui` re-sets its texts)."""
    global _qt_translator
    lang = set_language(lang)
    app.setLayoutDirection(direction())
    app.setApplicationDisplayName(tr("حاشیه"))
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if lang != "en":  # Qt's own texts are English already
        translator = QTranslator(app)
        if translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
            _qt_translator = translator
