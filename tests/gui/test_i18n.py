"""The UI in Persian (default) or English: every text has both, and the window follows the language."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

GUI = Path(__file__).resolve().parents[2] / "gui"
PERSIAN_LETTER = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")
# Data rather than UI text: the Persian keyboard map, language names in themselves, tag separators.
DATA_NAMES = {"PERSIAN_KEY", "LANGUAGES", "_TAG_SPLIT"}


def _marked_and_stray() -> tuple[dict[str, str], list[str]]:
    """Texts given to tr()/N_() (text -> file), and Persian literals given to neither."""
    marked: dict[str, str] = {}
    stray: list[str] = []
    for path in sorted(GUI.glob("*.py")):
        if path.name == "strings_en.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "N_"):
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    marked.setdefault(node.args[0].value, path.name)
                    allowed.add(id(node.args[0]))
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in DATA_NAMES for t in node.targets):
                allowed.update(id(n) for n in ast.walk(node.value))
            elif isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node, clean=False):
                allowed.add(id(node.body[0].value))  # type: ignore[attr-defined]
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in allowed
                    and PERSIAN_LETTER.search(node.value)):
                stray.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return marked, stray


def _fields(template: str) -> set[str]:
    return {name for _t, name, _s, _c in string.Formatter().parse(template) if name}


def test_every_ui_text_has_an_english_text_with_the_same_values() -> None:
    from hashiye.gui.strings_en import EN

    marked, _stray = _marked_and_stray()
    assert len(marked) > 150
    missing = [f"{f}: {t!r}" for t, f in marked.items() if t not in EN]
    assert missing == []
    for text, english in EN.items():
        for form in english if isinstance(english, tuple) else (english,):
            assert _fields(form) == _fields(text), (text, form)
            assert not PERSIAN_LETTER.search(form.replace("فارسی", "")), form
    unused = sorted(set(EN) - set(marked))
    assert unused == []


def test_no_persian_ui_text_bypasses_the_strings_table() -> None:
    _marked, stray = _marked_and_stray()
    assert stray == []


def test_numbers_follow_the_language_and_english_has_plurals() -> None:
    from hashiye.gui import i18n

    try:
        i18n.set_language("fa")
        assert i18n.tr("{n} برجسته‌سازی", n=12) == "۱۲ برجسته‌سازی"
        i18n.set_language("en")
        assert i18n.tr("{n} برجسته‌سازی", n=1) == "1 highlight"
        assert i18n.tr("{n} برجسته‌سازی", n=12) == "12 highlights"
        assert i18n.join(["a", "b"]) == "a, b"
    finally:
        i18n.set_language("fa")


def _english_window(qtbot, corpus: Path, tmp_path: Path):
    from hashiye.gui.app import create_window, make_app

    make_app([])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")
    win = create_window(corpus, settings)
    qtbot.addWidget(win)
    win.show()
    return win, settings


@pytest.fixture
def persian_again():
    yield
    from hashiye.gui import i18n

    i18n.set_language("fa")


def test_english_window_reads_left_to_right_with_english_menus(qtbot, corpus: Path, tmp_path: Path,
                                                                persian_again) -> None:
    win, _settings = _english_window(qtbot, corpus, tmp_path)
    assert win.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert win.windowTitle() == corpus.name  # Qt adds " — Hashiye", the display name
    assert QApplication.applicationDisplayName() == "Hashiye"
    menus = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert menus == ["File", "View", "Go", "Annotate", "Help"]
    texts = [a.text() for m in win.menuBar().actions() for a in m.menu().actions() if a.menu() is not win.recent_menu]
    assert [t for t in texts if PERSIAN_LETTER.search(t.replace("فارسی", ""))] == []
    # The article itself stays Persian and right to left.
    assert win.reader.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert PERSIAN_LETTER.search(win.reader.toPlainText())
    win.close()


def test_header_gives_jalali_and_gregorian_dates_in_each_language(qtbot, window, corpus: Path, tmp_path: Path,
                                                                   persian_again) -> None:
    window._select("000_e6d5671372e51005")
    meta = window.header.meta.text()
    assert "۲۹ بهمن ۱۳۹۹، ۱۲:۱۴" in meta and "۱۷ فوریه ۲۰۲۱" in meta
    window.close()
    win, _settings = _english_window(qtbot, corpus, tmp_path)
    win._select("000_e6d5671372e51005")
    meta = win.header.meta.text()
    assert "29 Bahman 1399, 12:14" in meta and "17 February 2021" in meta
    win.close()


def test_language_switch_remakes_the_window_on_the_same_article(qtbot, corpus: Path, tmp_path: Path,
                                                                 persian_again) -> None:
    from hashiye.gui.app import Windows, make_app

    make_app([])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = Windows(settings)
    first = windows.open(corpus)
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitActive(first):
        first.activateWindow()
    qtbot.keyClick(first.list_view, Qt.Key.Key_J)
    qtbot.keyClick(first.list_view, Qt.Key.Key_Return)
    for _ in range(5):
        qtbot.keyClick(first.reader, Qt.Key.Key_Down)
    chosen, focus = first.current_id, first.reader.focus_range
    geometry = first.geometry()
    assert first.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.keyClick(first.reader, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    second = windows.window
    assert second is not first and second is not None
    qtbot.addWidget(second)
    assert not first.isVisible() and second.isVisible()
    assert second.current_id == chosen
    qtbot.waitUntil(lambda: second.reader.focus_range == focus)  # the same sentence is under focus
    assert second.focusWidget() is second.reader  # and the keyboard is still in the reader
    assert second.geometry() == geometry
    assert second.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert second.menuBar().actions()[0].text() == "&File"
    assert settings.value("ui/language") == "en"
    second.choose_language("fa")
    third = windows.window
    qtbot.addWidget(third)
    assert third.menuBar().actions()[0].text() == "&پرونده"
    assert third.layoutDirection() == Qt.LayoutDirection.RightToLeft
    third.close()


def test_text_direction_follows_the_first_strong_letter() -> None:
    from hashiye.gui.i18n import text_direction

    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert text_direction("Budget note on بهزیستی (2024)") == ltr
    assert text_direction("«رئیس سازمان» and more") == rtl
    assert text_direction("✎ ۱۲ Tags") == ltr
    assert text_direction("2024 «»", ltr) == ltr and text_direction("2024", rtl) == rtl


def test_table_cells_take_the_direction_of_their_text(qtbot, persian_again) -> None:
    from hashiye.gui import i18n
    from hashiye.gui.views import ContentDelegate
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    i18n.set_language("en")
    model = QStandardItemModel()
    model.appendRow([QStandardItem("رئیس سازمان بسیج سازندگی"), QStandardItem("Budget note on بهزیستی")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ContentDelegate(view)
    persian, english = QStyleOptionViewItem(), QStyleOptionViewItem()
    delegate.initStyleOption(persian, model.index(0, 0))
    delegate.initStyleOption(english, model.index(0, 1))
    assert persian.direction == Qt.LayoutDirection.RightToLeft
    assert persian.displayAlignment & Qt.AlignmentFlag.AlignRight and persian.displayAlignment & Qt.AlignmentFlag.AlignAbsolute
    assert english.direction == Qt.LayoutDirection.LeftToRight
    assert english.displayAlignment & Qt.AlignmentFlag.AlignLeft


def test_language_switch_keeps_the_undo_history(qtbot, corpus: Path, tmp_path: Path, persian_again) -> None:
    from hashiye.gui.app import Windows, make_app

    make_app([])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = Windows(settings)
    first = windows.open(corpus)
    qtbot.addWidget(first)
    first.show()
    article = first.current_id
    first.actions_by_id["color_2"].trigger()
    assert len(first.session.state(article).anchored) == 1
    first.choose_language("en")
    second = windows.window
    qtbot.addWidget(second)
    assert second is not first and second.current_id == article
    assert second.undo_stack.count() == 1, "the history came along"
    second.actions_by_id["undo"].trigger()
    assert second.session.state(article).anchored == [] and second.panel.model.rowCount() == 0
    second.close()


def test_one_word_for_highlight_and_one_for_note() -> None:
    """«برجسته‌سازی» is a highlight (with its note and tags) and «یادداشت» only ever the note, in both
    languages: no text calls the same item by two names (issue 15, point 10)."""
    from hashiye.gui.strings_en import EN

    for persian, english in EN.items():
        words = " ".join(english if isinstance(english, tuple) else (english,)).lower()
        assert ("یادداشت" in persian) == ("note" in words), (persian, english)
        assert ("برجسته‌سازی" in persian) == ("highlight" in words), (persian, english)
        assert "annotation" not in words, (persian, english)
