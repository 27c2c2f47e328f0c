<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa">
    <context>
        <name>hashiye</name>
        <message>
            <source>LANGUAGE_NAME</source>
            <extracomment>The name of this language, written in this language (e.g. English, Deutsch).</extracomment>
            <translation>English</translation>
        </message>
        <message>
            <source>پالایش فهرست مقاله‌ها</source>
            <translation>Filter the article list</translation>
        </message>
        <message>
            <source>واژه‌ای از عنوان، منبع یا متن؛ فهرست همان‌جا کوتاه می‌شود</source>
            <translation>A word of the title, source or text; the list narrows as you type</translation>
        </message>
        <message>
            <source>ترتیب فهرست</source>
            <translation>List order</translation>
        </message>
        <message>
            <source>تازه‌ترین، عنوان یا منبع</source>
            <translation>Newest, title or source</translation>
        </message>
        <message>
            <source>پالایه‌های بیشتر</source>
            <translation>More filters</translation>
        </message>
        <message>
            <source>منبع، تاریخ، برچسب</source>
            <translation>Source, date, tag</translation>
        </message>
        <message>
            <source>پالایه: منبع</source>
            <translation>Filter: source</translation>
        </message>
        <message>
            <source>پالایه: برچسب</source>
            <translation>Filter: tag</translation>
        </message>
        <message>
            <source>پالایه: از تاریخ</source>
            <translation>Filter: from date</translation>
        </message>
        <message>
            <source>تاریخ شمسی، مانند ۱۴۰۲-۰۱-۰۱</source>
            <translation>Solar Hijri date, such as 1402-01-01</translation>
        </message>
        <message>
            <source>پالایه: تا تاریخ</source>
            <translation>Filter: to date</translation>
        </message>
        <message>
            <source>تاریخ شمسی، مانند ۱۴۰۲-۱۲-۲۹</source>
            <translation>Solar Hijri date, such as 1402-12-29</translation>
        </message>
        <message>
            <source>جست‌وجو در این مقاله</source>
            <translation>Find in this article</translation>
        </message>
        <message>
            <source>Enter: یافتهٔ بعدی؛ Shift+Enter: قبلی؛ Esc: بستن</source>
            <translation>Enter: next hit; Shift+Enter: previous; Esc: close</translation>
        </message>
        <message>
            <source>یافتهٔ قبلی</source>
            <translation>Previous hit</translation>
        </message>
        <message>
            <source>یافتهٔ بعدی</source>
            <translation>Next hit</translation>
        </message>
        <message>
            <source>بستن نوار جست‌وجو</source>
            <translation>Close the find bar</translation>
        </message>
        <message>
            <source>متن یادداشت</source>
            <translation>Text of the note</translation>
        </message>
        <message>
            <source>Ctrl+Enter: ذخیره؛ Esc: انصراف</source>
            <translation>Ctrl+Enter: save; Esc: cancel</translation>
        </message>
        <message>
            <source>برچسب‌های برجسته‌سازی</source>
            <translation>Tags of the highlight</translation>
        </message>
        <message>
            <source>برچسب‌ها را با ویرگول جدا کنید.</source>
            <translation>Separate tags with commas.</translation>
        </message>
        <message>
            <source>قالب برون‌بری</source>
            <translation>Export format</translation>
        </message>
        <message>
            <source>پالایه: برچسب‌ها</source>
            <translation>Filter: tags</translation>
        </message>
        <message>
            <source>پالایه: رنگ</source>
            <translation>Filter: colour</translation>
        </message>
        <message>
            <source>پالایه: منبع‌ها</source>
            <translation>Filter: sources</translation>
        </message>
        <message>
            <source>از تاریخ</source>
            <translation>From date</translation>
        </message>
        <message>
            <source>تا تاریخ</source>
            <translation>To date</translation>
        </message>
        <message>
            <source>پروندهٔ برون‌بری</source>
            <translation>Export file</translation>
        </message>
        <message>
            <source>انتخاب پروندهٔ برون‌بری</source>
            <translation>Choose the export file</translation>
        </message>
        <message>
            <source>عبارت جست‌وجو</source>
            <translation>Search words</translation>
        </message>
        <message>
            <source>واژه یا «عبارت» — همهٔ املاها و شکل‌ها</source>
            <translation>A word or a "phrase" — all spellings and forms</translation>
        </message>
        <message>
            <source>نتیجه‌های جست‌وجو</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>Enter: باز کردن در متن</source>
            <translation>Enter: open in the reader</translation>
        </message>
        <message>
            <source>پالایش برجسته‌سازی‌ها</source>
            <translation>Filter the highlights</translation>
        </message>
        <message>
            <source>متن، یادداشت یا برچسب…</source>
            <translation>Text, note or tag…</translation>
        </message>
        <message>
            <source>برچسب برجسته‌سازی‌ها</source>
            <translation>Tag of the highlights</translation>
        </message>
        <message>
            <source>رنگ برجسته‌سازی‌ها</source>
            <translation>Colour of the highlights</translation>
        </message>
        <message>
            <source>جدول برجسته‌سازی‌ها</source>
            <translation>Table of highlights</translation>
        </message>
        <message>
            <source>این مقاله دیگر روی دیسک نیست؛ برجسته‌سازی روی آن ممکن نیست.</source>
            <translation>This article is no longer on disk; it cannot be highlighted.</translation>
        </message>
        <message>
            <source>تغییر رنگ</source>
            <translation>Change colour</translation>
        </message>
        <message>
            <source>رنگ برجسته‌سازی {color} شد (Ctrl+Z برای واگرد)</source>
            <translation>Highlight recoloured {color} (Ctrl+Z to undo)</translation>
        </message>
        <message>
            <source>برجسته‌سازی</source>
            <translation>Highlight</translation>
        </message>
        <message>
            <source>پروندهٔ مقاله روی دیسک حذف یا جابه‌جا شده است</source>
            <translation>the article's file was deleted or moved on disk</translation>
        </message>
        <message>
            <source>یادداشت</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>یادداشتی که پیش‌تر ذخیره نشده بود بازگردانده شد.</source>
            <translation>A note that was not saved earlier has been brought back.</translation>
        </message>
        <message>
            <source>پیش‌نویس یادداشت ذخیره نشد: {why}</source>
            <translation>The draft of the note was not saved: {why}</translation>
        </message>
        <message>
            <source>برچسب</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>روی جملهٔ برگزیده برجسته‌سازی‌ای نیست: با h یا ۱ تا ۵ بسازید، یا با ] و [ یکی را برگزینید</source>
            <translation>No highlight on the chosen sentence: make one with h or 1 to 5, or choose one with ] and [</translation>
        </message>
        <message>
            <source>حذف برجسته‌سازی</source>
            <translation>Delete highlight</translation>
        </message>
        <message>
            <source>برجسته‌سازی حذف شد (Ctrl+Z برای واگرد)</source>
            <translation>Highlight deleted (Ctrl+Z to undo)</translation>
        </message>
        <message>
            <source>چیزی برای واگرد نیست</source>
            <translation>Nothing to undo</translation>
        </message>
        <message>
            <source>چیزی برای ازنو نیست</source>
            <translation>Nothing to redo</translation>
        </message>
        <message>
            <source>واگرد شد: {what}</source>
            <translation>Undone: {what}</translation>
        </message>
        <message>
            <source>ازنو انجام شد: {what}</source>
            <translation>Redone: {what}</translation>
        </message>
        <message>
            <source>رنگ</source>
            <translation>Colour</translation>
        </message>
        <message>
            <source>متن برجسته‌سازی</source>
            <translation>Highlighted text</translation>
        </message>
        <message>
            <source>برچسب‌ها</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>مقاله</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>جابه‌جا</source>
            <translation>moved</translation>
        </message>
        <message>
            <source>تقریبی</source>
            <translation>approximate</translation>
        </message>
        <message>
            <source>جاگم‌شده</source>
            <translation>orphaned</translation>
        </message>
        <message>
            <source>همهٔ برجسته‌سازی‌ها</source>
            <translation>All highlights</translation>
        </message>
        <message>
            <source>همهٔ رنگ‌ها</source>
            <translation>All colours</translation>
        </message>
        <message>
            <source>در حال خواندن برجسته‌سازی‌ها…</source>
            <translation>Reading highlights…</translation>
        </message>
        <message>
            <source>برجسته‌سازی‌ها</source>
            <translation>Highlights</translation>
        </message>
        <message>
            <source>برجسته‌سازی‌ها خوانده نشدند: {why}</source>
            <translation>Highlights could not be read: {why}</translation>
        </message>
        <message>
            <source>همهٔ برچسب‌ها</source>
            <translation>All tags</translation>
        </message>
        <message numerus="yes">
            <source>{n} برجسته‌سازی</source>
            <translation>
                <numerusform>{n} highlight</numerusform>
                <numerusform>{n} highlights</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} مقاله</source>
            <translation>
                <numerusform>{n} article</numerusform>
                <numerusform>{n} articles</numerusform>
            </translation>
        </message>
        <message>
            <source>جای این برجسته‌سازی در متن پیدا نشد</source>
            <translation>This highlight was not found in the text any more</translation>
        </message>
        <message>
            <source>یادداشت: {note}</source>
            <translation>Note: {note}</translation>
        </message>
        <message>
            <source>برچسب‌ها: {tags}</source>
            <translation>Tags: {tags}</translation>
        </message>
        <message>
            <source>برچسب: {tags}</source>
            <translation>Tags: {tags}</translation>
        </message>
        <message>
            <source>فهرست برجسته‌سازی‌ها</source>
            <translation>Highlight list</translation>
        </message>
        <message>
            <source>هنوز برجسته‌سازی‌ای نیست.
