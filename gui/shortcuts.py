"""Every keyboard shortcut of the window, declared once (DESIGN §7), and the helper that makes actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .i18n import N_, tr

# The standard Persian (ISIRI 9147) layout: the character each Latin key types.
PERSIAN_KEY = {
    "q": "ض", "w": "ص", "e": "ث", "r": "ق", "t": "ف", "y": "غ", "u": "ع", "i": "ه", "o": "خ",
    "p": "ح", "[": "ج", "]": "چ", "a": "ش", "s": "س", "d": "ی", "f": "ب", "g": "ل", "h": "ا",
    "j": "ت", "k": "ن", "l": "م", ";": "ک", "'": "گ", "z": "ظ", "x": "ط", "c": "ز", "v": "ر",
    "b": "ذ", "n": "د", "m": "پ", ",": "و", "/": "/", "?": "؟",
    "1": "۱", "2": "۲", "3": "۳", "4": "۴", "5": "۵", "6": "۶", "7": "۷", "8": "۸", "9": "۹", "0": "۰",
}


@dataclass(frozen=True)
class Shortcut:
    """One action: id, label (Persian, shown through `tr`), keys (Qt key sequence strings), where it works."""

    id: str
    label: str
    keys: tuple[str, ...]
    scope: str = "window"  # window | reader | list (for the help sheet)


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("next_article", N_("مقالهٔ بعدی"), ("J",)),
    Shortcut("prev_article", N_("مقالهٔ قبلی"), ("K",)),
    Shortcut("highlight", N_("برجسته‌سازی با رنگ جاری"), ("H",)),
    Shortcut("color_1", N_("برجسته‌سازی زرد"), ("1",)),
    Shortcut("color_2", N_("برجسته‌سازی سبز"), ("2",)),
    Shortcut("color_3", N_("برجسته‌سازی آبی"), ("3",)),
    Shortcut("color_4", N_("برجسته‌سازی صورتی"), ("4",)),
    Shortcut("color_5", N_("برجسته‌سازی بنفش"), ("5",)),
    Shortcut("note", N_("یادداشت برجسته‌سازی جاری"), ("N",)),
    Shortcut("tags", N_("برچسب‌های برجسته‌سازی جاری"), ("T",)),
    Shortcut("next_highlight", N_("برجسته‌سازی بعدی"), ("]",)),
    Shortcut("prev_highlight", N_("برجسته‌سازی قبلی"), ("[",)),
    Shortcut("delete", N_("حذف برجسته‌سازی جاری"), ("Delete",)),
    Shortcut("undo", N_("واگرد"), ("Ctrl+Z",)),
    Shortcut("redo", N_("ازنو"), ("Ctrl+Shift+Z", "Ctrl+Y")),
    Shortcut("find", N_("جست‌وجو در مقاله"), ("Ctrl+F", "/")),
    Shortcut("search_corpus", N_("جست‌وجو در همهٔ مقاله‌ها"), ("Ctrl+Shift+F",)),
    Shortcut("browse_annotations", N_("همهٔ برجسته‌سازی‌های پوشه"), ("Ctrl+Shift+A",)),
    Shortcut("agreement", N_("توافق کدگذاران"), ("Ctrl+Shift+K",)),
    Shortcut("charts", N_("نمودار کدها: ماه، منبع، هم‌رخدادی"), ("Ctrl+Shift+R",)),
    Shortcut("focus_next", N_("رفتن به بخش بعدی پنجره"), ("F6",)),
    Shortcut("focus_prev", N_("رفتن به بخش قبلی پنجره"), ("Shift+F6",)),
    Shortcut("caret_mode", N_("حالت مکان‌نما (انتخاب دقیق با Shift+پیکان)"), ("F7",)),
    Shortcut("toggle_original", N_("متن پاکیزه / متن اصلی"), ("Ctrl+U",)),
    Shortcut("toggle_hidden", N_("نمایش / پنهان کردن سطرهای پنهان‌شده"), ("Ctrl+Shift+H",)),
    Shortcut("mark_not_furniture", N_("این سطر زائد نیست (در همهٔ پوشه)"), ("Ctrl+Shift+N",)),
    Shortcut("mark_furniture", N_("این سطر زائد است (در همهٔ پوشه)"), ("Ctrl+Shift+M",)),
    Shortcut("zoom_in", N_("بزرگ‌تر کردن متن"), ("Ctrl+=", "Ctrl++")),
    Shortcut("zoom_out", N_("کوچک‌تر کردن متن"), ("Ctrl+-",)),
    Shortcut("zoom_reset", N_("اندازهٔ پیش‌فرض متن"), ("Ctrl+0",)),
    Shortcut("line_wider", N_("سطرهای بلندتر"), ("Ctrl+]",)),
    Shortcut("line_narrower", N_("سطرهای کوتاه‌تر"), ("Ctrl+[",)),
    Shortcut("next_theme", N_("پوستهٔ بعدی: روشن، کاغذی، تیره"), ("Ctrl+Shift+T",)),
    Shortcut("toggle_language", N_("زبان بعدی"), ("Ctrl+Shift+L",)),
    Shortcut("open_folder", N_("باز کردن پوشه"), ("Ctrl+O",)),
    Shortcut("export", N_("برون‌بری برجسته‌سازی‌ها"), ("Ctrl+E",)),
    Shortcut("help", N_("راهنمای میان‌برها"), ("F1", "?")),
    Shortcut("quit", N_("خروج"), ("Ctrl+Q",)),
    # the codebook (gui/codebook_window.py): its pane, and the recent codes one key away
    Shortcut("toggle_codebook", N_("کدنامه: کدها، شمار و رنگشان"), ("Ctrl+Shift+B",)),
    Shortcut("apply_code_1", N_("زدن کد اخیر ۱ به برجسته‌سازی جاری"), ("Alt+1",)),
    Shortcut("apply_code_2", N_("زدن کد اخیر ۲ به برجسته‌سازی جاری"), ("Alt+2",)),
    Shortcut("apply_code_3", N_("زدن کد اخیر ۳ به برجسته‌سازی جاری"), ("Alt+3",)),
    Shortcut("apply_code_4", N_("زدن کد اخیر ۴ به برجسته‌سازی جاری"), ("Alt+4",)),
    Shortcut("apply_code_5", N_("زدن کد اخیر ۵ به برجسته‌سازی جاری"), ("Alt+5",)),
    Shortcut("apply_code_6", N_("زدن کد اخیر ۶ به برجسته‌سازی جاری"), ("Alt+6",)),
    Shortcut("apply_code_7", N_("زدن کد اخیر ۷ به برجسته‌سازی جاری"), ("Alt+7",)),
    Shortcut("apply_code_8", N_("زدن کد اخیر ۸ به برجسته‌سازی جاری"), ("Alt+8",)),
    Shortcut("apply_code_9", N_("زدن کد اخیر ۹ به برجسته‌سازی جاری"), ("Alt+9",)),
    # autocoding (gui/autocode_dialog.py): every hit of the search pane's query, one undo step
    Shortcut("autocode", N_("کدگذاری همهٔ یافته‌های جست‌وجو…"), ("Ctrl+Shift+C",)),
)

# Keys handled by widgets themselves, listed in the help sheet only.
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Up / Down", N_("در فهرست: جابه‌جایی میان مقاله‌ها؛ در متن: جابه‌جایی تمرکز جمله")),
    ("Shift+Up / Shift+Down", N_("در متن: گسترش تمرکز به جملهٔ قبلی/بعدی")),
    ("Enter", N_("در فهرست: رفتن به متن؛ در فهرست برجسته‌سازی‌ها: پرش به برجسته‌سازی")),
    ("Ctrl+Enter / Esc", N_("در ویرایشگر یادداشت: ذخیره / انصراف")),
)


def persian_twin(keys: str) -> str | None:
    """The same physical keys on the Persian layout: `J` → `ت`, `Ctrl+F` → `Ctrl+ب`, `Ctrl+Shift+F` →
    `Ctrl+Shift+ب` (None when the key types the same on both layouts).

    With only the Persian layout active, X11 gives Qt the Persian letter and no Latin one to fall
    back on, so each shortcut is bound to its Persian twin as well."""
    *mods, key = keys.split("+") if keys != "+" else [keys]
    if keys.endswith("++"):  # Ctrl++
        return None
    twin = PERSIAN_KEY.get(key.lower())
    if not twin or twin == key.lower():
        return None
    return "+".join([*mods, twin])


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """Key sequences of a shortcut, plus the Persian-layout twin of each (plain letters and Ctrl ones)."""
    seqs: list[QKeySequence] = []
    for keys in shortcut.keys:
        seqs.append(QKeySequence(keys))
        twin = persian_twin(keys)
        if twin:
            seqs.append(QKeySequence(twin))
    return seqs


def shown_keys(keys: str) -> str:
    """A key as it is pressed, for the help sheet: a plain letter in lower case (`j`, not `J`, which
    suggests Shift), with its Persian-layout twin."""
    pressed = keys.lower() if len(keys) == 1 else keys
    twin = persian_twin(keys) if len(keys) == 1 else None
    # Left to right as a whole (LRE … PDF), so `] (چ)` does not turn into `(چ) ]` around the Persian letter.
    return f"\u202a{pressed} ({twin})\u202c" if twin else pressed


def add_action(parent: QWidget, shortcut_id: str, slot: Callable[[], object]) -> QAction:
    """Create the window action for a shortcut of the table and connect it."""
    sc = next(s for s in SHORTCUTS if s.id == shortcut_id)
    action = QAction(tr(sc.label), parent)
    action.setShortcuts(key_sequences(sc))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def conflicts() -> list[str]:
    """Key sequences bound to more than one action (should be empty)."""
    seen: dict[str, str] = {}
    clashes: list[str] = []
    for sc in SHORTCUTS:
        for seq in key_sequences(sc):
            text = seq.toString()
            if text in seen and seen[text] != sc.id:
                clashes.append(f"{text}: {seen[text]} / {sc.id}")
            seen[text] = sc.id
    return clashes
