"""Paint the hip diagram: the body drawing, the region overlays and the labels.

One painter for the screen (DiagramView) and for print (report), so a printed summary
shows the same picture as the window. Region shapes come from the SVG through
`explorer.model.diagram_shapes` as polygons and become QPainterPaths here; hit-testing
uses those real shapes, never bounding boxes.

The drawing has three panels (front, side, back), each a third of the view box wide.
For the left hip each panel is mirrored about its own centre, so the panels keep
their order and the labels (drawn here, not in the SVG) stay readable. So do the pain
badges: a selected region's pain level, as a number on a white disc in each view, placed
(mirrored with the shapes) at the roomiest point of the region there; the number itself
is never mirrored. And so do pen strokes: they are kept in the right hip's coordinates
(each inside the view it was drawn in) and painted mirrored for the left hip, on screen
and in print, clipped to the drawing whatever a handout file says.

On screen the labels never get smaller than the window's text, however small the
drawing is shown; they grow only into the free space above the body and beside the legs.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer

from explorer.model.diagram_shapes import (
    BADGE_EXTENT,
    BADGE_RADIUS,
    DiagramShapes,
    panel_index,
    panel_of,
    read_shapes,
)
from explorer.report.units import DPI, paper_font

PANEL_TITLES = ("FRONT", "SIDE", "BACK")
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SELECTED = QColor("#0072B2")
CONDITION = QColor("#E69F00")
# a condition's regions: hatched and dashed in darker oranges, 3:1 or more on the skin and
# the bones (the orange itself is 1.7:1 on the bones)
CONDITION_HATCH = CONDITION.darker(140)
CONDITION_LINE = CONDITION.darker(150)
HOVER = QColor("#56B4E9")
# an unselected region's outline: 3.8:1 on the skin, 3.0-3.3:1 on the bones (outlines
# need 3:1 to be seen)
IDLE_LINE = QColor("#4a7cad")
FOCUS = QColor("#1c2430")
TEXT = QColor("#3b4452")
INK = QColor("#101820")  # high contrast outlines, badge rims and numbers
# Pain 1-10: one hue (blue) from light to very dark, so the order reads by lightness
# alone, whatever the colour vision (and in greyscale print); the number is on a badge.
_RAMP = ((1.0, (125, 185, 228)), (5.5, (0, 114, 178)), (10.0, (8, 29, 58)))
BADGE_FONT_PX = 24
# Room for the labels, in drawing units: the body starts 57 below the top, so a title's
# capitals rise at most this far above its baseline (about a 50-unit font), and the
# legs leave about 60 units beside them for an R or L at the bottom corners.
TITLE_MAX_ASCENT = 46.0
LETTER_MAX_WIDTH = 56.0
# on paper the titles and R/L letters are at least this size (scaled with the drawing
# alone they would be 3-4 pt on a summary), as far as the free space allows
PRINT_LABEL_PT = 8.0


def _bold(points: float, paper: bool = False) -> QFont:
    """A bold font of `points`: on screen in the device's points; on `paper` in the
    painter's units as 96-dpi pixels, so that it prints the same on any printer."""
    if paper:
        return paper_font(points, bold=True)
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(True)
    return font


def _label_font(points: float, least_px: float, device: QPaintDevice,
                texts: tuple[str, ...], max_width: float, paper: bool = False) -> QFont:
    """A bold font of `points` on `device` (see _bold), larger if that is under
    `least_px` pixels, but only as large as fits every one of `texts` in `max_width` and
    TITLE_MAX_ASCENT."""
    font = _bold(points, paper)
    size = max(points, least_px * 72 / (DPI if paper else device.logicalDpiY()))
    if size > points:
        metrics = QFontMetricsF(_bold(size, paper), device)
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        fit = min(1.0, max_width / widest, TITLE_MAX_ASCENT / metrics.ascent())
        font = _bold(max(points, size * fit), paper)
    return font


