"""`hashiye-cli export`: CSV, Markdown and the tag report parsed back; filters; orphans kept (issue 6)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from annotating import annotate, make_orphan
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.corpus.filters import Filter, jalali_day
from hashiye.core.exchange.exporting import CSV_COLUMNS, EXPORTERS, collect

A1 = "001_efa6bf155fd70a28"  # جهانی پرس, 1403-02-17
A2 = "002_4a4f9998171fccb3"  # خبرگزاری بسیج, 1397-09-26
Q1 = "رئیس سازمان بهزیستی کشور"


def orphan(folder: Path) -> str:
    return make_orphan(folder, A2, "بی‌جا")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_columns_escaping_and_orphans(seeds_copy: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    first = annotate(seeds_copy, A1, Q1, color="purple", note="=HYPERLINK(\"http://x\")", tags=["بهزیستی", "+مدیر"])
    lost = orphan(seeds_copy)
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "csv", "-o", str(target))
    assert code == 0 and out == "" and "wrote" in err
    rows = {r["annotation_id"]: r for r in read_csv(target.read_bytes())}
    with target.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == CSV_COLUMNS
    r = rows[first]
    assert r["article"] == A1 and r["exact"] == Q1 and r["color"] == "purple" and r["status"] == "anchored"
    assert r["note"] == "'=HYPERLINK(\"http://x\")", "formula neutralised with a leading quote"
    assert r["tags"] == "بهزیستی | +مدیر", "only a cell's first character matters to a spreadsheet"
    art = load_article(seeds_copy / f"{A1}.txt")
    assert art.source_text[int(r["start"]):int(r["end"])] == Q1
    assert r["source"] == "جهانی پرس" and r["published_jalali"].startswith("1403-02-17")
    assert r["title"] == art.parsed.title and r["news_code"] == (art.parsed.news_code or "")
    assert r["created"].endswith("Z") and r["modified"]
    o = rows[lost]
    assert o["status"] == "orphan" and o["start"] == "" and o["end"] == "" and o["note"] == "بی‌جا"


def test_csv_to_stdout_and_every_cell_is_safe(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, A1, Q1, note="-1+2", tags=["@tag", "=SUM(A1)"])
    code, out, _err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "csv")
    assert code == 0
    rows = read_csv(out.encode("utf-8"))
    assert len(rows) == 1
    assert rows[0]["note"] == "'-1+2" and rows[0]["tags"] == "'@tag | =SUM(A1)"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_markdown_grouped_by_article_rtl(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, A1, Q1, note="نکتهٔ مهم about NGO", tags=["بهزیستی", "policy"], color="green")
    orphan(seeds_copy)
    code, out, _err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "md")
    assert code == 0
    header, *sections = out.split('<div dir="rtl">')[1:]
    assert header.lstrip().startswith("# ") and "</div>" in header, "the heading is right-to-left too"
    assert len(sections) == 2 and all("</div>" in s for s in sections)
    s1 = next(s for s in sections if Q1 in s)
    art = load_article(seeds_copy / f"{A1}.txt")
    assert f"## {art.parsed.title}" in s1
    assert "منبع: \u2068جهانی پرس\u2069" in s1 and "۱۴۰۳" in s1
    assert f"> {Q1}" in s1.splitlines()
    assert "**یادداشت:** نکتهٔ مهم about NGO" in s1
    assert "برچسب‌ها: \u2068بهزیستی\u2069، \u2068policy\u2069" in s1 and "رنگ: سبز" in s1
    s2 = next(s for s in sections if s is not s1)
    assert "وضعیت: بی‌جا" in s2 and "بی‌جا" in s2


def test_markdown_escapes_markup(seeds_copy: Path) -> None:
    annotate(seeds_copy, A1, Q1, note="<script>*bold*</script>")
    text = EXPORTERS["md"](seeds_copy, collect(seeds_copy))
    assert isinstance(text, str)
    assert "<script>" not in text and "\\<script\\>\\*bold\\*" in text


def test_tag_report_counts(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, A1, Q1, tags=["بهزیستی", "مدیر"])
    annotate(seeds_copy, A1, None, tags=["بهزیستی"])
    annotate(seeds_copy, A2, None)
    code, out, _err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "tag-report")
    assert code == 0
    rows = {(r["dimension"], r["value"]): (int(r["highlights"]), int(r["articles"]))
            for r in read_csv(out.encode("utf-8"))}
    assert rows[("tag", "بهزیستی")] == (2, 1) and rows[("tag", "مدیر")] == (1, 1) and rows[("tag", "")] == (1, 1)
    assert rows[("source", "جهانی پرس")] == (2, 1) and rows[("source", "خبرگزاری بسیج")] == (1, 1)
    assert rows[("month", "1403-02")] == (2, 1) and rows[("month", "1397-09")] == (1, 1)


def test_filters_cli(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = annotate(seeds_copy, A1, Q1, tags=["بهزیستی"], color="pink")
    b = annotate(seeds_copy, A2, None, tags=["other"], color="blue")

    def ids(*argv: str) -> set[str]:
        code, out, err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "csv", *argv)
        assert code == 0, err
        return {r["annotation_id"] for r in read_csv(out.encode("utf-8"))}

    assert ids() == {a, b}
    assert ids("--article", A2) == {b}
    assert ids("--article", A1, "--article", A2) == {a, b}
    assert ids("--tag", "بهزيستي") == {a}, "Arabic ي matches Persian ی"
    assert ids("--color", "blue") == {b}
    assert ids("--source", "جهانی پرس") == {a}
    assert ids("--from", "1399-01-01", "--to", "1403-12-29") == {a}
    assert ids("--from", "۱۳۹۰/۱/۱", "--to", "1399-01-01") == {b}
    assert ids("--tag", "بهزیستی", "--color", "blue") == set()


def test_filter_usage_errors(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--from", "yesterday"], ["--color", "red"], ["--from", "1400-01-01", "--to", "1399-01-01"]):
        code, _out, err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "csv", *argv)
        assert code == 2 and "hashiye-cli:" in err
    code, _out, err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "csv", "--article", "nope")
    assert code == 1 and "nope" in err


def test_export_filter_in_core(seeds_copy: Path) -> None:
    annotate(seeds_copy, A1, Q1, tags=["x"])
    rows = collect(seeds_copy)
    assert Filter().is_empty() and Filter().apply(rows) == rows
    assert Filter(tags=["y"]).apply(rows) == []
    assert jalali_day("1399-1-5") == "1399-01-05"
    with pytest.raises(ValueError):
        jalali_day("1399-13-01")


def test_unwritable_destination(seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, A1, Q1)
    target = tmp_path / "missing" / "out.csv"
    code, _out, err = run(capsys, "export", "--corpus", str(seeds_copy), "--format", "csv", "-o", str(target))
    assert code == 1 and "cannot write" in err and not target.exists()


def test_export_never_changes_the_corpus(seeds_copy: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, A1, Q1)
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    for fmt in ("csv", "md", "tag-report"):
        assert run(capsys, "export", "--corpus", str(seeds_copy), "--format", fmt)[0] == 0
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before
