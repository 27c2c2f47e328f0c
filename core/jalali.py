"""Jalali dates in Persian news headers: find, parse, check the weekday, add Tehran's offset."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import jdatetime

from .normalize import fold_digits, fold_letters, to_latin_digits

TEHRAN = ZoneInfo("Asia/Tehran")

MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
    "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
# jdatetime weekday(): Saturday = 0.
WEEKDAYS = {
    "شنبه": 0, "یکشنبه": 1, "دوشنبه": 2, "سه شنبه": 3, "سهشنبه": 3,
    "چهارشنبه": 4, "پنجشنبه": 5, "جمعه": 6,
}
MONTH_NAMES = list(MONTHS)[:5] + list(MONTHS)[6:]  # without the variant امرداد
WEEKDAY_NAMES = ["شنبه", "یک‌شنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه"]

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = r"(?:یک|سه|چهار|پنج)?\s?شنبه|جمعه"
_NAMED = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_RE})\s*[-،,]?\s*)?"
    rf"(?P<d>\d{{1,2}})\s*[-/]?\s*(?P<m>{_MONTH_RE})(?:\s?ماه)?\s*[-/]?\s*(?P<y>1[34]\d\d)(?!\d)"
)
_NUMERIC = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_RE})\s*[-،,]?\s*)?"
    r"(?<!\d)(?P<y>1[34]\d\d)\s*[/\-.]\s*(?P<m>\d{1,2})\s*[/\-.]\s*(?P<d>\d{1,2})(?!\d)"
)
_TIME = re.compile(r"(?<![\d/])(?P<h>[01]?\d|2[0-3])\s?:\s?(?P<mi>[0-5]\d)(?!\d)")


@dataclass(frozen=True)
class FoundDate:
    """A publication date found in a line, with the time if the line gives one."""

    date: jdatetime.date
    time: dt.time | None
    warning: str | None

    def published_iso(self) -> str:
        """ISO 8601: with Tehran's UTC offset of that moment, or a plain date."""
        g = self.date.togregorian()
        if self.time is None:
            return str(g.isoformat())
        local = dt.datetime.combine(g, self.time, tzinfo=TEHRAN)
        return local.isoformat(timespec="seconds")

    def published_jalali(self) -> str:
        """`1399-11-29 12:14`, or `1403-09-12` without a time."""
        d = f"{self.date.year:04d}-{self.date.month:02d}-{self.date.day:02d}"
        return d if self.time is None else f"{d} {self.time.hour:02d}:{self.time.minute:02d}"


def _prepare(line: str) -> str:
    """Fold letters and digits, drop ZWNJ so weekday and month names match one way."""
    return to_latin_digits(fold_letters(line)).replace("\u200c", "")


def find_date(line: str) -> FoundDate | None:
    """Find a Jalali date (and a time on the same line) in one header line."""
    text = _prepare(line)
    for pattern in (_NAMED, _NUMERIC):
        for m in pattern.finditer(text):
            month = MONTHS[m["m"]] if pattern is _NAMED else int(m["m"])
            try:
                date = jdatetime.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                continue
            rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
            return FoundDate(date, _nearest_time(rest, m.start()), _check_weekday(m["wd"], date))
    return None


def find_time(line: str) -> dt.time | None:
    """Find a clock time (`12:14`, `۲۲ : ۵۶`) in a line."""
    return _nearest_time(_prepare(line), 0)


def _nearest_time(text: str, anchor: int) -> dt.time | None:
    best: tuple[int, dt.time] | None = None
    for m in _TIME.finditer(text):
        dist = abs(m.start() - anchor)
        if best is None or dist < best[0]:
            best = (dist, dt.time(int(m["h"]), int(m["mi"])))
    return best[1] if best else None


def _check_weekday(named: str | None, date: jdatetime.date) -> str | None:
    if not named:
        return None
    expected = WEEKDAYS.get(named.replace(" ", ""), WEEKDAYS.get(named))
    if expected is None or expected == date.weekday():
        return None
    actual = WEEKDAY_NAMES[date.weekday()]
    return f"weekday «{named}» does not match {date.isoformat()} (a {actual}); date kept"


MONTH_NAMES_EN = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
                  "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"]
GREGORIAN_MONTHS_FA = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
                       "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]
GREGORIAN_MONTHS_EN = ["January", "February", "March", "April", "May", "June",
                       "July", "August", "September", "October", "November", "December"]


def _moment(iso: str) -> tuple[dt.date, dt.time | None]:
    if len(iso) == 10:
        return dt.date.fromisoformat(iso), None
    moment = dt.datetime.fromisoformat(iso)
    return moment.date(), moment.time()


def jalali_month(year: int, month: int, lang: str = "fa") -> str:
    """«بهمن ۱۳۹۹» / "Bahman 1399"."""
    if lang == "en":
        return f"{MONTH_NAMES_EN[month - 1]} {year}"
    return fold_digits(f"{MONTH_NAMES[month - 1]} {year}", "fa")


def jalali_display(iso: str | None, digits: str = "fa", lang: str = "fa") -> str:
    """An ISO `published` value as a Jalali date: «۲۹ بهمن ۱۳۹۹، ۱۲:۱۴», or "29 Bahman 1399, 12:14" in English."""
    if not iso:
        return ""
    g, time = _moment(iso)
    j = jdatetime.date.fromgregorian(date=g)
    names, comma = (MONTH_NAMES_EN, ",") if lang == "en" else (MONTH_NAMES, "،")
    text = f"{j.day} {names[j.month - 1]} {j.year}"
    if time is not None:
        text += f"{comma} {time.hour:02d}:{time.minute:02d}"
    return fold_digits(text, "fa" if digits == "fa" and lang != "en" else "latin")


def gregorian_display(iso: str | None, lang: str = "fa") -> str:
    """The Gregorian day of an ISO `published` value: «۱۷ فوریه ۲۰۲۱» / "17 February 2021"."""
    if not iso:
        return ""
    g, _time = _moment(iso)
    if lang == "en":
        return f"{g.day} {GREGORIAN_MONTHS_EN[g.month - 1]} {g.year}"
    return fold_digits(f"{g.day} {GREGORIAN_MONTHS_FA[g.month - 1]} {g.year}", "fa")
