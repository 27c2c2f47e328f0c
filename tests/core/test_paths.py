"""Where Hashiye finds its sample articles: a source tree's own `seeds/` (`make run` with no folder),
or, installed, a copy of the packaged ones the user can annotate."""

from __future__ import annotations

from pathlib import Path

from hashiye.core.files import paths
from hashiye.core.files.paths import bundled_seeds

ROOT = Path(__file__).resolve().parents[2]


def test_the_sample_folder_is_the_trees_own_or_a_copy_of_it() -> None:
    seeds = bundled_seeds()
    if Path(paths.__file__).resolve().is_relative_to(ROOT):  # run from this source tree
        assert seeds == ROOT / "seeds"
    else:  # the installed package (.ci/pythons): never inside site-packages
        assert "site-packages" not in seeds.parts
    assert sorted(p.name for p in seeds.glob("*.txt")) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
