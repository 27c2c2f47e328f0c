"""W3C import from other tools: Hypothesis (API rows, search responses, JSON-LD), Recogito, the W3C model's examples.

Records are synthetic, written in the shapes these tools document (Hypothesis API v1
`/api/search` and `/api/annotations/{id}.jsonld`, RecogitoJS / Annotorious W3C output, the
examples of the Web Annotation Data Model). After every import, every sidecar passes the W3C
MUST checks (the autouse fixture checks each write; the tests check the files too).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hashiye.core.cli.main import main
from w3c_schema import assert_valid_file, every_sidecar_written_is_valid  # noqa: F401 (autouse)

A1 = "001_efa6bf155fd70a28"
QUOTE = "برگزاری کمیسیون فرهنگی اجتماعی"
WEB = "https://www.example-news.ir/news/1400/کمیسیون-فرهنگی"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def items(folder: Path, article: str = A1) -> list[dict[str, Any]]:
    sidecar = folder / f"{article}.annotations.json"
    assert_valid_file(sidecar)
    return json.loads(sidecar.read_text("utf-8"))["first"]["items"]


def write(tmp_path: Path, name: str, doc: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False, allow_nan=True), "utf-8")
    return path


def hypothesis_row(row_id: str, **extra: Any) -> dict[str, Any]:
    """A row of Hypothesis's search API: positions of the web page, a legacy RangeSelector."""
    row = {
        "id": row_id, "created": "2026-11-01T08:15:02.402104+00:00", "updated": "2026-11-02T09:00:00.000000+00:00",
        "user": "acct:reader@hypothes.is", "uri": WEB, "text": "یادداشت **در Hypothesis**", "tags": ["جهاد", "کمیسیون"],
        "group": "__world__", "permissions": {"read": ["group:__world__"]},
        "target": [{"source": WEB, "selector": [
            {"type": "RangeSelector", "endOffset": 30, "startOffset": 0,
             "endContainer": "/div[1]/article[1]/h1[1]", "startContainer": "/div[1]/article[1]/h1[1]"},
            {"type": "TextPositionSelector", "start": 912, "end": 942},
            {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": "", "suffix": " شورای عالی جهاد سازندگی"}]}],
        "document": {"title": ["برگزاری کمیسیون فرهنگی"]},
        "links": {"html": f"https://hypothes.is/a/{row_id}", "incontext": f"https://hyp.is/{row_id}/x",
                  "json": f"https://hypothes.is/api/annotations/{row_id}"},
        "flagged": False, "hidden": False, "user_info": {"display_name": "Reader"},
    }
    row.update(extra)
    return row


def test_hypothesis_search_response_imports_note_tags_and_says_why_not_the_rest(
        seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reply = hypothesis_row("Rp1yHw", text="پاسخ", tags=[], references=["AbC123xyz"],
                           target=[{"source": WEB}])
    page_note = hypothesis_row("PgN0te", target=[{"source": WEB}])
    elsewhere = hypothesis_row("Else99", target=[{"source": "https://example.org/other", "selector": [
        {"type": "TextQuoteSelector", "exact": "متنی که در هیچ خبری نیست"}]}])
    doc = {"total": 4, "rows": [hypothesis_row("AbC123xyz"), reply, page_note, elsewhere]}
    code, out, err = run(capsys, "import", str(write(tmp_path, "search.json", doc)), "--corpus", str(seeds_copy))
    assert code == 0 and out.strip() == "imported 1, merged 0, orphaned 0, unmatched 3"
    assert err.count("not imported: record") == 3
    assert "record 2 (id Rp1yHw): it has no usable TextQuoteSelector" in err
    assert "record 4 (id Else99): its target 'https://example.org/other' is not an article of this corpus and " \
           "its quote is in no article; name the article with --article ID" in err
    assert "legacy RangeSelector" in err and "matched to article" in err
    (item,) = items(seeds_copy)
    assert item["id"].startswith("urn:uuid:")
    assert item["via"] == ["https://hypothes.is/a/AbC123xyz", "urn:hashiye:imported-id:AbC123xyz"]
    bodies = item["body"]
    assert bodies[0]["value"] == "یادداشت **در Hypothesis**" and bodies[0]["purpose"] == "commenting"
    assert [b["value"] for b in bodies if b["purpose"] == "tagging"] == ["جهاد", "کمیسیون"]
    assert item["modified"] == "2026-11-02T09:00:00.000000+00:00" and item["creator"] == "acct:reader@hypothes.is"
    text = (seeds_copy / f"{A1}.txt").read_text("utf-8")
    sel = {s["type"]: s for s in item["target"]["selector"]}
    assert "RangeSelector" not in sel and text[sel["TextPositionSelector"]["start"]:][:len(QUOTE)] == QUOTE
    # The same file again: the same ids, nothing added.
    assert run(capsys, "import", str(tmp_path / "search.json"), "--corpus", str(seeds_copy))[1].startswith(
        "imported 0, merged 1")


def test_one_hypothesis_row_and_json_ld_with_the_article_named(seeds_copy: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    row = hypothesis_row("OneRow42")
    row["target"][0]["selector"][2]["exact"] = "بهزیستی"  # in several articles: needs the user's choice
    jsonld = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "https://hypothes.is/a/JsonLd7",
        "created": "2026-11-03T10:00:00.000000+00:00", "modified": "2026-11-03T10:00:00.000000+00:00",
        "creator": "acct:reader@hypothes.is",
        "body": [{"type": "TextualBody", "value": "از JSON-LD", "format": "text/markdown"},
                 {"type": "TextualBody", "purpose": "tagging", "value": "نهاد"}],
        "target": [{"source": WEB, "selector": [{"type": "TextQuoteSelector", "exact": "شورای عالی جهاد سازندگی"}]}],
    }
    code, _out, err = run(capsys, "import", str(write(tmp_path, "row.json", row)), "--corpus", str(seeds_copy))
    assert code == 0 and "record 1 (id OneRow42): " in err and "its quote is in 3 articles; name the article" in err
    code, out, err = run(capsys, "import", str(write(tmp_path, "row.json", row)), "--corpus", str(seeds_copy),
                         "--article", A1)
    assert out.strip() == "imported 1, merged 0, orphaned 0, unmatched 0"
    code, out, err = run(capsys, "import", str(write(tmp_path, "one.jsonld", jsonld)), "--corpus", str(seeds_copy),
                         "--article", A1)
    assert out.strip() == "imported 1, merged 0, orphaned 0, unmatched 0"
    got = {i["id"]: i for i in items(seeds_copy)}
    ld = got["https://hypothes.is/a/JsonLd7"]
    assert ld["body"][0]["value"] == "از JSON-LD" and ld["body"][1]["value"] == "نهاد"
    assert ld["target"]["source"] == f"urn:hashiye:article:{A1}"
    assert run(capsys, "import", str(tmp_path / "row.json"), "--corpus", str(seeds_copy), "--article", "nope")[0] == 1


def test_recogito_and_annotorious_exports(seeds_copy: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = (seeds_copy / f"{A1}.txt").read_text("utf-8")
    start = text.index("شورای عالی جهاد سازندگی")
    recogito = [
        {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
         "id": "#a88b22d0-6106-4872-9435-c78b5e89fede",
         "body": [{"type": "TextualBody", "value": "یادداشت Recogito", "purpose": "commenting"},
                  {"type": "TextualBody", "value": "جهاد", "purpose": "tagging"}],
         "target": {"selector": [{"type": "TextQuoteSelector", "exact": "شورای عالی جهاد سازندگی"},
                                 {"type": "TextPositionSelector", "start": start, "end": start + 23}]}},
        {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
         "id": "3e5bd3c4-65b9-4e7c-9b43-0d7c5c3a6a01",
         "body": [{"type": "TextualBody", "value": "بدون شناسهٔ IRI", "purpose": "commenting"}],
         "target": {"selector": [{"type": "TextQuoteSelector", "exact": QUOTE}]}},
        {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "#image-1",
         "body": [], "target": {"source": "http://example.org/photo.jpg",
                                "selector": {"type": "FragmentSelector", "conformsTo": "http://www.w3.org/TR/media-frags/",
                                             "value": "xywh=pixel:10,10,50,50"}}},
    ]
    code, out, err = run(capsys, "import", str(write(tmp_path, "recogito.json", recogito)), "--corpus",
                         str(seeds_copy), "--article", A1)
    assert code == 0 and out.strip() == "imported 2, merged 0, orphaned 0, unmatched 1"
    assert "record 3 (id #image-1): it has no usable TextQuoteSelector or TextPositionSelector" in err
    got = {i["id"]: i for i in items(seeds_copy)}
    first = got["urn:uuid:a88b22d0-6106-4872-9435-c78b5e89fede"]
    assert first["via"] == "urn:hashiye:imported-id:%23a88b22d0-6106-4872-9435-c78b5e89fede"
    assert first["body"][0]["value"] == "یادداشت Recogito" and first["body"][1]["value"] == "جهاد"
    assert got["urn:uuid:3e5bd3c4-65b9-4e7c-9b43-0d7c5c3a6a01"]["body"][0]["value"] == "بدون شناسهٔ IRI"


def test_w3c_model_examples_and_hostile_values(seeds_copy: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    text = (seeds_copy / f"{A1}.txt").read_text("utf-8")
    start = text.index(QUOTE)
    target = {"source": f"urn:hashiye:article:{A1}",
              "selector": [{"type": "TextQuoteSelector", "exact": QUOTE},
                           {"type": "TextPositionSelector", "start": start, "end": start + len(QUOTE)}]}
    docs = [
        # Web Annotation Data Model, Example 1 (a whole page as target) and Example 2-like (an IRI body).
        {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1", "type": "Annotation",
         "body": "http://example.org/post1", "target": "http://example.com/page1"},
        {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno2", "type": "Annotation",
         "body": "http://example.org/analysis1.mp3", "target": target},
        # Hostile: a boolean and a NaN position, a non-IRI id, an unreadable time, a NaN anywhere, a bad via.
        {"id": "anno 3", "type": "Annotation", "created": "yesterday", "score": float("nan"), "via": "not an iri",
         "body": {"type": "TextualBody", "value": "bool offsets"},
         "target": {"source": f"urn:hashiye:article:{A1}", "selector": [
             {"type": "TextQuoteSelector", "exact": QUOTE},
             {"type": "TextPositionSelector", "start": True, "end": float("nan")}]}},
        {"id": "http://example.org/anno4", "type": "Annotation", "created": "2026-01-31T12:03Z",
         "body": [{"type": "TextualBody", "value": 5}, {"type": "SpecificResource"}, "plain words"],
         "target": {**target, "selector": [{"type": "TextPositionSelector", "start": True, "end": False}]}},
    ]
    code, out, err = run(capsys, "import", str(write(tmp_path, "examples.json", docs)), "--corpus", str(seeds_copy))
    assert code == 0 and out.strip() == "imported 2, merged 0, orphaned 0, unmatched 2"
    assert "record 1 (id http://example.org/anno1): its target is a whole document" in err
    assert "record 4 (id http://example.org/anno4): it has no usable" in err
    assert "a number that is not finite" in err and "created 'yesterday' is not a readable time" in err
    assert "id 'anno 3' is not an IRI" in err and "TextPositionSelector whose start and end are not whole" in err
    got = {i["id"]: i for i in items(seeds_copy)}
    assert got["http://example.org/anno2"]["body"] == "http://example.org/analysis1.mp3", "a string body stays a string"
    (hostile,) = [i for i in got.values() if i["id"].startswith("urn:uuid:")]
    assert hostile["via"] == "urn:hashiye:imported-id:anno%203" and "score" not in hostile
    assert hostile["body"][0]["value"] == "bool offsets"
    pos = next(s for s in hostile["target"]["selector"] if s["type"] == "TextPositionSelector")
    assert (pos["start"], pos["end"]) == (start, start + len(QUOTE)), "placed again by its quote"
    raw = (seeds_copy / f"{A1}.annotations.json").read_text("utf-8")
    assert "NaN" not in raw and "true" not in raw


def test_string_body_survives_a_rewrite_and_stays_valid(seeds_copy: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from annotating import annotate

    text = (seeds_copy / f"{A1}.txt").read_text("utf-8")
    start = text.index(QUOTE)
    doc = {"id": "urn:x:1", "type": "Annotation", "body": "http://example.org/comment",
           "target": {"source": f"file:///somewhere/{A1}.txt",
                      "selector": {"type": "TextPositionSelector", "start": start, "end": start + 5}}}
    assert run(capsys, "import", str(write(tmp_path, "s.json", doc)), "--corpus", str(seeds_copy))[0] == 0
    annotate(seeds_copy, A1, "رئیس سازمان بهزیستی کشور")  # another save rewrites the sidecar
    (kept,) = [i for i in items(seeds_copy) if i["id"] == "urn:x:1"]
    assert kept["body"] == "http://example.org/comment"


def test_a_pipe_is_refused_without_blocking(seeds_copy: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import os

    fifo = tmp_path / "annotations.json"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "import", str(fifo), "--corpus", str(seeds_copy))
    assert code == 1 and out == "" and "not a regular file" in err


def test_an_empty_selection_is_not_imported_as_an_orphan_forever(seeds_copy: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """An empty quote or a zero-length position once became an orphan with nothing to find, kept for good."""
    text = (seeds_copy / f"{A1}.txt").read_text("utf-8")
    start = text.index(QUOTE)
    source = f"urn:hashiye:article:{A1}"
    records = [
        {"id": "urn:x:empty-quote", "type": "Annotation",
         "target": {"source": source, "selector": {"type": "TextQuoteSelector", "exact": ""}}},
        {"id": "urn:x:zero-length", "type": "Annotation",
         "target": {"source": source, "selector": {"type": "TextPositionSelector", "start": 10, "end": 10}}},
        {"id": "urn:x:quote-kept", "type": "Annotation",  # an empty position beside a real quote: placed by the quote
         "target": {"source": source, "selector": [{"type": "TextPositionSelector", "start": 3, "end": 3},
                                                   {"type": "TextQuoteSelector", "exact": QUOTE}]}},
    ]
    code, out, err = run(capsys, "import", str(write(tmp_path, "e.json", records)), "--corpus", str(seeds_copy))
    assert code == 0 and "imported 1, merged 0, orphaned 0, unmatched 2" in out
    assert "urn:x:empty-quote" in err and "urn:x:zero-length" in err and "empty selection" in err
    (kept,) = items(seeds_copy)
    assert kept["id"] == "urn:x:quote-kept"
    assert {"type": "TextPositionSelector", "start": start, "end": start + len(QUOTE)} in kept["target"]["selector"]


def _record(n: int, source: str, selector: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "id": f"urn:uuid:00000000-0000-4000-8000-00000000000{n}", "target": {"source": source, "selector": selector}}


@pytest.mark.parametrize("source", [f"{A1}.txt", f"corpus/{A1}.txt", A1])
def test_a_target_named_by_a_relative_path_lands_on_that_article(tmp_path: Path, seeds_copy: Path,
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 source: str) -> None:
    # Tools that write paths name the file relatively; the quote is in several articles, so only the
    # name can place it.
    doc = [_record(1, source, [{"type": "TextQuoteSelector", "exact": "سازندگی"}])]
    code, _out, err = run(capsys, "import", str(write(tmp_path, "a.json", doc)), "--corpus", str(seeds_copy))
    assert code == 0, err
    assert [i["target"]["selector"][0]["exact"] for i in items(seeds_copy)] == ["سازندگی"]


def test_a_position_past_the_end_without_a_quote_is_refused_by_name(tmp_path: Path, seeds_copy: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    doc = [_record(1, f"{A1}.txt", [{"type": "TextPositionSelector", "start": 999_999, "end": 1_000_005}]),
           _record(2, f"{A1}.txt", [{"type": "TextPositionSelector", "start": 0, "end": 7}])]
    code, out, err = run(capsys, "import", str(write(tmp_path, "a.json", doc)), "--corpus", str(seeds_copy))
    assert code == 0 and "imported 1" in out and "unmatched 1" in out
    assert "record 1 (id urn:uuid:00000000-0000-4000-8000-000000000001)" in err
    assert "past the end of article" in err
    assert len(items(seeds_copy)) == 1


def test_an_annotation_kept_as_an_orphan_is_named(tmp_path: Path, seeds_copy: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    doc = [_record(1, f"{A1}.txt", [{"type": "TextQuoteSelector", "exact": "جمله‌ای که در هیچ خبری نیست"}])]
    code, out, err = run(capsys, "import", str(write(tmp_path, "a.json", doc)), "--corpus", str(seeds_copy))
    assert code == 0 and "orphaned 1" in out
    assert "record 1 (id urn:uuid:00000000-0000-4000-8000-000000000001): kept unplaced (orphan)" in err


def test_an_unknown_article_is_named_as_such_before_the_file_is_read(tmp_path: Path, seeds_copy: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "import", str(tmp_path / "missing.json"), "--corpus", str(seeds_copy),
                          "--article", "nosuch")
    assert code == 1
    assert "no article with id 'nosuch'" in err and "cannot be read" not in err and "missing.json" not in err
