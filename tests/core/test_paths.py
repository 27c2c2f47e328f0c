"""Where Hashiye finds its sample articles when run from a source tree (`make run` with no folder)."""

from __future__ import annotations

from pathlib import Path

from hashiye.core.files.paths import bundled_seeds

ROOT = Path(__file__).resolve().parents[2]


def test_a_source_tree_opens_its_own_seeds() -> None:
    assert bundled_seeds() == ROOT / "seeds"
    assert sorted(p.name for p in bundled_seeds().glob("*.txt")) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
