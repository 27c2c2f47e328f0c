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
_OWN_KEYS = {"@context", "id", "type", "motivation", "created", "modified", "body", "target", "stylesheet"}


@dataclass
class Annotation:
    """One highlight: selectors in source code points, colour, note, tags."""

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


@dataclass
class Anchored:
    """An annotation placed in the current text: status and current source span."""

    annotation: Annotation
    status: str  # anchored | moved | fuzzy | orphan
    start: int | None
    end: int | None


def now_iso() -> str:
    """The current time, ISO 8601 with the local UTC offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


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
    bodies: list[dict[str, Any]] = []
    if ann.note:
        bodies.append({"type": "TextualBody", "value": ann.note, "purpose": "commenting",
                       "format": "text/plain", "language": "fa", "textDirection": "rtl"})
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
    out: dict[str, Any] = {
        "id": ann.id,
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": ann.created,
        "modified": ann.modified,
    }
    if bodies:
        out["body"] = bodies
    out["target"] = {
        "source": URN_PREFIX + iri_part(ann.article),
        "styleClass": ann.color,
        "selector": [
            {"type": "TextQuoteSelector", "exact": ann.exact, "prefix": ann.prefix, "suffix": ann.suffix},
            {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
        ],
    }
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
    """Article id named by a target source: `urn:hashiye:article:<stem>`, or a file/URL's last segment."""
    from urllib.parse import unquote

    if source.startswith(URN_PREFIX):
        return unquote(source[len(URN_PREFIX):]) or None
    if source.startswith(("file:", "http:", "https:")):
        from urllib.parse import urlsplit

        last = unquote(urlsplit(source).path).rstrip("/").rsplit("/", 1)[-1]
        return last[:-4] if last.lower().endswith(".txt") else (last or None)
    return None


def from_w3c(data: Any, article: str | None = None) -> Annotation:
    """Read one W3C annotation; ValueError if it is not one Hashiye can place."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise ValueError("not an annotation object with an id")
    target = data.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, dict):
        raise ValueError("annotation has no target object")
    source = target.get("source")
    art = article_of_source(source) if isinstance(source, str) else None
    art = art or article
    if not art:
        raise ValueError(f"target source {source!r} names no article")
    selectors = target.get("selector")
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote: dict[str, Any] = {}
    pos: dict[str, Any] = {}
    for sel in selectors or []:
        if isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector":
            quote = sel
        elif isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
            pos = sel
    if not isinstance(quote.get("exact"), str) and not isinstance(pos.get("start"), int):
        raise ValueError("annotation has neither a TextQuoteSelector nor a TextPositionSelector")
    start = pos.get("start") if isinstance(pos.get("start"), int) else -1
    end = pos.get("end") if isinstance(pos.get("end"), int) else -1
    note, tags = _bodies(data)
    color = target.get("styleClass") if target.get("styleClass") in COLORS else COLORS[0]
    extra = {k: v for k, v in data.items() if k not in _OWN_KEYS}
    if isinstance(data.get("stylesheet"), dict) and data["stylesheet"].get("type") != "CssStylesheet":
        extra["stylesheet"] = data["stylesheet"]
    return Annotation(
        id=data["id"], article=art, start=start, end=end,
        exact=str(quote.get("exact", "")), prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")), color=color, note=note, tags=tags,
        created=str(data.get("created", "")), modified=str(data.get("modified", data.get("created", ""))),
        extra=extra,
    )


def _bodies(data: dict[str, Any]) -> tuple[str, list[str]]:
    bodies = data.get("body", [])
    if not isinstance(bodies, list):
        bodies = [bodies]
    notes: list[str] = []
    tags: list[str] = []
    for b in bodies:
        if isinstance(b, str):
            notes.append(b)
            continue
        if not isinstance(b, dict) or not isinstance(b.get("value"), str):
            continue
        if b.get("purpose") == "tagging":
            tags.append(b["value"])
        else:
            notes.append(b["value"])
    if isinstance(data.get("bodyValue"), str):
        notes.append(data["bodyValue"])
    return "\n\n".join(notes), tags
