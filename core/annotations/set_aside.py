"""Files the store keeps aside instead of deleting: corrupt sidecars, merged sync conflict copies,
records that lost to a newer one with the same id (each under a new name beside the sidecar)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..files.indented_json import dumps_indented
from ..files.atomic import why, write_atomic
from .conflicts import MergeReport
from .model import CONTEXT, iri_part
from .sidecar import SUFFIX


def utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def free_name(path: Path, stem: str) -> Path:
    """`<stem>.json` in the sidecar's folder, numbered if taken (never overwrite a kept file)."""
    candidate = path.with_name(stem + ".json")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}-{n}.json")
        n += 1
    return candidate


def keep_duplicates(path: Path, article_id: str, records: list[object]) -> str:
    """Write records that lost to a newer one with their id beside the sidecar; what to tell the user."""
    aside = free_name(path, f"{article_id}.annotations.duplicates-{utc_stamp()}")
    write_atomic(aside, collection_of(records, article_id, aside.stem))
    return f"{len(records)} older record(s) sharing an id with a newer one were kept in {aside.name}"


def set_copy_aside(path: Path, copy: Path, report: MergeReport, kept: list[str]) -> None:
    """Rename a sync conflict copy merged into `path` so it is not merged again; say so in `kept`."""
    aside = free_name(path, f"{path.name[: -len(SUFFIX)]}.annotations.merged-conflict-{utc_stamp()}")
    try:
        os.rename(copy, aside)
    except OSError as exc:
        kept.append(f"{copy.name} was merged into {path.name} but could not be renamed ({why(exc)}); "
                    f"it stays as it is")
        return
    kept.append(f"{copy.name} (a sync conflict copy) was merged into {path.name} (annotations added: "
                f"{report.added}, updated: {report.updated}) and kept as {aside.name}")


def move_corrupt_aside(path: Path, article_id: str) -> Path:
    """Rename a sidecar that does not parse to a free name beside it; OSError if it cannot be."""
    aside = free_name(path, f"{article_id}.annotations.corrupt-{utc_stamp()}")
    os.rename(path, aside)
    return aside


def collection_of(records: list[object], article_id: str, name: str) -> bytes:
    """Set-aside records as a W3C collection that `hashiye-cli import` can read back.

    The collection and its page carry ids (a W3C MUST), distinct from the sidecar's own.
    """
    base = f"urn:hashiye:annotations:{iri_part(article_id)}:{iri_part(name)}"
    doc = {"@context": CONTEXT, "id": base, "type": "AnnotationCollection",
           "label": "Records set aside by Hashiye", "total": len(records),
           "first": {"id": f"{base}:page-1", "type": "AnnotationPage", "startIndex": 0, "items": records}}
    return (dumps_indented(doc) + "\n").encode("utf-8")
