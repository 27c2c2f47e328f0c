"""The UI in Persian (default) or English: every text has both, and the window follows the language in place."""

from __future__ import annotations

import ast
import importlib.util
import re
import string
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "gui"
TS = ROOT / "resources" / "translations" / "hashiye_en.ts"
PERSIAN_LETTER = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")
# Data rather than UI text: the Persian keyboard map, language names in themselves, tag separators.
DATA_NAMES = {"PERSIAN_KEY", "SOURCE_NAME", "_TAG_SPLIT"}
_spec = importlib.util.spec_from_file_location("hashiye_i18n_tool", ROOT / "tools" / "i18n.py")
assert _spec is not None and _spec.loader is not None
i18n_tool = importlib.util.module_from_spec(_spec)  # tools/i18n.py: the .ts reader and lrelease
_spec.loader.exec_module(i18n_tool)


def _english() -> dict[str, list[str]]:
    """The English .ts: source text -> translation forms (one, or the numerus forms)."""
    cat = i18n_tool.Catalog.read(TS)
    return {t: list(m["forms"]) for t, m in cat.messages.items()  # type: ignore[call-overload]
            if m["type"] != "vanished" and t != i18n_tool.LANGUAGE_NAME}


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
    english = _english()
    marked, _stray = _marked_and_stray()
    assert len(marked) > 150
    missing = [f"{f}: {t!r}" for t, f in marked.items() if not any(english.get(t, []))]
    assert missing == [], "run: python tools/i18n.py extract --from-dict gui/strings_en.py && python tools/i18n.py compile"
    for text, forms in english.items():
        assert all(forms), ("untranslated", text)
        for form in forms:
            assert _fields(form) == _fields(text), (text, form)
            assert not PERSIAN_LETTER.search(form.replace("فارسی", "")), form
        assert len(forms) == (2 if "{n}" in text else 1), ("plurals have both English forms", text)
    unused = sorted(set(english) - set(marked))
    assert unused == []


def test_compiled_translations_are_current(tmp_path: Path) -> None:
    """The .qm shipped is what lrelease makes of the .ts today (run `python tools/i18n.py compile`)."""
    ts_files = sorted(TS.parent.glob("hashiye_*.ts"))
    assert ts_files
    for ts in ts_files:
        assert i18n_tool.stale(ts, ts.with_suffix(".qm")) == [], ts.name
        fresh = tmp_path / ts.with_suffix(".qm").name
        i18n_tool.compile_ts(ts, fresh)
        assert i18n_tool.stale(ts, fresh) == []  # the checker itself sees what a fresh build holds


def test_stale_translation_file_is_caught(tmp_path: Path) -> None:
    """A .ts changed after its .qm was built is reported (so the staleness test can fail)."""
    ts = tmp_path / "hashiye_en.ts"
    cat = i18n_tool.Catalog.read(TS)
    cat.add("بعدی", ["Onward"], True)
    cat.write(ts)
    assert "بعدی" in i18n_tool.stale(ts, TS.with_suffix(".qm"))


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


def test_one_word_for_highlight_and_one_for_note() -> None:
    """«برجسته‌سازی» is a highlight (with its note and tags) and «یادداشت» only ever the note, in both
    languages: no text calls the same item by two names (issue 15, point 10)."""
    for persian, forms in _english().items():
        words = " ".join(forms).lower()
        assert ("یادداشت" in persian) == ("note" in words), (persian, forms)
        assert ("برجسته‌سازی" in persian) == ("highlight" in words), (persian, forms)
        assert "annotation" not in words, (persian, forms)


def test_new_texts_and_an_old_style_table_reach_the_translation_file(tmp_path: Path, monkeypatch) -> None:
    """`tools/i18n.py extract --from-dict`: a text another engineer added to the code with its English in
    an `EN` table arrives translated (plural forms included); a text without English arrives
    untranslated; a text gone from the code is marked vanished; the compiled file translates."""
    from PySide6.QtCore import QTranslator

    gui, translations = tmp_path / "gui", tmp_path / "translations"
    gui.mkdir()
    translations.mkdir()
    (gui / "pane.py").write_text('tr("سلام")\ntr("{n} سیب", n=2)\nN_("خداحافظ")\n', encoding="utf-8")
    (tmp_path / "strings.py").write_text(
        'EN = {"سلام": "Hello", "{n} سیب": ("{n} apple", "{n} apples")}\n', encoding="utf-8")
    old = i18n_tool.Catalog("en")
    old.add(i18n_tool.LANGUAGE_NAME, ["English"], True)
    old.add("رفته", ["Gone"], True)
    old.write(translations / "hashiye_en.ts")
    monkeypatch.setattr(i18n_tool, "GUI", gui)
    monkeypatch.setattr(i18n_tool, "TRANSLATIONS", translations)
    monkeypatch.setattr(i18n_tool, "ROOT", tmp_path)
    assert i18n_tool.main(["extract", "--from-dict", str(tmp_path / "strings.py")]) == 0
    cat = i18n_tool.Catalog.read(translations / "hashiye_en.ts")
    assert cat.messages["سلام"]["forms"] == ["Hello"] and cat.messages["سلام"]["type"] == ""
    assert cat.messages["{n} سیب"]["numerus"] and cat.messages["{n} سیب"]["forms"] == ["{n} apple", "{n} apples"]
    assert cat.messages["خداحافظ"]["type"] == "unfinished"
    assert cat.messages["رفته"]["type"] == "vanished"
    assert i18n_tool.main(["compile"]) == 0
    translator = QTranslator()
    assert translator.load(str(translations / "hashiye_en.qm"))
    assert translator.translate("hashiye", "{n} سیب", None, 1) == "{n} apple"
    assert translator.translate("hashiye", "{n} سیب", None, 7) == "{n} apples"
    assert translator.translate("hashiye", "خداحافظ") == ""  # untranslated: the Persian text is shown
    assert i18n_tool.main(["new", "de"]) == 0
    german = i18n_tool.Catalog.read(translations / "hashiye_de.ts")
    assert german.language == "de" and set(german.messages) == {i18n_tool.LANGUAGE_NAME, "سلام", "{n} سیب", "خداحافظ"}
    assert all(m["type"] == "unfinished" and not any(m["forms"]) for m in german.messages.values())
