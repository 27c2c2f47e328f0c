"""`hashiye-cli annotations`, `import` and `export --format jsonld` end to end (DESIGN §6)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hashiye.core.annotations.model import new_annotation, to_w3c
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.annotations.store import AnnotationStore
from w3c_schema import assert_valid_file, every_sidecar_written_is_valid, must_failures  # noqa: F401 (autouse)

ARTICLE = "001_efa6bf155fd70a28"
QUOTE = "رئیس سازمان بهزیستی کشور"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def annotate(folder: Path, note: str = "") -> str:
    art = load_article(folder / f"{ARTICLE}.txt")
    start = art.source_text.index(QUOTE)
    ann = new_annotation(art.id, art.source_text, start, start + len(QUOTE), color="purple", note=note,
                         tags=["بهزیستی"])
    AnnotationStore(folder).save_change(art, upsert=[ann])
    return ann.id


def test_annotations_json_contract(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ann_id = annotate(seeds_copy, note="مهم")
    code, out, _err = run(capsys, "annotations", "--corpus", str(seeds_copy), "--json")
    assert code == 0 and "\\u06" not in out
    rows = json.loads(out)["annotations"]
    art = load_article(seeds_copy / f"{ARTICLE}.txt")
    assert rows == [{"id": ann_id, "article": ARTICLE, "status": "anchored",
                     "start": art.source_text.index(QUOTE), "end": art.source_text.index(QUOTE) + len(QUOTE),
                     "exact": QUOTE, "note": "مهم", "tags": ["بهزیستی"], "color": "purple", "coder": None}]
    code, out, _err = run(capsys, "annotations", "000_e6d5671372e51005", "--corpus", str(seeds_copy), "--json")
    assert code == 0 and json.loads(out) == {"annotations": []}
    code, _out, err = run(capsys, "annotations", "nope", "--corpus", str(seeds_copy), "--json")
    assert code == 1 and "nope" in err


def test_orphans_are_listed_with_null_span(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy)
    path = seeds_copy / f"{ARTICLE}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(QUOTE, "کسی دیگر"), encoding="utf-8")
    _code, out, _err = run(capsys, "annotations", ARTICLE, "--corpus", str(seeds_copy), "--json")
    (row,) = json.loads(out)["annotations"]
    assert (row["status"], row["start"], row["end"], row["exact"]) == ("orphan", None, None, QUOTE)


def test_read_only_commands_leave_a_corrupt_sidecar_alone(seeds_copy: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    sidecar = seeds_copy / f"{ARTICLE}.annotations.json"
    sidecar.write_text('{"broken": ', encoding="utf-8")
    for argv in (["annotations", "--json"], ["export", "--format", "jsonld"], ["list", "--json"]):
        code, out, err = run(capsys, *argv, "--corpus", str(seeds_copy))
        assert code == 0 and sidecar.name in err + out
    listed = json.loads(run(capsys, "list", "--corpus", str(seeds_copy), "--json")[1])
    assert next(a for a in listed["articles"] if a["id"] == ARTICLE)["annotations"] == 0
    assert sidecar.read_text(encoding="utf-8") == '{"broken": '
    assert not list(seeds_copy.glob("*corrupt*"))


def test_export_jsonld_is_one_valid_collection(seeds_copy: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ann_id = annotate(seeds_copy, note="یادداشت")
    code, out, _err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "jsonld")
    doc = json.loads(out)
    assert code == 0 and doc["type"] == "AnnotationCollection" and must_failures(doc) == []
    assert [i["id"] for i in doc["first"]["items"]] == [ann_id]
    target = tmp_path / "out.jsonld"
    code, out, _err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "jsonld", "-o", str(target))
    assert code == 0 and out == ""
    assert_valid_file(target)


def test_export_rejects_an_unknown_format(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--corpus", str(seeds_copy), "--format", "docx"])
    assert exc.value.code == 2


def test_import_round_trip_creates_no_duplicates(seeds_copy: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, note="اول")
    exported = tmp_path / "all.jsonld"
    run(capsys, "export", "--corpus", str(seeds_copy), "--format", "jsonld", "-o", str(exported))
    other = tmp_path / "other"
    shutil.copytree(seeds_copy, other, ignore=shutil.ignore_patterns("*.json"))
    code, out, _err = run(capsys, "import", str(exported), "--corpus", str(other))
    assert code == 0 and out.strip() == "imported 1, merged 0, orphaned 0, unmatched 0"
    code, out, _err = run(capsys, "import", str(exported), "--corpus", str(other))
    assert out.strip() == "imported 0, merged 1, orphaned 0, unmatched 0"
    sidecar = other / f"{ARTICLE}.annotations.json"
    assert len(json.loads(sidecar.read_text(encoding="utf-8"))["first"]["items"]) == 1
    assert_valid_file(sidecar)


def test_import_accepts_one_annotation_a_list_and_a_page(seeds_copy: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    art = load_article(seeds_copy / f"{ARTICLE}.txt")
    start = art.source_text.index(QUOTE)
    one = to_w3c(new_annotation(ARTICLE, art.source_text, start, start + len(QUOTE)))
    one["target"]["source"] = f"file:///home/someone/news/{ARTICLE}.txt"
    quote_only = to_w3c(new_annotation(ARTICLE, art.source_text, start, start + 6))
    quote_only["target"]["source"] = f"https://example.org/archive/{ARTICLE}"
    del quote_only["target"]["selector"][1]
    gone = to_w3c(new_annotation(ARTICLE, art.source_text, start, start + 6))
    gone["target"]["selector"] = [{"type": "TextQuoteSelector", "exact": "این جمله در متن نیست و نبوده است"}]
    stranger = to_w3c(new_annotation("no_such_article", "متن دیگری", 0, 3))
    files = {"one.json": one, "list.json": [quote_only, stranger],
             "page.json": {"type": "AnnotationPage", "items": [gone]}}
    lines = []
    for name, doc in files.items():
        (tmp_path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        lines.append(run(capsys, "import", str(tmp_path / name), "--corpus", str(seeds_copy))[1].strip())
    assert lines == ["imported 1, merged 0, orphaned 0, unmatched 0",
                     "imported 1, merged 0, orphaned 0, unmatched 1",
                     "imported 1, merged 0, orphaned 1, unmatched 0"]
    sidecar = seeds_copy / f"{ARTICLE}.annotations.json"
    assert_valid_file(sidecar)
    items = json.loads(sidecar.read_text(encoding="utf-8"))["first"]["items"]
    assert len(items) == 3 and all(i["target"]["source"] == f"urn:hashiye:article:{ARTICLE}" for i in items)
    placed = next(i for i in items if i["id"] == quote_only["id"])
    assert placed["target"]["selector"][1] == {"type": "TextPositionSelector", "start": start, "end": start + 6}


def test_import_keeps_the_newer_modified(seeds_copy: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, note="تازه")
    sidecar = seeds_copy / f"{ARTICLE}.annotations.json"
    (item,) = json.loads(sidecar.read_text(encoding="utf-8"))["first"]["items"]
    stale = {**item, "modified": "2000-01-01T00:00:00Z", "body": [{"type": "TextualBody", "value": "کهنه"}]}
    (tmp_path / "stale.json").write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "import", str(tmp_path / "stale.json"), "--corpus", str(seeds_copy))[1].startswith(
        "imported 0, merged 1")
    (kept,) = json.loads(sidecar.read_text(encoding="utf-8"))["first"]["items"]
    assert kept["body"][0]["value"] == "تازه"


def test_import_of_a_bad_file_is_a_runtime_error(seeds_copy: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.json").write_text("not json", encoding="utf-8")
    assert run(capsys, "import", str(tmp_path / "bad.json"), "--corpus", str(seeds_copy))[0] == 1
    assert run(capsys, "import", str(tmp_path / "missing.json"), "--corpus", str(seeds_copy))[0] == 1


def test_console_entry_point_runs_annotations(seeds_copy: Path) -> None:
    annotate(seeds_copy)
    out = subprocess.run([sys.executable, "-m", "hashiye.core.cli.main", "annotations", "--corpus", str(seeds_copy),
                          "--json"], check=False, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and json.loads(out.stdout)["annotations"][0]["status"] == "anchored"


def test_import_reports_a_damaged_sidecar_it_set_aside(seeds_copy: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy)
    out = tmp_path / "all.json"
    assert run(capsys, "export", "--format", "jsonld", "-o", str(out), "--corpus", str(seeds_copy))[0] == 0
    other = tmp_path / "other"
    shutil.copytree(seeds_copy, other)
    damaged = next(other.glob("*.annotations.json"))
    damaged.write_text("{ not json", "utf-8")
    code, stdout, stderr = run(capsys, "import", str(out), "--corpus", str(other), "--json")
    assert code == 0
    assert json.loads(stdout)["imported"] == 1
    aside = list(other.glob("*.annotations.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].name in stderr


def test_import_of_a_folder_is_one_clear_error(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = run(capsys, "import", str(seeds_copy), "--corpus", str(seeds_copy))
    assert code == 1 and stdout == ""
    assert "is a folder" in stderr and len(stderr.strip().splitlines()) == 1
