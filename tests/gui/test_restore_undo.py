"""Restoring an earlier version in the window is one undoable step (core `restore_change` + the undo stack)."""

from __future__ import annotations

import json
from pathlib import Path

from hashiye.core.annotations.model import edited, new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
from hashiye.gui.commands import ChangeAnnotations

ARTICLE = "003_edc48c3769eb6a48"


def notes(corpus: Path) -> dict[str, str]:
    doc = json.loads((corpus / f"{ARTICLE}.annotations.json").read_text("utf-8"))
    return {i["id"]: i.get("body", [{}])[0].get("value", "") for i in doc["first"]["items"]}


def test_restoring_a_version_through_the_undo_stack_can_be_undone(qtbot, window, corpus: Path) -> None:
    store, art = AnnotationStore(corpus), load_article(corpus / f"{ARTICLE}.txt")
    a = new_annotation(art.id, art.source_text, 10, 20, note="نسخه اول")
    store.save_change(art, upsert=[a])
    b = new_annotation(art.id, art.source_text, 40, 50, note="بعدا")
    store.save_change(art, upsert=[edited(a, note="نسخه دوم"), b])
    now = notes(corpus)

    session = window.session
    before, after = session.store.restore_change(session.article(ARTICLE), "1")
    window.undo_stack.push(ChangeAnnotations(session, ARTICLE, before, after, "restore"))
    assert notes(corpus) == {a.id: "نسخه اول"}
    window.undo_stack.undo()
    assert notes(corpus) == now
    window.undo_stack.redo()
    assert notes(corpus) == {a.id: "نسخه اول"}
