"""Read a Persian news page saved as text: which line is title, lead, body or boilerplate.

Rules are written for news sites in general, not for the five seeds: a header area
(navigation, date, news code, supertitle, title, lead) ends where the body starts
(«به گزارش …» or the first long paragraph); a footer starts at a comment, share or
"read also" block; image names, e-mail and address lines, editor codes and URLs are
boilerplate wherever they appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .jalali import FoundDate, find_date, find_time
from .normalize import fold_letters, match_key, strip_markup, to_latin_digits

Role = str  # supertitle | title | lead | body | boilerplate | date | code | duplicate

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

NAV_PHRASES = (
    "خبرهای داغ", "اتفاق افتاد", "پر بیننده", "پربیننده", "پربازدید", "پر بازدید",
    "آخرین اخبار", "اخبار مرتبط", "اخبار روز", "صفحه اصلی", "صفحه نخست", "برچسب ها",
    "برچسبها", "کلمات کلیدی", "تگ ها", "نسخه چاپی", "چاپ خبر", "اشتراک گذاری", "ارسال به دوستان",
    "همچنین بخوانید", "بیشتر بخوانید", "مطالب مرتبط", "تماس با ما", "درباره ما",
)
FOOTER_MARKERS = (
    "ارسال نظرات", "ارسال نظر", "ارسال دیدگاه", "دیدگاهتان را بنویسید", "نظرات کاربران",
    "قوانین ارسال دیدگاه", "لینک کوتاه", "همچنین بخوانید", "بیشتر بخوانید", "اخبار مرتبط",
    "مطالب مرتبط", "پر بیننده", "پربیننده", "پربازدید", "برچسب ها", "برچسبها", "کلمات کلیدی",
)
_CODE = re.compile(r"(?:کد|شناسه)\s*(?:خبر|مطلب|مقاله)\s*[:：]?\s*(\d{3,})")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_IMAGE = re.compile(r"^(?:IMG|DSC|DSCN|PIC|Photo|image|img)?[_-]?\d{2,}(?:\.(?:jpe?g|png|gif|webp))?$|"
                    r"^[\w-]+\.(?:jpe?g|png|gif|webp)$", re.I)
_EDITOR_CODE = re.compile(r"^(?:[\d\w]{1,6}/){1,4}[\d\w]{1,6}$")
_SOURCE = re.compile(r"^\s*(?:به\s+گزارش|به\s+نقل\s+از)\s+(?P<src>[^،,:؛\n]{2,80})")
_SOURCE_CUT = re.compile(r"\s+(?:به\s+نقل\s+از|از|در|و\s+به\s+نقل)\s+")
_BULLET = "•·●▪◦-–—*|» "
_ADDRESS = re.compile(r"^(?:نشانی|آدرس|دفتر مرکزی|تلفن|فکس|ایمیل|پست الکترونیک|کد پستی|صندوق پستی)\s*[:：]")
_TODAY = re.compile(r"^(?:امروز|برابر با|تاریخ امروز)\s*[:：]")
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
    title_derived: bool = False
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


def _clean(text: str) -> str:
    """Strip bullets and spaces around a line, fold letters: for classification only."""
    return fold_letters(strip_markup(text)).strip().strip(_BULLET).strip()


def tidy(text: str) -> str:
    """Metadata form of a line: bullets stripped, letters folded, spaces collapsed."""
    return " ".join(_clean(text).split())


def _words(text: str) -> int:
    return len(match_key(text).split())


def is_boilerplate(text: str) -> bool:
    """Tell whether a line is page furniture wherever it stands (images, codes, links)."""
    c = _clean(text)
    if not c:
        return True
    latin = to_latin_digits(c)
    if _IMAGE.match(latin) or _EMAIL.search(latin) and _words(c) <= 6:
        return True
    if _URL.fullmatch(latin) or ("لینک" in c and _URL.search(latin)):
        return True
    if " " not in latin and _EDITOR_CODE.match(latin) and any(ch.isdigit() for ch in latin):
        return True
    if not any(ch.isalpha() for ch in c):
        return True  # "|", "5", separators
    if _ADDRESS.match(c) or _TODAY.match(c):
        return True
    return _is_nav(c)


def _is_nav(clean: str) -> bool:
    bare = clean.rstrip(":： ")
    if any(bare == p or bare.startswith(p) and len(bare) <= len(p) + 3 for p in NAV_PHRASES):
        return True
    return clean.endswith((":", "：")) and _words(clean) <= 2


def _is_footer_marker(text: str) -> bool:
    c = _clean(text).rstrip(":： ")
    return any(c.startswith(m) for m in FOOTER_MARKERS) and _words(c) <= 8


def _is_title_like(text: str) -> bool:
    c = _clean(text)
    ends = tuple(_SENTENCE_END) + (":", "：")  # a line ending in ":" introduces the title
    return 2 <= _words(c) <= 30 and len(c) <= 200 and not c.endswith(ends)


def _is_lead_like(text: str) -> bool:
    c = _clean(text)
    return _words(c) >= 8 and (len(c) > 200 or c.endswith(tuple(_SENTENCE_END)) or _words(c) > 30)


def parse(text: str) -> Parsed:
    """Classify every line of an article and extract its metadata."""
    p = Parsed(split_lines(text))
    lines = p.lines
    body_start = _find_body_start(lines)
    _read_header(p, lines[:body_start])
    _read_body(p, lines[body_start:])
    if p.title is None:
        p.title, p.title_derived = _title_from(p), True
    return p


def _find_body_start(lines: list[Line]) -> int:
    """Index of the first body line: «به گزارش …» near the top, else after the header."""
    limit = max(12, len(lines) // 2)
    for i, ln in enumerate(lines[:limit]):
        if _SOURCE.match(_clean(ln.text)):
            return i
    # No source line: the header ends after the last date/code line near the top,
    # else at the first long paragraph after a title-like line.
    last_meta = -1
    for i, ln in enumerate(lines[:limit]):
        if _CODE.search(to_latin_digits(ln.text)) or _is_date_line(ln.text):
            last_meta = i
    start = last_meta + 1
    seen_title = False
    for i, ln in enumerate(lines[start:limit], start):
        if is_boilerplate(ln.text):
            continue
        if _is_lead_like(ln.text):
            return i if (seen_title or last_meta >= 0) else i + 1
        seen_title = seen_title or _is_title_like(ln.text)
    return start


def _is_date_line(text: str) -> bool:
    c = _clean(text)
    if _TODAY.match(c):
        return False
    found = find_date(c)
    return found is not None and _words(c) <= 12


def _read_header(p: Parsed, header: list[Line]) -> None:
    candidates: list[Line] = []
    for ln in header:
        latin = to_latin_digits(ln.text)
        code = _CODE.search(latin)
        if not ln.text.strip():
            ln.role = "blank"
        elif code:
            ln.role = "code"
            p.news_code = p.news_code or code.group(1)
        elif _is_date_line(ln.text):
            ln.role = "date"
            _take_date(p, ln.text)
        elif is_boilerplate(ln.text) or _is_footer_marker(ln.text):
            ln.role = "boilerplate"
        else:
            candidates.append(ln)
    _assign_header_roles(p, header, candidates)


def _take_date(p: Parsed, text: str) -> None:
    if p.date is not None:
        return
    found = find_date(_clean(text))
    if found and found.time is None:
        found = FoundDate(found.date, find_time(text), found.warning)
    p.date = found
    if found and found.warning:
        p.warnings.append(found.warning)


def _assign_header_roles(p: Parsed, header: list[Line], candidates: list[Line]) -> None:
    seen: set[str] = set()
    for ln in candidates:
        key = match_key(ln.text)
        if key in seen:
            ln.role = "duplicate"
            continue
        seen.add(key)
        if p.title is None and p.lead is None and _is_title_like(ln.text):
            ln.role, p.title = "title", tidy(ln.text)
        elif p.lead is None and _is_lead_like(ln.text):
            ln.role, p.lead = "lead", tidy(ln.text)
        else:
            ln.role = "header"
    _promote_supertitle(p, header)
    for ln in candidates:
        if ln.role == "header":  # leftover short header lines (site names, sections)
            ln.role = "boilerplate"


def _promote_supertitle(p: Parsed, header: list[Line]) -> None:
    """The supertitle (روتیتر) is the short line right above the title."""
    idx = next((i for i, ln in enumerate(header) if ln.role == "title"), None)
    if idx is None:
        return
    for ln in reversed(header[:idx]):
        if ln.role == "blank":
            continue
        if ln.role == "header" and _words(ln.text) >= 3 and len(ln.text.strip()) <= 160:
            ln.role, p.supertitle = "supertitle", tidy(ln.text).rstrip(":： ")
        return


def _read_body(p: Parsed, body: list[Line]) -> None:
    header_keys = {match_key(t) for t in (p.title, p.lead) if t}
    in_footer = False
    for ln in body:
        if not ln.text.strip():
            ln.role = "blank"
            continue
        if in_footer or _is_footer_marker(ln.text):
            in_footer, ln.role = True, "boilerplate"
            continue
        code = _CODE.search(to_latin_digits(ln.text))
        if code and _words(ln.text) <= 6:
            ln.role, p.news_code = "code", p.news_code or code.group(1)
        elif is_boilerplate(ln.text):
            ln.role = "boilerplate"
        elif match_key(ln.text) in header_keys:
            ln.role = "duplicate"
        else:
            ln.role = "body"
            if p.source is None:
                p.source = _source_of(ln.text)


def _source_of(text: str) -> str | None:
    m = _SOURCE.match(_clean(text))
    if not m:
        return None
    src = _SOURCE_CUT.split(m["src"], maxsplit=1)[0].strip()
    return src or None


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
