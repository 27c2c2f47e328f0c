"""A coder's name with invisible direction marks (a right-to-left field, a copy from a web page)
is the same coder: agreement pairs the annotations and the coder filter finds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hashiye.core.analysis.autocode import autocode
from hashiye.core.annotations.coders import coder_set, made_by
from hashiye.core.annotations.codebook import iter_sidecar_annotations
from hashiye.core.cli.main import main

RLM, LRI, PDI = "\u200f", "\u2066", "\u2069"


def test_marks_around_a_coder_name_do_not_make_another_coder(seeds_copy: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert autocode(seeds_copy, "در", "الف", coder=f"{RLM}مریم{RLM}", unit="sentence").annotations > 0
    assert autocode(seeds_copy, "استان", "ب", coder=f"{LRI}Reza{PDI}", unit="sentence").annotations > 0
    anns = [a for _art, got in iter_sidecar_annotations(seeds_copy) for a in got]
    assert sum(made_by(a, coder_set(["مریم"])) for a in anns) > sum(made_by(a, coder_set(["reza"])) for a in anns) > 0
    assert coder_set([f" {RLM}Maryam {LRI}X{PDI} "]) == coder_set(["maryam x"])
    code = main(["agreement", "--coders", "مریم", "Reza", "--corpus", str(seeds_copy), "--json"])
    out, err = capsys.readouterr()
    figures = json.loads(out)["overall"]
    assert code == 0 and "coded nothing" not in err  # was: neither name found, all figures «neither»
    assert figures["a_only"] > 0 and figures["b_only"] > 0  # each found coding its own code
    assert main(["agreement", "--coders", "مریم", f"{RLM}مریم", "--corpus", str(seeds_copy)]) == 2
    assert "different" in capsys.readouterr().err  # one coder twice, not a comparison of nothing


def test_a_second_coder_autocoding_the_same_hits_gets_annotations_of_their_own(
        seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = autocode(seeds_copy, "استان", "ب", coder="A", unit="sentence").annotations
    assert first > 0
    assert autocode(seeds_copy, "استان", "ب", coder="B", unit="sentence").annotations == first  # was: 0
    assert autocode(seeds_copy, "استان", "ب", coder="B", unit="sentence").annotations == 0  # still once per coder
    assert autocode(seeds_copy, "استان", "ب", unit="sentence").annotations == 0  # no coder: any coding counts
    assert main(["agreement", "--coders", "A", "B", "--corpus", str(seeds_copy), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["codes"]["ب"]
    assert figures["both"] > 0 and figures["a_only"] == figures["b_only"] == 0 and figures["kappa"] == 1.0
