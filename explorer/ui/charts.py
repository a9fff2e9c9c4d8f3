"""Charts: a condition's recovery timeline and the running-load planner (pyqtgraph).

pyqtgraph (with numpy) costs about 0.4 s to import, so this is the only module that
imports it, and nothing imports this module at start-up: the main window imports it
the first time a chart is shown (tests/test_charts.py checks both). Each chart is drawn
by a function that takes a PlotItem, so the widget on screen and the image exported
for print draw the same thing; exports use a fixed logical size, so a printed chart
does not depend on how large the window was. pyqtgraph's SVGExporter is broken on
current Qt and its PrintExporter is disabled: images go through ImageExporter.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QFormLayout,
    QGraphicsItem,
    QGraphicsWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.model.entities import Condition
from explorer.model.running_load import (
    HISTORY_DAYS,
    Baseline,
    LoadInputError,
    Plan,
    Run,
    RunLog,
    Spike,
    Timeline,
    Unit,
    as_typed,
    check_baseline,
    check_input,
    convert_distance,
    format_distance,
    gradual_plan,
    phases_timeline,
    run_problem,
    spike_limit,
    spikes,
)
from explorer.ui.contrast import GRAPHIC_CONTRAST, darkened
from explorer.ui.dialogs import key_for
from explorer.ui.wrapped_label import WrappedLabel

# Curves and bars are smoother antialiased; pyqtgraph reads this when painting.
pg.setConfigOptions(antialias=True)

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
BLUE, ORANGE, GREEN = "#0072B2", "#E69F00", "#009E73"
PURPLE, SKY, VERMILLION, YELLOW = "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"
PHASE_COLOURS = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION)
SPIKE_TEXT = "#c25500"  # vermillion darkened to 4.5:1 on white, for the percentages
INK, GREY = "#222222", "#666666"
ERROR_RED = "#B00020"  # 6:1 contrast on white

TICK_POINT_SIZE = 10
TITLE_SIZE = "13pt"
TITLE_ROW = 30  # pixels: pyqtgraph's row for a one-line plot title
LEGEND_SIZE = "10pt"
MAX_LABEL_WIDTH = 240  # phase names longer than this are elided (the summary has them)
MARK_SIZE = 13  # pixels: the planner's spike triangles
LABEL_REACH = 3  # days either side of its centre a planner value label may cover
LABEL_SPACE = 4  # pixels, at least, between planner value labels side by side
TICK_OVERHANG = 24  # pixels: room for the planner's last tick label past the plot's end
END_LABEL_OVERHANG = 15  # pixels a vertical axis's end labels may reach past the plot
EXPORT_WIDTH = 720  # logical pixels: a printed chart's width (the title fits in it); the
# export scales it to the width asked for


def _colour(hex_colour: str, alpha: int = 255) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def _font(point_size: int = TICK_POINT_SIZE, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


class _SideAxis(pg.AxisItem):  # type: ignore[misc]
    """A vertical axis whose end labels are drawn. With a grid, pyqtgraph bounds the
    axis by the plot, so a label reaching half its height past the plot's foot (the
    planner's "0") was left out; without one it allows that much past either end."""

    def boundingRect(self) -> QRectF:
        rect = QRectF(super().boundingRect())
        return rect.adjusted(0, -END_LABEL_OVERHANG, 0, END_LABEL_OVERHANG)


def _plot_widget(parent: QWidget | None) -> Any:
    """A static chart: white, dark text, no mouse zoom/pan, no context menu, and a
    legend in its own row under the x axis, where it never hides data. The legend spans
    the axis's column too, so a wide axis and legend need not fit side by side."""
    widget = pg.PlotWidget(parent=parent, background="w",
                           axisItems={"left": _SideAxis(orientation="left")})
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(GREY))
        axis.setTextPen(pg.mkPen(INK))
        axis.setStyle(tickFont=_font(), tickTextOffset=6)
    legend = pg.LegendItem(labelTextSize=LEGEND_SIZE, labelTextColor=INK, frame=False,
                           horSpacing=12)
    # A legend keeps its size when a view zooms; here it must scale with the export.
    legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
    plot.layout.addItem(legend, 4, 0, 1, 3)
    plot.layout.setAlignment(legend, Qt.AlignmentFlag.AlignHCenter)
    widget.chart_legend = legend
    # A narrow chart clips its title rather than pushing the plot out of view (the label
    # asks for its text's width again whenever it is set or resized).
    title = plot.titleLabel

    def title_minimum() -> None:
        type(title).updateMin(title)
        title.setMinimumWidth(0)

    title.updateMin = title_minimum
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with the keyboard there
    return widget


def _clear(widget: Any) -> tuple[Any, Any]:
    """The widget's PlotItem and legend, both emptied."""
    plot = widget.getPlotItem()
    plot.clear()
    widget.chart_legend.clear()
    return plot, widget.chart_legend


def _settle(widget: Any) -> None:
    """Apply pending layout changes now: an export does not wait for the event loop,
    and a legend or title laid out late would be cut off or squeezed."""
    plot = widget.getPlotItem()
    items = [item for item in plot.childItems() if isinstance(item, QGraphicsWidget)]
    for item in [*items, plot]:
        layout = QGraphicsWidget.layout(item)  # pyqtgraph shadows layout() with a field
        if layout is not None:
            layout.invalidate()
            layout.activate()
    widget.chart_legend.updateSize()
    plot.layout.invalidate()
    plot.layout.activate()


def _at_least_as_wide_as_the_plot(widget: Any) -> None:
    """The widget is never narrower than its plot can be laid out (the axis and a row of
    legend entries side by side): a plot wider than the widget goes out of view."""
    plot = widget.getPlotItem()
    widget.chart_legend.updateSize()
    plot.layout.invalidate()
    needed = plot.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() + 2 * widget.frameWidth()
    if widget.minimumWidth() < needed:
        widget.setMinimumWidth(math.ceil(needed))


