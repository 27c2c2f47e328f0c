"""A codebook file chaining thousands of codes (each the parent of the next): the pane's tree is
found in one pass over the codes, not a walk up the chain for every code (which froze the window
for seconds at 10,000 codes and for many minutes at the codebook's limit of 100,000)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hashiye.core.annotations.codebook import Code, codebook_path
from hashiye.gui.codebook_tree import tree_parents
from test_codebook_pane import open_pane

N = 3000


class CountingCodes(dict):
    """A codebook that counts how often a code is looked up."""

    lookups = 0

    def __getitem__(self, key):
        CountingCodes.lookups += 1
        return super().__getitem__(key)


def test_tree_of_a_long_chain_is_found_with_a_few_lookups_per_code() -> None:
    n = 20000
    codes = CountingCodes({f"c{i}": Code(f"c{i}", "", "", f"c{i + 1}" if i < n - 1 else None) for i in range(n)})
    CountingCodes.lookups = 0
    parents = tree_parents(codes)
    assert CountingCodes.lookups < 5 * n  # was: about n²/2 (200 million here)
    assert parents["c0"] == "c1" and parents[f"c{n - 1}"] is None


def _walk_up(codes: dict[str, Code], name: str) -> str | None:
    """The rule, written plainly: the parent, unless the chain of parents never ends (a loop) or
    names a code that is not there."""
    parent, seen, walk = codes[name].parent, {name}, codes[name].parent
    while walk is not None and walk in codes and walk not in seen:
        seen.add(walk)
        walk = codes[walk].parent
    return parent if parent in codes and walk not in seen else None


def test_tree_parents_keep_the_rule_for_loops_and_unknown_parents() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        names = [f"k{i}" for i in range(rng.randint(1, 7))]
        codes = {n: Code(n, "", "", rng.choice([*names, None, "missing"])) for n in names}
        assert tree_parents(codes) == {n: _walk_up(codes, n) for n in codes}, codes


def test_pane_shows_a_long_chain_nested(qtbot, window, corpus: Path) -> None:
    chain = [{"name": f"c{i}", "parent": f"c{i + 1}"} for i in range(N - 1)] + [{"name": f"c{N - 1}"}]
    codebook_path(corpus).write_text(json.dumps({"codes": chain}), encoding="utf-8")
    pane = open_pane(qtbot, window)
    top = pane.tree.topLevelItem(0)
    assert pane.tree.topLevelItemCount() == 1 and top.text(0) == f"c{N - 1}"
    depth, item = 0, top
    while item.childCount():
        item, depth = item.child(0), depth + 1
    assert depth == N - 1 and item.text(0) == "c0"
