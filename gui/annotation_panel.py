"""The annotation panel: the article's highlights (quote, note, tags, colour); orphans never hidden."""

from __future__ import annotations

from typing import Any

from hashiye.core.annotations.model import Anchored
from hashiye.core.annotations.coders import coder_of
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget

from .colors import color_label, mark_color
from .i18n import N_, digits, direction, is_rtl, join, text_direction, tr
from .qtext import plain_label, plain_tip
from .views import on_enter

Index = QModelIndex | QPersistentModelIndex
AnchoredRole = Qt.ItemDataRole.UserRole + 2
ORPHAN_TEXT = N_("جای این برجسته‌سازی در متن پیدا نشد")


class AnnotationModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Anchored] = []

    def set_rows(self, rows: list[Anchored]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        ann = a.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return ann.exact
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [color_label(ann.color), ann.exact]
            if ann.note:
                parts.append(tr("یادداشت: {note}", note=ann.note))
            if ann.tags:
                parts.append(tr("برچسب‌ها: {tags}", tags=join(ann.tags)))
            if coder_of(ann):
                parts.append(tr("کدگذار: {name}", name=coder_of(ann)))
            if a.status == "orphan":
                parts.insert(0, tr(ORPHAN_TEXT))
            text = "\n".join(parts)
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == AnchoredRole:
            return a
        return None

    def row_of(self, annotation_id: str) -> int:
        return next((i for i, a in enumerate(self.rows) if a.annotation.id == annotation_id), -1)


class AnnotationDelegate(QStyledItemDelegate):
    """Colour bar, quote (two lines), note and tags; orphans say they could not be placed."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        a: Anchored = index.data(AnchoredRole)
        fm = QFontMetrics(option.font)
        quote = "«" + " ".join(a.annotation.exact.split()) + "»"
        width = option.rect.width() - self.PAD * 2 - 14
        lines = 1 if 0 < width and fm.horizontalAdvance(quote) <= width else 2
        lines += (1 if a.annotation.note else 0) + (1 if a.annotation.tags else 0)
        lines += 1 if coder_of(a.annotation) else 0
        lines += 1 if a.status == "orphan" else 0
        return QSize(200, lines * (fm.height() + 2) + self.PAD * 2)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        a: Anchored = index.data(AnchoredRole)
        ann = a.annotation
        self.initStyleOption(option, index)
        option.text = ""
        if option.widget is not None:
            option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fg = option.palette.color(QPalette.ColorRole.Text)
        fm = QFontMetrics(option.font)
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        painter.fillRect(QRect(r.right() - 5, r.top(), 6, r.height()), mark_color(ann.color))
        text_rect = r.adjusted(0, 0, -14, 0)
        y = text_rect.top()
        step = fm.height() + 2

        def line(text: str, font: QFont | None = None, dim: bool = False, label: str = "") -> None:
            """One line; `label` (the interface's «Tags: », say) goes first on the interface's side, in
            its direction, and `text` after it in its own: drawn as one string, an English label's
            colon is shaped with the Persian value that follows it and lands on the wrong side."""
            nonlocal y
            f = font or option.font
            painter.setFont(f)
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText) if dim and not selected else fg)
            left, width = text_rect.left(), text_rect.width()
            toward_label = Qt.AlignmentFlag.AlignRight
            if label:
                ui_rtl = is_rtl()
                label_w = min(QFontMetrics(f).horizontalAdvance(label), width)
                painter.setLayoutDirection(direction())
                at = left + width - label_w if ui_rtl else left
                painter.drawText(QRect(at, y, label_w, step), _ONE_LINE | (Qt.AlignmentFlag.AlignRight if ui_rtl
                                 else Qt.AlignmentFlag.AlignLeft), label)
                width -= label_w
                left += 0 if ui_rtl else label_w
                toward_label = Qt.AlignmentFlag.AlignRight if ui_rtl else Qt.AlignmentFlag.AlignLeft
            # Each line in its own direction: the quote is Persian, a note or the tags may be English.
            rtl = text_direction(text) == Qt.LayoutDirection.RightToLeft
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            side = toward_label if label else Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            shown = QFontMetrics(f).elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, y, width, step), _ONE_LINE | side, shown)
            y += step

        def labelled(template: str, field: str, value: str) -> None:
            """A «label: value» line whose label comes from the translation of `template`."""
            head, _, tail = tr(template, **{field: "\x00"}).partition("\x00")
            if tail.strip() or not head:
                line(tr(template, **{field: value}), dim=True)  # a language writing the value first
            else:
                line(value, dim=True, label=head)

        if a.status == "orphan":
            warn = QFont(option.font)
            warn.setBold(True)
            line("⚠ " + tr(ORPHAN_TEXT), warn)
        quote = "«" + " ".join(ann.exact.split()) + "»"
        cut = _fit(quote, fm, text_rect.width())
        line(quote[:cut])
        if cut < len(quote):
            line(quote[cut:], dim=True)
        if ann.note:
            italic = QFont(option.font)
            italic.setItalic(True)
            line("✎ " + " ".join(ann.note.split()), italic)
        if ann.tags:
            labelled(N_("برچسب: {tags}"), "tags", digits(join(ann.tags)))
        coder = coder_of(ann)
        if coder:
            labelled(N_("کدگذار: {name}"), "name", coder)
        painter.restore()


_ONE_LINE = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextSingleLine


def _fit(text: str, fm: QFontMetrics, width: int) -> int:
    """How many characters of `text` fit on one line (cut at a space)."""
    if fm.horizontalAdvance(text) <= width:
        return len(text)
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fm.horizontalAdvance(text[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    space = text.rfind(" ", 0, lo)
    return space + 1 if space > 0 else lo


class AnnotationPanel(QWidget):
    """Title line with counts, and the list of the article's highlights."""

    jump = Signal(str)  # annotation id

    def __init__(self) -> None:
        super().__init__()
        self.header = plain_label(QLabel())
        self.header.setObjectName("panelHeader")
        self.model = AnnotationModel()
        self.view = QListView()
        self.view.setObjectName("annotationList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AnnotationDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        on_enter(self.view, lambda idx: self.jump.emit(idx.data(AnchoredRole).annotation.id))
        self.view.clicked.connect(lambda idx: self.jump.emit(idx.data(AnchoredRole).annotation.id))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("panelEmpty")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 12, 8, 8)
        lay.addWidget(self.header)
        lay.addWidget(self.empty)
        lay.addWidget(self.view, 1)
        self._counts: tuple[int, int] | None = None  # highlights and orphans shown in the title line
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.view.setAccessibleName(tr("فهرست برجسته‌سازی‌ها"))
        self.empty.setText(tr("هنوز برجسته‌سازی‌ای نیست.\nجمله‌ای را با پیکان‌ها برگزینید و h یا ۱ تا ۵ را بزنید."))
        if self._counts is None:
            self.header.setText(tr("برجسته‌سازی‌ها"))
            return
        rows, orphans = self._counts
        text = tr("برجسته‌سازی‌ها ({n})", n=rows)
        if orphans:
            text += tr(" — {n} جاگم‌شده", n=orphans)
        self.header.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_rows(self, rows: list[Anchored], current_id: str | None) -> None:
        self.model.set_rows(rows)
        self._counts = (len(rows), sum(1 for a in rows if a.status == "orphan"))
        self.retranslate_ui()
        self.empty.setVisible(not rows)
        self.select(current_id)

    def select(self, annotation_id: str | None) -> None:
        row = self.model.row_of(annotation_id) if annotation_id else -1
        if row >= 0:
            idx = self.model.index(row)
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
