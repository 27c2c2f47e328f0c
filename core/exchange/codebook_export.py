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
MAX_QDC_DEPTH = 200  # XML writing recurses per level; a real codebook nests a handful


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

    def code_el(parent_el: ET.Element, c: Code) -> ET.Element:
        color = c.color if _HEX.match(c.color or "") else None
        el = x.sub(parent_el, "Code", guid=tag_guid(c.name), name=c.name, isCodable="true", color=color)
        if c.description:
            x.sub(el, "Description", c.description)
        return el

    # depth first without recursion (a codebook file can chain thousands of parents)
    stack: list[tuple[ET.Element, Code, int]] = [(top, c, 1) for c in
                                                 sorted(children.get(None, []), key=lambda c: c.name, reverse=True)]
    while stack:
        parent_el, c, depth = stack.pop()
        if c.name in done:  # a cycle of parents: each code once
            continue
        if depth > MAX_QDC_DEPTH:
            raise ValueError(f"the code «{c.name}» is nested {depth} levels deep; a .qdc is written for codes "
                             f"up to {MAX_QDC_DEPTH} levels deep. Move it higher in the codebook first; "
                             "nothing was written")
        done.add(c.name)
        el = code_el(parent_el, c)
        stack.extend((el, k, depth + 1) for k in sorted(children.get(c.name, []), key=lambda k: k.name, reverse=True))
    for c in sorted(codes.values(), key=lambda c: c.name):  # codes caught in a cycle go on top
        if c.name not in done:
            done.add(c.name)
            code_el(top, c)
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

    # depth first without recursion (a hostile file can nest codes thousands deep), in document order
    stack: list[tuple[ET.Element, str | None]] = [(codes, None) for book in reversed(books)
                                                  for codes in reversed(_kids(book, "Codes"))]
    while stack:
        el, parent = stack.pop()
        if el.tag.endswith("Code"):
            name = (el.get("name") or "").strip()
            if not name or name == COLOR_GROUP:
                continue
            out.setdefault(name, Code(name, el.get("color") or "", _kid_text(el, "Description"), parent))
            parent = name
        stack.extend((kid, parent) for kid in reversed(_kids(el, "Code")))
    return out
