"""Who published an article: «به گزارش X،» and «به نقل از X», datelines («سمنان- ایرنا- …»),
credits at the head of the lead («خبرگزاری مهر:»), credit lines in the header, breadcrumbs, and
the outlet behind a «منبع:» address. `parse` decides which of them names the source.
"""

from __future__ import annotations

import re

from .boilerplate import clean, is_boilerplate, is_section_label, words
from .lines import tidy

SOURCE_OPENING = re.compile(r"^\s*(?:به\s+گزارش|به\s+نقل\s+از)\s+(?P<src>[^،,:؛\n]{2,80})")
_SOURCE_CUT = re.compile(r"\s+(?:(?:و\s+)?به\s+نقل(?:\s*از)?|از|در)(?=\s|$)")
_SOURCE_PREFIX = re.compile(r"^(?:خبرنگار(?:\s+اعزامی)?|گروه\s+\S+|سرویس\s+\S+|بخش\s+\S+)\s+")
AGENCY_WORD = re.compile(r"(?:خبرگزاری|پایگاه|روزنامه|هفته\s?نامه|سایت|وبگاه|شبکه|باشگاه\s+خبرنگاران)")
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
CREDIT_TAIL = re.compile(r"\s*(?:مشاهده\s+در\s+مرجع|مشاهده\s+مطلب\s+در\s+منبع)\s*$")
_NOT_CREDIT = re.compile(r"انتشار|منتشر|تاریخ|توسط|نویسنده|ساعت|امروز|بروز|به\s?روز|ویرایش|کد|شناسه|زمان")
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
_CRUMB = re.compile(r"\s[»>ـ|]\s")
# The other patterns of this module, compiled once
_DESK_HEAD = re.compile(r"^(?:سرویس|گروه|بخش|سایت|پایگاه)\s+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_DIGIT_OR_LATIN = re.compile(r"[0-9A-Za-z۰-۹]")
_SLASH = re.compile(r"\s+[/|]\s+")
_ADDRESS_HEAD = re.compile(r"(?:https?://|www\.|[a-z0-9-]+\.)", re.IGNORECASE)
_REPORTED = re.compile(r"(?:^|[\s.،])(?=به\s+گزارش\s)")
_QUOTED = re.compile(r"[«\"“](?P<q>[^»\"”]{2,30})[»\"”]")
_CREDIT_PREFIX = re.compile(r"^[^:：\-–—]{2,60}?(?:\s*[-–—]\s*[^:：\-–—]{2,40}?)?\s*[:：\-–—]\s+")
_PLACE_PREFIX = re.compile(r"^[^\s\-–—:：،]+(?:\s[^\s\-–—:：،]+)?\s*[-–—]\s*(?=\S)")


def breadcrumb_head(text: str) -> str | None:
    """The site a breadcrumb starts from («العالم ـ ایران ـ اجتماعی», «سرویس کیهان » اخبار»)."""
    c = clean(text)
    if not _CRUMB.search(c) or words(c) > 10:
        return None
    head = _DESK_HEAD.sub("", _CRUMB.split(c, maxsplit=1)[0].strip())
    if not head or words(head) > 3 or is_section_label(head) or is_boilerplate(head) or \
            not _ARABIC_SCRIPT.search(head) or _DIGIT_OR_LATIN.search(head):
        return None
    return head


URL_CREDIT = re.compile(r"^(?P<src>[^:：]{2,40})\s*[:：]\s*(?:https?://|www\.)\S+$")


def credit_of(text: str) -> str | None:
    """The outlet a short header line credits («خبرگزاری ایسنا», «وبگاه X مشاهده در مرجع»)."""
    m = URL_CREDIT.match(text)
    c = CREDIT_TAIL.sub("", m["src"] if m else text).strip(" -|،,:/•")
    if not c or _NOT_CREDIT.search(c) or words(c) > 4 or not _ARABIC_SCRIPT.search(c):
        return None
    if is_section_label(c):
        return None
    return c


def first_part(text: str) -> str:
    """A credit line up to its first « / » or « | » («پایگاه بصیرت / نویسنده» → «پایگاه بصیرت»)."""
    return _SLASH.split(clean(text), maxsplit=1)[0]


def outlet_of_address(label: str | None) -> str | None:
    """A «منبع:» value; a web address stands for its outlet (a known agency), never for itself."""
    if not label:
        return None
    m = _DOMAIN.search(label)
    if m is None or not _ADDRESS_HEAD.match(label.strip()):
        return label
    return AGENCY_DOMAINS.get(m["name"].lower())


def source_of(text: str) -> str | None:
    """The outlet a paragraph credits: «به گزارش X،», a dateline «شهر- X- …», «خبرگزاری X:»."""
    c = tidy(text)
    m = SOURCE_OPENING.match(c)
    if m:
        src = _SOURCE_CUT.split(m["src"], maxsplit=1)[0].strip()
        agency = AGENCY_WORD.search(src)
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


def source_inside(text: str) -> str | None:
    """«به گزارش X،» or «در گفت‌وگو با X،» inside one of the first paragraphs."""
    c = tidy(text)
    reported = "گزارش" in c  # substring tests first: most paragraphs have neither phrase
    for m in _REPORTED.finditer(c) if reported else ():
        src = source_of(c[m.end():])
        if src:
            return src
    wrote = _OUTLET_WROTE.search(c) if reported or "نوشت" in c else None
    if wrote and wrote.start() < 600:
        return wrote["src"].strip()
    talk = _INTERVIEW.search(c) if "گفت" in c else None
    if talk:
        src = _SOURCE_CUT.split(talk["src"], maxsplit=1)[0].strip()
        agency = AGENCY_WORD.search(src)
        if agency:
            return src[agency.start():].strip()
        quoted = _QUOTED.search(src)
        if quoted and words(quoted["q"]) <= 3:
            return quoted["q"].strip()  # «با خبرنگار گروه دانشگاهی "مهر"»
        if "خبرنگار" not in src and words(src) == 1 and src not in ("وی", "او"):
            return src
    return None


CREDIT_HEAD = re.compile(r"^(?:به\s+گزارش|به\s+نقل\s+از)\s+[^،,:؛]{2,80}(?:[،,:؛]\s*|$)")


def without_credit(text: str) -> str:
    """A paragraph without the credit at its head, when there is text after it."""
    rest = text
    m = CREDIT_HEAD.match(text)
    if m:
        rest = text[m.end():]
    elif source_of(text) or AGENCY_WORD.match(text):
        m = _CREDIT_PREFIX.match(text)
        if m:
            rest = text[m.end():]
    else:
        m = _PLACE_PREFIX.match(text)  # «مشهد- », «میهن تجارت- »
        if m:
            rest = text[m.end():]
    return rest if words(rest) >= 4 else text
