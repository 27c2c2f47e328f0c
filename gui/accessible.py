"""Accessible names and descriptions of every control, in one table, in the interface language.

A screen reader says a control's accessible name; Qt makes one from a button's text or a label's
buddy and leaves fields, lists and icon buttons unnamed (or calls them after their group box, so
two date fields were both «پالایه»). Each part or dialog is named here by its attributes when it is
made (`name_parts(part)`); tests/gui/test_accessible.py reads the names through QAccessible.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .i18n import N_, tr

# class name -> attribute -> (name, description)
NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "ListPane": {
        "filter_edit": (N_("پالایش فهرست مقاله‌ها"), N_("واژه‌ای از عنوان، منبع یا متن؛ فهرست همان‌جا کوتاه می‌شود")),
        "sort_box": (N_("ترتیب فهرست"), N_("تازه‌ترین، عنوان یا منبع")),
        "filters_button": (N_("پالایه‌های بیشتر"), N_("منبع، تاریخ، برچسب")),
    },
    "ListFilters": {
        "source": (N_("پالایه: منبع"), ""),
        "tag": (N_("پالایه: برچسب"), ""),
        "date_from": (N_("پالایه: از تاریخ"), N_("تاریخ شمسی، مانند ۱۴۰۲-۰۱-۰۱")),
        "date_to": (N_("پالایه: تا تاریخ"), N_("تاریخ شمسی، مانند ۱۴۰۲-۱۲-۲۹")),
    },
    "FindBar": {
        "edit": (N_("جست‌وجو در این مقاله"), N_("Enter: یافتهٔ بعدی؛ Shift+Enter: قبلی؛ Esc: بستن")),
        "prev_button": (N_("یافتهٔ قبلی"), ""),
        "next_button": (N_("یافتهٔ بعدی"), ""),
        "close_button": (N_("بستن نوار جست‌وجو"), ""),
    },
    "NoteEditor": {"edit": (N_("متن یادداشت"), N_("Ctrl+Enter: ذخیره؛ Esc: انصراف"))},
    "TagEditor": {"edit": (N_("برچسب‌های برجسته‌سازی"), N_("برچسب‌ها را با ویرگول جدا کنید."))},
    "ExportDialog": {
        "format_box": (N_("قالب برون‌بری"), ""),
        "tag_edit": (N_("پالایه: برچسب‌ها"), ""),
        "color_box": (N_("پالایه: رنگ"), ""),
        "source_edit": (N_("پالایه: منبع‌ها"), ""),
        "from_edit": (N_("از تاریخ"), N_("تاریخ شمسی، مانند ۱۴۰۲-۰۱-۰۱")),
        "to_edit": (N_("تا تاریخ"), N_("تاریخ شمسی، مانند ۱۴۰۲-۱۲-۲۹")),
        "path_edit": (N_("پروندهٔ برون‌بری"), ""),
        "browse_button": (N_("انتخاب پروندهٔ برون‌بری"), ""),
    },
    "SearchPanel": {
        "query": (N_("عبارت جست‌وجو"), N_("واژه یا «عبارت» — همهٔ املاها و شکل‌ها")),
        "results": (N_("نتیجه‌های جست‌وجو"), N_("Enter: باز کردن در متن")),
    },
    "AnnotationBrowser": {
        "text": (N_("پالایش برجسته‌سازی‌ها"), N_("متن، یادداشت یا برچسب…")),
        "tag": (N_("برچسب برجسته‌سازی‌ها"), ""),
        "color": (N_("رنگ برجسته‌سازی‌ها"), ""),
        "table": (N_("جدول برجسته‌سازی‌ها"), N_("Enter: باز کردن در متن")),
    },
    # analysis panes (issue 16)
    "AgreementPane": {
        "coders": (N_("کدگذاران برای مقایسه"), N_("با فاصله تیک بزنید یا بردارید")),
        "unit": (N_("واحد مقایسه"), N_("جمله، بند یا مقاله")),
        "code": (N_("کد برای مقایسه"), ""),
        "table": (N_("جدول توافق برای هر کد"), ""),
        "disagreements": (N_("ناهمداستانی‌ها"), N_("Enter: باز کردن در متن")),
    },
    "ChartsPane": {
        "kind": (N_("نوع نمودار"), N_("کدها در هر ماه، در هر منبع، یا هم‌رخدادی کدها")),
        "view": (N_("نمودار"), ""),
    },
}


def name_parts(part: object) -> None:
    """Give the controls of a part or dialog their names and descriptions from the table."""
    for attribute, (name, description) in NAMES.get(type(part).__name__, {}).items():
        widget = getattr(part, attribute, None)
        if isinstance(widget, QWidget):
            widget.setAccessibleName(tr(name))
            if description:
                widget.setAccessibleDescription(tr(description))
