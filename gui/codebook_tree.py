"""What the codebook pane shows of each code: its counts over the folder, its place in the tree, its row."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hashiye.core.annotations.codebook import Code, iter_sidecar_annotations
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidgetItem

from .code_dialog import swatch
from .i18n import digits, tr
from .qtext import plain_tip

NameRole = Qt.ItemDataRole.UserRole + 7
Uses = list[tuple[tuple[str, ...], str]]  # per annotation of an article: its tags and colour


def read_uses(corpus: Path) -> dict[str, Uses]:
    """On the runner: the tags and colour of every annotation of every readable sidecar, by article."""
    return {art: [(tuple(a.tags), a.color) for a in anns] for art, anns in iter_sidecar_annotations(corpus)}


def tally(uses: dict[str, Uses]) -> tuple[Counter[str], Counter[str]]:
    """(highlights carrying each tag, articles with one of them)."""
    highlights: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for per_article in uses.values():
        seen: set[str] = set()
        for tags, _color in per_article:
            highlights.update(tags)
            seen.update(tags)
        articles.update(seen)
    return highlights, articles


def tree_parent(codes: dict[str, Code], name: str) -> str | None:
    """The code's parent in the tree; None at the top (no parent, an unknown one or a loop)."""
    return tree_parents(codes)[name]


def tree_parents(codes: dict[str, Code]) -> dict[str, str | None]:
    """Each code's parent in the tree, in one pass (a codebook file can chain thousands of codes):
    None at the top when the code has no parent, an unknown one, or a loop among its ancestors."""
    rooted: dict[str, bool] = {}  # whether the chain of parents from a code ends (no loop)
    for name in codes:
        path: list[str] = []
        on_path: set[str] = set()
        walk: str | None = name
        while walk is not None and walk in codes and walk not in rooted and walk not in on_path:
            path.append(walk)
            on_path.add(walk)
            walk = codes[walk].parent
        ends = walk is None or walk not in codes or (walk in rooted and rooted[walk])
        for code in path:  # a loop (the walk came back onto its path) or a chain into one: not rooted
            rooted[code] = ends
    return {name: codes[name].parent if codes[name].parent in codes and rooted[name] else None for name in codes}


def code_item(code: Code, n: int, articles: int, key: str, in_codebook: bool) -> QTreeWidgetItem:
    """A row: swatch and name, count, the quick-apply key, description; the tooltip says it all."""
    item = QTreeWidgetItem([code.name, digits(str(n)), key, " ".join(code.description.split())])
    item.setData(0, NameRole, code.name)
    item.setIcon(0, swatch(code.color))
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
    tip = [code.name, tr("{n} برجسته‌سازی در {m} مقاله", n=n, m=articles)]
    if code.description:
        tip.append(code.description)
    if not in_codebook:
        tip.append(tr("در کدنامه نیست (برچسبی روی برجسته‌سازی‌ها)"))
        font = QFont(item.font(0))
        font.setItalic(True)
        item.setFont(0, font)
    if key:
        tip.append(tr("{key}: زدن به برجسته‌سازی جاری", key=key))
    for col in range(4):
        item.setToolTip(col, plain_tip("\n".join(tip)))
    return item
