"""Ctrl+Shift+F: search every article of the corpus in a pane beside the reader; Enter opens the article
at the hit. Hits are grouped by article (its title once) and each snippet shows the match emphasised; or, in
keyword-in-context mode, one aligned row per hit (gui/kwic_view.py)."""

from __future__ import annotations

import html
from typing import Any

from hashiye.core.search.search import Hit, SearchResult, refresh_steps, search
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from .accessible import name_parts
from .autocode_dialog import AutocodeDialog
from .autocode_run import AutocodeParams, AutocodeRun
from .context import AppContext, thread_index
from .i18n import bidi_line, direction, text_direction, tr
from .kwic_view import LIMIT as KWIC_LIMIT
from .kwic_view import KwicResults, kwic_page
from .qtext import plain_tip
from .runner import Operation
from .themes import current as theme
from .views import on_enter

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 3
LIMIT = 500


class HitModel(QAbstractListModel):
    """The hits, shown a page at a time as the list scrolls (laying out 500 wrapped rows at once stalls the window)."""

    PAGE = 40

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.titles: dict[str, str] = {}
        self._shown = 0

    def title_of(self, row: int) -> str | None:
        """The article's title on the first hit of each article; None on the others (grouped)."""
        hit = self.hits[row]
        return None if row > 0 and self.hits[row - 1].id == hit.id else self.titles.get(hit.id, hit.id)

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self._shown = min(len(hits), self.PAGE)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self.hits)

    def fetchMore(self, parent: Index) -> None:
        more = min(len(self.hits), self._shown + self.PAGE)
        self.beginInsertRows(QModelIndex(), self._shown, more - 1)
        self._shown = more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.title_of(index.row())
            return f"{title}\n{hit.snippet}" if title else hit.snippet
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(hit.snippet)
        if role == HitRole:
            return hit
        return None


def hit_html(title: str | None, hit: Hit) -> str:
    """A hit as rich text: the title (first hit of its article), then the snippet with the match in bold
    on the find-hit colour. Everything from the article is escaped: it shows as written."""
    snippet, at = hit.snippet, hit.at
    size = len(" ".join(hit.exact.split()))
    if 0 <= at <= len(snippet) - size:
        body = (html.escape(snippet[:at]) + f'<b style="background:{theme().hit}; color:{theme().text}">'
                + html.escape(snippet[at:at + size]) + "</b>" + html.escape(snippet[at + size:]))
    else:
        body = html.escape(snippet)
    head = f"<b>{html.escape(title)}</b><br>" if title else ""
    return head + body


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as `hit_html`, laid out in the direction of its own text, wrapped to the list's width."""

    PAD = 6

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        model = index.model()
        assert isinstance(model, HitModel)
        hit = model.hits[index.row()]
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setTextDirection(text_direction(hit.snippet))
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(text_option)
        doc.setDefaultStyleSheet(f"body {{ color: {option.palette.color(QPalette.ColorRole.Text).name()}; }}")
        doc.setHtml(hit_html(model.title_of(index.row()), hit))
        doc.setTextWidth(max(50, option.rect.width() - 2 * self.PAD))
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index)
        model = index.model()
        assert isinstance(model, HitModel)
        top = self.PAD * 3 if index.row() > 0 and model.title_of(index.row()) else self.PAD  # a gap between articles
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + top + self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        if option.widget is not None:
            option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, index)
        size = self.sizeHint(option, index)
        painter.save()
        painter.translate(option.rect.left() + self.PAD, option.rect.top() + size.height() - doc.size().height()
                          - self.PAD)
        doc.drawContents(painter)
        painter.restore()


