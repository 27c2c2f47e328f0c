"""REFI-QDA `.qdpx` export: valid against Project.xsd, positions in code points, and a round trip."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from annotating import annotate, make_orphan
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.exchange.refi_qda import NS, annotation_guid, article_guid
from hashiye.core.annotations.store import AnnotationStore

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "refi-qda" / "Project.xsd"
A1 = "001_efa6bf155fd70a28"
A2 = "002_4a4f9998171fccb3"
Q1 = "رئیس سازمان بهزیستی کشور"
Q = f"{{{NS}}}"


def export(folder: Path, target: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> None:
    code = main(["export", "--corpus", str(folder), "--format", "qdpx", "-o", str(target), *extra])
    _out, err = capsys.readouterr()
    assert code == 0, err


@pytest.fixture
def project(seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    ids = {
        "noted": annotate(seeds_copy, A1, Q1, color="purple", note="یادداشتی با NGO و «گیومه» & <تگ>",
                          tags=["بهزیستی", "مدیران"]),
        "plain": annotate(seeds_copy, A1, "بهزیستی", color="blue"),
        "orphan": make_orphan(seeds_copy, A2, "گمشده"),
    }
    target = tmp_path / "out.qdpx"
    export(seeds_copy, target, capsys)
    return target, ids


def test_qdpx_is_valid_and_positions_are_code_points(project: tuple[Path, dict[str, str]], seeds_copy: Path) -> None:
    target, ids = project
    with zipfile.ZipFile(target) as z:
        names = set(z.namelist())
        qde = z.read("project.qde")
        sources = {n: z.read(n).decode("utf-8") for n in names if n.startswith("sources/")}
    assert "project.qde" in names and all(n.endswith(".txt") and n.count("/") == 1 for n in sources)
    xmlschema.XMLSchema(str(SCHEMA)).validate(qde)
    root = ET.fromstring(qde)
    src = next(s for s in root.iter(Q + "TextSource") if s.get("name") == A1)
    assert src.get("guid") == article_guid(A1)
    text = sources["sources/" + src.get("plainTextPath", "").removeprefix("internal://")]
    assert text == load_article(seeds_copy / f"{A1}.txt").source_text
    sels = {s.get("guid"): s for s in src.iter(Q + "PlainTextSelection")}
    noted = sels[annotation_guid(ids["noted"])]
    start, end = int(noted.get("startPosition", "")), int(noted.get("endPosition", ""))
    assert text[start:end] == Q1, "end position is exclusive, counted in code points"
    plain = sels[annotation_guid(ids["plain"])]
    assert text[int(plain.get("startPosition", "")):int(plain.get("endPosition", ""))] == "بهزیستی"

    codes = {c.get("guid"): c for c in root.iter(Q + "Code")}
    coded = {codes[r.get("targetGUID")].get("name") for r in noted.iter(Q + "CodeRef")}
    assert {"بهزیستی", "مدیران"} <= coded and any("purple" in (c or "") for c in coded)
    assert all(c.get("color", "#000000").startswith("#") for c in codes.values())
    tag_code = next(c for c in codes.values() if c.get("name") == "بهزیستی")
    assert tag_code.get("color") == "#d0bfff" and tag_code.get("isCodable") == "true"
    notes = {n.get("guid"): n for n in root.iter(Q + "Note")}
    (ref,) = noted.iterfind(Q + "NoteRef")
    assert notes[ref.get("targetGUID")].findtext(Q + "PlainTextContent") == "یادداشتی با NGO و «گیومه» & <تگ>"


def test_qdpx_keeps_orphans_as_source_notes(project: tuple[Path, dict[str, str]]) -> None:
    target, ids = project
    with zipfile.ZipFile(target) as z:
        root = ET.fromstring(z.read("project.qde"))
    src = next(s for s in root.iter(Q + "TextSource") if s.get("name") == A2)
    assert list(src.iter(Q + "PlainTextSelection")) == []
    (ref,) = src.iterfind(Q + "NoteRef")
    note = next(n for n in root.iter(Q + "Note") if n.get("guid") == ref.get("targetGUID"))
    text = note.findtext(Q + "PlainTextContent") or ""
    assert ids["orphan"] in text and "گمشده" in text and "گم" in text


def test_qdpx_round_trip(project: tuple[Path, dict[str, str]], seeds_copy: Path, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    target, ids = project
    other = tmp_path / "other"
    other.mkdir()
    for f in seeds_copy.glob("*.txt"):
        shutil.copy(f, other / f.name)
    code = main(["import", str(target), "--corpus", str(other)])
    out, err = capsys.readouterr()
    assert code == 0, err
    # The orphan went out as a note on its source; it has no place to come back to, and says so.
    assert out.strip() == "imported 2, merged 0, orphaned 0, unmatched 1"
    assert "not imported: note «" in err and "orphan exported by Hashiye" in err
    before = {a.annotation.id: a.annotation for a in
              AnnotationStore(seeds_copy).load(load_article(seeds_copy / f"{A1}.txt")).anchored}
    after = {a.annotation.id: a for a in
             AnnotationStore(other).load(load_article(other / f"{A1}.txt")).anchored}
    assert set(after) == {ids["noted"], ids["plain"]}
    for ann_id, placed in after.items():
        got, want = placed.annotation, before[ann_id]
        assert placed.status == "anchored"
        assert (got.start, got.end, got.exact, got.prefix, got.suffix) == (
            want.start, want.end, want.exact, want.prefix, want.suffix)
        assert (got.color, got.note, got.tags, got.created, got.modified) == (
            want.color, want.note, want.tags, want.created, want.modified)
    # Importing the same project again adds nothing: same ids, same modified times.
    sidecar = other / f"{A1}.annotations.json"
    written = sidecar.read_bytes()
    main(["import", str(target), "--corpus", str(other)])
    assert capsys.readouterr()[0].startswith("imported 0,")
    assert sidecar.read_bytes() == written


def test_qdpx_import_counts_sources_of_other_corpora(project: tuple[Path, dict[str, str]], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target, _ids = project
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "seeds" / f"{A2}.txt", other / f"{A2}.txt")
    assert main(["import", str(target), "--corpus", str(other)]) == 0
    out, err = capsys.readouterr()
    # Two selections of an article this corpus lacks, and the orphan note: each named with its reason.
    assert out.strip() == "imported 0, merged 0, orphaned 0, unmatched 3"
    assert err.count("is not an article of this corpus") == 2


def test_qdpx_needs_an_output_file(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--corpus", str(seeds_copy), "--format", "qdpx"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "-o" in err


def test_qdpx_with_a_filter_and_no_annotations_is_still_valid(seeds_copy: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, A1, Q1, tags=["x"])
    target = tmp_path / "empty.qdpx"
    export(seeds_copy, target, capsys, "--tag", "nothing-has-this")
    with zipfile.ZipFile(target) as z:
        xmlschema.XMLSchema(str(SCHEMA)).validate(z.read("project.qde"))
        assert z.namelist() == ["project.qde"]


def test_import_rejects_a_broken_zip(seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", str(bad), "--corpus", str(seeds_copy)]) == 1
    assert "bad.qdpx" in capsys.readouterr()[1]


def test_import_reads_a_code_tree_thousands_of_levels_deep(project: tuple[Path, dict[str, str]], seeds_copy: Path,
                                                           tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Codes nested 5,000 deep (a generated or hostile project) are imported, not reported as
    «not a readable ZIP archive (maximum recursion depth exceeded)»."""
    target, ids = project
    with zipfile.ZipFile(target) as z:
        members = {name: z.read(name) for name in z.namelist()}
    qde = members["project.qde"].decode("utf-8")
    start, end = qde.index("<Codes>") + len("<Codes>"), qde.index("</Codes>")
    assert "<Code " in qde[start:end]
    # written as text: ElementTree's own writer recurses and could not write such a file either
    opening = "".join(f'<Code guid="00000000-0000-4000-8000-{level:012d}" name="گروه {level}" isCodable="false">'
                      for level in range(5000))
    members["project.qde"] = (qde[:start] + opening + qde[start:end] + "</Code>" * 5000 + qde[end:]).encode("utf-8")
    deep = tmp_path / "deep.qdpx"
    with zipfile.ZipFile(deep, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    other = tmp_path / "other"
    other.mkdir()
    for f in seeds_copy.glob("*.txt"):
        shutil.copy(f, other / f.name)
    code = main(["import", str(deep), "--corpus", str(other)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip() == "imported 2, merged 0, orphaned 0, unmatched 1"
    got = {a.annotation.id: a.annotation for a in
           AnnotationStore(other).load(load_article(other / f"{A1}.txt")).anchored}
    assert (got[ids["noted"]].color, sorted(got[ids["noted"]].tags)) == ("purple", ["بهزیستی", "مدیران"])
    assert got[ids["plain"]].color == "blue"