class _Swatch(pg.ItemSample):  # type: ignore[misc]
    """A legend sample for bars: a plain square (pyqtgraph's also draws a line), and
    clicking it does not hide the bars (these charts are static). With several brushes
    it is striped, one upright stripe each (the phases' colours, as the bars have them);
    a brush may be a tuple of brushes painted one over the other (a fill, then a hatch)."""

    SIDE = 16

    def __init__(self, pen: QPen, *stripes: QBrush | tuple[QBrush, ...]) -> None:
        super().__init__(pg.BarGraphItem(x0=[0], x1=[1], y0=[0], height=1))
        self._pen = pen
        self._stripes = [s if isinstance(s, tuple) else (s,) for s in stripes]

    def paint(self, painter: QPainter, *_: object) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.SIDE / len(self._stripes)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, layers in enumerate(self._stripes):
            for brush in layers:
                painter.setBrush(brush)
                painter.drawRect(QRectF(2 + index * width, 2, width, self.SIDE))
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(2, 2, self.SIDE, self.SIDE))

    def mouseClickEvent(self, event: Any) -> None:
        event.ignore()


def _phase_colour(index: int) -> str:
    """The colour of the recovery phase at `index` (first on top), in the bars and the
    legend's samples."""
    return PHASE_COLOURS[index % len(PHASE_COLOURS)]


def _range_edge(colour: str) -> QColor:
    """The edge and hatching of a phase's uncertain weeks: at 3:1 on white (the orange
    and the sky blue themselves are 2.2:1), seen in greyscale too."""
    return darkened(_colour(colour), QColor("white"), GRAPHIC_CONTRAST)


def _range_brushes(colour: str) -> tuple[QBrush, QBrush]:
    """A phase's uncertain weeks: its colour light, hatched in its edge colour."""
    return (pg.mkBrush(_colour(colour, 80)),
            QBrush(_range_edge(colour), Qt.BrushStyle.BDiagPattern))


def title_lines(text: str, width: int = 680) -> list[str]:
    """Fit a title in `width` pixels: drop a bracketed aside first, then break it over
    two lines at a space ("Typical recovery:" above a long name, as in large print),
    eliding only what two lines cannot hold."""
    metrics = QFontMetrics(_font(13))

    def fits(line: str) -> bool:
        return metrics.horizontalAdvance(line) <= width

    if not fits(text) and "(" in text:
        text = text[:text.index("(")].rstrip()
    if fits(text):
        return [text]
    head, colon, name = text.partition(": ")
    if colon and fits(head + ":") and fits(name):
        return [head + ":", name]  # "Typical recovery:" above the condition's name
    words = text.split(" ")
    first = next((" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)
                  if fits(" ".join(words[:n]))), "")
    rest = text[len(first):].strip() if first else text
    lines = [first] if first else []
    return [*lines, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


def _set_title(plot: Any, text: str, width: int) -> None:
    """The title as rich text (escaped), its row as tall as its lines."""
    lines = title_lines(text, width)
    plot.setTitle("<br>".join(html.escape(line) for line in lines), size=TITLE_SIZE,
                  color=INK)
    height = TITLE_ROW + (len(lines) - 1) * QFontMetrics(_font(13)).lineSpacing()
    plot.titleLabel.setMaximumHeight(height)  # (pyqtgraph fixes it at one line's 30)
    plot.layout.setRowFixedHeight(0, height)


def _export(owner: QWidget, draw: Callable[[Any, int], None], width: int, height: int,
            width_px: int, scale: float = 1.0) -> QImage:
    """Draw into a hidden twin plot of `width` x `height` logical pixels and render it
    `width_px` wide: the same picture at any resolution, with a white background.

    A `scale` above 1 (large print) draws on a canvas that many times narrower, as tall:
    at the same width the text, marks and lines come out that many times larger, and the
    picture that many times taller. A chart whose labels need a wider canvas to keep
    apart gets it (and so less enlarged text). `draw` gets the twin and the canvas width.
    """
    from pyqtgraph.exporters import ImageExporter  # parametertree: only when printing

    width = round(width / scale)
    twin = _plot_widget(owner)
    twin.hide()
    try:
        draw(twin, width)
        plot = twin.getPlotItem()
        plot.setGeometry(QRectF(0, 0, width, height))
        _settle(twin)
        exporter = ImageExporter(plot)
        exporter.parameters()["background"] = QColor("white")
        exporter.parameters()["width"] = max(1, width_px)
        image = exporter.export(toBytes=True)
    finally:
        twin.deleteLater()
    assert isinstance(image, QImage)
    return image.convertToFormat(QImage.Format.Format_RGB32)


# the frame the window's panes show while they have the keyboard, the same width both
# ways (nothing moves); one label per chart, so its style sheet costs nothing to speak of
SUMMARY_FOCUS = ("QLabel { border: 2px solid transparent; } "
                 "QLabel:focus { border-color: #0072B2; }")


def _summary_label(name: str) -> QLabel:
    """The chart's text equivalent, under the chart. Tab reaches it (the chart itself
    takes no focus) and the keyboard can select in it, to read it or copy it."""
    label = WrappedLabel()
    label.setContentsMargins(8, 4, 8, 4)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    # after the flags, which give a label that selects by keyboard only click focus
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(name)
    label.setStyleSheet(SUMMARY_FOCUS)
    return label


# --- recovery timeline --------------------------------------------------------------


def _week_step(weeks: int) -> int:
    """Tick spacing that keeps about 6 to 13 labels on the weeks axis."""
    for longest, step in ((12, 1), (26, 2), (52, 4), (104, 8)):
        if weeks <= longest:
            return step
    return 26


def draw_timeline(widget: Any, timeline: Timeline, width: int = EXPORT_WIDTH) -> None:
    """Phases as rows (first on top), weeks across: solid where the phase surely runs,
    light and hatched where it may start or end, depending on how recovery goes. The
    title fits in `width` pixels."""
    plot, legend = _clear(widget)
    left, bottom = plot.getAxis("left"), plot.getAxis("bottom")
    bottom.setLabel("Weeks from the start", color=INK, **{"font-size": "10pt"})
    rows = len(timeline.bars)
    if not rows:
        _set_title(plot, timeline.title, width - 80)
        left.setTicks([[], []])
        left.setWidth(24)
        bottom.setTicks(None)
        plot.setXRange(0, 12, padding=0)
        plot.setYRange(0, 1, padding=0)
        message = pg.TextItem("No recovery phases are given for this condition.",
                              color=GREY, anchor=(0.5, 0.5))
        message.setFont(_font(11))
        message.setPos(6, 0.5)
        plot.addItem(message)
        return
    height = 0.56
    keys = ("x0", "x1", "y0", "brushes", "pens")
    certain: dict[str, list[Any]] = {key: [] for key in keys}
    ranges: dict[str, list[Any]] = {key: [] for key in keys}
    hatches: dict[str, list[Any]] = {key: [] for key in keys}
    for index, bar in enumerate(timeline.bars):
        colour = _phase_colour(index)
        y0 = rows - 1 - index - height / 2
        for kind, x0, x1 in bar.segments():
            targets = [certain] if kind == "certain" else [ranges, hatches]
            for target in targets:
                target["x0"].append(x0)
                target["x1"].append(x1)
                target["y0"].append(y0)
            if kind == "certain":
                certain["brushes"].append(pg.mkBrush(_colour(colour)))
                certain["pens"].append(pg.mkPen(INK, width=1))
            else:
                fill, hatch = _range_brushes(colour)
                ranges["brushes"].append(fill)
                ranges["pens"].append(pg.mkPen(_range_edge(colour), width=1.5,
                                               style=Qt.PenStyle.DashLine))
                hatches["brushes"].append(hatch)
                hatches["pens"].append(pg.mkPen(None))
    for data in (ranges, hatches, certain):
        if data["x0"]:
            plot.addItem(pg.BarGraphItem(height=height, **data))
    metrics = QFontMetrics(_font())
    ticks = [(float(rows - 1 - i), metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight,
                                                      MAX_LABEL_WIDTH))
             for i, bar in enumerate(timeline.bars)]
    left.setTicks([ticks, []])
    axis_width = max(metrics.horizontalAdvance(name) for _, name in ticks) + 16
    left.setWidth(axis_width)
    _set_title(plot, timeline.title, width - axis_width - 24)
    weeks = max(timeline.weeks_max, 1)
    step = _week_step(weeks)
    bottom.setTicks([[(float(w), str(w)) for w in range(0, weeks + step, step)], []])
    plot.setXRange(-0.2 - weeks * 0.015, weeks + 0.3 + weeks * 0.02, padding=0)
    plot.setYRange(-0.55, rows - 0.45, padding=0)
    plot.showGrid(x=True, y=False, alpha=0.2)
    # the samples in the phases' own colours (the first three), as the bars are drawn
    colours = [_phase_colour(index) for index in range(min(rows, 3))]
    legend.setColumnCount(2)
    legend.addItem(_Swatch(pg.mkPen(INK), *(pg.mkBrush(_colour(c)) for c in colours)),
                   "Expected weeks")
    legend.addItem(_Swatch(pg.mkPen(GREY, style=Qt.PenStyle.DashLine),
                           *(_range_brushes(c) for c in colours)),
                   "May start or end earlier or later")
    _at_least_as_wide_as_the_plot(widget)


