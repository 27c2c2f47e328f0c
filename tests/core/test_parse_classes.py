"""The failure classes seen on real scraped pages, each on a synthetic page of the same shape.

None of these pages is a copy of a real one: they are written here, in the layouts real
Persian news pages have (a nav list before the title, a "today" banner, an ISO stamp
glued to a repeated title, a mid-article «بیشتر بخوانید», a reply form...).
"""

from __future__ import annotations

from hashiye.core.text.display import build_display
from hashiye.core.corpus.parse import parse

LEAD = ("مدیرکل راه و شهرسازی استان از آغاز عملیات ساخت دو هزار واحد مسکونی در شهرهای کوچک "
        "استان در سال جاری خبر داد.")
BODY1 = ("به گزارش ایسنا، علی رضایی در نشست خبری امروز اظهار کرد: زمین این واحدها از سوی دولت "
         "تامین شده و متقاضیان تا پایان ماه فرصت ثبت نام دارند.")
BODY2 = "وی افزود: تسهیلات بانکی این طرح با نرخ ترجیحی پرداخت می‌شود و اقساط آن بیست ساله است."


def shown(text: str) -> str:
    return build_display(text, parse(text)).text


# --- dates ------------------------------------------------------------------------------

def test_a_date_inside_the_title_is_not_the_date_line() -> None:
    page = f"""کد خبر: 55123
۱۲ مهر ۱۴۰۱ - ۰۹:۳۰
بنیاد شهید در ۲۲ بهمن ۱۳۸۲ در تهران تاسیس شد و امروز بیست ساله است
{LEAD}
{BODY1}
"""
    p = parse(page)
    assert p.title == "بنیاد شهید در ۲۲ بهمن ۱۳۸۲ در تهران تاسیس شد و امروز بیست ساله است"
    assert p.date is not None and p.date.published_jalali() == "1401-07-12 09:30"
    assert "تاسیس شد" in shown(page)


def test_an_iso_stamp_glued_to_a_repeated_title_gives_the_date_not_the_title() -> None:
    page = f"""نام سایت
چرا قیمت مسکن در شهرهای کوچک بالا رفت؟
 چرا قیمت مسکن در شهرهای کوچک بالا رفت؟ 2021-07-05T11:54:53+04:30
{LEAD}
{BODY1}
"""
    p = parse(page)
    assert p.title == "چرا قیمت مسکن در شهرهای کوچک بالا رفت؟"
    assert p.date is not None
    assert p.date.published_jalali() == "1400-04-14 11:54"
    assert p.date.published_iso() == "2021-07-05T11:54:00+04:30"
    assert "2021" not in shown(page)


def test_a_stamp_in_another_offset_is_moved_to_tehran_time() -> None:
    p = parse(f"عنوان آزمایشی برای یک خبر کوتاه 2021-07-05T07:24:53+00:00\n{LEAD}\n{BODY1}\n")
    assert p.date is not None and p.date.published_jalali() == "1400-04-14 11:54"


def test_gregorian_dates_with_english_and_persian_month_names() -> None:
    page = f"""ساخت دو هزار واحد مسکونی در شهرهای کوچک
17 July, 2025 - 10:15
{LEAD}
{BODY1}
"""
    p = parse(page)
    assert p.date is not None and p.date.published_jalali() == "1404-04-26 10:15"
    page = page.replace("17 July, 2025 - 10:15", "۱۲ ژوئيه ۲۰۱۰")
    p = parse(page)
    assert p.date is not None and p.date.published_jalali() == "1389-04-21"


def test_the_page_banner_with_two_calendars_loses_to_the_article_date() -> None:
    page = f"""پنجشنبه / ۲۶ تیر / ۱۴۰۴ - 17 July, 2025
 خبرگزاری نمونه / ۱۴۰۳/۱۰/۰۴
ساخت دو هزار واحد مسکونی در شهرهای کوچک
{LEAD}
{BODY2}
"""
    p = parse(page)
    assert p.date is not None and p.date.published_jalali() == "1403-10-04"
    assert p.title == "ساخت دو هزار واحد مسکونی در شهرهای کوچک"
    assert p.source == "خبرگزاری نمونه"


