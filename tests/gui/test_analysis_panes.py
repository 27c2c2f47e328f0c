"""The analysis panes of the window (issue 16): agreement between two coders, keyword in context in the
search pane, charts of the codes with their exports."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hashiye.core.text.normalize import match_key
from keys import type_text
from PySide6.QtCore import Qt

A = "003_edc48c3769eb6a48"
B = "002_4a4f9998171fccb3"
CODE = "امداد"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _source(corpus: Path, article_id: str) -> str:
    from hashiye.core.text.textio import read_text

    return read_text(corpus / f"{article_id}.txt").text


def _code(corpus: Path, article_id: str, coder: str, sentences: list[int], tags: list[str]) -> None:
    """Highlight whole sentences of an article as `coder` would, with `tags`."""
    from hashiye.core.annotations.model import new_annotation
    from hashiye.core.corpus.article import load_article
    from hashiye.core.annotations.coders import with_coder
    from hashiye.core.text.sentences import sentence_spans
    from hashiye.core.annotations.store import AnnotationStore

    art = load_article(corpus / f"{article_id}.txt")
    spans = sentence_spans(art.source_text)
    store = AnnotationStore(corpus)
    store.load(art)
    store.save_change(art, upsert=[with_coder(new_annotation(art.id, art.source_text, *spans[i], tags=tags), coder)
                                   for i in sentences])


M = 10  # A's sentences from here on are the article's body (its first lines are the page's furniture)


@pytest.fixture
def coded(corpus: Path) -> Path:
    """Two coders on two articles: مریم codes sentences M+1, M+2, M+4 of A, Reza M+2 and M+3; both code B's first."""
    _code(corpus, A, "مریم", [M + 1, M + 2, M + 4], [CODE])
    _code(corpus, A, "Reza", [M + 2, M + 3], [CODE, "نهادها"])
    _code(corpus, B, "مریم", [0], [CODE])
    _code(corpus, B, "Reza", [0], [CODE])
    return corpus


def _sentences(corpus: Path, article_id: str) -> list[tuple[int, int]]:
    from hashiye.core.text.sentences import sentence_spans

    return sentence_spans(_source(corpus, article_id))


def _letters(text: str) -> str:
    """Text in matching form without spaces: the reader's display may write «میتواند» as «می‌تواند»."""
    return match_key(text).replace(" ", "")


def _shown(window) -> str:
    """The text marked in the reader (once the article is laid out)."""
    from pytestqt.qtbot import QtBot

    QtBot(window).waitUntil(lambda: bool(window.reader._hits), timeout=10000)
    [(start, end)] = window.reader._hits
    return " ".join(window.reader.display.text[start:end].split())


def test_agreement_pane_counts_two_coders_and_opens_a_disagreement(qtbot, coded, window) -> None:
    from hashiye.gui.i18n import number

    units = len(_sentences(coded, A)) + len(_sentences(coded, B))
    qtbot.keyClick(window.list_view, Qt.Key.Key_K, CTRL_SHIFT)
    pane = window.analysis.agreement
    assert pane is not None and pane.isVisible()
    qtbot.waitUntil(lambda: pane.result is not None, timeout=20000)  # two coders found: figures without asking
    assert pane.chosen_coders() == ["Reza", "مریم"]
    table = pane.table.model()
    heads = [table.headerData(c, Qt.Orientation.Horizontal).replace("\u2068", "").replace("\u2069", "")
             for c in range(table.columnCount())]
    assert "فقط Reza" in heads[2] and "فقط مریم" in heads[3]
    rows = {table.index(r, 0).data(): [table.index(r, c).data() for c in range(1, 7)]
            for r in range(table.rowCount())}
    # Hand count: both coded A's sentence M+2 and B's 0; Reza alone A's M+3; مریم alone A's M+1 and M+4.
    both, a_only, b_only = 2, 1, 2
    neither = units - both - a_only - b_only
    po = (both + neither) / units
    pa, pb = (both + a_only) / units, (both + b_only) / units
    pe = pa * pb + (1 - pa) * (1 - pb)
    kappa = (po - pe) / (1 - pe)
    assert rows[CODE][:4] == [number(both), number(a_only), number(b_only), number(neither)]
    assert rows[CODE][5] == number(round(kappa, 3))
    assert rows[CODE][4] == f"{number(round(100 * po, 1))}٪"
    # نهادها: only Reza used it (A's M+2 and M+3): no agreement beyond chance, kappa 0.
    assert rows["نهادها"][:4] == [number(0), number(2), number(0), number(units - 2)]
    assert "(همهٔ کدها)" in rows

    # The disagreements side by side: the unit's text, what each coder coded there.
    spans = _sentences(coded, A)
    text = _source(coded, A)
    model = pane.model
    by_start = {(r.article, r.start): r for r in model.rows}
    assert {(a, s) for a, s in by_start if a == A} >= {(A, spans[M + i][0]) for i in (1, 3, 4)}
    unit = spans[M + 3]
    row = model.rows.index(by_start[(A, unit[0])])
    assert model.index(row, 0).data() == " ".join(text[unit[0]:unit[1]].split())
    assert CODE in model.index(row, 1).data() and model.index(row, 2).data() == "—"

    pane.disagreements.setFocus()
    pane.disagreements.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(pane.disagreements, Qt.Key.Key_Return)
    assert window.current_id == A
    assert _letters(_shown(window)) == _letters(text[unit[0]:unit[1]]), "the unit is marked in the reader"
    assert window.reader.hasFocus()


