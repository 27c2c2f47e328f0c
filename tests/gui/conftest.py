"""GUI test fixtures: offscreen Qt, a copy of the seeds, settings in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def corpus(seeds_copy: Path) -> Path:
    """A writable copy of the bundled seeds."""
    return seeds_copy


@pytest.fixture
def window(qtbot, corpus: Path, tmp_path: Path):
    """The real main window on the copied corpus, active and shown."""
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings

    make_app([])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = create_window(corpus, settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    win.close()


@pytest.fixture(autouse=True)
def private_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Drafts and other user data in a folder of the test's own."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("HASHIYE_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def persian_after():
    """A test that opened an English window leaves the next one Persian, layout direction included."""
    yield
    from hashiye.gui import i18n
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if i18n.language() != i18n.DEFAULT and isinstance(app, QApplication):
        i18n.apply_language(app, i18n.DEFAULT)
