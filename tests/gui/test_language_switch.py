"""Switching the interface language in place: the same window, article, place, selection and undo
history, every text re-set (menus, actions, status bar, panes, open dialogs); a third language is a file."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
PERSIAN_LETTER = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")


def _tool():
    spec = importlib.util.spec_from_file_location("hashiye_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _windows(qtbot, corpus: Path, tmp_path: Path):
    from hashiye.gui.app import Windows, make_app

    make_app([])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = Windows(settings)
    win = windows.open(corpus)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    return windows, win, settings


def _menu_texts(win) -> list[str]:
    return [a.text() for m in win.menuBar().actions() for a in m.menu().actions()
            if a.menu() is not win.recent_menu and a.text()]


def test_language_switch_keeps_the_window_on_the_same_article(qtbot, corpus: Path, tmp_path: Path) -> None:
    windows, first, settings = _windows(qtbot, corpus, tmp_path)
    qtbot.keyClick(first.list_view, Qt.Key.Key_J)
    qtbot.keyClick(first.list_view, Qt.Key.Key_Return)
    for _ in range(5):
        qtbot.keyClick(first.reader, Qt.Key.Key_Down)
    first.reader.verticalScrollBar().setValue(first.reader.verticalScrollBar().maximum() // 2)
    chosen, focus = first.current_id, first.reader.focus_range
    scroll = first.reader.verticalScrollBar().value()
    geometry = first.geometry()
    assert first.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.keyClick(first.reader, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: first.menuBar().actions()[0].text() == "&File")
    assert windows.window is first and first.isVisible(), "the same window, not a new one"
    assert first.current_id == chosen
    assert first.reader.focus_range == focus  # the same sentence is under focus
    assert first.reader.verticalScrollBar().value() == scroll  # and the page has not moved
    assert first.focusWidget() is first.reader  # the keyboard is still in the reader
    assert first.geometry() == geometry
    assert first.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert first.reader.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the article stays right to left
    assert settings.value("ui/language") == "en"
    first.choose_language("fa")
    qtbot.waitUntil(lambda: first.menuBar().actions()[0].text() == "&پرونده")
    assert first.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert settings.value("ui/language") == "fa"
    first.close()


def test_language_switch_keeps_the_undo_history(qtbot, corpus: Path, tmp_path: Path) -> None:
    windows, first, _settings = _windows(qtbot, corpus, tmp_path)
    article = first.current_id
    first.actions_by_id["color_2"].trigger()
    assert len(first.session.state(article).anchored) == 1
    first.choose_language("en")
    qtbot.waitUntil(lambda: first.panel.header.text() == "Highlights (1)")
    assert windows.window is first and first.current_id == article
    assert first.undo_stack.count() == 1, "the history is still there"
    first.actions_by_id["undo"].trigger()
    assert first.session.state(article).anchored == [] and first.panel.model.rowCount() == 0
    assert first.panel.header.text() == "Highlights (0)"
    first.actions_by_id["redo"].trigger()
    assert len(first.session.state(article).anchored) == 1
    first.close()


def test_every_part_of_the_window_speaks_the_new_language(qtbot, corpus: Path, tmp_path: Path) -> None:
    """Menus and actions, the status bar, the list pane, a docked pane, an open dialog, accessible names
    and tooltips: all English after the switch, all Persian again after switching back."""
    _windows_, win, _settings = _windows(qtbot, corpus, tmp_path)
    win.actions_by_id["search_corpus"].trigger()
    win.actions_by_id["export"].trigger()
    dock, dialog = win.dialogs.search_dock, win.export_dialog
    assert dock is not None and dialog is not None and dialog.isVisible()
    assert dock.windowTitle() == "جست‌وجو در همهٔ مقاله‌ها"
    win.choose_language("en")
    qtbot.waitUntil(lambda: dock.windowTitle() == "Search all articles")
    assert [t for t in _menu_texts(win) if PERSIAN_LETTER.search(t.replace("فارسی", ""))] == []
    assert win.actions_by_id["highlight"].text() == "Highlight in the current colour"
    assert win.statusBar().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert win.statusBar().currentMessage() == "Language: \u2068English\u2069"
    assert win.filters_button.text() == "Filters" and win.sort_box.itemText(0) == "Newest"
    assert win.list_view.accessibleName() == "Article list"
    assert win.filter_edit.accessibleName() == "Filter the article list"
    assert win.search_panel.query.placeholderText() == 'A word or a "phrase" — all spellings and forms'
    assert dialog.windowTitle() == "Export highlights" and dialog.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.format_box.accessibleName() == "Export format"
    assert not PERSIAN_LETTER.search(dialog.report_button.text())
    assert QApplication.applicationDisplayName() == "Hashiye"
    win.choose_language("fa")
    qtbot.waitUntil(lambda: dock.windowTitle() == "جست‌وجو در همهٔ مقاله‌ها")
    assert win.actions_by_id["highlight"].text() == "برجسته‌سازی با رنگ جاری"
    assert dialog.windowTitle() == "برون‌بری برجسته‌سازی‌ها"
    assert win.statusBar().layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.close()
    win.close()


def test_a_third_language_is_a_translation_file(qtbot, corpus: Path, tmp_path: Path, private_data: Path) -> None:
    """A .ts made with `tools/i18n.py` conventions and compiled into the user's translations folder
    appears in the language menu under its own name and translates the window; untranslated texts
    stay in Persian. No code knows the language."""
    from hashiye.gui import i18n

    tool = _tool()
    cat = tool.Catalog("de")
    cat.add(tool.LANGUAGE_NAME, ["Deutsch"], True)
    cat.add("&پرونده", ["&Datei"], True)
    cat.add("{n} برجسته‌سازی", ["{n} Markierung", "{n} Markierungen"], True)
    folder = private_data / "translations"
    folder.mkdir()
    cat.write(folder / "hashiye_de.ts")
    tool.compile_ts(folder / "hashiye_de.ts", folder / "hashiye_de.qm")
    (folder / "hashiye_xx.qm").write_bytes(b"not a translation")  # a broken file is not offered

    assert i18n.languages() == {"fa": "فارسی", "en": "English", "de": "Deutsch"}
    _windows_, win, settings = _windows(qtbot, corpus, tmp_path)
    names = {a.text(): a for a in win.menus.language_actions.values()}
    assert set(names) == {"فارسی", "English", "Deutsch"}
    names["Deutsch"].trigger()
    qtbot.waitUntil(lambda: win.menuBar().actions()[0].text() == "&Datei")
    assert settings.value("ui/language") == "de"
    assert win.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert i18n.tr("{n} برجسته‌سازی", n=3) == "3 Markierungen" and i18n.tr("{n} برجسته‌سازی", n=1) == "1 Markierung"
    assert win.menuBar().actions()[1].text() == "&نما"  # not translated yet: the Persian source text
    assert win.menus.language_actions["de"].isChecked()
    assert win.current_id and not re.search("[۰-۹]", win.header.meta.text()), "dates as the non-Persian UIs write them"
    assert [i18n.next_language()] == ["en"]  # Ctrl+Shift+L goes round every language: fa, de, en
    win.actions_by_id["toggle_language"].trigger()
    qtbot.waitUntil(lambda: win.menuBar().actions()[0].text() == "&File")
    assert i18n.next_language() == "fa"
    win.close()


def test_an_open_note_editor_keeps_its_own_button_texts(qtbot, window) -> None:
    """Qt re-sets a button box's standard texts on a language change; the editor's own («Save
    (Ctrl+Enter)») come after them, in the new language, and the typed note stays."""
    from hashiye.gui import i18n
    from hashiye.gui.editors import NoteEditor
    from PySide6.QtWidgets import QDialogButtonBox

    editor = NoteEditor(window, "رئیس سازمان", "", lambda _text: None)
    qtbot.addWidget(editor)
    editor.show()
    editor.edit.setPlainText("یادداشت نیمه‌کاره")
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "ذخیره (Ctrl+Enter)"
    i18n.apply_language(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: editor.windowTitle() == "Note")
    assert save.text() == "Save (Ctrl+Enter)"
    assert editor.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel (Esc)"
    assert editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert editor.edit.toPlainText() == "یادداشت نیمه‌کاره"
    editor.reject()


def test_the_analysis_panes_speak_the_new_language(qtbot, corpus: Path, tmp_path: Path) -> None:
    """The codebook, agreement and chart panes and the search pane's keyword-in-context tick box,
    opened before the switch, are re-set in place: titles, headers and buttons in English, then Persian."""
    _windows_, win, _settings = _windows(qtbot, corpus, tmp_path)
    for action in ("toggle_codebook", "agreement", "charts", "search_corpus"):
        win.actions_by_id[action].trigger()
    codebook, agreement, charts = win.codebook.pane, win.analysis.agreement, win.analysis.charts
    assert codebook is not None and agreement is not None and charts is not None
    assert codebook.windowTitle() == "کدنامه" and agreement.windowTitle() == "توافق کدگذاران"
    win.choose_language("en")
    qtbot.waitUntil(lambda: codebook.windowTitle() != "کدنامه")
    texts = [codebook.windowTitle(), agreement.windowTitle(), charts.windowTitle(), agreement.run_button.text(),
             charts.export_button.text(), win.search_panel.kwic_mode.text(),
             *(codebook.tree.headerItem().text(i) for i in range(codebook.tree.columnCount()))]
    assert all(t for t in texts) and [t for t in texts if PERSIAN_LETTER.search(t)] == []
    assert agreement.layoutDirection() == Qt.LayoutDirection.LeftToRight
    win.choose_language("fa")
    qtbot.waitUntil(lambda: codebook.windowTitle() == "کدنامه")
    assert agreement.windowTitle() == "توافق کدگذاران" and charts.windowTitle() == "نمودارها"
    assert PERSIAN_LETTER.search(win.search_panel.kwic_mode.text())
    win.close()