def test_agreement_pane_follows_the_unit_and_the_code_chosen(qtbot, coded, window) -> None:
    from hashiye.gui.i18n import number

    window.actions_by_id["agreement"].trigger()
    pane = window.analysis.agreement
    qtbot.waitUntil(lambda: pane.result is not None, timeout=20000)
    with qtbot.waitSignal(pane.computed, timeout=20000):
        pane.unit.setCurrentIndex(pane.unit.findData("article"))
    table = pane.table.model()
    # Articles: both coders coded A and B with امداد, so every article agrees.
    row = next(r for r in range(table.rowCount()) if table.index(r, 0).data() == CODE)
    assert [table.index(row, c).data() for c in range(1, 5)] == [number(2), number(0), number(0), number(0)]
    with qtbot.waitSignal(pane.computed, timeout=20000):
        pane.code.setCurrentIndex(pane.code.findData("نهادها"))
    assert {pane.table.model().index(r, 0).data() for r in range(pane.table.model().rowCount())} == \
        {"نهادها", "(همهٔ کدها)"}


def test_agreement_pane_keeps_to_the_list_filters_and_says_where_a_hidden_unit_is(qtbot, coded, window) -> None:
    from hashiye.gui.i18n import number

    _code(coded, A, "Reza", [0], ["تاریخ"])  # A's first line is the page's date: the clean view hides it
    window.actions_by_id["agreement"].trigger()
    pane = window.analysis.agreement
    qtbot.waitUntil(lambda: pane.result is not None and "تاریخ" in pane.result.codes, timeout=20000)
    filters = window.pane.filters
    with qtbot.waitSignal(pane.computed, timeout=20000):
        filters.source.setCurrentIndex(filters.source.findData("خبرگزاری بسیج"))  # B's source only
    assert pane.result.units == len(_sentences(coded, B))
    table = pane.table.model()
    row = next(r for r in range(table.rowCount()) if table.index(r, 0).data() == CODE)
    assert table.index(row, 1).data() == number(1) and table.index(row, 3).data() == number(0)
    assert pane.model.rows == [], "B's one unit was coded by both"

    with qtbot.waitSignal(pane.computed, timeout=20000):
        filters.source.setCurrentIndex(0)
    hidden = next(r for r in pane.model.rows if r.article == A and r.start == _sentences(coded, A)[0][0])
    pane.disagreements.setCurrentIndex(pane.model.index(pane.model.rows.index(hidden), 0))
    qtbot.keyClick(pane.disagreements, Qt.Key.Key_Return)
    assert window.current_id == A and window.reader._hits == []
    assert "Ctrl+Shift+H" in window.statusBar().currentMessage(), "the window says how to see the hidden unit"
    window.actions_by_id["toggle_hidden"].trigger()
    assert _letters(_shown(window)) == _letters(_source(coded, A)[slice(*_sentences(coded, A)[0])]), "…and it is"


def test_kwic_rows_are_the_file_text_sort_by_the_next_word_and_open(qtbot, window, corpus) -> None:
    from hashiye.core.search.kwic import sort_key
    from hashiye.gui.kwic_view import AFTER, BEFORE, HIT

    qtbot.keyClick(window.list_view, Qt.Key.Key_F, CTRL_SHIFT)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=10000)
    panel.kwic_mode.setChecked(True)
    type_text(panel.query, "بهزیستی")
    kwic = panel.kwic
    qtbot.waitUntil(lambda: kwic.model.rowCount() >= 3, timeout=10000)
    lines = kwic.model.lines
    for line in lines:
        text = _source(corpus, line.article)
        assert kwic.model.index(lines.index(line), HIT).data() == text[line.start:line.end] == line.hit
        assert line.left == text[max(0, line.start - 40):line.start].replace("\n", " ")
    # Right to left: the text before the hit stands at its right, the text after at its left.
    table = kwic.table
    before = table.visualRect(kwic.model.index(0, BEFORE)).center().x()
    hit = table.visualRect(kwic.model.index(0, HIT)).center().x()
    after = table.visualRect(kwic.model.index(0, AFTER)).center().x()
    assert before > hit > after

    table.sortByColumn(AFTER, Qt.SortOrder.AscendingOrder)  # a click on the header
    keys = [sort_key(k, "right") for k in kwic.model.lines]
    assert keys == sorted(keys)
    assert kwic.model.index(0, AFTER).data() == kwic.model.lines[0].right
    assert kwic.order.currentData() == AFTER, "the order chooser says what the rows are sorted by"
    kwic.order.setCurrentIndex(kwic.order.findData(BEFORE))
    keys = [sort_key(k, "left") for k in kwic.model.lines]
    assert keys == sorted(keys)

    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert table.hasFocus()
    row = max(range(len(kwic.model.lines)), key=lambda r: kwic.model.lines[r].start)  # in the body, not furniture
    table.setCurrentIndex(kwic.model.index(row, HIT))
    chosen = kwic.model.lines[row]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.current_id == chosen.article
    assert _letters(_shown(window)) == _letters(chosen.hit), "the hit is marked (shown with Persian letters)"


