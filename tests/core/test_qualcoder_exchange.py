"""Hashiye ↔ QualCoder through REFI-QDA: what QualCoder's importer needs, and QualCoder's own export read back.

`tests/data/qualcoder/qualcoder-export.qdpx` was written by QualCoder's exporter from a Hashiye
export of the `qda_corpus` highlights plus what a QualCoder user added (PROVENANCE.md there).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.exchange.refi_qda import NS, annotation_guid
from hashiye.core.annotations.store import AnnotationStore
from qda_corpus import build, plan
from w3c_schema import assert_valid_file, every_sidecar_written_is_valid  # noqa: F401 (autouse)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "qualcoder" / "qualcoder-export.qdpx"
SCHEMA = ROOT / "tests" / "data" / "refi-qda" / "Project.xsd"
Q = f"{{{NS}}}"
QC_CODE = "کد کیوکودر"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, dict[str, list]]:
    """The five stored forms of the seeds, not yet annotated, and the highlights planned on each."""
    folder = tmp_path / "corpus"
    paths = build(ROOT / "seeds", folder)
    return folder, {p.stem: plan(p, i) for i, p in enumerate(paths)}


def annotations(folder: Path) -> dict[str, list]:
    store = AnnotationStore(folder)
    return {p.stem: [a.annotation for a in store.load(load_article(p)).anchored] for p in sorted(folder.glob("*.txt"))}


def test_qualcoder_export_brings_back_every_quote_note_tag_and_colour(corpus: tuple[Path, dict[str, list]],
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, planned = corpus
    code, out, err = run(capsys, "import", str(FIXTURE), "--corpus", str(folder))
    assert code == 0, err
    # 16 highlights (48 selections, one per code, merged back by span) + QualCoder's new coding and annotation.
    assert out.strip() == "imported 18, merged 0, orphaned 0, unmatched 2"
    assert "not imported: note «دفتر پژوهش»: a project note (journal)" in err
    assert "not imported: note «دومین حاشیه‌نویسی این منبع»: QualCoder wrote no reference" in err
    got = annotations(folder)
    for article, wanted in planned.items():
        for w in wanted:
            (a,) = [a for a in got[article] if (a.start, a.end) == (w.start, w.end)]
            assert a.exact == w.exact, "same text in the article, whatever its line ends, BOM or encoding"
            assert a.color == w.color and a.tags[:len(w.tags)] == w.tags
            assert w.note in a.note
    first, second, third, fourth = sorted(planned)[:4]
    new = [a for a in got[first] if a.tags == [QC_CODE]]
    assert len(new) == 1 and new[0].note == "یادداشت کدگذاری در QualCoder" and new[0].color == "pink"
    assert new[0].exact == load_article(folder / f"{first}.txt").source_text[100:130]
    assert any(a.tags == ["مدیران", QC_CODE] for a in got[second]), "a code added in QualCoder becomes one more tag"
    assert any(a.note == "حاشیه‌نویسی در QualCoder" and a.tags == ["مدیران"] for a in got[third]), \
        "QualCoder's annotation on a coded span joins that highlight"
    assert any(a.note == "حاشیه‌نویسی منبع چهارم" for a in got[fourth])
    for sidecar in folder.glob("*.annotations.json"):
        assert_valid_file(sidecar)


def test_round_trip_into_the_annotated_corpus_adds_only_what_qualcoder_added(
        corpus: tuple[Path, dict[str, list]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, planned = corpus
    store = AnnotationStore(folder)
    for article, anns in planned.items():
        store.save_change(load_article(folder / f"{article}.txt"), upsert=anns)
    code, out, _err = run(capsys, "import", str(FIXTURE), "--corpus", str(folder))
    assert code == 0 and out.strip() == "imported 2, merged 16, orphaned 0, unmatched 2"
    before = {p.name: p.read_bytes() for p in folder.glob("*.annotations.json")}
    assert run(capsys, "import", str(FIXTURE), "--corpus", str(folder))[1].strip() == \
        "imported 0, merged 18, orphaned 0, unmatched 2"
    assert {p.name: p.read_bytes() for p in folder.glob("*.annotations.json")} == before
    got = annotations(folder)
    assert sum(len(v) for v in got.values()) == 18
    for article, wanted in planned.items():
        ids = {a.id for a in got[article]}
        assert {w.id for w in wanted} <= ids, "the same span keeps its Hashiye id"


@pytest.mark.parametrize("folder_name", ["Sources", "SOURCES"])
def test_sources_folder_in_any_letter_case(corpus: tuple[Path, dict[str, list]], tmp_path: Path, folder_name: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder, _planned = corpus
    renamed = tmp_path / "nvivo-style.qdpx"
    with zipfile.ZipFile(FIXTURE) as src, zipfile.ZipFile(renamed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if not info.is_dir():
                dst.writestr(info.filename.replace("sources/", f"{folder_name}/"), src.read(info))
    assert run(capsys, "import", str(renamed), "--corpus", str(folder))[1].strip() == \
        "imported 18, merged 0, orphaned 0, unmatched 2"


def test_export_gives_qualcoder_what_its_importer_reads(corpus: tuple[Path, dict[str, list]], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder, planned = corpus
    store = AnnotationStore(folder)
    for article, anns in planned.items():
        store.save_change(load_article(folder / f"{article}.txt"), upsert=anns)
    exports = []
    for n in (1, 2):
        target = tmp_path / f"out{n}.qdpx"
        assert run(capsys, "export", "--format", "qdpx", "-o", str(target), "--corpus", str(folder))[0] == 0
        exports.append(target)
    with zipfile.ZipFile(exports[0]) as z:
        qde = z.read("project.qde")
        texts = {n.split("/", 1)[1]: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("sources/")}
    xmlschema.XMLSchema(str(SCHEMA)).validate(qde)
    root = ET.fromstring(qde)
    for el in root.iter():
        if el.tag in {Q + t for t in ("TextSource", "PlainTextSelection", "Coding", "Note", "Project")}:
            assert el.get("creationDateTime"), f"{el.tag} without creationDateTime crashes QualCoder's note parser"
    assert all("\r" not in t for t in texts.values()), "one line end is one character in every QDA program"
    by_guid = {s.get("guid"): s for s in root.iter(Q + "PlainTextSelection")}
    for article, anns in planned.items():
        src = next(s for s in root.iter(Q + "TextSource") if s.get("name") == article)
        text = texts[(src.get("plainTextPath") or "").removeprefix("internal://")]
        for a in anns:
            sel = by_guid[annotation_guid(a.id)]
            start, end = int(sel.get("startPosition") or ""), int(sel.get("endPosition") or "")
            assert text[start:end] == a.exact.replace("\r\n", "\n")
            assert (sel.findtext(Q + "Description") or "") == a.note, "the note is the selection's memo"
    with zipfile.ZipFile(exports[1]) as z:
        again = ET.fromstring(z.read("project.qde"))
    assert sorted(e.get("guid") or "" for e in root.iter() if e.get("guid")) == \
        sorted(e.get("guid") or "" for e in again.iter() if e.get("guid")), "GUIDs are stable across exports"


def test_a_control_character_in_a_note_still_gives_valid_xml(seeds_copy: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from annotating import annotate

    annotate(seeds_copy, "001_efa6bf155fd70a28", "رئیس سازمان بهزیستی کشور",
             note="خط\x0bعمودی و \x01 و\r\nپایان", tags=["برچسب\x07"])
    target = tmp_path / "out.qdpx"
    code, _out, err = run(capsys, "export", "--format", "qdpx", "-o", str(target), "--corpus", str(seeds_copy))
    assert code == 0 and "replaced by U+FFFD" in err
    with zipfile.ZipFile(target) as z:
        qde = z.read("project.qde")
    xmlschema.XMLSchema(str(SCHEMA)).validate(qde)
    sel = next(ET.fromstring(qde).iter(Q + "PlainTextSelection"))
    assert sel.findtext(Q + "Description") == "خط\ufffdعمودی و \ufffd و\r\nپایان", "CR kept, controls replaced"
    code, out, err = run(capsys, "export", "--format", "qdc", "--corpus", str(seeds_copy))
    assert code == 0 and "برچسب\ufffd" in out


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


MINIMAL = (b'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">'
           b'<Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="a" '
           b'plainTextPath="internal://a.txt"><PlainTextSelection guid="22222222-2222-2222-2222-222222222222" '
           b'startPosition="0" endPosition="3"/></TextSource></Sources></Project>')


@pytest.mark.parametrize("case, reason", [
    ("bomb", "zip bomb"),
    ("truncated", "not a readable ZIP archive"),
    ("not-xml", "not well-formed XML"),
    ("entities", "declares a DTD or entities"),
    ("no-project", "no project.qde"),
])
def test_a_malformed_project_is_one_clear_message_and_changes_nothing(
        seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, reason: str) -> None:
    from annotating import annotate

    annotate(seeds_copy, "001_efa6bf155fd70a28", "رئیس سازمان بهزیستی کشور", note="بماند")
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    path = tmp_path / f"{case}.qdpx"
    if case == "bomb":  # 8 MB of one byte: about 8 KB compressed
        _zip(path, {"project.qde": MINIMAL, "sources/a.txt": b"a" * (8 * 1024 * 1024)})
    elif case == "truncated":
        _zip(path, {"project.qde": MINIMAL})
        path.write_bytes(path.read_bytes()[:60])
    elif case == "not-xml":
        _zip(path, {"project.qde": b"<Project><unclosed></Project>"})
    elif case == "entities":
        _zip(path, {"project.qde": b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                                   + MINIMAL.split(b"?>", 1)[1]})
    else:
        _zip(path, {"sources/a.txt": b"abc"})
    code, out, err = run(capsys, "import", str(path), "--corpus", str(seeds_copy))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0] and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before


def test_a_declared_size_over_the_limit_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  seeds_copy: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from hashiye.core.exchange import refi_qda_read

    monkeypatch.setattr(refi_qda_read, "MAX_TEXT_BYTES", 1000)
    path = _zip(tmp_path / "big.qdpx", {"project.qde": MINIMAL, "sources/a.txt": bytes(range(256)) * 8})
    code, _out, err = run(capsys, "import", str(path), "--corpus", str(seeds_copy))
    assert code == 1 and "would expand to 2,048 bytes (limit 1,000)" in err


@pytest.mark.parametrize("twice", ["project.qde", "sources/a.txt"])
def test_a_project_with_two_members_of_one_name_is_refused(tmp_path: Path, seeds_copy: Path,
                                                            capsys: pytest.CaptureFixture[str], twice: str) -> None:
    """Which of two same-named members counts differs between tools; once the last one silently won."""
    import warnings

    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    path = tmp_path / "twice.qdpx"
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as z:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        z.writestr("project.qde", MINIMAL)
        z.writestr("sources/a.txt", "abc")
        z.writestr(twice, b"<Project/>" if twice == "project.qde" else b"xyz")
    code, out, err = run(capsys, "import", str(path), "--corpus", str(seeds_copy))
    assert code == 1 and out == "" and f"two files named {twice}" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before


def test_an_empty_archive_is_named_as_a_project_without_project_qde(tmp_path: Path, seeds_copy: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """An empty ZIP once fell through to the JSON reader and was reported as "not valid JSON"."""
    path = _zip(tmp_path / "empty.qdpx", {})
    code, out, err = run(capsys, "import", str(path), "--corpus", str(seeds_copy))
    assert code == 1 and out == "" and "no project.qde" in err and "JSON" not in err


def test_malformed_json_is_one_clear_message(seeds_copy: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    cases = {"cut.json": (b'{"items": [{"id": "urn:x"', "not valid JSON"),
             "deep.json": (b"[" * 100_000, "nested 100000 levels deep"),
             "latin1.json": ('{"id": "é"}'.encode("latin-1"), "not UTF-8")}
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        code, out, err = run(capsys, "import", str(tmp_path / name), "--corpus", str(seeds_copy))
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
        assert str(tmp_path / name) in err and reason in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before


def test_codebook_as_qdc_and_taguette_csv(seeds_copy: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    from annotating import annotate

    annotate(seeds_copy, "001_efa6bf155fd70a28", "رئیس سازمان بهزیستی کشور", color="purple", tags=["بهزیستی", "=SUM"])
    annotate(seeds_copy, "002_4a4f9998171fccb3", None, color="green", tags=["بهزیستی"])
    target = tmp_path / "book.qdc"
    assert run(capsys, "export", "--format", "qdc", "-o", str(target), "--corpus", str(seeds_copy))[0] == 0
    xmlschema.XMLSchema(str(ROOT / "tests" / "data" / "refi-qda" / "Codebook.xsd")).validate(target.read_bytes())
    codes = {c.get("name"): c for c in ET.parse(target).iter("{urn:QDA-XML:codebook:1.0}Code")}
    assert codes["بهزیستی"].get("color", "").startswith("#") and codes["بنفش (purple)"].get("color") == "#d0bfff"
    assert codes["بهزیستی"].findtext("{urn:QDA-XML:codebook:1.0}Description") == \
        "Hashiye tag: 2 highlights in 2 articles"
    code, out, _err = run(capsys, "export", "--format", "taguette", "--corpus", str(seeds_copy))
    assert code == 0 and not out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["tag", "description"]
    assert dict(rows[1:]) == {"=SUM": "Hashiye tag: 1 highlights in 1 articles",
                              "بهزیستی": "Hashiye tag: 2 highlights in 2 articles"}


def test_hashiye_project_import_keeps_json_report(corpus: tuple[Path, dict[str, list]],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder, _planned = corpus
    code, out, _err = run(capsys, "import", str(FIXTURE), "--corpus", str(folder), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["imported"] == 18 and len(doc["skipped"]) == doc["unmatched"] == 2
    assert all(s["record"] and s["reason"] for s in doc["skipped"])



def test_sizes_that_lie_in_the_archive_are_caught_while_reading(seeds_copy: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import struct

    path = _zip(tmp_path / "liar.qdpx", {"project.qde": MINIMAL, "sources/a.txt": b"abc" * 2_000_000})
    data = bytearray(path.read_bytes())
    name = b"sources/a.txt"
    local = data.index(b"PK\x03\x04", data.index(name) - 30)
    struct.pack_into("<I", data, local + 22, 100)  # the local header claims 100 bytes
    central = data.index(b"PK\x01\x02", data.rindex(name) - 46)
    struct.pack_into("<I", data, central + 24, 100)  # so does the central directory
    path.write_bytes(bytes(data))
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    code, out, err = run(capsys, "import", str(path), "--corpus", str(seeds_copy))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and str(path) in err
    # zipfile stops at the declared size and the checksum then fails: no more than declared is ever read.
    assert "not a readable ZIP archive (Bad CRC-32 for file 'sources/a.txt')" in err
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before
