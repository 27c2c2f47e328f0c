"""Read a Persian news page saved as text: which line is title, lead, body or boilerplate.

Rules are written for news sites in general, not for the five seeds (DESIGN §3):

- Lines that are page furniture wherever they stand (core.boilerplate) are dropped.
- The **header** (navigation, date, news code, supertitle, title, lead) ends where the
  body starts: the «به گزارش X،» / «به نقل از X» line near the top, else the first
  long paragraph after the header's title (that paragraph is then the lead).
- In the header: the **title** is the title-like line nearest above the lead or body
  (site names and section labels higher up are not); a line repeated (a title printed
  twice) is shown once; the **supertitle** is the line just above the title; the
  **lead** is the long paragraph before the body. The **date** is the header's
  publication date (a line labelled «تاریخ انتشار» wins), never the page's «امروز»
  line nor a date in the body; a time on the next line counts.
- The **footer** starts at a comment, share, tags, «انتهای پیام» or "read also" block.
- The **source** is X of «به گزارش X،» (without «خبرنگار», «گروه …»), or the agency of
  an IRNA-style dateline «سمنان- ایرنا- …», or a «منبع: X» line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .boilerplate import (
    SOURCE_LABEL,
    clean,
    is_boilerplate,
    is_footer_marker,
    is_short_heading,
    is_today_line,
    key,
    label_of,
    match_key,
    words,
)
from .jalali import FoundDate, find_date, find_time
from .normalize import to_latin_digits

Role = str  # supertitle | title | lead | body | boilerplate | date | code | duplicate | blank

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CODE = re.compile(r"(?:کد|شناسه)\s*(?:خبر|مطلب|مقاله|خبری)\s*[:：]?\s*(\d{3,})")
_SOURCE = re.compile(r"^\s*(?:به\s+گزارش|به\s+نقل\s+از)\s+(?P<src>[^،,:؛\n]{2,80})")
_SOURCE_CUT = re.compile(r"\s+(?:به\s+نقل\s+از|از|در|و\s+به\s+نقل|و)\s+")
_SOURCE_PREFIX = re.compile(r"^(?:خبرنگار(?:\s+اعزامی)?|گروه\s+\S+|سرویس\s+\S+|بخش\s+\S+)\s+")
_AGENCY_WORD = re.compile(r"(?:خبرگزاری|پایگاه|روزنامه|هفته\s?نامه|سایت|شبکه|باشگاه\s+خبرنگاران)")
_DATELINE = re.compile(r"^(?P<place>[^\s\-–—:،]+(?:\s[^\s\-–—:،]+)?)\s*[-–—]\s*"
                       r"(?P<src>[^\-–—:،.]{2,30}?)\s*[-–—]\s*\S")
_PUBLISHED_LABEL = re.compile(r"انتشار|منتشر|تاریخ\s*(?:خبر|درج|ثبت)")
_UPDATED_LABEL = re.compile(r"به\s?روز\s?رسانی|بروزرسانی|ویرایش")
_SENTENCE_END = ".!؟?…"


@dataclass
class Line:
    """One line of the source: its span (without the line break) and role."""

    start: int
    end: int
    text: str
    role: Role = "blank"


@dataclass
class Parsed:
    """Everything read from one article's source text."""

    lines: list[Line]
    title: str | None = None
    supertitle: str | None = None
    lead: str | None = None
    source: str | None = None
    news_code: str | None = None
    date: FoundDate | None = None
    warnings: list[str] = field(default_factory=list)

    def kept(self) -> list[Line]:
        """Lines shown in the display text, in source order."""
        return [ln for ln in self.lines if ln.role in ("supertitle", "title", "lead", "body")]


def split_lines(text: str) -> list[Line]:
    """Split source text into lines with code-point spans; CR, LF and CRLF all end a line."""
    lines: list[Line] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        if not raw:
            break
        body = raw.rstrip("\r\n")
        lines.append(Line(m.start(), m.start() + len(body), body))
    return lines


def tidy(text: str) -> str:
    """Metadata form of a line: markup and bullets stripped, letters folded, spaces collapsed."""
    return " ".join(clean(text).split())


