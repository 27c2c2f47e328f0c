"""Decoding article files (DESIGN §2): what is stored is what the user annotates."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hashiye.core.text.textio import UnreadableArticle, decode_bytes, is_article_path, read_text

PERSIAN = "برگزاری جلسه شورای مشارکت‌های مردمی بهزیستی استان اصفهان\r\nدر این جلسه ۱۲ نفر حضور داشتند.\n"


def test_utf8_is_read_as_is() -> None:
    d = decode_bytes(PERSIAN.encode("utf-8"))
    assert (d.text, d.encoding) == (PERSIAN, "utf-8")


def test_utf8_bom_is_removed_and_nothing_else_changes() -> None:
    d = decode_bytes(codecs.BOM_UTF8 + PERSIAN.encode("utf-8"))
    assert d.text == PERSIAN, "BOM gone, CRLF and ZWNJ kept"
    assert d.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_either_byte_order_mark(codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    d = decode_bytes(bom + PERSIAN.encode(codec))
    assert d.text == PERSIAN and "\ufeff" not in d.text


def test_windows_1256_when_utf8_fails() -> None:
    old = PERSIAN.replace("ی", "ي").replace("ک", "ك").replace("۱۲", "12")
    d = decode_bytes(old.encode("cp1256"))
    assert (d.text, d.encoding) == (old, "cp1256")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(UnreadableArticle, match="binary"):
        decode_bytes(b"%PDF-1.4\n\x00\x01\x02 some text")


def test_control_characters_mean_binary() -> None:
    with pytest.raises(UnreadableArticle, match="control characters"):
        decode_bytes("متن".encode() + bytes(range(1, 9)) * 50)


def test_random_bytes_without_nul_are_binary_even_though_windows_1256_decodes_them() -> None:
    for _ in range(20):
        data = bytes(b for b in os.urandom(4096) if b)
        with pytest.raises(UnreadableArticle, match="binary"):
            decode_bytes(data)


def test_a_broken_file_after_a_bom_is_undecodable_not_a_crash() -> None:
    with pytest.raises(UnreadableArticle, match="cannot be decoded"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa abc")
    with pytest.raises(UnreadableArticle, match="cannot be decoded"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a")  # a lone surrogate


def test_empty_file_decodes_to_empty_text() -> None:
    assert decode_bytes(b"").text == ""


def test_an_unreadable_path_has_a_reason(tmp_path: Path) -> None:
    with pytest.raises(UnreadableArticle, match="cannot be read"):
        read_text(tmp_path / "missing.txt")


@pytest.mark.parametrize(("name", "is_article"), [
    ("000_abc.txt", True), ("خبر.TXT", True), ("README.txt", False), ("readme-fa.txt", False),
    (".hidden.txt", False), (".000_abc.annotations.json.tmp-1", False), ("000_abc.annotations.json", False),
    ("000_abc.annotations.corrupt-20240101T000000Z.json", False), ("notes.md", False), ("a.txt~", False),
])
def test_which_files_are_articles(name: str, is_article: bool) -> None:
    assert is_article_path(Path(name)) is is_article


def test_a_few_invalid_bytes_after_a_utf8_bom_are_replaced_not_fatal() -> None:
    good = (PERSIAN * 20).encode("utf-8")
    d = decode_bytes(codecs.BOM_UTF8 + good[:500] + b"\xe2\x82" + good[500:])
    assert d.encoding == "utf-8-sig"
    assert d.text == good[:500].decode() + "\ufffd" + good[500:].decode(), "a truncated letter is one U+FFFD"
    assert d.warnings and "2 bytes that are not valid UTF-8 (the first at byte 503)" in d.warnings[0], "offset in the file, BOM counted"
