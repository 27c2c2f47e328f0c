"""The window's menus: the same actions as the shortcut table (for discovery; the keys stay the same)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from . import i18n, themes
from .i18n import N_, tr
from .shortcuts import PERSIAN_KEY

# Each title marks its Alt mnemonic with «&» (Persian letters in Persian, Latin in English); the same
# physical key on the other layout opens the menu too.
LAYOUT: list[tuple[str, str, list[str | None]]] = [
    ("file", N_("&پرونده"), ["open_folder", None, "export", None, "quit"]),
    ("view", N_("&نما"), ["toggle_original", "toggle_hidden", "mark_not_furniture", "mark_furniture", "caret_mode", None, "zoom_in", "zoom_out", "zoom_reset", None,
                      "line_wider", "line_narrower", None, "next_theme", "toggle_language"]),
    ("go", N_("&رفتن"), ["next_article", "prev_article", None, "next_highlight", "prev_highlight", None,
                       "find", "search_corpus", "browse_annotations", "agreement", "charts", None, "focus_next", "focus_prev"]),
    ("annotate", N_("&حاشیه‌نویسی"), ["highlight", "color_1", "color_2", "color_3", "color_4", "color_5", None,
                                "note", "tags", "delete", None, "undo", "redo"]),
    ("help", N_("ر&اهنما"), ["help"]),
]


class Menus:
    """Builds the menu bar; keeps the recent-folders menu and the theme and language choices."""

    def __init__(self, window: QMainWindow, actions: dict[str, QAction],
                 choose_theme: Callable[[str], None], choose_language: Callable[[str], None],
                 choose_style: Callable[[str], None] | None = None, style: str = "fill") -> None:
        self.theme_actions: dict[str, QAction] = {}
        self.style_actions: dict[str, QAction] = {}
        self.language_actions: dict[str, QAction] = {}
        bar = window.menuBar()
        self.bar = bar
        for key, title, ids in LAYOUT:
            menu = bar.addMenu(tr(title))
            self._other_layout_mnemonic(window, menu)
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(actions[action_id])
            if key == "file":
                self.recent_menu = menu.addMenu(tr("پوشه‌های اخیر"))
                menu.insertMenu(menu.actions()[1], self.recent_menu)
            if key == "view":
                self._choices(menu, tr("پوسته"), {t.id: tr(t.label) for t in themes.THEMES.values()},
                              themes.current().id, self.theme_actions, choose_theme)
                if choose_style is not None:
                    self._choices(menu, tr("نمایش برجسته‌سازی"),
                                  {"fill": tr("زمینهٔ کم‌رنگ و زیرخط رنگی"), "underline": tr("فقط زیرخط رنگی")},
                                  style, self.style_actions, choose_style)
                self._choices(menu, tr("زبان"), i18n.LANGUAGES, i18n.language(), self.language_actions,
                              choose_language)

        # F10 opens the menu bar (its first menu), as in GTK and KDE programs.
        QShortcut(QKeySequence("F10"), window, lambda: bar.setActiveAction(bar.actions()[0]))

    def _other_layout_mnemonic(self, window: QMainWindow, menu: QMenu) -> None:
        """Alt with the same physical key on the other layout opens the menu too (Alt+F, Alt+ب)."""
        mnemonic = QKeySequence.mnemonic(menu.title()).toString()
        letter = mnemonic.rsplit("+", 1)[-1].lower() if mnemonic else ""
        latin = {fa: en for en, fa in PERSIAN_KEY.items()}
        twin = PERSIAN_KEY.get(letter) or latin.get(letter)
        if twin:
            QShortcut(QKeySequence(f"Alt+{twin}"), window, lambda: self.bar.setActiveAction(menu.menuAction()))

    @staticmethod
    def _choices(menu: QMenu, title: str, choices: dict[str, str], chosen: str, table: dict[str, QAction],
                 slot: Callable[[str], None]) -> None:
        """Radio choices (the shortcuts cycle through them)."""
        sub = menu.addMenu(title)
        group = QActionGroup(sub)
        for key, label in choices.items():
            action = sub.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == chosen)
            action.triggered.connect(lambda _c=False, k=key, f=slot: f(k))
            group.addAction(action)
            table[key] = action

    def set_recent(self, folders: list[str], open_folder: Callable[[str], None]) -> None:
        self.recent_menu.clear()
        for folder in folders:
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _c=False, f=folder: open_folder(f))
