"""Python 3.11 gets hazm 0.10 and 3.12+ hazm 0.12, which normalise a little differently: the
display cache is keyed on the installed release, so a text normalised by one is never shown
as if the other had made it (switching Python, or upgrading hazm, re-normalises)."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from hashiye.core.text import display_cache
from hashiye.core.corpus.article import load_article


def test_the_cache_key_names_the_installed_hazm_release() -> None:
    release = importlib.metadata.version("hazm")
    assert display_cache._hazm_release() == f"hazm-{release}.dist-info"
    assert release.startswith("0.10." if sys.version_info < (3, 12) else "0.12."), "the marker's hazm for this Python"


def test_a_text_normalised_by_another_hazm_is_not_shown(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = seeds_copy / "001_efa6bf155fd70a28.txt"
    art = load_article(path)
    installed = display_cache._hazm_release
    # A display cached under another hazm release, whose text differs from this one's.
    monkeypatch.setattr(display_cache, "_hazm_release", lambda: "hazm-0.0.0.dist-info")
    monkeypatch.setattr(display_cache, "_rules", None)
    other = art.display(normalized=True)
    stale = type(other)(other.text.replace("شورا", "XXXX"), other.map, other.paragraphs, True)
    display_cache.save(art.source_text, "fa", stale)
    assert display_cache.load(art.source_text, "fa").text == stale.text  # type: ignore[union-attr]
    monkeypatch.setattr(display_cache, "_hazm_release", installed)  # (undo() would also drop the private cache)
    monkeypatch.setattr(display_cache, "_rules", None)
    fresh = load_article(path)
    assert not fresh.normalized_ready(), "nothing cached for the installed hazm"
    shown = fresh.display(normalized=True)
    assert "XXXX" not in shown.text and "شورا" in shown.text
