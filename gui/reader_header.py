"""The reader's header: supertitle, title and a line with source, Jalali date and news code."""

from __future__ import annotations

from collections.abc import Callable

from hashiye.core.text.jalali import gregorian_display, jalali_display
from hashiye.core.corpus.records import ArticleRecord
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .i18n import bidi_line, dates_language, digits, tr
from .qtext import plain_label, plain_tip


class ReaderHeader(QWidget):
    """Supertitle, title and a line with source, Jalali date (Gregorian on hover) and news code."""

    def __init__(self) -> None:
        super().__init__()
        self.supertitle = QLabel()
        self.title = QLabel()
        self._full_title = ""
        self.meta = QLabel()
        self.warning = QLabel()
        for lab in (self.supertitle, self.title, self.meta, self.warning):
            plain_label(lab)  # the article's words as written, never markup
            lab.setWordWrap(True)
            # On the right like the article's Persian title, in either interface language.
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setObjectName("articleTitle")
        self.supertitle.setObjectName("articleSupertitle")
        self.meta.setObjectName("articleMeta")
        self.warning.setObjectName("articleWarning")
        self.warning.hide()
        self._shown: tuple[ArticleRecord, bool] | None = None  # what the meta line says, to say it anew
        self._warning: str | Callable[[], str] = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 8)
        lay.setSpacing(4)
        for lab in (self.supertitle, self.title, self.meta, self.warning):
            lay.addWidget(lab)

    def retranslate_ui(self) -> None:
        """The meta line (unknown source, dates, news code) in the current language."""
        if self._shown is not None:
            self.show_record(*self._shown)
        if callable(self._warning):
            self.show_warning(self._warning)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_record(self, rec: ArticleRecord, original: bool) -> None:
        self._shown = (rec, original)
        sup = rec.supertitle
        self.supertitle.setText(sup or "")
        self.supertitle.setVisible(bool(sup))
        self._full_title = rec.shown_title
        self.title.setToolTip(plain_tip(self._full_title))
        self._fit_title()
        published = rec.published
        parts = [rec.source or tr("منبع نامعلوم")]
        parts.append(tr("{jalali} ({gregorian})", jalali=jalali_display(published, lang=dates_language()),
                        gregorian=gregorian_display(published, dates_language())) if published else tr("بی‌تاریخ"))
        if rec.news_code:
            parts.append(tr("کد خبر {code}", code=digits(rec.news_code)))
        if original:
            parts.append(tr("متن اصلی (Ctrl+U)"))
        self.meta.setText(bidi_line(parts))
        self.meta.setToolTip(plain_tip(tr("میلادی: {when}", when=published)) if published else "")

    TITLE_LINES = 2

    def _fit_title(self) -> None:
        """At most two lines of title; the whole title is in the tooltip."""
        fm = self.title.fontMetrics()
        room = max(100, self.title.width()) * self.TITLE_LINES - fm.averageCharWidth() * 6
        self.title.setText(fm.elidedText(self._full_title, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def show_warning(self, text: str | Callable[[], str]) -> None:
        """A warning under the title; given as a function, it is said anew when the language changes."""
        self._warning = text
        said = text() if callable(text) else text
        self.warning.setText(said)
        self.warning.setVisible(bool(said))
