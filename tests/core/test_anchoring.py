"""Anchoring after the article changes: prepended text, deleted quotes, respellings, repeats."""

from __future__ import annotations

from hashiye.core.annotations.anchoring import anchor_all
from hashiye.core.annotations.model import new_annotation

TEXT = (
    "به گزارش خبرگزاری آزمایش، طرح محرومیت زدایی در روستاهای استان اجرا می شود.\n"
    "مدیرکل گفت: بیش از صد خانواده از این طرح بهره مند شده اند و کار ادامه دارد.\n"
    "او افزود: همکاری دستگاه های اجرایی برای موفقیت این طرح ضروری است.\n"
)
QUOTE = "بیش از صد خانواده از این طرح بهره مند شده اند"


def annotate(text: str, quote: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return new_annotation("a", text, start, start + len(quote), "green")


def place(text: str, ann):
    [placed] = anchor_all(text, [ann])
    return placed


def test_unchanged_text_is_anchored() -> None:
    ann = annotate(TEXT, QUOTE)
    p = place(TEXT, ann)
    assert (p.status, p.start, p.end) == ("anchored", ann.start, ann.end)


def test_paragraph_prepended_moves_the_anchor() -> None:
    ann = annotate(TEXT, QUOTE)
    changed = "پاراگراف تازه‌ای که پیش از متن افزوده شد.\n" + TEXT
    p = place(changed, ann)
    assert p.status == "moved"
    assert changed[p.start:p.end] == QUOTE


def test_deleted_sentence_becomes_an_orphan_with_its_quote() -> None:
    ann = annotate(TEXT, QUOTE)
    changed = TEXT.replace("مدیرکل گفت: " + QUOTE + " و کار ادامه دارد.\n", "")
    p = place(changed, ann)
    assert (p.status, p.start, p.end) == ("orphan", None, None)
    assert p.annotation.exact == QUOTE


def test_arabic_letters_and_zwnj_give_a_fuzzy_anchor() -> None:
    ann = annotate(TEXT, QUOTE)
    changed = TEXT.replace("بهره مند شده اند", "بهره‌مند شده‌اند").replace("خانواده", "خانواده").replace("صد", "صد")
    changed = changed.replace("بیش از", "بيش از")
    p = place(changed, ann)
    assert p.status == "fuzzy"
    assert changed[p.start:p.end] == "بيش از صد خانواده از این طرح بهره‌مند شده‌اند"


def test_repeated_quote_is_told_apart_by_prefix_and_suffix() -> None:
    text = TEXT + "در پایان: این طرح ضروری است و ادامه دارد.\n"
    ann = annotate(text, "این طرح", occurrence=2)
    # Text inserted before both occurrences: positions shift, the quote occurs three times.
    changed = "خبر فوری.\n" + text
    p = place(changed, ann)
    assert p.status == "moved"
    assert p.start == changed.index("این طرح ضروری است و")


def test_emoji_before_the_quote_counts_one_position_each() -> None:
    text = "😀🎉 " + TEXT
    ann = annotate(text, QUOTE)
    assert ann.start == TEXT.index(QUOTE) + 3, "code points, not UTF-16 units"
    p = place(text, ann)
    assert p.status == "anchored" and text[p.start:p.end] == QUOTE


def test_crlf_file_positions_hold() -> None:
    crlf = TEXT.replace("\n", "\r\n")
    ann = annotate(crlf, QUOTE)
    p = place(crlf, ann)
    assert p.status == "anchored" and crlf[p.start:p.end] == QUOTE
    p = place(TEXT, ann)  # the same file saved with LF: the quote moved by one per line
    assert p.status == "moved" and TEXT[p.start:p.end] == QUOTE


def test_orphans_sort_last() -> None:
    a = annotate(TEXT, QUOTE)
    b = annotate(TEXT, "همکاری دستگاه های اجرایی")
    gone = annotate(TEXT, "طرح محرومیت زدایی")
    changed = TEXT.replace("طرح محرومیت زدایی", "برنامه دیگری")
    placed = anchor_all(changed, [gone, b, a])
    assert [p.annotation.id for p in placed] == [a.id, b.id, gone.id]
    assert placed[-1].status == "orphan"
