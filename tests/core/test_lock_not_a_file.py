"""A lock name that holds a pipe or a link to an endless device: saves do not hang, nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hashiye.core.files.datalock import data_lock, lock_path

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _hold_lock_in_child(path: Path) -> float:
    """Take the lock in another process (so a hang is caught by its timeout, not ours); seconds taken."""
    code = ("import sys, time; from pathlib import Path; from hashiye.core.files.datalock import data_lock\n"
            "t = time.monotonic()\n"
            "with data_lock(Path(sys.argv[1]), timeout=20):\n"
            "    Path(sys.argv[1]).write_text('saved', encoding='utf-8')\n"
            "print(time.monotonic() - t)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return float(done.stdout)


def test_a_fifo_at_the_lock_name_is_broken_not_waited_on_forever(tmp_path: Path) -> None:
    side = tmp_path / "a.annotations.json"
    os.mkfifo(lock_path(side))
    assert _hold_lock_in_child(side) < 15  # was: blocked reading the pipe until killed
    assert side.read_text(encoding="utf-8") == "saved" and not lock_path(side).exists()


def test_a_link_to_dev_zero_at_the_lock_name_is_broken(tmp_path: Path) -> None:
    side = tmp_path / "b.annotations.json"
    lock_path(side).symlink_to("/dev/zero")
    assert _hold_lock_in_child(side) < 15  # was: read /dev/zero without end
    assert side.read_text(encoding="utf-8") == "saved"
    assert not os.path.lexists(lock_path(side)) and Path("/dev/zero").exists()


def test_a_regular_lock_of_a_live_writer_is_still_waited_for(tmp_path: Path) -> None:
    side = tmp_path / "c.annotations.json"
    start = time.monotonic()
    with data_lock(side, timeout=1):
        from hashiye.core.files.datalock import LockBusy

        with pytest.raises(LockBusy):
            with data_lock(side, timeout=0.3):
                pass
    assert time.monotonic() - start < 10 and not lock_path(side).exists()
