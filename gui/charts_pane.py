"""Charts of the codes (a pane below the reader): counts by Jalali month, by source, and the co-occurrence
matrix. The chart is core/analysis/report.py's SVG (labels and legend right to left) shown through QtSvg, so what
the pane shows, what it exports and what `hashiye-cli report` writes are one drawing; PNG is that SVG
rendered here. Counting runs on the context's runner; exports go through core/files/atomic.py's writer after
core/exchange/output_guard.py's refusals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hashiye.core.corpus.filters import Filter
from hashiye.core.corpus.records import ArticleRecord
from hashiye.core.text.normalize import DigitStyle
from hashiye.core.analysis.report import KINDS, Report, build_report, to_csv, to_svg
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .context import AppContext
from .i18n import N_, digit_style, direction, tr
from .runner import Operation

KIND_LABELS = {"month": N_("کدها در هر ماه"), "source": N_("کدها در هر منبع"), "cooccurrence": N_("هم‌رخدادی کدها")}
FORMATS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "csv": "CSV (*.csv)"}
PNG_SCALE = 2  # pixels per SVG unit in an exported PNG (sharp on a high-density screen or in print)


@dataclass(frozen=True)
class Chart:
    """A counted report with its drawing and its table, as they are shown and exported."""

    report: Report
    svg: str
    csv: str


def chart_of(corpus: Path, by: str, tags: list[str] | None, metadata: dict[str, ArticleRecord] | None,
             articles: set[str] | None, digits: DigitStyle = "latin") -> Chart:
    """Count and draw (run on the runner); the drawing's counts in `digits`, the table's in ASCII."""
    report = build_report(corpus, by, tags, metadata=metadata, articles=articles)
    return Chart(report, to_svg(report, digits), to_csv(report))


def png_bytes(svg: str, scale: int = PNG_SCALE) -> bytes:
    """The SVG rendered as a PNG on a white page."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize() * scale
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


class ChartView(QWidget):
    """The SVG at its own size, or smaller to fit the pane (down to `MIN_SCALE`; the scroll area
    scrolls what is still larger)."""

    MIN_SCALE = 0.6

    def __init__(self) -> None:
        super().__init__()
        self.renderer = QSvgRenderer(self)
        self.room = QSize(0, 0)  # the space the pane gives the chart

    def show_svg(self, svg: str) -> None:
        self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.fit()

    def fit(self, room: QSize | None = None) -> None:
        self.room = room or self.room
        size = self.renderer.defaultSize() if self.renderer.isValid() else QSize(0, 0)
        if size.isEmpty():
            self.setFixedSize(QSize(0, 0))
            return
        scale = 1.0
        if not self.room.isEmpty():
            scale = max(self.MIN_SCALE, min(1.0, self.room.width() / size.width(), self.room.height() / size.height()))
        self.setFixedSize(size * scale)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.renderer.isValid():
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor("white"))  # the page of the SVG (QtSvg skips a 100% rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.renderer.render(painter, QRectF(self.rect()))


class _Room(QObject):
    """Tells the chart how much room its scroll area has whenever that changes."""

    def __init__(self, area: QScrollArea, view: ChartView) -> None:
        super().__init__(area)
        self.area, self.view = area, view
        area.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.view.fit(self.area.viewport().size())
        return False


