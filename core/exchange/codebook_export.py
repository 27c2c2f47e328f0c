"""The codebook (the tags of the exported highlights) for other programs: REFI-QDA `.qdc` and Taguette CSV.

Both are described for users in docs/exports.md.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..annotations.model import Anchored
from ..corpus.article import Article
from ..annotations.codebook import Code
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


__all__ = ["codebook_qdc", "export_qdc", "export_taguette", "read_codebook_qdc"]

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


# --- the folder's codebook (core/annotations/codebook.py) as `.qdc`, and back ---------------------------------

def codebook_qdc(codes: dict[str, Code]) -> str:
    """The codebook as a REFI-QDA `.qdc` (valid against Codebook.xsd): codes nested under their parents.

    Codes carry their colour (`#rrggbb`) and description; the GUIDs are the ones the `.qdpx`
    export gives the same tags, so QualCoder matches them.
    """
    from xml.etree import ElementTree as ET

    from .refi_qda import CODEBOOK_NS, _serialise, _Xml, tag_guid

    ET.register_namespace("", CODEBOOK_NS)
    x = _Xml(CODEBOOK_NS)
    root = ET.Element(x.q + "CodeBook", {"origin": "Hashiye"})
    top = x.sub(root, "Codes")
    children: dict[str | None, list[Code]] = {}
    for c in codes.values():
        parent = c.parent if c.parent in codes and c.parent != c.name else None
        children.setdefault(parent, []).append(c)
    done: set[str] = set()

    def add(parent_el: ET.Element, parent: str | None) -> None:
        for c in sorted(children.get(parent, []), key=lambda c: c.name):
            if c.name in done:  # a cycle of parents: each code once
                continue
            done.add(c.name)
            color = c.color if _HEX.match(c.color or "") else None
            el = x.sub(parent_el, "Code", guid=tag_guid(c.name), name=c.name, isCodable="true", color=color)
            if c.description:
                x.sub(el, "Description", c.description)
            add(el, c.name)

    add(top, None)
    for c in sorted(codes.values(), key=lambda c: c.name):  # codes caught in a cycle go on top
        if c.name not in done:
            done.add(c.name)
            el = x.sub(top, "Code", guid=tag_guid(c.name), name=c.name, isCodable="true")
            if c.description:
                x.sub(el, "Description", c.description)
    return _serialise(x, root).decode("utf-8") + "\n"


def read_codebook_qdc(data: bytes) -> dict[str, Code]:
    """Codes of a `.qdc` file (or the `<CodeBook>` of a project), parents from the nesting.

    Hashiye's own colour group (not a code) is left out. Raises ValueError if it is not a codebook.
    """
    from xml.etree import ElementTree as ET

    from .refi_qda import COLOR_GROUP
    from .refi_qda_read import _kid_text, _kids

    if len(data) > 64 * 1024 * 1024:
        raise ValueError("the file is over 64 MB; a codebook is far smaller")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from exc
    books = [root] if root.tag.endswith("CodeBook") else [b for b in root.iter() if b.tag.endswith("CodeBook")]
    if not books:
        raise ValueError("no <CodeBook> in the file")
    out: dict[str, Code] = {}

    def walk(el: ET.Element, parent: str | None) -> None:
        for code in _kids(el, "Code"):
            name = (code.get("name") or "").strip()
            if not name or name == COLOR_GROUP:
                continue
            out.setdefault(name, Code(name, code.get("color") or "", _kid_text(code, "Description"), parent))
            walk(code, name)

    for book in books:
        for codes in _kids(book, "Codes"):
            walk(codes, None)
    return out
