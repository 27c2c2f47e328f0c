"""The coders and codes an agreement can be asked about (the window's agreement pane lists them)."""

from __future__ import annotations

from pathlib import Path

from hashiye.core.analysis.agreement import agreement, coders_and_codes
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.coders import with_coder
from hashiye.core.annotations.store import AnnotationStore


def test_each_coder_once_as_agreement_matches_them(seeds_copy: Path) -> None:
    art = load_article(next(iter(sorted(seeds_copy.glob("*.txt")))))
    text = art.source_text
    store = AnnotationStore(seeds_copy)
    store.load(art)
    store.save_change(art, upsert=[
        with_coder(new_annotation(art.id, text, 100, 120, tags=["امداد"]), "Reza"),
        with_coder(new_annotation(art.id, text, 200, 220, tags=["نهادها", "امداد"]), "  reza "),
        with_coder(new_annotation(art.id, text, 300, 320, tags=["امداد"]), "مریم  رضایی"),
        new_annotation(art.id, text, 400, 420, tags=["بی‌کدگذار"]),
    ])
    coders, codes = coders_and_codes(seeds_copy)
    assert coders == ["Reza", "مریم رضایی"]
    assert codes == ["امداد", "بی‌کدگذار", "نهادها"]
    result = agreement(seeds_copy, coders)  # the names offered are names agreement finds
    assert result.overall.per_coder[0] > 0 and result.overall.per_coder[1] > 0
