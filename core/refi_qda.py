"""REFI-QDA projects (`.qdpx`, QDA-XML 1.0 of REFI-QDA 1.5): export a corpus's annotations, read them back.

A `.qdpx` is a ZIP holding `project.qde` (valid against Project.xsd) and `sources/`, one UTF-8
`.txt` per article: exactly the article's source text, so positions are Hashiye's own.

Mapping (see docs/exports.md):
- each article with exported annotations → a `TextSource` named by the article id, with its
  title, source, news code and Jalali date as variables;
- each placed annotation → a `PlainTextSelection`; positions are Unicode code points from 0,
  `startPosition` inclusive and `endPosition` **exclusive** (Python slicing, the W3C
  TextPositionSelector): `text[startPosition:endPosition]` is the quote;
- each tag → a codable `Code` (coloured with its highlights' most common colour); each of the
  five highlight colours → a codable `Code` under the group «رنگ‌های حاشیه», so colour survives;
- a note → a project `Note` referenced by the selection's `NoteRef`;
- an orphan (no current position) cannot be a selection: it becomes a `Note` on its source.
GUIDs are stable: an annotation `urn:uuid:X` keeps X; everything else is a name-based UUID.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from .annotations import COLORS, CSS, Anchored, Annotation, now_iso, parse_time, quote_at
from .article import Article
from .textio import shown_name

NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"
HASHIYE_NS = uuid.UUID("77b34f4e-c42a-4762-a5cb-3673827b3e31")  # namespace of Hashiye's name-based GUIDs
COLOR_GROUP = "رنگ‌های حاشیه"
COLOR_LABELS = {"yellow": "زرد", "green": "سبز", "blue": "آبی", "pink": "صورتی", "purple": "بنفش"}
VARIABLES = (("title", "عنوان"), ("source", "منبع"), ("news_code", "کد خبر"),
             ("published_jalali", "تاریخ انتشار (شمسی)"), ("published", "published (ISO 8601)"))
_UUID_URN = re.compile(r"^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")


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


def tag_guid(tag: str) -> str:
    return name_guid("tag", tag)


USER = name_guid("user", "hashiye")


def _stamp(value: str) -> str | None:
    """An xsd:dateTime, or None when the stored time is unreadable."""
    return value if parse_time(value) is not None else None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str | None) -> ET.Element:
    el = ET.SubElement(parent, Q + tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def project_xml(corpus_name: str, rows: list[tuple[Article, Anchored]]) -> tuple[bytes, dict[str, str]]:
    """`project.qde` and the source texts it refers to (zip path → text)."""
    ET.register_namespace("", NS)
    stamp = now_iso()
    root = ET.Element(Q + "Project", {"name": corpus_name, "origin": "Hashiye", "creatingUserGUID": USER,
                                      "creationDateTime": stamp})
    users = _sub(root, "Users")
    _sub(users, "User", guid=USER, name="Hashiye")

    # Codebook: the colour group, then tags (alphabetical), each coloured by its most common highlight colour.
    tag_colors: dict[str, Counter[str]] = {}
    for _art, a in rows:
        for t in a.annotation.tags:
            tag_colors.setdefault(t, Counter())[a.annotation.color] += 1
    codes = _sub(_sub(root, "CodeBook"), "Codes")
    group = _sub(codes, "Code", guid=name_guid("group", "colors"), name=COLOR_GROUP, isCodable="false")
    _sub(group, "Description", "Hashiye highlight colours")
    for c in COLORS:
        _sub(group, "Code", guid=color_guid(c), name=f"{COLOR_LABELS[c]} ({c})", isCodable="true", color=CSS[c])
    for t in sorted(tag_colors):
        _sub(codes, "Code", guid=tag_guid(t), name=t, isCodable="true",
             color=CSS.get(tag_colors[t].most_common(1)[0][0], CSS["yellow"]))

    variables = _sub(root, "Variables")
    for key, label in VARIABLES:
        _sub(variables, "Variable", guid=name_guid("variable", key), name=label, typeOfVariable="Text")

    by_article: dict[str, tuple[Article, list[Anchored]]] = {}
    for art, a in rows:
        by_article.setdefault(art.id, (art, []))[1].append(a)
    sources = _sub(root, "Sources") if by_article else None
    notes: list[tuple[str, str, str, str | None]] = []  # guid, name, text, created
    files: dict[str, str] = {}
    for art, placed in by_article.values():
        assert sources is not None
        sguid = article_guid(art.id)
        files[f"sources/{sguid}.txt"] = art.source_text
        src = _sub(sources, "TextSource", guid=sguid, name=art.id, plainTextPath=f"internal://{sguid}.txt",
                   creatingUser=USER, creationDateTime=stamp)
        _sub(src, "Description", " · ".join(x for x in (art.title, art.parsed.source, art.published_jalali) if x))
        orphans: list[str] = []
        for a in sorted(placed, key=lambda p: (p.start is None, p.start or 0, p.annotation.id)):
            ann = a.annotation
            if a.start is None or a.end is None:
                nguid = name_guid("orphan", ann.id)
                text = (f"یادداشت بی‌جا (Hashiye {ann.id}): «{ann.exact}»"
                        + (f"\n{ann.note}" if ann.note else "")
                        + (f"\nبرچسب‌ها: {'، '.join(ann.tags)}" if ann.tags else ""))
                notes.append((nguid, f"بی‌جا: {_short(ann.exact, 40)}", text, _stamp(ann.created)))
                orphans.append(nguid)
                continue
            sel = _sub(src, "PlainTextSelection", guid=annotation_guid(ann.id),
                       name=_short(art.source_text[a.start:a.end]), startPosition=str(a.start),
                       endPosition=str(a.end), creatingUser=USER, creationDateTime=_stamp(ann.created),
                       modifyingUser=USER, modifiedDateTime=_stamp(ann.modified))
            for code in [color_guid(ann.color if ann.color in COLORS else "yellow")] + [tag_guid(t) for t in ann.tags]:
                coding = _sub(sel, "Coding", guid=name_guid("coding", f"{ann.id}\n{code}"), creatingUser=USER,
                              creationDateTime=_stamp(ann.created))
                _sub(coding, "CodeRef", targetGUID=code)
            if ann.note:
                nguid = name_guid("note", ann.id)
                notes.append((nguid, f"یادداشت: {_short(ann.exact, 40)}", ann.note, _stamp(ann.created)))
                _sub(sel, "NoteRef", targetGUID=nguid)
        for nguid in orphans:
            _sub(src, "NoteRef", targetGUID=nguid)
        values = {"title": art.title, "source": art.parsed.source, "news_code": art.parsed.news_code,
                  "published_jalali": art.published_jalali, "published": art.published}
        for key, _label in VARIABLES:
            if values[key]:
                vv = _sub(src, "VariableValue")
                _sub(vv, "VariableRef", targetGUID=name_guid("variable", key))
                _sub(vv, "TextValue", values[key])
    if notes:
        holder = _sub(root, "Notes")
        for nguid, name, text, created in notes:
            note = _sub(holder, "Note", guid=nguid, name=name, creatingUser=USER, creationDateTime=created)
            _sub(note, "PlainTextContent", text)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), files


def export_qdpx(corpus: Path, rows: list[tuple[Article, Anchored]]) -> bytes:
    """The `.qdpx` ZIP: `project.qde` and `sources/<guid>.txt` (UTF-8)."""
    xml, files = project_xml(shown_name(corpus.name), rows)  # a folder name may not be UTF-8
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        for name, text in files.items():
            z.writestr(name, text.encode("utf-8"))
    return out.getvalue()


# --- Reading ----------------------------------------------------------------------------------

@dataclass
class QdpxSource:
    """One text source of a project and the annotations read from its selections."""

    guid: str
    name: str
    text: str | None
    annotations: list[Annotation] = field(default_factory=list)

    def article_id(self, ids: Iterable[str]) -> str | None:
        """The corpus article this source is: by Hashiye's GUID, else by name (file stem or file name)."""
        known = set(ids)
        for i in known:
            if article_guid(i) == self.guid.strip("{}").lower():
                return i
        stem = Path(self.name).stem if self.name.lower().endswith(".txt") else self.name
        return stem if stem in known else None


