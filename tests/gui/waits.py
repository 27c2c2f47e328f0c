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
