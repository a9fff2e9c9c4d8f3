"""Paint the hip diagram: the body drawing, the region overlays and the labels.

One painter for the screen (DiagramView) and for print (report), so a printed summary
shows the same picture as the window. Region shapes come from the SVG through
`explorer.model.diagram_shapes` as polygons and become QPainterPaths here; hit-testing
uses those real shapes, never bounding boxes.

The drawing has three panels (front, side, back), each a third of the view box wide.
For the left hip each panel is mirrored about its own centre, so the panels keep
their order and the labels (drawn here, not in the SVG) stay readable.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer

from explorer.model.diagram_shapes import DiagramShapes, read_shapes

PANEL_TITLES = ("FRONT", "SIDE", "BACK")
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SELECTED = QColor("#0072B2")
CONDITION = QColor("#E69F00")
HOVER = QColor("#56B4E9")
FOCUS = QColor("#1c2430")
TEXT = QColor("#3b4452")


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
    # pen drawings in drawing coordinates: (colour, points); shown and printed
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
        x, y, w, h = shapes.view_box
        self.bounds = QRectF(x, y, w, h)
        self.region_ids = [r for r in region_ids if r in shapes.regions]
        self._polygons = shapes.regions
        self._paths: dict[tuple[str, str], QPainterPath] = {}  # made on first use

    def _panel_centre(self, x: float) -> float:
        width = self.bounds.width() / 3
        index = min(2, max(0, int((x - self.bounds.left()) // width)))
        return self.bounds.left() + width * (index + 0.5)

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

    # ---- painting ---------------------------------------------------------------
    def paint_body(self, painter: QPainter, side: str) -> None:
        """The drawing without regions, each panel mirrored for the left side."""
        width = self.bounds.width() / 3
        for index in range(3):
            panel = QRectF(self.bounds.left() + width * index, self.bounds.top(), width,
                           self.bounds.height())
            painter.save()
            painter.setClipRect(panel)
            if side == "left":
                cx = panel.center().x()
                painter.translate(2 * cx, 0)
                painter.scale(-1, 1)
            for element in ("body-front", "body-side", "body-back"):
                if self.renderer.elementExists(element):
                    self.renderer.render(painter, element,
                                         self.renderer.boundsOnElement(element))
            painter.restore()

    def paint_labels(self, painter: QPainter, side: str, font_size: float = 15) -> None:
        width = self.bounds.width() / 3
        font = QFont()
        font.setPointSizeF(font_size)
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        painter.setPen(TEXT)
        side_word = "RIGHT" if side == "right" else "LEFT"
        titles = ("FRONT", f"{side_word} SIDE", "BACK")
        for index, title in enumerate(titles):
            rect = QRectF(self.bounds.left() + width * index, self.bounds.top() + 6, width, 30)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, title)
        # The person's right and left: in the front view their right is on our left.
        small = QFont(font)
        small.setPointSizeF(font_size * 0.8)
        painter.setFont(small)
        painter.setPen(QColor("#6b7280"))
        y = self.bounds.bottom() - 30
        # The person's right is on our left in the front view and on our right in the
        # back view; mirroring for the left hip does not change that.
        for index, (left, right) in ((0, ("R", "L")), (2, ("L", "R"))):
            panel = self.bounds.left() + width * index
            painter.drawText(QRectF(panel + 8, y, 30, 24), Qt.AlignmentFlag.AlignLeft, left)
            painter.drawText(QRectF(panel + width - 38, y, 30, 24), Qt.AlignmentFlag.AlignRight,
                             right)
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
        painter.save()
        base_alpha = 60 if state.high_contrast else 35
        fill = QColor("#9cc3e6")
        fill.setAlpha(base_alpha)
        pen = QPen(QColor("#5b8fbf"), 1.5)
        if region == state.hover and not selected:
            fill = QColor(HOVER)
            fill.setAlpha(110)
            pen = QPen(SELECTED, 2.5)
        if selected:
            level = state.intensities.get(region, 0)
            fill = QColor(SELECTED)
            fill.setAlpha(120 + int(13 * level))  # stronger colour for stronger pain
            pen = QPen(QColor("#003a5c"), 3.5 if state.high_contrast else 3)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(path)
        if in_condition:
            painter.setBrush(QBrush(CONDITION, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(CONDITION.darker(130), 3, Qt.PenStyle.DashLine))
            painter.drawPath(path)
        if state.show_focus and region == state.focus:
            # keyboard focus: a dark dashed outline just outside the region's own shape
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FOCUS, 2.5, Qt.PenStyle.DashLine))
            outline = QPainterPathStroker()
            outline.setWidth(8)
            painter.drawPath(outline.createStroke(path).united(path))
        painter.restore()

    def paint_strokes(self, painter: QPainter, state: DiagramState) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for colour, points in state.strokes:
            if len(points) < 2:
                continue
            pen = QPen(QColor(colour), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                       Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
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
        self.paint_labels(painter, state.side)
        self.paint_strokes(painter, state)
        painter.restore()
