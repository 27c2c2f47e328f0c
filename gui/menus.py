"""The window's menus: the same actions as the shortcut table (for discovery; the keys stay the same)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from . import i18n, themes
from .i18n import N_, tr
from .shortcuts import PERSIAN_KEY, SHORTCUTS

# Each title marks its Alt mnemonic with «&» (Persian letters in Persian, Latin in English); the same
# physical key on the other layout opens the menu too.
LAYOUT: list[tuple[str, str, list[str | None]]] = [
    ("file", N_("&پرونده"), ["open_folder", None, "export", None, "quit"]),
    ("view", N_("&نما"), ["toggle_original", "toggle_hidden", "mark_not_furniture", "mark_furniture", "caret_mode", None, "zoom_in", "zoom_out", "zoom_reset", None,
                      "line_wider", "line_narrower", None, "next_theme", "toggle_language"]),
    ("go", N_("&رفتن"), ["next_article", "prev_article", None, "next_highlight", "prev_highlight", None,
                       "find", "search_corpus", "browse_annotations", "toggle_codebook", "agreement", "charts", None, "focus_next", "focus_prev"]),
    ("annotate", N_("&حاشیه‌نویسی"), ["highlight", "color_1", "color_2", "color_3", "color_4", "color_5", None,
                                "note", "tags", "delete", None, "autocode", None, "undo", "redo"]),
    ("help", N_("ر&اهنما"), ["help"]),
]


THEME_TITLE, STYLE_TITLE, LANGUAGE_TITLE, RECENT_TITLE = N_("پوسته"), N_("نمایش برجسته‌سازی"), N_("زبان"), N_("پوشه‌های اخیر")
STYLES = {"fill": N_("زمینهٔ کم‌رنگ و زیرخط رنگی"), "underline": N_("فقط زیرخط رنگی")}


class Menus:
    """Builds the menu bar; keeps the recent-folders menu and the theme and language choices.

    Texts are set in `retranslate_ui`, which the window calls once it is built and when the language changes."""

    def __init__(self, window: QMainWindow, actions: dict[str, QAction],
                 choose_theme: Callable[[str], None], choose_language: Callable[[str], None],
                 choose_style: Callable[[str], None] | None = None, style: str = "fill") -> None:
        self.theme_actions: dict[str, QAction] = {}
        self.style_actions: dict[str, QAction] = {}
        self.language_actions: dict[str, QAction] = {}
        self.actions = actions
        self.menus: dict[str, QMenu] = {}
        self.submenus: dict[str, QMenu] = {}
        self.twins: dict[str, QShortcut] = {}  # Alt+ the menu's key on the other layout
        self.choose_language = choose_language
        bar = window.menuBar()
        self.bar = bar
        self.window = window
        for key, title, ids in LAYOUT:
            menu = self.menus[key] = bar.addMenu(tr(title))
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(actions[action_id])
            if key == "file":
                self.recent_menu = menu.addMenu(tr(RECENT_TITLE))
                menu.insertMenu(menu.actions()[1], self.recent_menu)
            if key == "view":
                self.submenus[THEME_TITLE] = self._choices(
                    menu, tr(THEME_TITLE), {t.id: tr(t.label) for t in themes.THEMES.values()},
                    themes.current().id, self.theme_actions, choose_theme)
                if choose_style is not None:
                    self.submenus[STYLE_TITLE] = self._choices(
                        menu, tr(STYLE_TITLE), {k: tr(v) for k, v in STYLES.items()}, style, self.style_actions,
                        choose_style)
                self.submenus[LANGUAGE_TITLE] = self._choices(
                    menu, tr(LANGUAGE_TITLE), i18n.languages(), i18n.language(), self.language_actions,
                    choose_language)

        # F10 opens the menu bar (its first menu), as in GTK and KDE programs.
        QShortcut(QKeySequence("F10"), window, lambda: bar.setActiveAction(bar.actions()[0]))

    def retranslate_ui(self) -> None:
        """Menu titles, the actions' labels (from the shortcut table) and the choices, in the current language."""
        for key, title, _ids in LAYOUT:
            self.menus[key].setTitle(tr(title))
            self._other_layout_mnemonic(key, self.menus[key])
        self.recent_menu.setTitle(tr(RECENT_TITLE))
        for title, sub in self.submenus.items():
            sub.setTitle(tr(title))
        labels = {s.id: s.label for s in SHORTCUTS}
        for action_id, action in self.actions.items():
            if action_id in labels:
                action.setText(tr(labels[action_id]))
        for theme in themes.THEMES.values():
            self.theme_actions[theme.id].setText(tr(theme.label))
        for style, label in STYLES.items():
            if style in self.style_actions:
                self.style_actions[style].setText(tr(label))
        self._language_choices()

    def _language_choices(self) -> None:
        """Every language with a translation file (one added since start-up too), each named in itself."""
        offered = i18n.languages()
        sub = self.submenus[LANGUAGE_TITLE]
        group = next(iter(sub.findChildren(QActionGroup)), None)
        for code, name in offered.items():
            action = self.language_actions.get(code)
            if action is None and group is not None:
                action = self.language_actions[code] = sub.addAction(name)
                action.setCheckable(True)
                action.triggered.connect(lambda _c=False, k=code: self.choose_language(k))
                group.addAction(action)
            if action is not None:
                action.setText(name)
                action.setChecked(code == i18n.language())

    def _other_layout_mnemonic(self, key: str, menu: QMenu) -> None:
        """Alt with the same physical key on the other layout opens the menu too (Alt+F, Alt+ب)."""
        mnemonic = QKeySequence.mnemonic(menu.title()).toString()
        letter = mnemonic.rsplit("+", 1)[-1].lower() if mnemonic else ""
        latin = {fa: en for en, fa in PERSIAN_KEY.items()}
        twin = PERSIAN_KEY.get(letter) or latin.get(letter)
        shortcut = self.twins.get(key)
        if shortcut is None:
            shortcut = self.twins[key] = QShortcut(self.window)
            shortcut.activated.connect(lambda: self.bar.setActiveAction(menu.menuAction()))
        shortcut.setKey(QKeySequence(f"Alt+{twin}") if twin else QKeySequence())

    @staticmethod
    def _choices(menu: QMenu, title: str, choices: dict[str, str], chosen: str, table: dict[str, QAction],
                 slot: Callable[[str], None]) -> QMenu:
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
        return sub

    def set_recent(self, folders: list[str], open_folder: Callable[[str], None]) -> None:
        self.recent_menu.clear()
        for folder in folders:
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _c=False, f=folder: open_folder(f))
