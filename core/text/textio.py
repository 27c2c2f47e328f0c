"""Decode article files as DESIGN §2 says, and tell text from binary."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..files.safe_read import MAX_ARTICLE_BYTES, UnsafeFile, read_bounded


class UnreadableArticle(Exception):
    """A file that cannot be read as an article; `reason` is shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default=())  # e.g. invalid bytes shown as U+FFFD


_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
# C0 controls other than _CONTROL_OK, DEL and the C1 controls.
_CONTROL = re.compile("[" + "".join(chr(c) for c in range(0x20) if chr(c) not in _CONTROL_OK) + "\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.10


def decode_bytes(data: bytes) -> DecodedText:
    """Decode article bytes: BOMs first, then UTF-8, then Windows-1256.

    A UTF-8 file with a few invalid bytes (a damaged download) is read as UTF-8 with each
    invalid sequence replaced by U+FFFD, and a warning says so (see `_mostly_utf8`).
    Raises UnreadableArticle for binary or undecodable data.
    """
    warnings: tuple[str, ...] = ()
    nul_checked = False  # NUL bytes already refused: UTF-8 and Windows-1256 make U+0000 of them only
    if data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            damaged = _mostly_utf8(data[3:], skipped=3)
            if damaged is None:
                raise UnreadableArticle(f"cannot be decoded as utf-8: {exc.reason}") from exc
            text, warnings = damaged
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = _strict(data, "utf-16"), "utf-16"
    else:
        if reason := binary_prefix(data):
            raise UnreadableArticle(reason)
        nul_checked = True
        try:
            text, enc = data.decode("utf-8"), "utf-8"
            if not _may_hold_controls(data):
                return DecodedText(text, enc, warnings)  # no control character: nothing more to check
        except UnicodeDecodeError:
            damaged = _mostly_utf8(data)
            if damaged is not None:
                (text, warnings), enc = damaged, "utf-8"
            else:
                text, enc = _strict(data, "cp1256"), "cp1256"
                _check_letters(text)
    if not nul_checked and "\x00" in text:
        raise UnreadableArticle("binary file (contains NUL characters)")
    if text and _CONTROL.search(text) is not None:  # a regex scan: C speed, no count unless needed
        controls = len(_CONTROL.findall(text))
        if controls / len(text) > MAX_CONTROL_SHARE:
            raise UnreadableArticle(
                f"binary file ({controls} control characters in {len(text)})"
            )
    return DecodedText(text, enc, warnings)


# The bytes other than the C0 controls `_CONTROL` matches and DEL (deleting them leaves only those).
_NOT_C0 = bytes(b for b in range(256) if not ((b < 0x20 and chr(b) not in _CONTROL_OK) or b == 0x7F))


def _may_hold_controls(data: bytes) -> bool:
    """Tell whether valid UTF-8 `data` may hold a character `_CONTROL` matches, at C speed.

    In UTF-8 a C0 control or DEL is its own byte and never part of another character, and a
    C1 control (U+0080–U+009F) is the byte C2 followed by 80–9F; the byte C2 also starts «
    and », so each C2 is looked at (a few per page). The same answer as the pattern on the decoded
    text, about seven times faster (tests/core/test_listing_fast_paths.py checks they agree)."""
    if data.translate(None, _NOT_C0):
        return True
    at = data.find(b"\xc2")
    while at >= 0:
        if at + 1 < len(data) and 0x80 <= data[at + 1] <= 0x9F:
            return True
        at = data.find(b"\xc2", at + 1)
    return False


def binary_prefix(data: bytes) -> str | None:
    """Why the start of a file (without a UTF-16 BOM) shows it is binary, or None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    return None


MAX_BAD_RUNS = 64  # more runs of invalid bytes than this: not a damaged UTF-8 file
UTF8_SHARE = 20  # valid non-ASCII characters needed per invalid byte


def _mostly_utf8(data: bytes, skipped: int = 0) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few invalid bytes: (text with U+FFFD, warning); None if it is not UTF-8.

    Each maximal invalid byte sequence becomes one U+FFFD, as the Unicode standard
    recommends and as Python's and the WHATWG (browser) UTF-8 decoders do, so every
    other character keeps the position it has in any such reader (DESIGN §2). The file
    counts as UTF-8 when at most MAX_BAD_RUNS runs are invalid and its valid non-ASCII
    characters outnumber the invalid bytes 20 to 1: Windows-1256 Persian text decoded as
    UTF-8 is invalid at almost every letter. `skipped`: bytes before `data` in the file (a BOM),
    so that the warning gives offsets in the file.
    """
    view = memoryview(data)
    parts: list[str] = []
    pos = bad_bytes = runs = 0
    first = -1
    while True:
        try:
            parts.append(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            runs += 1
            if runs > MAX_BAD_RUNS:
                return None
            parts.append(codecs.utf_8_decode(view[pos:pos + exc.start], "strict", True)[0])
            parts.append("\ufffd")
            first = skipped + pos + exc.start if first < 0 else first
            bad_bytes += exc.end - exc.start
            pos += exc.end
    text = "".join(parts)
    non_ascii = sum(1 for ch in text if ch > "\x7f") - runs
    if non_ascii < UTF8_SHARE * bad_bytes:
        return None
    what = f"1 byte that is not valid UTF-8 (at byte {first}) is" if bad_bytes == 1 else \
        f"{bad_bytes} bytes that are not valid UTF-8 (the first at byte {first}) are"
    return text, (f"{what} shown as \ufffd; the rest of the text is read as stored, and the file is not changed",)


MIN_LETTER_SHARE = 0.8


def _check_letters(text: str) -> None:
    """Windows-1256 maps nearly every byte to a character: demand that most of it be letters.

    A Persian page has well over 80 % letters and digits among its non-space characters;
    random bytes decoded this way have about 55 %.
    """
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return
    share = sum(1 for ch in visible if ch.isalnum()) / len(visible)
    if share < MIN_LETTER_SHARE:
        raise UnreadableArticle(f"binary file (only {share:.0%} letters when read as Windows-1256)")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(f"cannot be decoded as {encoding}: {exc.reason}") from exc


def read_text(path: Path) -> DecodedText:
    """Read and decode one article file; OS errors and refusals become UnreadableArticle.

    Only a regular file of at most MAX_ARTICLE_BYTES is read (safe_read), and one whose
    first 64 KB show it is binary is not read further. A name that is not valid UTF-8 is
    refused (`check_name`).
    """
    check_name(path)
    try:
        data = read_bounded(path, MAX_ARTICLE_BYTES, binary_prefix)
    except UnsafeFile as exc:
        raise UnreadableArticle(exc.reason) from exc
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read: {exc.strerror or exc}") from exc
    return decode_bytes(data)


def shown_name(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 shown as U+FFFD."""
    if name.isascii() or _encodes(name):
        return name  # no surrogate at all (the usual case, tested in C: folder scans ask for every file)
    return "".join("\ufffd" if "\udc80" <= ch <= "\udcff" else ch for ch in name)


def _encodes(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_name(path: Path) -> None:
    """Refuse an article whose file name is not valid UTF-8 (bytes Python keeps as surrogates).

    Such names come from archives made on Windows (`unzip` keeps their code page). The id
    of an article is its file name: it goes into sidecar names, W3C IRIs, REFI-QDA XML and
    CSV, which all need valid text, and would not tell apart two names that differ only in
    their unreadable bytes. So the file is skipped with a reason that says how to fix it.
    """
    check_file_name(path.name)


def check_file_name(name: str) -> None:
    """`check_name` for a bare file name (no Path built: folder scans)."""
    if shown_name(name) != name:
        raise UnreadableArticle(
            "its file name is not valid UTF-8 (\ufffd marks the bytes that are not), probably from an archive "
            "made on Windows; rename it, e.g. `convmv -f cp1256 -t utf8 --notest FILE`, or extract the archive "
            "again naming its code page (`unzip -O cp1256 ARCHIVE`)")


def is_article_path(path: Path) -> bool:
    """Tell whether a file name is an article: a visible `.txt` that is not a README."""
    return is_article_name(path.name)


def is_article_name(name: str) -> bool:
    """`is_article_path` for a bare file name (no Path built: folder scans)."""
    if name.startswith(".") or not name.lower().endswith(".txt"):
        return False
    return not name.lower().startswith("readme")
