"""The reading state: which article the reader shows, in which view, and which highlight is chosen.

It drives the reader, its header, the find bar and the annotation panel for the current
article, and refreshes them itself when the context says the article's annotations changed.
It speaks file code points only (the reader converts). When the open article's file goes away,
it says so and keeps the reader on it, so no key acts on another article by surprise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hashiye.core.annotations.model import COLORS, Anchored
from hashiye.core.corpus.article import Article, preview_display
from hashiye.core.text.display import Display, without_headings
from hashiye.core.text.normalize import hazm_loaded
from hashiye.core.text.original import build_original
from hashiye.core.corpus.records import ArticleRecord
from hashiye.core.text.textio import UnreadableArticle
from PySide6.QtCore import QObject, Signal

from . import hidden_lines
from .annotation_panel import AnnotationPanel
from .context import AppContext
from .core_messages import core_message, file_problem
from .find_bar import FindBar
from .highlights import Mark
from .i18n import N_, tr
from .reader import ReaderText
from .reader_header import ReaderHeader
from .runner import Operation
from .session import AnnotationSession

if TYPE_CHECKING:  # the search module is loaded when a search first runs, not at start-up
    from hashiye.core.search.search import Hit


class ReadingState(QObject):
    articleShown = Signal(str)
    message = Signal(str, int)  # status-bar text, milliseconds

    SYNC_NORMALISE = 100_000  # characters: a longer article is normalised on a worker
    BACKGROUND_READ = 1_000_000  # bytes: a larger article, not read before, is read and parsed on a worker
    PREVIEW = 20_000  # characters: the beginning of such an article, painted while it is read whole

    def __init__(self, context: AppContext, reader: ReaderText, header: ReaderHeader, panel: AnnotationPanel,
                 find_bar: FindBar, owner: QObject) -> None:
        super().__init__(owner)  # ends with its window (the context may outlive it)
        self.context = context
        self.reader, self.header, self.panel, self.find_bar = reader, header, panel, find_bar
        self.current_id: str | None = None
        self.current_ann_id: str | None = None
        self.color = COLORS[0]
        self.original = False
        self.show_hidden = False  # the clean view also shows the lines it hides, faint (gui/hidden_lines.py)
        self.gone: str | None = None  # the open article's file was deleted or renamed on disk
        self.search_hit: Hit | None = None  # the corpus-search hit opened last: marked until the next search
        self._normalise: Operation | None = None
        self._headless_seen: list[tuple[Display, Display]] = []
        self._reading: str | None = None  # a long article being read on the runner, to show when it is
        context.annotationsChanged.connect(self._annotations_changed)
        context.folderOpened.connect(self._folder_opened)
        context.textsChanged.connect(self.upgrade_display)  # the folder's line rules are known now
        panel.jump.connect(self.jump_to_annotation)
        reader.focusMoved.connect(self._focus_moved)

    @property
    def session(self) -> AnnotationSession:
        return self.context.session

    def _folder_opened(self, _path: object) -> None:
        self.current_id = self.current_ann_id = self.gone = None
        self.header.show_record(ArticleRecord(id="", file="", title=tr("در حال خواندن پوشه…")), False)
        self.header.show_warning("")

    # --- showing an article ----------------------------------------------------------------
    def show_article(self, article_id: str, keep_focus: bool = False) -> None:
        """Open an article in the reader with its highlights (a long one is read off the UI thread first)."""
        self._reading = None
        if self.session.needs_reading(article_id, self.BACKGROUND_READ):
            self._read_first(article_id)
            return
        try:
            article = self.session.article(article_id)
            state = self.session.state(article_id)
        except (UnreadableArticle, OSError) as exc:
            if article_id == self.current_id:
                self.article_gone(article_id)
            self.context.failed.emit(file_problem(article_id, str(getattr(exc, "reason", exc))))
            return
        if article_id != self.current_id:
            self.current_ann_id = None
            keep_focus = False
        self.current_id = article_id
        self.gone = None
        display = build_original(article.source_text) if self.original else \
            hidden_lines.view(self.show_hidden, article, self._headless(self._clean_view(article)))
        rec = self.context.record(article_id) or ArticleRecord(id=article_id, file=article.path.name,
                                                               title=article.title)
        self.header.show_record(rec, self.original)
        self.reader.show_article(display, self._marks(state.anchored), keep_focus=keep_focus)
        shown, whole = (len(self.reader.display.text) if self.reader.display is not None else 0), self.reader.whole_length
        cut = [N_("این مقاله کامل نشان داده نمی‌شود: {shown} نویسه از {whole} نشان داده شده است، تا سطری بی‌فاصله "
                  "که برای نمایش بیش از حد بلند است. hashiye-cli show همهٔ متن را چاپ می‌کند.")] if whole and shown else []
        self.header.show_warning(lambda: "\n".join([core_message(w) for w in state.warnings]  # again in a new language
                                                   + [tr(c, shown=shown, whole=whole) for c in cut]))
        if self.search_hit is not None and self.search_hit.id == article_id and not self.original:
            self.reader.show_hit(self.search_hit.start, self.search_hit.end)  # shown again: still marked
        if self.reader.long_layout() and not keep_focus:
            self.message.emit(tr("این مقاله بسیار بلند است: بندها بدون فاصله و با سطرهای فشرده نشان داده می‌شوند."), 8000)
        self.find_bar.set_text(display.text)
        self.panel.set_rows(state.anchored, self.current_ann_id)
        self.context.set_current(article_id)
        self.articleShown.emit(article_id)

    def _headless(self, display: Display) -> Display:
        """`without_headings`, remembered for the last few displays (a 5 MB article's copy takes a moment)."""
        for shown, headless in self._headless_seen:
            if shown is display:
                return headless
        headless = without_headings(display)
        self._headless_seen = [(display, headless), *self._headless_seen[:3]]
        return headless

    @staticmethod
    def _prepared(shown: Display) -> tuple[Display, Display]:
        """On the runner: a display's copy without headings, and what the reader takes to show it."""
        headless = without_headings(shown)
        ReaderText.prepare(headless)
        return shown, headless

    def _remember_headless(self, pair: object) -> None:
        """A display and its copy without headings, made on the runner (not on the UI thread at show time)."""
        if isinstance(pair, tuple) and all(shown is not pair[0] for shown, _h in self._headless_seen):
            self._headless_seen = [pair, *self._headless_seen[:3]]

    def _read_first(self, article_id: str) -> None:
        """Read, parse and lay out a long article's text on the runner; the header says so meanwhile."""
        self._reading = article_id
        # Nothing of the previous article stays on screen or under the keys meanwhile.
        self.current_id = self.current_ann_id = None
        self.reader.show_article(build_original(""), [])
        self.panel.set_rows([], None)
        self.find_bar.set_text("")
        rec = self.context.record(article_id) or ArticleRecord(id=article_id, file=f"{article_id}.txt", title=article_id)
        self.header.show_record(rec, self.original)
        self.header.show_warning(tr("در حال خواندن این مقالهٔ بلند…"))
        session = self.session

        def work(op: Operation) -> tuple[Display, Display]:
            try:  # the beginning first: painted while the whole is read (keys stay off it meanwhile)
                op.deliver(preview_display(session.corpus / f"{article_id}.txt", self.PREVIEW))
            except (UnreadableArticle, OSError):
                pass  # reading it whole says why
            article = session.article(article_id)
            quick = article.display(normalized=False)  # the quick level, kept by the article (hazm's comes later)
            ready = article.normalized_ready()  # hazm's level from the disk cache, if there (a 5 MB JSON read)
            session.state(article_id)  # its highlights anchored on the text: not on the UI thread either
            shown = article.display(normalized=True) if ready else quick  # what `_clean_view` will take
            return self._prepared(shown)

        def preview(display: Display | None) -> None:
            if display is not None and self._reading == article_id and self.session is session:
                self.reader.show_article(display, [])

        def done(result: object) -> None:
            if self._reading == article_id and self.session is session:
                self._remember_headless(result)
                before = self.reader.display
                scrolled = self.reader.verticalScrollBar().value() > 0 and before is not None and bool(before.text)
                top = self.reader.top_position() if scrolled else None
                self.show_article(article_id)
                if top is not None:  # read on from where the beginning was scrolled to
                    self.reader.keep_top(top)

        def failed(why: str) -> None:
            if self._reading == article_id:
                self._reading = None
                self.header.show_warning("")
                self.context.failed.emit(f"{article_id}: {why}")

        self.context.runner.run(tr("خواندن مقاله"), work, on_done=done, on_partial=preview, on_failed=failed)

    def _clean_view(self, article: Article) -> Display:
        """The clean text: hazm's level if at hand or quick to make, else the quick level for now."""
        if article.normalized_ready() or not hazm_loaded() or len(article.source_text) <= self.SYNC_NORMALISE:
            return article.display()
        def work(_op: Operation) -> tuple[Display, Display]:
            return self._prepared(article.display(normalized=True))

        def done(pair: object) -> None:
            self._remember_headless(pair)
            if self.current_id == article.id:
                self.upgrade_display()

        self._normalise = self.context.runner.run(tr("نرمال‌سازی متن"), work, on_done=done)
        return article.display(normalized=False)

    def upgrade_display(self) -> None:
        """Hazm is ready, or the folder's line rules are known: show the current article again, in place."""
        if self.current_id and not self.original and not self.gone:
            self.show_article(self.current_id, keep_focus=True)

    def toggle_original(self) -> None:
        """Ctrl+U: the clean text or the file as stored, at the same place (file positions carry over)."""
        self.original = not self.original
        if self.current_id and not self.gone:
            top = self.reader.top_position() if self.reader.display is not None else 0
            focus = self.reader.focus_span()
            self.show_article(self.current_id)
            self.reader.keep_top(top, focus[0] if focus else None)

    def article_gone(self, article_id: str) -> None:
        """The open article's file was deleted or renamed: say so; keep it on screen, keep keys off it."""
        if article_id != self.current_id or self.gone == article_id:
            return
        self.gone = article_id
        def text() -> str:
            return tr("پروندهٔ این مقاله ({name}) روی دیسک حذف یا جابه‌جا شد. متن تا انتخاب مقالهٔ دیگری "
                      "این‌جا می‌ماند؛ برجسته‌سازی روی آن ممکن نیست.", name=f"\u2068{article_id}.txt\u2069")

        self.header.show_warning(text)
        self.message.emit(text(), 10000)

    def article_back(self, article_id: str) -> None:
        """The file is there again (a sync tool put it back): show it afresh."""
        if self.gone == article_id:
            self.session.forget(article_id, text_too=True)
            self.show_article(article_id, keep_focus=True)

    # --- highlights in the views -------------------------------------------------------------
    def _marks(self, rows: list[Anchored]) -> list[Mark]:
        return [Mark(a.start, a.end, a.annotation.color, bool(a.annotation.note),
                     a.annotation.id == self.current_ann_id)
                for a in rows if a.start is not None and a.end is not None and a.end > a.start]

    def refresh_annotations(self) -> None:
        if not self.current_id or self.gone:
            return
        rows = self.rows()
        self.reader.set_marks(self._marks(rows))
        self.panel.set_rows(rows, self.current_ann_id)

    def rows(self) -> list[Anchored]:
        """The current article's placed and orphaned annotations ([] if none is open)."""
        if not self.current_id or self.gone:
            return []
        try:
            return self.session.state(self.current_id).anchored
        except (UnreadableArticle, OSError):
            return []

    def _annotations_changed(self, article_id: str) -> None:
        if article_id == self.current_id:
            self.refresh_annotations()

    def _focus_moved(self) -> None:
        if self.current_ann_id is not None:  # the chosen highlight is painted as one no longer
            self.current_ann_id = None
            self.reader.set_marks(self._marks(self.rows()))
        under = self.annotation_under_focus()
        self.panel.select(under.annotation.id if under else None)

    def annotation_under_focus(self) -> Anchored | None:
        """The chosen highlight (] [ or panel), else the first one touching the focused sentence."""
        rows = self.rows()
        if self.current_ann_id:
            chosen = next((a for a in rows if a.annotation.id == self.current_ann_id), None)
            if chosen is not None:
                return chosen
        focus = self.reader.focus_span()
        if focus is None:
            return None
        s, e = focus
        return next((a for a in rows if a.start is not None and a.end is not None
                     and a.start < e and a.end > s), None)

    def step_highlight(self, step: int) -> None:
        """] / [: move to the next or previous placed highlight."""
        rows = [a for a in self.rows() if a.start is not None]
        if not rows:
            return
        ids = [a.annotation.id for a in rows]
        if self.current_ann_id in ids:
            k = (ids.index(self.current_ann_id) + step) % len(rows)
        else:
            focus = self.reader.focus_span()
            pos = focus[0] if focus else 0
            after = [i for i, a in enumerate(rows) if (a.start or 0) > pos] if step > 0 else \
                    [i for i, a in enumerate(rows) if (a.start or 0) < pos]
            k = (after[0] if step > 0 else after[-1]) if after else (0 if step > 0 else len(rows) - 1)
        self.jump_to_annotation(ids[k])

    def jump_to_annotation(self, annotation_id: str) -> None:
        """Show a highlight in the reader and make it the current one."""
        a = next((x for x in self.rows() if x.annotation.id == annotation_id), None)
        if a is None:
            return
        if a.start is not None:
            self.reader.focus_on(a.start)
        self.current_ann_id = annotation_id
        self.refresh_annotations()

    def show_hit(self, hit: Hit) -> None:
        """Mark a corpus-search hit (file positions) in the open article, until the next search."""
        self.search_hit = hit
        if self.current_id == hit.id:
            self.reader.show_hit(hit.start, hit.end)

    def forget_hit(self) -> None:
        """A new corpus search: the hit marked from the last one goes."""
        if self.search_hit is not None and self.search_hit.id == self.current_id:
            self.reader.set_hits([], -1)
        self.search_hit = None

    def find_in_article(self) -> None:
        """Ctrl+F, /: find in this article (all spellings of a word)."""
        if self.reader.display is not None:
            self.find_bar.open_bar(self.reader.display.text)
