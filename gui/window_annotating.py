"""The window's annotating actions: highlight, recolour, note, tags, delete, move between highlights."""

from __future__ import annotations

from collections.abc import Callable

from hashiye.core.annotations import Anchored, Annotation, edited, new_annotation
from PySide6.QtWidgets import QDialog

from .commands import ChangeAnnotations
from .editors import NoteEditor, TagEditor
from .i18n import tr


class AnnotatingMixin:
    """Annotating actions of the main window (mixed into MainWindow; uses its reader, panel, session)."""

    # --- annotating -----------------------------------------------------------------------
    def _target_span(self) -> tuple[int, int] | None:
        """Source span of the selection, else of the focused sentence(s)."""
        if self._display is None:
            return None
        span = self.reader.selection_span() or self.reader.focus_span()
        if span is None or span[1] <= span[0]:
            return None
        return self._display.map.to_source(*span)

    def highlight(self, color: str) -> None:
        """h / 1…5: highlight the selection or focused sentence(s); on a highlight, recolour it."""
        if not self.current_id:
            return
        self.color = color
        existing = self.annotation_under_focus() if not self.reader.selection_span() else None
        if existing is not None and existing.annotation.color != color:
            old = existing.annotation
            self._push(old.id, [old], [edited(old, color=color)], tr("تغییر رنگ"))
            return
        if existing is not None:
            self.current_ann_id = existing.annotation.id
            self._refresh_annotations()
            return
        span = self._target_span()
        if span is None:
            return
        article = self.session.article(self.current_id)
        ann = new_annotation(article.id, article.source_text, span[0], span[1], color)
        self._push(ann.id, [], [ann], tr("برجسته‌سازی"))
        self.reader.setTextCursor(self.reader.textCursor())  # keep focus, drop nothing

    def _push(self, focus_id: str | None, before: list, after: list, text: str) -> None:
        assert self.current_id
        self.current_ann_id = focus_id
        self.undo_stack.push(ChangeAnnotations(self.session, self.current_id, before, after, text))

    def annotation_under_focus(self) -> Anchored | None:
        """The chosen highlight (] [ or panel), else the first one touching the focused sentence."""
        if not self.current_id or self._display is None:
            return None
        rows = self.session.state(self.current_id).anchored
        if self.current_ann_id:
            chosen = next((a for a in rows if a.annotation.id == self.current_ann_id), None)
            if chosen is not None:
                return chosen
        focus = self.reader.focus_span()
        if focus is None:
            return None
        s, e = self._display.map.to_source(*focus)
        return next((a for a in rows if a.start is not None and a.end is not None
                     and a.start < e and a.end > s), None)

    def _field_saver(self, field: str, label: str) -> tuple[Annotation, Callable[[object], None]] | None:
        """The highlight under focus and a function that saves a new value of one of its fields.

        The save merges with what is on disk by then (another window may have edited it).
        """
        target = self.annotation_under_focus()
        if target is None or self.current_id is None:
            self.say_nothing_under_focus()
            return None
        old, article_id = target.annotation, self.current_id

        def save(value: object) -> None:
            fresh = self.session.find(article_id, old.id) or old
            if value != getattr(fresh, field):
                self.undo_stack.push(ChangeAnnotations(self.session, article_id, [fresh],
                                                       [edited(fresh, **{field: value})], label))

        return old, save

    def edit_note(self) -> None:
        """n: write or edit the note of the highlight under focus (highlighting first if needed)."""
        if self.annotation_under_focus() is None:
            self.highlight(self.color)
        found = self._field_saver("note", tr("یادداشت"))
        if found is not None:
            old, save = found
            self.note_editor = NoteEditor(self, old.exact, old.note, save)
            self._open_editor(self.note_editor)

    def edit_tags(self) -> None:
        """t: edit the tags of the highlight under focus."""
        found = self._field_saver("tags", tr("برچسب"))
        if found is not None:
            old, save = found
            self.tag_editor = TagEditor(self, old.exact, old.tags, self.session.all_tags(), save)
            self._open_editor(self.tag_editor)

    def _open_editor(self, editor: QDialog) -> None:
        """Show an editor; when it closes, the reader has the keyboard again."""
        def back() -> None:
            self.activateWindow()
            self.reader.setFocus()

        editor.finished.connect(back)
        editor.open()

    def say_nothing_under_focus(self) -> None:
        self.statusBar().showMessage(
            tr("روی جملهٔ برگزیده برجسته‌سازی‌ای نیست: با H یا ۱ تا ۵ بسازید، یا با ] و [ یکی را برگزینید"), 5000)

    def delete_current(self) -> None:
        target = self.annotation_under_focus()
        if target is None:
            self.say_nothing_under_focus()
            return
        self._push(None, [target.annotation], [], tr("حذف برجسته‌سازی"))

    def step_highlight(self, step: int) -> None:
        """] / [: move to the next or previous placed highlight."""
        if not self.current_id or self._display is None:
            return
        rows = [a for a in self.session.state(self.current_id).anchored if a.start is not None]
        if not rows:
            return
        ids = [a.annotation.id for a in rows]
        if self.current_ann_id in ids:
            k = (ids.index(self.current_ann_id) + step) % len(rows)
        else:
            focus = self.reader.focus_span()
            pos = self._display.map.to_source(*focus)[0] if focus else 0
            after = [i for i, a in enumerate(rows) if (a.start or 0) > pos] if step > 0 else \
                    [i for i, a in enumerate(rows) if (a.start or 0) < pos]
            k = (after[0] if step > 0 else after[-1]) if after else (0 if step > 0 else len(rows) - 1)
        self.jump_to_annotation(ids[k])

    def jump_to_annotation(self, annotation_id: str) -> None:
        """Show a highlight in the reader and make it the current one."""
        if not self.current_id or self._display is None:
            return
        a = next((x for x in self.session.state(self.current_id).anchored
                  if x.annotation.id == annotation_id), None)
        if a is None:
            return
        if a.start is not None and a.end is not None:
            s, _e = self._display.map.to_display(a.start, a.end)
            self.reader.focus_on_display(s)
        self.current_ann_id = annotation_id
        self._refresh_annotations()
