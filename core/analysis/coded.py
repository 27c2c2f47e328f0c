"""The coding of a folder as records, for the analyses that read every sidecar (agreement,
report): each annotation as (start, end, tags, coders), positions in code points of the
article as stored. Which sidecars count is `sidecar.coded_sidecars`'s rule; records of
unchanged sidecars come from one cache in the user cache folder (`file_cache`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..annotations.coders import _names, coders_of
from ..annotations.sidecar import SUFFIX, CorruptSidecar, body_tags, coded_sidecars, read_sidecar
from ..files.safe_read import MAX_SIDECAR_BYTES, UnsafeFile, read_json_bytes
from .file_cache import FileCache, signature_of

Record = tuple[int, int, list[str], list[str]]  # start, end, tags, coders


def iter_records(corpus: Path) -> Iterator[tuple[str, list[Record]]]:
    """(article id, its annotations as records) of every readable sidecar.

    The sidecars Hashiye writes are read by a fast path; anything else (records sharing an
    id, other shapes) goes through the full reader, so the answer is the same. Records of
    unchanged sidecars come from a cache in the user cache folder.
    """
    cache = FileCache("coded-records", corpus)
    for art, entry in coded_sidecars(corpus):
        name = entry.name
        try:
            sig = signature_of(entry.stat())
        except OSError:
            continue
        records = cache.get(name, sig)
        if not isinstance(records, list):
            records = _read_records(corpus / name)
            if records is None:
                continue
            cache.put(name, sig, records)
        yield art, [(s, e, t, n) for s, e, t, n in records]
    cache.save()


def _read_records(path: Path) -> list[Record] | None:
    article = path.with_name(path.name[: -len(SUFFIX)] + ".txt")
    try:
        raw = read_json_bytes(path, MAX_SIDECAR_BYTES)
        records = _fast_records(json.loads(raw.decode("utf-8-sig")))
        if records is None:
            records = [(a.start, a.end, a.tags, coders_of(a)) for a in read_sidecar(article).annotations]
    except (OSError, UnsafeFile, ValueError, RecursionError, CorruptSidecar):
        return None
    return records


def _fast_records(doc: Any) -> list[Record] | None:
    first = doc.get("first") if isinstance(doc, dict) else None
    items = first.get("items") if isinstance(first, dict) else None
    if not isinstance(items, list):
        return None
    out: list[Record] = []
    ids: set[str] = set()
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item["id"] in ids:
            return None
        ids.add(item["id"])
        target, body = item.get("target"), item.get("body", [])
        if not isinstance(target, dict) or not isinstance(body, list) or not isinstance(target.get("selector"), list):
            return None
        pos = [x for x in target["selector"] if isinstance(x, dict) and x.get("type") == "TextPositionSelector"]
        if len(pos) != 1 or type(pos[0].get("start")) is not int or type(pos[0].get("end")) is not int \
                or not 0 <= pos[0]["start"] <= pos[0]["end"]:
            return None
        tags = body_tags(body)
        if tags is None:
            return None
        out.append((pos[0]["start"], pos[0]["end"], tags, _names(item.get("creator"))))
    return out
