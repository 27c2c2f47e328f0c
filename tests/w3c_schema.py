"""Check W3C Web Annotation JSON against the MUST assertions of the W3C test suite.

The suite's schemas are copied in tests/data/w3c (licence alongside). This mirrors
/work/shared/w3c/validate.py --uri-format iri: embedded pages and annotations inherit the
collection's @context, `format: uri` accepts IRIs (Persian letters), and `date-time` is
checked strictly (RFC 3339: a date, a time and a zone).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SUITE = Path(__file__).resolve().parent / "data" / "w3c"
MUSTS = {
    "annotation": "annotations/annotationMusts.test",
    "collection": "collections/collectionMusts.test",
    "page": "collections/pages/pageMusts.test",
}
_ASCII_OK = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;="
_UCS = "\u00a0-\u200d\u2010-\u2029\u202f-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U000EFFFD"
IRI = re.compile(rf"^[A-Za-z][A-Za-z0-9+.\-]*:(?:[{_ASCII_OK}{_UCS}]|%[0-9A-Fa-f]{{2}})*$")
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def _validators() -> dict[str, list[tuple[str, Draft4Validator]]]:
    registry: Registry = Registry()
    for f in sorted((SUITE / "definitions").glob("*.json")):
        contents = _load(f)
        resource = Resource.from_contents(contents, default_specification=DRAFT4)
        registry = registry.with_resource(f.name, resource)
        if contents.get("id", f.name) != f.name:
            registry = registry.with_resource(contents["id"], resource)
    registry = registry.crawl()
    checker = FormatChecker()
    checker.checks("uri")(lambda v: not isinstance(v, str) or bool(IRI.match(v)) and v.count("#") <= 1)
    checker.checks("date-time")(lambda v: not isinstance(v, str) or bool(DATE_TIME.match(v)))
    out: dict[str, list[tuple[str, Draft4Validator]]] = {}
    for kind, manifest in MUSTS.items():
        out[kind] = []
        for rel in _load(SUITE / manifest)["assertions"]:
            schema = _load(SUITE / rel)
            Draft4Validator.check_schema(schema)
            out[kind].append((rel, Draft4Validator(schema, registry=registry, format_checker=checker)))
    return out


def _units(doc: Any) -> list[tuple[str, str, Any]]:
    """(kind, label, object) for a collection, its embedded page and every annotation."""
    if isinstance(doc, list):
        return [("annotation", f"[{i}]", a) for i, a in enumerate(doc)]
    ctx = doc.get("@context")

    def inherit(obj: Any, context: Any) -> Any:
        return {**obj, "@context": context} if isinstance(obj, dict) and "@context" not in obj else obj

    units: list[tuple[str, str, Any]] = []
    if doc.get("type") == "AnnotationCollection":
        units.append(("collection", "collection", doc))
        doc = inherit(doc.get("first"), ctx)
        ctx = doc.get("@context")
    if doc.get("type") == "AnnotationPage":
        units.append(("page", "page", doc))
    if "items" in doc:
        units += [("annotation", f"items[{i}]", inherit(a, ctx)) for i, a in enumerate(doc["items"])]
    else:
        units.append(("annotation", "annotation", doc))
    return units


def must_failures(doc: Any) -> list[str]:
    """Every failed MUST assertion of the suite, as `label: assertion: message` lines."""
    failures = []
    for kind, label, obj in _units(doc):
        for rel, validator in _validators()[kind]:
            errors = list(validator.iter_errors(obj))
            if errors:
                failures.append(f"{label}: {rel}: {errors[0].message[:200]}")
    return failures


def assert_valid_file(path: Path) -> None:
    """Fail the test unless the file passes every MUST assertion."""
    failures = must_failures(_load(path))
    assert not failures, f"{path.name} fails W3C MUST checks:\n" + "\n".join(failures)


@pytest.fixture(autouse=True)
def every_sidecar_written_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check every sidecar the store writes in this test (records it could not read are kept
    verbatim and are not Hashiye's to fix, so they are left out of the check)."""
    from hashiye.core.annotations import model as annotations
    from hashiye.core.annotations import store

    original = store.render_sidecar

    def checked(*args: Any, **kwargs: Any) -> str:
        text = original(*args, **kwargs)
        doc = json.loads(text)
        ours = []
        for item in doc["first"]["items"]:
            try:
                annotations.from_w3c(item, "x")
            except ValueError:
                continue
            ours.append(item)
        doc["first"]["items"] = ours
        failures = must_failures(doc)
        assert not failures, "the store wrote a sidecar that fails W3C MUST checks:\n" + "\n".join(failures)
        return text

    monkeypatch.setattr(store, "render_sidecar", checked)
