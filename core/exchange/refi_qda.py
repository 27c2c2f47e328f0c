"""REFI-QDA projects (`.qdpx`, QDA-XML 1.0 of REFI-QDA 1.5) and codebooks (`.qdc`): write and read.

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
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree as ET

from ..annotations.model import COLORS, CSS, Anchored, Annotation, now_iso, parse_time, quote_at
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


# --- Reading ------------------------------------------------------------------------------------

# Limits against archives that expand without end (zip bombs); a real project is far below them.
MAX_MEMBERS = 100_000
MAX_XML_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024


class QdpxError(ValueError):
    """A file that is not a project Hashiye can read safely; the message says why. Nothing was imported."""


@dataclass
class Skipped:
    """Something of a project that was not imported, and why."""

    what: str
    reason: str


@dataclass
class QdpxSource:
    """One text source of a project and the annotations read from its selections (article id unset;
    positions in the project's copy of the text)."""

    guid: str
    name: str
    text: str | None
    annotations: list[Annotation] = field(default_factory=list)
    # What each annotation was made of, for messages: annotation id → "selection 12-40 of «name»".
    labels: dict[str, str] = field(default_factory=dict)
    # Notes on the whole source (its description, document memos): placed on its first line by
    # `with_whole_notes` once the article is known.
    whole_notes: list[str] = field(default_factory=list)

    def with_whole_notes(self, notes: list[str]) -> list[Annotation]:
        """The annotations, with `notes` on the text's first line (joined to a highlight already there)."""
        if not notes or not self.text:
            return self.annotations
        first = next((m for m in re.finditer(r"\S[^\n]*", self.text)), None)
        if first is None:
            return self.annotations
        start, end = first.start(), first.start() + len(first.group().rstrip())
        note = "\n\n".join(notes)
        out = list(self.annotations)
        for i, a in enumerate(out):
            if (a.start, a.end) == (start, end):
                out[i] = replace(a, note="\n\n".join(n for n in (a.note, note) if n))
                return out
        stamp = now_iso()
        exact, prefix, suffix = quote_at(self.text, start, end)
        guid = name_guid("source-note", self.guid + "\n" + note)
        ann = Annotation(f"urn:uuid:{guid}", "", start, end, exact,
                         prefix, suffix, "yellow", note, [], stamp, stamp)
        self.labels[ann.id] = f"the notes on source «{self.name}»"
        return out + [ann]

    def article_id(self, ids: Iterable[str]) -> str | None:
        """The corpus article this source is: by Hashiye's GUID, else by name (file stem or file name)."""
        known = set(ids)
        for i in known:
            if article_guid(i) == self.guid.strip("{}").lower():
                return i
        stem = Path(self.name).stem if self.name.lower().endswith(".txt") else self.name
        return stem if stem in known else None


@dataclass
class QdpxProject:
    origin: str
    sources: list[QdpxSource] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def is_zip(path: Path) -> bool:
    """A ZIP archive by its first bytes: a member, or the end record of an empty archive."""
    with path.open("rb") as fh:
        return fh.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


class _Archive:
    """Members of a ZIP read with size and ratio limits checked before and while reading."""

    def __init__(self, z: zipfile.ZipFile, name: str) -> None:
        self.z = z
        self.name = name
        self.total = 0
        infos = z.infolist()
        if len(infos) > MAX_MEMBERS:
            raise QdpxError(f"it holds {len(infos)} files (more than {MAX_MEMBERS}); refused")
        names = [i.filename.replace("\\", "/") for i in infos if not i.is_dir()]
        self.infos = {i.filename.replace("\\", "/"): i for i in infos if not i.is_dir()}
        if len(self.infos) != len(names):  # tools disagree on which of two same-named members counts
            twice = next(n for n, k in Counter(names).items() if k > 1)
            raise QdpxError(f"it holds two files named {twice}; refused (which one is meant is unclear)")

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        label = info.filename
        if info.file_size > limit:
            raise QdpxError(f"{label} would expand to {info.file_size:,} bytes (limit {limit:,}); refused")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise QdpxError(f"{label} expands {info.file_size // max(info.compress_size, 1):,} times "
                            f"(a zip bomb?); refused")
        out = bytearray()
        with self.z.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                self.total += len(chunk)
                if len(out) > limit or self.total > MAX_TOTAL_BYTES:
                    raise QdpxError(f"{label} expands beyond its declared size and the limits "
                                    f"({limit:,} bytes per file, {MAX_TOTAL_BYTES:,} in all); refused")
                if len(out) > RATIO_FLOOR and len(out) > MAX_RATIO * max(info.compress_size, 1):
                    raise QdpxError(f"{label} expands more than {MAX_RATIO} times (a zip bomb?); refused")
        return bytes(out)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _kids(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name]


def _kid_text(el: ET.Element, name: str) -> str:
    return "".join(k.text or "" for k in _kids(el, name))


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _rgb(value: str) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"#?([0-9a-fA-F]{6})", value.strip())
    if not m:
        return None
    n = int(m.group(1), 16)
    return n >> 16, (n >> 8) & 255, n & 255


