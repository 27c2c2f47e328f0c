"""Persian matching rules (DESIGN §5), one table per variant class."""

from __future__ import annotations

import pytest

from hashiye.core.matching import find_in_text, query_terms

CASES = [
    # (class, query, text, expected matched words)
    ("ya/kaf", "مشارکت", "جلب مشاركت مردمي", ["مشاركت"]),
    ("ya/kaf", "شوراي", "جلسه شورای مشارکتها", ["شورای"]),
    ("teh marbuta", "حوزه", "در حوزة علمیه", ["حوزة"]),
    ("heh-yeh", "خانهٔ", "در خانۀ ما", ["خانۀ"]),
    ("zwnj compound", "محرومیت‌زدایی", "طرح محرومیت زدایی و محرومیتزدایی و محرومیت‌زدایی", ["محرومیت زدایی", "محرومیتزدایی", "محرومیت‌زدایی"]),
    ("space compound", "محرومیت زدایی", "برای محرومیتزدایی", ["محرومیتزدایی"]),
    ("tatweel", "بهزیستی", "سازمان بهـــزیستی", ["بهـــزیستی"]),
    ("diacritics", "کتاب", "این کِتاب خوب است", ["کِتاب"]),
    ("digits", "۱۲", "افزایش 12 برابری و ١٢ مورد", ["12", "١٢"]),
    ("digits", "1399", "بهمن ۱۳۹۹", ["۱۳۹۹"]),
    ("plural", "خانواده", "خانواده‌های محروم و خانوادهها", ["خانواده‌های", "خانوادهها"]),
    ("plural no zwnj", "مشارکت", "مشارکتهای مردمی", ["مشارکتهای"]),
    ("ezafe", "خانه", "خانه‌ی ما", ["خانه‌ی"]),
    ("whole words", "کار", "کارگاه کارگروه و کار", ["کار"]),
    ("whole words", "امداد", "امدادرسانی کمیته امداد", ["امداد"]),
    ("no partial start", "داد", "ادامه داد و امداد", ["داد"]),
]


@pytest.mark.parametrize("kind, query, text, words", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_matching_rules(kind: str, query: str, text: str, words: list[str]) -> None:
    spans = find_in_text(query, text)
    assert [text[s:e] for s, e in spans] == words


def test_phrase_queries_keep_quoted_words_together() -> None:
    assert query_terms('"جهاد سازندگی" بسیج') == ["جهاد سازندگی", "بسیج"]
    assert query_terms("«جهاد سازندگی»") == ["جهاد سازندگی"]
