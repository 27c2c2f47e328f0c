"""Light, sepia and dark themes: highlights stay visible on every page, and the choice is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage


def test_highlights_are_light_fills_with_text_at_7_to_1_told_apart_by_a_mark_at_3_to_1() -> None:
    """DESIGN §11: text over every fill (plain and chosen) 7:1; the fill a light tint of the page; the
    colour-coded underline and margin mark 3:1 against the page; the five marks differ from each other."""
    from hashiye.core.annotations.model import COLORS
    from hashiye.gui import themes
    from hashiye.gui.highlights import chosen_fill
    from hashiye.gui.themes import THEMES, contrast

    assert set(THEMES) == {"light", "sepia", "dark"}
    try:
        for theme in THEMES.values():
            themes.set_current(theme.id)
            assert contrast(theme.text, theme.page) >= 7, theme.id
            assert set(theme.highlights) == set(COLORS) == set(theme.marks)
            for name, fill in theme.highlights.items():
                chosen = chosen_fill(QColor(fill)).name()  # the highlight chosen with ] [
                for back in (fill, chosen):
                    assert contrast(theme.on_highlight, back) >= 7, (theme.id, name, back)
                assert contrast(fill, theme.page) < 1.6, (theme.id, name)  # a tint, not a block of colour
                assert contrast(theme.marks[name], theme.page) >= 3, (theme.id, name)
                assert contrast(theme.text, theme.page) >= 7  # the underline style: the page's own text
            assert len(set(theme.marks.values())) == len(COLORS)
            for hit in (theme.hit, theme.hit_current):  # a find hit, inside a highlight or not
                assert contrast(theme.text, hit) >= 7, (theme.id, hit)
    finally:
        themes.set_current("light")


def test_contrast_is_the_wcag_ratio() -> None:
    from hashiye.gui.themes import contrast

    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _pixels(image: QImage, color: str) -> int:
    want = QColor(color).rgb()
    step = 2
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
               if image.pixel(x, y) == want)


def _highlighted(image: QImage, fill: str) -> int:
    """Pixels of a highlight's fill, plain or as the chosen highlight (in the current theme)."""
    from hashiye.gui.highlights import chosen_fill

    return _pixels(image, fill) + _pixels(image, chosen_fill(QColor(fill)).name())


def _grab(window) -> QImage:
    return window.reader.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.fixture
def light_again():
    yield
    from hashiye.gui import themes
    from PySide6.QtWidgets import QApplication

    themes.apply_theme(QApplication.instance(), "light")


def test_theme_switch_repaints_page_and_highlights_and_is_remembered(qtbot, window, corpus: Path, tmp_path: Path,
                                                                     light_again) -> None:
    from hashiye.gui.app import create_window
    from hashiye.gui.themes import THEMES

    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)  # a yellow highlight on the focused sentence
    light, dark = THEMES["light"], THEMES["dark"]
    image = _grab(window)
    assert _highlighted(image, light.highlights["yellow"]) > 200
    assert _pixels(image, light.page) > 2000
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reader, Qt.Key.Key_T, ctrl_shift)  # sepia
    qtbot.keyClick(window.reader, Qt.Key.Key_T, ctrl_shift)  # dark
    assert window.theme_actions["dark"].isChecked()
    image = _grab(window)
    assert _pixels(image, dark.page) > 2000
    assert _highlighted(image, dark.highlights["yellow"]) > 200
    assert _highlighted(image, light.highlights["yellow"]) == 0
    article_list = window.list_view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert _pixels(article_list, dark.surface) > 1000
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = create_window(corpus, settings)
    qtbot.addWidget(again)
    again.show()
    assert again.theme_actions["dark"].isChecked()
    assert _pixels(_grab(again), dark.page) > 2000


@pytest.mark.parametrize("theme_id", ["light", "sepia", "dark"])
def test_the_focused_sentence_has_a_bar_in_the_accent_colour_that_follows_it(qtbot, window, theme_id,
                                                                              light_again) -> None:
    from hashiye.gui.themes import THEMES, contrast

    theme = THEMES[theme_id]
    assert contrast(theme.accent, theme.page) >= 3
    window.choose_theme(theme_id)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)  # the bar must show on a highlight too
    first = window.reader.focus_bar()
    image = _grab(window)
    column = [image.pixel(first.center().x(), y) for y in range(first.top(), first.bottom())]
    assert column.count(QColor(theme.accent).rgb()) >= 0.9 * len(column)
    scrolled = window.reader.verticalScrollBar().value()
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    second = window.reader.focus_bar()
    moved = window.reader.verticalScrollBar().value() - scrolled  # the page may scroll to the next sentence
    assert second.top() + moved > first.bottom() - 2
    image = _grab(window)
    old = [image.pixel(first.center().x(), y)
           for y in range(max(0, first.top() - moved) + 2, min(first.bottom() - moved, second.top()) - 2)]
    assert QColor(theme.accent).rgb() not in old


