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

from ..text.normalize import fold_letters, match_key_lines, strip_markup

BULLETS = "•·●▪◦-–—*|»«> "


@lru_cache(maxsize=2048)  # each line is asked about several times in a row
def clean(text: str) -> str:
    """Strip markup, bullets and spaces around a line, fold letters: for classification only."""
    return fold_letters(strip_markup(text)).strip().strip(BULLETS).strip()


@lru_cache(maxsize=4096)
def _key_words(text: str) -> tuple[str, int]:
    """`match_key` and `words` of a text, from one folding (most lines are asked both)."""
    parts = match_key_lines(text).split()
    return " ".join(parts), len(parts)


@lru_cache(maxsize=2048)
def match_key(text: str) -> str:
    """normalize.match_key without the index map (C-speed): letters folded, gaps collapsed."""
    return _key_words(text)[0]


def key(text: str) -> str:
    """Matching form of a cleaned line (ZWNJ and spacing variants made equal)."""
    return match_key(clean(text))


@lru_cache(maxsize=4096)
def words(text: str) -> int:
    """Number of words, counted in matching form."""
    return _key_words(text)[1]


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
    # counters, buttons and forms
    "بازدید", "تعداد بازدید", "بازدیدها", "تعداد نظرات", "بازگشت به بالا", "دکمه بازگشت به بالا",
    "برو به بالا", "ارسال یک پاسخ", "ارسال پاسخ", "پاسخ دادن", "لغو پاسخ", "پاسخ", "مرا به خاطر بسپار",
    "رمز عبور", "نام کاربری", "نام کاربری یا نشانی ایمیل", "نام کاربری یا ایمیل", "ثبت نام", "عضویت",
    "فراموشی رمز عبور", "رمز عبور را فراموش کرده اید", "همرسانی نظرها", "اشتراک در", "ما را پیدا کنید",
    "ما را دنبال کنید", "جستجو", "منو", "فهرست", "ارسال", "ثبت", "ثبت بازخورد", "ثبت نظر", "انصراف",
    "نام", "نام شما", "نام و نام خانوادگی", "ایمیل شما", "وب سایت", "دیدگاه", "متن دیدگاه",
    "آدرس ایمیل شما منتشر نخواهد شد", "نشانی ایمیل شما منتشر نخواهد شد", "کپی", "اندازه متن",
    "سایر زبان ها", "سایر بخش ها", "صفحات داخلی", "آرشیو", "آرشیو اخبار", "خبرنامه", "پیوندها",
    "تازه ترین اخبار", "آخرین خبرها", "جدیدترین اخبار", "پربازدیدترین", "پربحث ترین", "داغ ترین",
)
# Words of section names («سیاسی», «اخبار اقتصادی», «فرهنگ و هنر»): a short line made only of
# them is a section label or a navigation item, never a supertitle or a title.
SECTION_WORDS = frozenset(match_key(
    "اخبار خبر خبرهای گروه سرویس بخش صفحه و سایر دیگر "
    "سیاسی سیاست اجتماعی جامعه اقتصادی اقتصاد فرهنگی فرهنگ هنری هنر ورزشی ورزش بین‌الملل بینالملل "
    "جهان علمی علم پزشکی سلامت فناوری تکنولوژی دانشگاهی دانشگاه استان استان‌ها استانها "
    "حوادث حادثه بازار فیلم عکس صوت ویدئو ویدیو چندرسانه‌ای رسانه رسانه‌ها "
    "مذهبی دینی بانک بورس مسکن خودرو انرژی محیط زیست آموزش پرورش "
    "اینفوگرافیک کاریکاتور طنز سبک زندگی گردشگری شهری ویژه داغ تازه آخرین برگزیده سرخط").split())
