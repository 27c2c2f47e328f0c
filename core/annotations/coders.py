"""Who made an annotation: the W3C `creator` (docs/analysis.md).

A coder is written as `"creator": {"type": "Person", "name": NAME}` (W3C Web Annotation
Data Model §3.3.1: an Agent with a `name`). Records other tools wrote may carry a creator
as an IRI string, an object with `id`, `name` or `nickname`, or a list of them; all are
read. The creator is kept in `Annotation.extra`, which `to_w3c` writes back verbatim.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .model import Annotation

KEY = "creator"


def creator_for(name: str) -> dict[str, str]:
    """The W3C creator of a coder named `name` (an IRI is kept as the agent's id)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a coder needs a name")
    if name.startswith(("http://", "https://", "urn:", "mailto:")):
        return {"id": name, "type": "Person"}
    return {"type": "Person", "name": name}


def _names(value: Any) -> list[str]:
    """Names (or IRIs) in a W3C `creator` value: a string, an agent object or a list of them."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        for key in ("name", "nickname", "id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return [value[key]]
        return []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def coders_of(ann: Annotation) -> list[str]:
    """The names (or IRIs) of whoever made the annotation; [] when nobody is recorded."""
    return _names(ann.extra.get(KEY))


def coder_of(ann: Annotation) -> str | None:
    """The first coder of the annotation, or None."""
    names = coders_of(ann)
    return names[0] if names else None


def with_coder(ann: Annotation, name: str | None) -> Annotation:
    """A copy of `ann` (not re-stamped) with its creator set; None or "" leaves it as it is."""
    if not name or not name.strip():
        return ann
    return replace(ann, extra={**ann.extra, KEY: creator_for(name)})


_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                     "\u2066\u2067\u2068\u2069\ufeff"))


def coder_key(name: str) -> str:
    """A coder's name in the form names are compared in: spaces collapsed, without case, without the
    invisible direction marks a right-to-left text field or a copy from a web page can add."""
    return " ".join(name.translate(_BIDI_MARKS).split()).casefold()


def made_by(ann: Annotation, wanted: set[str]) -> bool:
    """Tell whether one of the annotation's coders is in `wanted` (names compared by `coder_key`)."""
    return any(coder_key(n) in wanted for n in coders_of(ann))


def coder_set(names: list[str]) -> set[str]:
    """`--coder` values in the form `made_by` compares."""
    return {k for k in map(coder_key, names) if k}