def _is_title_like(text: str) -> bool:
    c = clean(text)
    ends = tuple(_SENTENCE_END) + (":", "：")  # a line ending in ":" introduces the title
    return 2 <= words(c) <= 30 and len(c) <= 200 and not c.endswith(ends)


def _is_lead_like(text: str) -> bool:
    c = clean(text)
    return words(c) >= 8 and (len(c) > 200 or c.endswith(tuple(_SENTENCE_END)) or words(c) > 30)


def _code_of(text: str) -> str | None:
    m = _CODE.search(to_latin_digits(text))
    return m.group(1) if m else None


def _is_date_line(text: str) -> bool:
    if is_today_line(text):
        return False
    c = clean(text)
    return words(c) <= 14 and find_date(c) is not None


def _is_time_line(text: str) -> bool:
    """A line that only gives a clock time («ساعت ۰۹:۳۰»), as some sites print under the date."""
    c = clean(text)
    return words(c) <= 3 and find_time(c) is not None


def _is_labelled_date(text: str) -> bool:
    """A «برچسب: تاریخ» line (publication or update date) anywhere in the page."""
    lab = label_of(text)
    return lab is not None and words(lab[0]) <= 3 and _is_date_line(text)


def parse(text: str) -> Parsed:
    """Classify every line of an article and extract its metadata."""
    p = Parsed(split_lines(text))
    lines = p.lines
    body_start = _find_body_start(lines)
    _read_header(p, lines[:body_start])
    _read_body(p, lines[body_start:])
    if p.title is None:
        p.title = _title_from(p)
    return p


