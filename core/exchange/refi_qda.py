"""REFI-QDA projects (`.qdpx`, QDA-XML 1.0 of REFI-QDA 1.5) and codebooks (`.qdc`): the mapping, and writing.

A `.qdpx` is a ZIP holding `project.qde` (valid against Project.xsd) and `sources/`, one UTF-8
`.txt` per article: the article's source text with its line ends written as LF (`\\n`), so every
QDA program counts a line end as one character (QualCoder reads files with universal newlines,
ATLAS.ti counts CRLF as one); positions are mapped accordingly, and mapped back on import.

Mapping (see docs/exports.md):
- each article with exported annotations → a `TextSource` named by the article id, with its
  title, source, news code and Jalali date as variables;
- each placed annotation → a `PlainTextSelection`; positions are Unicode code points from 0,
  `startPosition` inclusive and `endPosition` **exclusive** (Python slicing, the W3C
  TextPositionSelector): `text[startPosition:endPosition]` is the quote;
- each tag → a codable `Code` (coloured with its highlights' most common colour); each of the
  five highlight colours → a codable `Code` under the group «رنگ‌های حاشیه», so colour survives;
- a note → the selection's `<Description>` (read as a coding memo by QualCoder, MAXQDA, ATLAS.ti)
  and a project `Note` referenced by the selection's `NoteRef`;
- an orphan (no current position) cannot be a selection: it becomes a `Note` on its source, and
  its text is added to the source's `<Description>` (a document memo elsewhere).
GUIDs are stable: an annotation `urn:uuid:X` keeps X; everything else is a name-based UUID.
Every element that has a `creationDateTime` gets one (the export time when the annotation has none).
Reading is `refi_qda_read` (with `qdpx_archive`, the ZIP limits).
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree as ET

from ..annotations.model import COLORS, CSS, Anchored, now_iso, parse_time
from ..corpus.article import Article
from ..text.textio import shown_name

NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
Q = f"{{{NS}}}"
HASHIYE_NS = uuid.UUID("77b34f4e-c42a-4762-a5cb-3673827b3e31")  # namespace of Hashiye's name-based GUIDs
COLOR_GROUP = "رنگ‌های حاشیه"
COLOR_LABELS = {"yellow": "زرد", "green": "سبز", "blue": "آبی", "pink": "صورتی", "purple": "بنفش"}
VARIABLES = (("title", "عنوان"), ("source", "منبع"), ("news_code", "کد خبر"),
             ("published_jalali", "تاریخ انتشار (شمسی)"), ("published", "published (ISO 8601)"))
_UUID_URN = re.compile(r"^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")
# Characters XML 1.0 cannot hold at all (not even as character references).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XML_REPLACEMENT = "\ufffd"


class ExportError(Exception):
    """An export that would not be valid in its format; the message says why. Nothing is written."""


def name_guid(kind: str, name: str) -> str:
    """A stable GUID for a thing Hashiye names (article, tag, colour, note…)."""
    return str(uuid.uuid5(HASHIYE_NS, f"{kind}:{name}"))


def annotation_guid(ann_id: str) -> str:
    m = _UUID_URN.match(ann_id)
    return m.group(1).lower() if m else name_guid("annotation", ann_id)


def article_guid(article_id: str) -> str:
    return name_guid("article", article_id)


def color_guid(color: str) -> str:
    return name_guid("color", color)


def color_code_name(color: str) -> str:
    return f"{COLOR_LABELS[color]} ({color})"


def tag_guid(tag: str) -> str:
    return name_guid("tag", tag)


USER = name_guid("user", "hashiye")


# --- Line ends ----------------------------------------------------------------------------------

class LineEnds:
    """A text with its line ends written as LF, and positions mapped both ways.

    `\\r\\n` becomes `\\n` (one character fewer each); a lone `\\r` becomes `\\n` (same length).
    """

    def __init__(self, text: str) -> None:
        self.original = text
        self.crlf = [m.start() for m in re.finditer("\r\n", text)]
        self.text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
        # Position in `text` of each removed `\r` (where its `\n` now stands).
        self._lf_at = [i - k for k, i in enumerate(self.crlf)]

    def to_lf(self, pos: int) -> int:
        """A position of the original text in the LF text (inside a CRLF: before the line end)."""
        return pos - bisect_left(self.crlf, pos)

    def to_original(self, pos: int) -> int:
        return pos + bisect_left(self._lf_at, pos)


def same_text(a: str, b: str) -> bool:
    """Tell whether two texts are the same apart from line ends, a BOM and trailing white space."""
    def norm(t: str) -> str:
        return t.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return norm(a) == norm(b)


# --- Writing ------------------------------------------------------------------------------------

def _stamp(value: str, fallback: str) -> str:
    """An xsd:dateTime: the stored time, or `fallback` (the export time) when it is missing or unreadable."""
    return value if parse_time(value) is not None and "T" in value else fallback


class _Xml:
    """Element building with text made safe for XML 1.0 (characters it cannot hold are counted)."""

    def __init__(self, ns: str) -> None:
        self.q = f"{{{ns}}}"
        self.replaced = 0

    def clean(self, text: str) -> str:
        out, n = _NOT_XML.subn(XML_REPLACEMENT, text)
        self.replaced += n
        return out

    def sub(self, parent: ET.Element, tag: str, text: str | None = None, **attrs: str | None) -> ET.Element:
        el = ET.SubElement(parent, self.q + tag, {k: self.clean(v) for k, v in attrs.items() if v is not None})
        if text is not None:
            el.text = self.clean(text)
        return el


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def _tag_colors(rows: Iterable[tuple[Article, Anchored]]) -> dict[str, str]:
    """Each tag's colour: the most common colour of its highlights (CSS hex)."""
    counts: dict[str, Counter[str]] = {}
    for _art, a in rows:
        for t in a.annotation.tags:
            counts.setdefault(t, Counter())[a.annotation.color] += 1
    return {t: CSS.get(c.most_common(1)[0][0], CSS["yellow"]) for t, c in counts.items()}


