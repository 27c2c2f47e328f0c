"""Waiting for work the window runs off the UI thread (exports, tag reports)."""

from __future__ import annotations


def run_export(qtbot, dialog) -> bool:
    """Start the dialog's export and wait for it to end; True if it was written."""
    with qtbot.waitSignal(dialog.exported, timeout=60000) as blocker:
        dialog.export()
    return bool(blocker.args[0])


def tag_report(qtbot, dialog):
    """Open the tag report of the dialog's scope and wait for it to be shown."""
    dialog.show_tag_report()
    qtbot.waitUntil(lambda: dialog.tag_report is not None and dialog.tag_report.isVisible(), timeout=60000)
    return dialog.tag_report


def article_with_far_highlight(corpus, stem: str, body: str, marker: str) -> str:
    """Write `<stem>.txt` (a title line, then `body`) with a highlight on the 14 characters at
    `marker`, far into it; its id."""
    from hashiye.core.annotations.model import new_annotation
    from hashiye.core.annotations.store import AnnotationStore
    from hashiye.core.corpus.article import load_article

    path = corpus / f"{stem}.txt"
    path.write_text("عنوان یک خبر بسیار بلند درباره روستاها\n" + body + "\n", "utf-8")
    art = load_article(path)
    at = art.source_text.index(marker)
    AnnotationStore(corpus).save_change(art, upsert=[new_annotation(art.id, art.source_text, at, at + 14)])
    return path.stem