# Lines that start the footer: everything after them in the body is furniture.
FOOTER_MARKERS = _keys(
    "ارسال نظرات", "ارسال نظر", "ارسال دیدگاه", "دیدگاهتان را بنویسید", "نظرات کاربران",
    "نظرات خوانندگان", "قوانین ارسال دیدگاه", "لینک کوتاه", "همچنین بخوانید", "بیشتر بخوانید",
    "اخبار مرتبط", "مطالب مرتبط", "پر بیننده", "پربیننده", "پربازدید", "برچسب ها", "برچسبها",
    "کلمات کلیدی", "انتهای پیام", "انتهای خبر", "پایان خبر", "انتهای متن", "پایان پیام",
    "ارسال یک پاسخ", "دیدگاه ها", "دیدگاهها", "نظرات شما", "تگ ها", "تگها", "برچسب",
    "همرسانی نظرها", "آدرس ایمیل شما منتشر نخواهد شد", "نشانی ایمیل شما منتشر نخواهد شد",
)
# Markers that open a "read also" block in the middle of an article: the block is its
# link lines; the article goes on at the next long paragraph.
READ_MORE = _keys("بیشتر بخوانید", "همچنین بخوانید", "بخوانید", "پیشنهاد مطالعه", "مطلب پیشنهادی",
                  "پیشنهاد سردبیر", "مطالعه بیشتر", "اینها را هم بخوانید", "این را هم بخوانید",
                  "بیشتر بدانید")
TAG_LABELS = _keys("برچسب ها", "برچسبها", "برچسب", "کلمات کلیدی", "کلیدواژه ها", "کلید واژه ها",
                   "تگ ها", "تگها", "موضوعات", "هشتگ")
# Calls to action: «برای پیگیری اخبار … کلیک کنید», «به کانال … بپیوندید».
_CALL = re.compile(r"(?:کلیک\s*کنید|بپیوندید|عضو\s+شوید|دنبال\s+کنید|مراجعه\s+کنید|دانلود\s+کنید|"
                   r"(?:ما|ما\s+را)\s+در\s+(?:تلگرام|اینستاگرام|ایتا|بله|روبیکا|توییتر|شبکه(?:\s+های)?\s+اجتماعی))")
# "Label: value" lines that describe the page, not the article.
LABELS = _keys(
    "نشانی", "آدرس", "دفتر مرکزی", "تلفن", "تلفن تماس", "فکس", "نمابر", "ایمیل", "پست الکترونیک",
    "پست الکترونیکی", "کد پستی", "صندوق پستی", "سرویس", "گروه", "بخش", "دسته", "دسته بندی",
    "موضوع", "عکس", "عکاس", "خبرنگار", "نویسنده", "دبیر", "ویراستار", "مترجم", "تنظیم", "منبع",
    "تعداد بازدید", "بازدید", "زمان مطالعه", "نظرات", "دیدگاه ها",
)
SOURCE_LABEL = match_key("منبع")
# Pages saved without ZWNJ write «سایر بخشها» for «سایر بخش‌ها»: compare without gaps too.
_NAV_SKELETONS = frozenset(p.replace(" ", "") for p in NAV_PHRASES + FOOTER_MARKERS)
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
# «گروه اجتماعی- مرضیه صاحبی»: the desk and the writer
_BYLINE = re.compile(r"^(?:گروه|سرویس|بخش)\s+\S+(?:\s\S+)?\s*[-–—:/|]\s*\S+(?:\s\S+){0,2}$")
_BREADCRUMB = re.compile(r"\s[>»/|ـ]\s")
_CRUMB_PARTS = re.compile(r"[>»/|ـ]")
_COMMAS = re.compile(r"\s*[،,]\s*")
_NOT_WORD = re.compile(r"[^\w\s\u200c]")
_COUNT_HEAD = re.compile(r"^\d+\s*")
_COUNT_TAIL = re.compile(r"\s*[(\[]?\d+[)\]]?$")


@lru_cache(maxsize=2048)  # asked about each line by several rules in a row
def label_of(text: str) -> tuple[str, str] | None:
    """Split «برچسب: مقدار» into its label (matching form) and value, if the line has one."""
    c = clean(text)
    if ":" not in c and "：" not in c:
        return None  # the pattern needs one (an `in` test costs less than the pattern on a paragraph)
    m = _LABEL.match(c)
    return (match_key(m["label"]), m["value"].strip()) if m else None


def is_today_line(text: str) -> bool:
    """Tell whether a line is the page's own date («امروز : …»), not the article's."""
    lab = label_of(text)
    return lab is not None and lab[0] in TODAY


def is_read_more(text: str) -> bool:
    """A «بیشتر بخوانید:» line, alone or with the linked title after it."""
    if len(text) > 3 * SHORT:
        return False
    k = key(text).rstrip(":：/ ")
    return any(k == m or k.startswith((m + " ", m + ":")) for m in READ_MORE)


def is_tag_line(text: str) -> bool:
    """A «برچسب‌ها: a، b، c» line, however many tags it lists."""
    lab = label_of(text)
    return lab is not None and lab[0] in TAG_LABELS and words(text) <= 80


