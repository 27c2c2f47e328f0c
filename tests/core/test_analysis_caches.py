"""Agreement reads unchanged articles and sidecars from a cache: the figures are the same as
computing everything afresh, and a changed file is read again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hashiye.core.analysis import file_cache
from hashiye.core.analysis.agreement import AgreementResult, agreement
from hashiye.core.analysis.autocode import autocode
from hashiye.core.annotations.model import new_annotation
from hashiye.core.annotations.coders import with_coder
from hashiye.core.annotations.store import AnnotationStore
from hashiye.core.corpus.article import load_article


def _figures(result: AgreementResult) -> tuple[Any, ...]:
    return (result.to_json(), [(d.article, d.start, d.end, d.code, d.coded_by) for d in result.disagreements],
            {c: a.alpha for c, a in result.codes.items()}, result.overall.alpha)


def _afresh(corpus: Path, coders: list[str], unit: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    with monkeypatch.context() as m:
        m.setattr(file_cache.FileCache, "get", lambda self, name, sig: None)
        m.setattr(file_cache.FileCache, "save", lambda self: None)
        return _figures(agreement(corpus, coders, unit=unit))


@pytest.fixture
def coded(seeds_copy: Path) -> Path:
    autocode(seeds_copy, "بهزیستی", "رفاه", coder="A")
    autocode(seeds_copy, "بهزیستی", "رفاه", unit="sentence", coder="B")
    autocode(seeds_copy, "سازمان", "رفاه", coder="C")
    autocode(seeds_copy, "سازمان", "نهاد", unit="sentence", coder="A")
    return seeds_copy


@pytest.mark.parametrize("unit", ["sentence", "paragraph", "article"])
def test_agreement_from_the_cache_equals_agreement_afresh(coded: Path, unit: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    for coders in (["A", "B"], ["A", "B", "C"]):
        expected = _afresh(coded, coders, unit, monkeypatch)
        assert expected[0]["units"] > 0 and expected[0]["codes"]
        assert _figures(agreement(coded, coders, unit=unit)) == expected  # fills the cache
        assert _figures(agreement(coded, coders, unit=unit)) == expected  # read from it


def test_a_changed_article_or_sidecar_is_read_again(coded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _figures(agreement(coded, ["A", "B"]))
    art_path = sorted(coded.glob("*.txt"))[0]
    art_path.write_text(art_path.read_text(encoding="utf-8") + "\nجمله تازه یک. جمله تازه دو.\n", encoding="utf-8")
    art = load_article(art_path)
    start = art.source_text.index("جمله تازه دو")
    store = AnnotationStore(coded)
    store.load(art)
    store.save_change(art, upsert=[with_coder(new_annotation(art.id, art.source_text, start, start + 12,
                                                             tags=["رفاه"]), "B")])
    after = _figures(agreement(coded, ["A", "B"]))
    assert after == _afresh(coded, ["A", "B"], "sentence", monkeypatch)
    assert after[0]["units"] == before[0]["units"] + 2
    assert after[0]["codes"]["رفاه"]["b_only"] == before[0]["codes"]["رفاه"]["b_only"] + 1
