"""Persian matching rules (DESIGN §5): one table row per variant class, spans in the text's own code points."""

from __future__ import annotations

import pytest
from hashiye.core.text.matching import find_in_text, matches, parse_query, query_terms

ZWNJ = "\u200c"

CASES = [
    # (class, query, text, expected hits as written in the text)
    ("arabic yeh", "مشارکت مردمی", "جلب مشارکت مردمي", ["مشارکت مردمي"]),
    ("arabic kaf", "مشارکت", "جلب مشاركت مردم", ["مشاركت"]),
    ("alef maksura", "موسی", "حضرت موسى", ["موسى"]),
    ("yeh with hamza", "مسئول", "مسیول و مسئول", ["مسیول", "مسئول"]),
    ("teh marbuta", "حوزه", "در حوزة علمیه", ["حوزة"]),
    ("heh with yeh", "خانهٔ", "در خانۀ ما", ["خانۀ"]),
    ("alef madda", "آب", "اب و آب", ["اب", "آب"]),
    ("zwnj compound", "محرومیت‌زدایی", f"محرومیت زدایی، محرومیتزدایی و محرومیت{ZWNJ}زدایی",
     ["محرومیت زدایی", "محرومیتزدایی", f"محرومیت{ZWNJ}زدایی"]),
    ("space compound", "محرومیت زدایی", "برای محرومیتزدایی", ["محرومیتزدایی"]),
    ("joined compound", "محرومیتزدایی", f"برای محرومیت{ZWNJ}زدایی", [f"محرومیت{ZWNJ}زدایی"]),
    ("tatweel", "بهزیستی", "سازمان بهـــزیستی", ["بهـــزیستی"]),
    ("diacritics", "کتاب", "این کِتابٌ خوب است", ["کِتابٌ"]),
    ("diacritics in query", "مُحَمَّد", "محمد", ["محمد"]),
    ("persian digits", "۱۲", "افزایش 12 برابری و ١٢ مورد", ["12", "١٢"]),
    ("latin digits", "1399", "بهمن ۱۳۹۹ و ١٣٩٩", ["۱۳۹۹", "١٣٩٩"]),
    ("plural zwnj", "خانواده", f"خانواده{ZWNJ}های محروم و خانوادهها", [f"خانواده{ZWNJ}های", "خانوادهها"]),
    ("plural joined", "مشارکت", "مشارکتهای مردمی", ["مشارکتهای"]),
    ("ezafe", "خانه", f"خانه{ZWNJ}ی ما", [f"خانه{ZWNJ}ی"]),
    ("stem of query", "خانواده‌ها", "به خانواده ما", ["خانواده"]),
    ("stem of joined query", "کتابهای", "این کتاب", ["کتاب"]),
    ("no stem for short words", "تنها", "تن و تنها", ["تنها"]),
    ("whole words", "کار", "کارگاه کارگروه و کار", ["کار"]),
    ("not mid-word", "داد", "ادامه داد و امداد", ["داد"]),
    ("no stray gap", "کار", "کا ره", []),
    ("compound part", "زعفران", f"زعفران{ZWNJ}کاری", ["زعفران"]),
    ("latin case", "Covid", "covid و COVID", ["covid", "COVID"]),
    ("not across lines", '"طرح جامع"', "طرح\nجامع", []),
]


@pytest.mark.parametrize("kind, query, text, words", CASES, ids=[c[0] for c in CASES])
def test_matching_rules(kind: str, query: str, text: str, words: list[str]) -> None:
    spans = find_in_text(query, text)
    assert [text[s:e] for s, e in spans] == words


def test_hits_are_source_slices_with_astral_characters() -> None:
    text = "😀 خبر: محرومیت زدایی 😀 و محرومیتزدایی"
    spans = find_in_text("محرومیت‌زدایی", text)
    assert [text[s:e] for s, e in spans] == ["محرومیت زدایی", "محرومیتزدایی"]
    assert spans[0][0] == text.index("محرومیت")


def test_quoted_phrase_keeps_words_together() -> None:
    text = "جهاد کشاورزی و سازندگی؛ جهاد سازندگی"
    assert [text[s:e] for s, e in find_in_text('"جهاد سازندگی"', text)] == ["جهاد سازندگی"]
    assert [text[s:e] for s, e in find_in_text("«جهاد سازندگی»", text)] == ["جهاد سازندگی"]


def test_loose_words_match_as_phrase_or_each_anywhere() -> None:
    assert [len(find_in_text("سازندگی جهاد", "جهاد ... سازندگی"))] == [2]
    assert find_in_text("جهاد قزوین", "جهاد سازندگی") == [], "every word must occur"
    assert matches("جهاد سازندگی", "جهادسازندگی")


def test_every_quoted_term_must_occur() -> None:
    assert find_in_text('"جهاد سازندگی" قزوین', "جهاد سازندگی در تهران") == []
    assert len(find_in_text('"جهاد سازندگی" قزوین', "جهاد سازندگی در قزوین")) == 2


def test_query_parsing() -> None:
    assert query_terms('"جهاد سازندگی" بسیج') == ["جهاد سازندگی", "بسیج"]
    assert query_terms("«جهاد سازندگی»") == ["جهاد سازندگی"]
    assert not parse_query("  ،؛ ")
    assert find_in_text("", "متن") == []


def test_arabic_plural_endings_of_loanwords() -> None:
    text = "مسکن محرومین و مسئولین و محرومان"
    assert [text[s:e] for s, e in find_in_text("محروم", text)] == ["محرومین", "محرومان"]