def test_a_metadata_line_with_a_stamp_is_not_a_source() -> None:
    page = f""" date 2025-09-21 فارسی | English
کد خبر: ۳۲۴۳۱۱
تاریخ انتشار : ۲۳ آذر ۱۴۰۴ - ۲۱:۳۱
ساخت دو هزار واحد مسکونی در شهرهای کوچک
{LEAD}
{BODY2}
"""
    p = parse(page)
    assert p.date is not None and p.date.published_jalali() == "1404-09-23 21:31"
    assert p.source is None or "09" not in p.source


def test_weekday_monday_is_not_read_as_saturday_and_no_warning_follows() -> None:
    p = parse(f"ساخت دو هزار واحد مسکونی\nدوشنبه  ۲۱ تير ۱٣٨۹ -  ۱۲ ژوئيه ۲۰۱۰\n{LEAD}\n{BODY1}\n")
    assert p.date is not None and p.date.published_jalali() == "1389-04-21"
    assert p.warnings == []


def test_a_time_glued_to_an_iso_date_is_read() -> None:
    p = parse(f"چهارشنبه، 17 بهمن 1397 ساعت 16:462019-02-06اجتماعی\nساخت دو هزار واحد مسکونی\n{LEAD}\n{BODY1}\n")
    assert p.date is not None and p.date.published_jalali() == "1397-11-17 16:46"


# --- titles -----------------------------------------------------------------------------

def test_titles_ending_in_a_question_or_exclamation_mark() -> None:
    for title in ("آیا قیمت مسکن در شهرهای کوچک پایین می‌آید؟", "شفافیتی که گم شد!"):
        p = parse(f"{title}\n{LEAD}\n{BODY1}\n")
        assert p.title == title


def test_a_login_form_and_a_feedback_widget_are_never_the_title() -> None:
    page = f"""نام کاربری یا نشانی ایمیل
رمز عبور
مرا به خاطر بسپار
ما را پیدا کنید
{LEAD}
{BODY2}
"""
    p = parse(page)
    assert p.title is not None and p.title.startswith("مدیرکل راه و شهرسازی")
    for furniture in ("رمز عبور", "مرا به خاطر بسپار", "ما را پیدا کنید"):
        assert furniture not in shown(page)


def test_a_nav_list_of_single_words_before_the_title() -> None:
    nav = "\n".join(["صفحه نخست", "فیلم", "عکس", "ورزشی", "اجتماعی", "سیاسی", "فرهنگ و هنر", "اقتصادی",
                     "علمی و فناوری", "بین الملل", "استان ها", "رسانه ها", "بازار", "سایر بخشها"])
    page = f"""{nav}
ساخت دو هزار واحد مسکونی در شهرهای کوچک
۱۴۰۰/۱۱/۰۶ - ۱۳:۳۶:۴۱
کد خبر: ۱۲۹۰۸۴۵
{LEAD}
{BODY1}
{BODY2}
انتهای پیام/م
نظر شما
"""
    p = parse(page)
    assert p.title == "ساخت دو هزار واحد مسکونی در شهرهای کوچک"
    assert p.supertitle is None
    assert p.date is not None and p.date.published_jalali() == "1400-11-06 13:36"
    text = shown(page)
    for furniture in ("فیلم", "سایر بخشها", "فرهنگ و هنر", "انتهای پیام"):
        assert furniture not in text


