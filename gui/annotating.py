"""The annotating actions: highlight, recolour, note, tags, delete; each one an undoable change.

Typed text is never thrown away: a note or tags that cannot be saved (the article was deleted or
renamed, the disk is full, the folder is read-only) leave the editor open with the text and the
reason, and the note being typed is kept as a draft in the user data area until it is saved.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hashiye.core.annotations.model import CSS, Annotation, edited, new_annotation
from hashiye.core.annotations.coders import with_coder
from hashiye.core.text.textio import UnreadableArticle
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from .accessible import name_parts
from .coder import coder_name
from .colors import color_label
from .commands import ChangeAnnotations
from .drafts import Draft, drafts_for, drop_draft, save_draft
from .i18n import tr
from .reading import ReadingState

if TYPE_CHECKING:  # the editors are loaded when one first opens, not at start-up
    from .editors import NoteEditor, TagEditor


class Annotator(QObject):
    message = Signal(str, int)  # status-bar text, milliseconds
    codesUsed = Signal(list)  # tags just put on a highlight (the recent codes follow them)

    def __init__(self, state: ReadingState, window: QWidget) -> None:
        super().__init__(state)
        self.state = state
        self.context = state.context
        self._window = weakref.ref(window)  # the window owns this: no cycle that keeps it alive
        self.note_editor: NoteEditor | None = None
        self.tag_editor: TagEditor | None = None

    @property
    def window(self) -> QWidget:
        window = self._window()
        assert window is not None
        return window

    def _usable(self) -> bool:
        """False (and a message) when there is no article to annotate, or its file went away."""
        if self.state.gone:
            self.message.emit(tr("این مقاله دیگر روی دیسک نیست؛ برجسته‌سازی روی آن ممکن نیست."), 6000)
            return False
        return self.state.current_id is not None

    def highlight(self, color: str) -> None:
        """h / 1…5: highlight the selection or focused sentence(s); on a highlight, recolour it."""
        if not self._usable():
            return
        reader, state = self.state.reader, self.state
        state.color = color
        existing = state.annotation_under_focus() if not reader.selection_span() else None
        if existing is not None and existing.annotation.color != color:
            old = existing.annotation
            if self._push(old.id, [old], [edited(old, color=color)], tr("تغییر رنگ")) is None:
                self.message.emit(tr("رنگ برجسته‌سازی {color} شد (Ctrl+Z برای واگرد)", color=color_label(color)), 4000)
            return
        if existing is not None:
            state.current_ann_id = existing.annotation.id
            state.refresh_annotations()
            return
        span = reader.selection_span() or reader.focus_span()
        if span is None or span[1] <= span[0] or state.current_id is None:
            return
        article = state.session.article(state.current_id)
        ann = self._new(article.id, article.source_text, span, color)
        self._push(ann.id, [], [ann], tr("برجسته‌سازی"))
        reader.clear_selection()  # the new colour shows at once, not covered by the selection

    def _push(self, focus_id: str | None, before: list[Annotation], after: list[Annotation], text: str) -> str | None:
        """Save one change through the undo stack; the reason when it could not be saved."""
        assert self.state.current_id
        self.state.current_ann_id = focus_id
        return self._change(self.state.current_id, before, after, text)

    def _change(self, article_id: str, before: list[Annotation], after: list[Annotation], text: str) -> str | None:
        session = self.context.session
        session.last_error = None
        self.context.undo_stack.push(ChangeAnnotations(session, article_id, before, after, text))
        if session.last_error is None:
            had = {t for a in before for t in a.tags}
            added = [t for a in after for t in a.tags if t not in had]
            if added:
                self.codesUsed.emit(list(dict.fromkeys(added)))
        return session.last_error

    def apply_code(self, tag: str, css_color: str = "") -> None:
        """Put a code on the highlight under focus, or highlight the selection or focused sentence(s) with
        it (in the code's colour when that is one of the five): one undoable step."""
        if not self._usable():
            return
        target = self.state.annotation_under_focus() if not self.state.reader.selection_span() else None
        if target is not None:
            old = target.annotation
            if tag in old.tags:
                self.message.emit(tr("این برجسته‌سازی کد «{code}» را دارد", code=tag), 4000)
                return
            if self._push(old.id, [old], [edited(old, tags=[*old.tags, tag])], tr("کد «{code}»", code=tag)) is None:
                self.message.emit(tr("کد «{code}» زده شد (Ctrl+Z برای واگرد)", code=tag), 4000)
            return
        new = self._pending()
        if new is None:
            self.say_nothing_under_focus()
            return
        color = next((name for name, css in CSS.items() if css.lower() == css_color.lower()), new.color)
        if self._push(new.id, [], [replace(new, tags=[tag], color=color)], tr("کد «{code}»", code=tag)) is None:
            self.message.emit(tr("کد «{code}» زده شد (Ctrl+Z برای واگرد)", code=tag), 4000)
        self.state.reader.clear_selection()

    def _pending(self, span: tuple[int, int] | None = None, annotation_id: str | None = None) -> Annotation | None:
        """A highlight of the selection or focused sentence(s), made but not saved: n or t on a sentence
        without a highlight saves it only with the note or tags (Esc leaves nothing behind)."""
        span = span or self.state.reader.selection_span() or self.state.reader.focus_span()
        if span is None or span[1] <= span[0] or self.state.current_id is None:
            return None
        article = self.state.session.article(self.state.current_id)
        new = self._new(article.id, article.source_text, span, self.state.color)
        return replace(new, id=annotation_id) if annotation_id else new

    def _new(self, article_id: str, text: str, span: tuple[int, int], color: str) -> Annotation:
        """A new highlight, made by the coder named in the settings (its W3C creator), if one is."""
        return with_coder(new_annotation(article_id, text, span[0], span[1], color),
                          coder_name(self.context.settings))

    def _field_saver(self, field: str, label: str, span: tuple[int, int] | None = None,
                     annotation_id: str | None = None) -> tuple[Annotation, Callable[[object], str | None]] | None:
        """The highlight under focus (or a new one, saved with its first value) and a function that saves
        a new value of one of its fields.

        The save merges with what is on disk by then (another window may have edited it); it
        returns None, or why it could not save.
        """
        target = self.state.annotation_under_focus() if span is None else None
        new = self._pending(span, annotation_id) if target is None else None
        if (target is None and new is None) or self.state.current_id is None:
            self.say_nothing_under_focus()
            return None
        old = target.annotation if target is not None else new
        assert old is not None
        article_id = self.state.current_id

        if new is not None:
            def save_new(value: object) -> str | None:
                if self.state.gone == article_id:
                    return tr("پروندهٔ مقاله روی دیسک حذف یا جابه‌جا شده است")
                self.state.current_ann_id = new.id
                return self._change(article_id, [], [edited(new, **{field: value})], label)

            return new, save_new

        def save(value: object) -> str | None:
            if self.state.gone == article_id:
                return tr("پروندهٔ مقاله روی دیسک حذف یا جابه‌جا شده است")
            try:
                fresh = self.context.session.find(article_id, old.id) or old
            except (UnreadableArticle, OSError) as exc:
                return str(getattr(exc, "reason", exc))
            if value == getattr(fresh, field):
                return None
            return self._change(article_id, [fresh], [edited(fresh, **{field: value})], label)

        return old, save

    def edit_note(self, text: str | None = None, span: tuple[int, int] | None = None,
                  annotation_id: str | None = None) -> None:
        """n: write or edit the note of the highlight under focus; on a sentence without one, the
        highlight is saved with the note (Esc saves nothing).

        `text`: start from this text instead of the saved note (a draft offered again); `span`: the
        draft was for a highlight not yet saved, over these file code points, with this id."""
        if not self._usable():
            return
        found = self._field_saver("note", tr("یادداشت"), span, annotation_id)
        if found is None:
            return
        old, save = found
        corpus, article_id = self.context.folder, self.state.current_id or ""
        new = self.context.session.find(article_id, old.id) is None

        def keep(typed: str | None) -> None:
            self._keep_draft(corpus, article_id, old.id, typed, old.note,
                             (old.start, old.end) if new else (-1, -1))

        hint = tr("یادداشتی که پیش‌تر ذخیره نشده بود بازگردانده شد.") if text is not None else ""
        from .editors import NoteEditor

        editor = NoteEditor(self.window, old.exact, old.note if text is None else text,
                            lambda value: save(value), keep, hint)
        self.note_editor = editor
        self._open_editor(editor)

    def _keep_draft(self, corpus: Path, article_id: str, annotation_id: str, typed: str | None, saved: str,
                    span: tuple[int, int] = (-1, -1)) -> None:
        if typed is None or typed.strip() == saved.strip():
            editor = self.note_editor
            if typed is None and editor is not None and editor.result() != QDialog.DialogCode.Accepted \
                    and editor.problem.isVisible():
                return  # closed after a failed save: the draft stays, to be offered again
            drop_draft(corpus, article_id, annotation_id)
            return
        try:
            save_draft(Draft(str(corpus), article_id, annotation_id, typed, *span))
        except OSError as exc:
            self.message.emit(tr("پیش‌نویس یادداشت ذخیره نشد: {why}", why=exc.strerror or exc), 6000)

    def offer_drafts(self) -> Draft | None:
        """A note left unsaved in this folder (a crash, a full disk): the first one, if any."""
        return next(iter(drafts_for(self.context.folder)), None)

    def edit_tags(self) -> None:
        """t: edit the tags of the highlight under focus."""
        if not self._usable():
            return
        found = self._field_saver("tags", tr("برچسب"))
        if found is not None:
            old, save = found
            from .editors import TagEditor

            self.tag_editor = TagEditor(self.window, old.exact, old.tags, self.context.session.all_tags(), save)
            self._open_editor(self.tag_editor)

    def _open_editor(self, editor: QDialog) -> None:
        """Show an editor; when it closes, the reader has the keyboard again."""
        def back() -> None:
            self.window.activateWindow()
            self.state.reader.setFocus()

        editor.finished.connect(back)
        name_parts(editor)
        editor.open()

    def say_nothing_under_focus(self) -> None:
        self.message.emit(
            tr("روی جملهٔ برگزیده برجسته‌سازی‌ای نیست: با h یا ۱ تا ۵ بسازید، یا با ] و [ یکی را برگزینید"), 5000)

    def delete_current(self) -> None:
        if not self._usable():
            return
        target = self.state.annotation_under_focus()
        if target is None:
            self.say_nothing_under_focus()
            return
        if self._push(None, [target.annotation], [], tr("حذف برجسته‌سازی")) is None:
            self.message.emit(tr("برجسته‌سازی حذف شد (Ctrl+Z برای واگرد)"), 5000)

    def undo(self) -> None:
        """Ctrl+Z, saying in the status bar what was undone."""
        self._step(undo=True)

    def redo(self) -> None:
        """Ctrl+Shift+Z / Ctrl+Y, saying what was done again."""
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        stack, session = self.context.undo_stack, self.context.session
        if not (stack.canUndo() if undo else stack.canRedo()):
            self.message.emit(tr("چیزی برای واگرد نیست") if undo else tr("چیزی برای ازنو نیست"), 3000)
            return
        what = stack.undoText() if undo else stack.redoText()
        session.last_error = None
        stack.undo() if undo else stack.redo()
        if session.last_error is None:
            self.message.emit(tr("واگرد شد: {what}", what=what) if undo else tr("ازنو انجام شد: {what}", what=what),
                              4000)
