"""Reading REFI-QDA projects (`.qdpx`) and their selections, notes and codes (docs/exports.md).

Positions and line ends as `refi_qda` writes them (its docstring gives the mapping); every record
not imported is listed with its reason (`Skipped`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree as ET

from ..annotations.model import COLORS, CSS, Annotation, now_iso, parse_time, quote_at
from .qdpx_archive import MAX_TEXT_BYTES, MAX_XML_BYTES, QdpxError, _Archive
from .refi_qda import COLOR_GROUP, _short, article_guid, color_code_name, color_guid, name_guid

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

    # Each code before its children, in document order, without recursion: a code tree
    # thousands of levels deep is read too (a later definition of a guid still wins).
    stack: list[tuple[ET.Element, str]] = [(code, "") for book in reversed(_kids(root, "CodeBook"))
                                           for codes in reversed(_kids(book, "Codes"))
                                           for code in reversed(_kids(codes, "Code"))]
    while stack:
        code, group = stack.pop()
        guid, name = _guid(code.get("guid")), code.get("name") or ""
        own = by_guid.get(guid) or by_name.get(name)
        m = re.search(r"\((yellow|green|blue|pink|purple)\)$", name)
        if own is None and group == COLOR_GROUP and m:
            own = m.group(1)
        if own is not None:
            out[guid] = _Code(name, own, True)
        else:
            out[guid] = _Code(name, nearest_color(code.get("color") or ""), False)
        inner = name if code.get("isCodable") == "false" else group
        stack.extend((kid, inner) for kid in reversed(_kids(code, "Code")))
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
    except RecursionError as exc:  # a RuntimeError, which zipfile also raises: named for what it is
        raise QdpxError("project.qde is nested too deeply to read") from exc
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