def _pain_level(region: str, state: DiagramState) -> int:
    """The pain level 0-10 of a selected region; 0 for one not selected."""
    if region not in state.selected:
        return 0
    return min(10, max(0, state.intensities.get(region, 0)))


def pain_colour(level: int) -> QColor:
    """The fill for a selected region at pain `level` 1-10 (clamped), light to dark."""
    value = min(10.0, max(1.0, float(level)))
    for (low, a), (high, b) in pairwise(_RAMP):
        if value <= high:
            t = (value - low) / (high - low)
            return QColor(*(round(x + (y - x) * t) for x, y in zip(a, b, strict=True)))
    return QColor(*_RAMP[-1][1])


@dataclass
class DiagramState:
    """What to show: selected regions (with 0-10 intensity), hover, focus, side."""

    selected: set[str] = field(default_factory=set)
    intensities: Mapping[str, int] = field(default_factory=dict)
    condition_regions: tuple[str, ...] = ()
    hover: str | None = None
    focus: str | None = None
    show_focus: bool = False
    side: str = "right"
    high_contrast: bool = False
    # a numbered badge on each selected region with a pain level, in every view; off by
    # default because print also lights regions for emphasis (not pain) with levels
    pain_badges: bool = False
    # pen drawings, (colour, points), in the right hip's drawing coordinates whatever
    # `side` is (mirrored when painted, like the regions); shown and printed
    strokes: list[tuple[str, list[tuple[float, float]]]] = field(default_factory=list)