جمله‌ای را با پیکان‌ها برگزینید و h یا ۱ تا ۵ را بزنید.</source>
            <translation>No highlights yet.
Choose a sentence with the arrow keys and press h or 1 to 5.</translation>
        </message>
        <message numerus="yes">
            <source>برجسته‌سازی‌ها ({n})</source>
            <translation>
                <numerusform>Highlights ({n})</numerusform>
                <numerusform>Highlights ({n})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> — {n} جاگم‌شده</source>
            <translation>
                <numerusform> — {n} orphaned</numerusform>
                <numerusform> — {n} orphaned</numerusform>
            </translation>
        </message>
        <message>
            <source>خوانده‌نشده: {title}</source>
            <translation>Unread: {title}</translation>
        </message>
        <message>
            <source>بی‌تاریخ</source>
            <translation>undated</translation>
        </message>
        <message>
            <source>منبع نامعلوم</source>
            <translation>unknown source</translation>
        </message>
        <message>
            <source>زرد</source>
            <translation>yellow</translation>
        </message>
        <message>
            <source>سبز</source>
            <translation>green</translation>
        </message>
        <message>
            <source>آبی</source>
            <translation>blue</translation>
        </message>
        <message>
            <source>صورتی</source>
            <translation>pink</translation>
        </message>
        <message>
            <source>بنفش</source>
            <translation>purple</translation>
        </message>
        <message>
            <source>خواندن پوشه</source>
            <translation>Reading the folder</translation>
        </message>
        <message>
            <source>این پوشه باز نشد ({why}).</source>
            <translation>This folder could not be opened ({why}).</translation>
        </message>
        <message>
            <source>روز هفتهٔ «{named}» با تاریخ {date} (که {actual} است) نمی‌خواند؛ تاریخ نگه داشته شد</source>
            <translation>weekday «{named}» does not match {date} (a {actual}); date kept</translation>
        </message>
        <message>
            <source>با UTF-8 خوانده نمی‌شود: {why}</source>
            <translation>cannot be decoded as UTF-8: {why}</translation>
        </message>
        <message>
            <source>پرونده‌ای دودویی است (نویسهٔ NUL دارد)</source>
            <translation>binary file (contains NUL characters)</translation>
        </message>
        <message>
            <source>متن مقاله‌ای ندارد (خالی است یا فقط حاشیهٔ صفحه)</source>
            <translation>no article text (empty or only boilerplate)</translation>
        </message>
        <message>
            <source>پرونده‌ای معمولی نیست ({kind})، پس خوانده نشد</source>
            <translation>is {kind}, not a regular file, so it was not read</translation>
        </message>
        <message>
            <source>بیش از اندازه بزرگ است ({size}؛ پرونده‌های بزرگ‌تر از {limit} خوانده نمی‌شوند)</source>
            <translation>is too large ({size}; files over {limit} are not read)</translation>
        </message>
        <message>
            <source>بیش از اندازه بزرگ است (بیش از {limit}؛ پرونده‌های بزرگ‌تر خوانده نمی‌شوند)</source>
            <translation>is too large (over {limit}; larger files are not read)</translation>
        </message>
        <message>
            <source>بی‌انتظار خوانده نمی‌شود، پس خوانده نشد</source>
            <translation>cannot be read without waiting, so it was not read</translation>
        </message>
        <message>
            <source>{name} خوانده نمی‌شود ({why})؛ بدون برجسته‌سازی شمرده شد</source>
            <translation>{name} cannot be read ({why}); counted as no highlights</translation>
        </message>
        <message>
            <source>{why}؛ بدون برجسته‌سازی شمرده شد</source>
            <translation>{why}; counted as no highlights</translation>
        </message>
        <message>
            <source>برجسته‌سازی‌ها در {name} (در {folder}) ذخیره نشد: {why}. پروندهٔ پیشین دست‌نخورده مانده است.</source>
            <translation>Cannot save highlights to {name} in {folder}: {why}. The previous file is unchanged.</translation>
        </message>
        <message>
            <source>برجسته‌سازی‌ها در {name} ذخیره نشد: {why}. چیزی ذخیره نشد؛ کمی بعد دوباره بکوشید.</source>
            <translation>Cannot save highlights to {name}: {why}. Nothing was saved; try again in a moment.</translation>
        </message>
        <message>
            <source>پوشه فقط‌خواندنی است</source>
            <translation>the folder is read-only</translation>
        </message>
        <message>
            <source>دیسک پر است</source>
            <translation>the disk is full</translation>
        </message>
        <message>
            <source>؛ </source>
            <translation>; </translation>
        </message>
        <message>
            <source>{name}: {problem}</source>
            <translation>{name}: {problem}</translation>
        </message>
        <message>
            <source>ذخیره (Ctrl+Enter)</source>
            <translation>Save (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>انصراف (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>ذخیره نشد: {why}. متن شما این‌جا می‌ماند.</source>
            <translation>Not saved: {why}. Your text stays here.</translation>
        </message>
        <message>
            <source>یادداشت خود را بنویسید…</source>
            <translation>Write your note…</translation>
        </message>
        <message>
            <source>، </source>
            <translation>, </translation>
        </message>
        <message>
            <source>جدول CSV برای صفحه‌گسترده</source>
            <translation>CSV table for spreadsheets</translation>
        </message>
        <message>
            <source>Markdown برای خواندن</source>
            <translation>Markdown for reading</translation>
        </message>
        <message>
            <source>پروژهٔ REFI-QDA (NVivo، ATLAS.ti، MAXQDA)</source>
            <translation>REFI-QDA project (NVivo, ATLAS.ti, MAXQDA)</translation>
        </message>
        <message>
            <source>گزارش برچسب‌ها (CSV)</source>
            <translation>Tag report (CSV)</translation>
        </message>
        <message>
            <source>همهٔ خبرهای پوشه</source>
            <translation>Every article in the folder</translation>
        </message>
        <message>
            <source>فقط خبر جاری</source>
            <translation>The open article only</translation>
        </message>
        <message>
            <source>با پالایه</source>
            <translation>Filtered</translation>
        </message>
        <message>
            <source>چنین پوشه‌ای نیست</source>
            <translation>no such folder</translation>
        </message>
        <message>
            <source>اجازهٔ نوشتن در آن‌جا نیست</source>
            <translation>no permission to write there</translation>
        </message>
        <message>
            <source>آن‌جا فقط‌خواندنی است</source>
            <translation>that place is read-only</translation>
        </message>
        <message>
            <source>جای خالی روی دیسک نمانده</source>
            <translation>the disk is full</translation>
        </message>
        <message>
            <source>این مسیر یک پوشه است، نه پرونده</source>
            <translation>this path is a folder, not a file</translation>
        </message>
        <message>
            <source>بخشی از مسیر پوشه نیست</source>
            <translation>part of the path is not a folder</translation>
        </message>
        <message>
            <source>برون‌بری برجسته‌سازی‌ها</source>
            <translation>Export highlights</translation>
        </message>
        <message>
            <source>پالایه</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>برچسب‌ها، جدا با «،»</source>
            <translation>Tags, separated by commas</translation>
        </message>
        <message>
            <source>منبع‌ها، جدا با «،»</source>
            <translation>Sources, separated by commas</translation>
        </message>
        <message>
            <source>از</source>
            <translation>from</translation>
        </message>
        <message>
            <source>تا</source>
            <translation>to</translation>
        </message>
        <message>
            <source>برچسب:</source>
            <translation>Tag:</translation>
        </message>
        <message>
            <source>رنگ:</source>
            <translation>Colour:</translation>
        </message>
        <message>
            <source>منبع:</source>
            <translation>Source:</translation>
        </message>
        <message>
            <source>تاریخ (شمسی):</source>
            <translation>Date (Jalali):</translation>
        </message>
        <message>
            <source>انتخاب…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>گزارش برچسب‌ها</source>
            <translation>Tag report</translation>
        </message>
        <message>
            <source>قالب:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>دامنه:</source>
            <translation>Scope:</translation>
        </message>
        <message>
            <source>پرونده:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>برون‌بری</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>پالایه درست نیست: {why}</source>
            <translation>The filter is not valid: {why}</translation>
        </message>
        <message>
            <source>چیزی نوشته نشد: {why}</source>
            <translation>Nothing was written: {why}</translation>
        </message>
        <message>
            <source>در حال برون‌بری…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>نوشتن {target} ممکن نشد: {why}. چیزی نوشته نشد.</source>
            <translation>Could not write {target}: {why}. Nothing was written.</translation>
        </message>
        <message numerus="yes">
            <source>{n} برجسته‌سازی در {target} نوشته شد.</source>
            <translation>
                <numerusform>{n} highlight written to {target}.</numerusform>
                <numerusform>{n} highlights written to {target}.</numerusform>
            </translation>
        </message>
        <message>
            <source>خواندن برجسته‌سازی‌ها ممکن نشد: {why}</source>
            <translation>The highlights could not be read: {why}</translation>
        </message>
        <message>
            <source>جست‌وجو در این مقاله (همهٔ املاها)…</source>
            <translation>Find in this article (all spellings)…</translation>
        </message>
        <message>
            <source>قبلی</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>بعدی</source>
            <translation>Next</translation>
        </message>
        <message numerus="yes">
            <source>{n} از {total}</source>
            <translation>
                <numerusform>{n} of {total}</numerusform>
                <numerusform>{n} of {total}</numerusform>
            </translation>
        </message>
        <message>
            <source>یافت نشد</source>
            <translation>not found</translation>
        </message>
        <message>
            <source>پرونده روی دیسک تغییر کرد؛ دوباره خوانده شد</source>
            <translation>The file changed on disk; it was read again</translation>
        </message>
        <message>
            <source>میان‌برهای صفحه‌کلید</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>کلید</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>کار</source>
            <translation>Action</translation>
        </message>
        <message numerus="yes">
            <source>{n} سطر پنهان، کم‌رنگ نشان داده شد</source>
            <translation>
                <numerusform>{n} hidden lines shown faintly</numerusform>
                <numerusform>{n} hidden lines shown faintly</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} سطر پنهان شد</source>
            <translation>
                <numerusform>{n} lines hidden</numerusform>
                <numerusform>{n} lines hidden</numerusform>
            </translation>
        </message>
        <message>
            <source>سطری برای علامت‌گذاری نیست</source>
            <translation>No line to mark</translation>
        </message>
        <message>
            <source>علامت ذخیره نشد: {why}</source>
            <translation>The mark was not saved: {why}</translation>
        </message>
        <message>
            <source>در همهٔ مقاله‌های پوشه زائد شمرده می‌شود</source>
            <translation>Counted as furniture in every article of the folder</translation>
        </message>
        <message>
            <source>در همهٔ مقاله‌های پوشه نشان داده می‌شود</source>
            <translation>Shown in every article of the folder</translation>
        </message>
        <message>
            <source>حاشیه</source>
            <translation>Hashiye</translation>
        </message>
        <message>
            <source>از {date}</source>
            <translation>from {date}</translation>
        </message>
        <message>
            <source>تا {date}</source>
            <translation>to {date}</translation>
        </message>
        <message>
            <source>فقط مقاله‌های دارای برجسته‌سازی</source>
            <translation>Only articles with highlights</translation>
        </message>
        <message>
            <source>منبع</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>تاریخ</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>همهٔ منابع</source>
            <translation>All sources</translation>
        </message>
        <message>
            <source>تاریخ خوانده نشد: {what}</source>
            <translation>Date not understood: {what}</translation>
        </message>
        <message>
            <source>پالایش فهرست…</source>
            <translation>Filter the list…</translation>
        </message>
        <message>
            <source>تازه‌ترین</source>
            <translation>Newest</translation>
        </message>
        <message>
            <source>عنوان</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>فهرست مقاله‌ها</source>
            <translation>Article list</translation>
        </message>
        <message>
            <source>پالایه‌ها</source>
            <translation>Filters</translation>
        </message>
        <message>
            <source>باز کردن پوشهٔ مقاله‌ها</source>
            <translation>Open a folder of articles</translation>
        </message>
        <message>
            <source>پوسته: {name}</source>
            <translation>Theme: {name}</translation>
        </message>
        <message>
            <source>حالت مکان‌نما روشن است: با Shift و پیکان‌ها انتخاب کنید</source>
            <translation>Caret mode on: select with Shift and the arrow keys</translation>
        </message>
        <message>
            <source>حالت مکان‌نما خاموش شد</source>
            <translation>Caret mode off</translation>
        </message>
        <message>
            <source>&amp;پرونده</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;نما</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;رفتن</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;حاشیه‌نویسی</source>
            <translation>&amp;Annotate</translation>
        </message>
        <message>
            <source>ر&amp;اهنما</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>پوشه‌های اخیر</source>
            <translation>Recent folders</translation>
        </message>
        <message>
            <source>پوسته</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>نمایش برجسته‌سازی</source>
            <translation>Highlight style</translation>
        </message>
        <message>
            <source>زمینهٔ کم‌رنگ و زیرخط رنگی</source>
            <translation>Light fill and coloured underline</translation>
        </message>
        <message>
            <source>فقط زیرخط رنگی</source>
            <translation>Coloured underline only</translation>
        </message>
        <message>
            <source>زبان</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>نوار برجسته‌سازی انتخاب</source>
            <translation>Highlight bar of the selection</translation>
        </message>
        <message>
            <source>یادداشت…</source>
            <translation>Note…</translation>
        </message>
        <message>
            <source>برچسب‌ها…</source>
            <translation>Tags…</translation>
        </message>
        <message>
            <source>رونوشت نقل‌قول</source>
            <translation>Copy quote</translation>
        </message>
        <message>
            <source>نقل‌قول رونوشت شد</source>
            <translation>Quote copied</translation>
        </message>
        <message>
            <source>متن مقاله</source>
            <translation>Article text</translation>
        </message>
        <message>
            <source>{jalali} ({gregorian})</source>
            <translation>{jalali} ({gregorian})</translation>
        </message>
        <message>
            <source>کد خبر {code}</source>
            <translation>news code {code}</translation>
        </message>
        <message>
            <source>متن اصلی (Ctrl+U)</source>
            <translation>original text (Ctrl+U)</translation>
        </message>
        <message>
            <source>میلادی: {when}</source>
            <translation>Gregorian: {when}</translation>
        </message>
        <message>
            <source>در حال خواندن پوشه…</source>
            <translation>Reading the folder…</translation>
        </message>
        <message>
            <source>این مقاله بسیار بلند است: بندها بدون فاصله و با سطرهای فشرده نشان داده می‌شوند.</source>
            <translation>This article is very long: its paragraphs are shown without spacing, with tighter lines.</translation>
        </message>
        <message>
            <source>در حال خواندن این مقالهٔ بلند…</source>
            <translation>Reading this long article…</translation>
        </message>
        <message>
            <source>خواندن مقاله</source>
            <translation>Reading the article</translation>
        </message>
        <message>
            <source>نرمال‌سازی متن</source>
            <translation>Normalising the text</translation>
        </message>
        <message>
            <source>پروندهٔ این مقاله ({name}) روی دیسک حذف یا جابه‌جا شد. متن تا انتخاب مقالهٔ دیگری این‌جا می‌ماند؛ برجسته‌سازی روی آن ممکن نیست.</source>
            <translation>This article's file ({name}) was deleted or moved on disk. Its text stays here until you choose another article; it cannot be highlighted.</translation>
        </message>
        <message>
            <source>جست‌وجو در همهٔ مقاله‌ها</source>
            <translation>Search all articles</translation>
        </message>
        <message>
            <source>نمایه‌سازی %v از %m</source>
            <translation>Indexing %v of %m</translation>
        </message>
        <message>
            <source>در حال به‌روز کردن نمایه…</source>
            <translation>Updating the index…</translation>
        </message>
        <message>
            <source>نمایه</source>
            <translation>Index</translation>
        </message>
        <message>
            <source>نمایه ساخته نشد: {why}</source>
            <translation>The index could not be built: {why}</translation>
        </message>
        <message>
            <source>جست‌وجو</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>جست‌وجو ممکن نشد: {why}</source>
            <translation>The search failed: {why}</translation>
        </message>
        <message numerus="yes">
            <source>{n} یافته</source>
            <translation>
                <numerusform>{n} hit</numerusform>
                <numerusform>{n} hits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>دست‌کم {n} یافته</source>
            <translation>
                <numerusform>at least {n} hits</numerusform>
                <numerusform>at least {n} hits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>نخستین {n} نمایش داده شده</source>
            <translation>
                <numerusform>first {n} shown</numerusform>
                <numerusform>first {n} shown</numerusform>
            </translation>
        </message>
        <message>
            <source>چیزی یافت نشد</source>
            <translation>Nothing found</translation>
        </message>
        <message>
            <source>مقالهٔ بعدی</source>
            <translation>Next article</translation>
        </message>
        <message>
            <source>مقالهٔ قبلی</source>
            <translation>Previous article</translation>
        </message>
        <message>
            <source>برجسته‌سازی با رنگ جاری</source>
            <translation>Highlight in the current colour</translation>
        </message>
        <message>
            <source>برجسته‌سازی زرد</source>
            <translation>Highlight yellow</translation>
        </message>
        <message>
            <source>برجسته‌سازی سبز</source>
            <translation>Highlight green</translation>
        </message>
        <message>
            <source>برجسته‌سازی آبی</source>
            <translation>Highlight blue</translation>
        </message>
        <message>
            <source>برجسته‌سازی صورتی</source>
            <translation>Highlight pink</translation>
        </message>
        <message>
            <source>برجسته‌سازی بنفش</source>
            <translation>Highlight purple</translation>
        </message>
        <message>
            <source>یادداشت برجسته‌سازی جاری</source>
            <translation>Note on the current highlight</translation>
        </message>
        <message>
            <source>برچسب‌های برجسته‌سازی جاری</source>
            <translation>Tags of the current highlight</translation>
        </message>
        <message>
            <source>برجسته‌سازی بعدی</source>
            <translation>Next highlight</translation>
        </message>
        <message>
            <source>برجسته‌سازی قبلی</source>
            <translation>Previous highlight</translation>
        </message>
        <message>
            <source>حذف برجسته‌سازی جاری</source>
            <translation>Delete the current highlight</translation>
        </message>
        <message>
            <source>واگرد</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>ازنو</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>جست‌وجو در مقاله</source>
            <translation>Find in the article</translation>
        </message>
        <message>
            <source>همهٔ برجسته‌سازی‌های پوشه</source>
            <translation>All highlights of the folder</translation>
        </message>
        <message>
            <source>رفتن به بخش بعدی پنجره</source>
            <translation>Next part of the window</translation>
        </message>
        <message>
            <source>رفتن به بخش قبلی پنجره</source>
            <translation>Previous part of the window</translation>
        </message>
        <message>
            <source>حالت مکان‌نما (انتخاب دقیق با Shift+پیکان)</source>
            <translation>Caret mode (precise selection with Shift+arrows)</translation>
        </message>
        <message>
            <source>متن پاکیزه / متن اصلی</source>
            <translation>Clean text / original text</translation>
        </message>
        <message>
            <source>نمایش / پنهان کردن سطرهای پنهان‌شده</source>
            <translation>Show / hide the hidden lines</translation>
        </message>
        <message>
            <source>این سطر زائد نیست (در همهٔ پوشه)</source>
            <translation>This line is not furniture (whole folder)</translation>
        </message>
        <message>
            <source>این سطر زائد است (در همهٔ پوشه)</source>
            <translation>This line is furniture (whole folder)</translation>
        </message>
        <message>
            <source>بزرگ‌تر کردن متن</source>
            <translation>Larger text</translation>
        </message>
        <message>
            <source>کوچک‌تر کردن متن</source>
            <translation>Smaller text</translation>
        </message>
        <message>
            <source>اندازهٔ پیش‌فرض متن</source>
            <translation>Default text size</translation>
        </message>
        <message>
            <source>سطرهای بلندتر</source>
            <translation>Longer lines</translation>
        </message>
        <message>
            <source>سطرهای کوتاه‌تر</source>
            <translation>Shorter lines</translation>
        </message>
        <message>
            <source>پوستهٔ بعدی: روشن، کاغذی، تیره</source>
            <translation>Next theme: light, sepia, dark</translation>
        </message>
        <message>
            <source>زبان: فارسی / English</source>
            <translation type="vanished">Language: فارسی / English</translation>
        </message>
        <message>
            <source>باز کردن پوشه</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>راهنمای میان‌برها</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>خروج</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>در فهرست: جابه‌جایی میان مقاله‌ها؛ در متن: جابه‌جایی تمرکز جمله</source>
            <translation>In the list: move between articles; in the text: move the sentence focus</translation>
        </message>
        <message>
            <source>در متن: گسترش تمرکز به جملهٔ قبلی/بعدی</source>
            <translation>In the text: extend the focus to the previous/next sentence</translation>
        </message>
        <message>
            <source>در فهرست: رفتن به متن؛ در فهرست برجسته‌سازی‌ها: پرش به برجسته‌سازی</source>
            <translation>In the list: go to the text; in the highlight list: jump to the highlight</translation>
        </message>
        <message>
            <source>در ویرایشگر یادداشت: ذخیره / انصراف</source>
            <translation>In the note editor: save / cancel</translation>
        </message>
        <message numerus="yes">
            <source>خواندن مقاله‌ها: {n} از {total}</source>
            <translation>
                <numerusform>Reading articles: {n} of {total}</numerusform>
                <numerusform>Reading articles: {n} of {total}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} پرونده خوانده نشد</source>
            <translation>
                <numerusform>{n} file not read</numerusform>
                <numerusform>{n} files not read</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} هشدار</source>
            <translation>
                <numerusform>{n} warning</numerusform>
                <numerusform>{n} warnings</numerusform>
            </translation>
        </message>
        <message>
            <source>{what} — جزئیات</source>
            <translation>{what} — details</translation>
        </message>
        <message numerus="yes">
            <source>{n} مورد در این پوشه نیاز به توجه دارد.</source>
            <translation>
                <numerusform>{n} item in this folder needs attention.</numerusform>
                <numerusform>{n} items in this folder need attention.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} پرونده خوانده نشد و در فهرست نیست؛ چیزی از آن تغییر نکرده است.</source>
            <translation>
                <numerusform>{n} file could not be read and is not listed; nothing in it was changed.</numerusform>
                <numerusform>{n} files could not be read and are not listed; nothing in them was changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} مقاله نمایش داده می‌شود، با هشداری که در جزئیات آمده است.</source>
            <translation>
                <numerusform>{n} article is shown, with a warning given in the details.</numerusform>
                <numerusform>{n} articles are shown, with warnings given in the details.</numerusform>
            </translation>
        </message>
        <message>
            <source>ماه</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>(بی‌برچسب)</source>
            <translation>(no tag)</translation>
        </message>
        <message>
            <source>(منبع نامعلوم)</source>
            <translation>(unknown source)</translation>
        </message>
        <message>
            <source>(تاریخ نامعلوم)</source>
            <translation>(unknown date)</translation>
        </message>
        <message>
            <source>گونه</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>مقدار</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>خبرها</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>همه</source>
            <translation>All</translation>
        </message>
        <message>
            <source>نمایش:</source>
            <translation>Show:</translation>
        </message>
        <message>
            <source>روشن</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>کاغذی</source>
            <translation>Sepia</translation>
        </message>
        <message>
            <source>تیره</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>یادداشتی ذخیره‌نشده برای {name} پیدا شد، ولی این مقاله دیگر در پوشه نیست. متن یادداشت: {note}</source>
            <translation>An unsaved note was found for {name}, but that article is no longer in the folder. The note reads: {note}</translation>
        </message>
        <message numerus="yes">
            <source>{n} نویسه در هر سطر</source>
            <translation>
                <numerusform>{n} characters per line</numerusform>
                <numerusform>{n} characters per line</numerusform>
            </translation>
        </message>
        <message>
            <source>سطرها به پهنای صفحه</source>
            <translation>Lines as wide as the page</translation>
        </message>
        <message>
            <source>زبان: {name}</source>
            <translation>Language: {name}</translation>
        </message>
        <message>
            <source>این برجسته‌سازی کد «{code}» را دارد</source>
            <translation>This highlight already has the code «{code}»</translation>
        </message>
        <message>
            <source>کد «{code}»</source>
            <translation>Code «{code}»</translation>
        </message>
        <message>
            <source>کد «{code}» زده شد (Ctrl+Z برای واگرد)</source>
            <translation>Code «{code}» applied (Ctrl+Z to undo)</translation>
        </message>
        <message>
            <source>کدگذار</source>
            <translation>Coder</translation>
        </message>
        <message>
            <source>همهٔ کدگذاران</source>
            <translation>All coders</translation>
        </message>
        <message>
            <source>کدگذار برجسته‌سازی‌ها</source>
            <translation>Coder of the highlights</translation>
        </message>
        <message>
            <source>کدگذار: {name}</source>
            <translation>Coder: {name}</translation>
        </message>
        <message>
            <source>رنگ دیگر…</source>
            <translation>Other colour…</translation>
        </message>
        <message>
            <source>کد تازه</source>
            <translation>New code</translation>
        </message>
        <message>
            <source>ویرایش کد</source>
            <translation>Edit the code</translation>
        </message>
        <message>
            <source>نام</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>توضیح</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>کد مادر</source>
            <translation>Parent code</translation>
        </message>
        <message>
            <source>این کد کجا به کار می‌رود</source>
            <translation>Where this code applies</translation>
        </message>
        <message>
            <source>کدها</source>
            <translation>Codes</translation>
        </message>
        <message>
            <source>کدها خوانده نشدند: {why}</source>
            <translation>The codes could not be read: {why}</translation>
        </message>
        <message>
            <source>کدنامه</source>
            <translation>Codebook</translation>
        </message>
        <message>
            <source>کد</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>درخت کدها</source>
            <translation>Tree of codes</translation>
        </message>
        <message>
            <source>زدن</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>زدن این کد به برجسته‌سازی جاری (Ctrl+Enter)</source>
            <translation>Put this code on the current highlight (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>تازه…</source>
            <translation>New…</translation>
        </message>
        <message>
            <source>ویرایش…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>رنگ، توضیح و کد مادر</source>
            <translation>Colour, description and parent code</translation>
        </message>
        <message>
            <source>تغییر نام…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <source>تغییر نام در همهٔ برجسته‌سازی‌ها (F2)</source>
            <translation>Rename on every highlight (F2)</translation>
        </message>
        <message>
            <source>ادغام…</source>
            <translation>Merge…</translation>
        </message>
        <message>
            <source>ادغام در کدی دیگر</source>
            <translation>Merge into another code</translation>
        </message>
        <message>
            <source>حذف…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>حذف کد از کدنامه و از برجسته‌سازی‌ها (Delete)</source>
            <translation>Delete the code from the codebook and the highlights (Delete)</translation>
        </message>
        <message>
            <source>در حال شمردن کدها…</source>
            <translation>Counting the codes…</translation>
        </message>
        <message numerus="yes">
            <source>{n} کد</source>
            <translation>
                <numerusform>{n} code</numerusform>
                <numerusform>{n} codes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} برچسب روی برجسته‌سازی‌ها</source>
            <translation>
                <numerusform>{n} tag on highlights</numerusform>
                <numerusform>{n} tags on highlights</numerusform>
            </translation>
        </message>
        <message>
            <source>{what} (Ctrl+Z برای واگرد)</source>
            <translation>{what} (Ctrl+Z to undo)</translation>
        </message>
        <message>
            <source>ویرایش کد «{code}»</source>
            <translation>Edit code «{code}»</translation>
        </message>
        <message>
            <source>تغییر نام کد</source>
            <translation>Rename the code</translation>
        </message>
        <message>
            <source>نام تازهٔ «{code}» (در همهٔ برجسته‌سازی‌ها):</source>
            <translation>New name of «{code}» (on every highlight):</translation>
        </message>
        <message>
            <source>ادغام کد</source>
            <translation>Merge the code</translation>
        </message>
        <message>
            <source>«{code}» در کدام کد ادغام شود؟</source>
            <translation>Merge «{code}» into which code?</translation>
        </message>
        <message>
            <source>تغییر نام «{old}» به «{new}»</source>
            <translation>Rename «{old}» to «{new}»</translation>
        </message>
        <message>
            <source>ادغام «{old}» در «{new}»</source>
            <translation>Merge «{old}» into «{new}»</translation>
        </message>
        <message>
            <source>حذف کد</source>
            <translation>Delete the code</translation>
        </message>
        <message numerus="yes">
            <source>کد «{code}» را {n} برجسته‌سازی در {m} مقاله دارند. کد از کدنامه و از این برجسته‌سازی‌ها برداشته شود؟ خود برجسته‌سازی‌ها می‌مانند (Ctrl+Z برای واگرد).</source>
            <translation>
                <numerusform>{n} highlight in {m} article(s) carries the code «{code}». Take the code off the codebook and off it? The highlight itself stays (Ctrl+Z to undo).</numerusform>
                <numerusform>{n} highlights in {m} article(s) carry the code «{code}». Take the code off the codebook and off them? The highlights themselves stay (Ctrl+Z to undo).</numerusform>
            </translation>
        </message>
        <message>
            <source>حذف کد «{code}»</source>
            <translation>Delete code «{code}»</translation>
        </message>
        <message numerus="yes">
            <source>{n} برجسته‌سازی در {m} مقاله</source>
            <translation>
                <numerusform>{n} highlight in {m} article(s)</numerusform>
                <numerusform>{n} highlights in {m} article(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>در کدنامه نیست (برچسبی روی برجسته‌سازی‌ها)</source>
            <translation>Not in the codebook (a tag on highlights)</translation>
        </message>
        <message>
            <source>{key}: زدن به برجسته‌سازی جاری</source>
            <translation>{key}: put it on the current highlight</translation>
        </message>
        <message>
            <source>کدهای اخیر</source>
            <translation>Recent codes</translation>
        </message>
        <message>
            <source>نام کدگذار…</source>
            <translation>Coder name…</translation>
        </message>
        <message>
            <source>زدن کد «{code}»</source>
            <translation>Apply code «{code}»</translation>
        </message>
        <message numerus="yes">
            <source>کد اخیر {n} (هنوز نیست)</source>
            <translation>
                <numerusform>Recent code {n} (none yet)</numerusform>
                <numerusform>Recent code {n} (none yet)</numerusform>
            </translation>
        </message>
        <message>
            <source>هیچ مقاله‌ای کد «{code}» را ندارد</source>
            <translation>No article has the code «{code}»</translation>
        </message>
        <message>
            <source>فهرست: مقاله‌های دارای کد «{code}»</source>
            <translation>List: the articles with the code «{code}»</translation>
        </message>
        <message numerus="yes">
            <source>کد اخیری برای Alt+{n} نیست: کدی را با t یا از کدنامه (Ctrl+Shift+B) به برجسته‌سازی‌ای بزنید</source>
            <translation>
                <numerusform>No recent code for Alt+{n}: put a code on a highlight with t or from the codebook (Ctrl+Shift+B)</numerusform>
                <numerusform>No recent code for Alt+{n}: put a code on a highlight with t or from the codebook (Ctrl+Shift+B)</numerusform>
            </translation>
        </message>
        <message>
            <source>برجسته‌سازی‌های تازه بی‌نام کدگذار ذخیره می‌شوند</source>
            <translation>New highlights are saved without a coder's name</translation>
        </message>
        <message>
            <source>نام کدگذار</source>
            <translation>Coder name</translation>
        </message>
        <message>
            <source>برجسته‌سازی‌های تازه با این نام ذخیره می‌شوند (W3C creator). خالی: بی‌نام.</source>
            <translation>New highlights are saved with this name (W3C creator). Empty: no name.</translation>
        </message>
        <message>
            <source>نام شما، مانند سارا</source>
            <translation>Your name, such as Sara</translation>
        </message>
        <message>
            <source>پالایه: کدگذار</source>
            <translation>Filter: coder</translation>
        </message>
        <message>
            <source>کدنامه: کدها، شمار و رنگشان</source>
            <translation>Codebook: the codes, their counts and colours</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۱ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 1 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۲ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 2 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۳ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 3 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۴ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 4 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۵ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 5 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۶ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 6 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۷ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 7 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۸ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 8 to the current highlight</translation>
        </message>
        <message>
            <source>زدن کد اخیر ۹ به برجسته‌سازی جاری</source>
            <translation>Apply recent code 9 to the current highlight</translation>
        </message>
        <message>
            <source>کدگذاران برای مقایسه</source>
            <translation>Coders to compare</translation>
        </message>
        <message>
            <source>با فاصله تیک بزنید یا بردارید</source>
            <translation>Space ticks or unticks</translation>
        </message>
        <message>
            <source>واحد مقایسه</source>
            <translation>Unit compared</translation>
        </message>
        <message>
            <source>جمله، بند یا مقاله</source>
            <translation>Sentence, paragraph or article</translation>
        </message>
        <message>
            <source>کد برای مقایسه</source>
            <translation>Code compared</translation>
        </message>
        <message>
            <source>جدول توافق برای هر کد</source>
            <translation>Agreement per code</translation>
        </message>
        <message>
            <source>ناهمداستانی‌ها</source>
            <translation>Disagreements</translation>
        </message>
        <message>
            <source>نوع نمودار</source>
            <translation>Kind of chart</translation>
        </message>
        <message>
            <source>کدها در هر ماه، در هر منبع، یا هم‌رخدادی کدها</source>
            <translation>Codes by month, by source, or their co-occurrence</translation>
        </message>
        <message>
            <source>نمودار</source>
            <translation>Chart</translation>
        </message>
        <message>
            <source>متن واحد</source>
            <translation>Text of the unit</translation>
        </message>
        <message>
            <source>کدهای {name}</source>
            <translation>Codes of {name}</translation>
        </message>
        <message numerus="yes">
            <source>{n}٪</source>
            <translation>
                <numerusform>{n}%</numerusform>
                <numerusform>{n}%</numerusform>
            </translation>
        </message>
        <message>
            <source>هر دو</source>
            <translation>Both</translation>
        </message>
        <message>
            <source>فقط {name}</source>
            <translation>{name} only</translation>
        </message>
        <message>
            <source>هیچ‌کدام</source>
            <translation>Neither</translation>
        </message>
        <message>
            <source>درصد توافق</source>
            <translation>Percent agreement</translation>
        </message>
        <message>
            <source>کاپای کوهن</source>
            <translation>Cohen's kappa</translation>
        </message>
        <message>
            <source>کدگذاری {name}</source>
            <translation>Coded by {name}</translation>
        </message>
        <message>
            <source>آلفای کریپندورف</source>
            <translation>Krippendorff's alpha</translation>
        </message>
        <message>
            <source>(همهٔ کدها)</source>
            <translation>(all codes)</translation>
        </message>
        <message>
            <source>جمله</source>
            <translation>Sentence</translation>
        </message>
        <message>
            <source>بند</source>
            <translation>Paragraph</translation>
        </message>
        <message>
            <source>توافق کدگذاران</source>
            <translation>Agreement between coders</translation>
        </message>
        <message>
            <source>کدگذاران (دست‌کم دو)</source>
            <translation>Coders (two or more)</translation>
        </message>
        <message>
            <source>واحد</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>ناهمداستانی‌ها (Enter: باز کردن در متن)</source>
            <translation>Disagreements (Enter: open in the reader)</translation>
        </message>
        <message>
            <source>محاسبه</source>
            <translation>Compute</translation>
        </message>
        <message>
            <source>همهٔ کدها</source>
            <translation>All codes</translation>
        </message>
        <message>
            <source>کدگذاران</source>
            <translation>Coders</translation>
        </message>
        <message>
            <source>در این پوشه کمتر از دو کدگذار برجسته‌سازی کرده‌اند؛ نام کدگذار در تنظیمات یا با --coder در خط فرمان ثبت می‌شود.</source>
            <translation>Fewer than two coders have highlighted in this folder; a coder's name is set in the settings or with --coder on the command line.</translation>
        </message>
        <message>
            <source>دست‌کم دو کدگذار را برگزینید.</source>
            <translation>Choose two coders or more.</translation>
        </message>
        <message>
            <source>در حال محاسبه…</source>
            <translation>Computing…</translation>
        </message>
        <message numerus="yes">
            <source>{n} واحد</source>
            <translation>
                <numerusform>{n} unit</numerusform>
                <numerusform>{n} units</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} ناهمداستانی</source>
            <translation>
                <numerusform>{n} disagreement</numerusform>
                <numerusform>{n} disagreements</numerusform>
            </translation>
        </message>
        <message>
            <source>{names} اینجا چیزی کدگذاری نکرده است</source>
            <translation>{names} coded nothing here</translation>
        </message>
        <message>
            <source>کدها در هر ماه</source>
            <translation>Codes by Jalali month</translation>
        </message>
        <message>
            <source>کدها در هر منبع</source>
            <translation>Codes by source</translation>
        </message>
        <message>
            <source>هم‌رخدادی کدها</source>
            <translation>Co-occurrence of codes</translation>
        </message>
        <message>
            <source>نمودارها</source>
            <translation>Charts</translation>
        </message>
        <message>
            <source>برون‌بری نمودار…</source>
            <translation>Export the chart…</translation>
        </message>
        <message>
            <source>در حال شمارش…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>هنوز هیچ برجسته‌سازی کددار (برچسب‌دار) در این پوشه نیست.</source>
            <translation>No highlight in this folder carries a code (a tag) yet.</translation>
        </message>
        <message>
            <source>برون‌بری نمودار</source>
            <translation>Export the chart</translation>
        </message>
        <message>
            <source>نمودار در {target} نوشته شد.</source>
            <translation>The chart was written to {target}.</translation>
        </message>
        <message>
            <source>پیش از یافته</source>
            <translation>Before the hit</translation>
        </message>
        <message>
            <source>یافته</source>
            <translation>Hit</translation>
        </message>
        <message>
            <source>پس از یافته</source>
            <translation>After the hit</translation>
        </message>
        <message>
            <source>ترتیب متن</source>
            <translation>Text order</translation>
        </message>
        <message>
            <source>واژهٔ پیش از یافته</source>
            <translation>The word before the hit</translation>
        </message>
        <message>
            <source>واژهٔ پس از یافته</source>
            <translation>The word after the hit</translation>
        </message>
        <message>
            <source>ترتیب</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>این جا در سطرهایی است که نمای پاکیزه پنهان کرده است؛ Ctrl+Shift+H آن‌ها را نشان می‌دهد.</source>
            <translation>This place is in lines the clean view hides; Ctrl+Shift+H shows them.</translation>
        </message>
        <message>
            <source>واژه در بافت (هر یافته در یک سطر)</source>
            <translation>Keyword in context (one line per hit)</translation>
        </message>
        <message>
            <source>یافته‌ها در بافت</source>
            <translation>Hits in context</translation>
        </message>
        <message>
            <source>نمودار کدها: ماه، منبع، هم‌رخدادی</source>
            <translation>Charts of the codes: month, source, co-occurrence</translation>
        </message>
        <message>
            <source>این مقاله کامل نشان داده نمی‌شود: {shown} نویسه از {whole} نشان داده شده است، تا سطری بی‌فاصله که برای نمایش بیش از حد بلند است. hashiye-cli show همهٔ متن را چاپ می‌کند.</source>
            <translation>This article is not shown whole: {shown} of its {whole} characters are shown, up to a line with no spaces that is too long to show. hashiye-cli show prints all of the text.</translation>
        </message>
        <message>
            <source>خود یافته</source>
            <translation>The hit itself</translation>
        </message>
        <message>
            <source>جملهٔ دربرگیرندهٔ یافته</source>
            <translation>The sentence holding the hit</translation>
        </message>
        <message>
            <source>کدگذاری همهٔ یافته‌ها</source>
            <translation>Code all hits</translation>
        </message>
        <message>
            <source>&amp;کد</source>
            <translation>&amp;Code</translation>
        </message>
        <message>
            <source>&amp;واحد</source>
            <translation>&amp;Unit</translation>
        </message>
        <message>
            <source>&amp;رنگ</source>
            <translation>Co&amp;lour</translation>
        </message>
        <message>
            <source>نام کد، مانند اقتصاد</source>
            <translation>Code name, e.g. economy</translation>
        </message>
        <message>
            <source>بی‌نام (حاشیه‌نویسی ▸ نام کدگذار…)</source>
            <translation>Unnamed (Annotate ▸ Coder name…)</translation>
        </message>
        <message>
            <source>کدگذاری</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>در حال شمردن…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>پیش‌نمایش کدگذاری</source>
            <translation>Coding preview</translation>
        </message>
        <message>
            <source>شمرده نشد: {why}</source>
            <translation>Could not count: {why}</translation>
        </message>
        <message>
            <source>کدی بنویسید یا برگزینید.</source>
            <translation>Type or choose a code.</translation>
        </message>
        <message numerus="yes">
            <source>{n} برجسته‌سازی تازه در {m} مقاله ساخته می‌شود.</source>
            <translation>
                <numerusform>{n} new highlight will be created in {m} articles.</numerusform>
                <numerusform>{n} new highlights will be created in {m} articles.</numerusform>
            </translation>
        </message>
        <message>
            <source>چیزی برای افزودن نیست: همهٔ یافته‌ها این کد را دارند.</source>
            <translation>Nothing to add: every hit has this code already.</translation>
        </message>
        <message>
            <source>کدگذاری خودکار</source>
            <translation>Autocoding</translation>
        </message>
        <message>
            <source>کدگذاری ممکن نشد: {why}</source>
            <translation>Coding was not possible: {why}</translation>
        </message>
        <message numerus="yes">
            <source>کدگذاری «{tag}»: {n} برجسته‌سازی در {m} مقاله</source>
            <translation>
                <numerusform>Code “{tag}”: {n} highlight in {m} articles</numerusform>
                <numerusform>Code “{tag}”: {n} highlights in {m} articles</numerusform>
            </translation>
        </message>
        <message>
            <source>{what} ساخته شد (Ctrl+Z واگرد می‌کند)</source>
            <translation>{what} created (Ctrl+Z undoes it)</translation>
        </message>
        <message>
            <source>کدگذاری «{tag}»: برجسته‌سازی تازه‌ای لازم نبود (همه پیش‌تر بودند)</source>
            <translation>Code “{tag}”: no new highlight was needed (all were there already)</translation>
        </message>
        <message>
            <source>پیش از پایان متوقف شد: {why}</source>
            <translation>stopped before the end: {why}</translation>
        </message>
        <message>
            <source>لغو شد؛ آنچه ذخیره شده بود می‌ماند</source>
            <translation>cancelled; what was saved stays (and is undoable)</translation>
        </message>
        <message>
            <source>چیزی بجویید، سپس «کدگذاری همهٔ یافته‌ها…» را بزنید.</source>
            <translation>Search for something, then press “Code all hits…”.</translation>
        </message>
        <message>
            <source>کدگذاری همهٔ یافته‌ها…</source>
            <translation>Code all hits…</translation>
        </message>
        <message>
            <source>هر یافتهٔ این جست‌وجو را در همهٔ مقاله‌ها با یک کد برجسته کن (یک گام واگرد)</source>
            <translation>Mark every hit of this search in every article with a code (one undo step)</translation>
        </message>
        <message>
            <source>توقف کدگذاری</source>
            <translation>Stop coding</translation>
        </message>
        <message>
            <source>نخست چیزی بجویید که یافته‌ای داشته باشد.</source>
            <translation>First search for something that has hits.</translation>
        </message>
        <message>
            <source>کدگذاری %v از %m مقاله</source>
            <translation>Coding %v of %m articles</translation>
        </message>
        <message>
            <source>کدگذاری همهٔ یافته‌های جست‌وجو…</source>
            <translation>Code all hits of the search…</translation>
        </message>
        <message>
            <source>زبان بعدی</source>
            <translation>Next language</translation>
        </message>
    </context>
</TS>