class RecoveryChart(QWidget):
    """A condition's recovery phases on a weeks axis, with the same text below."""

    def __init__(self, condition: Condition | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Recovery timeline")
        self.plot_widget = _plot_widget(self)
        self.plot_widget.setAccessibleName("Recovery timeline chart")
        self.summary = _summary_label("Recovery timeline in words")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.summary)
        self._timeline: Timeline | None = None
        if condition is not None:
            self.set_condition(condition)

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    def set_condition(self, condition: Condition) -> None:
        self._timeline = phases_timeline(condition)
        draw_timeline(self.plot_widget, self._timeline)
        rows = len(self._timeline.bars)
        self.plot_widget.setMinimumHeight(140 + 44 * max(rows, 1))
        text = self._timeline.summary
        self.summary.setText(text)
        for widget in (self, self.plot_widget, self.summary):
            widget.setAccessibleDescription(text)

    def summary_text(self) -> str:
        return self._timeline.summary if self._timeline else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The title wrapped again for the new width: at the dialog's smallest, a
        condition's name drawn for the usual width was cut off ("...pain" without
        "syndrome")."""
        super().resizeEvent(event)
        if self._timeline is not None and event.size().width() != event.oldSize().width():
            plot = self.plot_widget.getPlotItem()
            axis = plot.getAxis("left").maximumWidth()  # as set, before the layout
            room = min(self.width(), EXPORT_WIDTH) - axis - 24
            _set_title(plot, self._timeline.title, round(room))

    def bar_items(self) -> list[Any]:
        """The chart's BarGraphItems (for tests and tools)."""
        return [item for item in self.plot_widget.getPlotItem().items
                if isinstance(item, pg.BarGraphItem)]

    def export_image(self, width_px: int, scale: float = 1.0) -> QImage:
        """The chart for print, `width_px` wide, white background; `scale`: its text
        that many times larger than usual, the picture that many times taller."""
        timeline = self._timeline
        if timeline is None:
            raise ValueError("set a condition before exporting")
        height = 150 + 48 * max(len(timeline.bars), 1)
        return _export(self, lambda widget, width: draw_timeline(widget, timeline, width),
                       EXPORT_WIDTH, height, width_px, scale)


# --- running-load planner -----------------------------------------------------------


