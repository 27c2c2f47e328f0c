"""Fixtures for core tests: a corpus of the seeds in many spellings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ZWNJ = "\u200c"


def spelled(text: str, n: int) -> str:
    """The text as another site might spell it (Arabic letters, ZWNJ as space or joined, digits)."""
    if n % 3 == 1:
        text = text.replace("ی", "ي").replace("ک", "ك")
    if n % 4 == 1:
        text = text.replace(ZWNJ, " ")
    elif n % 4 == 2:
        text = text.replace(ZWNJ, "")
    if n % 5 == 3:
        text = text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"))
    return text


def make_corpus(folder: Path, count: int) -> Path:
    """`count` articles from the seeds, spelled differently, plus files the listing must skip or warn about."""
    folder.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for n in range(count):
        text = spelled(seeds[n % len(seeds)].read_text("utf-8"), n) + f"\nبند شماره {n} این نسخه.\n"
        if n % 7 == 0:
            (folder / f"{n:04d}.txt").write_bytes(text.encode("cp1256", errors="replace"))
        else:
            (folder / f"{n:04d}.txt").write_text(text, "utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "0003.annotations.json").write_text("{not json", "utf-8")
    return folder



@pytest.fixture(name="make_corpus", scope="session")
def make_corpus_fixture() -> Callable[[Path, int], Path]:
    """`make_corpus(folder, count)`: see `make_corpus`."""
    return make_corpus
