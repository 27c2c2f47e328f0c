"""The one way Hashiye reads a file it did not write: bounded, never blocking, regular files only.

A corpus folder can hold anything a sync tool, `git checkout`, `unzip` or an attacker puts
there: named pipes (opening one for reading waits for a writer), symlinks to `/dev/zero`
(endless), devices, sparse files of many gigabytes, JSON nested thousands of levels deep
(Python's parser recurses). Articles, sidecars and imported files are read here:

- the path (after following symlinks) must be a regular file, checked before opening
  (so no device is ever opened) and again on the open descriptor (in case it was swapped);
- the open is non-blocking (`O_NONBLOCK`), so a pipe swapped in meanwhile cannot make us wait;
- at most `max_bytes` are read, whatever the file claims to be;
- JSON is checked for nesting depth before it is parsed, in linear time without recursion.

Refusals raise `UnsafeFile` (a ValueError) with a reason for the user; a missing file
raises FileNotFoundError and other OS errors OSError, as `open()` would.
"""

from __future__ import annotations

import os
import re
import stat
from array import array
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path

MIB = 1024 * 1024
MAX_ARTICLE_BYTES = 16 * MIB  # a long news page is under 1 MB; the tests read a 5 MB one
MAX_SIDECAR_BYTES = 64 * MIB  # about 50,000 annotations
MAX_IMPORT_BYTES = 256 * MIB  # a whole corpus exported as one W3C collection
MAX_JSON_DEPTH = 100  # a Hashiye sidecar nests 8 levels, records from other tools a few more
PREFIX_BYTES = 64 * 1024  # enough to tell a binary file from text

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = MIB
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_NOT_MARKS = bytes(c for c in range(256) if c not in b'[]{}"')
_SIGNED = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # as signed bytes: +1 opens, -1 closes


class UnsafeFile(ValueError):
    """A file that was not read (not a regular file, too large, too deeply nested); `reason` is for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def size_text(n: int) -> str:
    """A byte count as people read it: `2 GB`, `1.5 MB`, `512 bytes` (binary units)."""
    for unit, scale in (("GB", MIB * 1024), ("MB", MIB), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def _check(st: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFile(f"is {file_kind(st.st_mode)}, not a regular file, so it was not read")
    if st.st_size > max_bytes:
        raise UnsafeFile(f"is too large ({size_text(st.st_size)}; files over {size_text(max_bytes)} are not read)")


def check_regular(path: str | Path, max_bytes: int) -> None:
    """Refuse a path that is not a regular file of at most `max_bytes` (symlinks followed), without opening it."""
    _check(os.stat(path), max_bytes)


def read_bounded(path: str | Path, max_bytes: int, check_prefix: Callable[[bytes], str | None] | None = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, read without ever blocking.

    `check_prefix(first bytes)` may return a reason to refuse the file after reading only
    its first `PREFIX_BYTES` (for example: it is binary); it is then not read further.
    """
    check_regular(path, max_bytes)  # before opening: a device or pipe is never opened
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check(os.fstat(fd), max_bytes)  # the file may have been swapped since the stat
        chunks: list[bytes] = []
        total = 0
        want = PREFIX_BYTES if check_prefix is not None else _CHUNK
        while True:
            try:
                chunk = os.read(fd, min(want, max_bytes + 1 - total))
            except BlockingIOError as exc:
                raise UnsafeFile("cannot be read without waiting, so it was not read") from exc
            if chunk:
                chunks.append(chunk)
                total += len(chunk)
            if total > max_bytes:
                raise UnsafeFile(f"is too large (over {size_text(max_bytes)}; larger files are not read)")
            if check_prefix is not None and (total >= PREFIX_BYTES or not chunk):
                reason = check_prefix(b"".join(chunks))
                if reason:
                    raise UnsafeFile(reason)
                check_prefix = None
            if not chunk:
                break
            want = _CHUNK
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_json_bytes(path: Path, max_bytes: int, max_depth: int = MAX_JSON_DEPTH) -> bytes:
    """`read_bounded`, then `check_json_depth`: bytes that `json.loads` can parse without recursing too deep."""
    data = read_bounded(path, max_bytes)
    check_json_depth(data, max_depth)
    return data


def json_depth(data: bytes | str) -> int:
    """How deep `json.loads` would recurse on this text: the deepest nesting of `[` and `{`.

    Linear and without recursion, at C speed: every escape (a backslash and the character
    after it) is removed, then everything but quotes and brackets, then every piece
    between quotes (the strings); the running count of what is left (+1 for `[` `{`, -1
    for `]` `}`) is the depth the parser reaches. About 3 ms per MB of sidecar, a quarter
    of what parsing it takes; a 64 MB file of brackets takes 3–5 s (bench/README.md).
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    marks = _ESCAPE.sub(b"", raw).translate(None, _NOT_MARKS)
    # most pairs of quotes now hold nothing; dropping two adjacent quotes keeps every bracket on its side
    marks = marks.replace(b'""', b"")
    brackets = b"".join(marks.split(b'"')[0::2])
    return max(accumulate(array("b", brackets.translate(_SIGNED))), default=0)


def check_json_depth(data: bytes | str, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than `max_depth` before parsing it (`json` recurses once per level)."""
    depth = json_depth(data)
    if depth > max_depth:
        raise UnsafeFile(f"is nested {depth} levels deep, more than the {max_depth} that any annotation file needs")