class DiagramArt:
    """The diagram's drawing and region shapes, in SVG coordinates."""

    def __init__(self, svg_file: Path, region_ids: list[str],
                 shapes: DiagramShapes | None = None) -> None:
        """`shapes`: polygons already read from this file (the loaded content keeps them)."""
        self.svg_file = svg_file
        self.renderer = QSvgRenderer(str(svg_file))
        if (shapes is None or shapes.source != str(svg_file)
                or not set(region_ids) <= shapes.regions.keys()):
            shapes = read_shapes(svg_file, region_ids)
        self.view_box = shapes.view_box
        x, y, w, h = shapes.view_box
        self.bounds = QRectF(x, y, w, h)
        self.region_ids = [r for r in region_ids if r in shapes.regions]
        self._polygons = shapes.regions
        self._badges = shapes.badges
        self._paths: dict[tuple[str, str], QPainterPath] = {}  # made on first use
        self._extents: dict[tuple[str, ...], QRectF] = {}

    def _panel_centre(self, x: float) -> float:
        return panel_of(self.view_box, x)

    def panels(self) -> tuple[QRectF, QRectF, QRectF]:
        """The three views (front, side, back), left to right, in drawing coordinates."""
        width = self.bounds.width() / 3
        left, top, height = self.bounds.left(), self.bounds.top(), self.bounds.height()
        return (QRectF(left, top, width, height), QRectF(left + width, top, width, height),
                QRectF(left + 2 * width, top, width, height))

    def panel_at(self, point: QPointF) -> QRectF:
        """The view at `point`, or the nearest one for a point outside the drawing."""
        return self.panels()[panel_index(self.view_box, point.x())]

    def pen_point(self, point: QPointF, side: str, panel: QRectF) -> tuple[float, float]:
        """Where a pen at `point` on the drawing as shown for `side` draws, in the right
        hip's coordinates strokes are kept in: held inside `panel` (the view the stroke
        began in, so the stroke mirrors with that view) and mirrored back for the left."""
        x = min(max(point.x(), panel.left()), panel.right())
        y = min(max(point.y(), panel.top()), panel.bottom())
        if side == "left":
            x = 2 * panel.center().x() - x
        return round(x, 1), round(y, 1)

    def _in_panel(self, painter: QPainter, panel: QRectF, side: str) -> None:
        """Clip `painter` to `panel` and, for the left side, mirror it about its centre."""
        painter.setClipRect(panel, Qt.ClipOperation.IntersectClip)
        if side == "left":
            painter.translate(2 * panel.center().x(), 0)
            painter.scale(-1, 1)

    def _mirror(self, point: tuple[float, float], side: str) -> tuple[float, float]:
        x, y = point
        if side == "left":
            x = 2 * self._panel_centre(x) - x
        return x, y

    def path(self, region: str, side: str = "right") -> QPainterPath:
        """The region's real shape; KeyError for an unknown region."""
        key = (side, region)
        if key not in self._paths:
            path = QPainterPath()
            for polygon in self._polygons[region]:
                path.addPolygon(QPolygonF([QPointF(*self._mirror(p, side)) for p in polygon]))
                path.closeSubpath()
            path.setFillRule(Qt.FillRule.WindingFill)
            self._paths[key] = path
        return self._paths[key]

    def region_at(self, point: QPointF, side: str = "right") -> str | None:
        """The region whose real shape contains `point` (SVG coordinates), if any."""
        for region in reversed(self.region_ids):
            if self.path(region, side).contains(point):
                return region
        return None

    def centre(self, region: str, side: str = "right") -> QPointF:
        """A point inside the region's largest part (for labels and tests)."""
        path = self.path(region, side)
        best = max(path.toFillPolygons(), key=lambda p: p.boundingRect().width()
                   * p.boundingRect().height())
        box = best.boundingRect()
        centre = box.center()
        if path.contains(centre):
            return centre
        # walk a horizontal line through the middle to find an inside point
        for step in range(1, 40):
            candidate = QPointF(box.left() + box.width() * step / 40, centre.y())
            if path.contains(candidate):
                return candidate
        return centre

    # ---- pain badges -----------------------------------------------------------------
    def badge_points(self, region: str, side: str = "right") -> tuple[QPointF, ...]:
        """Where the region's pain badges go (placed with the shapes; see place_badges)."""
        return tuple(QPointF(*self._mirror(p, side)) for p in self._badges.get(region, ()))

    def region_extent(self, region: str, side: str = "right") -> QRectF:
        """Everything `paint_region` may draw for `region`: the shape with its outline
        and focus ring."""
        key = (side, region)
        if key not in self._extents:
            margin = 6.0  # the outline pens and the focus ring reach outside the shape
            self._extents[key] = self.path(region, side).boundingRect().adjusted(
                -margin, -margin, margin, margin)
        return self._extents[key]

    def badges_extent(self, region: str, side: str = "right") -> QRectF:
        """Everything `paint_region_badges` may draw for `region`."""
        key = (side, region, "badges")
        if key not in self._extents:
            rect = QRectF()
            for point in self.badge_points(region, side):
                rect = rect.united(QRectF(point.x() - BADGE_EXTENT, point.y() - BADGE_EXTENT,
                                          2 * BADGE_EXTENT, 2 * BADGE_EXTENT))
            self._extents[key] = rect
        return self._extents[key]

    def badge_look(self, region: str, state: DiagramState) -> Hashable:
        """Everything `paint_region_badges` draws from: equal looks, equal pixels."""
        return state.side, self._badge_level(region, state), state.high_contrast

    def _badge_level(self, region: str, state: DiagramState) -> int:
        return _pain_level(region, state) if state.pain_badges else 0

    def has_badges(self, region: str, state: DiagramState) -> bool:
        """Whether `paint_region_badges` draws anything for `region`."""
        return self._badge_level(region, state) > 0

    def paint_region_badges(self, painter: QPainter, region: str, state: DiagramState) -> None:
        """The region's pain number, if it has one: drawn over the pen's strokes (a stroke
        across a badge hid its number), so after them."""
        level = self._badge_level(region, state)
        if level:
            self.paint_badges(painter, region, level, state.side, state.high_contrast)

    def paint_badges(self, painter: QPainter, region: str, level: int, side: str,
                     high_contrast: bool = False) -> None:
        """A white disc with a dark rim and the pain number, in each view of `region`."""
        painter.save()
        painter.setBrush(QBrush(Qt.GlobalColor.white))
        font = QFont()
        font.setPixelSize(BADGE_FONT_PX if level < 10 else BADGE_FONT_PX - 3)
        font.setBold(True)
        painter.setFont(font)
        r = BADGE_RADIUS
        for point in self.badge_points(region, side):
            painter.setPen(QPen(INK, 3.0 if high_contrast else 2.5))
            painter.drawEllipse(point, r, r)
            painter.setPen(INK)
            painter.drawText(QRectF(point.x() - r, point.y() - r, 2 * r, 2 * r),
                             Qt.AlignmentFlag.AlignCenter, str(level))
        painter.restore()

    # ---- painting ---------------------------------------------------------------
    def paint_body(self, painter: QPainter, side: str) -> None:
        """The drawing without regions, each panel mirrored for the left side."""
        for panel in self.panels():
            painter.save()
            self._in_panel(painter, panel, side)
            for element in ("body-front", "body-side", "body-back"):
                if self.renderer.elementExists(element):
                    self.renderer.render(painter, element,
                                         self.renderer.boundsOnElement(element))
            painter.restore()

    def paint_labels(self, painter: QPainter, side: str, font_size: float = 15,
                     high_contrast: bool = False, least_px: float = 0.0,
                     paper: bool = False) -> None:
        """The views' titles at the top and the person's R and L at the bottom corners.

        `least_px`: the smallest font they may have, in drawing units (on screen: the
        window's text size divided by the drawing's scale), so they stay readable when
        the drawing is shown small. They grow into the free space only: a title no
        wider than its view and never down onto the body, a letter never onto the legs.
        `paper`: print, whose fonts are sized alike on any printer (see _bold).
        """
        width = self.bounds.width() / 3
        device = painter.device()
        side_word = "RIGHT" if side == "right" else "LEFT"
        titles = ("FRONT", f"{side_word} SIDE", "BACK")
        font = _label_font(font_size, least_px, device, titles, width - 16, paper)
        painter.save()
        painter.setFont(font)
        painter.setPen(INK if high_contrast else TEXT)
        height = max(30.0, QFontMetricsF(font, device).height())
        for index, title in enumerate(titles):
            rect = QRectF(self.bounds.left() + width * index, self.bounds.top() + 6, width,
                          height)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, title)
        # The person's right is on our left in the front view and on our right in the
        # back view; mirroring for the left hip does not change that.
        small = _label_font(font_size * 0.8, least_px, device, ("R", "L"), LETTER_MAX_WIDTH,
                            paper)
        painter.setFont(small)
        painter.setPen(INK if high_contrast else QColor("#6b7280"))
        metrics = QFontMetricsF(small, device)
        base = QFontMetricsF(_bold(font_size * 0.8, paper), device).ascent()
        # the baseline stays where the smallest letters have it (beside the feet); larger
        # ones grow up and inwards, beside the legs
        top = self.bounds.bottom() - 30 + base - metrics.ascent()
        box = max(30.0, metrics.horizontalAdvance("R"), metrics.horizontalAdvance("L"))
        line = max(24.0, metrics.height())
        for index, (left, right) in ((0, ("R", "L")), (2, ("L", "R"))):
            panel = self.bounds.left() + width * index
            painter.drawText(QRectF(panel + 8, top, box, line), Qt.AlignmentFlag.AlignLeft,
                             left)
            painter.drawText(QRectF(panel + width - 8 - box, top, box, line),
                             Qt.AlignmentFlag.AlignRight, right)
        painter.restore()

    def paint_regions(self, painter: QPainter, state: DiagramState) -> None:
        for region in self.region_ids:
            self.paint_region(painter, region, state)

    def region_look(self, region: str, state: DiagramState) -> Hashable:
        """Everything `paint_region` draws `region` from: equal looks, equal pixels."""
        selected = region in state.selected
        return (state.side, selected, state.intensities.get(region, 0) if selected else 0,
                region == state.hover, region in state.condition_regions,
                state.high_contrast, state.show_focus and region == state.focus)

    def paint_region(self, painter: QPainter, region: str, state: DiagramState) -> None:
        path = self.path(region, state.side)
        selected = region in state.selected
        in_condition = region in state.condition_regions
        strong = state.high_contrast
        level = _pain_level(region, state)
        painter.save()
        if strong:  # every region plainly outlined in near-black over a clear tint
            fill = QColor(HOVER)
            fill.setAlpha(80)
            pen = QPen(INK, 3.0)
        else:
            fill = QColor("#9cc3e6")
            fill.setAlpha(35)
            pen = QPen(IDLE_LINE, 1.5)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if region == state.hover and not selected:
            fill = QColor(HOVER)
            fill.setAlpha(170 if strong else 110)
            pen = QPen(INK if strong else SELECTED, 4.0 if strong else 2.5)
        if selected:
            if level:  # light to dark blue with the pain level (and a numbered badge)
                fill = pain_colour(level)
                fill.setAlpha(255 if strong else 215)
            else:
                fill = QColor(SELECTED)
                fill.setAlpha(200 if strong else 120)
            pen = QPen(QColor("#000000") if strong else QColor("#003a5c"),
                       4.5 if strong else 3)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(path)
        if in_condition:
            painter.setBrush(QBrush(CONDITION_HATCH, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(CONDITION.darker(200) if strong else CONDITION_LINE,
                                4 if strong else 3,
                                Qt.PenStyle.DashLine))
            painter.drawPath(path)
        if state.show_focus and region == state.focus:
            # keyboard focus: a dark dashed outline just outside the region's own shape
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(INK if strong else FOCUS, 3.5 if strong else 2.5,
                                Qt.PenStyle.DashLine))
            outline = QPainterPathStroker()
            outline.setWidth(8)
            painter.drawPath(outline.createStroke(path).united(path))
        painter.restore()

    def paint_strokes(self, painter: QPainter, state: DiagramState) -> None:
        """The pen drawings, each only in its own view (the pen holds a stroke inside the
        view it began in) and mirrored with that view for the left side, as the body is;
        a tap is a dot. A handout file may hold any coordinates: its strokes show only
        on the drawing, each in the view around its middle."""
        for colour, points in state.strokes:
            if not points:
                continue
            xs = [x for x, _ in points]
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._in_panel(painter, self.panel_at(QPointF((min(xs) + max(xs)) / 2, 0)),
                           state.side)
            painter.setPen(QPen(QColor(colour), 5, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            if len(points) == 1:
                painter.drawPoint(QPointF(*points[0]))
            else:
                painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in points]))
            painter.restore()

    def paint(self, painter: QPainter, target: QRectF, state: DiagramState) -> None:
        """Everything, scaled into `target` keeping the aspect ratio (used by print)."""
        painter.save()
        scale = min(target.width() / self.bounds.width(), target.height() / self.bounds.height())
        painter.translate(target.left() + (target.width() - self.bounds.width() * scale) / 2,
                          target.top())
        painter.scale(scale, scale)
        painter.translate(-self.bounds.left(), -self.bounds.top())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint_body(painter, state.side)
        self.paint_regions(painter, state)
        # the painter's units are 1/96 inch (print's, on any printer): a point in them,
        # in drawing units
        self.paint_labels(painter, state.side, high_contrast=state.high_contrast,
                          least_px=PRINT_LABEL_PT * DPI / 72 / scale, paper=True)
        self.paint_strokes(painter, state)
        for region in self.region_ids:
            self.paint_region_badges(painter, region, state)
        painter.restore()
