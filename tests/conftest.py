"""Shared fixtures: the bundled seeds copied into tmp_path, caches kept out of the home folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user cache folder (display cache, locks, index)."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("HASHIYE_CACHE_DIR", str(cache))
    return cache


@pytest.fixture(autouse=True)
def private_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (earlier versions of sidecars)."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("HASHIYE_DATA_DIR", str(data))
    return data


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the five bundled articles."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    return folder
