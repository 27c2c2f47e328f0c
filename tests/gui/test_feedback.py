"""Feedback in the user's language (issue 15, point 7): what undo, redo, delete and recolour did; paths
isolated in Persian sentences; warnings that name the real problem, in the interface language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_keyboard_flow import press, sidecar_items
from waits import run_export

FSI, PDI = "\u2068", "\u2069"


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_undo_redo_delete_and_recolour_say_what_they_did(qtbot, window, corpus: Path) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    article = window.current_id
    press(qtbot, window.reader, Qt.Key.Key_1)
    press(qtbot, window.reader, Qt.Key.Key_2)
    assert "رنگ برجسته‌سازی" in status(window) and "سبز" in status(window)
    press(qtbot, window.reader, Qt.Key.Key_Delete)
    assert sidecar_items(corpus, article) == []
    assert "برجسته‌سازی حذف شد" in status(window)
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert len(sidecar_items(corpus, article)) == 1
    assert status(window).startswith("واگرد شد") and "حذف برجسته‌سازی" in status(window)
    press(qtbot, window.reader, Qt.Key.Key_Z,
          modifier=Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sidecar_items(corpus, article) == []
    assert status(window).startswith("ازنو انجام شد") and "حذف برجسته‌سازی" in status(window)
    for _ in range(3):  # delete, recolour, highlight
        press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert "برجسته‌سازی" in status(window) and sidecar_items(corpus, article) == []
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert status(window) == "چیزی برای واگرد نیست"


def test_a_path_in_a_persian_message_keeps_its_order(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    from hashiye.core.annotations.model import new_annotation
    from hashiye.core.corpus.article import load_article
    from hashiye.core.annotations.store import AnnotationStore

    art = load_article(corpus / "001_efa6bf155fd70a28.txt")
    AnnotationStore(corpus).save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    qtbot.keyClick(window.list_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_dialog
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    target = tmp_path / "x.csv"
    dialog.path_edit.setText(str(target))
    assert run_export(qtbot, dialog), dialog.status.text()
    # The path is one isolated run: the bidi algorithm cannot move its leading slash to the end.
    assert f"{FSI}{target}{PDI}" in dialog.status.text()
    dialog.close()


WEEKDAY_WRONG = """خبر آزمایشی با روز هفتهٔ نادرست
کد خبر: ۴۴۴
شنبه ۲۹ بهمن ۱۳۹۹ - ۱۲:۱۴

متن خبر در این‌جا می‌آید و جمله‌ای کامل است.
"""


def test_a_weekday_mismatch_is_named_as_such_in_the_interface_language(qtbot, corpus: Path, tmp_path: Path) -> None:
    from hashiye.gui import i18n
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    (corpus / "010_weekday.txt").write_text(WEEKDAY_WRONG, "utf-8")
    make_app([])
    for lang, words in (("fa", ("روز هفتهٔ", "نمی‌خواند", "هشدار")), ("en", ("weekday", "does not match", "warning"))):
        settings = QSettings(str(tmp_path / f"{lang}.ini"), QSettings.Format.IniFormat)
        settings.setValue("ui/language", lang)
        win = create_window(corpus, settings)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda w=win: bool(w.problems), timeout=5000)
        problem = next(p for p in win.problems if "010_weekday" in p)
        assert words[0] in problem and words[1] in problem, problem
        win.problems_button.click()
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert words[2] in box.text().lower(), box.text()
        assert "unreadable" not in box.text().lower() and "خوانده‌نشده" not in box.text(), box.text()
        box.close()
        win.close()
        i18n.set_language("fa")


def test_core_messages_in_both_languages() -> None:
    """The table that puts core's English messages in the interface language: a few real ones."""
    from hashiye.gui import i18n
    from hashiye.gui.core_messages import core_message

    strip = str.maketrans("", "", FSI + PDI)
    full = "Cannot save annotations to a.annotations.json in /tmp/x: the disk is full. The previous file is unchanged."
    try:
        said = core_message(full).translate(strip)
        assert said == ("برجسته‌سازی‌ها در a.annotations.json (در /tmp/x) ذخیره نشد: دیسک پر است. "
                        "پروندهٔ پیشین دست‌نخورده مانده است.")
        assert core_message("something core never said before") == f"{FSI}something core never said before{PDI}"
        i18n.set_language("en")
        assert core_message("weekday «شنبه» does not match 1399-11-29 (a چهارشنبه); date kept").translate(strip) \
            == "weekday «شنبه» does not match 1399-11-29 (a Wednesday); date kept"
        assert core_message(full).translate(strip) == full.replace("annotations to", "highlights to")
    finally:
        i18n.set_language("fa")
