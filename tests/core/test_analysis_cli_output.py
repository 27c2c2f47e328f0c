"""Files the analysis commands write where the user says: a target that cannot be written is one
message and exit status 1, never a traceback, for `codebook --qdc` as for `report -o`."""

from __future__ import annotations

from pathlib import Path

import pytest
from hashiye.core.cli.main import main


@pytest.mark.parametrize("args", [["codebook", "--qdc"], ["report", "--by", "month", "-o"]])
def test_an_unwritable_target_is_one_message(tmp_path: Path, seeds_copy: Path, capsys: pytest.CaptureFixture[str],
                                             args: list[str]) -> None:
    target = tmp_path / "no such folder" / "out.file"
    code = main([*args, str(target), "--corpus", str(seeds_copy)])
    err = capsys.readouterr().err
    assert code == 1 and "cannot write" in err and "Traceback" not in err
    assert not target.parent.exists()


@pytest.mark.parametrize("args", [["codebook", "--qdc"], ["report", "--by", "month", "-o"]])
def test_a_target_inside_the_corpus_is_refused(seeds_copy: Path, capsys: pytest.CaptureFixture[str],
                                               args: list[str]) -> None:
    article = next(seeds_copy.glob("*.txt"))
    before = article.read_bytes()
    code = main([*args, str(article), "--corpus", str(seeds_copy)])
    assert code == 2 and article.read_bytes() == before
