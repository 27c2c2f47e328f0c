"""Page furniture in Persian news pages saved as text: which lines are not the article.

The rules describe news sites in general (IRNA, ISNA, Mehr, Tasnim and small provincial
sites alike), not the five seeds: navigation and section labels, breadcrumbs, share
buttons, comment blocks, tags, image file names, e-mail, address and copyright lines,
editor codes such as `1001/پ30/ب`, the page's «امروز : …» line. Phrases are compared in
their matching form (normalize.match_key), so ZWNJ, Arabic letters and spacing variants
of one phrase are one phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import fold_letters, match_key_lines, strip_markup, to_latin_digits

BULLETS = "•·●▪◦-–—*|»«> "


@lru_cache(maxsize=2048)  # each line is asked about several times in a row
def clean(text: str) -> str:
    """Strip markup, bullets and spaces around a line, fold letters: for classification only."""
    return fold_letters(strip_markup(text)).strip().strip(BULLETS).strip()


@lru_cache(maxsize=2048)
def match_key(text: str) -> str:
    """normalize.match_key without the index map (C-speed): letters folded, gaps collapsed."""
    return " ".join(match_key_lines(text).split())


def key(text: str) -> str:
    """Matching form of a cleaned line (ZWNJ and spacing variants made equal)."""
    return match_key(clean(text))


@lru_cache(maxsize=2048)
def words(text: str) -> int:
    """Number of words, counted in matching form."""
    return len(match_key_lines(text).split())


def _keys(*phrases: str) -> tuple[str, ...]:
    return tuple(match_key(p) for p in phrases)


SHORT = 60  # characters: navigation, footer markers and headings are never longer


# Lines that are furniture when they stand alone (a phrase, maybe with ":" or a count).
NAV_PHRASES = _keys(
    "خبرهای داغ", "اتفاق افتاد", "پر بیننده", "پربیننده", "پربازدید", "پر بازدید", "پربحث",
    "آخرین اخبار", "اخبار مرتبط", "اخبار روز", "صفحه اصلی", "صفحه نخست", "برچسب ها", "برچسبها",
    "کلمات کلیدی", "تگ ها", "نسخه چاپی", "چاپ خبر", "چاپ", "اشتراک گذاری", "اشتراک", "ارسال به دوستان",
    "همچنین بخوانید", "بیشتر بخوانید", "بخوانید", "مطالب مرتبط", "تماس با ما", "درباره ما",
    "کپی شد", "کپی لینک", "ذخیره", "نظر شما", "نظرات", "دیدگاه ها", "دانلود", "بازگشت", "ادامه مطلب", "بیشتر",
    "تلگرام", "واتساپ", "توییتر", "توئیتر", "فیسبوک", "فیس بوک", "لینکدین", "اینستاگرام",
    "ایتا", "بله", "سروش", "روبیکا", "گپ", "آپارات", "ایمیل", "پرینت", "خروج", "ورود",
)
# Lines that start the footer: everything after them in the body is furniture.
FOOTER_MARKERS = _keys(
    "ارسال نظرات", "ارسال نظر", "ارسال دیدگاه", "دیدگاهتان را بنویسید", "نظرات کاربران",
    "نظرات خوانندگان", "قوانین ارسال دیدگاه", "لینک کوتاه", "همچنین بخوانید", "بیشتر بخوانید",
    "اخبار مرتبط", "مطالب مرتبط", "پر بیننده", "پربیننده", "پربازدید", "برچسب ها", "برچسبها",
    "کلمات کلیدی", "انتهای پیام", "انتهای خبر", "پایان خبر", "انتهای متن",
)
# "Label: value" lines that describe the page, not the article.
LABELS = _keys(
    "نشانی", "آدرس", "دفتر مرکزی", "تلفن", "تلفن تماس", "فکس", "نمابر", "ایمیل", "پست الکترونیک",
    "پست الکترونیکی", "کد پستی", "صندوق پستی", "سرویس", "گروه", "بخش", "دسته", "دسته بندی",
    "موضوع", "عکس", "عکاس", "خبرنگار", "نویسنده", "دبیر", "ویراستار", "مترجم", "تنظیم", "منبع",
    "تعداد بازدید", "بازدید", "زمان مطالعه", "نظرات", "دیدگاه ها",
)
SOURCE_LABEL = match_key("منبع")
TODAY = _keys("امروز", "برابر با", "تاریخ امروز", "امروز مصادف با")
COPYRIGHT = _keys("کلیه حقوق", "تمامی حقوق", "همه حقوق", "کلیه حقوق مادی و معنوی", "حق نشر")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_IMAGE = re.compile(
    r"^(?:IMG|DSC|DSCN|DCIM|PIC|Photo|image|Screenshot|WhatsApp Image)?[\s_-]?[\w-]*\d{2,}[\w-]*"
    r"(?:\.(?:jpe?g|png|gif|webp|heic))?$|^[\w\s-]+\.(?:jpe?g|png|gif|webp|heic)$", re.IGNORECASE)
_EDITOR_CODE = re.compile(r"^(?:[^\W_]{1,6}\s?/\s?){1,4}[^\W_]{0,6}$")
_LABEL = re.compile(r"^(?P<label>[^:：]{1,30}?)\s*[:：]\s*(?P<value>.*)$")
_PERSIAN_LETTER = re.compile(r"[\u0600-\u06ff]")
_BREADCRUMB = re.compile(r"\s[>»/|]\s")


def label_of(text: str) -> tuple[str, str] | None:
    """Split «برچسب: مقدار» into its label (matching form) and value, if the line has one."""
    m = _LABEL.match(clean(text))
    return (match_key(m["label"]), m["value"].strip()) if m else None


def is_today_line(text: str) -> bool:
    """Tell whether a line is the page's own date («امروز : …»), not the article's."""
    lab = label_of(text)
    return lab is not None and lab[0] in TODAY


def is_footer_marker(text: str) -> bool:
    """Tell whether a line opens the comment, share, tags or "read also" block."""
    if len(text) > 2 * SHORT:
        return False
    k = key(text).rstrip(":：/ ")
    return words(k) <= 8 and any(k == m or k.startswith((m + " ", m + ":")) for m in FOOTER_MARKERS)


def is_boilerplate(text: str) -> bool:
    """Tell whether a line is page furniture wherever it stands (images, codes, links, labels)."""
    c = clean(text)
    if not c or not any(ch.isalpha() for ch in c):
        return True  # "|", "5", separators
    latin = to_latin_digits(c)
    n = words(c)
    if _IMAGE.match(latin) or (_EMAIL.search(latin) and n <= 6):
        return True
    if _URL.fullmatch(latin) or ("لینک" in c and _URL.search(latin)):
        return True
    if _EDITOR_CODE.match(latin) and any(ch.isdigit() for ch in latin):
        return True
    if not _PERSIAN_LETTER.search(c) and n <= 4:
        return True  # "T T", "Share", an English site name in a Persian page
    if "©" in c:
        return True
    if n > 30:
        return False  # a paragraph, not furniture
    k = match_key(c)
    if any(k.startswith(p) for p in COPYRIGHT):
        return True
    if n > 14:
        return False
    lab = label_of(c)
    if lab and (lab[0] in LABELS or lab[0] in TODAY):
        return True
    if _BREADCRUMB.search(c) and all(words(part) <= 3 for part in re.split(r"[>»/|]", c)):
        return True
    return len(c) <= SHORT and is_nav(k)


def is_nav(k: str) -> bool:
    """Tell whether a line (in matching form) is a navigation or button label."""
    bare = k.rstrip(":： ").strip()
    bare = re.sub(r"\s*[(\[]?\d+[)\]]?$", "", bare)  # «نظرات (۳)», «برچسب ها ۵»
    return bare in NAV_PHRASES or bare in FOOTER_MARKERS


def is_short_heading(text: str) -> bool:
    """A one- or two-word line ending in ":" («خبرهای داغ:»): a menu heading in a body or footer.

    In the header such a line may be a short supertitle («نماینده مجلس:»), so parse decides there.
    """
    if len(text) > SHORT:
        return False
    k = key(text)
    return k.endswith((":", "：")) and words(k) <= 2
