"""Files the window writes outside a folder: note drafts and the desktop entry, through the one atomic writer."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from hashiye.gui import desktop_entry
from hashiye.gui.drafts import Draft, drafts_dir, drafts_for, save_draft


def test_a_draft_is_replaced_whole_and_kept_private(tmp_path: Path) -> None:
    corpus = tmp_path / "folder"
    first = save_draft(Draft(str(corpus), "a1", "ann-1", "نخستین"))
    again = save_draft(Draft(str(corpus), "a1", "ann-1", "یادداشتی که تایپ می‌شود"))
    assert first == again and first.parent == drafts_dir()
    assert [d.text for d in drafts_for(corpus)] == ["یادداشتی که تایپ می‌شود"]
    assert sorted(p.name for p in drafts_dir().iterdir()) == [first.name], "no temporary file is left"
    assert stat.S_IMODE(drafts_dir().stat().st_mode) == 0o700, "other users cannot read notes being typed"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop menu entries are for Linux desktops")
def test_the_desktop_entry_is_written_whole_where_xdg_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    entry, icon = desktop_entry.install()
    assert entry.parent == tmp_path / "share" / "applications"
    assert "Exec=" in entry.read_text(encoding="utf-8") and icon.read_bytes().lstrip().startswith(b"<")
    assert not [p for p in entry.parent.iterdir() if p.name.startswith(".")], "no temporary file is left"
    assert desktop_entry.uninstall() == [entry, icon]
