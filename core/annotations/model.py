"""Annotations: the model and its W3C Web Annotation form (DESIGN §4)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

COLORS = ("yellow", "green", "blue", "pink", "purple")
CSS = {
    "yellow": "#ffe066", "green": "#b2f2bb", "blue": "#a5d8ff", "pink": "#fcc2d7", "purple": "#d0bfff",
}
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URN_PREFIX = "urn:hashiye:article:"
CONTEXT_CHARS = 32  # prefix / suffix length of the TextQuoteSelector

# Keys this module writes; anything else on an annotation is kept verbatim in `extra`.
_OWN_KEYS = {"@context", "id", "type", "motivation", "created", "modified", "body", "bodyValue", "target",
             "stylesheet"}


@dataclass
class Annotation:
    """One highlight: selectors in source code points, colour, note, tags; a value (change it with `edited`)."""

    id: str
    article: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    color: str = "yellow"
    note: str = ""
    tags: list[str] = field(default_factory=list)
    created: str = ""
    modified: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Parts of the W3C record other tools wrote that Hashiye does not model, kept verbatim.
    other_bodies: list[Any] = field(default_factory=list)
    other_selectors: list[Any] = field(default_factory=list)
    target_extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Anchored:
    """An annotation placed in the current text: status and current source span."""

    annotation: Annotation
    status: str  # anchored | moved | fuzzy | orphan
    start: int | None
    end: int | None


def now_iso() -> str:
    """The current time in UTC as W3C wants it (`2026-01-31T09:15:02.123Z`)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(stamp: str) -> dt.datetime | None:
    """An ISO 8601 time with a zone as an aware datetime; None if missing or unreadable."""
    try:
        when = dt.datetime.fromisoformat(stamp)
    except (ValueError, AttributeError):
        return None
    return when if when.tzinfo is not None else None


def newer(a: Annotation, b: Annotation) -> bool:
    """Tell whether `a` was modified after `b` (an unreadable time counts as oldest)."""
    ta, tb = parse_time(a.modified or a.created), parse_time(b.modified or b.created)
    if ta is None or tb is None:
        return ta is not None
    return ta > tb


