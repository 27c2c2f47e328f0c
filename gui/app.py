"""`hashiye [DIR]`: start the desktop window."""

from __future__ import annotations

import gc
import time

_T0 = time.perf_counter()
_C0 = time.process_time()  # the interpreter's own start
# No garbage collection while the modules load (they make objects, free almost none): about 10 ms.
_GC_WAS_ON = gc.isenabled()
gc.disable()

import argparse  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

# The Qt-free modules the window needs, imported before PySide6: once PySide6.QtCore is loaded,
# it reads the source of every module imported after it (to look for `__feature__` use).
from hashiye.core.annotations import store  # noqa: E402, F401
from hashiye.core.corpus import article, corpus, filters, folder_rules  # noqa: E402, F401
from hashiye.core.search import search_index  # noqa: E402, F401
from hashiye.core.text import display_cache, original, sentences  # noqa: E402, F401
from hashiye.core.text.normalize import get_normalizer  # noqa: E402
from hashiye.core.files.paths import bundled_seeds  # noqa: E402
from hashiye.resources import APP_ID, ICON_NAME, resource_path  # noqa: E402

from .platform_check import check_in_background, explain_missing  # noqa: E402, I001

_missing_packages = check_in_background()  # X11's libraries looked up while the modules below load

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer  # noqa: E402


def _quicker_feature_scan() -> None:
    """Answer PySide6's question about each module imported after it from the file's bytes.

    For its `from __feature__ import …` switch, PySide6 asks of every module imported after
    PySide6.QtCore (about 100 at start-up, Hashiye's and the standard library's) whether its
    source mentions "PySide6", with `inspect.getsource`: about 12 ms of the start-up. Reading the
    .py file's bytes gives the same answer (the name is ASCII) in a fraction of it; a module
    without a readable .py file gets PySide6's own answer. If PySide6 no longer has this hook,
    nothing changes. tests/gui/test_startup_path.py checks both answers agree."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or hasattr(upstream, "upstream"):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(upstream(module))

    uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_quicker_feature_scan()  # before the modules below are imported

from PySide6.QtGui import QFont, QFontDatabase, QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from . import i18n, themes  # noqa: E402
from .context import AppContext  # noqa: E402
from .main_window import MainWindow  # noqa: E402
from .settings import LANGUAGE_KEY, THEME_KEY, last_folder, ui_language, ui_theme  # noqa: E402

if _GC_WAS_ON:
    gc.enable()

FONT_FAMILY = "Vazirmatn"

# Modules the first painted article does not need: each is loaded when first used (a search, an
# export, an editor, a dialog, hazm after the first paint). `--startup-check` names any that is
# loaded by then, and tests/gui/test_startup_path.py fails on it.
NOT_AT_STARTUP = (
    "hazm", "rapidfuzz", "diff_match_patch", "hashiye.core.search.search", "hashiye.core.text.matching", "hashiye.core.exchange.exporting", "hashiye.core.exchange.refi_qda",
    "hashiye.core.exchange.export_tag_report", "hashiye.core.exchange.codebook_export", "hashiye.core.exchange.w3c_import",
    "hashiye.core.exchange.importing", "hashiye.gui.editors", "hashiye.gui.search_panel", "hashiye.gui.export_dialog",
    "hashiye.gui.annotation_browser", "hashiye.gui.help", "hashiye.gui.tag_report",
)


def load_fonts() -> str:
    """Register the bundled Vazirmatn faces; return the family to use."""
    family = FONT_FAMILY
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        fid = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if fid >= 0:
            family = QFontDatabase.applicationFontFamilies(fid)[0]
    return family


class FirstPaint(QObject):
    """Call `callback` once, when the reader has painted an article for the first time."""

    def __init__(self, callback: Callable[[], None], ready: Callable[[], bool]) -> None:
        super().__init__()
        self.callback = callback
        self.ready = ready
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint and self.ready():
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hashiye")
    app.setOrganizationName("Hashiye")
    app.setDesktopFileName(APP_ID)  # Wayland's app id: the menu entry's name, so its icon and name show
    # Workers (runner.py) hand the interpreter back to the UI thread every millisecond instead of every 5:
    # the window answers keys and repaints while a folder is indexed or exported (bench/bench_ui_stall.py).
    sys.setswitchinterval(0.001)
    app.setStyle("Fusion")  # the same look, and theme palettes that apply, on every desktop
    family = load_fonts()
    font = QFont(family, 11)
    app.setFont(font)
    i18n.apply_language(app, i18n.language())
    themes.apply_theme(app, themes.current().id)
    return app


def create_window(corpus: Path, settings: QSettings, context: AppContext | None = None) -> MainWindow:
    """A main window in the language and theme the settings remember (on a context of its own, or on `context`)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if ui_language(settings) != i18n.language():
        i18n.apply_language(app, ui_language(settings))
    if ui_theme(settings) != themes.current().id:
        themes.apply_theme(app, ui_theme(settings))
    window = MainWindow(corpus, settings, context)
    window.reader.set_base_font(QApplication.font())
    return window


