"""A lock that lives next to the data, seen by every process on every machine sharing the folder.

The lock is a hidden file `.<name>.lock` created with O_CREAT|O_EXCL (atomic on local disks,
NFS v3+, SMB and sync folders) holding `host pid time`. It is removed when the write ends.
A lock is stale, and is broken, when its process is gone (same host) or when it is older
than `stale_after` seconds (any host: a save holds it for milliseconds). A live lock is
waited for up to `timeout` seconds, then the write is refused with a message: Hashiye never
writes without the lock.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STALE_AFTER = 30.0
TIMEOUT = 45.0
EMPTY_STALE_AFTER = 2.0


class LockBusy(Exception):
    """Another live writer held the lock for longer than the timeout."""


def lock_path(path: Path) -> Path:
    """The lock file of `path`: hidden, beside it."""
    return path.with_name(f".{path.name}.lock")


def _host() -> str:
    import socket  # only when a lock is taken: off the start-up path

    return socket.gethostname() or "unknown-host"


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill(pid, 0) would stop the process there: rely on the age only
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


NOT_A_FILE = b"\0not a regular file"  # what a lock path that is a pipe, device, folder or symlink "holds"


def _lock_bytes(lock: Path) -> bytes:
    """The first 4 KB of a lock file, read without blocking or following links.

    A pipe, device, folder or symlink at the lock's name (which Hashiye never makes) reads as
    `NOT_A_FILE`, a lock without an owner, so it is broken like an abandoned one instead of
    making every save wait forever (a FIFO) or read without end (a link to /dev/zero).
    FileNotFoundError when it is gone.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(lock, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.EMLINK):
            return NOT_A_FILE
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return NOT_A_FILE
        return os.read(fd, 4096)
    finally:
        os.close(fd)


def _owner(lock: Path) -> tuple[dict[str, object], float, bytes] | None:
    """(what the lock says, its age in seconds, its bytes), or None if it is gone."""
    try:
        raw = _lock_bytes(lock)
        age = time.time() - lock.lstat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        return {}, 0.0, b""
    try:
        info = json.loads(raw.decode("utf-8"))
    except ValueError:
        info = {}
    return (info if isinstance(info, dict) else {}), age, raw


def _stale(info: dict[str, object], age: float, stale_after: float) -> bool:
    if age > stale_after:
        return True
    pid = info.get("pid")
    if info.get("host") == _host() and isinstance(pid, int) and pid != os.getpid():
        return not _alive(pid)
    # A lock without an owner is being written (for a moment) or its writer died right then.
    return not info and age > EMPTY_STALE_AFTER


def _break(lock: Path, seen: bytes) -> None:
    """Remove a stale lock, unless another writer replaced it meanwhile (then leave it)."""
    moved = lock.with_name(f"{lock.name}.stale-{secrets.token_hex(4)}")
    try:
        os.rename(lock, moved)
    except OSError:
        return
    try:
        if _lock_bytes(moved) != seen:
            try:
                os.link(moved, lock)  # not the stale one: give it back if the name is still free
            except OSError:
                pass
    except OSError:
        pass
    try:
        os.unlink(moved)
    except OSError:
        pass


@contextmanager
def data_lock(path: Path, timeout: float | None = None, stale_after: float | None = None) -> Iterator[None]:
    """Hold the lock beside `path` for the duration; raise LockBusy or OSError (e.g. read-only folder).

    `timeout` and `stale_after` default to the module's TIMEOUT and STALE_AFTER.
    """
    timeout = TIMEOUT if timeout is None else timeout
    stale_after = STALE_AFTER if stale_after is None else stale_after
    lock = lock_path(path)
    token = json.dumps({"host": _host(), "pid": os.getpid(), "time": time.time(),
                        "nonce": secrets.token_hex(6)}).encode("utf-8")
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            pass
        else:
            try:
                try:
                    os.write(fd, token)
                finally:
                    os.close(fd)
            except OSError:
                os.unlink(lock)  # e.g. a full disk: leave no empty lock behind
                raise
            break
        owner = _owner(lock)
        if owner is not None:
            info, age, raw = owner
            if _stale(info, age, stale_after):
                _break(lock, raw)
                continue
            if time.monotonic() > deadline:
                who = f"{info.get('host', '?')}, process {info.get('pid', '?')}"
                raise LockBusy(f"another program ({who}) has been saving {path.name} for {age:.0f} s")
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
    try:
        yield
    finally:
        try:
            if _lock_bytes(lock) == token:
                os.unlink(lock)
        except OSError:
            pass
