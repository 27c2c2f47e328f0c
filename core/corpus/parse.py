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
from functools import lru_cache

from .boilerplate import (
    SOURCE_LABEL,
    clean,
    is_boilerplate,
    is_footer_marker,
    is_read_more,
    is_section_label,
    is_short_heading,
    is_today_line,
    key,
    label_of,
    match_key,
    words,
)
from ..text.jalali import _G_MONTH_RE, FoundDate, find_date, find_time
from ..text.normalize import fold_letters, to_latin_digits

Role = str  # supertitle | title | lead | body | boilerplate | date | code | duplicate | blank

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CODE = re.compile(r"(?:کد|شناسه)\s*(?:خبر|مطلب|مقاله|خبری)\s*[:：]?\s*(\d{3,})")
_SOURCE = re.compile(r"^\s*(?:به\s+گزارش|به\s+نقل\s+از)\s+(?P<src>[^،,:؛\n]{2,80})")
_SOURCE_CUT = re.compile(r"\s+(?:(?:و\s+)?به\s+نقل(?:\s*از)?|از|در)(?=\s|$)")
_SOURCE_PREFIX = re.compile(r"^(?:خبرنگار(?:\s+اعزامی)?|گروه\s+\S+|سرویس\s+\S+|بخش\s+\S+)\s+")
_AGENCY_WORD = re.compile(r"(?:خبرگزاری|پایگاه|روزنامه|هفته\s?نامه|سایت|وبگاه|شبکه|باشگاه\s+خبرنگاران)")
_DATELINE = re.compile(r"^(?P<place>[^\s\-–—:،]+(?:\s[^\s\-–—:،]+)?)\s*[-–—]\s*"
                       r"(?P<src>[^\-–—:،.]{2,30}?)\s*[-–—]\s*\S")
# «اصفهان - خبرگزاری مهر:», «خبرگزاری فارس:» (a credit at the head of the lead)
_AGENCY_CREDIT = re.compile(r"^(?:[^\s\-–—:،]+(?:\s[^\s\-–—:،]+)?\s*[-–—]\s*)?"
                            r"(?P<src>(?:خبرگزاری|پایگاه\s+خبری|پایگاه|روزنامه|سایت|وبگاه|شبکه)\s+[^\-–—:،.]{2,30}?)"
                            r"\s*[:：\-–—]")
# «نورنیوز-گروه اجتماعی:»: the outlet, then its desk
_DESK_CREDIT = re.compile(r"^(?P<src>[^\s\-–—:،]+(?:\s[^\s\-–—:،]+){0,2})\s*[-–—/]\s*"
                          r"(?:گروه|سرویس|بخش|دبیرخانه)\s+[^:：]{2,25}[:：]")
# A header credit: «وبگاه X مشاهده در مرجع», «خبرگزاری X», «X / ۱۴۰۳/۱۰/۰۴»
_CREDIT_TAIL = re.compile(r"\s*(?:مشاهده\s+در\s+مرجع|مشاهده\s+مطلب\s+در\s+منبع)\s*$")
_NOT_CREDIT = re.compile(r"انتشار|منتشر|تاریخ|توسط|نویسنده|ساعت|امروز|بروز|به\s?روز|ویرایش|کد|شناسه|زمان")
_SEPARATORS = "|-–—/،,:：•·()[]«»"
_HIJRI_MONTHS = r"محرم|صفر|ربیع\s?(?:الاول|الثانی|الآخر)|جمادی\s?(?:الاول|الاولی|الثانی|الثانیه|الآخر)|رجب|شعبان|رمضان|شوال|ذی\s?القعده|ذی\s?الحجه"
_WEEKDAY_HEAD = re.compile(r"^(?:(?:یک|دو|سه|چهار|پنج)\s?)?شنبه|^جمعه")
# «آفتاب‌نیوز :», «راسخون:» at the head of the lead: an outlet, not a speaker («وی افزود:»)
_NAME_CREDIT = re.compile(r"^(?P<src>[^\s:：،«»\"]+(?:\s[^\s:：،«»\"]+)?)\s*[:：]\s*\S")
_SPEAKER = re.compile(r"(?:^|\s)(?:وی|او|ایشان|من|ما)$|(?:گفت|افزود|کرد|داد|نوشت|است|شد|کرده|داشت|گوید|افزاید|دارد|"
                      r"پرسید|پاسخ|ادامه|تصریح|اظهار|گفتند)(?:م|ی|یم|ید|ند)?$")
