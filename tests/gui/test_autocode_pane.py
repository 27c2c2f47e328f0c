"""Autocoding from the search pane: preview, one run on the runner, one undo step, idempotence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

QUERY = "است"
CODE = "ربط"


def _tagged(corpus: Path, tag: str = CODE) -> dict[str, int]:
    """Per article, how many annotations in its sidecar file carry `tag`."""
    out: dict[str, int] = {}
    for path in sorted(corpus.glob("*.annotations.json")):
        doc = json.loads(path.read_text("utf-8"))
        items = doc.get("items") or doc.get("first", {}).get("items") or []
        n = sum(1 for item in items if any(b.get("value") == tag for b in (item.get("body") or [])
                                           if isinstance(b, dict)))
        if n:
            out[path.name] = n
    return out


def _persian_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def _cli_preview(corpus: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "hashiye.core.cli", "autocode", QUERY, "--tag", CODE, "--dry-run",
                           "--json", "--corpus", str(corpus)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _dialog(qtbot, window):
    window.actions_by_id["search_corpus"].trigger()
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=20000)
    panel.query.setText(QUERY)
    qtbot.waitUntil(lambda: panel.code_all.isEnabled(), timeout=20000)
    dialog = panel.code_all_hits()
    assert dialog is not None and dialog.query.isReadOnly() and dialog.query.text() == QUERY
    dialog.code.setEditText(CODE)
    return panel, dialog


def test_code_all_hits_needs_a_query_with_hits(qtbot, window) -> None:
    window.actions_by_id["search_corpus"].trigger()
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=20000)
    assert not panel.code_all.isEnabled()  # no query: nothing to code
    panel.query.setText("zzzqqq")
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=20000)
    assert not panel.code_all.isEnabled()
    with qtbot.waitSignal(panel.message, timeout=1000):
        assert panel.code_all_hits() is None  # says why instead of opening the dialog


def _run(qtbot, panel, dialog) -> str:
    with qtbot.waitSignal(panel.message, timeout=60000) as said:
        dialog.ok.click()
    return said.args[0]


def test_autocode_preview_run_undo_redo_and_rerun(qtbot, window, corpus: Path) -> None:
    cli = _cli_preview(corpus)
    assert cli["annotations"] > 10 and cli["articles"] > 1
    panel, dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.preview_result is not None, timeout=30000)
    assert (dialog.preview_result.annotations, dialog.preview_result.articles) == (cli["annotations"], cli["articles"])
    assert dialog.ok.isEnabled()
    assert _tagged(corpus) == {}  # the preview wrote nothing

    said = _run(qtbot, panel, dialog)
    created = _tagged(corpus)
    assert sum(created.values()) == cli["annotations"] and len(created) == cli["articles"]
    assert _persian_digits(cli["annotations"]) in said  # the status line names the count
    assert window.statusBar().currentMessage() == said
    # the open article's panel shows its new highlights (the views refreshed through the context)
    shown = window.current_id
    assert f"{shown}.annotations.json" in created
    qtbot.waitUntil(lambda: sum(CODE in a.annotation.tags for a in window.panel.model.rows)
                    == created[f"{shown}.annotations.json"], timeout=5000)

    # one undo removes every one of them, from the files; redo puts them back
    before = window.undo_stack.count()
    assert before >= 1
    window.undo_stack.undo()
    assert _tagged(corpus) == {}
    qtbot.waitUntil(lambda: not any(CODE in a.annotation.tags for a in window.panel.model.rows), timeout=5000)
    window.undo_stack.redo()
    assert _tagged(corpus) == created

    # a second run creates none and says so; no new undo step
    _, dialog2 = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog2.preview_result is not None, timeout=30000)
    assert dialog2.preview_result.annotations == 0 and not dialog2.ok.isEnabled()
    assert "همه" in dialog2.preview.text()
    dialog2.reject()
    with qtbot.waitSignal(panel.message, timeout=60000) as again:
        panel.start_autocode(dialog2.params())
    assert _tagged(corpus) == created
    assert window.undo_stack.count() == before
    assert "لازم نبود" in again.args[0]


def test_annotate_menu_opens_the_dialog_for_the_pane_query(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialog

    action = window.actions_by_id["autocode"]
    assert action in window.menus.menus["annotate"].actions()
    assert "Ctrl+Shift+C" in [k.toString() for k in action.shortcuts()]
    action.trigger()  # no search yet: the pane opens and says what to do
    panel = window.search_panel
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: panel.ready, timeout=20000)
    panel.query.setText(QUERY)
    qtbot.waitUntil(lambda: panel.code_all.isEnabled(), timeout=20000)
    action.trigger()
    dialog = panel.findChild(QDialog, "autocodeDialog")
    assert dialog is not None and dialog.isVisible() and dialog.query.text() == QUERY
    dialog.reject()


def test_a_stopped_run_keeps_what_it_saved_and_undoes_it_as_one_step(qtbot, corpus: Path, monkeypatch) -> None:
    """Stop asked at once: the first batch (2 articles here) is saved whole and told; undo removes exactly it."""
    import threading

    from hashiye.core.analysis import autocode as core_autocode
    from hashiye.gui import autocode_run
    from hashiye.gui.runner import Operation
    from hashiye.gui.session import AnnotationSession

    monkeypatch.setattr(core_autocode, "BATCH", 2)
    monkeypatch.setattr(autocode_run, "BATCH", 2)
    stop = threading.Event()
    stop.set()
    params = autocode_run.AutocodeParams(QUERY, CODE)
    out = autocode_run.run_autocode(corpus, params, Operation("", lambda _op: None), stop)
    assert out.stopped and out.error is None
    on_disk = _tagged(corpus)
    assert len(on_disk) == 2 and len(out.created) == 2  # one batch, not the five articles
    assert {f"{a}.annotations.json": len(v) for a, v in out.created.items()} == on_disk
    session = AnnotationSession(corpus)
    command = autocode_run.AutocodeCommand(session, out.created, "autocode")
    command.redo()  # the first redo does nothing: the run wrote them
    assert _tagged(corpus) == on_disk
    command.undo()
    assert _tagged(corpus) == {}
    command.redo()
    assert _tagged(corpus) == on_disk
    # a highlight given a note after the run is the user's work now: undo keeps it
    from hashiye.core.annotations.model import edited

    art, anns = next(iter(out.created.items()))
    assert session.apply(art, upsert=[edited(anns[0], note="دیدگاه من")])
    command.undo()
    assert _tagged(corpus) == {f"{art}.annotations.json": 1}
    assert "دیدگاه من" in (corpus / f"{art}.annotations.json").read_text("utf-8")