def _report_cli(corpus: Path, by: str) -> bytes:
    out = subprocess.run([sys.executable, "-m", "hashiye.core.cli.main", "report", "--by", by, "--corpus", str(corpus)],
                         capture_output=True, check=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    return out.stdout


def _export(qtbot, pane, target: Path, fmt: str) -> bool:
    with qtbot.waitSignal(pane.exported, timeout=20000) as blocker:
        pane.export_to(target, fmt)
    return bool(blocker.args[0])


def test_chart_pane_exports_what_the_command_line_reports(qtbot, coded, window, tmp_path) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    qtbot.keyClick(window.list_view, Qt.Key.Key_R, CTRL_SHIFT)
    pane = window.analysis.charts
    assert pane is not None and pane.isVisible()
    qtbot.waitUntil(lambda: pane.chart is not None, timeout=20000)
    assert pane.view.width() > 100 and pane.view.height() > 100, "a chart is drawn in the pane"
    assert pane.kind.currentData() == "month", "the first chart: codes by Jalali month"
    for by in ("month", "source", "cooccurrence"):
        if pane.kind.currentData() != by:
            with qtbot.waitSignal(pane.shown, timeout=20000):
                pane.kind.setCurrentIndex(pane.kind.findData(by))
        target = tmp_path / f"{by}.csv"
        assert _export(qtbot, pane, target, "csv")
        assert target.read_bytes() == _report_cli(coded, by)

    with qtbot.waitSignal(pane.shown, timeout=20000):
        pane.kind.setCurrentIndex(pane.kind.findData("month"))
    svg = tmp_path / "month.svg"
    assert _export(qtbot, pane, svg, "svg")
    root = ET.parse(svg).getroot()
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {CODE, "نهادها"} <= texts, "the legend names the codes"
    assert any(t and t.startswith(("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
                                   "آذر", "دی", "بهمن", "اسفند")) for t in texts), "months are Jalali"
    counts = [t for t in texts if t and t.strip("۰۱۲۳۴۵۶۷۸۹0123456789") == ""]
    assert counts and all(t.strip("۰۱۲۳۴۵۶۷۸۹") == "" for t in counts), "the bars' counts in Persian digits"
    assert QSvgRenderer(str(svg)).isValid()
    png = tmp_path / "month.png"
    assert _export(qtbot, pane, png, "png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 2 * QSvgRenderer(str(svg)).defaultSize().width()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert "#4c6ef5" in colours, "the bars are drawn in the PNG, not a blank page"


def test_chart_export_never_writes_over_the_folders_annotations(qtbot, coded, window) -> None:
    window.actions_by_id["charts"].trigger()
    pane = window.analysis.charts
    qtbot.waitUntil(lambda: pane.chart is not None, timeout=20000)
    sidecar = coded / f"{A}.annotations.json"
    before = sidecar.read_bytes()
    assert not _export(qtbot, pane, sidecar, "csv")
    assert sidecar.read_bytes() == before
    assert "چیزی نوشته نشد" in pane.status.text()
    assert not _export(qtbot, pane, coded / f"{A}.txt", "svg")
    assert "Hashiye never changes an article file" in pane.status.text()
    missing = coded.parent / "no such folder" / "month.csv"
    assert not _export(qtbot, pane, missing, "csv")
    assert "چیزی نوشته نشد" in pane.status.text() and "month.csv" in pane.status.text()
    assert not missing.parent.exists()


def test_agreement_pane_with_three_coders_shows_the_command_lines_alpha(qtbot, coded, window) -> None:
    import json

    from hashiye.gui.i18n import number

    _code(coded, A, "Sara", [M + 2, M + 4], [CODE])
    window.actions_by_id["agreement"].trigger()
    pane = window.analysis.agreement
    qtbot.waitUntil(lambda: pane.coders.count() == 3, timeout=20000)
    pane.set_coders(["Reza", "Sara", "مریم"])
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.coders == ["Reza", "Sara", "مریم"], timeout=20000)
    out = subprocess.run([sys.executable, "-m", "hashiye.core.cli.main", "agreement", "--coders", "Reza", "Sara", "مریم",
                          "--corpus", str(coded), "--json"], capture_output=True, check=True, timeout=60,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    expected = json.loads(out.stdout)["codes"][CODE]
    table = pane.table.model()
    heads = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    assert heads[-1] == "آلفای کریپندورف"
    row = next(r for r in range(table.rowCount()) if table.index(r, 0).data() == CODE)
    assert table.index(row, 1).data() == number(expected["all"])
    assert table.index(row, table.columnCount() - 1).data() == number(round(expected["alpha"], 3))
    assert pane.model.columnCount() == 5, "the disagreements show one column of codes per coder"
