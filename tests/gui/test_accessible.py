"""Every control has a unique accessible name in the interface language (issue 15, point 8), read as a
screen reader reads it: through Qt's accessibility interface."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

PERSIAN = "\u0600-\u06ff"


def controls(top: QWidget) -> list[QWidget]:
    """The widgets a keyboard user reaches in a window, dialog or docked pane (shown, taking focus)."""
    return [w for w in top.findChildren(QWidget)
            if w.isVisibleTo(top) and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            and (w.window() is top or not top.isWindow())  # a pane docked in the window: its own controls
            and not w.inherits("QScrollBar") and w.objectName() != "qt_scrollarea_viewport"]


def names(top: QWidget) -> dict[str, str]:
    found: dict[str, str] = {}
    for w in controls(top):
        face = QAccessible.queryAccessibleInterface(w)
        assert face is not None, w
        name = face.text(QAccessible.Text.Name)
        if w.inherits("QComboBox"):
            # On Linux Qt gives a combo box's current item as its name (a screen reader announces the
            # widget's own name through its accessible relations): the name set is what is checked.
            name = w.accessibleName()
        label = f"{type(w).__name__}:{w.objectName()}"
        assert name.strip(), f"{label} has no accessible name"
        assert name not in found, f"{label} and {found[name]} are both called {name!r}"
        found[name] = label
    return found


def persian(text: str) -> bool:
    import re

    return bool(re.search(f"[{PERSIAN}]", text))


def test_every_control_of_the_window_and_its_dialogs_is_named(qtbot, window) -> None:
    window.find_bar.open_bar(window.reader.display.text)
    window.filters_button.setChecked(True)
    named = names(window)
    for needed in ("پالایش فهرست مقاله‌ها", "فهرست مقاله‌ها", "متن مقاله", "فهرست برجسته‌سازی‌ها",
                   "جست‌وجو در این مقاله", "بستن نوار جست‌وجو"):
        assert needed in named, (needed, sorted(named))
    assert all(persian(n) for n in named if not n.isascii() or n.strip("✕") == ""), named
    window.find_bar.close_bar()

    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    note = names(window.note_editor)
    assert "متن یادداشت" in note, note
    window.note_editor.reject()
    qtbot.keyClick(window.reader, Qt.Key.Key_T)
    tags = names(window.tag_editor)
    assert "برچسب‌های برجسته‌سازی" in tags, tags
    window.tag_editor.reject()

    window.dialogs.export()
    export = names(window.export_dialog)
    assert {"از تاریخ", "تا تاریخ", "قالب برون‌بری", "پروندهٔ برون‌بری"} <= set(export), export
    window.export_dialog.close()

    window.dialogs.search_corpus()
    search = names(window.search_panel)
    assert {"عبارت جست‌وجو", "نتیجه‌های جست‌وجو"} <= set(search), search
    window.search_panel.close()

    window.dialogs.browse_annotations()
    browser = names(window.browser)
    assert {"پالایش برجسته‌سازی‌ها", "جدول برجسته‌سازی‌ها"} <= set(browser), browser
    window.browser.close()
    QApplication.processEvents()


def test_names_follow_the_interface_language(qtbot, corpus, tmp_path) -> None:
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings

    make_app([])
    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")
    win = create_window(corpus, settings)
    qtbot.addWidget(win)
    win.show()
    win.find_bar.open_bar("")
    named = names(win)
    assert {"Filter the article list", "Find in this article", "Close the find bar"} <= set(named), named
    assert not [n for n in named if persian(n)], named
    win.close()