def _find_body_start(lines: list[Line]) -> int:
    """Index of the first body line: «به گزارش …» near the top, else after the lead."""
    limit = max(12, len(lines) // 2)
    for i, ln in enumerate(lines[:limit]):
        if _SOURCE.match(clean(ln.text)):
            return i
    # No source line: the first long paragraph near the top is the lead, unless it
    # stands above every date and code line (then it is a teaser, like seed 000's).
    last_meta = max((i for i, ln in enumerate(lines[:limit])
                     if _code_of(ln.text) or _is_date_line(ln.text)), default=-1)
    for i, ln in enumerate(lines[:limit]):
        if i > last_meta and _is_lead_like(ln.text) and not is_boilerplate(ln.text) \
                and not is_footer_marker(ln.text):
            return i + 1
    return last_meta + 1


def _read_header(p: Parsed, header: list[Line]) -> None:
    candidates: list[Line] = []
    dates: list[tuple[int, FoundDate]] = []
    for i, ln in enumerate(header):
        code = _code_of(ln.text)
        if not ln.text.strip():
            ln.role = "blank"
        elif code or _is_date_line(ln.text):
            ln.role = "code" if code else "date"
            p.news_code = p.news_code or code
            found = _date_of(ln.text, header[i + 1:i + 3]) if _is_date_line(ln.text) else None
            if found:
                dates.append((_date_rank(ln.text), found))
        elif _is_time_line(ln.text):
            ln.role = "date"
        elif is_boilerplate(ln.text) or is_footer_marker(ln.text):
            ln.role = "boilerplate"
        else:
            candidates.append(ln)
    if dates:
        _set_date(p, min(dates, key=lambda d: d[0])[1])
    _assign_header_roles(p, header, candidates)


def _set_date(p: Parsed, found: FoundDate | None) -> None:
    p.date = found
    if found and found.warning:
        p.warnings.append(found.warning)


def _date_rank(text: str) -> int:
    """0 for a line labelled as the publication date, 2 for an update date, else 1."""
    if _PUBLISHED_LABEL.search(text):
        return 0
    return 2 if _UPDATED_LABEL.search(text) else 1


def _date_of(text: str, following: list[Line]) -> FoundDate | None:
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
    return FoundDate(found.date, time, found.warning)


def _assign_header_roles(p: Parsed, header: list[Line], candidates: list[Line]) -> None:
    first_seen: dict[str, Line] = {}
    for ln in candidates:
        k = key(ln.text)
        if k in first_seen:
            ln.role = "duplicate"
        else:
            first_seen[k] = ln
            ln.role = "header"
    unique = [ln for ln in candidates if ln.role == "header"]
    lead = next((ln for ln in reversed(unique) if _is_lead_like(ln.text)), None)
    if lead is not None:
        lead.role, p.lead = "lead", tidy(lead.text)
    above = [ln for ln in candidates if lead is None or ln.start < lead.start]
    title = next((ln for ln in reversed(above) if ln.role in ("header", "duplicate")
                  and _is_title_like(ln.text)), None)
    if title is not None:
        title = first_seen[key(title.text)]  # a title printed twice: the first copy is the title
        title.role, p.title = "title", tidy(title.text)
        _promote_supertitle(p, header, title)
    for ln in candidates:
        if ln.role == "header":  # leftover header lines: site names, sections, teasers
            ln.role = "boilerplate"


def _promote_supertitle(p: Parsed, header: list[Line], title: Line) -> None:
    """The supertitle (روتیتر) is the short line right above the title."""
    idx = header.index(title)
    for ln in reversed(header[:idx]):
        if ln.role == "blank":
            continue
        c = clean(ln.text)
        if ln.role == "header" and words(c) >= 2 and len(c) <= 160 and not _AGENCY_WORD.match(c):
            ln.role, p.supertitle = "supertitle", tidy(ln.text).rstrip(":： ")
        return


def _read_body(p: Parsed, body: list[Line]) -> None:
    header_keys = {match_key(t) for t in (p.title, p.lead, p.supertitle) if t}
    in_footer = False
    labelled_source: str | None = None
    for ln in body:
        if not ln.text.strip():
            ln.role = "blank"
            continue
        lab = label_of(ln.text)
        if lab and lab[0] == SOURCE_LABEL and words(lab[1]) <= 6:
            labelled_source = labelled_source or lab[1] or None
        code = _code_of(ln.text)
        if code and words(clean(ln.text)) <= 6:
            ln.role, p.news_code = "code", p.news_code or code
        elif in_footer or is_footer_marker(ln.text):
            in_footer, ln.role = True, "boilerplate"
            if p.date is None and _is_labelled_date(ln.text) and _PUBLISHED_LABEL.search(ln.text):
                _set_date(p, _date_of(ln.text, []))
        elif _is_labelled_date(ln.text):
            ln.role = "date"
            if p.date is None and _PUBLISHED_LABEL.search(ln.text):
                _set_date(p, _date_of(ln.text, []))
        elif is_boilerplate(ln.text) or is_short_heading(ln.text):
            ln.role = "boilerplate"
        elif key(ln.text) in header_keys:
            ln.role = "duplicate"
        else:
            ln.role = "body"
            if p.source is None:
                p.source = _source_of(ln.text)
    if p.source is None and p.lead:
        p.source = _source_of(p.lead)
    p.source = p.source or labelled_source


def _source_of(text: str) -> str | None:
    """The agency or site a paragraph names: «به گزارش X،» or a dateline «شهر- X- …»."""
    c = tidy(text)
    m = _SOURCE.match(c)
    if m:
        src = _SOURCE_CUT.split(m["src"], maxsplit=1)[0].strip()
        agency = _AGENCY_WORD.search(src)
        src = src[agency.start():] if agency else _SOURCE_PREFIX.sub("", src)
        return src.strip() or None
    m = _DATELINE.match(c)
    if m and words(m["src"]) <= 3 and words(m["place"]) <= 2:
        return m["src"].strip()
    return None


TITLE_MAX = 120


def _title_from(p: Parsed) -> str | None:
    """A title for a file without one: the lead's (or first paragraph's) first sentence."""
    text = p.lead or next((tidy(ln.text) for ln in p.lines if ln.role == "body"), None)
    if not text:
        return None
    sentence = re.split(r"(?<=[.!؟?])\s", text.strip(), maxsplit=1)[0]
    sentence = sentence.rstrip(".!؟? ")
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip("،,؛: ")
    return cut + "…"