def quote_at(source: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of a source span, with 32-character context."""
    return (source[start:end], source[max(0, start - CONTEXT_CHARS):start],
            source[end:end + CONTEXT_CHARS])


def new_annotation(article_id: str, source_text: str, start: int, end: int, color: str = "yellow",
                   note: str = "", tags: Sequence[str] = ()) -> Annotation:
    """A fresh annotation of source span [start, end)."""
    if not 0 <= start < end <= len(source_text):
        raise ValueError(f"bad span {start}-{end} for a text of {len(source_text)} characters")
    exact, prefix, suffix = quote_at(source_text, start, end)
    stamp = now_iso()
    return Annotation(f"urn:uuid:{uuid.uuid4()}", article_id, start, end, exact, prefix, suffix,
                      color if color in COLORS else COLORS[0], note, list(tags), stamp, stamp)


def edited(ann: Annotation, **changes: Any) -> Annotation:
    """A copy with `changes` applied and `modified` set to now."""
    return replace(ann, **changes, modified=now_iso())


# --- W3C form -----------------------------------------------------------------------------

def to_w3c(ann: Annotation) -> dict[str, Any]:
    """The W3C JSON of one annotation (stable key order; unknown fields kept)."""
    bodies: list[Any] = []
    if ann.note:
        bodies.append({"type": "TextualBody", "value": ann.note, "purpose": "commenting",
                       "format": "text/plain", "language": "fa", "textDirection": "rtl"})
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
    bodies += ann.other_bodies
    # Another tool's single body (a string IRI, one object) is written back in its own form.
    single = len(bodies) == 1 and not ann.note and not ann.tags
    out: dict[str, Any] = {
        "id": ann.id,
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
    }
    for key in ("created", "modified"):
        if parse_time(getattr(ann, key)) is not None:
            out[key] = getattr(ann, key)
    if bodies:
        out["body"] = bodies[0] if single else bodies
    selectors: list[Any] = [{"type": "TextQuoteSelector", "exact": ann.exact, "prefix": ann.prefix,
                             "suffix": ann.suffix}]
    if 0 <= ann.start <= ann.end:
        selectors.append({"type": "TextPositionSelector", "start": ann.start, "end": ann.end})
    target: dict[str, Any] = {"source": URN_PREFIX + iri_part(ann.article), "styleClass": ann.color,
                              "selector": selectors + ann.other_selectors}
    for key, value in ann.target_extra.items():
        target.setdefault(key, value)
    out["target"] = target
    out["stylesheet"] = {"type": "CssStylesheet",
                         "value": f".{ann.color} {{ background-color: {CSS.get(ann.color, CSS['yellow'])}; }}"}
    for key, value in ann.extra.items():
        out.setdefault(key, value)
    return out


_IRI_UNSAFE = set(' "<>\\^`{|}%#?') | {chr(c) for c in range(0x21)} | {"\x7f"}


def iri_part(text: str) -> str:
    """Percent-encode the characters an IRI cannot hold (spaces, quotes…); keep Persian letters."""
    return "".join(f"%{ord(c):02X}" if c in _IRI_UNSAFE else c for c in text)


def article_of_source(source: str) -> str | None:
    """Article id named by a target source: `urn:hashiye:article:<stem>`, or the last segment of a
    file/URL or of a relative reference (`123.txt`, `news/123.txt`, as tools that write paths do)."""
    from urllib.parse import unquote, urlsplit

    if source.startswith(URN_PREFIX):
        return unquote(source[len(URN_PREFIX):]) or None
    parts = urlsplit(source)
    if parts.scheme in ("file", "http", "https") or (not parts.scheme and not parts.netloc):
        last = unquote(parts.path).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return last[:-4] if last.lower().endswith(".txt") else (last or None)
    return None


_TARGET_KEYS = {"source", "styleClass", "selector"}
_OWN_SELECTORS = ("TextQuoteSelector", "TextPositionSelector")


def from_w3c(data: Any, article: str | None = None) -> Annotation:
    """Read one W3C annotation; ValueError if it is not one Hashiye can place."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise ValueError("not an annotation object with an id")
    target = data.get("target")
    if isinstance(target, list) and len(target) == 1:
        target = target[0]
    if not isinstance(target, dict):
        raise ValueError("annotation has no single target object")
    source = target.get("source")
    art = (article_of_source(source) if isinstance(source, str) else None) or article
    if not art:
        raise ValueError(f"target source {source!r} names no article")
    selectors = target.get("selector")
    selectors = [selectors] if isinstance(selectors, dict) else selectors if isinstance(selectors, list) else []
    found: dict[str, dict[str, Any]] = {}
    others: list[Any] = []
    for sel in selectors:
        kind = sel.get("type") if isinstance(sel, dict) else None
        if kind in _OWN_SELECTORS and kind not in found:
            found[kind] = sel
        else:
            others.append(sel)
    quote, pos = found.get("TextQuoteSelector", {}), found.get("TextPositionSelector", {})
    start, end = pos.get("start"), pos.get("end")
    has_pos = (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
               and not isinstance(end, bool) and 0 <= start <= end)
    if not (isinstance(start, int) and isinstance(end, int) and has_pos):
        start = end = -1
    if not isinstance(quote.get("exact"), str) and not has_pos:
        raise ValueError("annotation has neither a TextQuoteSelector nor a TextPositionSelector")
    note, tags, other_bodies = _bodies(data)
    extra = {k: v for k, v in data.items() if k not in _OWN_KEYS}
    if isinstance(data.get("stylesheet"), dict) and data["stylesheet"].get("type") != "CssStylesheet":
        extra["stylesheet"] = data["stylesheet"]
    created = str(data.get("created", ""))
    return Annotation(
        id=data["id"], article=art, start=start, end=end,
        exact=str(quote.get("exact", "")), prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        color=target["styleClass"] if target.get("styleClass") in COLORS else COLORS[0],
        note=note, tags=tags, created=created, modified=str(data.get("modified", created)),
        extra=extra, other_bodies=other_bodies, other_selectors=others,
        target_extra={k: v for k, v in target.items() if k not in _TARGET_KEYS},
    )


def _bodies(data: dict[str, Any]) -> tuple[str, list[str], list[Any]]:
    """(note, tags, bodies kept verbatim): the first commenting text is the note."""
    bodies = data.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    note: str | None = data["bodyValue"] if isinstance(data.get("bodyValue"), str) else None
    tags: list[str] = []
    others: list[Any] = []
    for b in bodies:
        text = b.get("value") if isinstance(b, dict) and b.get("type", "TextualBody") == "TextualBody" else None
        if not isinstance(text, str):
            others.append(b)
        elif b.get("purpose") == "tagging" and text not in tags:
            tags.append(text)
        elif b.get("purpose") in (None, "commenting") and note is None:
            note = text
        else:
            others.append(b)
    return note or "", tags, others
