"""Two versions of one sidecar made apart (sync conflict copies, git branches) merged by annotation id.

The field rules are the store's 3-way merge (`merge3`): a field only one side changed takes
that change; a field both changed takes the newer `modified`. With a common ancestor
(git's BASE) an annotation one side deleted and the other left alone stays deleted; without
one (a sync conflict copy) nothing is deleted: the union is kept, so nothing is lost.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .model import Annotation, newer
from .sidecar import SUFFIX, SidecarContent

# Names sync tools give the losing copy of `name.ext`; removing the mark gives the original name.
_MARKS = [
    re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(?=\.[^.]+$)"),   # Syncthing
    re.compile(r" \([^()]*conflicted copy[^()]*\)(?=\.[^.]+$)", re.IGNORECASE),  # Dropbox, Nextcloud
    re.compile(r" \(conflict[^()]*\)(?=\.[^.]+$)", re.IGNORECASE),              # Nextcloud, ownCloud
    re.compile(r"_conflict-\d{8}-\d{6}(?=\.[^.]+$)"),                            # older ownCloud
]


def original_name(name: str) -> str | None:
    """The sidecar name a sync conflict copy stands for, or None if `name` is not such a copy."""
    for mark in _MARKS:
        stripped, n = mark.subn("", name, count=1)
        if n and stripped.endswith(SUFFIX) and not stripped.startswith("."):
            return stripped
    return None


@dataclass
class MergeReport:
    added: int = 0  # annotations only the other version had
    updated: int = 0  # annotations both had, changed by the other
    deleted: int = 0  # annotations removed because one side deleted them (3-way only)
    notes: list[str] = field(default_factory=list)


def merge3(base: Annotation, ours: Annotation, theirs: Annotation) -> Annotation:
    """Field by field: a field only one side changed takes that change; both → the newer edit."""
    ours_win = not newer(theirs, ours)
    merged = {}
    for f in fields(Annotation):
        b, o, t = (getattr(x, f.name) for x in (base, ours, theirs))
        merged[f.name] = t if o == b else o if t == b or ours_win else t
    later = ours if ours_win else theirs
    merged["modified"] = later.modified
    return Annotation(**merged)


def merge_contents(base: SidecarContent | None, ours: SidecarContent, theirs: SidecarContent,
                   ancestors: dict[str, Annotation] | None = None) -> tuple[SidecarContent, MergeReport]:
    """Merge two versions of a sidecar by id; `ours` keeps its order of extras and bad records.

    `ancestors` supplies a common version per id when there is no BASE file (e.g. from the
    earlier versions kept by the store); without any, a differing pair keeps the newer.
    """
    report = MergeReport()
    base_by = {a.id: a for a in base.annotations} if base is not None else {}
    known = dict(ancestors or {})
    known.update(base_by)
    ours_by = {a.id: a for a in ours.annotations}
    theirs_by = {a.id: a for a in theirs.annotations}
    out: dict[str, Annotation] = {}
    for ann_id in list(ours_by) + [i for i in theirs_by if i not in ours_by]:
        o, t = ours_by.get(ann_id), theirs_by.get(ann_id)
        if o is not None and t is not None:
            out[ann_id] = o if o == t else merge3(known.get(ann_id) or (t if newer(o, t) else o), o, t)
            report.updated += out[ann_id] != o
        elif base is not None and ann_id in base_by:
            kept = o if o is not None else t
            assert kept is not None
            if kept == base_by[ann_id]:
                report.deleted += 1  # one side deleted it, the other did not touch it
                continue
            out[ann_id] = kept
            report.notes.append(f"«{kept.exact[:40]}» was deleted on one side and edited on the other; "
                                f"the edit is kept")
        else:
            out[ann_id] = o if o is not None else t  # type: ignore[assignment]
            report.added += o is None
    merged = ours.copy()
    merged.annotations = list(out.values())
    merged.warnings = ours.warnings + theirs.warnings
    merged.bad_records = _union(ours.bad_records, theirs.bad_records)
    merged.set_aside = _union(ours.set_aside, theirs.set_aside)
    merged.collection_extra = {**theirs.collection_extra, **ours.collection_extra}
    merged.page_extra = {**theirs.page_extra, **ours.page_extra}
    return merged, report


def _union(a: list[Any], b: list[Any]) -> list[Any]:
    seen = {json.dumps(x, sort_keys=True, ensure_ascii=False) for x in a}
    return a + [x for x in b if json.dumps(x, sort_keys=True, ensure_ascii=False) not in seen]


def article_id_of(path_hint: str | None, *contents: SidecarContent) -> str:
    """The article stem for a merged sidecar: from its path, else from its annotations."""
    if path_hint:
        name = Path(path_hint).name
        if name.endswith(SUFFIX):
            return name[: -len(SUFFIX)]
    for content in contents:
        for ann in content.annotations:
            if ann.article:
                return ann.article
    return ""