def test_a_teaser_of_another_story_above_the_title() -> None:
    page = f"""آخرین اخبار سیاسی
وزیر نیرو فردا به استان سفر می‌کند
بنابر اعلام استانداری، وزیر نیرو فردا برای افتتاح دو سد به استان سفر می‌کند و با نمایندگان دیدار خواهد داشت…
ساخت دو هزار واحد مسکونی در شهرهای کوچک
  اخبار سیاسی ,خبرهای  اقتصادی ,مسکن
{LEAD}
{BODY2}
"""
    p = parse(page)
    assert p.title == "ساخت دو هزار واحد مسکونی در شهرهای کوچک"
    assert p.lead is not None and p.lead.startswith("مدیرکل")
    assert "خبرهای" not in shown(page)


def test_a_browser_title_line_gives_the_headline_without_its_frame() -> None:
    p = parse(f"خبر : قیمت مسکن در تهران ۶۰ درصد بالا رفت - نمونه نیوز\n{LEAD}\n{BODY1}\n")
    assert p.title == "قیمت مسکن در تهران ۶۰ درصد بالا رفت"


def test_a_hard_wrapped_file_keeps_its_opening_lines_and_gives_a_whole_title() -> None:
    page = ("به گزارش نمونه آنلاین به نقل از بانک مرکزی، متوسط نرخ دلار در\n"
            "آذر ماه سال جاری در بازار بین بانکی ۲۶۹۰۸ ریال و در بازار آزاد ۳۳۸۸۷\n"
            "ریال بوده است.\n"
            "این بانک همچنین اضافه کرده بود: متوسط ماهانه نرخ فروش دلار در\n"
            "بازارهای بین بانکی و آزاد در آبان ماه به ترتیب ۲۶۷۳۲ و ۳۲۴۹۲ ریال\n"
            "بوده است.\n")
    p = parse(page)
    text = shown(page)
    assert "متوسط نرخ دلار در آذر ماه سال جاری" in text  # one paragraph, line break as a space
    assert "ریال بوده است." in text
    assert p.title is not None and p.title.startswith("متوسط نرخ دلار در آذر ماه")
    assert p.source == "نمونه آنلاین"
    d = build_display(page, p)
    at = d.text.index("آذر")
    assert page[d.map.src_start[at]:d.map.src_end[at + 2]] == "آذر"  # positions stay file code points


def test_a_title_drawn_from_the_lead_is_cut_between_words() -> None:
    long_lead = "هر دلار امروز در صرافی‌های بانکی " + "بیست و پنج هزار و هفتصد و چهل تومان معامله شد و " * 4 + "پایان."
    p = parse(long_lead + "\n" + BODY2 + "\n")
    assert p.title is not None and p.title.endswith("…")
    stem = p.title.rstrip("…")
    assert long_lead.startswith(stem) and long_lead[len(stem)] == " "


# --- sources ----------------------------------------------------------------------------

def test_source_credits_of_many_shapes() -> None:
    cases = {
        "به گزارش خبرنگار بهداشت و درمان فارس، وزیر بهداشت امروز از آغاز طرح واکسیناسیون در استان خبر داد.": "فارس",
        "اصفهان - خبرگزاری مهر: استاندار اصفهان گفت عملکرد فرمانداران با شاخص‌های کمی ارزیابی می‌شود.": "مهر",
        "نورنیوز-گروه اجتماعی: رئیس سازمان امداد از اعزام دو تیم ارزیاب به مناطق زلزله زده خبر داد.": "نورنیوز",
        "خبرگزاري فارس: تیم فوتبال شهر در هفته بیست و هشتم لیگ با دو گل به رقیب خود باخت و از صدر جدول دور شد.": "فارس",
        "آفتاب‌نیوز : نماینده مجلس در گفت‌وگو با خبرنگاران از بررسی لایحه بودجه در کمیسیون خبر داد.": "آفتاب",
    }
    for lead, want in cases.items():
        p = parse(f"ساخت دو هزار واحد مسکونی در شهرهای کوچک\n{lead}\n{BODY2}\n")
        assert p.source is not None and want in p.source, (lead, p.source)


