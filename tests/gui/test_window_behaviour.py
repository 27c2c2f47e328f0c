"""The window as a user sees it: list filter and sort, orphans, files changed on disk, failures, start-up."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hashiye.core.annotations.model import new_annotation, to_w3c
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from waits import run_export

RecordRole = Qt.ItemDataRole.UserRole + 1


def shown_ids(window) -> list[str]:
    return [window.proxy.index(r, 0).data(RecordRole).id for r in range(window.proxy.rowCount())]


def test_filter_matches_persian_letter_variants(qtbot, window) -> None:
    # The 004 title is stored with Arabic ي/ك; typing Persian or Arabic letters finds it.
    qtbot.keyClicks(window.filter_edit, "")
    window.filter_edit.setText("مشارکتهای مردمی")
    assert shown_ids(window) == ["004_45c60646b459ad0d"]
    window.filter_edit.setText("مشاركتهاي")
    assert shown_ids(window) == ["004_45c60646b459ad0d"]
    window.filter_edit.setText("")
    assert len(shown_ids(window)) == 5


def test_sort_by_title_and_source(window) -> None:
    window.sort_box.setCurrentIndex(window.sort_box.findData("source"))
    sources = [window.proxy.index(r, 0).data(RecordRole).source for r in range(5)]
    assert sources == ["اصفهان شرق", "پایگاه اطلاع رسانی بسیج سازندگی", "پایگاه خبری عصرتوس", "جهانی پرس", "خبرگزاری بسیج"]
    window.sort_box.setCurrentIndex(window.sort_box.findData("date"))
    assert shown_ids(window)[0] == "001_efa6bf155fd70a28"


def test_orphans_are_listed_as_could_not_be_placed(qtbot, window, corpus: Path) -> None:
    article_id = window.current_id
    art = load_article(corpus / f"{article_id}.txt")
    gone = new_annotation(art.id, art.source_text, 100, 140, note="یادداشتی که نباید گم شود")
    gone.exact = "جمله‌ای که دیگر در متن نیست و هرگز نبود"
    gone.start, gone.end = -1, -1
    AnnotationStore(corpus).save_change(art, upsert=[gone])
    window.session.reload(article_id)
    model = window.panel.model
    assert model.rowCount() == 1
    assert model.rows[0].status == "orphan"
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "پیدا نشد" in tip and "یادداشتی که نباید گم شود" in tip
    assert "جاگم‌شده" in window.panel.header.text()


def test_sidecar_changed_by_another_program_is_picked_up(qtbot, window, corpus: Path) -> None:
    article_id = window.current_id
    art = load_article(corpus / f"{article_id}.txt")
    ann = new_annotation(art.id, art.source_text, 200, 260, color="purple")
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
           "id": "urn:x:1", "first": {"type": "AnnotationPage", "id": "urn:x:2", "items": [to_w3c(ann)]}}
    (corpus / f"{article_id}.annotations.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 1, timeout=5000)
    assert window.panel.model.rows[0].annotation.color == "purple"


def test_corrupt_sidecar_is_shown_as_a_warning_and_kept(qtbot, window, corpus: Path) -> None:
    article_id = window.current_id
    path = corpus / f"{article_id}.annotations.json"
    path.write_text("{ broken", "utf-8")
    qtbot.waitUntil(lambda: window.header.warning.isVisible(), timeout=5000)
    assert "not valid JSON" in window.header.warning.text()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert list(corpus.glob(f"{article_id}.annotations.corrupt-*.json")), "kept aside, not deleted"


def test_failed_save_says_why_in_the_window(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*_a, **_k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    QApplication.processEvents()
    assert "فقط‌خواندنی" in window.last_error  # the reason, in the interface language
    assert window.undo_stack.count() == 0, "a change that was not saved cannot be undone"
    assert window.panel.model.rowCount() == 0


def test_startup_check_paints_the_first_article(tmp_path: Path, corpus: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HASHIYE_CACHE_DIR=str(tmp_path / "c"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    out = subprocess.run([sys.executable, "-m", "hashiye.gui.app", str(corpus), "--startup-check"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "first paint" in out.stderr and "article 001_efa6bf155fd70a28" in out.stderr
    assert "hazm loaded: False" in out.stderr


def test_export_dialog_writes_w3c_and_reports_failures(qtbot, window, tmp_path: Path) -> None:
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    qtbot.keyClick(window.list_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.export_dialog
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("jsonld"))
    target = tmp_path / "out.json"
    dialog.path_edit.setText(str(target))
    assert run_export(qtbot, dialog)
    doc = json.loads(target.read_text("utf-8"))
    assert doc["total"] == 1 and doc["first"]["items"][0]["type"] == "Annotation"
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "out.json"))
    assert not run_export(qtbot, dialog)
    assert "ممکن نشد" in dialog.status.text()


def test_list_filters_by_source_date_tag_and_annotations(qtbot, window, corpus: Path) -> None:
    f = window.filters
    window.filters_button.click()
    assert f.isVisible()
    f.source.setCurrentIndex(f.source.findData("اصفهان شرق"))
    assert shown_ids(window) == ["004_45c60646b459ad0d"]
    f.source.setCurrentIndex(0)
    f.date_from.setText("۱۳۹۹/۱/۱")
    f.date_to.setText("1399-12-29")
    f.emit_filter()
    assert sorted(shown_ids(window)) == ["000_e6d5671372e51005", "003_edc48c3769eb6a48"]
    f.date_from.setText("1399-13-40")
    f.emit_filter()
    assert f.error.isVisible(), "a bad date is reported"
    assert "001_efa6bf155fd70a28" not in shown_ids(window) and len(shown_ids(window)) == 4, "the good one still applies"
    f.date_from.clear()
    f.date_to.clear()
    f.emit_filter()
    art = load_article(corpus / "002_4a4f9998171fccb3.txt")
    ann = new_annotation(art.id, art.source_text, 100, 120, tags=["قزوین"])
    window.session.apply(art.id, upsert=[ann])
    f.annotated.setChecked(True)
    assert shown_ids(window) == ["002_4a4f9998171fccb3"]
    f.annotated.setChecked(False)
    f.tag.setCurrentIndex(f.tag.findData("قزوین"))
    assert shown_ids(window) == ["002_4a4f9998171fccb3"]



def test_tags_written_before_the_folder_opened_fill_the_tag_filter(qtbot, window, corpus: Path) -> None:
    other = corpus.parent / "other"
    other.mkdir()
    for f in corpus.glob("*.txt"):
        (other / f.name).write_bytes(f.read_bytes())
    art = load_article(other / "003_edc48c3769eb6a48.txt")
    AnnotationStore(other).save_change(art, upsert=[new_annotation(art.id, art.source_text, 50, 70, tags=["یزد"])])
    window.open_corpus(other)  # every sidecar is read off the UI thread for the tag list
    f = window.filters
    qtbot.waitUntil(lambda: f.tag.findData("یزد") >= 0, timeout=10000)
    f.tag.setCurrentIndex(f.tag.findData("یزد"))
    assert shown_ids(window) == ["003_edc48c3769eb6a48"]

def test_skipped_files_are_counted_in_persian_with_details(qtbot, window, corpus: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    window.open_corpus(corpus)  # the folder shown: listed again on the runner
    qtbot.waitUntil(window.problems_button.isVisible, timeout=20000)
    assert "۱ پرونده خوانده نشد" in window.problems_button.text()
    assert any("broken.txt" in p and "binary" in p for p in window.problems)
    assert len(shown_ids(window)) == 5, "the other articles are listed"



def test_sorting_by_title_follows_the_persian_alphabet() -> None:
    from hashiye.core.corpus.records import ArticleRecord
    from hashiye.gui.article_list import ArticleListModel

    titles = ["گزارش", "کتاب", "پدر", "بازار", "چای", "جنگ", "ژاله", "زمین", "آب", "يارانه"]
    model = ArticleListModel()
    model.set_records([ArticleRecord(id=str(i), file=f"{i}.txt", title=t) for i, t in enumerate(titles)])
    model.sort_by("title")
    assert [model.record(r).title for r in range(model.rowCount())] == [
        "آب", "بازار", "پدر", "جنگ", "چای", "زمین", "ژاله", "کتاب", "گزارش", "يارانه"]


def test_a_large_new_folder_is_listed_in_the_background(qtbot, window, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type(window.context), "BACKGROUND_LISTING", 2)
    other = corpus.parent / "other"
    other.mkdir()
    for f in corpus.glob("*.txt"):
        (other / f.name).write_bytes(f.read_bytes())
    window.open_corpus(other)
    assert window.model.rowCount() == 0, "nothing blocks the window while the folder is read"
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=20000)
    assert window.current_id is not None, "the first article shows while the folder is still being read"
    qtbot.waitUntil(lambda: not window.list_progress.isVisible(), timeout=20000)  # the cache is written too
    assert not window.context.listing.partial


def test_a_long_article_is_normalised_off_the_ui_thread(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.gui import reading

    monkeypatch.setattr(reading, "hazm_loaded", lambda: True)
    monkeypatch.setattr(type(window.state), "SYNC_NORMALISE", 10)
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    assert not window.reader.display.normalized, "the quick level is painted at once"
    qtbot.waitUntil(lambda: window.reader.display.normalized, timeout=30000)
    assert "می‌شود" in window.reader.display.text or "\u200c" in window.reader.display.text
