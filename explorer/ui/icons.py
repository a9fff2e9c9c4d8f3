"""Icons drawn in code for 1x, 2x and 3x screens alike: Qt picks the pixmap drawn for the
screen's density, so no icon is a small bitmap scaled up (stair-stepped or blurred)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

INK = "#1c2430"  # the text's colour
Paint = Callable[[QPainter, QRectF], None]


def drawn_icon(paint: Paint, width: int = 16, height: int = 16) -> QIcon:
    """`paint` draws into a rectangle `width` x `height` in device-independent pixels."""
    icon = QIcon()
    for ratio in (1, 2, 3):
        pixmap = QPixmap(width * ratio, height * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter, QRectF(0, 0, width, height))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def arrow_icon(forward: bool) -> QIcon:
    """Back (left) or forward (right): a shaft and an open head, in the text's colour."""
    def paint(painter: QPainter, box: QRectF) -> None:
        r = box.adjusted(2, 3, -2, -3)
        tip, tail = (r.right(), r.left()) if forward else (r.left(), r.right())
        back = tip - r.height() / 2 if forward else tip + r.height() / 2
        y = r.center().y()
        path = QPainterPath(QPointF(tail, y))
        path.lineTo(tip, y)
        path.moveTo(back, r.top())
        path.lineTo(tip, y)
        path.lineTo(back, r.bottom())
        pen = QPen(QColor(INK), 2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, pen)
    return drawn_icon(paint)
