"""A folder of hostile files, as a sync tool, `git checkout`, `unzip` or an attacker leaves them.

Shared by tests/core/test_hostile_files.py (CLI, core) and tests/gui/test_hostile_folder.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLI = [sys.executable, "-m", "hashiye.core.cli.main"]

NESTED = "000_e6d5671372e51005"  # its sidecar is 1,000 `[`, never closed
PIPE = "001_efa6bf155fd70a28"  # its sidecar is a named pipe
ZERO = "002_4a4f9998171fccb3"  # its sidecar is a symlink to /dev/zero
GOOD = "003_edc48c3769eb6a48"  # an ordinary article with an ordinary annotation
DAMAGED = "004_45c60646b459ad0d"  # four invalid bytes in the middle of its UTF-8 text
BAD_NAME = "خبر شماره 1".encode("cp1256") + b".txt"  # a Persian name as a Windows archive stores it
ARTICLE_READABLE = {NESTED, PIPE, ZERO, GOOD, DAMAGED}
SKIPPED = {"pipe.txt", "zero.txt", "huge.txt"}


def damage(text: str) -> tuple[bytes, int]:
    """The UTF-8 bytes of `text` with four invalid bytes in the middle; (bytes, code point where they are)."""
    middle = text.index("\n", len(text) // 2) + 1
    raw = text[:middle].encode("utf-8") + b"\xff\xfe\xc0\x80" + text[middle:].encode("utf-8")
    return raw, middle


def make_hostile_folder(folder: Path, *, huge: bool = True) -> Path:
    """The five seeds, three hostile sidecars, hostile article files, a badly named article."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / f"{NESTED}.annotations.json").write_text("[" * 1000, "utf-8")
    os.mkfifo(folder / f"{PIPE}.annotations.json")
    os.symlink("/dev/zero", folder / f"{ZERO}.annotations.json")
    text = (folder / f"{DAMAGED}.txt").read_text("utf-8")
    (folder / f"{DAMAGED}.txt").write_bytes(damage(text)[0])
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    if huge:
        with open(folder / "huge.txt", "wb") as f:  # 2 GB, sparse: takes no disk space
            f.truncate(2 * 1024**3)
    shutil.copy(SEEDS / f"{GOOD}.txt", os.path.join(os.fsencode(folder), BAD_NAME))
    return folder


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`hashiye-cli ARGS` in a child process: a hang fails the test (TimeoutExpired) instead of blocking it."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, check=False, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail with TimeoutError instead of hanging (a blocked open() of a pipe is interrupted too)."""
    def expired(_sig: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hostile file made it hang")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