def is_zip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def read_qdpx(path: Path) -> list[QdpxSource]:
    """The text sources of a `.qdpx` with their selections as Hashiye annotations (article id unset).

    Codes become tags by name, except Hashiye's colour codes, which set the colour; notes referenced
    by a selection become its note. Raises ValueError for a file that is not a readable project.
    """
    try:
        with zipfile.ZipFile(path) as z:
            names = {n.replace("\\", "/"): n for n in z.namelist()}
            qde = next((n for k, n in names.items() if k.lower().endswith(".qde")), None)
            if qde is None:
                raise ValueError("no project.qde in the archive")
            root = ET.fromstring(z.read(qde))
            texts: dict[str, str] = {}
            for key, real in names.items():
                if key.startswith("sources/") and key.lower().endswith(".txt"):
                    texts[key[len("sources/"):]] = z.read(real).decode("utf-8-sig")
    except (zipfile.BadZipFile, ET.ParseError, UnicodeDecodeError, KeyError) as exc:
        raise ValueError(f"not a readable REFI-QDA project: {exc}") from exc
    if root.tag != Q + "Project":
        raise ValueError("project.qde holds no QDA-XML Project")

    colors = {color_guid(c): c for c in COLORS}
    code_names = {c.get("guid", "").strip("{}").lower(): c.get("name", "") for c in root.iter(Q + "Code")}
    notes = {}
    for n in root.iter(Q + "Note"):
        content = n.find(Q + "PlainTextContent")
        notes[n.get("guid", "").strip("{}").lower()] = (content.text or "") if content is not None else ""
    out: list[QdpxSource] = []
    for src in root.iterfind(f"{Q}Sources/{Q}TextSource"):
        text = None
        path_attr = src.get("plainTextPath") or ""
        if path_attr.startswith("internal://"):
            text = texts.get(path_attr[len("internal://"):])
        if text is None:
            content = src.find(Q + "PlainTextContent")
            text = content.text if content is not None else None
        source = QdpxSource(src.get("guid", ""), src.get("name", ""), text)
        for sel in src.iterfind(Q + "PlainTextSelection"):
            try:
                start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
            except ValueError:
                continue
            if text is None or not 0 <= start < end <= len(text):
                continue
            color, tags = "yellow", []
            for ref in sel.iterfind(f"{Q}Coding/{Q}CodeRef"):
                target = ref.get("targetGUID", "").strip("{}").lower()
                if target in colors:
                    color = colors[target]
                elif code_names.get(target):
                    tags.append(code_names[target])
            note = "\n\n".join(notes[g] for g in (r.get("targetGUID", "").strip("{}").lower()
                                                 for r in sel.iterfind(Q + "NoteRef")) if notes.get(g))
            exact, prefix, suffix = quote_at(text, start, end)
            created = sel.get("creationDateTime") or ""
            created = created if parse_time(created) else now_iso()
            modified = sel.get("modifiedDateTime") or ""
            modified = modified if parse_time(modified) else created
            guid = sel.get("guid", "").strip("{}").lower() or str(uuid.uuid4())
            source.annotations.append(Annotation(f"urn:uuid:{guid}", "", start, end, exact, prefix, suffix,
                                                 color, note, list(dict.fromkeys(tags)), created, modified))
        out.append(source)
    return out