# «روزنامه شرق در شماره … نوشت», «در گفت‌وگو با ایلنا،»
_OUTLET_OPENING = re.compile(r"^(?P<src>(?:روزنامه|هفته\s?نامه|خبرگزاری|سایت|پایگاه\s+خبری)\s+\S+(?:\s\S+){0,2}?)"
                             r"\s+(?:در|درباره|به|با|نوشت|گزارش|امروز|اعلام|طی|ضمن)\s")
# «روزنامه شرق نوشت:», «روزنامه X در شماره امروز خود نوشت» inside the lead
_OUTLET_WROTE = re.compile(r"(?P<src>(?:روزنامه|هفته\s?نامه|خبرگزاری|پایگاه\s+خبری|سایت)\s+\S+(?:\s\S+)?)"
                           r"\s+(?:در\s+[^:：.،]{2,40}\s+)?(?:نوشت|گزارش\s+داد)")
# Outlets named only by their web address («منبع: https://www.isna.ir/…»): the agencies most
# Persian pages credit, by domain.
AGENCY_DOMAINS = {
    "isna": "ایسنا", "irna": "ایرنا", "mehrnews": "مهر", "tasnimnews": "تسنیم", "farsnews": "فارس",
    "yjc": "باشگاه خبرنگاران جوان", "ilna": "ایلنا", "borna": "برنا", "khabaronline": "خبرآنلاین",
    "hamshahrionline": "همشهری آنلاین", "tabnak": "تابناک", "iribnews": "خبرگزاری صداوسیما", "mizan": "میزان",
    "iqna": "ایکنا", "shana": "شانا", "ana": "آنا", "snn": "خبرگزاری دانشجو", "entekhab": "انتخاب",
    "asriran": "عصر ایران", "donya-e-eqtesad": "دنیای اقتصاد", "eghtesadonline": "اقتصادآنلاین",
    "khamenei": "دفتر حفظ و نشر آثار", "president": "پایگاه اطلاع‌رسانی ریاست جمهوری", "pana": "پانا",
    "rokna": "رکنا", "jamejamonline": "جام جم آنلاین", "iranintl": "ایران اینترنشنال", "bbc": "بی‌بی‌سی",
}
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?(?P<name>[a-z0-9-]+)\.(?:ir|com|net|org|news|co|tv)\b", re.IGNORECASE)
_INTERVIEW = re.compile(r"گفت[\s\u200c]?و[\s\u200c]?گو(?:ی\s+\S+)?\s+با\s+(?P<src>[^،,:؛]{2,80})")
SOURCE_DEPTH = 3  # body paragraphs read for «به گزارش X»: an outlet quoted deeper is not the source
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
    reason: str = ""  # why a line is not shown (see `hidden_reason`)


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
    header_credit: str | None = None
    site_name: str | None = None  # the head of a header breadcrumb: the source of last resort

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


def unwrap(text: str, lines: list[Line]) -> list[Line]:
    """Join hard-wrapped paragraphs (a file broken at a fixed width) into one line each.

    A file is hard-wrapped when at least three of its long lines (60 % of the widest, which
    is at most 200 characters) stop without ending a sentence and go on in the next line,
    and they are most of its long lines. A joined line spans its source lines; its text has
    spaces for the line breaks (same length), so positions stay those of the file.
    """
    filled = [ln for ln in lines if ln.text.strip()]
    if len(filled) < 3:
        return lines
    width = max(len(ln.text.rstrip()) for ln in filled)
    if width > 200:
        return lines

    def goes_on(i: int) -> bool:
        t = lines[i].text.rstrip()
        return (len(t) >= 0.6 * width and not t.endswith(tuple(_SENTENCE_END) + (":", "：", "؛"))
                and i + 1 < len(lines) and bool(lines[i + 1].text.strip()))

    long_lines = [i for i, ln in enumerate(lines) if len(ln.text.rstrip()) >= 0.6 * width]
    open_lines = [i for i in long_lines if goes_on(i)]
    if len(open_lines) < 3 or len(open_lines) < 0.6 * len(long_lines):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while goes_on(j):
            j += 1
        if j == i:
            out.append(lines[i])
        else:
            start, end = lines[i].start, lines[j].end
            out.append(Line(start, end, re.sub(r"[\r\n]", " ", text[start:end])))
        i = j + 1
    return out


