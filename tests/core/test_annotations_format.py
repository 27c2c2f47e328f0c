"""The annotation model and its sidecar: W3C MUSTs, merge-friendly layout, other tools' fields kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hashiye.core.annotations.model import (
    COLORS,
    Annotation,
    edited,
    from_w3c,
    new_annotation,
    parse_time,
    to_w3c,
)
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.sidecar import SidecarContent, parse_sidecar, render_sidecar
from hashiye.core.annotations.store import AnnotationStore
from w3c_schema import assert_valid_file, every_sidecar_written_is_valid, must_failures  # noqa: F401 (autouse)

ARTICLE = "002_4a4f9998171fccb3"
QUOTE = "کمیته امداد امام خمینی (ره) خدمات شایسته ای"


def _annotate(corpus: Path, **kw: object) -> tuple[AnnotationStore, Annotation]:
    art = load_article(corpus / f"{ARTICLE}.txt")
    start = art.source_text.index(QUOTE)
    ann = new_annotation(art.id, art.source_text, start, start + len(QUOTE), **kw)  # type: ignore[arg-type]
    store = AnnotationStore(corpus)
    store.save_change(art, upsert=[ann])
    return store, ann


def test_new_annotation_quotes_source_code_points_with_32_char_context() -> None:
    text = "😀" * 40 + "سلام دنیا" + "x" * 40
    ann = new_annotation("a", text, 40, 44, color="blue", note="یادداشت", tags=["t"])
    assert ann.exact == "سلام" and ann.prefix == "😀" * 32 and ann.suffix == " دنیا" + "x" * 27
    assert ann.id.startswith("urn:uuid:") and ann.color == "blue"
    assert parse_time(ann.created) is not None and ann.created == ann.modified
    with pytest.raises(ValueError):
        new_annotation("a", text, 10, 5)


def test_edited_stamps_a_newer_modified() -> None:
    ann = new_annotation("a", "متن کوتاه", 0, 3)
    later = edited(ann, note="نو")
    assert later.note == "نو" and later.id == ann.id
    assert parse_time(later.modified) >= parse_time(ann.modified)  # type: ignore[operator]


def test_sidecar_passes_every_w3c_must_and_is_merge_friendly(seeds_copy: Path) -> None:
    store, ann = _annotate(seeds_copy, color="pink", note="یادداشت من", tags=["امداد", "قزوین"])
    path = store.sidecar_for(ARTICLE)
    assert path.name == f"{ARTICLE}.annotations.json"
    assert_valid_file(path)
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("}\n") and "\\u06" not in raw and '\n  "first": {' in raw
    item = json.loads(raw)["first"]["items"][0]
    assert item["motivation"] == "commenting"
    assert item["target"]["source"] == f"urn:hashiye:article:{ARTICLE}"
    assert item["target"]["styleClass"] == "pink" and item["stylesheet"]["type"] == "CssStylesheet"
    quote, pos = item["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": ann.prefix, "suffix": ann.suffix}
    assert (pos["start"], pos["end"]) == (ann.start, ann.end)
    note, *tags = item["body"]
    assert note["purpose"] == "commenting" and note["language"] == "fa" and note["textDirection"] == "rtl"
    assert [t["value"] for t in tags] == ["امداد", "قزوین"]


def test_rewrite_is_byte_stable(seeds_copy: Path) -> None:
    store, _ann = _annotate(seeds_copy)
    before = store.sidecar_for(ARTICLE).read_bytes()
    content = parse_sidecar(before.decode(), ARTICLE, "x")
    assert render_sidecar(ARTICLE, content).encode() == before


def test_unknown_fields_of_other_tools_survive_a_rewrite(seeds_copy: Path) -> None:
    foreign = {
        "id": "urn:uuid:11111111-2222-3333-4444-555555555555", "type": "Annotation",
        "motivation": "highlighting", "created": "2024-01-02T03:04:05Z",
        "creator": {"id": "https://example.org/me", "type": "Person", "name": "Other tool"},
        "body": [{"type": "SpecificResource", "source": "https://example.org/x"},
                 {"type": "TextualBody", "value": "توضیح", "purpose": "describing"}],
        "target": {"source": f"urn:hashiye:article:{ARTICLE}", "state": {"type": "TimeState",
                   "sourceDate": "2024-01-01T00:00:00Z"},
                   "selector": [{"type": "TextQuoteSelector", "exact": QUOTE},
                                {"type": "FragmentSelector", "value": "p=2"}]},
        "x-tool": {"rating": 5},
    }
    sidecar = seeds_copy / f"{ARTICLE}.annotations.json"
    sidecar.write_text(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x",
                                   "type": "AnnotationCollection", "x-collection": 1,
                                   "first": {"type": "AnnotationPage", "items": [foreign]}}),
                       encoding="utf-8")
    _annotate(seeds_copy)
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["x-collection"] == 1
    kept = next(i for i in data["first"]["items"] if i["id"] == foreign["id"])
    for key in ("creator", "x-tool", "created"):
        assert kept[key] == foreign[key]
    assert kept["body"] == foreign["body"]
    assert kept["target"]["state"] == foreign["target"]["state"]
    assert {"type": "FragmentSelector", "value": "p=2"} in kept["target"]["selector"]
    assert not must_failures(data)


def test_from_w3c_reads_quote_only_and_bodyvalue() -> None:
    ann = from_w3c({"id": "urn:uuid:1", "type": "Annotation", "bodyValue": "note",
                    "target": {"source": "https://example.org/news/002_x.txt",
                               "selector": {"type": "TextQuoteSelector", "exact": "abc"}}})
    assert (ann.article, ann.note, ann.start, ann.exact) == ("002_x", "note", -1, "abc")
    assert ann.color == COLORS[0]
    with pytest.raises(ValueError):
        from_w3c({"id": "urn:uuid:2", "type": "Annotation", "target": {"source": "urn:other:1"}})
    out = to_w3c(ann)
    assert [s["type"] for s in out["target"]["selector"]] == ["TextQuoteSelector"]
    assert "created" not in out  # never write an empty date-time


def test_render_orders_by_position_then_id() -> None:
    text = "الف ب پ ت ث ج چ ح خ د"
    a = new_annotation("x", text, 8, 9)
    b = new_annotation("x", text, 0, 3)
    c = new_annotation("x", text, 0, 3)
    items = json.loads(render_sidecar("x", SidecarContent([a, b, c])))["first"]["items"]
    assert [i["id"] for i in items] == [*sorted([b.id, c.id]), a.id]