def test_theme_switch_keeps_text_size_and_the_place(qtbot, window, light_again) -> None:
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    for _ in range(2):
        qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    for _ in range(6):
        qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    size = window.reader.document().defaultFont().pointSizeF()
    top, focus, bar = window.reader.top_position(), window.reader.focus_range, window.reader.verticalScrollBar().value()
    assert bar > 0
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(20)
    assert window.theme_actions["sepia"].isChecked()
    assert window.reader.zoom_steps() == 2
    assert window.reader.document().defaultFont().pointSizeF() == size
    assert window.reader.focus_range == focus
    assert window.reader.verticalScrollBar().value() == bar and window.reader.top_position() == top


def test_colour_names_in_the_annotation_browser_are_readable_on_their_swatch(qtbot, window, light_again) -> None:
    from hashiye.gui.annotation_browser import AnnotationTable
    from hashiye.gui.themes import contrast

    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    qtbot.keyClick(window.reader, Qt.Key.Key_4)
    for theme_id in ("light", "sepia", "dark"):
        window.choose_theme(theme_id)
        model = AnnotationTable()
        art = window.session.article(window.current_id)
        model.set_rows([(art, a) for a in window.session.state(window.current_id).anchored])
        cell = model.index(0, 0)
        back = model.data(cell, Qt.ItemDataRole.BackgroundRole).name()
        fore = model.data(cell, Qt.ItemDataRole.ForegroundRole).name()
        assert contrast(fore, back) >= 4.5, theme_id


def _region(image: QImage, color: str) -> tuple[int, int, int, int] | None:
    """Bounding box (x0, y0, x1, y1) of the pixels of exactly this colour."""
    want = QColor(color).rgb()
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) == want:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _best_contrast(image: QImage, box: tuple[int, int, int, int], back: str) -> float:
    """The strongest contrast of any pixel in the box against the background colour (the glyphs' cores)."""
    from hashiye.gui.themes import contrast

    x0, y0, x1, y1 = box
    return max(contrast(QColor(image.pixel(x, y)).name(), back) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1))


@pytest.mark.parametrize("theme_id", ["light", "sepia", "dark"])
def test_highlight_in_real_pixels_light_fill_readable_text_coloured_marks_and_the_underline_style(
        qtbot, window, theme_id, tmp_path: Path, light_again) -> None:
    from hashiye.gui.themes import THEMES

    theme = THEMES[theme_id]
    window.choose_theme(theme_id)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    qtbot.keyClick(window.reader, Qt.Key.Key_3)  # blue, on the focused sentence
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)  # move on: the highlight is no longer the chosen one
    image = _grab(window)
    fill, mark = theme.highlights["blue"], theme.marks["blue"]
    box = _region(image, fill)
    assert box is not None and _pixels(image, fill) > 200
    assert _best_contrast(image, box, fill) >= 7  # the text over the fill, as painted
    [(rect, color)] = window.reader.margin_marks()
    assert color.name() == mark
    column = [image.pixel(rect.center().x(), y) for y in range(max(0, rect.top()), min(image.height(), rect.bottom()))]
    assert len(column) > 10 and column.count(QColor(mark).rgb()) >= 0.9 * len(column)  # the margin mark, in the colour's mark colour
    assert _pixels(image, mark) > len(column) // 2 + 20  # and the underline under the text
    # View menu: underline only — no fill, the underline and the margin mark stay; remembered.
    window.menus.style_actions["underline"].trigger()
    image = _grab(window)
    assert _pixels(image, fill) == 0
    assert _pixels(image, mark) > len(column) // 2 + 20
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value(
        "reader/highlight_style") == "underline"


@pytest.mark.parametrize("theme_id", ["light", "sepia", "dark"])
def test_a_find_hit_inside_a_highlight_stays_readable(qtbot, window, theme_id, light_again) -> None:
    from keys import type_text

    from hashiye.gui.themes import THEMES

    theme = THEMES[theme_id]
    window.choose_theme(theme_id)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    s, e = window.reader.focus_span()
    word = max(window.session.article(window.current_id).source_text[s:e].split(), key=len)
    qtbot.keyClick(window.reader, Qt.Key.Key_Slash)
    type_text(window.find_bar.edit, word)
    assert window.find_bar.hits
    image = _grab(window)
    box = _region(image, theme.hit_current)
    assert box is not None
    assert _best_contrast(image, box, theme.hit_current) >= 7


def test_the_highlight_style_is_remembered_and_a_bad_value_gives_the_fill(qtbot, corpus: Path, tmp_path: Path) -> None:
    from hashiye.gui.app import create_window, make_app

    make_app([])
    settings = QSettings(str(tmp_path / "style.ini"), QSettings.Format.IniFormat)
    settings.setValue("reader/highlight_style", "underline")
    win = create_window(corpus, settings)
    qtbot.addWidget(win)
    assert win.reader.highlight_style == "underline" and win.menus.style_actions["underline"].isChecked()
    win.close()
    settings.setValue("reader/highlight_style", "<garbage>")
    again = create_window(corpus, settings)
    qtbot.addWidget(again)
    assert again.reader.highlight_style == "fill" and again.menus.style_actions["fill"].isChecked()
    again.close()
