"""The five bundled articles, each from a different site, read right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hashiye.core.corpus.article import load_article
from hashiye.core.corpus.corpus import scan

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EXPECTED = {
    "000_e6d5671372e51005": dict(
        title_start="سردار زهرایی در این دیدار", supertitle=None, source="پایگاه اطلاع رسانی بسیج سازندگی",
        news_code="9322216", published="2021-02-17T12:14:00+03:30", published_jalali="1399-11-29 12:14"),
    "001_efa6bf155fd70a28": dict(
        title_start="برگزاری کمیسیون فرهنگی اجتماعی شورای عالی جهاد سازندگی در بهزیستی", supertitle=None,
        source="جهانی پرس", news_code=None, published="2024-05-06T22:56:00+03:30",
        published_jalali="1403-02-17 22:56"),
    "002_4a4f9998171fccb3": dict(
        title_start="امضای تفاهم نامه کمیته امداد و امور روستایی استانداری قزوین", supertitle=None,
        source="خبرگزاری بسیج", news_code="9090692", published="2018-12-17T11:47:00+03:30",
        published_jalali="1397-09-26 11:47"),
    "003_edc48c3769eb6a48": dict(
        title_start="بهره گیری از توان سازمان همیاری", supertitle="مدیرکل ستاد فرمان امام(ره) استان",
        source="پایگاه خبری عصرتوس", news_code="1666", published="2021-02-14T14:32:00+03:30",
        published_jalali="1399-11-26 14:32"),
    "004_45c60646b459ad0d": dict(
        title_start="برگزاری جلسه شورای مشارکتهای مردمی بهزیستی استان اصفهان", supertitle=None,
        source="اصفهان شرق", news_code=None, published="2014-08-29T22:15:00+04:30",
        published_jalali="1393-06-07 22:15"),
}

BOILERPLATE = ["ارسال نظرات", "IMG_", "کد خبر", "لینک کوتاه", "@", "http", "قوانین ارسال", "امروز :",
               "1001/پ30/ب", "خبرهای داغ", "دیدگاهتان را بنویسید", "همچنین بخوانید", "برابر با", "پر بیننده"]


@pytest.fixture(scope="module")
def listing() -> dict[str, dict]:
    return {a.id: a.to_json() for a in scan(SEEDS).articles}


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_metadata(listing: dict[str, dict], article_id: str) -> None:
    rec, want = listing[article_id], EXPECTED[article_id]
    assert rec["title"].startswith(want["title_start"])
    for key in ("supertitle", "source", "news_code", "published", "published_jalali"):
        assert rec[key] == want[key], key


def test_derived_title_is_cut_at_a_word_boundary(listing: dict[str, dict]) -> None:
    title = listing["000_e6d5671372e51005"]["title"]
    lead = listing["000_e6d5671372e51005"]["lead"]
    assert len(title) <= 120
    assert lead.startswith(title.rstrip("…"))
    assert lead[len(title.rstrip("…"))] == " ", "cut between words"


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
@pytest.mark.parametrize("normalized", [False, True])
def test_display_text_is_clean_persian(article_id: str, normalized: bool) -> None:
    art = load_article(SEEDS / f"{article_id}.txt")
    text = art.display(normalized=normalized).text
    for junk in BOILERPLATE:
        assert junk not in text, junk
    assert not re.search("[يك]", text), "Arabic ي/ك folded to Persian ی/ک"
    assert not re.search("[0-9]", text), "digits written in Persian"
    assert "  " not in text
    words = art.words()
    assert words > 250


def test_body_sentences_are_kept() -> None:
    art = load_article(SEEDS / "003_edc48c3769eb6a48.txt")
    text = art.display(normalized=False).text
    assert "سازمان همیاری شهرداریهای استان با توجه به ارتباطاتی که با شهرداران دارد" in text
    assert text.count("بهره گیری از توان سازمان همیاری شناسایی") == 1, "the repeated title is shown once"


def test_hazm_level_fixes_spacing_and_keeps_the_map() -> None:
    art = load_article(SEEDS / "000_e6d5671372e51005.txt")
    shown = art.display(normalized=True)
    assert "می\u200cشود" in shown.text and "می شود" not in shown.text
    i = shown.text.index("می\u200cشود")
    s, e = shown.map.to_source(i, i + len("می\u200cشود"))
    assert art.source_text[s:e] == "می شود"


def test_weekday_agrees_for_seed_004(listing: dict[str, dict]) -> None:
    assert not any("weekday" in w["message"] for w in scan(SEEDS).warnings)