def test_an_outlet_quoted_deep_in_the_body_is_not_the_source() -> None:
    body = "\n".join(f"{BODY2} بند {i}." for i in range(8))
    page = f"ساخت دو هزار واحد مسکونی در شهرهای کوچک\n{LEAD}\n{body}\nبه گزارش گلف نیوز، این طرح در منطقه بی‌سابقه است.\n"
    assert parse(page).source is None


def test_a_header_credit_line_names_the_source_and_is_hidden() -> None:
    page = f"""ساخت دو هزار واحد مسکونی در شهرهای کوچک
وبگاه نمونه اقتصاد مشاهده در مرجع
{LEAD}
{BODY2}
"""
    p = parse(page)
    assert p.source == "وبگاه نمونه اقتصاد"
    assert "مشاهده در مرجع" not in shown(page)


# --- furniture left in ------------------------------------------------------------------

def test_counters_back_to_top_reply_forms_share_widgets_and_end_markers() -> None:
    page = f"""ساخت دو هزار واحد مسکونی در شهرهای کوچک
بازدید 3699
{LEAD}
{BODY1}
{BODY2}
برای پیگیری اخبار اقتصادی اینجا کلیک کنید.
انتهای پیام/م
برچسب‌ها: مسکن، شهرسازی، استان، واحد مسکونی، بانک، تسهیلات، اقساط، زمین، دولت، نشست خبری
همرسانی نظرها
ارسال یک پاسخ
آدرس ایمیل شما منتشر نخواهد شد.
مرا به خاطر بسپار
دکمه بازگشت به بالا
"""
    text = shown(page)
    assert "اقساط آن بیست ساله است" in text
    for furniture in ("3699", "۳۶۹۹", "کلیک کنید", "انتهای پیام", "برچسب", "همرسانی", "ارسال یک پاسخ",
                      "منتشر نخواهد شد", "مرا به خاطر", "بازگشت به بالا"):
        assert furniture not in text, furniture


def test_a_view_counter_and_back_to_top_in_the_middle_of_the_body() -> None:
    page = f"ساخت دو هزار واحد مسکونی\n{LEAD}\n{BODY1}\nدکمه بازگشت به بالا\n{BODY2}\n"
    text = shown(page)
    assert "بازگشت" not in text and "اقساط" in text


# --- real text kept ---------------------------------------------------------------------

def test_a_long_paragraph_with_a_link_is_text() -> None:
    para = ("متن کامل این گزارش که در سایت وزارتخانه با عنوان لینک گزارش سالانه منتشر شده در نشانی "
            "https://example.org/report قابل دسترسی است و " + "جزئیات طرح‌های مسکن را شرح می‌دهد و " * 6 + "پایان می‌یابد.")
    page = f"ساخت دو هزار واحد مسکونی\n{LEAD}\n{para}\n{BODY2}\n"
    assert "جزئیات طرح‌های مسکن" in shown(page)


def test_text_after_a_mid_article_read_more_comes_back() -> None:
    page = f"""ساخت دو هزار واحد مسکونی در شهرهای کوچک
{LEAD}
{BODY1}
بیشتر بخوانید: وام مسکن روستایی چقدر شد؟
افزایش سقف وام خرید مسکن
{BODY2}
مدیرکل در پایان گفت: اولویت با متقاضیانی است که تاکنون از هیچ امکان دولتی برای خانه‌دار شدن استفاده نکرده‌اند.
"""
    text = shown(page)
    assert "اقساط آن بیست ساله است" in text
    assert "اولویت با متقاضیانی است" in text
    assert "بیشتر بخوانید" not in text and "افزایش سقف وام" not in text


def test_a_standfirst_under_the_title_and_short_subheads_are_kept() -> None:
    page = f"""ساخت دو هزار واحد مسکونی در شهرهای کوچک
گفت‌وگو با مدیرکل راه و شهرسازی درباره مسکن شهرهای کوچک و تسهیلات
{LEAD}
{BODY1}
سرطان :
{BODY2}
"""
    text = shown(page)
    assert "گفت‌وگو با مدیرکل" in text
    assert "سرطان :" in text