class Windows(QObject):
    """Holds the main window and the application context (the open folder, the undo history and the
    running work). A language change keeps the window: its widgets re-set their texts
    (`retranslate_ui` on Qt's `LanguageChange`)."""

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.context = AppContext(settings, self)
        self.window: MainWindow | None = None

    def open(self, corpus: Path) -> MainWindow:
        self.window = create_window(corpus, self.settings, self.context)
        return self.window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hashiye", description="Read and annotate Persian news articles")
    parser.add_argument("folder", nargs="?", type=Path, default=None, help="folder of .txt articles (default: the last folder opened, else the bundled samples)")
    parser.add_argument("--startup-check", action="store_true",
                        help="exit as soon as the first article is painted; print timings to stderr")
    parser.add_argument("--language", choices=sorted(i18n.languages()), help="UI language (remembered)")
    parser.add_argument("--theme", choices=themes.ORDER, help="colour theme (remembered)")
    parser.add_argument("--install-desktop", action="store_true",
                        help="add Hashiye to your desktop menu (a .desktop entry and an icon) and exit")
    parser.add_argument("--uninstall-desktop", action="store_true",
                        help="remove what --install-desktop added and exit")
    args = parser.parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from .desktop_entry import install, uninstall

        try:
            paths = install() if args.install_desktop else uninstall()
        except OSError as exc:
            print(f"hashiye: desktop menu entry not {'written' if args.install_desktop else 'removed'}: "
                  f"{exc.filename}: {exc.strerror}", file=sys.stderr)
            return 1
        for path in paths:
            print(path)
        if args.uninstall_desktop and not paths:
            print("hashiye: no desktop menu entry was installed", file=sys.stderr)
        return 0
    missing = _missing_packages()
    if missing:
        sys.stderr.write(explain_missing(missing))
        return 1
    t_imports, c_imports = time.perf_counter(), time.process_time()
    gc.disable()  # nor while the window is built: on again at the first paint
    app = make_app(sys.argv[:1])
    settings = QSettings()
    if args.language:
        settings.setValue(LANGUAGE_KEY, args.language)
    if args.theme:
        settings.setValue(THEME_KEY, args.theme)
    corpus = args.folder if args.folder is not None else (last_folder(settings) or bundled_seeds())
    windows = Windows(settings)
    app.aboutToQuit.connect(lambda: windows.context.runner.shutdown(1000))  # a folder still being read stops
    window = windows.open(corpus)
    t_window, c_window = time.perf_counter(), time.process_time()

    def first_paint() -> None:
        t_paint, c_paint = time.perf_counter(), time.process_time()
        gc.enable()
        # The title-bar icon (X11) after the first paint: the SVG icon engine costs about 15 ms.
        app.setWindowIcon(QIcon(str(resource_path("icons", f"{ICON_NAME}.svg"))))
        if args.startup_check:
            print(f"startup: imports {1000 * (t_imports - _T0):.0f} ms, window {1000 * (t_window - t_imports):.0f} ms, "
                  f"first paint {1000 * (t_paint - _T0):.0f} ms (article {window.current_id}, "
                  f"hazm loaded: {'hazm' in sys.modules}); CPU at the first paint {1000 * c_paint:.0f} ms (imports "
                  f"{1000 * (c_imports - _C0):.0f}, window {1000 * (c_window - c_imports):.0f}, then "
                  f"{1000 * (c_paint - c_window):.0f})", file=sys.stderr)
            early = [m for m in NOT_AT_STARTUP if m in sys.modules]
            print(f"loaded before the first paint but not needed for it: {', '.join(early) or 'none'}", file=sys.stderr)
            app.quit()
            return
        QTimer.singleShot(300, load_hazm)

    def load_hazm() -> None:
        """hazm's Normalizer on the runner; hazm missing or broken: the quick level stays in use."""
        if windows.window is not None:
            windows.window.context.runner.run(
                "", lambda _op: get_normalizer(), on_failed=lambda _m: None,
                on_done=lambda _n: windows.window.upgrade_display() if windows.window else None)

    painted = FirstPaint(first_paint, ready=lambda: window.current_id is not None)
    window.reader.viewport().installEventFilter(painted)
    window.show()
    QTimer.singleShot(2000, gc.enable)  # a folder that shows no article: collected as usual all the same
    code = app.exec()
    # Work still running after the window closed (cancelled, or in one long call) ends before the
    # interpreter does: a worker signalling while Qt's objects are torn down crashes the program.
    windows.context.runner.pool.waitForDone(10_000)
    return code


if __name__ == "__main__":
    sys.exit(main())
