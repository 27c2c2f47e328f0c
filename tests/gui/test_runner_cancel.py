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


HANG = '''
import threading
from PySide6.QtCore import QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from hashiye.gui.runner import Runner

app = QApplication([])
owner = QObject()  # a window, say
runner = Runner(owner)
started, release = threading.Event(), threading.Event()

def work(_op):
    started.set()
    release.wait(10)
    return sum(range(300000))  # Python work: it needs the interpreter lock to finish

runner.run("", work)
assert started.wait(10)
threading.Timer(0.3, release.set).start()
owner.deleteLater()  # Qt deletes the runner with its owner, from C++ ...
other = QWidget()
other.show()
QTest.qWaitForWindowActive(other, 3000)  # ... inside a call that holds the interpreter lock
assert runner.pool.waitForDone(20000)  # the work ends (and signals) before the program does
print("ended")
'''


def test_a_runner_deleted_by_qt_while_its_work_runs_does_not_hang_the_program(tmp_path) -> None:
    """The window's runner deleted by Qt while a folder was being listed: the program hung for ever
    (the thread pool's destructor waited for a worker that waited for the interpreter lock)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", HANG], capture_output=True, text=True, timeout=60, env=env,
                          check=False, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "ended", done.stderr
