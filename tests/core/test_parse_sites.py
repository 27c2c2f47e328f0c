"""The parsing rules hold for pages from sites other than the five seeds.

Each article below is written in the layout of a real kind of Persian news page (IRNA's
dateline, ISNA's labelled date and supertitle, Mehr's code-and-date line, Tasnim's
«شناسه خبر», a site printing its date at the bottom, a page with no title) and carries
the furniture those pages have: navigation, «امروز» lines, share buttons, tags,
«انتهای پیام», address and copyright footers, and a historical date inside the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hashiye.core.corpus.article import load_article
from hashiye.core.corpus.corpus import scan
from hashiye.core.text.display import build_display
from hashiye.core.corpus.parse import parse

IRNA = """صفحه اصلی
سیاسی
اقتصادی
استان‌ها
۱۲ مهر ۱۴۰۱، ۹:۳۰
کد خبر: 84903221
T T
سمنان
افتتاح ۲۰ طرح عمرانی در روستاهای استان سمنان
سمنان- ایرنا- استاندار سمنان از افتتاح ۲۰ طرح عمرانی و زیربنایی در روستاهای این استان با اعتبار ۵۰۰ میلیارد ریال در هفته جاری خبر داد.
سید محمدرضا هاشمی روز سه‌شنبه در آیین افتتاح این طرح‌ها به خبرنگار ایرنا گفت: این طرح‌ها شامل آبرسانی، راه روستایی و مدرسه‌سازی است.
وی افزود: بنیاد مسکن انقلاب اسلامی که در ۲۷ خرداد ۱۳۵۸ تاسیس شد سهم بزرگی در این طرح‌ها دارد.
انتهای پیام
برچسب‌ها:
روستا
سمنان
لینک کوتاه
کپی شد
"""

ISNA = """خبرگزاری دانشجویان ایران - ایسنا
امروز: سه‌شنبه ۱۰ آبان ۱۴۰۲
اقتصادی > کشاورزی
کد خبر: 1401071208123
تاریخ انتشار: ۱۲ مهر ۱۴۰۱ - ۰۹:۳۰
رییس سازمان جهاد کشاورزی استان:
خرید تضمینی گندم از کشاورزان سمنانی به ۱۲۰ هزار تن رسید
رییس سازمان جهاد کشاورزی استان سمنان از خرید ۱۲۰ هزار تن گندم از کشاورزان استان در سال زراعی جاری خبر داد و گفت: مطالبات کشاورزان به تدریج پرداخت می‌شود.
به گزارش ایسنا، علی اکبری در نشست خبری امروز اظهار کرد: امسال شرایط بارندگی مناسب بود و تولید گندم در استان افزایش یافت.
وی افزود: تاکنون ۷۰ درصد مطالبات گندمکاران پرداخت شده است.
انتهای پیام
اشتراک گذاری
تلگرام
واتساپ
توییتر
"""

MEHR = """کد خبر: 5612345 | ۱۴۰۱/۰۷/۱۲ ۰۹:۳۰
سرویس: استان‌ها - سمنان
برگزاری جشنواره فرهنگی روستایی در شاهرود
برگزاری جشنواره فرهنگی روستایی در شاهرود
شاهرود - فرماندار شاهرود از برگزاری نخستین جشنواره فرهنگی روستایی با حضور ۳۰ روستای این شهرستان در هفته آینده خبر داد.
به گزارش خبرنگار مهر، محمد رضایی ظهر امروز در جمع خبرنگاران اظهار کرد: این جشنواره با هدف معرفی ظرفیت‌های روستاها برگزار می‌شود.
وی افزود: غرفه‌های صنایع دستی و غذاهای محلی در این جشنواره برپا خواهد شد.
منبع: مهر
نشانی: تهران، خیابان آزادی، پلاک ۱۲
تلفن: ۰۲۱-۴۴۴۴۵۵۵۵
کلیه حقوق این سایت متعلق به خبرگزاری مهر است.
"""

TASNIM = """خبرگزاری تسنیم
اخبار استان‌ها
چهارشنبه ۱۳ مهر ۱۴۰۱ - ۱۸:۴۵
شناسه خبر: 2781234
توزیع ۵ هزار بسته معیشتی میان نیازمندان گرگان
به گزارش گروه استان‌های خبرگزاری تسنیم از گرگان، مدیرکل کمیته امداد استان گلستان گفت: ۵ هزار بسته معیشتی با مشارکت خیران میان خانواده‌های نیازمند توزیع شد.
وی افزود: ارزش این بسته‌ها ۱۵ میلیارد ریال است.
<p>این طرح در ادامه رزمایش کمک مؤمنانه اجرا می‌شود.</p>
انتهای پیام/
برچسب ها
کمیته امداد
"""

DATE_AT_THE_END = """خبرآنلاین
تعداد بازدید: ۱۲۳۴
نماینده مجلس:
طرح جامع آب شرب روستاهای بیرجند امسال تمام می‌شود
نماینده مردم بیرجند در مجلس گفت: طرح جامع آبرسانی به روستاهای این شهرستان تا پایان امسال به پایان می‌رسد.
به گزارش خبرآنلاین، وی که در جمع خبرنگاران سخن می‌گفت، افزود: ۴۰ روستا از آب شرب پایدار بهره‌مند می‌شوند.
این طرح از سال ۱۳۹۵ آغاز شده بود.
تاریخ انتشار: ۱۴۰۲/۰۸/۱۵ - ۱۰:۲۰
آخرین بروزرسانی: ۱۴۰۲/۰۸/۱۶ - ۰۸:۰۰
کلمات کلیدی
"""

TIME_ON_ITS_OWN_LINE = """تاریخ: ۱۴۰۰/۰۵/۲۰
ساعت: ۱۴:۰۵
آبرسانی سیار به روستاهای کم‌آب سیستان
آبرسانی سیار به ۱۲۰ روستای کم‌آب سیستان با ۴۰ دستگاه تانکر در روزهای گرم تابستان ادامه دارد و روزانه دو هزار متر مکعب آب توزیع می‌شود.
مدیرعامل شرکت آب و فاضلاب روستایی استان گفت: این کار تا پایان شهریور ادامه خواهد داشت.
"""

WRONG_WEEKDAY = """یکشنبه ۱۲ مهر ۱۴۰۱ ساعت ۰۹:۳۰
آغاز عملیات اجرایی پروژه آبرسانی به ۱۵ روستای کرمان
عملیات اجرایی پروژه آبرسانی به ۱۵ روستای شهرستان کرمان با اعتبار ۲۰۰ میلیارد ریال با حضور مسئولان استانی آغاز شد.
مدیرعامل شرکت آب و فاضلاب استان کرمان گفت: مشکل کم‌آبی ۱۲ هزار نفر برطرف می‌شود.
"""

NO_TITLE = """۱۴۰۰/۰۳/۰۵
بنیاد مسکن انقلاب اسلامی استان یزد امسال ۲۰۰ واحد مسکونی روستایی را با تسهیلات ارزان قیمت برای خانواده‌های کم‌برخوردار می‌سازد و ساخت این واحدها از ماه آینده آغاز می‌شود.
مدیرکل بنیاد مسکن استان یزد در گفتگو با خبرنگاران افزود: متقاضیان می‌توانند از طریق سامانه بنیاد ثبت نام کنند.
"""


@dataclass
class Want:
    title: str
    source: str | None
    code: str | None
    published: str | None
    supertitle: str | None = None
    lead_start: str | None = None
    body: tuple[str, ...] = ()
    junk: tuple[str, ...] = ()
    warning: bool = False


CASES = {
    "irna": (IRNA, Want(
        "افتتاح ۲۰ طرح عمرانی در روستاهای استان سمنان", "ایرنا", "84903221", "2022-10-04T09:30:00+03:30",
        lead_start="سمنان- ایرنا- استاندار سمنان", body=("۲۷ خرداد ۱۳۵۸ تاسیس شد",),
        junk=("صفحه اصلی", "T T", "انتهای پیام", "برچسب", "لینک کوتاه", "کپی شد", "کد خبر", "۱۲ مهر"))),
    "isna": (ISNA, Want(
        "خرید تضمینی گندم از کشاورزان سمنانی به ۱۲۰ هزار تن رسید", "ایسنا", "1401071208123",
        "2022-10-04T09:30:00+03:30", supertitle="رییس سازمان جهاد کشاورزی استان",
        lead_start="رییس سازمان جهاد کشاورزی استان سمنان از خرید", body=("۷۰ درصد مطالبات گندمکاران",),
        junk=("ایسنا\n", "امروز:", "آبان", "کشاورزی >", "تاریخ انتشار", "انتهای پیام", "تلگرام", "توییتر"))),
    "mehr": (MEHR, Want(
        "برگزاری جشنواره فرهنگی روستایی در شاهرود", "مهر", "5612345", "2022-10-04T09:30:00+03:30",
        lead_start="شاهرود - فرماندار شاهرود", body=("غرفه‌های صنایع دستی",),
        junk=("سرویس", "منبع", "نشانی", "تلفن", "حقوق", "۰۲۱"))),
    "tasnim": (TASNIM, Want(
        "توزیع ۵ هزار بسته معیشتی میان نیازمندان گرگان", "خبرگزاری تسنیم", "2781234",
        "2022-10-05T18:45:00+03:30", body=("رزمایش کمک مؤمنانه", "۱۵ میلیارد ریال"),
        junk=("<p>", "</p>", "شناسه خبر", "اخبار استان", "انتهای پیام", "برچسب", "کمیته امداد\n"))),
    "date_at_the_end": (DATE_AT_THE_END, Want(
        "طرح جامع آب شرب روستاهای بیرجند امسال تمام می‌شود", "خبرآنلاین", None, "2023-11-06T10:20:00+03:30",
        supertitle="نماینده مجلس", body=("از سال ۱۳۹۵ آغاز شده بود",),
        junk=("تعداد بازدید", "تاریخ انتشار", "بروزرسانی", "کلمات کلیدی"))),
    "time_on_its_own_line": (TIME_ON_ITS_OWN_LINE, Want(
        "آبرسانی سیار به روستاهای کم‌آب سیستان", None, None, "2021-08-11T14:05:00+04:30",
        junk=("ساعت", "تاریخ:"))),
    "wrong_weekday": (WRONG_WEEKDAY, Want(
        "آغاز عملیات اجرایی پروژه آبرسانی به ۱۵ روستای کرمان", None, None, "2022-10-04T09:30:00+03:30",
        warning=True, junk=("یکشنبه",))),
    "no_title": (NO_TITLE, Want(
        "بنیاد مسکن انقلاب اسلامی استان یزد امسال ۲۰۰ واحد مسکونی روستایی را با تسهیلات ارزان قیمت برای"
        " خانواده‌های کم‌برخوردار…", None, None, "2021-05-26", lead_start="بنیاد مسکن انقلاب اسلامی",
        body=("سامانه بنیاد ثبت نام کنند",))),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_metadata_of_other_sites(name: str) -> None:
    text, want = CASES[name]
    p = parse(text)
    assert p.title == want.title
    assert p.supertitle == want.supertitle
    assert p.source == want.source
    assert p.news_code == want.code
    assert (p.date.published_iso() if p.date else None) == want.published
    assert bool(p.warnings) == want.warning, p.warnings
    if want.lead_start:
        assert p.lead is not None and p.lead.startswith(want.lead_start)


@pytest.mark.parametrize("name", sorted(CASES))
def test_display_of_other_sites_keeps_the_article_only(name: str) -> None:
    text, want = CASES[name]
    shown = build_display(text, parse(text), normalized=False).text + "\n"
    for junk in want.junk:
        assert junk not in shown, junk
    for sentence in want.body:
        assert sentence in shown, sentence
    assert shown.count(want.title.rstrip("…")[:30]) <= 1 or name == "no_title", "a repeated title shows once"


def test_a_historical_date_in_the_body_is_not_the_publication_date() -> None:
    body_only = "گزارشی درباره جهاد سازندگی\n" + "این نهاد در ۲۷ خرداد ۱۳۵۸ با فرمان امام تشکیل شد و سال‌ها در روستاها کار کرد.\n"
    assert parse(body_only).date is None
    assert parse(IRNA).date.published_jalali() == "1401-07-12 09:30"  # type: ignore[union-attr]


def test_the_page_today_line_is_not_the_publication_date() -> None:
    only_today = "امروز : دوشنبه - ۱۲ آذر - ۱۴۰۳\nعنوان خبری بدون تاریخ انتشار\n" + NO_TITLE.split("\n", 1)[1]
    p = parse(only_today)
    assert p.date is None
    assert p.title == "عنوان خبری بدون تاریخ انتشار"


def test_the_published_label_wins_over_an_update_date() -> None:
    text = "آخرین به روز رسانی: ۱۴۰۲/۰۸/۱۶ - ۰۸:۰۰\nتاریخ انتشار: ۱۴۰۲/۰۸/۱۵ - ۱۰:۲۰\n" + NO_TITLE.split("\n", 1)[1]
    assert parse(text).date.published_jalali() == "1402-08-15 10:20"  # type: ignore[union-attr]


def test_other_sites_listed_together_with_warnings(tmp_path: Path) -> None:
    for name, (text, _want) in CASES.items():
        (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    result = scan(tmp_path)
    assert {a.id for a in result.articles} == set(CASES)
    assert not result.skipped
    assert [w["file"] for w in result.warnings] == ["wrong_weekday.txt"]
    assert "یکشنبه" in result.warnings[0]["message"]


def test_editor_codes_image_names_and_emails_are_furniture_anywhere(tmp_path: Path) -> None:
    furniture = ["1001/پ30/ب", "۶۰۶۸/ م", "IMG_7675", "DSC_0012.JPG", "IMG-20221004-WA0012",
                 "photo_2022-10-04_09-30-12.jpg", "info@example.ir", "ایمیل: news@example.com",
                 "www.example.ir", "© 2023 Example News", "اشتراک‌گذاری", "نظرات (۳)"]
    text = ISNA.replace("وی افزود:", "\n".join(furniture) + "\nوی افزود:")
    (tmp_path / "a.txt").write_text(text, "utf-8")
    shown = load_article(tmp_path / "a.txt").display(normalized=False).text
    for line in furniture:
        assert line not in shown and re.sub("[0-9]", "", line) not in shown, line
    assert "۷۰ درصد مطالبات گندمکاران" in shown
