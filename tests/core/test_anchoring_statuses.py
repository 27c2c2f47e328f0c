"""Anchoring edge cases a user would notice: quote-only imports, reworded quotes, short quotes."""

from __future__ import annotations

from dataclasses import replace

from hashiye.core.annotations.anchoring import anchor_all
from hashiye.core.annotations.model import new_annotation

TEXT = ("رئیس سازمان گفت: همکاری دستگاه های اجرایی برای موفقیت این طرح ضروری است.\n"
        "او افزود: بودجه امسال دو برابر شده و کار ادامه دارد.\n")
QUOTE = "همکاری دستگاه های اجرایی برای موفقیت این طرح ضروری است"


def _one(text: str, ann):  # type: ignore[no-untyped-def]
    [placed] = anchor_all(text, [ann])
    return placed


def test_quote_only_annotation_is_anchored_where_the_quote_is() -> None:
    start = TEXT.index(QUOTE)
    ann = replace(new_annotation("a", TEXT, start, start + len(QUOTE)), start=-1, end=-1)
    p = _one(TEXT, ann)
    assert (p.status, p.start, p.end) == ("anchored", start, start + len(QUOTE))


def test_position_only_annotation_holds_while_the_text_is_long_enough() -> None:
    ann = replace(new_annotation("a", TEXT, 5, 11), exact="", prefix="", suffix="")
    assert _one(TEXT, ann).status == "anchored"
    assert _one(TEXT[:8], ann).status == "orphan"


def test_one_word_changed_in_a_long_quote_is_fuzzy() -> None:
    start = TEXT.index(QUOTE)
    ann = new_annotation("a", TEXT, start, start + len(QUOTE))
    changed = TEXT.replace("ضروری", "لازم")
    p = _one(changed, ann)
    assert p.status == "fuzzy" and p.start is not None and p.end is not None
    assert "همکاری دستگاه" in changed[p.start:p.end]


def test_short_quote_that_changed_is_an_orphan_not_a_guess() -> None:
    start = TEXT.index("بودجه")
    ann = new_annotation("a", TEXT, start, start + len("بودجه"))
    assert _one(TEXT.replace("بودجه", "هزینه"), ann).status == "orphan"


def test_the_nearest_of_equal_occurrences_wins() -> None:
    text = "الف ب الف ب الف ب الف"
    ann = new_annotation("a", text, 12, 15)  # the third «الف»
    assert ann.exact == "الف"
    shifted = "ج " + text
    p = _one(shifted, ann)
    assert (p.status, p.start) == ("moved", 14)
