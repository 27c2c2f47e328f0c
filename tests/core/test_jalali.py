"""Jalali dates as Persian news pages print them, with Tehran's UTC offset of that day."""

from __future__ import annotations

import pytest
from hashiye.core.text.jalali import find_date, find_time, jalali_display


@pytest.mark.parametrize(("line", "iso", "jalali"), [
    ("۲۹ بهمن ۱۳۹۹ - ۱۲:۱۴", "2021-02-17T12:14:00+03:30", "1399-11-29 12:14"),        # seed 000
    ("۱۴۰۳/۲/۱۷ - ۲۲ : ۵۶", "2024-05-06T22:56:00+03:30", "1403-02-17 22:56"),          # seed 001
    ("۲۶ آذر ۱۳۹۷ - ۱۱:۴۷", "2018-12-17T11:47:00+03:30", "1397-09-26 11:47"),          # seed 002
    ("26 بهمن 1399 - 14:32", "2021-02-14T14:32:00+03:30", "1399-11-26 14:32"),         # seed 003
    ("دریافتی 22:15 - جمعه 07 شهریور 1393", "2014-08-29T22:15:00+04:30", "1393-06-07 22:15"),  # 004
    ("تاریخ انتشار: ۱۲ مهر ۱۴۰۱ - ۰۹:۳۰", "2022-10-04T09:30:00+03:30", "1401-07-12 09:30"),
    ("کد خبر: 12345 | ۱۴۰۱/۰۷/۱۲ ۰۹:۳۰", "2022-10-04T09:30:00+03:30", "1401-07-12 09:30"),
    ("۱۵ آبان‌ماه ۱۴۰۲", "2023-11-06", "1402-08-15"),
    ("۱۰ دي ۱۳۹۸ ساعت ۸:۰۵", "2019-12-31T08:05:00+03:30", "1398-10-10 08:05"),       # Arabic ي
    ("1403-09-12", "2024-12-02", "1403-09-12"),
    ("٢٠ مرداد ١٤٠١ - ١٤:٠٥", "2022-08-11T14:05:00+04:30", "1401-05-20 14:05"),       # Arabic-Indic
])
def test_forms_seen_on_news_sites(line: str, iso: str, jalali: str) -> None:
    found = find_date(line)
    assert found is not None
    assert found.published_iso() == iso
    assert found.published_jalali() == jalali
    assert found.warning is None


@pytest.mark.parametrize(("jalali_line", "offset"), [
    ("۱ تیر ۱۳۹۰ ۱۲:۰۰", "+04:30"),   # summer time, 2011
    ("۱ دی ۱۳۹۰ ۱۲:۰۰", "+03:30"),
    ("۱ تیر ۱۴۰۱ ۱۲:۰۰", "+04:30"),   # the last summer with summer time, 2022
    ("۱ تیر ۱۴۰۲ ۱۲:۰۰", "+03:30"),   # abolished from 2023
])
def test_tehran_offset_follows_the_summer_time_history(jalali_line: str, offset: str) -> None:
    assert find_date(jalali_line).published_iso().endswith(offset)  # type: ignore[union-attr]


@pytest.mark.parametrize("line", ["سه‌شنبه ۱۲ مهر ۱۴۰۱", "سه شنبه ۱۲ مهر ۱۴۰۱", "سهشنبه، ۱۴۰۱/۰۷/۱۲"])
def test_a_matching_weekday_in_any_spelling_gives_no_warning(line: str) -> None:
    assert find_date(line).warning is None  # type: ignore[union-attr]


def test_a_wrong_weekday_is_a_warning_and_the_date_is_kept() -> None:
    found = find_date("یکشنبه ۱۲ مهر ۱۴۰۱ - ۰۹:۳۰")
    assert found is not None and found.published_jalali() == "1401-07-12 09:30"
    assert found.warning is not None and "یکشنبه" in found.warning


def test_impossible_dates_and_times_are_not_taken() -> None:
    assert find_date("۳۱ اسفند ۱۴۰۱") is None  # 1401 is not a leap year
    assert find_date("۱۴۰۱/۱۳/۰۱") is None
    assert find_date("شماره ۱۲۳۴۵ از ۹۹ نفر") is None
    assert find_time("ساعت ۲۵:۷۰") is None
    assert find_time("۲۲ : ۵۶").hour == 22  # type: ignore[union-attr]


def test_no_time_gives_a_plain_date() -> None:
    found = find_date("۱۴۰۳/۰۹/۱۲")
    assert found is not None and found.time is None
    assert found.published_iso() == "2024-12-02" and found.published_jalali() == "1403-09-12"


def test_display_form_for_the_reader() -> None:
    assert jalali_display("2021-02-17T12:14:00+03:30") == "۲۹ بهمن ۱۳۹۹، ۱۲:۱۴"
    assert jalali_display("2024-12-02", digits="latin") == "12 آذر 1403"
    assert jalali_display(None) == ""


@pytest.mark.parametrize(("line", "jalali", "iso"), [
    ("2021-07-05T11:54:53+04:30", "1400-04-14 11:54", "2021-07-05T11:54:00+04:30"),
    ("2023-07-05T11:54:53+03:30", "1402-04-14 11:54", "2023-07-05T11:54:00+03:30"),  # no summer time since 2022
    ("2021-07-05T07:24:53Z", "1400-04-14 11:54", "2021-07-05T11:54:00+04:30"),
    ("17 July, 2025", "1404-04-26", "2025-07-17"),
    ("WED 15 Oct 2025 - 08:10", "1404-07-23 08:10", "2025-10-15T08:10:00+03:30"),
    ("2024 December 13", "1403-09-23", "2024-12-13"),
    ("۱۲ ژوئيه ۲۰۱۰", "1389-04-21", "2010-07-12"),
    ("پنجشنبه / ۲۶ تیر / ۱۴۰۴ - 17 July, 2025", "1404-04-26", "2025-07-17"),  # Jalali first
    ("10ارديبهشت1397|12:10", "1397-02-10 12:10", "2018-04-30T12:10:00+04:30"),
    ("1404-07-23 09:39:25", "1404-07-23 09:39", "2025-10-15T09:39:00+03:30"),
])
def test_gregorian_iso_and_jalali_forms(line: str, jalali: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None
    assert found.published_jalali() == jalali
    assert found.published_iso() == iso


def test_monday_is_not_saturday() -> None:
    found = find_date("دوشنبه ۲۱ تیر ۱۳۸۹")
    assert found is not None and found.warning is None