def test_an_old_site_with_arabic_kaf_and_yeh() -> None:
    page = f"""كد خبر: 12345
ساخت دو هزار واحد مسكوني در شهرهاي كوچك
{LEAD}
{BODY1}
"""
    p = parse(page)
    assert p.news_code == "12345"
    assert p.title is not None and "کد خبر" not in p.title and p.title.startswith("ساخت")


def test_more_source_shapes_and_their_order() -> None:
    wrote = ("یادداشت امروز درباره وعده‌های دولت است و روزنامه نمونه نوشت: دولت باید گزارش کاملی از کارها "
             "به مردم بدهد و برنامه خود را اعلام کند.")
    assert parse(f"وعده‌هایی که فراموش شد\n{wrote}\n{BODY2}\n").source == "روزنامه نمونه"
    page = f"وعده‌هایی که فراموش شد\n{LEAD}\n{BODY2}\nمنبع: https://www.isna.ir/news/1403030201246/x\n"
    assert parse(page).source == "ایسنا"  # a web address stands for its agency, never for itself
    page = f"وعده‌هایی که فراموش شد\nپایگاه نمونه / علی رضایی\n{LEAD}\n{BODY2}\n"
    assert parse(page).source == "پایگاه نمونه"
    page = f"نمونه‌نیوز ـ ایران ـ اجتماعی\n{LEAD}\n{BODY2}\n"
    assert parse(page).source == "نمونه‌نیوز"  # the head of a breadcrumb, when nothing else credits
    page = f"نمونه‌نیوز ـ ایران ـ اجتماعی\n{LEAD}\n{BODY1}\n"
    assert parse(page).source == "ایسنا"  # «به گزارش» wins


def test_a_fifo_and_a_binary_file_in_the_folder_do_not_stop_the_folder_rules(tmp_path, monkeypatch) -> None:
    import os

    import pytest
    from hashiye.core.corpus.article import load_article

    monkeypatch.setenv("HASHIYE_DATA_DIR", str(tmp_path / "data"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"ساخت دو هزار واحد مسکونی\n{LEAD}\n{BODY1}\n", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(corpus / "c.txt")
    art = load_article(corpus / "a.txt")  # would hang if the FIFO were opened
    assert art.title == "ساخت دو هزار واحد مسکونی"


def test_subheads_do_not_push_an_interview_credit_out_of_the_first_paragraphs() -> None:
    page = f"""ساخت دو هزار واحد مسکونی در شهرهای کوچک
{LEAD}
گفت‌وگو با یک استاد دانشگاه
مسکن ارزان ممکن است
زمین دولتی کلید کار است
وی در گفت‌وگوی اختصاصی با خبرنگار گروه اقتصادی «نمونه» افزود: زمین دولتی کلید ساخت مسکن ارزان در شهرهای کوچک است.
"""
    assert parse(page).source == "نمونه"


def test_a_windows_1256_file_with_arabic_kaf_keeps_its_news_code(tmp_path, monkeypatch) -> None:
    from hashiye.core.corpus.article import load_article

    monkeypatch.setenv("HASHIYE_DATA_DIR", str(tmp_path / "data"))
    page = f"كد خبر: 12345\nساخت دو هزار واحد مسكوني در شهرهاي كوچك\n{LEAD}\n{BODY1}\n".replace("ی", "ي").replace("ک", "ك")
    path = tmp_path / "old.txt"
    path.write_bytes(page.replace("\u200c", " ").encode("cp1256"))
    art = load_article(path)
    assert art.encoding.lower().replace("-", "") in ("cp1256", "windows1256")
    assert art.parsed.news_code == "12345"
    assert art.title is not None and art.title.startswith("ساخت")