def nearest_color(value: str) -> str | None:
    """The Hashiye highlight colour nearest to a code's colour (`#rrggbb`), None if unreadable."""
    rgb = _rgb(value)
    if rgb is None:
        return None

    def dist(c: str) -> int:
        ref = _rgb(CSS[c])
        assert ref is not None
        return sum((a - b) ** 2 for a, b in zip(rgb, ref, strict=True))
    return min(COLORS, key=dist)


@dataclass
class _Code:
    name: str
    color: str | None  # a Hashiye colour this code stands for, or is coloured like
    is_color_code: bool


def _codes(root: ET.Element) -> dict[str, _Code]:
    by_guid = {color_guid(c): c for c in COLORS}
    by_name = {color_code_name(c): c for c in COLORS}
    out: dict[str, _Code] = {}

    def walk(el: ET.Element, group: str) -> None:
        for code in _kids(el, "Code"):
            guid, name = _guid(code.get("guid")), code.get("name") or ""
            own = by_guid.get(guid) or by_name.get(name)
            m = re.search(r"\((yellow|green|blue|pink|purple)\)$", name)
            if own is None and group == COLOR_GROUP and m:
                own = m.group(1)
            if own is not None:
                out[guid] = _Code(name, own, True)
            else:
                out[guid] = _Code(name, nearest_color(code.get("color") or ""), False)
            walk(code, name if code.get("isCodable") == "false" else group)

    for book in _kids(root, "CodeBook"):
        for codes in _kids(book, "Codes"):
            walk(codes, "")
    return out



def _span(sel: ET.Element, size: int, label: str, skipped: list[Skipped]) -> tuple[int, int] | None:
    """A `PlainTextSelection`'s positions, or None (and why, in `skipped`) if they are not a span of the text."""
    try:
        start, end = int(sel.get("startPosition") or ""), int(sel.get("endPosition") or "")
    except ValueError:
        skipped.append(Skipped(label, "its positions are not whole numbers"))
        return None
    if not 0 <= start < end <= size:
        skipped.append(Skipped(label, f"its span is outside the text of {size} characters"))
        return None
    return start, end

def _when(*values: str | None) -> str:
    for v in values:
        if v and parse_time(v) is not None:
            return v
    return ""


@dataclass
class _Piece:
    """One selection (or a note on a span) before selections on the same span are merged."""

    guid: str
    start: int
    end: int
    codes: list[str]
    notes: list[str]
    created: str
    modified: str