def _tag_descriptions(rows: Iterable[tuple[Article, Anchored]]) -> dict[str, str]:
    highlights: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    for art, a in rows:
        for t in a.annotation.tags:
            highlights[t] += 1
            articles.setdefault(t, set()).add(art.id)
    return {t: f"Hashiye tag: {highlights[t]} highlights in {len(articles[t])} articles" for t in highlights}


def _codebook(x: _Xml, parent: ET.Element, rows: list[tuple[Article, Anchored]]) -> None:
    """`<Codes>`: the colour group, then the tags (alphabetical) with colour and description."""
    codes = x.sub(parent, "Codes")
    group = x.sub(codes, "Code", guid=name_guid("group", "colors"), name=COLOR_GROUP, isCodable="false")
    x.sub(group, "Description", "Hashiye highlight colours")
    for c in COLORS:
        x.sub(group, "Code", guid=color_guid(c), name=color_code_name(c), isCodable="true", color=CSS[c])
    colors, descriptions = _tag_colors(rows), _tag_descriptions(rows)
    for t in sorted(colors):
        code = x.sub(codes, "Code", guid=tag_guid(t), name=t, isCodable="true", color=colors[t])
        x.sub(code, "Description", descriptions[t])


def _serialise(x: _Xml, root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    # A raw CR in element text would be read back as LF; as a character reference it survives.
    data = data.replace(b"\r", b"&#13;")
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:  # a guard: what we write must be well-formed XML
        raise ExportError(f"the REFI-QDA XML would not be well-formed ({exc}); nothing was written") from exc
    return data


def source_description(art: Article) -> str:
    """What Hashiye writes as a source's description: title · source · Jalali date."""
    return " · ".join(v for v in (art.title, art.parsed.source, art.published_jalali) if v)


ORPHAN_NOTE = "یادداشت بی‌جا (Hashiye "


def project_xml(corpus_name: str, rows: list[tuple[Article, Anchored]],
                stamp: str | None = None) -> tuple[bytes, dict[str, str], int]:
    """`project.qde`, the source texts it refers to (zip path → text) and how many characters
    XML could not hold (replaced by U+FFFD)."""
    ET.register_namespace("", NS)
    stamp = stamp or now_iso()
    x = _Xml(NS)
    root = ET.Element(Q + "Project", {"name": x.clean(corpus_name), "origin": "Hashiye", "creatingUserGUID": USER,
                                      "creationDateTime": stamp})
    users = x.sub(root, "Users")
    x.sub(users, "User", guid=USER, name="Hashiye")
    _codebook(x, x.sub(root, "CodeBook"), rows)

    variables = x.sub(root, "Variables")
    for key, label in VARIABLES:
        x.sub(variables, "Variable", guid=name_guid("variable", key), name=label, typeOfVariable="Text")

    by_article: dict[str, tuple[Article, list[Anchored]]] = {}
    for art, a in rows:
        by_article.setdefault(art.id, (art, []))[1].append(a)
    sources = x.sub(root, "Sources") if by_article else None
    notes: list[tuple[str, str, str, str]] = []  # guid, name, text, created
    files: dict[str, str] = {}
    for art, placed in by_article.values():
        assert sources is not None
        sguid = article_guid(art.id)
        lines = LineEnds(art.source_text)
        files[f"sources/{sguid}.txt"] = lines.text
        src = x.sub(sources, "TextSource", guid=sguid, name=art.id, plainTextPath=f"internal://{sguid}.txt",
                    creatingUser=USER, creationDateTime=stamp)
        description = source_description(art)
        orphans: list[str] = []
        orphan_texts: list[str] = []
        selections: list[ET.Element] = []
        for a in sorted(placed, key=lambda p: (p.start is None, p.start or 0, p.annotation.id)):
            ann = a.annotation
            created = _stamp(ann.created, stamp)
            if a.start is None or a.end is None:
                nguid = name_guid("orphan", ann.id)
                text = (f"{ORPHAN_NOTE}{ann.id}): «{ann.exact}»"
                        + (f"\n{ann.note}" if ann.note else "")
                        + (f"\nبرچسب‌ها: {'، '.join(ann.tags)}" if ann.tags else ""))
                notes.append((nguid, f"بی‌جا: {_short(ann.exact, 40)}", text, created))
                orphans.append(nguid)
                orphan_texts.append(text)
                continue
            start, end = lines.to_lf(a.start), lines.to_lf(a.end)
            sel = ET.Element(Q + "PlainTextSelection", {k: x.clean(v) for k, v in {
                "guid": annotation_guid(ann.id), "name": _short(lines.text[start:end]),
                "startPosition": str(start), "endPosition": str(end), "creatingUser": USER,
                "creationDateTime": created, "modifyingUser": USER,
                "modifiedDateTime": _stamp(ann.modified, created)}.items()})
            selections.append(sel)
            if ann.note:
                x.sub(sel, "Description", ann.note)
            for code in [color_guid(ann.color if ann.color in COLORS else "yellow")] + [tag_guid(t) for t in ann.tags]:
                coding = x.sub(sel, "Coding", guid=name_guid("coding", f"{ann.id}\n{code}"), creatingUser=USER,
                               creationDateTime=created)
                x.sub(coding, "CodeRef", targetGUID=code)
            if ann.note:
                nguid = name_guid("note", ann.id)
                notes.append((nguid, f"یادداشت: {_short(ann.exact, 40)}", ann.note, created))
                x.sub(sel, "NoteRef", targetGUID=nguid)
        # Schema order: Description, PlainTextContent, PlainTextSelection*, Coding*, NoteRef*, VariableValue*.
        if description or orphan_texts:
            x.sub(src, "Description", "\n\n".join([description] * bool(description) + orphan_texts))
        src.extend(selections)
        for nguid in orphans:
            x.sub(src, "NoteRef", targetGUID=nguid)
        values = {"title": art.title, "source": art.parsed.source, "news_code": art.parsed.news_code,
                  "published_jalali": art.published_jalali, "published": art.published}
        for key, _label in VARIABLES:
            if values[key]:
                vv = x.sub(src, "VariableValue")
                x.sub(vv, "VariableRef", targetGUID=name_guid("variable", key))
                x.sub(vv, "TextValue", values[key])
    if notes:
        holder = x.sub(root, "Notes")
        for nguid, name, text, created in notes:
            note = x.sub(holder, "Note", guid=nguid, name=name, creatingUser=USER, creationDateTime=created)
            x.sub(note, "PlainTextContent", text)
    return _serialise(x, root), files, x.replaced


def export_qdpx(corpus: Path, rows: list[tuple[Article, Anchored]]) -> bytes:
    """The `.qdpx` ZIP: `project.qde` and `sources/<guid>.txt` (UTF-8, LF line ends)."""
    xml, files, _replaced = project_xml(shown_name(corpus.name), rows)  # a folder name may not be UTF-8
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        for name, text in files.items():
            z.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def qdpx_warnings(corpus: Path, rows: list[tuple[Article, Anchored]]) -> list[str]:
    """What a `.qdpx` of these rows cannot carry exactly (characters XML 1.0 cannot hold)."""
    _xml, _files, replaced = project_xml(corpus.name, rows)
    if not replaced:
        return []
    return [f"{replaced} control character(s) in notes, tags or quotes cannot be written in XML and were "
            f"replaced by U+FFFD in the .qdpx (the sidecars keep them)"]


def export_qdc(corpus: Path, rows: list[tuple[Article, Anchored]]) -> str:
    """The codebook alone (`.qdc`, valid against Codebook.xsd): colour codes and tags with colours
    and descriptions."""
    ET.register_namespace("", CODEBOOK_NS)
    x = _Xml(CODEBOOK_NS)
    root = ET.Element(x.q + "CodeBook", {"origin": "Hashiye"})
    _codebook(x, root, rows)
    return _serialise(x, root).decode("utf-8") + "\n"
