"""The one way Hashiye writes a file: all of it or nothing, keeping the old file's mode and group.

`write_atomic` writes a hidden temporary file in the target's folder (created with mode 0666
so the umask and the folder's default ACL apply, as for any new file), fsyncs it, gives it
the mode and group of the file it replaces, optionally lets the caller check at the last
moment that nothing changed underneath, renames it over the target and fsyncs the folder.
A reader, a crash or `kill -9` therefore sees the old file or the new one, never a mix.
`Staged` and `replace_all` do the same for many files with one flush for all (autocode).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .safe_read import MAX_SIDECAR_BYTES, UnsafeFile, read_bounded

TEMP_MARK = ".tmp-"


def temp_prefix(path: Path) -> str:
    """Name start of the temporary files written for `path` (hidden, removable when stale)."""
    return f".{path.name}{TEMP_MARK}"


def why(exc: OSError) -> str:
    """A short reason for a failed read or write that a user understands."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return exc.strerror or str(exc)


def write_atomic(path: Path, data: bytes, before_replace: Callable[[], None] | None = None,
                 durable: bool = True) -> None:
    """Replace `path` by `data` atomically; raise OSError (the old file intact, no temporary left).

    An existing regular file's permission bits and group are kept; a new file gets 0666
    minus the umask. `before_replace` runs after the data is safely on disk and just
    before the rename; whatever it raises cancels the write. `durable=False` (caches
    only) skips the fsyncs: still all-or-nothing for readers, but may vanish in a power cut.
    """
    folder = path.parent if str(path.parent) else Path(".")
    old = _regular_stat(path)
    tmp, fd = _open_temp(folder, path)
    done = False
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if old is not None:
                _keep_mode_and_group(fd, old)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
        done = True
    finally:
        if not done:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    if durable:
        fsync_dir(folder)


class Staged:
    """A file's new content written to a temporary file beside it, not yet durable nor in place."""

    def __init__(self, path: Path, data: bytes) -> None:
        """Write `data` to a new hidden temporary file beside `path` (no fsync); raise OSError, leaving none."""
        self.path = path
        self.folder = path.parent if str(path.parent) else Path(".")
        old = _regular_stat(path)
        self.tmp, self._fd = _open_temp(self.folder, path)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]
            if old is not None:
                _keep_mode_and_group(self._fd, old)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Close and remove the temporary file (nothing changes at `path`)."""
        self._close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def _close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)


SYNC_THREADS = 16  # concurrent fsyncs share the file system's journal commits


def replace_all(staged: Sequence[Staged],
                before_replace: Sequence[Callable[[], None] | None] | None = None) -> list[BaseException | None]:
    """Put every staged file in place durably, with one flush for all: per file, None or why it was not.

    Every temporary file is fsynced (from a small thread pool: the fsyncs of many files share
    the disk's flushes), then each is renamed over its target in order, right after its
    `before_replace` (whatever that raises cancels that file only), then each folder is
    fsynced once. A crash at any moment leaves each target old or new, never empty or
    partial, as `write_atomic` does; a file whose fsync, check or rename fails is left old
    and its temporary file removed. Temporaries left by a crash are removed by the next
    save of their target (`remove_stale_temps`). Takes ownership of `staged`.
    """
    from concurrent.futures import ThreadPoolExecutor

    checks = list(before_replace) if before_replace is not None else [None] * len(staged)
    errors: list[BaseException | None] = [None] * len(staged)
    done = [False] * len(staged)
    try:
        with ThreadPoolExecutor(max_workers=min(SYNC_THREADS, max(1, len(staged)))) as pool:
            synced = list(pool.map(_sync_quietly, staged))
        for i, (item, error) in enumerate(zip(staged, synced, strict=True)):
            item._close()
            if error is not None:
                errors[i] = error
                continue
            try:
                check = checks[i]
                if check is not None:
                    check()
                os.replace(item.tmp, item.path)
                done[i] = True
            except Exception as exc:  # noqa: BLE001 (told to the caller, per file)
                errors[i] = exc
    finally:
        for item, renamed in zip(staged, done, strict=True):
            if not renamed:
                item.discard()
    for folder in dict.fromkeys(item.folder for item, renamed in zip(staged, done, strict=True) if renamed):
        fsync_dir(folder)
    return errors


def _sync_quietly(item: Staged) -> OSError | None:
    try:
        os.fsync(item._fd)
    except OSError as exc:
        return exc
    return None


def write_output(path: Path, data: bytes) -> None:
    """Write a file the user named (an export): atomically, except into a pipe or device.

    `-o /dev/stdout`, a FIFO or `>(gzip > x.gz)` are written into directly (replacing them
    would swap out the device node); a symlink to a regular file has its target replaced.
    """
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        with open(path, "wb") as out:
            out.write(data)
        return
    write_atomic(Path(os.path.realpath(path)) if st is not None else path, data)


def read_regular(path: Path, limit: int = MAX_SIDECAR_BYTES) -> bytes | None:
    """The bytes of a regular file, None if it does not exist; OSError for anything else.

    Reads through `safe_read.read_bounded` (no blocking on a FIFO, no devices, at most
    `limit` bytes); a refusal there is raised as OSError with its reason.
    """
    try:
        return read_bounded(path, limit)
    except FileNotFoundError:
        return None
    except UnsafeFile as exc:
        raise OSError(errno.EINVAL, exc.reason, str(path)) from exc


# Folders in a bulk save (`bulk_saves`): the temporary files listed once at its start.
_BULK: dict[str, set[str]] = {}


@contextmanager
def bulk_saves(folder: Path) -> Iterator[None]:
    """Within: `remove_stale_temps` lists `folder` once, not at every save.

    For one operation saving many files of a folder (autocoding 10,000 articles would
    otherwise list a 10,000-file folder once per file). Temporary files a killed writer
    leaves meanwhile are removed by the next save after the bulk operation.
    """
    key = str(folder)
    if key in _BULK:
        yield
        return
    try:
        with os.scandir(folder) as entries:
            _BULK[key] = {e.name for e in entries if TEMP_MARK in e.name}
    except OSError:
        _BULK[key] = set()
    try:
        yield
    finally:
        _BULK.pop(key, None)


def in_bulk(folder: Path) -> bool:
    """Tell whether a `bulk_saves` of `folder` is under way."""
    return str(folder) in _BULK


def remove_stale_temps(path: Path) -> None:
    """Delete temporary files a killed writer left for `path` (call while holding its lock)."""
    known = _BULK.get(str(path.parent))
    if known is not None:
        prefix = temp_prefix(path)
        for name in [n for n in list(known) if n.startswith(prefix)]:  # list(): saves run in threads
            known.discard(name)
            try:
                (path.parent / name).unlink()
            except OSError:
                pass
        return
    for stale in path.parent.glob(f"{temp_prefix(path)}*"):
        try:
            stale.unlink()
        except OSError:
            pass


def _open_temp(folder: Path, path: Path) -> tuple[Path, int]:
    """A new hidden temporary file for `path` in `folder`, open for writing: (its path, its fd)."""
    for attempt in range(8):
        tmp = folder / f"{temp_prefix(path)}{secrets.token_hex(4)}"
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            if attempt == 7:
                raise
    raise AssertionError("unreachable")


def _regular_stat(path: Path) -> os.stat_result | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _keep_mode_and_group(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's permission bits and group (the group only if allowed)."""
    if hasattr(os, "fchown") and old.st_gid != os.fstat(fd).st_gid:
        try:
            os.fchown(fd, -1, old.st_gid)
        except OSError:
            pass  # not a member of that group: the folder's default group stays
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(old.st_mode))


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows opening folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
