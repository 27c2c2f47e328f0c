"""Core's messages (English, Qt-free) in the interface language.

Core speaks English so that the CLI and logs read the same everywhere; the window shows each
message the user may meet through this one table of patterns, in the interface language, with the
names, paths and dates in it isolated (`tr` does that). A message not in the table is shown as core
wrote it, isolated, so it never disorders the line around it.
"""

from __future__ import annotations

import re
from functools import cache

from hashiye.core.text.jalali import WEEKDAY_NAMES

from .i18n import N_, dates_language, isolate, tr

_EN_WEEKDAYS = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Compiled at the first message shown (`_patterns`), not at start-up.
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^weekday «(?P<named>.+)» does not match (?P<date>\S+) \(a (?P<actual>.+)\); date kept$",
     N_("روز هفتهٔ «{named}» با تاریخ {date} (که {actual} است) نمی‌خواند؛ تاریخ نگه داشته شد")),
    (r"^cannot be decoded as utf-8: (?P<why>.+)$", N_("با UTF-8 خوانده نمی‌شود: {why}")),
    (r"^binary file \(contains NUL characters\)$", N_("پرونده‌ای دودویی است (نویسهٔ NUL دارد)")),
    (r"^no article text \(empty or only boilerplate\)$", N_("متن مقاله‌ای ندارد (خالی است یا فقط حاشیهٔ صفحه)")),
    (r"^is (?P<kind>.+), not a regular file, so it was not read$",
     N_("پرونده‌ای معمولی نیست ({kind})، پس خوانده نشد")),
    (r"^is too large \((?P<size>[^;]+); files over (?P<limit>.+) are not read\)$",
     N_("بیش از اندازه بزرگ است ({size}؛ پرونده‌های بزرگ‌تر از {limit} خوانده نمی‌شوند)")),
    (r"^is too large \(over (?P<limit>.+); larger files are not read\)$",
     N_("بیش از اندازه بزرگ است (بیش از {limit}؛ پرونده‌های بزرگ‌تر خوانده نمی‌شوند)")),
    (r"^cannot be read without waiting, so it was not read$", N_("بی‌انتظار خوانده نمی‌شود، پس خوانده نشد")),
    (r"^(?P<name>\S+) cannot be read \((?P<why>.+)\); counted as no annotations$",
     N_("{name} خوانده نمی‌شود ({why})؛ بدون برجسته‌سازی شمرده شد")),
    (r"^(?P<why>.+); counted as no annotations$", N_("{why}؛ بدون برجسته‌سازی شمرده شد")),
    (r"^Cannot save annotations to (?P<name>\S+) in (?P<folder>.+): (?P<why>.+)\. The previous file is unchanged\.$",
     N_("برجسته‌سازی‌ها در {name} (در {folder}) ذخیره نشد: {why}. پروندهٔ پیشین دست‌نخورده مانده است.")),
    (r"^Cannot save annotations to (?P<name>\S+): (?P<why>.+)\. Nothing was saved; try again in a moment\.$",
     N_("برجسته‌سازی‌ها در {name} ذخیره نشد: {why}. چیزی ذخیره نشد؛ کمی بعد دوباره بکوشید.")),
    (r"^the folder is read-only$", N_("پوشه فقط‌خواندنی است")),
    (r"^the disk is full$", N_("دیسک پر است")),
)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), t) for p, t in PATTERNS]


def core_message(text: str) -> str:
    """A core message in the interface language; several joined by «; » each in turn."""
    known = _known(text)
    if known is not None:
        return known
    parts = [p for p in text.split("; ") if p]
    if len(parts) > 1:
        return tr("؛ ").join(_known(p) or isolate(p) for p in parts)
    return isolate(text)


def _known(text: str) -> str | None:
    for pattern, template in _patterns():
        m = pattern.match(text)
        if m:
            return tr(template, **{k: _value(k, v) for k, v in m.groupdict().items()})
    return None


def _value(key: str, value: str) -> str:
    if key == "actual" and value in WEEKDAY_NAMES and dates_language() == "en":
        return _EN_WEEKDAYS[WEEKDAY_NAMES.index(value)]
    if key == "why":
        return core_message(value)
    return value


def file_problem(name: str, message: str) -> str:
    """«name: what is wrong with it», the name isolated, the message in the interface language."""
    return tr("{name}: {problem}", name=name, problem=core_message(message))
