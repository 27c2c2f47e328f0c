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


def test_agreement_and_report_skip_the_same_sidecars_as_code_counts(seeds_copy: Path) -> None:
    """One rule for which sidecars are a folder's coding: a coder or code seen only in a conflict
    copy, a hidden file or a sidecar whose article was deleted is offered by no analysis."""
    from hashiye.core.analysis.agreement import agreement, coders_and_codes

    autocode(seeds_copy, "در", "الف", coder="A")
    autocode(seeds_copy, "استان", "ب", coder="B")
    before = coders_and_codes(seeds_copy)
    figures = agreement(seeds_copy, ["A", "B"]).to_json()
    report = to_csv(build_report(seeds_copy, "source"))
    assert before == (["A", "B"], ["الف", "ب"])
    source = sorted(seeds_copy.glob("*.annotations.json"))[0]
    stem = source.name[: -len(".annotations.json")]
    text = source.read_text(encoding="utf-8")
    stray = text.replace('"A"', '"Z"').replace("الف", "ستاره").replace('"B"', '"Z"').replace('"ب"', '"ستاره"')
    assert stray != text
    for name in (stem + COPIES[0], stem + COPIES[1], "." + source.name, "deleted-article.annotations.json"):
        (seeds_copy / name).write_text(stray, encoding="utf-8")
    assert coders_and_codes(seeds_copy) == before  # was: «Z» and «ستاره» offered from the copies
    assert agreement(seeds_copy, ["A", "B"]).to_json() == figures
    assert to_csv(build_report(seeds_copy, "source")) == report
    assert "ستاره" not in _counts(seeds_copy)


def test_a_sidecar_beside_a_linked_article_is_coding(seeds_copy: Path, tmp_path: Path) -> None:
    """An article that is a symbolic link to a file elsewhere is an article: its sidecar counts."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    article = sorted(seeds_copy.glob("*.txt"))[0]
    shutil.move(article, elsewhere / article.name)
    article.symlink_to(elsewhere / article.name)
    autocode(seeds_copy, "در", "الف")
    assert (seeds_copy / (article.stem + ".annotations.json")).exists()
    from hashiye.core.analysis.report import iter_tags

    sidecars = {p.name[: -len(".annotations.json")] for p in seeds_copy.glob("*.annotations.json")}
    assert article.stem in sidecars
    assert _counts(seeds_copy)["الف"][1] == len(sidecars)
    assert {art for art, _tags in iter_tags(seeds_copy)} == sidecars


def test_report_reads_a_sidecar_again_when_only_its_change_time_differs(seeds_copy: Path) -> None:
    """A sidecar rewritten to the same size with its modification time put back (a sync tool does
    this) is read again: the report cache keys on the change time too."""
    import os

    autocode(seeds_copy, "در", "الف")
    first = to_csv(build_report(seeds_copy, "source"))
    assert "الف" in first
    sidecar = sorted(seeds_copy.glob("*.annotations.json"))[0]
    st = sidecar.stat()
    text = sidecar.read_text(encoding="utf-8")
    assert text.count('"الف"') >= 1
    sidecar.write_text(text.replace('"الف"', '"ژژژ"'), encoding="utf-8")  # same byte length
    assert sidecar.stat().st_size == st.st_size
    os.utime(sidecar, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert "ژژژ" in to_csv(build_report(seeds_copy, "source"))


def test_an_article_named_in_capitals_is_coding_too(seeds_copy: Path) -> None:
    """`X.TXT` is listed as an article, so its sidecar is the folder's coding for every analysis."""
    from hashiye.core.analysis.agreement import coders_and_codes

    autocode(seeds_copy, "استان", "ب", coder="A")
    sidecar = sorted(seeds_copy.glob("*.annotations.json"))[0]
    stem = sidecar.name[: -len(".annotations.json")]
    before = (_counts(seeds_copy), coders_and_codes(seeds_copy), to_csv(build_report(seeds_copy, "month")))
    (seeds_copy / f"{stem}.txt").rename(seeds_copy / f"{stem}.TXT")
    assert (_counts(seeds_copy), coders_and_codes(seeds_copy), to_csv(build_report(seeds_copy, "month"))) == before
