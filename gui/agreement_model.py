"""What the agreement pane shows: the folder's coders, the figures per code as a table, and the
disagreements grouped by unit with each coder's codes (gui/agreement_pane.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hashiye.core.analysis.agreement import AgreementResult
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from .i18n import join, number, tr

Index = QModelIndex | QPersistentModelIndex
MAX_SHOWN = 5000  # disagreements listed (the counts in the table are always complete)
NONE = "—"


@dataclass(frozen=True)
class UnitRow:
    """One unit on which the coders disagree: where, its text, and each coder's codes there that not all gave."""

    article: str
    start: int
    end: int
    text: str
    codes: tuple[tuple[str, ...], ...]  # per coder, in the order chosen


def folder_coders(corpus: Path) -> tuple[list[str], list[str]]:
    """(coders, codes) found in the folder's sidecars, each sorted (run on the runner)."""
    from hashiye.core.analysis.agreement import coders_and_codes

    return coders_and_codes(corpus)


def disagreement_rows(corpus: Path, result: AgreementResult, limit: int = MAX_SHOWN) -> list[UnitRow]:
    """The disagreements grouped by unit, with the unit's text as stored (at most `limit` units)."""
    from hashiye.core.text.textio import UnreadableArticle, read_text

    by_unit: dict[tuple[str, int, int], list[list[str]]] = {}
    for d in result.disagreements:
        key = (d.article, d.start, d.end)
        if key not in by_unit:
            if len(by_unit) >= limit:
                continue
            by_unit[key] = [[] for _ in result.coders]
        for name in d.coded_by:
            by_unit[key][result.coders.index(name)].append(d.code)
    texts: dict[str, str] = {}
    rows = []
    for (art, start, end), codes in by_unit.items():
        if art not in texts:
            try:
                texts[art] = read_text(corpus / f"{art}.txt").text
            except (OSError, UnreadableArticle):
                texts[art] = ""
        text = " ".join(texts[art][start:end].split())
        rows.append(UnitRow(art, start, end, text, tuple(tuple(sorted(c)) for c in codes)))
    return sorted(rows, key=lambda r: (r.article, r.start))  # in reading order, whatever the code


class DisagreementModel(QAbstractTableModel):
    """The unit's text, then one column per coder (the codes they gave there), then the article."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[UnitRow] = []
        self.coders: list[str] = []
        self.titles: dict[str, str] = {}

    def set_rows(self, coders: list[str], rows: list[UnitRow], titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.coders, self.rows, self.titles = coders, rows, titles
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coders) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return tr("متن واحد")
        if section <= len(self.coders):
            return tr("کدهای {name}", name=self.coders[section - 1])
        return tr("مقاله")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return row.text
            if col <= len(self.coders):
                return join(list(row.codes[col - 1])) or NONE
            return self.titles.get(row.article) or row.article
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col <= len(self.coders) and not row.codes[col - 1]:
            return Qt.AlignmentFlag.AlignCenter
        return None


def _figure(key: str, x: float | None) -> str:
    """A percent with one decimal and its sign, kappa and alpha with three; undefined as a dash."""
    if x is None:
        return NONE
    return tr("{n}٪", n=round(x, 1)) if key == "percent" else number(round(x, 3))


def figures_model(result: AgreementResult) -> QStandardItemModel:
    """One row per code and an overall row: the figures of `hashiye-cli agreement --json`."""
    doc = result.to_json()
    two = len(result.coders) == 2
    a, b = result.coders[0], result.coders[-1]
    if two:
        heads = [tr("کد"), tr("هر دو"), tr("فقط {name}", name=a), tr("فقط {name}", name=b), tr("هیچ‌کدام"),
                 tr("درصد توافق"), tr("کاپای کوهن")]
        keys = ["both", "a_only", "b_only", "neither", "percent", "kappa"]
    else:
        heads = [tr("کد"), tr("همه"), tr("هیچ‌کدام"), *(tr("کدگذاری {name}", name=n) for n in result.coders),
                 tr("درصد توافق"), tr("آلفای کریپندورف")]
        keys = ["all", "none", *(f"coded{i}" for i in range(len(result.coders))), "percent", "alpha"]
    model = QStandardItemModel(0, len(heads))
    model.setHorizontalHeaderLabels(heads)
    for name, row in [*doc["codes"].items(), (tr("(همهٔ کدها)"), doc["overall"])]:
        values = dict(row)
        for i, n in enumerate(row.get("coded", [])):
            values[f"coded{i}"] = n
        cells = [QStandardItem(name)]
        for key in keys:
            v = values.get(key)
            cell = QStandardItem(_figure(key, v) if isinstance(v, float) or v is None else number(v))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            cells.append(cell)
        for cell in cells:
            cell.setEditable(False)
        model.appendRow(cells)
    return model
