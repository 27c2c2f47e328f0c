"""English texts of the UI as a table (text in the code -> English), kept as an inbox only.

Not read at run time: the English texts live in resources/translations/hashiye_en.ts (see i18n.py).
Entries appended here are brought into the .ts with
`python tools/i18n.py extract --from-dict gui/strings_en.py && python tools/i18n.py compile`.
A value may be a pair (one, many) for a text with an `{n}` value.
"""

from __future__ import annotations

EN: dict[str, str | tuple[str, str]] = {
    # Append new texts here (text in the code: English), then run `make i18n`; once they are in the
    # .ts they may be removed from here.
    # autocoding from the search pane (gui/autocode_dialog.py, gui/autocode_run.py)
    "کدگذاری همهٔ یافته‌های جست‌وجو…": "Code all hits of the search…",
    "کدگذاری همهٔ یافته‌ها…": "Code all hits…",
    "کدگذاری همهٔ یافته‌ها": "Code all hits",
    "هر یافتهٔ این جست‌وجو را در همهٔ مقاله‌ها با یک کد برجسته کن (یک گام واگرد)":
        "Mark every hit of this search in every article with a code (one undo step)",
    "توقف کدگذاری": "Stop coding",
    "کدگذاری %v از %m مقاله": "Coding %v of %m articles",
    "نخست چیزی بجویید که یافته‌ای داشته باشد.": "First search for something that has hits.",
    "چیزی بجویید، سپس «کدگذاری همهٔ یافته‌ها…» را بزنید.": "Search for something, then press “Code all hits…”.",
    "کدگذاری خودکار": "Autocoding",
    "کدگذاری ممکن نشد: {why}": "Coding was not possible: {why}",
    "کدگذاری «{tag}»: {n} برجسته‌سازی در {m} مقاله": ("Code “{tag}”: {n} highlight in {m} articles",
                                                   "Code “{tag}”: {n} highlights in {m} articles"),
    "{what} ساخته شد (Ctrl+Z واگرد می‌کند)": "{what} created (Ctrl+Z undoes it)",
    "کدگذاری «{tag}»: برجسته‌سازی تازه‌ای لازم نبود (همه پیش‌تر بودند)":
        "Code “{tag}”: no new highlight was needed (all were there already)",
    "پیش از پایان متوقف شد: {why}": "stopped before the end: {why}",
    "لغو شد؛ آنچه ذخیره شده بود می‌ماند": "cancelled; what was saved stays (and is undoable)",
    "خود یافته": "The hit itself",
    "جملهٔ دربرگیرندهٔ یافته": "The sentence holding the hit",
    "&کد": "&Code",
    "&واحد": "&Unit",
    "&رنگ": "Co&lour",
    "کدگذار": "Coder",
    "نام کد، مانند اقتصاد": "Code name, e.g. economy",
    "بی‌نام (حاشیه‌نویسی ▸ نام کدگذار…)": "Unnamed (Annotate ▸ Coder name…)",
    "کدگذاری": "Code",
    "در حال شمردن…": "Counting…",
    "پیش‌نمایش کدگذاری": "Coding preview",
    "شمرده نشد: {why}": "Could not count: {why}",
    "کدی بنویسید یا برگزینید.": "Type or choose a code.",
    "{n} برجسته‌سازی تازه در {m} مقاله ساخته می‌شود.": ("{n} new highlight will be created in {m} articles.",
                                                       "{n} new highlights will be created in {m} articles."),
    "چیزی برای افزودن نیست: همهٔ یافته‌ها این کد را دارند.": "Nothing to add: every hit has this code already.",
}
