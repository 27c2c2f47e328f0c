"""The sidecar file: `<stem>.annotations.json` beside `<stem>.txt`, read and rendered (DESIGN §4)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files.indented_json import dumps_indented
from .model import CONTEXT, Annotation, from_w3c, iri_part, newer, to_w3c
from ..files.safe_read import MAX_SIDECAR_BYTES, UnsafeFile, read_json_bytes

SUFFIX = ".annotations.json"


def sidecar_path(article: Path) -> Path:
    """`dir/<stem>.txt` → `dir/<stem>.annotations.json`."""
    return article.with_name(article.stem + SUFFIX)


def coded_sidecars(corpus: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """(article id, directory entry) of each sidecar of a folder that is an article's coding,
    sorted by name: the one rule every folder-wide reader (codebook counts, report, agreement)
    follows. Hidden files are not, and neither is a sidecar without its article beside it (a
    sync tool's conflict copy, an article deleted): it is no article's coding. An unreadable
    folder has none."""
    try:
        with os.scandir(corpus) as entries:
            listed = list(entries)
    except OSError:
        return []
    articles: set[str] = set()
    for entry in listed:
        try:
            if entry.name.lower().endswith(".txt") and entry.is_file():  # a link to an article is an article
                articles.add(entry.name[:-4])  # `X.TXT` is an article too (the listing's rule)
        except OSError:
            pass
    return sorted(((e.name[: -len(SUFFIX)], e) for e in listed
                   if e.name.endswith(SUFFIX) and not e.name.startswith(".")
                   and e.name[: -len(SUFFIX)] in articles), key=lambda pair: pair[1].name)


class CorruptSidecar(Exception):
    """The sidecar exists but is not a readable annotation file."""


@dataclass
class SidecarContent:
    """What a sidecar holds: annotations, records that could not be read (kept verbatim)."""

    annotations: list[Annotation] = field(default_factory=list)
    bad_records: list[Any] = field(default_factory=list)
    collection_extra: dict[str, Any] = field(default_factory=dict)
    page_extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Records that lost to a newer record with the same id: kept aside by the next write.
    set_aside: list[Any] = field(default_factory=list)
    # The warnings about those records (true until the next write resolves them).
    duplicate_warnings: list[str] = field(default_factory=list)

    def copy(self) -> SidecarContent:
        """A copy whose lists and dicts can be changed freely (annotations are shared values)."""
        return SidecarContent(list(self.annotations), list(self.bad_records), dict(self.collection_extra),
                              dict(self.page_extra), list(self.warnings), list(self.set_aside),
                              list(self.duplicate_warnings))


_COLLECTION_KEYS = {"@context", "id", "type", "label", "total", "first", "last", "items"}
_PAGE_KEYS = {"@context", "id", "type", "startIndex", "items", "partOf", "next", "prev"}


def parse_sidecar(raw: str, article_id: str, name: str) -> SidecarContent:
    """Read sidecar text; CorruptSidecar if it is not JSON or not an annotation container."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise CorruptSidecar(f"{name} is not valid JSON ({exc})") from exc
    content = SidecarContent()
    page: Any = data
    if isinstance(data, dict) and isinstance(data.get("first"), dict):
        content.collection_extra = {k: v for k, v in data.items() if k not in _COLLECTION_KEYS}
        page = data["first"]
    if isinstance(page, dict) and isinstance(page.get("items"), list):
        if page is not data:
            content.page_extra = {k: v for k, v in page.items() if k not in _PAGE_KEYS}
        items = page["items"]
    elif isinstance(data, list):
        items = data
    elif isinstance(data, dict) and data.get("type") == "Annotation":
        items = [data]
    else:
        raise CorruptSidecar(f"{name} is not a W3C annotation collection")
    records: list[Any] = []  # beside content.annotations: the record each was read from
    where: dict[str, int] = {}
    for record in items:
        try:
            ann = from_w3c(record, article_id)
        except ValueError as exc:
            content.bad_records.append(record)
            content.warnings.append(f"{name}: one record could not be read ({exc}); it is kept unchanged")
            continue
        if ann.id not in where:
            where[ann.id] = len(content.annotations)
            content.annotations.append(ann)
            records.append(record)
            continue
        _keep_newer(content, records, where[ann.id], ann, record, name)
    return content


def _keep_newer(content: SidecarContent, records: list[Any], i: int, ann: Annotation, record: Any,
                name: str) -> None:
    """Two records with one id: the newer `modified` stays (a tie: the later record), the other is set aside."""
    first = content.annotations[i]
    if record == records[i]:
        _duplicate_warning(content, f"{name}: annotation {ann.id} is listed twice, identically; one copy is kept")
        return
    if newer(first, ann):
        loser = record
    else:
        loser, content.annotations[i], records[i] = records[i], ann, record
    content.set_aside.append(loser)
    kept = content.annotations[i]
    _duplicate_warning(content, f"{name}: annotation {ann.id} is listed twice; the newer one (modified "
                                f"{kept.modified or kept.created or 'unknown'}) is used and the other will be "
                                f"kept aside in a separate file when this article is next saved")


def _duplicate_warning(content: SidecarContent, text: str) -> None:
    content.warnings.append(text)
    content.duplicate_warnings.append(text)


def read_sidecar(article: Path) -> SidecarContent:
    """Read the sidecar of an article (empty if there is none); never writes.

    Raises CorruptSidecar (unparseable) or OSError (unreadable).
    """
    path = sidecar_path(article)
    try:
        raw = read_json_bytes(path, MAX_SIDECAR_BYTES)  # regular file, bounded, never blocks, nesting checked
    except FileNotFoundError:
        return SidecarContent()
    except UnsafeFile as exc:
        raise CorruptSidecar(f"{path.name} {exc.reason}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorruptSidecar(f"{path.name} is not UTF-8 text") from exc
    return parse_sidecar(text, article.stem, path.name)


# Rendered items by annotation id: rewriting 1,000 annotations re-encodes only those that changed.
RenderCache = dict[str, tuple[Annotation, str]]
_ITEMS = "\x00items\x00"
_ITEM_INDENT = " " * 6  # items sit at collection → first → items


def render_sidecar(article_id: str, content: SidecarContent, cache: RenderCache | None = None) -> str:
    """Merge-friendly JSON: stable keys, sorted by position then id, UTF-8, 2-space indent."""
    ordered = sorted(content.annotations, key=lambda a: (a.start, a.end, a.id))
    items = [_item_text(a, cache) for a in ordered] + [_indented(r) for r in content.bad_records]
    base = f"urn:hashiye:annotations:{iri_part(article_id)}"
    page: dict[str, Any] = {"id": f"{base}:page-1", "type": "AnnotationPage", "startIndex": 0}
    page.update(content.page_extra)
    page["items"] = [_ITEMS] if items else []
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": f"Hashiye annotations of {article_id}",
        "total": len(items),
    }
    doc.update(content.collection_extra)
    doc["first"] = page
    text = dumps_indented(doc) + "\n"
    if cache is not None:
        keep = {a.id for a in content.annotations}
        for stale in [k for k in cache if k not in keep]:
            del cache[stale]
    return text.replace(_ITEM_INDENT + json.dumps(_ITEMS), ",\n".join(items), 1) if items else text


def _indented(value: Any) -> str:
    """`value` as json.dumps(indent=2) writes it at item depth (strings hold no raw newlines)."""
    return _ITEM_INDENT + dumps_indented(value, _ITEM_INDENT)


def _item_text(ann: Annotation, cache: RenderCache | None) -> str:
    hit = cache.get(ann.id) if cache is not None else None
    if hit is not None and (hit[0] is ann or hit[0] == ann):
        return hit[1]
    text = _indented(to_w3c(ann))
    if cache is not None:
        cache[ann.id] = (ann, text)
    return text


def signature(path: Path) -> tuple[int, int, int, int] | None:
    """What changes whenever a file is replaced or rewritten (inode, size, mtime, ctime)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def peek_count(article: Path) -> tuple[int, str | None]:
    """Count the annotations beside an article without changing anything.

    Returns (count, warning); a sidecar that does not parse counts as 0 with a warning.
    """
    try:
        content = read_sidecar(article)
    except CorruptSidecar as exc:
        return 0, f"{exc}; counted as no annotations"
    except OSError as exc:
        return 0, f"{sidecar_path(article).name} cannot be read ({exc.strerror or exc}); counted as no annotations"
    warning = "; ".join(content.warnings) or None
    return len(content.annotations), warning


def body_tags(body: list[Any]) -> list[str] | None:
    """The tags of a W3C annotation's body list, in order and once each, read straight from the
    JSON (the fast path of reports and agreement); None if an entry is not an object."""
    tags: list[str] = []
    for b in body:
        if not isinstance(b, dict):
            return None
        if b.get("purpose") == "tagging" and b.get("type", "TextualBody") == "TextualBody" \
                and isinstance(b.get("value"), str) and b["value"] not in tags:
            tags.append(b["value"])
    return tags