def tidy(text: str) -> str:
    """Metadata form of a line: markup and bullets stripped, letters folded, spaces collapsed."""
    return " ".join(clean(text).split())


def _is_title_like(text: str) -> bool:
    c = clean(text)
    ends = (".", "…", ":", "：")  # a line ending in ":" introduces the title; «؟» and «!» may end one
    return 2 <= words(c) <= 30 and len(c) <= 200 and not c.endswith(ends) and not c.endswith("..")


def _is_lead_like(text: str) -> bool:
    c = clean(text)
    return words(c) >= 8 and (len(c) > 200 or c.endswith(tuple(_SENTENCE_END)) or words(c) > 30)


@lru_cache(maxsize=1024)  # each line is asked about up to four times
def _code_of(text: str) -> str | None:
    if "کد" not in text and "شناسه" not in text and "كد" not in text:
        return None  # fold_letters only makes «ک» of «ك»; «شناسه» has no letter it folds
    m = _CODE.search(to_latin_digits(fold_letters(text)))
    return m.group(1) if m else None


def _residue(text: str, found: FoundDate) -> str:
    """What a date line says besides its date and time: a label, an outlet, an author."""
    rest = text[: found.span[0]] + " " + text[found.span[1]:]
    rest = re.sub(r"\d{1,2}\s?:\s?\d{2}(?::\d{2})?", " ", to_latin_digits(rest))
    rest = re.sub(r"(?:19|20)\d\d[-/]\d\d?[-/]\d\d?\S*|\b(?:19|20)\d\d\b", " ", rest)
    rest = re.sub(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b[a-z]{3,9}\b(?=\s*\d)|\b\d{1,2}\b", " ", rest)
    rest = re.sub(r"(?:یک|دو|سه|چهار|پنج)?\s?شنبه|جمعه|ساعت", " ", fold_letters(rest))
    rest = re.sub(rf"(?i)(?<![^\W\d_])(?:{_G_MONTH_RE}|{_HIJRI_MONTHS})(?![^\W\d_])", " ", rest)
    return " ".join(rest.translate({ord(ch): " " for ch in _SEPARATORS}).split())


def _bounded(text: str, found: FoundDate) -> bool:
    """Tell whether a date stands apart in its line (line edge or a separator on each side)."""
    a, b = found.span
    wd = _WEEKDAY_HEAD.match(fold_letters(text[a:b]).replace("\u200c", " "))
    if wd and text[:a].rstrip() and text[:a].rstrip()[-1] not in _SEPARATORS:
        a += wd.end()  # «… امام جمعه | ۹ بهمن ۱۴۰۰»: «جمعه» was a name, not the weekday
        while a < b and not text[a].isalnum():
            a += 1
    before, after = text[:a].rstrip(), text[b:].lstrip()
    ok_before = not before or before[-1] in _SEPARATORS or not re.search(r"[^\W\d_]$", before)
    ok_after = not after or after[0] in _SEPARATORS or after[0].isdigit() or bool(re.match(r"ساعت", after))
    return ok_before and ok_after


@lru_cache(maxsize=1024)  # each header line is asked about up to four times
def _date_kind(text: str) -> str | None:
    """`date` for a date line, `stamped` for a title with a date stamp at its end, else None.

    A line that parses as a full date but also has many other words around it («… ۲۲
    بهمن ۱۳۸۲ در تهران اعلام شد») is text, not a date line.
    """
    c = clean(text)
    found = find_date(c)  # first: it rules out most lines at once
    if found is None or is_today_line(text):
        return None
    n = words(_residue(c, found))
    if n <= 3 or (n <= 8 and _bounded(c, found)):
        return "date"
    if found.span[1] >= len(c.rstrip()) - 1 and n <= 30 and not c[: found.span[0]].rstrip().endswith(tuple("0123456789")):
        return "stamped"
    return None


def _is_date_line(text: str) -> bool:
    return _date_kind(text) == "date"


def _stamp_free(text: str) -> str:
    """A title line without the date stamp glued to its end."""
    c = clean(text)
    if _date_kind(text) != "stamped":
        return c
    found = find_date(c)
    return c[: found.span[0]].rstrip(" -|،,") if found else c


def _is_time_line(text: str) -> bool:
    """A line that only gives a clock time («ساعت ۰۹:۳۰»), as some sites print under the date."""
    c = clean(text)
    return words(c) <= 3 and find_time(c) is not None


def _is_labelled_date(text: str) -> bool:
    """A «برچسب: تاریخ» line (publication or update date) anywhere in the page."""
    lab = label_of(text)
    return lab is not None and words(lab[0]) <= 3 and _is_date_line(text)


@dataclass(frozen=True)
class FolderRules:
    """What the folder says about lines: repeated in many articles, or marked by the user.

    Keys are `boilerplate.key` forms of whole lines. `keep` (marked "not furniture")
    wins over `furniture` (marked furniture, or repeated across the folder's articles).
    """

    furniture: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()
    repeated: frozenset[str] = frozenset()

    def verdict(self, text: str) -> str | None:
        """`keep`, `marked`, `repeated` or None for one line."""
        if not (self.furniture or self.keep or self.repeated):
            return None
        k = key(text)
        if k in self.keep:
            return "keep"
        if k in self.furniture:
            return "marked"
        if k in self.repeated:
            return "repeated"
        return None

    def digest(self) -> str:
        """A short digest of the rules, for cache keys ('' when there are none)."""
        if not (self.furniture or self.keep or self.repeated):
            return ""
        import hashlib

        h = hashlib.sha1()
        for part in (self.furniture, self.keep, self.repeated):
            h.update("\n".join(sorted(part)).encode("utf-8", "surrogatepass") + b"\0\0")
        return h.hexdigest()[:16]


NO_RULES = FolderRules()


def parse(text: str, rules: FolderRules = NO_RULES) -> Parsed:
    """Classify every line of an article and extract its metadata."""
    p = Parsed(unwrap(text, split_lines(text)))
    lines = p.lines
    verdicts = {i: v for i, ln in enumerate(lines) if ln.text.strip() and (v := rules.verdict(ln.text))}
    body_start = _find_body_start(lines, verdicts)
    _read_header(p, lines[:body_start], verdicts)
    _read_body(p, lines[body_start:], verdicts, body_start)
    if p.title is None:
        p.title = _title_from(p)
    for i, v in verdicts.items():  # the user's word and the folder's evidence come last
        ln = lines[i]
        if v == "keep" and ln.role in HIDDEN_CONTENT:
            ln.role, ln.reason = "body", "marked not furniture"
        elif v in ("marked", "repeated") and ln.role not in ("title", "blank"):
            if ln.role in ("body", "lead", "supertitle"):
                ln.role = "boilerplate"
            ln.reason = "marked furniture" if v == "marked" else "repeated in folder"
    return p


HEADER_MAX = 300  # lines: where a page's header can end, however long the file
HIDDEN_CONTENT = ("boilerplate", "date", "code", "duplicate", "footer")


def _is_furniture(ln: Line, verdicts: dict[int, str], i: int) -> bool:
    v = verdicts.get(i)
    if v == "keep":
        return False
    return v in ("marked", "repeated") or is_boilerplate(ln.text)


def _find_body_start(lines: list[Line], verdicts: dict[int, str]) -> int:
    """Index of the first body line: «به گزارش …» near the top, else after the lead."""
    limit = min(max(40, len(lines) // 2), HEADER_MAX)
    meta = [i for i, ln in enumerate(lines[:limit]) if _code_of(ln.text) or _is_date_line(ln.text)]
    last_meta = max(meta, default=-1)
    longs = 0
    for i, ln in enumerate(lines[:limit]):
        c = clean(ln.text)
        if _SOURCE.match(c):
            return i
        if i > last_meta and _is_lead_like(ln.text) and words(c) >= 12:
            longs += 1
            if longs > 2:  # the article has begun: a later «به گزارش» is the body's
                break
    # No source line: the lead is the first long paragraph after the header's date and
    # code lines that the article goes on from (a long paragraph followed by a short
    # title line and more text is a teaser of another story).
    content = [i for i, ln in enumerate(lines[:limit]) if ln.text.strip() and not _is_furniture(ln, verdicts, i)
               and not is_footer_marker(ln.text) and not _code_of(ln.text) and not _is_date_line(ln.text)]
    for n, i in enumerate(content):
        if i <= last_meta or not _is_lead_like(lines[i].text):
            continue
        following = content[n + 1:n + 3]
        teaser = (len(following) == 2 and clean(lines[i].text).endswith(("…", "..."))
                  and _is_title_like(lines[following[0]].text)
                  and not _is_lead_like(lines[following[0]].text) and _is_lead_like(lines[following[1]].text)
                  and key(lines[following[0]].text) != key(lines[i].text))
        if teaser:
            continue
        return i + 1
    return last_meta + 1


def _read_header(p: Parsed, header: list[Line], verdicts: dict[int, str]) -> None:
    candidates: list[Line] = []
    dates: list[tuple[int, int, FoundDate]] = []  # (rank, line index, date)
    stamped: list[tuple[int, FoundDate]] = []
    credits: list[str] = []
    for i, ln in enumerate(header):
        code = _code_of(ln.text)
        kind = _date_kind(ln.text)
        if not ln.text.strip():
            ln.role = "blank"
        elif code or kind == "date":
            ln.role = "code" if code else "date"
            p.news_code = p.news_code or code
            found = _date_of(ln.text, header[i + 1:i + 3])
            if found and (kind == "date" or code):
                dates.append((_date_rank(ln.text, found), i, found))
            if kind == "date" and found:
                credit = _credit_of(_residue(clean(ln.text), found))
                if credit:
                    credits.append(credit)
        elif _is_time_line(ln.text):
            ln.role = "date"
        elif verdicts.get(i) != "keep" and (_is_furniture(ln, verdicts, i) or is_footer_marker(ln.text)):
            ln.role = "boilerplate"
            c = clean(ln.text)
            credit = _credit_of(_first_part(c)) if _AGENCY_WORD.match(c) or _URL_CREDIT.match(c) else None
            if credit:
                credits.append(credit)
        else:
            if kind == "stamped":
                found = _date_of(ln.text, [])
                if found:
                    stamped.append((i, found))
            credit = _credit_of(clean(ln.text)) if _AGENCY_WORD.match(clean(ln.text)) or \
                _CREDIT_TAIL.search(clean(ln.text)) else None
            if credit:
                ln.role = "boilerplate"
                credits.append(credit)
                continue
            candidates.append(ln)
    meta_keys = [key(ln.text) for ln in header if ln.role in ("date", "code")]
    for ln in list(candidates):
        k = key(ln.text)
        if words(k) <= 4 and any(k in m for m in meta_keys):  # the writer's name, printed again in the byline:
            ln.role = "body"  # shown, but never the title
            candidates.remove(ln)
    _assign_header_roles(p, header, candidates)
    title_at = next((i for i, ln in enumerate(header) if ln.role == "title"), len(header))
    if dates:
        # The publication date: a labelled one first, then the one nearest the title (a
        # page's "today" banner stands further up, often with a Gregorian date beside it).
        _set_date(p, min(dates, key=lambda d: (d[0], abs(d[1] - title_at)))[2])
    elif stamped:
        _set_date(p, stamped[0][1])
    p.header_credit = credits[0] if credits else None
    p.site_name = next((name for ln in header if (name := _breadcrumb_head(ln.text))), None)


_CRUMB = re.compile(r"\s[»>ـ|]\s")


def _breadcrumb_head(text: str) -> str | None:
    """The site a breadcrumb starts from («العالم ـ ایران ـ اجتماعی», «سرویس کیهان » اخبار»)."""
    c = clean(text)
    if not _CRUMB.search(c) or words(c) > 10:
        return None
    head = re.sub(r"^(?:سرویس|گروه|بخش|سایت|پایگاه)\s+", "", _CRUMB.split(c, maxsplit=1)[0].strip())
    if not head or words(head) > 3 or is_section_label(head) or is_boilerplate(head) or \
            not re.search(r"[\u0600-\u06ff]", head) or re.search(r"[0-9A-Za-z۰-۹]", head):
        return None
    return head


_URL_CREDIT = re.compile(r"^(?P<src>[^:：]{2,40})\s*[:：]\s*(?:https?://|www\.)\S+$")


def _credit_of(text: str) -> str | None:
    """The outlet a short header line credits («خبرگزاری ایسنا», «وبگاه X مشاهده در مرجع»)."""
    m = _URL_CREDIT.match(text)
    c = _CREDIT_TAIL.sub("", m["src"] if m else text).strip(" -|،,:/•")
    if not c or _NOT_CREDIT.search(c) or words(c) > 4 or not re.search(r"[\u0600-\u06ff]", c):
        return None
    if is_section_label(c):
        return None
    return c


def _set_date(p: Parsed, found: FoundDate | None) -> None:
    p.date = found
    if found and found.warning:
        p.warnings.append(found.warning)


def _date_rank(text: str, found: FoundDate | None = None) -> int:
    """0 for a line labelled as the publication date, 2 for an update date, 3 for a banner, else 1."""
    if _PUBLISHED_LABEL.search(text):
        return 0
    if _UPDATED_LABEL.search(text):
        return 2
    if found is not None and found.calendar == "jalali":
        rest = text[found.span[1]:]
        if find_date(rest) is not None and find_date(rest).calendar == "gregorian":  # type: ignore[union-attr]
            return 3  # «پنجشنبه ۲۶ تیر ۱۴۰۴ - 17 July, 2025»: the page's banner
    return 1


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
    return FoundDate(found.date, time, found.warning, found.span, found.calendar)


def _assign_header_roles(p: Parsed, header: list[Line], candidates: list[Line]) -> None:
    first_seen: dict[str, Line] = {}
    for ln in candidates:
        k = key(_stamp_free(ln.text))
        if k in first_seen:
            ln.role, ln.reason = "duplicate", "printed twice"
        else:
            first_seen[k] = ln
            ln.role = "header"
    for ln in candidates:  # a summary cut with «…» of a paragraph printed in full below it
        c = key(ln.text)
        if ln.role == "header" and c.endswith(("…", "...")):
            stem = c.rstrip("….").strip()
            if len(stem) >= 40 and any(o is not ln and key(o.text).startswith(stem) for o in candidates):
                ln.role, ln.reason = "duplicate", "printed twice"
    unique = [ln for ln in candidates if ln.role == "header"]
    lead = next((ln for ln in reversed(unique) if _is_lead_like(ln.text)), None)
    if lead is not None:
        lead.role, p.lead = "lead", tidy(lead.text)
    above = [ln for ln in candidates if lead is None or ln.start < lead.start]
    title = next((ln for ln in reversed(above) if ln.role in ("header", "duplicate")
                  and _is_title_like(_stamp_free(ln.text)) and not is_section_label(ln.text)), None)
    if title is not None:
        title = first_seen[key(_stamp_free(title.text))]  # a title printed twice: the first copy is the title
        title.role, p.title = "title", _title_text(title.text)
        _promote_supertitle(p, header, title)
        _standfirst(p, header, title, lead)
    title_start = title.start if title is not None else -1
    for ln in candidates:
        if ln.role != "header":
            continue
        c = clean(ln.text)
        if ln.start > title_start >= 0 and words(c) >= 12 and not c.endswith(("…", "...")):
            ln.role = "body"  # text under the title (a summary, a credit with the story's start)
        else:  # leftover header lines: site names, sections, teasers
            ln.role, ln.reason = "boilerplate", "page header"


_BROWSER_TITLE = re.compile(r"^(?:خبر|عنوان|مطلب)\s*[:：]\s*(?P<t>.+?)(?:\s+[-|–—]\s+(?P<site>[^-|–—]{2,30}))?$")


def _title_text(text: str) -> str:
    """The title of a title line: no date stamp, no browser-title frame «خبر : T - سایت»."""
    t = tidy(_stamp_free(text))
    m = _BROWSER_TITLE.match(t)
    if m and (m["site"] is None or words(m["site"]) <= 3):
        t = m["t"].strip()
    return t


def _standfirst(p: Parsed, header: list[Line], title: Line, lead: Line | None) -> None:
    """Text lines between the title and the lead (a standfirst, a short intro) stay text."""
    if lead is None:
        return
    for ln in header[header.index(title) + 1:header.index(lead)]:
        if ln.role == "header" and words(clean(ln.text)) >= 6 and not is_boilerplate(ln.text):
            ln.role = "body"


def _promote_supertitle(p: Parsed, header: list[Line], title: Line) -> None:
    """The supertitle (روتیتر) is the short line right above the title."""
    idx = header.index(title)
    for ln in reversed(header[:idx]):
        if ln.role == "blank":
            continue
        c = clean(ln.text)
        if ln.role == "header" and words(c) >= 2 and len(c) <= 160 and not _AGENCY_WORD.match(c) \
                and not is_section_label(c) and not _is_lead_like(c) and not c.endswith(("…", "...")):
            ln.role, p.supertitle = "supertitle", tidy(ln.text).rstrip(":： ")
        return


def _read_body(p: Parsed, body: list[Line], verdicts: dict[int, str], offset: int) -> None:
    header_keys = {match_key(t) for t in (p.title, p.lead, p.supertitle) if t}
    in_footer = False
    in_read_more = False
    labelled_source: str | None = None
    paragraphs = 0
    sources: list[str] = []
    firsts: list[str] = [p.lead] if p.lead else []
    credit_lines: list[str] = []
    for j, ln in enumerate(body):
        i = offset + j
        if not ln.text.strip():
            ln.role = "blank"
            continue
        lab = label_of(ln.text)
        if lab and lab[0] == SOURCE_LABEL and words(lab[1]) <= 6:
            labelled_source = labelled_source or lab[1] or None
        code = _code_of(ln.text)
        n = words(clean(ln.text))
        keep = verdicts.get(i) == "keep"
        if code and n <= 6:
            ln.role, p.news_code = "code", p.news_code or code
        elif in_footer and not keep:
            ln.role, ln.reason = "boilerplate", "after the article's end"
            if p.date is None and _is_labelled_date(ln.text) and _PUBLISHED_LABEL.search(ln.text):
                _set_date(p, _date_of(ln.text, []))
        elif is_read_more(ln.text) and not keep:
            in_read_more, ln.role, ln.reason = True, "boilerplate", "read-more link"
        elif in_read_more and not keep and not (_is_lead_like(ln.text) and n >= 12):
            ln.role, ln.reason = "boilerplate", "read-more link"
        elif is_footer_marker(ln.text) and not keep:
            in_footer, ln.role, ln.reason = True, "boilerplate", "article end"
        elif _is_labelled_date(ln.text):
            in_read_more = False
            ln.role = "date"
            if p.date is None and _PUBLISHED_LABEL.search(ln.text):
                _set_date(p, _date_of(ln.text, []))
        elif not keep and n <= 5 and _AGENCY_WORD.match(clean(ln.text)) and _credit_of(_first_part(ln.text)):
            ln.role, ln.reason = "boilerplate", "credit line"  # «خبرگزاری تابناک», «پایگاه X / نویسنده»
            credit_lines.append(_first_part(ln.text))
        elif not keep and (_is_furniture(ln, verdicts, i) or _is_body_label(ln.text)):
            ln.role = "boilerplate"
        elif key(ln.text) in header_keys:
            ln.role, ln.reason = "duplicate", "printed twice"
        else:
            in_read_more = False
            ln.role = "body"
            if paragraphs < SOURCE_DEPTH:
                firsts.append(ln.text)
            if n >= 12:  # subheads and short lines do not count towards the depth
                paragraphs += 1
    # The outlet: a credit opening one of the first paragraphs, then «به گزارش X» inside
    # them, then a credit line in the header or under the text, then a «منبع:» label.
    for find in (_source_of, _source_inside):
        sources += [src for text in firsts if (src := find(text))]
    p.source = (sources[0] if sources else None) or p.header_credit or \
        (credit_lines[0] if credit_lines else None) or _outlet_of_address(labelled_source) or p.site_name
    if p.source:
        p.source = p.source.strip(" -–—:،,؛")


def _first_part(text: str) -> str:
    """A credit line up to its first « / » or « | » («پایگاه بصیرت / نویسنده» → «پایگاه بصیرت»)."""
    return re.split(r"\s+[/|]\s+", clean(text), maxsplit=1)[0]


def _outlet_of_address(label: str | None) -> str | None:
    """A «منبع:» value; a web address stands for its outlet (a known agency), never for itself."""
    if not label:
        return None
    m = _DOMAIN.search(label)
    if m is None or not re.match(r"(?:https?://|www\.|[a-z0-9-]+\.)", label.strip(), re.IGNORECASE):
        return label
    return AGENCY_DOMAINS.get(m["name"].lower())


def _is_body_label(text: str) -> bool:
    """A one- or two-word "label:" line in the body that is a menu heading, not a subhead.

    A subhead («سرطان :») is followed by text; a menu heading («خبرهای داغ:») is a known phrase.
    """
    return is_short_heading(text) and (is_boilerplate(text.rstrip(":： ")) or is_section_label(text))


def _source_of(text: str) -> str | None:
    """The outlet a paragraph credits: «به گزارش X،», a dateline «شهر- X- …», «خبرگزاری X:»."""
    c = tidy(text)
    m = _SOURCE.match(c)
    if m:
        src = _SOURCE_CUT.split(m["src"], maxsplit=1)[0].strip()
        agency = _AGENCY_WORD.search(src)
        src = src[agency.start():] if agency else _SOURCE_PREFIX.sub("", src)
        return src.strip() or None
    m = _AGENCY_CREDIT.match(c)
    if m and words(m["src"]) <= 5:
        return m["src"].strip()
    m = _DESK_CREDIT.match(c)
    if m and words(m["src"]) <= 3:
        return m["src"].strip()
    m = _DATELINE.match(c)
    if m and words(m["src"]) <= 3 and words(m["place"]) <= 2:
        return m["src"].strip()
    m = _OUTLET_OPENING.match(c)
    if m:
        return m["src"].strip()
    m = _NAME_CREDIT.match(c)
    if m and not _SPEAKER.search(m["src"]) and words(c) >= 10 and not is_section_label(m["src"]):
        return m["src"].strip()
    return None


def _source_inside(text: str) -> str | None:
    """«به گزارش X،» or «در گفت‌وگو با X،» inside one of the first paragraphs."""
    c = tidy(text)
    reported = "گزارش" in c  # substring tests first: most paragraphs have neither phrase
    for m in re.finditer(r"(?:^|[\s.،])(?=به\s+گزارش\s)", c) if reported else ():
        src = _source_of(c[m.end():])
        if src:
            return src
    wrote = _OUTLET_WROTE.search(c) if reported or "نوشت" in c else None
    if wrote and wrote.start() < 600:
        return wrote["src"].strip()
    talk = _INTERVIEW.search(c) if "گفت" in c else None
    if talk:
        src = _SOURCE_CUT.split(talk["src"], maxsplit=1)[0].strip()
        agency = _AGENCY_WORD.search(src)
        if agency:
            return src[agency.start():].strip()
        quoted = re.search(r"[«\"“](?P<q>[^»\"”]{2,30})[»\"”]", src)
        if quoted and words(quoted["q"]) <= 3:
            return quoted["q"].strip()  # «با خبرنگار گروه دانشگاهی "مهر"»
        if "خبرنگار" not in src and words(src) == 1 and src not in ("وی", "او"):
            return src
    return None


TITLE_MAX = 120


def _title_from(p: Parsed) -> str | None:
    """A title for a file without one: the lead's (or first paragraph's) first sentence.

    A credit at its head («به گزارش ایسنا،», «تهران- ایرنا-», «آفتاب‌نیوز:») is left out,
    and a long sentence is cut at a word boundary, never inside a word.
    """
    texts = ([p.lead] if p.lead else []) + [tidy(ln.text) for ln in p.lines if ln.role == "body"]
    texts = [_without_credit(t.strip()) for t in texts]
    text = next((t for t in texts if words(t) >= 4 and not _CREDIT_HEAD.match(t)), texts[0] if texts else None)
    if not text:
        return None
    sentence = re.split(r"(?<=[.!؟?])\s", text, maxsplit=1)[0]
    sentence = sentence.rstrip(".!؟? ")
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - 1]
    if not sentence[TITLE_MAX - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip("،,؛: ") + "…"


_CREDIT_HEAD = re.compile(r"^(?:به\s+گزارش|به\s+نقل\s+از)\s+[^،,:؛]{2,80}(?:[،,:؛]\s*|$)")


def _without_credit(text: str) -> str:
    """A paragraph without the credit at its head, when there is text after it."""
    rest = text
    m = _CREDIT_HEAD.match(text)
    if m:
        rest = text[m.end():]
    elif _source_of(text) or _AGENCY_WORD.match(text):
        m = re.match(r"^[^:：\-–—]{2,60}?(?:\s*[-–—]\s*[^:：\-–—]{2,40}?)?\s*[:：\-–—]\s+", text)
        if m:
            rest = text[m.end():]
    else:
        m = re.match(r"^[^\s\-–—:：،]+(?:\s[^\s\-–—:：،]+)?\s*[-–—]\s*(?=\S)", text)  # «مشهد- », «میهن تجارت- »
        if m:
            rest = text[m.end():]
    return rest if words(rest) >= 4 else text
