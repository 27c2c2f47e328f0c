"""Dates in Persian news headers: find, parse, check the weekday, add Tehran's offset.

Jalali dates are read first (named «۲۹ بهمن ۱۳۹۹» or numeric «۱۴۰۳/۲/۱۷»); without one,
a Gregorian date (ISO 8601 `2021-07-05T11:54:53+04:30`, «17 July, 2025», «۱۲ ژوئیه ۲۰۱۰»,
`WED 15 Oct 2025`) is converted. An ISO stamp with an offset is moved to Tehran's local time.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from dataclasses import dataclass
from functools import lru_cache
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
_WEEKDAY_RE = r"(?<![^\W\d_])(?:(?:یک|دو|سه|چهار|پنج)\s?)?شنبه|(?<![^\W\d_])جمعه"
_NAMED = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_RE})\s*[-،,/|]?\s*)?"
    rf"(?P<d>\d{{1,2}})\s*[-/]?\s*(?P<m>{_MONTH_RE})(?:\s?ماه)?\s*[-/]?\s*(?P<y>1[34]\d\d)(?!\d)"
)
_NUMERIC = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_RE})\s*[-،,/|]?\s*)?"
    r"(?<!\d)(?P<y>1[34]\d\d)\s*[/\-.]\s*(?P<m>\d{1,2})\s*[/\-.]\s*(?P<d>\d{1,2})(?!\d)"
)
GREGORIAN_MONTH_WORDS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "مه": 5, "می": 5, "ژوئن": 6,
    "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}
_G_MONTH_RE = "|".join(sorted(GREGORIAN_MONTH_WORDS, key=len, reverse=True))
_G_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_ISO = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)")
_G_NUMERIC = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?!\d)")
_G_NAMED = (
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*[-/ ]?\s*(?P<m>{_G_MONTH_RE})(?![^\W\d_])\.?,?\s*[-/]?\s*{_G_YEAR}",
               re.IGNORECASE),
    re.compile(rf"(?<![^\W\d_])(?P<m>{_G_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_G_YEAR}", re.IGNORECASE),
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)\s+(?P<m>{_G_MONTH_RE})\s+(?P<d>[0-3]?\d)(?!\d)", re.IGNORECASE),
)
# Every date pattern above needs a year (1[34]\d\d Jalali, (19|20)\d\d Gregorian, in digits
# `_prepare` makes Latin): a line without one has no date. Most lines (paragraphs of text) are
# ruled out by this one scan of the line as it is, in any of the three scripts of digits.
_YEAR = re.compile(r"[1۱١][349۳۴۹٣٤٩]\d\d|[2۲٢][0۰٠]\d\d")
# A clock time; one glued to a following ISO date («16:462019-02-06») still counts.
_TIME = re.compile(r"(?<![\d/:])(?P<h>[01]?\d|2[0-3])\s?:\s?(?P<mi>[0-5]\d)(?!\d(?!\d\d\d-\d))")


@dataclass(frozen=True)
class FoundDate:
    """A publication date found in a line, with the time if the line gives one."""

    date: jdatetime.date
    time: dt.time | None
    warning: str | None
    span: tuple[int, int] = (0, 0)  # where the date stands in the line
    calendar: str = "jalali"  # or "gregorian" (converted)

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
    """Fold letters and digits, ZWNJ as a space: names match one way, positions stay those of `line`."""
    return to_latin_digits(fold_letters(line)).replace("\u200c", " ")


@lru_cache(maxsize=16)
def find_date(line: str) -> FoundDate | None:
    """Find a date (and a time on the same line) in one header line: Jalali first, else Gregorian.

    Remembered for the last lines asked about: parsing asks about each header line several
    times, and a header line may be a whole 5 MB article written as one line.
    """
    if _YEAR.search(line) is None:
        return None
    text = _prepare(line)
    for pattern in (_NAMED, _NUMERIC):
        for m in pattern.finditer(text):
            month = MONTHS[m["m"]] if pattern is _NAMED else int(m["m"])
            try:
                date = jdatetime.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                continue
            rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
            return FoundDate(date, _nearest_time(rest, m.start()), _check_weekday(m["wd"], date), m.span())
    return _find_gregorian(text)


def _find_gregorian(text: str) -> FoundDate | None:
    """An ISO 8601 stamp or a Gregorian date with an English or Persian month name, as a Jalali date."""
    for m in _ISO.finditer(text):
        try:
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        time: dt.time | None = None
        if m["h"] is not None and int(m["h"]) < 24:
            moment = dt.datetime.combine(day, dt.time(int(m["h"]), int(m["mi"])))
            if m["tz"]:  # a stamp with an offset: the same instant in Tehran's local time
                tz = m["tz"].replace("Z", "+00:00")
                sign = -1 if tz[0] == "-" else 1
                hours, minutes = int(tz[1:3]), int(tz[-2:])
                zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
                moment = moment.replace(tzinfo=zone).astimezone(TEHRAN).replace(tzinfo=None)
            day, time = moment.date(), moment.time()
        else:
            rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
            time = _nearest_time(rest, m.start())
        return FoundDate(jdatetime.date.fromgregorian(date=day), time, None, m.span(), "gregorian")
    # The matches of every pattern in the order they stand in the line (ties: in the patterns' order),
    # taken one at a time: the first valid one is the answer, the rest of a long line is never matched.
    named = [((m, GREGORIAN_MONTH_WORDS[m["m"].lower()]) for m in p.finditer(text)) for p in _G_NAMED]
    numeric = ((m, int(m["m"])) for m in _G_NUMERIC.finditer(text))
    for m, month in heapq.merge(*named, numeric, key=lambda x: x[0].start()):
        try:
            day = dt.date(int(m["y"]), month, int(m["d"]))
        except ValueError:
            continue
        rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        return FoundDate(jdatetime.date.fromgregorian(date=day), _nearest_time(rest, m.start()), None,
                         m.span(), "gregorian")
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
