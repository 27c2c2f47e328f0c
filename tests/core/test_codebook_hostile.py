"""Codebooks an attacker or a broken tool wrote: codes nested thousands of levels deep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hashiye.core.annotations.codebook import FILE_NAME, Code, Codebook
from hashiye.core.cli.main import main
from hashiye.core.exchange.codebook_export import MAX_QDC_DEPTH, codebook_qdc, read_codebook_qdc

DEEP = 3000  # past Python's recursion limit


def test_qdc_import_of_codes_nested_thousands_deep_reads_them_all(seeds_copy: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    opens = "".join(f'<Code guid="{i:08d}-0000-4000-8000-000000000000" name="k{i}" isCodable="true">'
                    for i in range(DEEP))
    qdc = tmp_path / "deep.qdc"
    qdc.write_text('<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes>'
                   + opens + "</Code>" * DEEP + "</Codes></CodeBook>", encoding="utf-8")
    codes = read_codebook_qdc(qdc.read_bytes())
    assert len(codes) == DEEP and codes["k0"].parent is None and codes[f"k{DEEP - 1}"].parent == f"k{DEEP - 2}"
    assert main(["codebook", "--import-qdc", str(qdc), "--corpus", str(seeds_copy)]) == 0
    assert len(Codebook(seeds_copy).load()) == DEEP
    assert f"added {DEEP} codes" in capsys.readouterr().err


def test_qdc_import_keeps_document_order_for_a_name_seen_twice() -> None:
    xml = ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="A" isCodable="true">'
           '<Code guid="b" name="B" color="#111111" isCodable="true"/></Code>'
           '<Code guid="c" name="B" color="#222222" isCodable="true"/></Codes></CodeBook>')
    codes = read_codebook_qdc(xml.encode("utf-8"))
    assert (codes["B"].color, codes["B"].parent) == ("#111111", "A")  # the first one in the file


def test_qdc_export_of_a_parent_chain_thousands_deep_says_why_and_writes_nothing(
        seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chain = [{"name": f"c{i}", "parent": f"c{i + 1}"} for i in range(DEEP - 1)] + [{"name": f"c{DEEP - 1}"}]
    (seeds_copy / FILE_NAME).write_text(json.dumps({"codes": chain}), encoding="utf-8")
    out = tmp_path / "book.qdc"
    assert main(["codebook", "--qdc", str(out), "--corpus", str(seeds_copy)]) == 1
    err = capsys.readouterr().err
    assert "levels deep" in err and "Traceback" not in err and not out.exists()


def test_qdc_export_up_to_the_depth_limit_round_trips_with_colours_in_a_cycle() -> None:
    codes = {f"c{i}": Code(f"c{i}", "#123456", "", f"c{i + 1}" if i < MAX_QDC_DEPTH - 1 else None)
             for i in range(MAX_QDC_DEPTH)}
    codes["x"], codes["y"] = Code("x", "#abcdef", "", "y"), Code("y", "#fedcba", "", "x")  # a loop of parents
    back = read_codebook_qdc(codebook_qdc(codes).encode("utf-8"))
    assert {n: c.parent for n, c in back.items() if n.startswith("c")} == \
        {n: c.parent for n, c in codes.items() if n.startswith("c")}
    assert (back["x"].color, back["y"].color) == ("#abcdef", "#fedcba")  # colours kept for codes in a loop