class SearchPanel(QWidget):
    """Query field, progress while the index is brought up to date, and the hits.

    The index is brought up to date and every query runs on the context's runner, each on the
    worker's own connection to the folder's index; a newer query cancels the one before. A new
    listing of the folder (files added, changed, removed) brings the index up to date again.
    """

    openHit = Signal(object)  # Hit

    queryRun = Signal()  # a new search: the hit marked in the reader is a past one

    message = Signal(str, int)  # for the window's status bar

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        super().__init__(parent)
        self.context = context
        self.corpus = context.folder
        self.setObjectName("searchPane")
        self.ready = False
        self._said: Any = None  # the status line's text, made again in another language
        self.query = QLineEdit()
        self.query.setObjectName("corpusQuery")
        self.progress = QProgressBar()
        self.status = QLabel()
        self.model = HitModel()
        self.model.titles = context.titles()
        self.results = QListView()
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        on_enter(self.results, lambda idx: self._open(idx.data(HitRole)))
        self.results.doubleClicked.connect(lambda idx: self._open(idx.data(HitRole)))
        self.kwic = KwicResults()
        self.kwic.openHit.connect(self._open)
        self.kwic_mode = QCheckBox()
        self.kwic_mode.setObjectName("kwicMode")
        self.kwic_mode.toggled.connect(self._mode_changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.results)
        self.stack.addWidget(self.kwic)
        self.query.returnPressed.connect(self._enter)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_query)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.autocode = AutocodeRun(context, self)
        self.autocode.progress.connect(self._progress)
        self.autocode.finished.connect(self._autocoded)
        self.code_all = QPushButton()
        self.code_all.setObjectName("codeAllHits")
        self.code_all.setEnabled(False)
        self.code_all.clicked.connect(self.code_all_hits)
        self.stop_coding = QPushButton()
        self.stop_coding.setObjectName("stopAutocode")
        self.stop_coding.hide()
        self.stop_coding.clicked.connect(self.autocode.cancel)
        lay = QVBoxLayout(self)
        for w in (self.query, self.kwic_mode):
            lay.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_coding)
        lay.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.code_all)
        lay.addLayout(row)
        lay.addWidget(self.stack, 1)
        self._query_op: Operation | None = None
        self._index_op: Operation | None = None
        context.listingChanged.connect(self._relisted)
        self.retranslate_ui()
        self.refresh_index()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("جست‌وجو در همهٔ مقاله‌ها"))
        self.setLayoutDirection(direction())
        self.query.setPlaceholderText(tr("واژه یا «عبارت» — همهٔ املاها و شکل‌ها"))
        self.progress.setFormat(tr("نمایه‌سازی %v از %m"))
        self.kwic_mode.setText(tr("واژه در بافت (هر یافته در یک سطر)"))
        self.kwic.table.setAccessibleName(tr("یافته‌ها در بافت"))
        self.kwic.table.setAccessibleDescription(tr("Enter: باز کردن در متن"))
        self.code_all.setText(tr("کدگذاری همهٔ یافته‌ها…"))
        self.code_all.setToolTip(tr("هر یافتهٔ این جست‌وجو را در همهٔ مقاله‌ها با یک کد برجسته کن (یک گام واگرد)"))
        self.stop_coding.setText(tr("توقف کدگذاری"))
        name_parts(self)
        if self._said is not None:
            self.status.setText(self._said())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh_index(self) -> None:
        """Bring the folder's index up to date on a worker, with progress."""
        if self._index_op is not None:
            self._index_op.cancel()
        self.progress.show()
        self._said = lambda: tr("در حال به‌روز کردن نمایه…")
        self.status.setText(self._said())
        corpus = self.corpus
        self._index_op = self.context.runner.run(
            tr("نمایه"), lambda _op: ((s.done, s.total) for s in refresh_steps(corpus)),
            on_progress=self._progress, on_done=self._ready,
            on_failed=lambda m: self.status.setText(tr("نمایه ساخته نشد: {why}", why=m)))

    def _relisted(self, _listing: object) -> None:
        if self.context.corpus == self.corpus and self.isVisible():
            self.model.titles = self.context.titles()
            self.refresh_index()

    def present(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _ready(self, _result: object) -> None:
        self.ready = True
        self.progress.hide()
        self.run_query()

    def run_query(self) -> None:
        """Search on a worker; the hits replace the list when they come (unless a newer query runs)."""
        text = self.query.text().strip()
        if not self.ready:
            return
        if self._query_op is not None:
            self._query_op.cancel()
        self.queryRun.emit()
        self.code_all.setEnabled(False)
        if not text:
            self.model.set_hits([])
            self.kwic.set_lines([], {})
            self.status.setText("")
            self._said = None
            return
        if self.kwic_mode.isChecked():
            self._run_kwic(text)
            return
        # The first page only: a common word in a large corpus would otherwise take a while to count.
        corpus = self.corpus
        self._query_op = self.context.runner.run(
            tr("جست‌وجو"), lambda _op: search(thread_index(corpus), text, LIMIT, complete=False),
            on_done=self._show, on_failed=lambda m: self.status.setText(tr("جست‌وجو ممکن نشد: {why}", why=m)))

    def _show(self, result: SearchResult) -> None:
        hits = result.hits
        self.model.set_hits(hits)
        self.status.setText(self._say(result))
        self.code_all.setEnabled(bool(hits) and not self.autocode.running)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))

    def _say(self, result: SearchResult) -> str:
        """How many hits and articles, in the current language (again when the language changes)."""
        self._said = lambda: self._say(result)
        if result.complete:
            parts = [tr("{n} یافته", n=result.total), tr("{n} مقاله", n=result.articles)]
        else:
            parts = [tr("دست‌کم {n} یافته", n=result.total), tr("{n} مقاله", n=result.articles),
                     tr("نخستین {n} نمایش داده شده", n=len(result.hits))]
        return bidi_line(parts) if result.total else tr("چیزی یافت نشد")

    def _mode_changed(self, kwic: bool) -> None:
        self.stack.setCurrentWidget(self.kwic if kwic else self.results)
        self.run_query()

    def _run_kwic(self, text: str) -> None:
        corpus = self.corpus
        self._query_op = self.context.runner.run(
            tr("جست‌وجو"), lambda op: kwic_page(corpus, text, op), on_done=self._show_kwic,
            on_failed=lambda m: self.status.setText(tr("جست‌وجو ممکن نشد: {why}", why=m)))

    def _show_kwic(self, page: tuple[list, bool]) -> None:  # type: ignore[type-arg]
        lines, more = page
        self.kwic.set_lines(lines, self.model.titles)
        parts = [tr("{n} یافته", n=len(lines)), tr("{n} مقاله", n=len({k.article for k in lines}))]
        if more:
            parts = [tr("نخستین {n} نمایش داده شده", n=KWIC_LIMIT)]
        self.status.setText(bidi_line(parts) if lines else tr("چیزی یافت نشد"))
        self.code_all.setEnabled(bool(lines) and not self.autocode.running)

    # --- autocoding (gui/autocode_dialog.py, gui/autocode_run.py) ------------------------------------
    def code_all_hits(self) -> AutocodeDialog | None:
        """«Code all hits…»: the dialog with its preview; confirmed, the run starts on the runner."""
        query = self.query.text().strip()
        if not query or not self.code_all.isEnabled():
            self.message.emit(tr("نخست چیزی بجویید که یافته‌ای داشته باشد."), 4000)
            return None
        dialog = AutocodeDialog(self, self.context, query)
        dialog.accepted.connect(lambda: self.start_autocode(dialog.params()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def start_autocode(self, params: AutocodeParams) -> None:
        self.code_all.setEnabled(False)
        self.progress.setFormat(tr("کدگذاری %v از %m مقاله"))
        self.progress.setMaximum(0)
        self.progress.show()
        self.stop_coding.show()
        self.autocode.start(params)

    def _autocoded(self, said: str) -> None:
        self.progress.hide()
        self.progress.setFormat(tr("نمایه‌سازی %v از %m"))
        self.stop_coding.hide()
        self.code_all.setEnabled(bool(self.query.text().strip()) and bool(self.model.hits or self.kwic.model.lines))
        self.message.emit(said, 10000)

    def _enter(self) -> None:
        if self.kwic_mode.isChecked():
            if self.kwic.model.lines:
                self.kwic.table.setFocus()
        elif self.model.hits:
            self.results.setFocus()

    def _open(self, hit: Hit) -> None:
        self.openHit.emit(hit)

    def stop(self) -> None:
        """The pane closes: its work in progress stops."""
        for op in (self._query_op, self._index_op):
            if op is not None:
                op.cancel()
        self.autocode.cancel()
