"""What one line of a page is by itself: a date or time line, a news-code line, a line like
a title or like a lead (`parse` decides from these and the line's place in the page).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .boilerplate import clean, is_today_line, label_of, words
from .lines import SENTENCE_END, Line
from ..text.jalali import _G_MONTH_RE, FoundDate, find_date, find_time
from ..text.normalize import fold_letters, to_latin_digits

_CODE = re.compile(r"(?:کد|شناسه)\s*(?:خبر|مطلب|مقاله|خبری)\s*[:：]?\s*(\d{3,})")
_SEPARATORS = "|-–—/،,:：•·()[]«»"
_HIJRI_MONTHS = r"محرم|صفر|ربیع\s?(?:الاول|الثانی|الآخر)|جمادی\s?(?:الاول|الاولی|الثانی|الثانیه|الآخر)|رجب|شعبان|رمضان|شوال|ذی\s?القعده|ذی\s?الحجه"
_WEEKDAY_HEAD = re.compile(r"^(?:(?:یک|دو|سه|چهار|پنج)\s?)?شنبه|^جمعه")
PUBLISHED_LABEL = re.compile(r"انتشار|منتشر|تاریخ\s*(?:خبر|درج|ثبت)")
_UPDATED_LABEL = re.compile(r"به\s?روز\s?رسانی|بروزرسانی|ویرایش")


def is_title_like(text: str) -> bool:
    c = clean(text)
    ends = (".", "…", ":", "：")  # a line ending in ":" introduces the title; «؟» and «!» may end one
    return 2 <= words(c) <= 30 and len(c) <= 200 and not c.endswith(ends) and not c.endswith("..")


def is_lead_like(text: str) -> bool:
    c = clean(text)
    return words(c) >= 8 and (len(c) > 200 or c.endswith(tuple(SENTENCE_END)) or words(c) > 30)


@lru_cache(maxsize=1024)  # each line is asked about up to four times
def code_of(text: str) -> str | None:
    if "کد" not in text and "شناسه" not in text and "كد" not in text:
        return None  # fold_letters only makes «ک» of «ك»; «شناسه» has no letter it folds
    m = _CODE.search(to_latin_digits(fold_letters(text)))
    return m.group(1) if m else None


# `residue`'s patterns, compiled once (each line with a date is asked about several times)
_CLOCK = re.compile(r"\d{1,2}\s?:\s?\d{2}(?::\d{2})?")
_G_STAMP = re.compile(r"(?:19|20)\d\d[-/]\d\d?[-/]\d\d?\S*|\b(?:19|20)\d\d\b")
_LATIN_WORDS = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b[a-z]{3,9}\b(?=\s*\d)|\b\d{1,2}\b")
_DAY_WORDS = re.compile(r"(?:یک|دو|سه|چهار|پنج)?\s?شنبه|جمعه|ساعت")
_MONTH_WORDS = re.compile(rf"(?i)(?<![^\W\d_])(?:{_G_MONTH_RE}|{_HIJRI_MONTHS})(?![^\W\d_])")
_SEPARATOR_SPACES = {ord(ch): " " for ch in _SEPARATORS}
# What those patterns need to match at all: `_LATIN_WORDS` a character a case-blind [a-z] takes
# (the ASCII letters and four others) or a digit; the day and month names a letter.
_LATIN_OR_DIGIT = re.compile(r"(?i)[a-z\d]")
_LETTER = re.compile(r"[^\W\d_]")


def residue(text: str, found: FoundDate) -> str:
    """What a date line says besides its date and time: a label, an outlet, an author."""
    rest = text[: found.span[0]] + " " + text[found.span[1]:]
    rest = _CLOCK.sub(" ", to_latin_digits(rest))
    rest = _G_STAMP.sub(" ", rest)
    if _LATIN_OR_DIGIT.search(rest):  # else nothing for the (slow, case-blind) pattern to take away
        rest = _LATIN_WORDS.sub(" ", rest)
    if _LETTER.search(rest):  # each of these words starts with a letter
        rest = _DAY_WORDS.sub(" ", fold_letters(rest))
        rest = _MONTH_WORDS.sub(" ", rest)
    return " ".join(rest.translate(_SEPARATOR_SPACES).split())


_LETTER_END = re.compile(r"[^\W\d_]$")


def _bounded(text: str, found: FoundDate) -> bool:
    """Tell whether a date stands apart in its line (line edge or a separator on each side)."""
    a, b = found.span
    wd = _WEEKDAY_HEAD.match(fold_letters(text[a:b]).replace("\u200c", " "))
    if wd and text[:a].rstrip() and text[:a].rstrip()[-1] not in _SEPARATORS:
        a += wd.end()  # «… امام جمعه | ۹ بهمن ۱۴۰۰»: «جمعه» was a name, not the weekday
        while a < b and not text[a].isalnum():
            a += 1
    before, after = text[:a].rstrip(), text[b:].lstrip()
    ok_before = not before or before[-1] in _SEPARATORS or not _LETTER_END.search(before)
    ok_after = not after or after[0] in _SEPARATORS or after[0].isdigit() or after.startswith("ساعت")
    return ok_before and ok_after


# Every date `find_date` reads has a year, which starts with one of these (jalali._YEAR).
_YEAR_DIGIT = re.compile("[12۱۲١٢]")


@lru_cache(maxsize=1024)  # each header line is asked about up to four times
def date_kind(text: str) -> str | None:
    """`date` for a date line, `stamped` for a title with a date stamp at its end, else None.

    A line that parses as a full date but also has many other words around it («… ۲۲
    بهمن ۱۳۸۲ در تهران اعلام شد») is text, not a date line.
    """
    c = clean(text)
    # first: it rules out most lines at once (a line without a year's first digit has no date,
    # and the one-character search is several times faster than find_date's own year check)
    found = find_date(c) if _YEAR_DIGIT.search(c) else None
    if found is None or is_today_line(text):
        return None
    n = words(residue(c, found))
    if n <= 3 or (n <= 8 and _bounded(c, found)):
        return "date"
    if found.span[1] >= len(c.rstrip()) - 1 and n <= 30 and not c[: found.span[0]].rstrip().endswith(tuple("0123456789")):
        return "stamped"
    return None


def is_date_line(text: str) -> bool:
    return date_kind(text) == "date"


def stamp_free(text: str) -> str:
    """A title line without the date stamp glued to its end."""
    c = clean(text)
    if date_kind(text) != "stamped":
        return c
    found = find_date(c)
    return c[: found.span[0]].rstrip(" -|،,") if found else c


def is_time_line(text: str) -> bool:
    """A line that only gives a clock time («ساعت ۰۹:۳۰»), as some sites print under the date."""
    c = clean(text)
    return words(c) <= 3 and find_time(c) is not None


def is_labelled_date(text: str) -> bool:
    """A «برچسب: تاریخ» line (publication or update date) anywhere in the page."""
    lab = label_of(text)
    return lab is not None and words(lab[0]) <= 3 and is_date_line(text)


def date_rank(text: str, found: FoundDate | None = None) -> int:
    """0 for a line labelled as the publication date, 2 for an update date, 3 for a banner, else 1."""
    if PUBLISHED_LABEL.search(text):
        return 0
    if _UPDATED_LABEL.search(text):
        return 2
    if found is not None and found.calendar == "jalali":
        rest = text[found.span[1]:]
        if find_date(rest) is not None and find_date(rest).calendar == "gregorian":  # type: ignore[union-attr]
            return 3  # «پنجشنبه ۲۶ تیر ۱۴۰۴ - 17 July, 2025»: the page's banner
    return 1


def date_of(text: str, following: list[Line]) -> FoundDate | None:
    """The date of a line, with its time from the line itself or a time-only line after it."""
    found = find_date(clean(text))
    if found is None or found.time is not None:
        return found
    time = find_time(text)
    for ln in following:
        if time is not None or not ln.text.strip():
            continue
        if words(clean(ln.text)) <= 3:
            time = find_time(ln.text)
        break
    return FoundDate(found.date, time, found.warning, found.span, found.calendar)
