"""Ctrl+E dialog: every format, scopes and filters, progress, failures, and the tag report table."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import xmlschema
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.exchange.exporting import EXPORTERS
from hashiye.core.annotations.store import AnnotationStore
from PySide6.QtCore import Qt
from waits import run_export

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "refi-qda" / "Project.xsd"
A1 = "001_efa6bf155fd70a28"
A2 = "002_4a4f9998171fccb3"


def annotate(folder: Path, article: str, n: int, **kw: object) -> str:
    art = load_article(folder / f"{article}.txt")
    text = art.parsed.lead or art.source_text
    start = art.source_text.index(text) + 10 * n
    ann = new_annotation(art.id, art.source_text, start, start + 8, **kw)  # type: ignore[arg-type]
    AnnotationStore(folder).save_change(art, upsert=[ann])
    return ann.id


def open_dialog(qtbot, window):
    qtbot.keyClick(window.list_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_dialog
    assert dialog.isVisible() and dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return dialog


def csv_ids(path: Path) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {r["annotation_id"] for r in csv.DictReader(fh)}


def test_every_format_is_offered_and_written(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    annotate(corpus, A1, 0, note="=1+1", tags=["الف"])
    dialog = open_dialog(qtbot, window)
    offered = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert set(offered) == set(EXPORTERS) >= {"jsonld", "csv", "md", "qdpx", "tag-report"}
    for fmt in offered:
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
        target = Path(dialog.path_edit.text()).with_name(f"out-{fmt}").with_suffix(Path(dialog.path_edit.text()).suffix)
        target = tmp_path / target.name
        dialog.path_edit.setText(str(target))
        assert run_export(qtbot, dialog), dialog.status.text()
        assert target.exists() and "نوشته شد" in dialog.status.text()
        assert dialog.progress.value() == dialog.progress.maximum() > 0
    qdpx = tmp_path / "out-qdpx.qdpx"
    with zipfile.ZipFile(qdpx) as z:
        xmlschema.XMLSchema(str(SCHEMA)).validate(z.read("project.qde"))
    with (tmp_path / "out-csv.csv").open(encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["note"] == "'=1+1"
    assert "> " in (tmp_path / "out-md.md").read_text("utf-8")


def test_scopes_current_article_and_filters(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    a = annotate(corpus, A1, 0, color="pink", tags=["الف"])
    b = annotate(corpus, A1, 1, color="blue")
    c = annotate(corpus, A2, 0, color="blue", tags=["ب"])
    window.show_article(A1)
    dialog = open_dialog(qtbot, window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    target = tmp_path / "scope.csv"
    dialog.path_edit.setText(str(target))
    assert not dialog.filters.isEnabled()
    assert run_export(qtbot, dialog) and csv_ids(target) == {a, b, c}
    dialog.set_scope("article")
    assert run_export(qtbot, dialog) and csv_ids(target) == {a, b}
    dialog.set_scope("filter")
    assert dialog.filters.isEnabled()
    dialog.color_box.setCurrentIndex(dialog.color_box.findData("blue"))
    assert run_export(qtbot, dialog) and csv_ids(target) == {b, c}
    dialog.tag_edit.setText("ب، الف")
    assert run_export(qtbot, dialog) and csv_ids(target) == {c}
    dialog.color_box.setCurrentIndex(0)
    dialog.from_edit.setText("1403-01-01")
    assert run_export(qtbot, dialog) and csv_ids(target) == {a}
    dialog.from_edit.setText("not a date")
    assert not run_export(qtbot, dialog) and "پالایه" in dialog.status.text()
    assert csv_ids(target) == {a}, "a bad filter writes nothing"


def test_unwritable_destination_is_reported(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    annotate(corpus, A1, 0)
    dialog = open_dialog(qtbot, window)
    for fmt in ("csv", "qdpx"):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
        target = tmp_path / "missing-folder" / f"out.{fmt}"
        dialog.path_edit.setText(str(target))
        assert not run_export(qtbot, dialog)
        assert "ممکن نشد" in dialog.status.text() and "چنین پوشه‌ای نیست" in dialog.status.text()
        assert not target.parent.exists()
    dialog.path_edit.setText(str(tmp_path))
    assert not run_export(qtbot, dialog) and "پوشه" in dialog.status.text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_tag_report_table_sorts(qtbot, window, corpus: Path) -> None:
    annotate(corpus, A1, 0, tags=["الف", "ب"])
    annotate(corpus, A1, 1, tags=["ب"])
    annotate(corpus, A2, 0, tags=["ب"])
    dialog = open_dialog(qtbot, window)
    assert dialog.report_button.text() == "گزارش برچسب‌ها"
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tag_report is not None, timeout=60000)
    report = dialog.tag_report
    assert report is not None and report.isVisible()
    assert report.layoutDirection() == Qt.LayoutDirection.RightToLeft
    report.dimension_box.setCurrentIndex(report.dimension_box.findData("tag"))
    proxy = report.proxy
    assert proxy.rowCount() == 2
    report.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    shown = [(proxy.index(r, 1).data(), proxy.index(r, 2).data()) for r in range(proxy.rowCount())]
    assert shown == [("الف", "۱"), ("ب", "۳")]
    report.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 1).data() == "ب"
    report.dimension_box.setCurrentIndex(report.dimension_box.findData("month"))
    months = {proxy.index(r, 1).data() for r in range(proxy.rowCount())}
    assert "اردیبهشت ۱۴۰۳" in months
    report.dimension_box.setCurrentIndex(0)
    assert proxy.rowCount() == report.model.rowCount() >= 5
    text = io.StringIO()
    text.write(",".join(report.model.horizontalHeaderItem(i).text() for i in range(4)))
    assert "برجسته‌سازی‌ها" in text.getvalue()


def test_current_article_comes_from_the_shared_context(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    a = annotate(corpus, A2, 0)
    annotate(corpus, A1, 0)
    window.show_article(A2)
    assert window.context.current_id == A2
    dialog = open_dialog(qtbot, window)
    assert dialog.current_id == A2 and dialog.scope_buttons["article"].isEnabled()
    dialog.set_scope("article")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(tmp_path / "one.csv"))
    assert run_export(qtbot, dialog) and csv_ids(tmp_path / "one.csv") == {a}


def test_export_starts_on_csv_then_on_the_format_last_used(qtbot, window, tmp_path: Path) -> None:
    annotate(window.corpus, A1, 0)
    dialog = open_dialog(qtbot, window)
    assert dialog.format_box.currentData() == "csv" and dialog.path_edit.text().endswith(".csv")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.path_edit.setText(str(tmp_path / "out.md"))
    assert run_export(qtbot, dialog), dialog.status.text()
    dialog.close()
    window.dialogs.export()  # Ctrl+E again
    again = window.export_dialog
    assert again.format_box.currentData() == "md" and again.path_edit.text().endswith(".md")
    again.close()
