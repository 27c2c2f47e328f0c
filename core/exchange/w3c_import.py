"""Annotations other tools write, made into W3C Web Annotations Hashiye can store (DESIGN §4).

Read: single annotations, lists, AnnotationPages and AnnotationCollections, JSON-LD `@graph`,
Hypothesis API rows and search responses (`{"total": …, "rows": […]}`), Hypothesis JSON-LD,
Recogito/Annotorious exports. Each record is converted on the way in so that what Hashiye writes
passes the W3C MUST checks: a non-IRI id becomes a `urn:uuid:` id (the original kept in `via`),
times are written as RFC 3339, a legacy RangeSelector (XPath containers), positions that are
not whole numbers (booleans, NaN) and parts that are not valid W3C values are dropped — each
change is reported. A record that cannot be placed raises ValueError with the reason.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Iterator
from typing import Any

from ..annotations.model import iri_part, parse_time

IMPORT_NS = uuid.UUID("3f0c8d6e-3b43-4b55-9d59-0c4a3c2b7a51")  # ids minted for records without an IRI id
_ASCII_OK = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;="
_UCS = "\u00a0-\u200d\u2010-\u2029\u202f-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U000EFFFD"
_IRI = re.compile(rf"^[A-Za-z][A-Za-z0-9+.\-]*:(?:[{_ASCII_OK}{_UCS}]|%[0-9A-Fa-f]{{2}})*$")
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# Hypothesis API fields turned into W3C ones.
_HYPOTHESIS = {"text", "tags", "updated", "user", "uri"}
_SELECTORS_WITH_VALUE = {"FragmentSelector", "CssSelector", "XPathSelector", "SvgSelector", "DataPositionSelector"}


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value)) and value.count("#") <= 1


def records_of(data: Any) -> Iterator[Any]:
    """Annotations in a document: one, a list, a page, a collection, `@graph`, Hypothesis `rows`."""
    if isinstance(data, list):
        yield from data
        return
    if not isinstance(data, dict):
        raise ValueError("the file holds neither an annotation nor a collection of them")
    if isinstance(data.get("rows"), list):  # Hypothesis search API
        yield from data["rows"]
    elif isinstance(data.get("@graph"), list):
        yield from data["@graph"]
    elif isinstance(data.get("first"), dict):
        yield from records_of(data["first"])
        yield from data.get("items") or []
    elif isinstance(data.get("items"), list):
        yield from data["items"]
    elif isinstance(data.get("annotations"), list) and "target" not in data:
        yield from data["annotations"]
    else:
        yield data


def label(record: Any, index: int) -> str:
    """How a record is named in messages: its position and id."""
    rid = record.get("id") if isinstance(record, dict) else None
    return f"record {index + 1}" + (f" (id {rid})" if isinstance(rid, (str, int)) and not isinstance(rid, bool) else "")


def rfc3339(value: Any) -> str | None:
    """A time as the W3C model wants it (with seconds and a zone), or None if unreadable."""
    if not isinstance(value, str):
        return None
    if _DATE_TIME.match(value):
        return value
    when = parse_time(value.replace("z", "Z").replace("Z", "+00:00")) if value else None
    if when is None:
        return None
    return when.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _finite(value: Any, changes: list[str], where: str) -> Any:
    """`value` without NaN or infinite numbers (JSON cannot hold them); each one dropped is reported."""
    if isinstance(value, float) and not math.isfinite(value):
        changes.append(f"{where}: a number that is not finite ({value}) was dropped")
        return None
    if isinstance(value, list):
        return [v for v in (_finite(v, changes, where) for v in value) if v is not None]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = _finite(v, changes, f"{where}.{k}")
            if v is not None:
                out[k] = v
        return out
    return value


def _iris(value: Any) -> bool:
    return is_iri(value) or (isinstance(value, list) and bool(value) and all(is_iri(v) for v in value))


def _resource_problem(obj: Any) -> str | None:
    """Why a body or target resource would fail the W3C MUST checks, or None."""
    if isinstance(obj, str):
        return None if is_iri(obj) else "a string that is not an IRI"
    if not isinstance(obj, dict):
        return "neither an IRI nor an object"
    kind = obj.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "id" in obj and not is_iri(obj["id"]):
        return "an id that is not an IRI"
    for key in ("created", "modified"):
        if key in obj and (not isinstance(obj[key], str) or not _DATE_TIME.match(obj[key])):
            return f"an unreadable {key} time"
    for key in ("rights", "via"):
        if key in obj and not _iris(obj[key]):
            return f"a {key} that is not an IRI"
    if "canonical" in obj and not is_iri(obj["canonical"]):
        return "a canonical that is not an IRI"
    if "textDirection" in obj and obj["textDirection"] not in ("ltr", "rtl", "auto"):
        return "a textDirection other than ltr, rtl or auto"
    if "TextualBody" in kinds or ("value" in obj and kind is None):
        if not isinstance(obj.get("value"), str):
            return "a TextualBody without a text value"
        if "items" in obj or "source" in obj:
            return "a TextualBody with items or a source"
    if "SpecificResource" in kinds and "source" not in obj:
        return "a SpecificResource without a source"
    if any(k in kinds for k in ("Choice", "Composite", "List", "Independents")) and not isinstance(obj.get("items"), list):
        return f"a {kind} without items"
    if "source" in obj and _resource_problem(obj["source"]) is not None:
        return "a source that is not valid"
    if "selector" in obj:
        for sel in obj["selector"] if isinstance(obj["selector"], list) else [obj["selector"]]:
            why = _selector_problem(sel)
            if why:
                return why
    return None


def _selector_problem(sel: Any) -> str | None:
    if isinstance(sel, str):
        return None if is_iri(sel) else "a selector that is neither an object nor an IRI"
    if not isinstance(sel, dict):
        return "a selector that is not an object"
    kind = sel.get("type")
    if kind == "TextQuoteSelector":
        if not isinstance(sel.get("exact"), str):
            return "a TextQuoteSelector without exact text"
        if any(k in sel and not isinstance(sel[k], str) for k in ("prefix", "suffix")):
            return "a TextQuoteSelector whose prefix or suffix is not text"
        if not sel["exact"]:
            return "a TextQuoteSelector with empty exact text (an empty selection)"
        return None
    if kind == "TextPositionSelector":
        ok = all(isinstance(sel.get(k), int) and not isinstance(sel.get(k), bool) and sel[k] >= 0
                 for k in ("start", "end"))
        if ok and sel["start"] == sel["end"]:
            return "a TextPositionSelector of length 0 (an empty selection)"
        return None if ok and sel["start"] <= sel["end"] else "a TextPositionSelector whose start and end are not " \
                                                               "whole numbers from 0 (booleans, NaN, text…)"
    if kind == "RangeSelector":
        if "startContainer" in sel or "endContainer" in sel:
            return "a legacy RangeSelector (XPath containers and offsets, from Hypothesis)"
        if not (isinstance(sel.get("startSelector"), dict) and isinstance(sel.get("endSelector"), dict)):
            return "a RangeSelector without start and end selectors"
        return _selector_problem(sel["startSelector"]) or _selector_problem(sel["endSelector"])
    if kind in _SELECTORS_WITH_VALUE:
        return None if isinstance(sel.get("value"), str) else f"a {kind} without a value"
    return f"a selector of unknown type {kind!r}"


def _new_id(original: str) -> str:
    bare = original[1:] if original.startswith("#") else original
    if _UUID.match(bare):
        return f"urn:uuid:{bare.lower()}"
    return f"urn:uuid:{uuid.uuid5(IMPORT_NS, original)}"


def normalise(record: Any) -> tuple[dict[str, Any], list[str]]:
    """A record as a W3C annotation Hashiye can store, and what was changed on the way in.

    Raises ValueError (with the reason) for a record that is not an annotation.
    """
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    changes: list[str] = []
    rec: dict[str, Any] = _finite(dict(record), changes, "record")
    if _HYPOTHESIS & rec.keys() and "body" not in rec and "bodyValue" not in rec:
        rec = _from_hypothesis(rec, changes)
    kind = rec.get("type")
    if kind is None:
        rec["type"] = "Annotation"
    elif kind != "Annotation" and not (isinstance(kind, list) and "Annotation" in kind):
        raise ValueError(f"its type is {kind!r}, not Annotation")
    # id
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or rid == "":
        if "target" not in rec:
            raise ValueError("not an annotation: no id and no target")
        rid = None
    if not is_iri(rid):
        original = str(rid) if rid is not None else None
        rec["id"] = _new_id(original) if original else f"urn:uuid:{uuid.uuid5(IMPORT_NS, repr(sorted(map(str, rec.items()))))}"
        if original:
            kept = f"urn:hashiye:imported-id:{iri_part(original)}"
            via = rec.get("via")
            vias: list[Any] = [via] if is_iri(via) else list(via or []) if _iris(via) else []
            rec["via"] = vias + [kept] if vias else kept
            changes.append(f"id {original!r} is not an IRI: now {rec['id']}, the original kept in via")
        else:
            changes.append(f"no id: given {rec['id']}")
    for key in ("created", "modified", "generated"):
        if key in rec:
            fixed = rfc3339(rec[key])
            if fixed is None:
                changes.append(f"{key} {rec[key]!r} is not a readable time and was dropped")
                del rec[key]
            elif fixed != rec[key]:
                rec[key] = fixed
    for key in ("rights", "via"):
        if key in rec and not _iris(rec[key]):
            changes.append(f"{key} {rec[key]!r} is not an IRI and was dropped")
            del rec[key]
    if "canonical" in rec and not is_iri(rec["canonical"]):
        changes.append(f"canonical {rec['canonical']!r} is not an IRI and was dropped")
        del rec["canonical"]
    if "body" in rec and "bodyValue" in rec:
        changes.append("both body and bodyValue: bodyValue became a commenting body")
        body = rec["body"] if isinstance(rec["body"], list) else [rec["body"]]
        rec["body"] = [{"type": "TextualBody", "value": str(rec.pop("bodyValue")), "purpose": "commenting"}] + body
    elif "bodyValue" in rec and not isinstance(rec["bodyValue"], str):
        changes.append("a bodyValue that is not text was dropped")
        del rec["bodyValue"]
    if "body" in rec:
        rec["body"] = _clean_bodies(rec["body"], changes)
        if rec["body"] is None:
            del rec["body"]
    rec["target"] = _clean_target(rec.get("target"), changes)
    return rec, changes


def _clean_bodies(body: Any, changes: list[str]) -> Any:
    single = not isinstance(body, list)
    kept = []
    for b in [body] if single else body:
        if isinstance(b, str) and not is_iri(b):
            changes.append("a text body became a TextualBody")
            b = {"type": "TextualBody", "value": b}
        if isinstance(b, dict) and b.get("type") is None and isinstance(b.get("value"), str):
            b = {**b, "type": "TextualBody"}
        why = _resource_problem(b)
        if why:
            changes.append(f"a body was dropped: {why}")
            continue
        kept.append(b)
    if not kept:
        return None
    return kept[0] if single else kept


def _clean_target(target: Any, changes: list[str]) -> Any:
    if isinstance(target, list):
        targets = [t for t in target if isinstance(t, (dict, str))]
        if len(targets) != 1:
            raise ValueError(f"it has {len(targets)} targets; Hashiye places an annotation on one article")
        target = targets[0]
    if isinstance(target, str):
        raise ValueError("its target is a whole document (no quote or position to place it by)")
    if not isinstance(target, dict):
        raise ValueError("it has no target")
    target = dict(target)
    raw = target.get("selector")
    selectors = raw if isinstance(raw, list) else [] if raw is None else [raw]
    kept = []
    for sel in selectors:
        why = _selector_problem(sel)
        if why:
            changes.append(f"a selector was dropped: {why}; the annotation is placed by its quote or position")
            continue
        kept.append(sel)
    if not any(isinstance(s, dict) and s.get("type") in ("TextQuoteSelector", "TextPositionSelector") for s in kept):
        raise ValueError("it has no usable TextQuoteSelector or TextPositionSelector (a page note, a reply, or "
                         "positions that are not whole numbers)")
    target["selector"] = kept
    for key in list(target):
        if key in ("styleClass",) and not isinstance(target[key], str):
            del target[key]
    for key in ("id", "created", "modified", "rights", "via", "canonical", "textDirection"):
        if key in target and _resource_problem({key: target[key]}):
            changes.append(f"target {key} {target[key]!r} is not valid and was dropped")
            del target[key]
    return target


def _from_hypothesis(row: dict[str, Any], changes: list[str]) -> dict[str, Any]:
    """A Hypothesis API row (`text`, `tags`, `updated`, `user`, `uri`, `target`) as a W3C annotation."""
    out = {k: v for k, v in row.items() if k not in _HYPOTHESIS}
    bodies: list[Any] = []
    if isinstance(row.get("text"), str) and row["text"].strip():
        bodies.append({"type": "TextualBody", "value": row["text"], "purpose": "commenting",
                       "format": "text/markdown"})
    for t in row.get("tags") or []:
        if isinstance(t, str) and t.strip():
            bodies.append({"type": "TextualBody", "value": t, "purpose": "tagging"})
    if bodies:
        out["body"] = bodies
    if "updated" in row:
        out["modified"] = row["updated"]
    if is_iri(row.get("user")):
        out["creator"] = row["user"]
    target = row.get("target")
    if isinstance(target, list) and len(target) == 1 and isinstance(target[0], dict):
        target = dict(target[0])
    if isinstance(target, dict) and "source" not in target and isinstance(row.get("uri"), str):
        target["source"] = row["uri"]
    out["target"] = target
    links = row.get("links")
    if isinstance(links, dict) and is_iri(links.get("html")) and "via" not in out:
        out["via"] = links["html"]
    return out