def is_keyword_list(text: str) -> bool:
    """A run of keywords separated by commas («اخبار،اخبار جدید،اخبار روز»), not a sentence."""
    c = clean(text)
    parts = [x for x in _COMMAS.split(c) if x.strip()]
    return len(parts) >= 3 and all(words(x) <= 3 for x in parts) and not c.endswith(tuple(".!؟?…"))


def is_section_label(text: str) -> bool:
    """A short line made only of section words («اخبار سیاسی», «اجتماعی و فرهنگی», «فیلم»)."""
    c = clean(text).rstrip(":： ")
    ws = match_key(_NOT_WORD.sub(" ", c)).split()
    return 0 < len(ws) <= 5 and all(w in SECTION_WORDS for w in ws)


def is_footer_marker(text: str) -> bool:
    """Tell whether a line opens the comment, share, tags or "read also" block."""
    if len(text) > 2 * SHORT:
        return False
    if is_tag_line(text):
        return True
    k = key(text).rstrip(":：/ ")
    return words(k) <= 8 and any(k == m or k.startswith((m + " ", m + ":", m + "/")) for m in FOOTER_MARKERS)


@lru_cache(maxsize=1024)  # a header line is asked twice (where the body starts, then its role)
def is_boilerplate(text: str) -> bool:
    """Tell whether a line is page furniture wherever it stands (images, codes, links, labels)."""
    c = clean(text)
    if not c or not (c[0].isalpha() or any(ch.isalpha() for ch in c)):  # most lines: the first
        return True  # "|", "5", separators
    n = words(c)
    # These patterns see digits only as \d, \w or \S, which Persian and Arabic-Indic digits are as
    # much as Latin ones: they give the same answer on the line as on its Latin-digit form, which
    # is not made (tests/core/test_listing_fast_paths.py). `in` tests first: the regexes cannot match
    # without "@", "http" or "www." (an unanchored e-mail search costs more than the rest of the rules).
    if _IMAGE.match(c) or ("@" in c and _EMAIL.search(c) and n <= 6):
        return True
    if ("http" in c or "www." in c) and \
            (_URL.fullmatch(c) or (_URL.search(c) and words(_URL.sub(" ", c)) <= 8)):
        return True  # a link, or a short line around one («آدرس مطلب: https://…»)
    if _EDITOR_CODE.match(c) and any(ch.isdigit() for ch in c):
        return True
    if not _PERSIAN_LETTER.search(c) and n <= 10:
        return True  # "T T", "Share", an English site name or analytics line in a Persian page
    if "©" in c:
        return True
    if n > 30:
        return False  # a paragraph, not furniture (even with a link in it)
    if n <= 25 and _CALL.search(c):
        return True  # «برای پیگیری اخبار … کلیک کنید»
    k = match_key(c)
    if any(k.startswith(p) for p in COPYRIGHT):
        return True
    if n > 14:
        return False
    lab = label_of(c)
    if lab and (lab[0] in LABELS or lab[0] in TODAY or lab[0] in TAG_LABELS):
        return True
    if _BREADCRUMB.search(c) and all(words(part) <= 3 for part in _CRUMB_PARTS.split(c)):
        return True
    if (n <= 5 and is_section_label(c)) or (("،" in c or "," in c) and is_keyword_list(c)) or _BYLINE.match(c):
        return True
    ws = k.split()
    if len(ws) >= 2 and len(set(ws)) == 1 and len(c) <= SHORT:
        return True  # «الف الف»: font-size buttons
    return len(c) <= 2 * SHORT and is_nav(k)


def is_nav(k: str) -> bool:
    """Tell whether a line (in matching form) is a navigation or button label."""
    bare = k.rstrip(":：.!؟? ").strip()
    bare = _COUNT_HEAD.sub("", bare)  # «3699 بازدید»
    bare = _COUNT_TAIL.sub("", bare)  # «نظرات (۳)», «برچسب ها ۵»
    return bare in NAV_PHRASES or bare in FOOTER_MARKERS or bare.replace(" ", "") in _NAV_SKELETONS


def is_short_heading(text: str) -> bool:
    """A one- or two-word line ending in ":" («خبرهای داغ:»): a menu heading in a body or footer.

    In the header such a line may be a short supertitle («نماینده مجلس:»), so parse decides there.
    """
    if len(text) > SHORT:
        return False
    k = key(text)
    return k.endswith((":", "：")) and words(k) <= 2
