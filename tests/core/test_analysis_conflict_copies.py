"""A sync tool's conflict copy of a sidecar (no article of its own) beside the folder's sidecars:
code counts and reports count the folder's articles only, and renaming a code does not stop
halfway with a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hashiye.core.analysis.autocode import autocode
from hashiye.core.analysis.report import build_report, to_csv
from hashiye.core.annotations.codebook import code_counts, iter_sidecar_annotations
from hashiye.core.cli.main import main

COPIES = (" (conflicted copy 2026-11-30).annotations.json", ".annotations.sync-conflict-20261130-123456.json")


def _coded(folder: Path) -> list[Path]:
    assert autocode(folder, "در", "الف").annotations > 0
    assert autocode(folder, "استان", "ب").annotations > 0
    sidecars = sorted(folder.glob("*.annotations.json"))
    assert len(sidecars) >= 2
    return sidecars


def _counts(folder: Path) -> dict[str, tuple[int, int]]:
    return {c.code.name: (c.highlights, c.articles) for c in code_counts(folder)}


def test_conflict_copies_are_not_counted_as_articles(seeds_copy: Path, tmp_path: Path) -> None:
    sidecars = _coded(seeds_copy)
    before = _counts(seeds_copy)
    reports = {by: to_csv(build_report(seeds_copy, by)) for by in ("month", "source", "cooccurrence")}
    stem = sidecars[0].name[: -len(".annotations.json")]
    for tail in COPIES:
        shutil.copy(sidecars[0], seeds_copy / (stem + tail))
    assert _counts(seeds_copy) == before  # was: the copy's highlights and an extra article counted
    for by, csv in reports.items():
        assert to_csv(build_report(seeds_copy, by)) == csv, by  # was: a «no source» row of the copy's codes
    assert {art for art, _anns in iter_sidecar_annotations(seeds_copy)} == \
        {p.name[: -len(".annotations.json")] for p in sidecars}


def test_renaming_a_code_beside_a_conflict_copy_renames_it_everywhere(seeds_copy: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    sidecars = _coded(seeds_copy)
    before = _counts(seeds_copy)
    copy = seeds_copy / (sidecars[-1].name[: -len(".annotations.json")] + COPIES[0])
    shutil.copy(sidecars[-1], copy)
    kept = copy.read_bytes()
    assert main(["codebook", "--rename", "الف", "ج", "--corpus", str(seeds_copy)]) == 0  # was: a traceback
    after = _counts(seeds_copy)
    assert "الف" not in after and after["ج"] == before["الف"] and after["ب"] == before["ب"]
    assert copy.read_bytes() == kept  # the conflict copy is left for the user to merge, untouched
    assert "Traceback" not in capsys.readouterr().err
