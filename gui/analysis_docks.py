"""The analysis panes (agreement between coders, charts), docked below the reader like the search pane
and made when first asked for. A disagreement opens in the reader the way a search hit does."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from .accessible import name_parts

if TYPE_CHECKING:
    from .agreement_pane import AgreementPane
    from .charts_pane import ChartsPane
    from .main_window import MainWindow


class AnalysisDocks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        self.agreement: AgreementPane | None = None
        self.charts: ChartsPane | None = None
        self.agreement_dock: QDockWidget | None = None
        self.charts_dock: QDockWidget | None = None

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    def _beside(self) -> QDockWidget | None:
        d = self.window.dialogs
        return next((x for x in (self.agreement_dock, self.charts_dock, d.search_dock, d.browser_dock)
                     if x is not None and x.isVisible()), None)

    def show_agreement(self) -> None:
        """The agreement of the folder's coders; Enter on a disagreement opens it in the reader."""
        window = self.window
        if self.agreement is None:
            from .agreement_pane import AgreementPane

            self.agreement = AgreementPane(window, window.context, window.pane.filters.current)
            self.agreement.openUnit.connect(self.open_unit)
            window.pane.filters.changed.connect(
                lambda _f: self.agreement is not None and self.agreement.isVisible() and self.agreement.compute())
            name_parts(self.agreement)
            self.agreement_dock = window.dialogs._dock("agreementDock", self.agreement, self._beside())
        assert self.agreement_dock is not None
        self.agreement_dock.show()
        self.agreement_dock.raise_()
        self.agreement.present()

    def show_charts(self) -> None:
        """Counts of the codes by Jalali month, by source, and their co-occurrence, as charts."""
        window = self.window
        if self.charts is None:
            from .charts_pane import ChartsPane

            self.charts = ChartsPane(window, window.context, window.pane.filters.current)
            window.pane.filters.changed.connect(
                lambda _f: self.charts is not None and self.charts.isVisible() and self.charts.refresh())
            name_parts(self.charts)
            self.charts_dock = window.dialogs._dock("chartsDock", self.charts, self._beside())
        assert self.charts_dock is not None
        self.charts_dock.show()
        self.charts_dock.raise_()
        self.charts.present()

    def open_unit(self, article_id: str, start: int, end: int) -> None:
        """Open an article with a unit marked and focused, as a search hit is."""
        from hashiye.core.search.search import Hit  # not on the start-up path

        self.window.open_article(article_id, hit=Hit(article_id, start, end, "", ""))