def read_qdpx(path: Path) -> QdpxProject:
    """The text sources of a `.qdpx` with their selections as Hashiye annotations (article id unset).

    Selections on the same span are merged into one annotation with all their codes; Hashiye's
    colour codes set the colour, other codes become tags by name (and colour the highlight with
    their own colour attribute); selection descriptions, referenced notes (also QualCoder's
    annotation notes and NVivo's linked notes) and source descriptions become notes. What is
    not imported is listed in `skipped` with its reason. Raises QdpxError (a ValueError) for a
    file that is not a readable project, or one that expands beyond the limits.
    """
    try:
        with zipfile.ZipFile(path) as z:
            arc = _Archive(z, path.name)
            qde = sorted((k for k in arc.infos if k.lower().endswith(".qde")), key=lambda k: (k.count("/"), k))
            if not qde:
                raise QdpxError("no project.qde in the archive")
            raw = arc.read(arc.infos[qde[0]], MAX_XML_BYTES)
            if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
                raise QdpxError("project.qde declares a DTD or entities, which a REFI-QDA project never needs; refused")
            root = ET.fromstring(raw)
            # Source files by name, in `sources/` in any letter case (NVivo writes `Sources/`) or at the top.
            files: dict[str, zipfile.ZipInfo] = {}
            for key, info in arc.infos.items():
                parts = key.split("/")
                if len(parts) == 1 or parts[-2].lower() == "sources":
                    files.setdefault(parts[-1].lower(), info)

            def read_file(ref: str) -> tuple[str | None, str]:
                if not ref.lower().startswith("internal://"):
                    return None, f"its text is outside the project ({ref or 'no path'})"
                info = files.get(ref[len("internal://"):].strip("/").lower())
                if info is None:
                    return None, f"its text file {ref} is missing from the archive"
                return _decode(arc.read(info, MAX_TEXT_BYTES), ref)

            return _read_project(root, read_file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        raise QdpxError(f"not a readable ZIP archive ({exc})") from exc
    except ET.ParseError as exc:
        raise QdpxError(f"project.qde is not well-formed XML ({exc})") from exc


def _decode(data: bytes, ref: str) -> tuple[str | None, str]:
    from ..text.textio import UnreadableArticle, decode_bytes

    try:
        return decode_bytes(data).text, ""
    except UnreadableArticle as exc:
        return None, f"its text file {ref} cannot be read: {exc.reason}"


def _read_project(root: ET.Element, read_file: Callable[[str], tuple[str | None, str]]) -> QdpxProject:
    if _local(root.tag) != "Project" or not (root.tag.startswith("{urn:QDA-XML:project:")):
        raise QdpxError("project.qde holds no QDA-XML Project")
    project = QdpxProject(root.get("origin") or "")
    ours = project.origin.startswith("Hashiye")
    codes = _codes(root)
    notes: dict[str, ET.Element] = {}
    for holder in _kids(root, "Notes"):
        for n in _kids(holder, "Note"):
            notes[_guid(n.get("guid"))] = n
    used_notes: set[str] = set()
    links: dict[str, list[str]] = {}  # selection guid → note guids (NVivo)
    for holder in _kids(root, "Links"):
        for link in _kids(holder, "Link"):
            origin, target = _guid(link.get("originGUID")), _guid(link.get("targetGUID"))
            if origin in notes:
                links.setdefault(target, []).append(origin)
            elif target in notes:
                links.setdefault(origin, []).append(target)

    def note_text(guid: str) -> str | None:
        n = notes.get(guid)
        if n is None:
            return None
        text = _kid_text(n, "PlainTextContent")
        if not text.strip() and n.get("plainTextPath"):
            text = read_file(n.get("plainTextPath") or "")[0] or ""
        return text.strip() or None

    note_sources: dict[str, str] = {}  # note guid → source guid referring to it
    text_sources: list[tuple[ET.Element, str | None, str]] = []
    for holder in _kids(root, "Sources"):
        for src in holder:
            kind = _local(src.tag)
            name = src.get("name") or _guid(src.get("guid"))
            if kind != "TextSource":
                count = len([s for s in src if _local(s.tag).endswith("Selection")])
                if count:
                    project.skipped.append(Skipped(f"{count} selection(s) of {kind} «{name}»",
                                                   "only text sources can be Hashiye articles"))
                continue
            text, why = read_file(src.get("plainTextPath") or "")
            if text is None and _kids(src, "PlainTextContent"):
                text, why = _kid_text(src, "PlainTextContent"), ""
            text_sources.append((src, text, why))
            for ref in _kids(src, "NoteRef"):
                note_sources[_guid(ref.get("targetGUID"))] = _guid(src.get("guid"))

    # QualCoder writes a NoteRef only for the first annotation note of each source; with one text
    # source, the others can only belong to it.
    lone = _guid(text_sources[0][0].get("guid")) if len(text_sources) == 1 else None

    for src, text, why in text_sources:
        sguid, name = _guid(src.get("guid")), src.get("name") or _guid(src.get("guid"))
        source = QdpxSource(src.get("guid") or "", src.get("name") or "", text)
        project.sources.append(source)
        selections = _kids(src, "PlainTextSelection")
        if text is None:
            if selections:
                project.skipped.append(Skipped(f"{len(selections)} selection(s) of «{name}»", why))
            continue
        pieces: list[_Piece] = []
        for sel in selections:
            label = f"selection {sel.get('startPosition')}-{sel.get('endPosition')} of «{name}»"
            span = _span(sel, len(text), label, project.skipped)
            if span is None:
                continue
            start, end = span
            texts = [_kid_text(sel, "Description").strip()]
            for g in [_guid(r.get("targetGUID")) for r in _kids(sel, "NoteRef")] + links.get(_guid(sel.get("guid")), []):
                used_notes.add(g)
                texts.append(note_text(g) or "")
            coded = [_guid(r.get("targetGUID")) for c in _kids(sel, "Coding") for r in _kids(c, "CodeRef")]
            created = _when(sel.get("creationDateTime"), sel.get("modifiedDateTime"))
            pieces.append(_Piece(_guid(sel.get("guid")), start, end, coded, [t for t in texts if t], created,
                                 _when(sel.get("modifiedDateTime"), created)))
        for c in _kids(src, "Coding"):
            project.skipped.append(Skipped(f"a coding of the whole source «{name}»",
                                           "Hashiye highlights a span, not a whole article"))
        # Notes on this source: QualCoder annotations (a note holding a span), or notes on the whole source.
        whole: list[str] = []
        if not ours and _kid_text(src, "Description").strip():
            whole.append(_kid_text(src, "Description").strip())
        for g, n in notes.items():
            if note_sources.get(g, lone) != sguid or g in used_notes:
                continue
            spans = _kids(n, "PlainTextSelection")
            body = note_text(g)
            if body is None:
                continue
            label = f"note «{_short(n.get('name') or body, 40)}» of «{name}»"
            if ours and (n.get("name") or "").startswith("بی‌جا"):
                used_notes.add(g)
                project.skipped.append(Skipped(label, "an orphan exported by Hashiye: its text was no longer "
                                                      "in the article, so it has no place to return to"))
                continue
            used_notes.add(g)
            if not spans:
                whole.append(body)
                continue
            for sp in spans:
                span = _span(sp, len(text), label, project.skipped)
                if span is None:
                    continue
                start, end = span
                created = _when(n.get("creationDateTime"), n.get("modifiedDateTime"))
                pieces.append(_Piece(_guid(sp.get("guid")) or g, start, end, [], [body], created,
                                     _when(n.get("modifiedDateTime"), created)))
        source.whole_notes = whole
        _merge(source, pieces, codes, name, project)
    for g, n in notes.items():
        if g not in used_notes:
            body = note_text(g) or ""
            why = ("QualCoder wrote no reference from a source to this annotation note, so its article is unknown"
                   if _kids(n, "PlainTextSelection") else "a project note (journal), not attached to any text")
            project.skipped.append(Skipped(f"note «{_short(n.get('name') or body or g, 40)}»", why))
    return project


def _merge(source: QdpxSource, pieces: list[_Piece], codes: dict[str, _Code], name: str,
           project: QdpxProject) -> None:
    """One annotation per span: all its codes as tags, colour, the distinct notes."""
    assert source.text is not None
    spans: dict[tuple[int, int], list[_Piece]] = {}
    for p in pieces:
        spans.setdefault((p.start, p.end), []).append(p)
    stamp = now_iso()
    for (start, end), group in sorted(spans.items()):
        color: str | None = None
        tags: list[str] = []
        tinted: str | None = None
        for p in group:
            for g in p.codes:
                code = codes.get(g)
                if code is None:
                    project.skipped.append(Skipped(f"a code of selection {start}-{end} of «{name}»",
                                                   f"code {g} is not in the codebook"))
                elif code.is_color_code:
                    color = color or code.color
                else:
                    if code.name and code.name not in tags:
                        tags.append(code.name)
                    tinted = tinted or code.color
        notes = list(dict.fromkeys(t for p in group for t in p.notes))
        created = min((p.created for p in group if p.created), key=lambda v: parse_time(v) or stamp, default="")
        modified = max((p.modified for p in group if p.modified), key=lambda v: parse_time(v) or stamp, default="")
        created = created or stamp
        guids = [p.guid for p in group if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                                                        p.guid)]
        guid = guids[0] if guids else name_guid("selection", f"{source.guid}\n{start}\n{end}")
        exact, prefix, suffix = quote_at(source.text, start, end)
        ann = Annotation(f"urn:uuid:{guid}", "", start, end, exact, prefix, suffix,
                         color or tinted or "yellow", "\n\n".join(notes), tags, created, modified or created)
        source.annotations.append(ann)
        source.labels[ann.id] = f"selection {start}-{end} of «{name}»"
