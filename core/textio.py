"""Decode article files as DESIGN §2 says, and tell text from binary."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path


class UnreadableArticle(Exception):
    """A file that cannot be read as an article; `reason` is shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
# C0 controls other than _CONTROL_OK, DEL and the C1 controls.
_CONTROL = re.compile("[" + "".join(chr(c) for c in range(0x20) if chr(c) not in _CONTROL_OK) + "\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.10


def decode_bytes(data: bytes) -> DecodedText:
    """Decode article bytes: BOMs first, then UTF-8, then Windows-1256.

    Raises UnreadableArticle for binary or undecodable data.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, enc = _strict(data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = _strict(data, "utf-16"), "utf-16"
    else:
        if b"\x00" in data:
            raise UnreadableArticle("binary file (contains NUL bytes)")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _strict(data, "cp1256"), "cp1256"
            _check_letters(text)
    if "\x00" in text:
        raise UnreadableArticle("binary file (contains NUL characters)")
    if text and _CONTROL.search(text) is not None:  # a regex scan: C speed, no count unless needed
        controls = len(_CONTROL.findall(text))
        if controls / len(text) > MAX_CONTROL_SHARE:
            raise UnreadableArticle(
                f"binary file ({controls} control characters in {len(text)})"
            )
    return DecodedText(text, enc)


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
    """Read and decode one article file; OS errors become UnreadableArticle."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read: {exc.strerror or exc}") from exc
    return decode_bytes(data)


def is_article_path(path: Path) -> bool:
    """Tell whether a file name is an article: a visible `.txt` that is not a README."""
    return is_article_name(path.name)


def is_article_name(name: str) -> bool:
    """`is_article_path` for a bare file name (no Path built: folder scans)."""
    if name.startswith(".") or not name.lower().endswith(".txt"):
        return False
    return not name.lower().startswith("readme")