def _week_ticks(first: int, last: int) -> list[list[tuple[float, str]]]:
    """Ticks every 2 weeks ("4 wk ago", "today", "+2 wk"), minor ticks every week."""
    major, minor = [], []
    for x in range(-7 * (-first // 7), last + 1, 7):
        if x % 14 == 0:
            label = "today" if x == 0 else (f"{-x // 7} wk ago" if x < 0 else f"+{x // 7} wk")
            major.append((float(x), label))
        else:
            minor.append((float(x), ""))
    return [major, minor]


def _limits(runs: Sequence[Run], first_x: int, last_x: int) -> dict[int, float]:
    """The spike line's height on each day x (days from today) that has one."""
    limits = {}
    for x in range(first_x, last_x + 1):
        limit = spike_limit(runs, -x)
        if limit is not None:
            limits[x] = limit
    return limits


def _limit_curve(limits: dict[int, float], first_x: int, last_x: int) -> tuple[list[float],
                                                                                list[float]]:
    """The spike line as steps, one per day; NaN where there is nothing to compare."""
    xs: list[float] = []
    ys: list[float] = []
    for x in range(first_x, last_x + 1):
        value = limits.get(x, float("nan"))
        xs += [x - 0.5, x + 0.5]
        ys += [value, value]
    return xs, ys


def _label_above(limits: dict[int, float], text: str, x: int, height: float,
                 colour: str, font: QFont, gap: float) -> Any:
    """A TextItem for `text` centred over day x, its box `gap` pixels above `height` or
    above the spike line where that is higher within LABEL_REACH days."""
    near = range(x - LABEL_REACH, x + LABEL_REACH + 1)
    base = max([height] + [limits[day] for day in near if day in limits])
    label = pg.TextItem(text, color=colour)
    label.setFont(font)
    # the anchor is a fraction of the text's box, so a gap in pixels holds at any size
    label.setAnchor((0.5, 1 + gap / label.textItem.boundingRect().height()))
    label.setPos(x, base)
    return label


def _ink_width(label: Any) -> float:
    """A TextItem's text width in pixels, without the margins of its box."""
    text = label.textItem
    return float(text.boundingRect().width() - 2 * text.document().documentMargin())


def _per_day_between(a: Any, b: Any) -> float:
    """The pixels a day needs for value labels `a` and `b` to stand side by side."""
    days = abs(b.pos().x() - a.pos().x())
    return ((_ink_width(a) + _ink_width(b)) / 2 + LABEL_SPACE) / days if days else math.inf


def _per_day(labels: Sequence[Any], first_x: int, last_x: int) -> float:
    """The pixels a day needs to keep apart, side by side, the week labels under the
    view (two weeks apart) and these value labels."""
    ticks = [text for _, text in _week_ticks(first_x, last_x)[0]]
    tick_width = max(QFontMetrics(_font()).horizontalAdvance(text) for text in ticks)
    spots = sorted(labels, key=lambda label: label.pos().x())
    return max([(tick_width + 2 * LABEL_SPACE) / 14]
               + [_per_day_between(a, b) for a, b in itertools.pairwise(spots)])


def _spaced_spike_labels(labels: Sequence[Any],
                         per_day: float) -> tuple[list[Any], list[Any]]:
    """Of the spikes' percentages (oldest first), the latest, and each earlier one that
    stands clear of those shown after it at `per_day` pixels a day: on the usual level,
    or else a line over the ones it would touch. A spike whose percentage fits on neither
    level is still marked by its triangle, and the summary gives it. Returns those on the
    usual level, and those a line higher."""
    low: list[Any] = []  # shown on the usual level, latest first
    high: list[Any] = []  # shown a line higher
    for label in reversed(labels):
        touched = [shown for shown in low if _per_day_between(label, shown) > per_day]
        if not touched:
            low.append(label)
        elif not any(_per_day_between(label, shown) > per_day for shown in high):
            # as high as the highest it would touch, and its text's height above that
            label.setPos(label.pos().x(), max(shown.pos().y() for shown in [label, *touched]))
            label.setAnchor((label.anchor.x(), label.anchor.y() + 1))
            high.append(label)
    return low, high


def draw_load(widget: Any, log: RunLog, found: Sequence[Spike], plan: Plan,
              weeks: int = 6, width: int = EXPORT_WIDTH) -> None:
    """Recent runs as bars (spikes in vermillion with a triangle and their percentage),
    the spike line (longest run of the past 30 days + 10%), and the planned long runs.
    The title fits in `width` pixels."""
    plot, legend = _clear(widget)
    unit = log.unit
    _set_title(plot, "Your runs and a gradual plan", width - 80)
    plot.getAxis("left").setLabel(f"Distance ({unit})", color=INK, **{"font-size": "10pt"})
    plot.getAxis("left").setWidth(56)
    plot.getAxis("bottom").setLabel("")
    spike_days = {(s.run.day, s.run.distance) for s in found}
    last_plan_day = 7 * max(len(plan.weeks), weeks)
    last_x = last_plan_day + 3
    first_x = -max([r.day for r in log.runs] + [28]) - 5  # room for the first tick label
    legend.setColumnCount(2)
    # Runs on the same day sit side by side.
    by_day: dict[int, list[Run]] = {}
    for run in log.runs:
        by_day.setdefault(run.day, []).append(run)
    normal: dict[str, list[float]] = {"x": [], "height": [], "width": []}
    spiky: dict[str, list[float]] = {"x": [], "height": [], "width": []}
    for day, runs in by_day.items():
        bar_width = 0.8 / len(runs)
        for i, run in enumerate(runs):
            target = spiky if (run.day, run.distance) in spike_days else normal
            target["x"].append(-day - 0.4 + bar_width * (i + 0.5))
            target["height"].append(run.distance)
            target["width"].append(bar_width)
    top = max([r.distance for r in log.runs] + [w.long_run for w in plan.weeks] + [5.0])
    # without runs, the typed longest run stands for a run today (as in the plan)
    known = log.runs or ((Run(0, plan.baseline.longest_run),) if plan.baseline else ())
    # the line ends with the plan, well inside the plot
    limits = _limits(known + plan.as_runs(), first_x, last_plan_day) if known else {}
    spike_values: list[Any] = []  # the value labels over spikes and planned runs
    plan_values: list[Any] = []
    plot.addItem(pg.LinearRegionItem((0.5, last_x + 1), movable=False,
                                     brush=pg.mkBrush(0, 0, 0, 10), pen=pg.mkPen(None)))
    if normal["x"]:
        plot.addItem(pg.BarGraphItem(brush=pg.mkBrush(BLUE), pen=pg.mkPen(None), **normal))
        legend.addItem(_Swatch(pg.mkPen(None), pg.mkBrush(BLUE)), "Run")
    if spiky["x"]:
        item = pg.BarGraphItem(brush=pg.mkBrush(VERMILLION), pen=pg.mkPen(None), **spiky)
        plot.addItem(item)
        lift = top * 0.06  # from a bar's top to its triangle's centre
        marks = pg.ScatterPlotItem(
            x=spiky["x"], y=[h + lift for h in spiky["height"]], symbol="t1",
            size=MARK_SIZE, brush=pg.mkBrush(VERMILLION), pen=pg.mkPen(INK, width=1))
        plot.addItem(marks)
        legend.addItem(marks, "Spike: a run above the line")
        spike_values = [_label_above(
            limits, f"+{spike.percent:.0f}%", -spike.run.day, spike.run.distance + lift,
            SPIKE_TEXT, _font(9, bold=True), MARK_SIZE / 2 + 3) for spike in found]
    if plan.weeks:
        brush, pen = pg.mkBrush(_colour(GREEN, 90)), pg.mkPen(GREEN, width=1.5)
        plot.addItem(pg.BarGraphItem(
            x=[float(-w.day) for w in plan.weeks], height=[w.long_run for w in plan.weeks],
            width=2.2, brush=brush, pen=pen))
        legend.addItem(_Swatch(pen, brush), "Planned long run")
        # as the text gives them (a run under 0.05 keeps its first figure, not "0.0")
        plan_values = [_label_above(limits, _number(week.long_run, unit), -week.day,
                                    week.long_run, INK, _font(9), 2) for week in plan.weeks]
    # The view is made wide enough for the plan's values and the latest spike's: the
    # plan grows from the latest runs by 8% a week, so its values stand about as high
    # as their neighbours. An earlier spike's value too close to the next stands a line
    # higher, or if that is taken too, is left out.
    spike_values.sort(key=lambda label: label.pos().x())
    per_day = _per_day(spike_values[-1:] + plan_values, first_x, last_x)
    spike_values, raised_values = _spaced_spike_labels(spike_values, per_day)
    spike_values += raised_values
    for label in [*spike_values, *plan_values]:
        plot.addItem(label)
    if limits:
        xs, ys = _limit_curve(limits, first_x, last_plan_day)
        line = pg.PlotCurveItem(xs, ys, connect="finite",
                                pen=pg.mkPen(INK, width=2, style=Qt.PenStyle.DashLine))
        plot.addItem(line)
        legend.addItem(line, "Longest of past 30 days + 10%")
    today = pg.InfiniteLine(0.5, angle=90, pen=pg.mkPen(GREY, width=1,
                                                        style=Qt.PenStyle.DotLine))
    plot.addItem(today)
    # the highest value label stands on this
    tallest = max([top] + [label.pos().y() for label in [*spike_values, *plan_values]])
    raised = max([0.0] + [label.pos().y() for label in raised_values])
    ceiling = max(top * 1.32, tallest * 1.25, raised * 1.5)  # room for the labels' text
    plan_label = pg.TextItem("Plan", color=GREY, anchor=(0, 0))
    plan_label.setFont(_font(10, bold=True))
    plan_label.setPos(1.0, ceiling * 0.97)
    plot.addItem(plan_label)
    if not log.runs and not plan.weeks:
        # in the middle of the past, where the runs will be, narrow enough to fit there
        # at the chart's smallest; should it not, its white box hides the today line
        hint = pg.TextItem(color=GREY, anchor=(0.5, 0.5), fill=pg.mkBrush("w"))
        hint.setHtml("<div align='center'>Enter recent runs<br>to see spikes<br>"
                     "and a plan.</div>")
        hint.setFont(_font(11))
        hint.setTextWidth(hint.textItem.document().idealWidth())  # centres the lines
        hint.setPos((first_x + 0.5) / 2, top * 0.6)
        hint.setZValue(today.zValue() + 1)
        plot.addItem(hint)
    plot.getAxis("bottom").setTicks(_week_ticks(first_x, last_x))
    plot.setXRange(first_x, last_x + 1, padding=0)
    plot.setYRange(0, ceiling, padding=0)
    plot.showGrid(x=False, y=True, alpha=0.2)
    # the last tick label may reach past the view into a margin kept for it
    plot.getAxis("bottom").setStyle(hideOverlappingLabels=TICK_OVERHANG)
    plot.layout.setColumnMinimumWidth(2, TICK_OVERHANG)
    plot.getViewBox().setMinimumWidth(math.ceil(per_day * (last_x + 1 - first_x)))
    _at_least_as_wide_as_the_plot(widget)


def _number(distance: float, unit: str) -> str:
    """A distance as format_distance gives it, without its unit."""
    return format_distance(distance, unit).removesuffix(f" {unit}")


INPUTS_WIDTH = 260  # pixels: the planner's column of inputs, at least
EMPTY_HINT = (f"Enter your runs of the last {HISTORY_DAYS} days: how many days ago "
              "(0 = today) and how far. No log? Type your usual week instead.")


_DistanceInput = QLineEdit | QTableWidgetItem  # where the planner's distances are typed
# A number as people type one: digits, perhaps a sign and a decimal point or comma. Not
# all that Python reads: "1_0" (10 to Python), "1e3", "inf" or non-ASCII digits.
_TYPED_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", re.ASCII)


def _typed_number(text: str) -> float:
    """The number typed in `text` (see _TYPED_NUMBER), or ValueError."""
    if not _TYPED_NUMBER.fullmatch(text):
        raise ValueError(f"not a number as typed: {text!r}")
    return float(text.replace(",", "."))


class _Held(NamedTuple):
    """A distance an input holds exactly, in the unit it was typed (or loaded) in:
    `typed` is its text then, `shown` the text the input shows for it now."""

    value: float
    unit: Unit
    typed: str
    shown: str


def _kept(field: _DistanceInput) -> _Held | None:
    held = (field.data(Qt.ItemDataRole.UserRole) if isinstance(field, QTableWidgetItem)
            else field.property("held"))
    return held if isinstance(held, _Held) else None


def _held(field: _DistanceInput, unit: Unit) -> _Held:
    """What `field` holds: the exact distance kept with it while it shows the text kept
    with it (a unit switch rounds the text, not the distance), else the number typed
    there, in `unit`. ValueError if that is no number."""
    text = field.text().strip()
    kept = _kept(field)
    if kept is not None and kept.shown == text:
        return kept
    return _Held(_typed_number(text), unit, text, text)


def _distance(field: _DistanceInput, unit: Unit) -> float:
    """The distance in `field`, in `unit` (ValueError if it holds none)."""
    held = _held(field, unit)
    return convert_distance(held.value, held.unit, unit)


def _show(field: _DistanceInput, held: _Held | None, unit: Unit) -> None:
    """Show `held` in `unit` (nothing for None): as typed in its own unit, else converted
    and rounded, so km -> mi -> km gives back the number typed."""
    text = ("" if held is None else held.typed if held.unit == unit
            else as_typed(convert_distance(held.value, held.unit, unit)))
    kept = None if held is None else held._replace(shown=text)
    field.setText(text)
    if isinstance(field, QTableWidgetItem):
        field.setData(Qt.ItemDataRole.UserRole, kept)
    else:
        field.setProperty("held", kept)


def _loaded(distance: float, unit: Unit) -> _Held:
    """A distance given to the planner (from a handout file), shown rounded."""
    return _Held(distance, unit, as_typed(distance), "")


class LoadPlanner(QWidget):
    """Enter recent runs; see spikes, the spike line and a gradual plan, in a chart and
    in words. Bad input shows a message and leaves the last good chart in place, marked
    as not up to date."""

    plan_updated = Signal()  # the chart and summary now show the table's runs
    input_rejected = Signal(str)  # the message shown; the chart was kept

    EXPORT_HEIGHT = 400  # logical pixels, EXPORT_WIDTH wide

    def __init__(self, runs: Sequence[Run] = (), unit: Unit = "km", weeks: int = 6,
                 parent: QWidget | None = None, baseline: Baseline | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Running load planner")
        self._weeks = weeks
        self._log = RunLog((), unit)
        self._spikes: list[Spike] = []
        self._plan = gradual_plan((), unit, weeks)
        self._baseline: Baseline | None = None
        self._summary = EMPTY_HINT

        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName("Recent runs")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab leaves the table for the buttons and fields (the arrow keys move between
        # cells): with Qt's default, Tab only went round its cells, a keyboard trap
        self.table.setTabKeyNavigation(False)
        self.add_button = QPushButton("&Add run")
        self.remove_button = QPushButton("&Remove run")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in a distance field adds no empty run
        self.km = QRadioButton("km")
        self.mi = QRadioButton("miles")
        self.units = QButtonGroup(self)
        self.units.addButton(self.km)
        self.units.addButton(self.mi)
        (self.mi if unit == "mi" else self.km).setChecked(True)
        # no log of single runs: a usual week and the recent longest run will do
        self.weekly = QLineEdit()
        self.longest = QLineEdit()
        for field, name in ((self.weekly, "Usual week"), (self.longest, "Longest recent run")):
            field.setAccessibleName(name)
            field.setPlaceholderText("e.g. 20")
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.weekly_label = QLabel()
        self.longest_label = QLabel()
        self.weekly_label.setBuddy(self.weekly)
        self.longest_label.setBuddy(self.longest)
        self._input_unit: Unit = unit  # the unit the inputs show their distances in
        self._show_unit()
        self.error = WrappedLabel()
        self.error.setStyleSheet(f"color: {ERROR_RED};")
        self.error.setAccessibleName("Input problems")
        self.error.hide()
        # over the chart while it shows older input than the table (see _reject)
        self.stale_note = WrappedLabel()
        self.stale_note.setStyleSheet(f"color: {INK}; background: {YELLOW}; padding: 4px;")
        self.stale_note.setAccessibleName("Chart not updated")
        self.stale_note.hide()
        self.plot_widget = _plot_widget(self)
        self.plot_widget.setAccessibleName("Running load chart")
        self.plot_widget.setMinimumSize(420, 300)
        self.summary = _summary_label("Running load in words")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel("Unit:"))
        unit_row.addWidget(self.km)
        unit_row.addWidget(self.mi)
        unit_row.addStretch(1)
        inputs = QVBoxLayout()
        inputs.addWidget(QLabel("Recent runs"))
        inputs.addWidget(self.table, 1)
        inputs.addLayout(buttons)
        inputs.addLayout(unit_row)
        inputs.addWidget(WrappedLabel("No log? Type a usual week and the longest "
                                             "run of the last 30 days (used when no "
                                             "recent run is listed):"))
        form = QFormLayout()
        form.addRow(self.weekly_label, self.weekly)
        form.addRow(self.longest_label, self.longest)
        inputs.addLayout(form)
        inputs.addWidget(self.error)
        inputs_box = QWidget()
        inputs_box.setLayout(inputs)
        # a fixed width, so the wrapped labels know their lines and the headers fit
        inputs_box.setFixedWidth(max(INPUTS_WIDTH, self._table_width()))
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 3 * self.table.verticalHeader().defaultSectionSize())
        chart = QVBoxLayout()
        chart.addWidget(self.stale_note)
        chart.addWidget(self.plot_widget, 1)
        self._top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addWidget(inputs_box)
        top.addLayout(chart, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.summary)
        self._inputs_box = inputs_box
        self._given_width: int | None = None  # see fit_width

        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.remove_button.setToolTip("Remove the selected runs (Delete)")
        # Delete on the table does the same; while a cell is edited, it is the editor's
        key_for(self.table, QKeySequence(QKeySequence.StandardKey.Delete),
                self._on_remove_clicked)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.units.buttonToggled.connect(self._on_units_toggled)
        self.weekly.textEdited.connect(self._on_table_item_changed)
        self.longest.textEdited.connect(self._on_table_item_changed)
        self._draw()
        if runs or baseline:
            self.set_runs(runs, unit, baseline)

    # -- public ----------------------------------------------------------------------

    def set_runs(self, runs: Sequence[Run], unit: str, baseline: Baseline | None = None) -> bool:
        """Show these runs (and usual week) in the inputs and, if valid, in the chart."""
        shown: Unit = "mi" if unit == "mi" else "km"
        self.table.blockSignals(True)
        self.units.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for run in runs:
                _show(self._append_row(str(run.day), ""), _loaded(run.distance, shown), shown)
            week = (baseline.weekly_distance, baseline.longest_run) if baseline else (None,) * 2
            for field, value in zip((self.weekly, self.longest), week, strict=True):
                _show(field, None if value is None else _loaded(value, shown), shown)
            (self.mi if unit == "mi" else self.km).setChecked(True)
            self._show_unit()
        finally:
            self.table.blockSignals(False)
            self.units.blockSignals(False)
        return self._update(list(runs), unit, baseline)

    @property
    def log(self) -> RunLog:
        """The runs the chart shows (the last valid input)."""
        return self._log

    @property
    def found_spikes(self) -> list[Spike]:
        return list(self._spikes)

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def baseline(self) -> Baseline | None:
        """The usual week typed in (last valid input), whether or not runs override it."""
        return self._baseline

    def unit(self) -> Unit:
        return "mi" if self.mi.isChecked() else "km"

    def summary_text(self) -> str:
        return self._summary

    def error_text(self) -> str:
        return self.error.text()

    def export_image(self, width_px: int, scale: float = 1.0) -> QImage:
        """The chart for print, `width_px` wide, white background; `scale`: its text
        that many times larger than usual, the picture that many times taller."""
        log, found, plan = self._log, list(self._spikes), self._plan
        weeks = self._weeks
        return _export(self, lambda widget, width: draw_load(widget, log, found, plan,
                                                             weeks, width),
                       EXPORT_WIDTH, self.EXPORT_HEIGHT, width_px, scale)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field or on the table confirms what was typed and goes no further:
        in the window's dialog it pressed Close (its default button) and the planner
        closed mid-entry. On a focused button it presses it, as Space does (and as in
        the handout builder). On a cell it edits it, as F2 does (and as in the builder);
        a cell being edited takes its own Enter before this."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        event.accept()
        focus, cell = self.focusWidget(), self.table.currentItem()
        if focus is self.table and cell is not None:
            self.table.editItem(cell)
        elif isinstance(focus, QPushButton) and focus.isEnabled():
            focus.click()

    # -- input -----------------------------------------------------------------------

    def _append_row(self, day: str, distance: str) -> QTableWidgetItem:
        """A row added at the end; returns its distance cell."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        items = [QTableWidgetItem(day), QTableWidgetItem(distance)]
        for column, item in enumerate(items):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        return items[1]

    def _on_add_clicked(self) -> None:
        self.table.blockSignals(True)
        self._append_row("", "")
        self.table.blockSignals(False)
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def _on_remove_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.currentRow() if self.table.currentRow() >= 0
                    else self.table.rowCount() - 1]
        for row in rows:
            self.table.removeRow(row)
        self._on_table_item_changed()

    def fit_width(self, width: int) -> None:
        """Lay the inputs out above the chart where `width` (a small screen's dialog)
        has no room for them beside it, rather than scroll sideways."""
        self._given_width = width
        self._fit()

    def _fit(self) -> None:
        """Side by side or stacked, for the width given and the chart's own minimum
        (wider for a longer stretch of days)."""
        if self._given_width is None:
            return
        margins = self.contentsMargins() + self.layout().contentsMargins()
        side_by_side = (self._inputs_box.minimumWidth() + self.plot_widget.minimumWidth()
                        + self._top.spacing() + margins.left() + margins.right())
        stacked = self._given_width < side_by_side
        self._top.setDirection(QBoxLayout.Direction.TopToBottom if stacked
                               else QBoxLayout.Direction.LeftToRight)

    def _table_width(self) -> int:
        """The table's width with its column headers in full."""
        header = self.table.horizontalHeader()
        return (sum(header.sectionSizeHint(column) for column in range(header.count()))
                + self.table.verticalScrollBar().sizeHint().width()
                + 2 * self.table.frameWidth())

    def _on_units_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:  # the other button's "unchecked" needs no second update
            self._convert_inputs(self._input_unit, self.unit())
            self._show_unit()
            self._on_table_item_changed()

    def _distance_inputs(self) -> list[_DistanceInput]:
        cells = (self.table.item(row, 1) for row in range(self.table.rowCount()))
        return [*(cell for cell in cells if cell is not None), self.weekly, self.longest]

    def _convert_inputs(self, unit: Unit, to_unit: Unit) -> None:
        """Show the distances typed in `unit` in `to_unit`; what is no distance (empty,
        not a number, negative) stays as it is, for the user to correct."""
        self.table.blockSignals(True)
        try:
            for field in self._distance_inputs():
                try:
                    held = _held(field, unit)
                except ValueError:
                    continue
                if math.isfinite(held.value) and held.value >= 0:
                    _show(field, held, to_unit)
        finally:
            self.table.blockSignals(False)

    def _show_unit(self) -> None:
        unit = self._input_unit = self.unit()
        self.table.setHorizontalHeaderLabels(["Days ago", f"Distance ({unit})"])
        self.weekly_label.setText(f"Usual &week ({unit}):")
        self.longest_label.setText(f"&Longest run ({unit}):")

    def _on_table_item_changed(self, *_: object) -> None:
        problems: list[str] = []
        runs: list[Run] = []
        baseline = None
        try:
            runs = self._read_table()
        except LoadInputError as error:
            problems += error.problems
        try:
            baseline = self._read_baseline()
        except LoadInputError as error:
            problems += error.problems
        if problems:
            self._reject(LoadInputError(problems))
            return
        self._update(runs, self.unit(), baseline)

    def _read_baseline(self) -> Baseline | None:
        """The usual week, if both fields are filled; None if both are empty."""
        fields = {"usual week": self.weekly, "longest run": self.longest}
        texts = [field.text().strip() for field in fields.values()]
        if not any(texts):
            return None
        if not all(texts):
            raise LoadInputError(["Enter both the usual week and the longest run, "
                                  "or leave both empty."])
        values = []
        for (name, field), text in zip(fields.items(), texts, strict=True):
            try:
                values.append(_distance(field, self.unit()))
            except ValueError:
                raise LoadInputError([f"The {name}: '{text}' is not a distance."]) from None
        return check_baseline(values[0], values[1], self.unit())

    def _read_table(self) -> list[Run]:
        """The table's runs; blank rows are skipped, unreadable cells are problems."""
        runs, problems = [], []
        for row in range(self.table.rowCount()):
            day_cell, distance_cell = (self.table.item(row, c) for c in range(2))
            day_text, distance_text = (cell.text().strip() if cell else ""
                                       for cell in (day_cell, distance_cell))
            if not (day_text or distance_text):
                continue
            where = f"Row {row + 1}"
            if not day_text:
                problems.append(f"{where}: enter how many days ago (0 = today).")
                continue
            if distance_cell is None or not distance_text:
                problems.append(f"{where}: enter the distance.")
                continue
            try:
                number = _typed_number(day_text)
                if not number.is_integer():
                    raise ValueError(day_text)
                day = int(number)
            except ValueError:
                problems.append(f"{where}: days ago must be a whole number, "
                                f"not '{day_text}'.")
                continue
            try:
                distance = _distance(distance_cell, self.unit())
            except ValueError:
                problems.append(f"{where}: '{distance_text}' is not a distance.")
                continue
            problem = run_problem(Run(day, distance), self.unit())
            if problem is not None:  # named by its row, as the problems above
                problems.append(f"{where}: {problem}.")
                continue
            runs.append(Run(day, distance))
        if problems:
            raise LoadInputError(problems)
        return runs

    # -- output ----------------------------------------------------------------------

    def _update(self, runs: Sequence[Run], unit: str, baseline: Baseline | None = None) -> bool:
        try:
            log = check_input(runs, unit)
            if baseline is not None:
                baseline = check_baseline(baseline.weekly_distance, baseline.longest_run, unit)
        except LoadInputError as error:
            self._reject(error)
            return False
        self._log = log
        self._baseline = baseline
        self._spikes = spikes(log.runs, log.unit)
        from_week = baseline is not None and Baseline.from_runs(log.runs) is None
        self._plan = gradual_plan(baseline if baseline and from_week else log.runs, log.unit,
                                  self._weeks)
        self._summary = self._describe(from_week)
        self.error.clear()
        self.error.hide()
        self._draw()
        self._mark_stale(False)
        self.plan_updated.emit()
        return True

    def _reject(self, error: LoadInputError) -> None:
        message = "\n".join(error.problems)
        self.error.setText(message)
        self.error.setAccessibleDescription(message)
        self.error.show()
        self._mark_stale(True)
        self.input_rejected.emit(message)

    def _mark_stale(self, stale: bool) -> None:
        """While the inputs have a problem, the chart and its text keep the last valid
        input, perhaps in the other unit: say so over the chart and grey both out."""
        unit = "miles" if self._log.unit == "mi" else "km"
        self.stale_note.setText(f"Not up to date: the chart and the text below show your "
                                f"last valid entries, in {unit}. Correct the entries to "
                                "update them.")
        self.stale_note.setVisible(stale)
        self.plot_widget.getPlotItem().setOpacity(0.3 if stale else 1.0)
        self.summary.setEnabled(not stale)

    def _describe(self, from_week: bool) -> str:
        """`from_week`: the plan starts from the typed usual week, not from runs."""
        base, unit = self._baseline, self._log.unit
        if from_week and base is not None:
            week = (f"your usual week ({format_distance(base.weekly_distance, unit)}, "
                    f"longest run {format_distance(base.longest_run, unit)}):")
            lead = ("No run from the last 30 days is listed, so the plan starts from"
                    if self._log.runs else "From")
            return f"{lead} {week}\n{self._plan.summary}"
        if not self._log.runs:
            return EMPTY_HINT
        if self._spikes:
            count = len(self._spikes)
            lines = [f"{count} run{'s' if count > 1 else ''} jumped more than 10% past the "
                     "longest run of the 30 days before:"]
            lines += [f"- {spike.reason}" for spike in self._spikes]
            if any(spike.run.day < 30 for spike in self._spikes):
                lines.append("The plan starts from the longest run of the last 30 days, "
                             "spike included.")
        else:
            lines = ["No spikes: no run was more than 10% longer than the longest run of "
                     "the 30 days before it."]
        lines.append(self._plan.summary)
        return "\n".join(lines)

    def _draw(self) -> None:
        draw_load(self.plot_widget, self._log, self._spikes, self._plan, self._weeks)
        self._fit()  # the chart may need more width now
        self.summary.setText(self._summary)
        for widget in (self, self.plot_widget, self.summary):
            widget.setAccessibleDescription(self._summary)
