"""The codebook (the tags of the exported highlights) for other programs: REFI-QDA `.qdc` and Taguette CSV.

Both are described for users in docs/exports.md.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .annotations import Anchored
from .article import Article
from .refi_qda import _tag_descriptions, export_qdc

Rows = list[tuple[Article, Anchored]]


def export_taguette(corpus: Path, rows: Rows) -> str:
    """The CSV Taguette imports as a codebook: a `tag,description` header, one row per tag.

    UTF-8 without a byte-order mark (Taguette would read it as part of the first column's name),
    values exactly as the tags are (no spreadsheet formula escaping: Taguette matches by name).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["tag", "description"])
    for tag, description in sorted(_tag_descriptions(rows).items()):
        writer.writerow([tag, description])
    return out.getvalue()


__all__ = ["export_qdc", "export_taguette"]
