"""A cancelled operation delivers nothing, even when its result was already on its way to the UI thread
(a pane that starts a newer computation never shows the older one's figures)."""

from __future__ import annotations

import threading

from hashiye.gui.runner import Runner


def test_a_result_queued_before_cancel_is_not_delivered(qtbot) -> None:
    runner = Runner()
    finished = threading.Event()
    delivered: list[object] = []

    def work(_op: object) -> str:
        finished.set()
        return "old figures"

    op = runner.run("", work, on_done=delivered.append, on_failed=delivered.append)
    assert finished.wait(10) and op.wait(10)  # the result is queued for the UI thread, not yet delivered
    op.cancel()
    qtbot.waitUntil(lambda: not runner.running)  # the operation has ended and its signals were handled
    assert delivered == []


def test_an_operation_not_cancelled_still_delivers(qtbot) -> None:
    runner = Runner()
    delivered: list[object] = []
    runner.run("", lambda _op: "figures", on_done=delivered.append)
    qtbot.waitUntil(lambda: delivered == ["figures"])