class ChartsPane(QWidget):
    """Which chart, an export button, and the chart; follows the folder's annotations and the list's filters."""

    shown = Signal()  # a chart was drawn
    exported = Signal(bool)  # an export ended: written or not (the status line says why)

    def __init__(self, parent: QWidget, context: AppContext,
                 list_filter: Callable[[], Filter] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list_filter = list_filter
        self.setObjectName("chartsPane")
        self.setLayoutDirection(direction())
        self.kind = QComboBox()
        self.kind.setObjectName("chartKind")
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton()
        self.export_button.setObjectName("chartExport")
        self.export_button.clicked.connect(self.choose_export)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.view = ChartView()
        self.view.setObjectName("chartView")
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.view)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        _Room(self.scroller, self.view)
        self._kind_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self._kind_label)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.scroller, 1)
        self.chart: Chart | None = None
        self._op: Operation | None = None
        self._write_op: Operation | None = None
        self._later = QTimer(self, singleShot=True, interval=400)
        self._later.timeout.connect(self.refresh)
        context.annotationsChanged.connect(lambda _a: self.isVisible() and self._later.start())
        context.folderOpened.connect(lambda _p: self.refresh())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setLayoutDirection(direction())
        self.setWindowTitle(tr("نمودارها"))
        self._kind_label.setText(tr("نمودار"))
        self.export_button.setText(tr("برون‌بری نمودار…"))
        self.kind.blockSignals(True)
        chosen = self.kind.currentData()
        self.kind.clear()
        for kind in KINDS:
            self.kind.addItem(tr(KIND_LABELS[kind]), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def present(self) -> None:
        if self.chart is None:
            self.refresh()
        self.kind.setFocus()

    # --- counting --------------------------------------------------------------------------------
    def refresh(self) -> Operation | None:
        """Count and draw the chosen chart on the runner (a newer one replaces one still running)."""
        if self.context.corpus is None:
            return None
        if self._op is not None:
            self._op.cancel()
        by = self.kind.currentData() or "month"
        keep = self.list_filter() if self.list_filter is not None else Filter()
        tags = list(keep.tags) or None
        corpus = self.context.folder
        listing = self.context.listing
        records = list(listing.articles) if listing is not None else []
        metadata = {r.id: r for r in records} if listing is not None and not listing.partial else None
        self.status.setText(tr("در حال شمارش…"))
        digits = digit_style()
        op = self._op = self.context.runner.run(
            tr("نمودار"), lambda _op: chart_of(corpus, by, tags, metadata, keep.kept_articles(records), digits),
            on_done=self._show,
            on_failed=self.status.setText)
        return op

    def _show(self, chart: Chart) -> None:
        self.chart = chart
        self.view.show_svg(chart.svg)
        report = chart.report
        if not report.columns:
            self.status.setText(tr("هنوز هیچ برجسته‌سازی کددار (برچسب‌دار) در این پوشه نیست."))
        else:
            self.status.setText(tr("{n} برجسته‌سازی", n=report.annotations) + tr("؛ ")
                                + tr("{n} کد", n=len(report.columns)))
        self.shown.emit()

    # --- export ----------------------------------------------------------------------------------
    def choose_export(self) -> None:
        """Ask where to write the shown chart (PNG, SVG or CSV by the chosen type or the name's ending)."""
        if self.chart is None:
            return
        by = self.chart.report.by
        start = str(Path.home() / f"hashiye-{by}.png")
        name, chosen = QFileDialog.getSaveFileName(self, tr("برون‌بری نمودار"), start, ";;".join(FORMATS.values()))
        if not name:
            return
        path = Path(name)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            fmt = next((k for k, v in FORMATS.items() if v == chosen), "png")
            path = path.with_name(path.name + "." + fmt)
        self.export_to(path, fmt)

    def export_to(self, target: Path, fmt: str) -> Operation | None:
        """Write the shown chart as `fmt` (png, svg, csv) on the runner; never onto the folder's articles
        or annotations. `exported` and the status line say where, or why not."""
        from hashiye.core.files.atomic import write_output
        from hashiye.core.exchange.output_guard import ProtectedPath, refuse_corpus_target

        if self.chart is None:
            return None
        try:
            refuse_corpus_target(self.context.folder, target)
        except ProtectedPath as exc:
            self.status.setText(tr("چیزی نوشته نشد: {why}", why=str(exc)))
            self.exported.emit(False)
            return None
        chart = self.chart
        data = png_bytes(chart.svg) if fmt == "png" else (chart.svg if fmt == "svg" else chart.csv).encode("utf-8")

        def failed(why: str) -> None:
            self.status.setText(tr("نوشتن {target} ممکن نشد: {why}. چیزی نوشته نشد.", target=target, why=why))
            self.exported.emit(False)

        def written(_r: object) -> None:
            self.status.setText(tr("نمودار در {target} نوشته شد.", target=target))
            self.exported.emit(True)

        self._write_op = self.context.runner.run(tr("برون‌بری نمودار"), lambda _op: write_output(target, data),
                                                 on_done=written, on_failed=failed)
        return self._write_op

    def stop(self) -> None:
        for op in (self._op, self._write_op):
            if op is not None:
                op.cancel()
